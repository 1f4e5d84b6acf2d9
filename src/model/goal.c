/* goal.c: MODEL.md 4.5, goal formulation: consensus grows with trust,
 * contact and decisions taken, slower for diverse partners; the shared goal
 * drifts from the issue to the members' compromise; interest fades with
 * the time formulation takes. */
#include <assert.h>
#include <math.h>

#include "model/state.h"

int samen_goal(samen_sim *sim, net *nw, const samen_observer *obs)
{
    const samen_params *p = sim->p;
    int K = sim->K;
    nw->t_form++;

    /* engagement-weighted mean mission and cohesion */
    double mbar[SAMEN_MAX_THEMES] = {0}, esum = 0;
    for (int i = 0; i < nw->n; i++) {
        const member *mb = &nw->m[nw->order[i]];
        const double *mis = sim->orgs[mb->org].mission;
        for (int k = 0; k < K; k++)
            mbar[k] += mb->engagement * mis[k];
        esum += mb->engagement;
    }
    double chi = 0;
    if (esum > 0) {
        for (int k = 0; k < K; k++)
            mbar[k] /= esum;
        for (int i = 0; i < nw->n; i++) {
            const member *mb = &nw->m[nw->order[i]];
            chi += mb->engagement * samen_fit(sim->orgs[mb->org].mission, mbar, K);
        }
        chi /= esum;
    } else {
        for (int k = 0; k < K; k++)
            mbar[k] = nw->spec->issue[k];
    }

    int defined;
    double s = samen_sdec(sim, nw, 0, &defined);
    nw->gamma += p->goal.speed * samen_mean_trust(nw) * samen_mean_cpn(nw) *
                 (0.5 + 0.5 * s) * chi * (1 - nw->gamma);
    if (nw->gamma > 1)
        nw->gamma = 1;
    assert(nw->gamma >= 0);

    samen_unit(mbar, K);
    for (int k = 0; k < K; k++)
        nw->goal[k] = (1 - nw->gamma) * nw->qhat[k] + nw->gamma * mbar[k];
    samen_unit(nw->goal, K);

    samen_goal_moved(sim, nw);
    for (int i = 0; i < nw->n; i++) {
        member *mb = &nw->m[nw->order[i]];
        double a = samen_attraction(sim, nw, mb->cand, nw->goal);
        mb->interest = fmin(1, a) * exp(-nw->t_form / sim->orgs[mb->org].patience);
    }

    if (nw->gamma >= p->goal.threshold) {
        nw->agreed_step = sim->step;
        int rc = samen_emit(sim, nw, -1, 0, "goal-agreed", NULL, 1, nw->gamma, obs);
        if (rc)
            return rc;
        return samen_set_phase(sim, nw, SAMEN_PHASE_EXECUTING, obs);
    }
    if (nw->t_form >= p->goal.max_steps)
        return samen_net_end(sim, nw, SAMEN_PHASE_DISSOLVED, "dissolved",
                             "no-shared-goal", 0, 0, obs);
    return 0;
}

void samen_goal_moved(samen_sim *sim, net *nw)
{
    for (int i = 0; i < nw->n; i++) {
        member *mb = &nw->m[nw->order[i]];
        mb->fit_goal = samen_fit(sim->orgs[mb->org].mission, nw->goal, sim->K);
    }
}
