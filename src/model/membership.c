/* membership.c: what every sub-model shares about a network's members:
 * joining and leaving (MODEL.md 4.1, 4.4, 4.9, 4.12), trust pairs, means,
 * s_dec (4.2), phase changes and the end of a network (section 3). */
#include <assert.h>
#include <math.h>
#include <string.h>

#include "model/state.h"

size_t samen_pair_index(const net *nw, int sa, int sb)
{
    assert(sa != sb && sa >= 0 && sb >= 0 && sa < nw->slots && sb < nw->slots);
    int lo = sa < sb ? sa : sb, hi = sa < sb ? sb : sa;
    return (size_t)lo * (size_t)nw->slots + (size_t)hi;
}

double *samen_pair(net *nw, int sa, int sb)
{
    return &nw->trust[samen_pair_index(nw, sa, sb)];
}

int samen_emit(samen_sim *sim, net *nw, int org, long person, const char *event,
               const char *reason, int has_value, double value,
               const samen_observer *obs)
{
    if (!obs || !obs->event)
        return 0;
    samen_event ev = {
        .step = sim->step,
        .network = nw->spec->name,
        .org = org >= 0 ? sim->orgs[org].id : NULL,
        .person = person,
        .event = event,
        .reason = reason,
        .has_value = has_value,
        .value = value,
    };
    return obs->event(obs->user, &ev);
}

int samen_set_phase(samen_sim *sim, net *nw, samen_phase ph, const samen_observer *obs)
{
    nw->phase = ph;
    return samen_emit(sim, nw, -1, 0, "phase", samen_phase_name(ph), 0, 0, obs);
}

/* Attraction A_o(v) of 4.1, with the ask bonus for necessary actors. */
double samen_attraction(const samen_sim *sim, const net *nw, int c, const double *v)
{
    return samen_attraction_of(sim->p, &sim->orgs[samen_cand_org(nw, c)], nw->spec,
                               nw->necessary[c], v, sim->K, NULL);
}

int samen_member_join(samen_sim *sim, net *nw, int c, double attraction,
                      const char *reason, const samen_observer *obs)
{
    const samen_params *p = sim->p;
    assert(c >= 0 && c < nw->n_cand && !nw->member_now[c] && !nw->left[c]);
    assert(nw->n < nw->slots);
    int org = samen_cand_org(nw, c);
    int slot = 0;
    while (nw->m[slot].org >= 0)
        slot++; /* a free slot exists: |M| < slots is checked by callers */
    member *mb = &nw->m[slot];
    memset(mb, 0, sizeof *mb);
    mb->org = org;
    mb->cand = c;
    mb->feedback = sim->orgs[org].mandate == SAMEN_FEEDBACK;
    mb->latency = sim->orgs[org].latency;
    mb->join_step = sim->step;
    mb->attract_q = attraction;
    mb->fit_goal = samen_fit(sim->orgs[org].mission, nw->goal, sim->K);
    if (org == nw->spec->initiator) {
        mb->role = ROLE_INITIATOR;
        mb->interest = 1;
    } else {
        mb->role = nw->necessary[c] ? ROLE_NECESSARY : ROLE_MEMBER;
        mb->interest = fmin(1, attraction);
    }
    mb->engagement = nw->fit_q[c] *
                     samen_room(nw->spec->concreteness, p->model.room_exp);
    samen_person_new(sim, mb);

    /* trust with every present member: R_eff of the pair's memory, else
     * trust0 (4.1, 4.13) */
    for (int i = 0; i < nw->n; i++) {
        int other = nw->order[i];
        double t0 = samen_memory_start_trust(sim, org, nw->m[other].org);
        size_t ix = samen_pair_index(nw, slot, other);
        nw->trust[ix] = t0;
        nw->since[ix] = sim->step;
        if (samen_memory_pair_begins(sim, org, nw->m[other].org))
            return SAMEN_SIM_NOMEM;
    }
    if (samen_int_list_add(&sim->memb[org], (int)(nw - sim->nets)))
        return SAMEN_SIM_NOMEM;
    nw->order[nw->n++] = slot;
    if (nw->n > nw->max_members)
        nw->max_members = nw->n;
    nw->was_member[c] = 1;
    nw->member_now[c] = 1;

    /* 4.12: a join adds its share at once */
    mb->load_share = p->model.join_cost * (0.5 + mb->engagement);
    sim->load[org] += mb->load_share;

    return samen_emit(sim, nw, org, mb->person, "join", reason, 1, attraction, obs);
}

/* Removes the member at join position pos: its pairs go, the others lose
 * trust.exit_loss (4.4), its load leaves at once (4.12). */
