/* observe.c: section 3 step 12, the network's row of the step, its ties
 * snapshot and the detail rows, handed to the observer. */
#include <string.h>

#include "model/state.h"

int samen_snapshot_step(const samen_scenario *sc, int step)
{
    /* validation keeps snapshot_every >= 1; a record built by hand may not */
    int every = sc->snapshot_every > 0 ? sc->snapshot_every : 1;
    return step % every == 0 || step == sc->steps - 1;
}

static int tie_rows(samen_sim *sim, net *nw, const samen_observer *obs)
{
    for (int i = 0; i < nw->n; i++)
        for (int j = i + 1; j < nw->n; j++) {
            int sa = nw->order[i], sb = nw->order[j];
            int oa = nw->m[sa].org, ob = nw->m[sb].org;
            const char *a = sim->orgs[oa].id;
            const char *b = sim->orgs[ob].id;
            size_t ix = samen_pair_index(nw, sa, sb);
            int swap = sim->org_rank[oa] > sim->org_rank[ob]; /* strcmp order */
            samen_tie_row row = {
                .step = sim->step,
                .network = nw->spec->name,
                .org_a = swap ? b : a,
                .org_b = swap ? a : b,
                .trust = nw->trust[ix],
                .since = nw->since[ix],
            };
            int rc = obs->tie_row(obs->user, &row);
            if (rc)
                return rc;
        }
    return 0;
}

static const char *role_name(int role)
{
    return role == ROLE_INITIATOR ? "initiator" : role == ROLE_NECESSARY ? "necessary" : "member";
}

static int detail_rows(samen_sim *sim, net *nw, const samen_observer *obs)
{
    for (int i = 0; i < nw->n; i++) {
        const member *mb = &nw->m[nw->order[i]];
        const samen_org *o = &sim->orgs[mb->org];
        if (obs->org_row && (sim->sc->detail & SAMEN_DETAIL_ORGS)) {
            samen_org_row row = {
                .step = sim->step,
                .network = nw->spec->name,
                .org = o->id,
                .role = role_name(mb->role),
                .mandate = o->mandate == SAMEN_DECISION ? "decision" : "feedback",
                .interest = mb->interest,
                .engagement = mb->engagement,
                .fit_issue = nw->fit_q[mb->cand],
                .fit_goal = mb->fit_goal,
                .c_po = mb->c_po,
                .c_pn = mb->c_pn,
                .link = mb->c_po * mb->c_pn,
            };
            int rc = obs->org_row(obs->user, &row);
            if (rc)
                return rc;
        }
        if (obs->person_row && (sim->sc->detail & SAMEN_DETAIL_PERSONS)) {
            samen_person_row row = {
                .step = sim->step,
                .network = nw->spec->name,
                .org = o->id,
                .person = mb->person,
                .c_po = mb->c_po,
                .c_pn = mb->c_pn,
                .self_interest = mb->sigma,
                .uncertainty = mb->u,
                .tenure = mb->tenure,
            };
            int rc = obs->person_row(obs->user, &row);
            if (rc)
                return rc;
        }
    }
    return 0;
}

int samen_observe_net(samen_sim *sim, net *nw, const samen_observer *obs)
{
    if (!obs)
        return 0;
    if (obs->network_row) {
        samen_net_row row;
        memset(&row, 0, sizeof row);
        row.step = sim->step;
        row.network = nw->spec->name;
        row.type = nw->spec->type;
        row.phase = nw->phase;
        row.form = nw->form;
        row.members = nw->n;
        row.necessary_present = samen_necessary_present(nw);
        row.trust = samen_mean_trust(nw);
        row.consensus = nw->gamma;
        row.progress = nw->progress;
        memcpy(row.d, nw->d, sizeof row.d);
        double cpo = 0, cpn = 0, link = 0;
        for (int i = 0; i < nw->n; i++) {
            const member *mb = &nw->m[nw->order[i]];
            cpo += mb->c_po;
            cpn += mb->c_pn;
            link += mb->c_po * mb->c_pn;
        }
        if (nw->n > 0) {
            row.c_po = cpo / nw->n;
            row.c_pn = cpn / nw->n;
            row.link = link / nw->n;
        }
        /* 4.3: Pi = 1 - mean link / mean c_pn, 0 when mean c_pn is 0 */
        row.person_dependency = row.c_pn > 0 ? 1 - row.link / row.c_pn : 0;
        row.decisions_open = nw->qn;
        row.decisions_resolved = nw->resolved;
        row.overreach = nw->overreach_count;
        row.dropouts = nw->dropouts;
        int rc = obs->network_row(obs->user, &row);
        if (rc)
            return rc;
    }
    int snapshot = samen_snapshot_step(sim->sc, sim->step) || !samen_live(nw->phase);
    if (snapshot && obs->tie_row) {
        int rc = tie_rows(sim, nw, obs);
        if (rc)
            return rc;
    }
    return detail_rows(sim, nw, obs);
}
