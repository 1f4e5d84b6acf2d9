/* state.c: samen_sim_new and samen_sim_free: every array a run needs is
 * allocated here, once, so that the step loop never allocates. */
#include <stdlib.h>
#include <string.h>

#include "model/state.h"

const char *samen_phase_name(samen_phase ph)
{
    static const char *const names[] = {"pending", "recruiting", "formulating",
                                        "executing", "completed", "dissolved",
                                        "merged"};
    return names[ph];
}

const char *samen_type_name(samen_net_type t)
{
    static const char *const names[] = {"overleg", "adhoc", "network"};
    return names[t];
}

static void net_free(net *nw)
{
    free(nw->m);
    free(nw->order);
    free(nw->trust);
    free(nw->since);
    free(nw->nec_cand);
    free(nw->left);
    free(nw->was_member);
    free(nw->member_now);
    free(nw->necessary);
    free(nw->attract_q);
    free(nw->fit_q);
    free(nw->queue);
    free(nw->consent);
    free(nw->consent_seq);
    free(nw->free_rows);
    free(nw->win_stamp);
    free(nw->win);
    free(nw->iota);
}

static int cmp_org_id(const void *a, const void *b)
{
    const samen_org *x = *(const samen_org *const *)a, *y = *(const samen_org *const *)b;
    return strcmp(x->id, y->id);
}