int samen_member_leave(samen_sim *sim, net *nw, int pos)
{
    assert(pos >= 0 && pos < nw->n);
    int slot = nw->order[pos];
    member *mb = &nw->m[slot];
    assert(mb->org >= 0);
    sim->load[mb->org] -= mb->load_share;
    if (sim->load[mb->org] < 0)
        sim->load[mb->org] = 0;
    nw->left[mb->cand] = 1;
    nw->member_now[mb->cand] = 0;
    /* 4.13: its pairs end with their trust before the exit loss */
    for (int i = 0; i < nw->n; i++)
        if (i != pos)
            samen_memory_pair_ends(sim, mb->org, nw->m[nw->order[i]].org,
                                   *samen_pair(nw, slot, nw->order[i]));
    samen_int_list_remove(&sim->memb[mb->org], (int)(nw - sim->nets));
    memmove(&nw->order[pos], &nw->order[pos + 1], (size_t)(nw->n - pos - 1) * sizeof(int));
    nw->n--;
    mb->org = -1;
    /* its consents no longer count */
    for (int q = 0; q < nw->qn; q++) {
        unsigned char *c = samen_consent(nw, q, slot);
        if (*c == CONSENT_OVERREACH)
            nw->overreach_open--;
        *c = CONSENT_NONE;
    }
    double loss = sim->p->trust.exit_loss;
    for (int i = 0; i < nw->n; i++)
        for (int j = i + 1; j < nw->n; j++) {
            double *t = samen_pair(nw, nw->order[i], nw->order[j]);
            *t = fmax(0, *t - loss);
        }
    return 0;
}

int samen_net_end(samen_sim *sim, net *nw, samen_phase end, const char *event,
                  const char *reason, int has_value, double value,
                  const samen_observer *obs)
{
    /* 4.13: every trust pair ends with its trust */
    for (int i = 0; i < nw->n; i++)
        for (int j = i + 1; j < nw->n; j++)
            samen_memory_pair_ends(sim, nw->m[nw->order[i]].org, nw->m[nw->order[j]].org,
                                   *samen_pair(nw, nw->order[i], nw->order[j]));
    /* 4.12: an ended network removes its shares at once */
    for (int i = 0; i < nw->n; i++) {
        member *mb = &nw->m[nw->order[i]];
        samen_int_list_remove(&sim->memb[mb->org], (int)(nw - sim->nets));
        sim->load[mb->org] -= mb->load_share;
        if (sim->load[mb->org] < 0)
            sim->load[mb->org] = 0;
        mb->load_share = 0;
    }
    nw->end_step = sim->step;
    nw->end_reason = (end == SAMEN_PHASE_MERGED) ? "merger" : reason;
    int rc = samen_set_phase(sim, nw, end, obs);
    if (!rc)
        rc = samen_emit(sim, nw, -1, 0, event, reason, has_value, value, obs);
    if (!rc && end == SAMEN_PHASE_MERGED && sim->p->field.merger_org)
        rc = samen_merger_org(sim, nw, obs);
    return rc;
}

int samen_is_member(const net *nw, int c)
{
    assert(c >= 0 && c < nw->n_cand);
    return nw->member_now[c];
}

int samen_necessary_present(const net *nw)
{
    int c = 0;
    for (int i = 0; i < nw->n; i++)
        c += nw->necessary[nw->m[nw->order[i]].cand];
    return c;
}

int samen_quorum_need(const samen_sim *sim, const net *nw)
{
    if (nw->spec->n_necessary == 0)
        return 0;
    return (int)ceil(sim->p->model.necessary_quorum * nw->spec->n_necessary - 1e-9);
}

double samen_mean_trust(const net *nw)
{
    if (nw->n < 2)
        return 0;
    double s = 0;
    for (int i = 0; i < nw->n; i++)
        for (int j = i + 1; j < nw->n; j++)
            s += nw->trust[samen_pair_index(nw, nw->order[i], nw->order[j])];
    return s / (nw->n * (nw->n - 1) / 2.0);
}

double samen_mean_cpn(const net *nw)
{
    if (nw->n == 0)
        return 0;
    double s = 0;
    for (int i = 0; i < nw->n; i++)
        s += nw->m[nw->order[i]].c_pn;
    return s / nw->n;
}

/* s_dec = R/A over items of a kind (0 all, 1 non-formal, 2 formal) that
 * arrived in the last decision_window steps, this one included (4.2). */
double samen_sdec(const samen_sim *sim, const net *nw, int kind, int *defined)
{
    int w = sim->p->model.decision_window;
    long arrived = 0, resolved = 0;
    for (int b = 0; b < nw->win_buckets; b++) {
        if (nw->win_stamp[b] < 0 || nw->win_stamp[b] <= sim->step - w)
            continue;
        arrived += nw->win[b][kind];
        resolved += nw->win[b][3 + kind];
    }
    *defined = arrived > 0;
    return arrived > 0 ? (double)resolved / (double)arrived : 1;
}
