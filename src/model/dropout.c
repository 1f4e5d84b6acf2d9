/* dropout.c: MODEL.md 4.9, drop-out of members (impatience, goal misfit,
 * disengagement, overcommitment, a base rate) and the end checks: too few
 * partners, the necessary-actor quorum and its grace. */
#include <assert.h>
#include <math.h>

#include "model/state.h"

const char *const samen_dropout_reasons[5] = {
    "impatience", "goal-misfit", "disengaged", "overcommitted", "base"};

/* Fills the five hazard terms of member mb and returns their sum. */
static double hazard(const samen_sim *sim, const net *nw, const member *mb, double h[5])
{
    const samen_params *p = sim->p;
    const samen_org *o = &sim->orgs[mb->org];
    int formulating = nw->phase == SAMEN_PHASE_FORMULATING;
    int engaged_phase = formulating || nw->phase == SAMEN_PHASE_EXECUTING;
    h[0] = formulating ? p->drop.impatience * fmax(0, p->drop.interest_min - mb->interest) : 0;
    h[1] = formulating
               ? p->drop.misfit * fmax(0, nw->fit_q[mb->cand] -
                                              mb->fit_goal)
               : 0;
    h[2] = engaged_phase
               ? p->drop.disengaged * fmax(0, p->drop.engagement_min - mb->engagement)
               : 0;
    h[3] = p->drop.overcommit * fmax(0, sim->load[mb->org] / o->capacity - 1);
    h[4] = p->drop.base;
    return h[0] + h[1] + h[2] + h[3] + h[4];
}

static int end_checks(samen_sim *sim, net *nw, const samen_observer *obs)
{
    if (nw->n < 2)
        return samen_net_end(sim, nw, SAMEN_PHASE_DISSOLVED, "dissolved",
                             "too-few-partners", 0, 0, obs);
    if (samen_necessary_present(nw) >= samen_quorum_need(sim, nw)) {
        nw->grace = 0;
        return 0;
    }
    if (++nw->grace < sim->p->model.necessary_grace)
        return 0;
    /* lost if a missing actor was ever a member, else never came */
    const samen_net_spec *sp = nw->spec;
    int ever = 0;
    for (int k = 0; k < sp->n_necessary; k++) {
        int c = nw->nec_cand[k];
        if (!samen_is_member(nw, c) && nw->was_member[c])
            ever = 1;
    }
    return samen_net_end(sim, nw, SAMEN_PHASE_DISSOLVED, "dissolved",
                         ever ? "necessary-actor-lost" : "necessary-actor-missing",
                         0, 0, obs);
}

int samen_dropout(samen_sim *sim, net *nw, const samen_observer *obs)
{
    for (int i = 0; i < nw->n; i++) {
        member *mb = &nw->m[nw->order[i]];
        if (mb->role == ROLE_INITIATOR)
            continue;
        double h[5];
        double total = hazard(sim, nw, mb, h);
        assert(total >= 0); /* a rate: its probability 1 - exp(-total) is in [0, 1] */
        if (!(gsl_rng_uniform(sim->rng) < samen_rate_prob(total)))
            continue;
        int why = 0;
        for (int k = 1; k < 5; k++)
            if (h[k] > h[why])
                why = k; /* strictly larger: the first largest wins */
        int org = mb->org;
        long person = mb->person;
        samen_member_leave(sim, nw, i);
        i--;
        nw->dropouts++;
        nw->dropouts_by_reason[why]++;
        int rc = samen_emit(sim, nw, org, person, "dropout",
                            samen_dropout_reasons[why], 1, total, obs);
        if (rc)
            return rc;
    }
    if (nw->phase == SAMEN_PHASE_RECRUITING)
        return 0; /* end checks run from the end of recruitment on */
    return end_checks(sim, nw, obs);
}