/* org_rank[i]: the place of organisation i's id in strcmp order. */
static int rank_ids(samen_sim *sim)
{
    const samen_scenario *sc = sim->sc;
    size_t n = (size_t)(sc->n_orgs > 0 ? sc->n_orgs : 1);
    const samen_org **by_id = malloc(n * sizeof *by_id);
    sim->org_rank = malloc(n * sizeof *sim->org_rank);
    if (!by_id || !sim->org_rank) {
        free(by_id);
        return -1;
    }
    for (int i = 0; i < sc->n_orgs; i++)
        by_id[i] = &sc->orgs[i];
    qsort(by_id, (size_t)sc->n_orgs, sizeof *by_id, cmp_org_id);
    for (int r = 0; r < sc->n_orgs; r++)
        sim->org_rank[by_id[r] - sc->orgs] = r;
    free(by_id);
    return 0;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Position of organisation org among the possible members of sp, or -1:
 * the candidates are in the order of the organisations file, so sorted. */
static int cand_of(const samen_net_spec *sp, int org)
{
    const int *c = sp->n_candidates > 0
                       ? bsearch(&org, sp->candidates, (size_t)sp->n_candidates,
                                 sizeof *sp->candidates, cmp_int)
                       : NULL;
    if (c)
        return (int)(c - sp->candidates);
    return org == sp->initiator ? sp->n_candidates : -1;
}

static int net_init(samen_sim *sim, net *nw, const samen_net_spec *sp)
{
    const samen_scenario *sc = sim->sc;
    const samen_params *p = sim->p;
    nw->spec = sp;
    nw->phase = SAMEN_PHASE_PENDING;
    nw->form = SAMEN_TYPE_OVERLEG;
    nw->agreed_step = -1;
    nw->end_step = -1;
    /* Organisations that can ever be members: so many slots suffice, since
     * an organisation that left never comes back. Necessary actors are
     * always candidates. */
    nw->init_cand = cand_of(sp, sp->initiator);
    nw->n_cand = sp->n_candidates + (nw->init_cand == sp->n_candidates);
    nw->slots = nw->n_cand < p->model.max_members ? nw->n_cand : p->model.max_members;
    size_t C = (size_t)nw->n_cand;
    size_t S = (size_t)nw->slots, Q = (size_t)p->model.queue_max;
    int W = p->model.decision_window < sc->steps ? p->model.decision_window : sc->steps;
    nw->win_buckets = W;
    nw->m = calloc(S, sizeof *nw->m);
    nw->order = calloc(S, sizeof *nw->order);
    nw->trust = calloc(S * S, sizeof *nw->trust);
    nw->since = calloc(S * S, sizeof *nw->since);
    nw->nec_cand = malloc((size_t)(sp->n_necessary > 0 ? sp->n_necessary : 1) *
                          sizeof *nw->nec_cand);
    nw->left = calloc(C, 1);
    nw->was_member = calloc(C, 1);
    nw->member_now = calloc(C, 1);
    nw->necessary = calloc(C, 1);
    nw->attract_q = calloc(C, sizeof *nw->attract_q);
    nw->fit_q = calloc(C, sizeof *nw->fit_q);
    nw->queue = calloc(Q, sizeof *nw->queue);
    nw->consent = calloc(Q * S, 1);
    nw->consent_seq = calloc(Q * S, sizeof *nw->consent_seq);
    nw->free_rows = malloc(Q * sizeof *nw->free_rows);
    nw->win_stamp = malloc((size_t)W * sizeof *nw->win_stamp);
    nw->win = calloc((size_t)W, sizeof *nw->win);
    nw->iota = malloc((size_t)(sp->n_framing > 0 ? sp->n_framing : 1) * sizeof *nw->iota);
    if (!nw->m || !nw->order || !nw->trust || !nw->since || !nw->nec_cand ||
        !nw->left || !nw->was_member || !nw->member_now || !nw->necessary ||
        !nw->attract_q || !nw->fit_q ||
        !nw->queue || !nw->consent || !nw->consent_seq || !nw->free_rows ||
        !nw->win_stamp ||
        !nw->win || !nw->iota)
        return -1;
    for (size_t s = 0; s < S; s++)
        nw->m[s].org = -1;
    for (size_t r = 0; r < Q; r++)
        nw->free_rows[r] = (int)(Q - 1 - r);
    nw->n_free = (int)Q;
    for (int b = 0; b < W; b++)
        nw->win_stamp[b] = -1;
    for (int f = 0; f < sp->n_framing; f++)
        nw->iota[f] = 1;
    for (int k = 0; k < sp->n_necessary; k++) {
        nw->nec_cand[k] = cand_of(sp, sp->necessary[k]);
        if (nw->nec_cand[k] < 0)
            return -1; /* cannot happen: the loader makes them candidates */
        nw->necessary[nw->nec_cand[k]] = 1;
    }
    for (int k = 0; k < sim->K; k++)
        nw->qhat[k] = sp->issue[k];
    samen_unit(nw->qhat, sim->K);
    memcpy(nw->goal, nw->qhat, sizeof nw->goal);
    /* the issue is fixed: its fit and attraction are computed once */
    for (int c = 0; c < nw->n_cand; c++) {
        nw->fit_q[c] = samen_fit(sc->orgs[samen_cand_org(nw, c)].mission, sp->issue, sim->K);
        nw->attract_q[c] = samen_attraction(sim, nw, c, sp->issue);
    }
    return 0;
}

samen_sim *samen_sim_new(const samen_scenario *sc, samen_error *err)
{
    samen_sim *sim = calloc(1, sizeof *sim);
    if (!sim)
        goto oom;
    sim->sc = sc;
    sim->p = &sc->p;
    sim->K = sc->n_themes;
    sim->next_person = 1;
    sim->n_nets = sc->n_nets;
    sim->rng = gsl_rng_alloc(gsl_rng_mt19937);
    sim->load = calloc((size_t)(sc->n_orgs > 0 ? sc->n_orgs : 1), sizeof *sim->load);
    sim->nets = calloc((size_t)(sc->n_nets > 0 ? sc->n_nets : 1), sizeof *sim->nets);
    sim->perm = calloc((size_t)(sc->n_nets > 0 ? sc->n_nets : 1), sizeof *sim->perm);
    sim->wake = calloc((size_t)(sc->n_nets > 0 ? sc->n_nets : 1), sizeof *sim->wake);
    if (!sim->rng || !sim->load || !sim->nets || !sim->perm || !sim->wake)
        goto oom;
    gsl_rng_set(sim->rng, sc->seed);
    if (samen_prior_init(sim) || rank_ids(sim))
        goto oom;
    int max_slots = 1;
    for (int k = 0; k < sc->n_nets; k++) {
        if (net_init(sim, &sim->nets[k], &sc->nets[k]))
            goto oom;
        sim->wake[k] = sc->nets[k].start;
        if (sim->nets[k].slots > max_slots)
            max_slots = sim->nets[k].slots;
    }
    sim->scratch = calloc((size_t)max_slots, sizeof *sim->scratch);
    if (!sim->scratch)
        goto oom;
    return sim;
oom:
    samen_sim_free(sim);
    samen_error_set(err, SAMEN_EIO, sc->path, 0, NULL, "out of memory setting up the run");
    return NULL;
}

void samen_sim_free(samen_sim *sim)
{
    if (!sim)
        return;
    if (sim->nets)
        for (int k = 0; k < sim->n_nets; k++)
            net_free(&sim->nets[k]);
    free(sim->nets);
    free(sim->perm);
    free(sim->wake);
    free(sim->load);
    free(sim->org_rank);
    free(sim->prior);
    free(sim->scratch);
    if (sim->rng)
        gsl_rng_free(sim->rng);
    free(sim);
}

int samen_sim_current_step(const samen_sim *sim)
{
    return sim->step;
}

void samen_sim_summary(const samen_sim *sim, int k, samen_net_summary *out)
{
    const net *nw = &sim->nets[k];
    memset(out, 0, sizeof *out);
    out->network = nw->spec->name;
    out->type = nw->spec->type;
    out->form = nw->form;
    out->phase = nw->phase;
    out->members = nw->n;
    out->max_members = nw->max_members;
    out->agreed_step = nw->agreed_step;
    out->end_step = nw->end_step;
    out->end_reason = nw->end_reason;
    out->dropouts = (int)nw->dropouts;
    memcpy(out->dropouts_by_reason, nw->dropouts_by_reason, sizeof out->dropouts_by_reason);
}
