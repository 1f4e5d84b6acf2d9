/* turnover.c: MODEL.md 4.10, persons leave their role; what was anchored in
 * the person and not in the organisation (low c_po) leaves with them. */
#include <assert.h>
#include "model/state.h"

int samen_turnover(samen_sim *sim, net *nw, const samen_observer *obs)
{
    const samen_params *p = sim->p;
    double leave = samen_rate_prob(1.0 / p->persons.tenure);
    for (int i = 0; i < nw->n; i++) {
        int s = nw->order[i];
        member *mb = &nw->m[s];
        if (!(gsl_rng_uniform(sim->rng) < leave))
            continue;
        double old_cpo = mb->c_po;
        double keep = 1 - p->turnover.trust_loss * (1 - old_cpo);
        assert(keep >= 0 && keep <= 1);
        for (int j = 0; j < nw->n; j++)
            if (j != i)
                *samen_pair(nw, s, nw->order[j]) *= keep;
        mb->engagement *= keep;
        samen_person_new(sim, mb);
        int rc = samen_emit(sim, nw, mb->org, mb->person, "turnover", NULL, 1,
                            old_cpo, obs);
        if (rc)
            return rc;
    }
    for (int i = 0; i < nw->n; i++) {
        member *mb = &nw->m[nw->order[i]];
        if (mb->person_step < sim->step)
            mb->tenure++;
    }
    return 0;
}
