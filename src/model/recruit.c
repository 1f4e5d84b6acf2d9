/* recruit.c: MODEL.md 4.1, recruitment around the issue (TAAK fit, IK
 * appeal, WIJ need), the initiator's start, and the necessary-actor grace
 * recruitment of 4.9. */
#include <assert.h>
#include <math.h>

#include "model/state.h"

/* Section 3 step 0: the network starts and its initiator joins whatever
 * its attraction and capacity. */
int samen_recruit_start(samen_sim *sim, net *nw, const samen_observer *obs)
{
    int rc = samen_set_phase(sim, nw, SAMEN_PHASE_RECRUITING, obs);
    if (rc)
        return rc;
    int c = nw->init_cand;
    assert(nw->n == 0 && c >= 0 && c < nw->n_cand);
    return samen_member_join(sim, nw, c, nw->attract_q[c], "initiator", obs);
}

/* One pass over the candidates in the order of the organisations file. In
 * a grace only necessary actors that were never members are asked. */
static int consider_candidates(samen_sim *sim, net *nw, int grace,
                               const samen_observer *obs)
{
    const samen_params *p = sim->p;
    const samen_net_spec *sp = nw->spec;
    for (int c = 0; c < sp->n_candidates; c++) {
        if (nw->n >= p->model.max_members || nw->n >= nw->slots)
            break;
        int o = sp->candidates[c]; /* position c is candidate c */
        if (nw->left[c] || samen_is_member(nw, c))
            continue;
        if (grace && (!nw->necessary[c] || nw->was_member[c]))
            continue;
        double a = nw->attract_q[c];
        if (!samen_can_join(p, a, sim->orgs[o].capacity - sim->load[o]))
            continue;
        if (gsl_rng_uniform(sim->rng) < samen_rate_prob(p->model.join_rate * a)) {
            int rc = samen_member_join(sim, nw, c, a, grace ? "grace" : "candidate", obs);
            if (rc)
                return rc;
        }
    }
    return 0;
}

int samen_recruit(samen_sim *sim, net *nw, const samen_observer *obs)
{
    const samen_params *p = sim->p;
    if (nw->phase != SAMEN_PHASE_RECRUITING) {
        /* a grace runs from the end of recruitment on (4.9) */
        return nw->grace > 0 ? consider_candidates(sim, nw, 1, obs) : 0;
    }
    int rc = consider_candidates(sim, nw, 0, obs);
    if (rc)
        return rc;
    nw->recruit_round++;
    if (nw->recruit_round < p->model.recruit_steps && nw->n < p->model.max_members)
        return 0;
    if (nw->n < 2)
        return samen_net_end(sim, nw, SAMEN_PHASE_DISSOLVED, "dissolved",
                             "too-few-partners", 0, 0, obs);
    return samen_set_phase(sim, nw, nw->spec->type == SAMEN_TYPE_OVERLEG
                                        ? SAMEN_PHASE_EXECUTING
                                        : SAMEN_PHASE_FORMULATING, obs);
}
