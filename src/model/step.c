/* step.c: the schedule of MODEL.md section 3: loads, then each network in
 * founding (4.14), then each network in a fresh random order runs
 * sub-models 0 to 12; a network that ends skips the rest of its step but
 * still writes its row, and then frees its state. */
#include <limits.h>

#include <gsl/gsl_randist.h>

#include "model/state.h"

#define TRY(x)             \
    do {                   \
        int rc_ = (x);     \
        if (rc_)           \
            return rc_;    \
    } while (0)

/* Sub-models 1 to 11 for one network; stops as soon as it has ended. */
static int run_submodels(samen_sim *sim, net *nw, const samen_observer *obs)
{
#define ENDED() (!samen_live(nw->phase))
    samen_phase ph = nw->phase;
    if (ph == SAMEN_PHASE_RECRUITING || nw->grace > 0)
        TRY(samen_recruit(sim, nw, obs));
    if (ENDED())
        return 0;
    if (nw->phase != SAMEN_PHASE_RECRUITING)
        TRY(samen_decisions(sim, nw, obs));
    samen_comm(sim, nw);
    samen_trust(sim, nw);
    if (nw->phase == SAMEN_PHASE_FORMULATING) {
        TRY(samen_goal(sim, nw, obs));
        if (ENDED())
            return 0;
    }
    if (nw->phase != SAMEN_PHASE_RECRUITING)
        samen_engagement(sim, nw);
    if (nw->phase == SAMEN_PHASE_EXECUTING) {
        TRY(samen_execution(sim, nw, obs));
        if (ENDED())
            return 0;
    }
    TRY(samen_framing(sim, nw, obs));
    TRY(samen_dropout(sim, nw, obs));
    if (ENDED())
        return 0;
    TRY(samen_turnover(sim, nw, obs));
    TRY(samen_form(sim, nw, obs));
    return 0;
#undef ENDED
}

int samen_sim_step(samen_sim *sim, const samen_observer *obs)
{
    if (sim->step >= sim->sc->steps)
        return 0;
    samen_capacity_loads(sim);
    TRY(samen_found(sim, obs));
    for (int k = 0; k < sim->n_nets; k++)
        sim->perm[k] = k;
    /* a field may have no network yet (4.14): GSL's shuffle of none would
     * count down from (size_t)-1; one network or none draws nothing */
    if (sim->n_nets > 1)
        gsl_ran_shuffle(sim->rng, sim->perm, (size_t)sim->n_nets, sizeof *sim->perm);
    for (int k = 0; k < sim->n_nets; k++) {
        int i = sim->perm[k];
        if (sim->step < sim->wake[i])
            continue; /* not started yet, or its end row written */
        net *nw = &sim->nets[i];
        if (nw->phase == SAMEN_PHASE_PENDING)
            TRY(samen_recruit_start(sim, nw, obs));
        TRY(run_submodels(sim, nw, obs));
        TRY(samen_observe_net(sim, nw, obs));
        if (!samen_live(nw->phase)) {
            sim->wake[i] = INT_MAX;
            samen_net_free(nw); /* its end row is written: only its summary stays */
        }
    }
    if (obs && obs->field_row && samen_snapshot_step(sim->sc, sim->step))
        TRY(samen_field_rows(sim, obs));
    sim->step++;
    return 0;
}

int samen_sim_run(samen_sim *sim, const samen_observer *obs)
{
    while (sim->step < sim->sc->steps)
        TRY(samen_sim_step(sim, obs));
    return 0;
}
