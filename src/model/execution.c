/* execution.c: MODEL.md 4.7, progress towards the goal while the necessary
 * actors are present; an adhoc network completes at its goal or horizon. */
#include "model/state.h"

int samen_execution(samen_sim *sim, net *nw, const samen_observer *obs)
{
    nw->t_exec++;
    const samen_net_spec *sp = nw->spec;
    if (sp->type != SAMEN_TYPE_OVERLEG &&
        samen_necessary_present(nw) >= samen_quorum_need(sim, nw)) {
        double v = nw->progress +
                   sim->p->exec.speed * nw->d[3] * samen_benefit(sim, nw);
        nw->progress = v < 0 ? 0 : v > 1 ? 1 : v;
    }
    if (sp->type != SAMEN_TYPE_ADHOC)
        return 0; /* networks go on, dissolve or merge; consultations go on */
    if (nw->progress >= 1)
        return samen_net_end(sim, nw, SAMEN_PHASE_COMPLETED, "completed",
                             "goal-reached", 1, nw->progress, obs);
    if (nw->t_exec >= sp->horizon)
        return samen_net_end(sim, nw, SAMEN_PHASE_COMPLETED, "completed",
                             "horizon", 1, nw->progress, obs);
    return 0;
}
