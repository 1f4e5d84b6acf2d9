/* framing.c: MODEL.md 4.8, framing actors are not members but must be kept
 * informed: informed ones help when needed, uninformed ones cause setbacks. */
#include <assert.h>
#include <math.h>

#include "model/state.h"

int samen_framing(samen_sim *sim, net *nw, const samen_observer *obs)
{
    const samen_params *p = sim->p;
    const samen_net_spec *sp = nw->spec;
    for (int f = 0; f < sp->n_framing; f++)
        nw->iota[f] *= 1 - p->framing.decay;
    if (sp->inform_every > 0 && (sim->step - sp->start) % sp->inform_every == 0)
        for (int f = 0; f < sp->n_framing; f++)
            nw->iota[f] = 1;
    double need = samen_rate_prob(p->framing.need_rate);
    assert(need >= 0 && need <= 1);
    for (int f = 0; f < sp->n_framing; f++) {
        if (!(gsl_rng_uniform(sim->rng) < need))
            continue;
        assert(nw->iota[f] >= 0 && nw->iota[f] <= 1);
        if (gsl_rng_uniform(sim->rng) < nw->iota[f]) {
            /* help counts where progress does (4.7): not in an overleg */
            if (nw->phase == SAMEN_PHASE_EXECUTING && sp->type != SAMEN_TYPE_OVERLEG)
                nw->progress = fmin(1, nw->progress + p->framing.help);
            continue;
        }
        nw->progress = fmax(0, nw->progress - p->framing.setback);
        for (int i = 0; i < nw->n; i++)
            for (int j = i + 1; j < nw->n; j++) {
                double *t = samen_pair(nw, nw->order[i], nw->order[j]);
                *t = fmax(0, *t - p->framing.trust_loss);
            }
        int rc = samen_emit(sim, nw, sp->framing[f], 0, "framing-setback", NULL, 1,
                            nw->iota[f], obs);
        if (rc)
            return rc;
    }
    return 0;
}
