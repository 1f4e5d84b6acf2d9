/* capacity.c: MODEL.md 4.12, each organisation's load from its memberships
 * in live networks, computed at the start of every step. */
#include <string.h>

#include "model/state.h"

int samen_capacity_loads(samen_sim *sim)
{
    double cost = sim->p->model.join_cost;
    memset(sim->load, 0, (size_t)sim->n_orgs * sizeof *sim->load);
    for (int k = 0; k < sim->n_nets; k++) {
        net *nw = &sim->nets[k];
        if (!samen_live(nw->phase))
            continue;
        for (int i = 0; i < nw->n; i++) {
            member *mb = &nw->m[nw->order[i]];
            /* remembered so that a leaver removes exactly what it added */
            mb->load_share = cost * (0.5 + mb->engagement);
            sim->load[mb->org] += mb->load_share;
        }
    }
    return 0;
}
