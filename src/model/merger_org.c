/* merger_org.c: MODEL.md 4.15, "the collaboration becomes a new
 * organisation": a merged network becomes an organisation of the field,
 * with the members' engagement-weighted mission, the effort they had
 * committed as its capacity, their mean guard, latency and patience, and
 * the network's mean trust remembered with each of them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/state.h"

int samen_merger_org(samen_sim *sim, net *nw, const samen_observer *obs)
{
    const samen_params *p = sim->p;
    int K = sim->K;
    int n = nw->n;
    double mis[SAMEN_MAX_THEMES] = {0}, esum = 0, cap = 0, guard = 0, lat = 0, pat = 0;
    for (int i = 0; i < n; i++) {
        const member *mb = &nw->m[nw->order[i]];
        const samen_org *o = &sim->orgs[mb->org];
        for (int k = 0; k < K; k++)
            mis[k] += mb->engagement * o->mission[k];
        esum += mb->engagement;
        cap += p->model.join_cost * (0.5 + mb->engagement);
        guard += o->guard;
        lat += o->latency;
        pat += o->patience;
    }
    for (int k = 0; k < K; k++)
        mis[k] = esum > 0 ? mis[k] / esum : nw->spec->issue[k];
    double tbar = samen_mean_trust(nw);
    int initiator = nw->spec->initiator;

    char id[SAMEN_MAX_LABEL * 4 + 8];
    snprintf(id, sizeof id, "m.%s", nw->spec->name);
    if (samen_grow_orgs(sim, sim->n_orgs + 1))
        return SAMEN_SIM_NOMEM;
    int x = sim->n_orgs;
    samen_org *no = &sim->orgs[x];
    memset(no, 0, sizeof *no);
    /* owned like id and name, freed with them (state.c) */
    no->id = strdup(id);
    no->name = strdup(nw->spec->name);
    no->sector = strdup("merged");
    if (!no->id || !no->name || !no->sector) {
        free(no->id);
        free(no->name);
        free(no->sector);
        return SAMEN_SIM_NOMEM;
    }
    no->area = sim->orgs[initiator].area;
    memcpy(no->mission, mis, sizeof no->mission);
    no->capacity = cap;
    no->mandate = SAMEN_DECISION;
    no->guard = n > 0 ? guard / n : 0;
    no->latency = n > 0 ? lat / n : 1;
    no->patience = n > 0 ? pat / n : 1;
    sim->created_net[x] = (int)(nw - sim->nets);
    sim->created_step[x] = sim->step;
    sim->area_of[x] = sim->area_of[initiator];
    sim->n_orgs++;
    samen_rank_ids(sim);
    /* its members remember the network's trust with it (memory on) */
    if (p->field.memory_half_life > 0)
        for (int i = 0; i < n; i++)
            if (samen_memory_set(sim, x, nw->m[nw->order[i]].org, tbar, 1))
                return SAMEN_SIM_NOMEM;
    return samen_emit(sim, nw, x, 0, "org-founded", NULL, 1, cap, obs);
}
