/* form.c: MODEL.md 4.11, the six dimensions move towards what the network's
 * type means to invest; their mean places it on the continuum overleg -
 * adhoc - network, with hysteresis; a deep, lasting network merges. */
#include <math.h>

#include "model/state.h"

static double band_lower(const samen_params *p, samen_net_type f)
{
    return f == SAMEN_TYPE_NETWORK ? p->form.network_at
           : f == SAMEN_TYPE_ADHOC ? p->form.adhoc_at
                                   : 0;
}

/* The form after moving up and down bands as far as F allows. */
static samen_net_type move_form(const samen_params *p, samen_net_type f, double F)
{
    while (f < SAMEN_TYPE_NETWORK && F >= band_lower(p, f + 1) + p->form.hysteresis)
        f++;
    while (f > SAMEN_TYPE_OVERLEG && F < band_lower(p, f) - p->form.hysteresis)
        f--;
    return f;
}

int samen_form(samen_sim *sim, net *nw, const samen_observer *obs)
{
    const samen_params *p = sim->p;
    const samen_net_spec *sp = nw->spec;
    double depth = sp->type == SAMEN_TYPE_NETWORK ? p->form.depth_network
                   : sp->type == SAMEN_TYPE_ADHOC ? p->form.depth_adhoc
                                                  : p->form.depth_overleg;
    double target[6];
    int update[6] = {1, 1, 1, 1, 1, 1};
    double fit = 0, eff = 0, e = 0, cpn = 0;
    for (int i = 0; i < nw->n; i++) {
        const member *mb = &nw->m[nw->order[i]];
        const samen_org *o = &sim->orgs[mb->org];
        fit += mb->fit_goal;
        eff += mb->engagement * o->capacity;
        e += mb->engagement;
        cpn += mb->c_pn;
    }
    int n = nw->n > 0 ? nw->n : 1;
    target[0] = fit / n;
    target[1] = samen_sdec(sim, nw, 1, &update[1]);
    target[2] = samen_sdec(sim, nw, 2, &update[2]);
    target[3] = fmin(1, eff / sp->effort);
    target[4] = e / n;
    target[5] = cpn / n * samen_mean_trust(nw);

    double F = 0;
    for (int k = 0; k < 6; k++) {
        if (update[k])
            nw->d[k] += p->form.rate * (depth * target[k] - nw->d[k]);
        F += nw->d[k];
    }
    F /= 6;

    samen_net_type f = move_form(p, nw->form, F);
    if (f != nw->form) {
        nw->form = f;
        int rc = samen_emit(sim, nw, -1, 0, "form-change", samen_type_name(f), 1, F, obs);
        if (rc)
            return rc;
    }

    if (F >= p->form.merger_at && nw->d[2] >= p->form.merger_dims &&
        nw->d[5] >= p->form.merger_dims)
        nw->merger_run++;
    else
        nw->merger_run = 0;
    if (nw->merger_run >= p->form.merger_steps)
        return samen_net_end(sim, nw, SAMEN_PHASE_MERGED, "merger", NULL, 1, F, obs);
    return 0;
}
