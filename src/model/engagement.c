/* engagement.c: MODEL.md 4.6, partners engage while the goal fits them,
 * there is room to contribute, their organisation is linked in, decisions
 * get taken and trust holds. */
#include "model/state.h"

/* b_n = (0.5 + 0.5 s)(0.5 + 0.5 mean trust), shared with 4.7. */
double samen_benefit(const samen_sim *sim, const net *nw)
{
    int defined;
    double s = samen_sdec(sim, nw, 0, &defined);
    return (0.5 + 0.5 * s) * (0.5 + 0.5 * samen_mean_trust(nw));
}

void samen_engagement(samen_sim *sim, net *nw)
{
    const samen_params *p = sim->p;
    double b = samen_benefit(sim, nw);
    double room = samen_room(nw->spec->concreteness, p->model.room_exp);
    for (int i = 0; i < nw->n; i++) {
        member *mb = &nw->m[nw->order[i]];
        double link = mb->c_po * mb->c_pn;
        double target = mb->fit_goal * room * (0.5 + 0.5 * link) * b;
        mb->engagement += p->exec.engage_rate * (target - mb->engagement);
    }
}
