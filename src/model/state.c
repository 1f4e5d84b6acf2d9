/* state.c: samen_sim_new and samen_sim_free: every array a run needs is
 * allocated here, once, so that the step loop never allocates. */
#include <stdlib.h>
#include <string.h>

#include "model/state.h"
#include "util/hindex.h"

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

void samen_net_free(net *nw)
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
    /* a founded network's spec stays: its name and founder are the
     * summary's (free_spec) */
    samen_net_spec *own = nw->own_spec;
    int founder = nw->founder;
    /* the rest of what the summary reads is plain values */
    nw->m = NULL;
    nw->order = NULL;
    nw->trust = NULL;
    nw->since = NULL;
    nw->nec_cand = NULL;
    nw->left = nw->was_member = nw->member_now = nw->necessary = NULL;
    nw->attract_q = nw->fit_q = NULL;
    nw->queue = NULL;
    nw->consent = NULL;
    nw->consent_seq = NULL;
    nw->free_rows = NULL;
    nw->win_stamp = NULL;
    nw->win = NULL;
    nw->iota = NULL;
    nw->own_spec = own;
    nw->founder = founder;
}

static void free_spec(samen_net_spec *sp)
{
    if (!sp)
        return;
    free(sp->name);
    free(sp->necessary);
    free(sp->framing);
    free(sp->candidates);
    free(sp);
}

static int cmp_org_id(const void *a, const void *b)
{
    const samen_org *x = *(const samen_org *const *)a, *y = *(const samen_org *const *)b;
    return strcmp(x->id, y->id);
}

/* org_rank[i]: the place of organisation i's id in strcmp order; again
 * whenever a merger creates an organisation (4.15). */
int samen_rank_ids(samen_sim *sim)
{
    for (int i = 0; i < sim->n_orgs; i++)
        sim->by_id[i] = &sim->orgs[i];
    qsort(sim->by_id, (size_t)sim->n_orgs, sizeof *sim->by_id, cmp_org_id);
    for (int r = 0; r < sim->n_orgs; r++)
        sim->org_rank[sim->by_id[r] - sim->orgs] = r;
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

int samen_net_init(samen_sim *sim, net *nw, const samen_net_spec *sp)
{
    const samen_scenario *sc = sim->sc;
    const samen_params *p = sim->p;
    nw->spec = sp;
    nw->founder = -1;
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
        nw->fit_q[c] = samen_fit(sim->orgs[samen_cand_org(nw, c)].mission, sp->issue, sim->K);
        nw->attract_q[c] = samen_attraction(sim, nw, c, sp->issue);
    }
    return 0;
}

typedef struct area_key {
    const samen_scenario *sc;
    const char *area;
} area_key;

/* The first organisation of an area stands for it in the index. */
static int area_match(const void *ctx, int rec)
{
    const area_key *k = ctx;
    return !strcmp(k->sc->orgs[rec].area, k->area);
}

/* The areas of the scenario's organisations: area_of numbers them in
 * order of first appearance, area_orgs lists the organisations by area. */
static int init_areas(samen_sim *sim)
{
    const samen_scenario *sc = sim->sc;
    int n = sc->n_orgs;
    sim->area_start = calloc((size_t)n + 2, sizeof *sim->area_start);
    sim->area_orgs = malloc(((size_t)n + 1) * sizeof *sim->area_orgs);
    if (!sim->area_start || !sim->area_orgs)
        return -1;
    sim->n_areas = 0;
    if (!sc->has_area)
        return 0;
    samen_hindex ix = {0};
    for (int o = 0; o < n; o++) {
        uint64_t h = samen_hash_str(SAMEN_HASH_START, sc->orgs[o].area);
        area_key key = {sc, sc->orgs[o].area};
        int first = samen_hindex_find(&ix, h, area_match, &key);
        if (first < 0) {
            if (samen_hindex_add(&ix, h, o)) {
                samen_hindex_free(&ix);
                return -1;
            }
            sim->area_of[o] = sim->n_areas++;
        } else {
            sim->area_of[o] = sim->area_of[first];
        }
    }
    samen_hindex_free(&ix);
    /* counting sort of the organisations by area, file order within */
    int *start = sim->area_start;
    for (int o = 0; o < n; o++)
        start[sim->area_of[o] + 1]++;
    for (int a = 0; a < sim->n_areas; a++)
        start[a + 1] += start[a];
    int *fill = calloc((size_t)sim->n_areas + 1, sizeof *fill);
    if (!fill)
        return -1;
    for (int o = 0; o < n; o++) {
        int a = sim->area_of[o];
        sim->area_orgs[start[a] + fill[a]++] = o;
    }
    free(fill);
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
    sim->rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!sim->rng || samen_grow_orgs(sim, sc->n_orgs) || samen_grow_nets(sim, sc->n_nets))
        goto oom;
    gsl_rng_set(sim->rng, sc->seed);
    memcpy(sim->orgs, sc->orgs, (size_t)sc->n_orgs * sizeof *sim->orgs);
    sim->n_orgs = sc->n_orgs;
    for (int o = 0; o < sc->n_orgs; o++)
        sim->created_net[o] = -1;
    sim->n_nets = sc->n_nets;
    if (samen_memory_init(sim) || samen_rank_ids(sim) || init_areas(sim))
        goto oom;
    int max_slots = 1;
    for (int k = 0; k < sc->n_nets; k++) {
        if (samen_net_init(sim, &sim->nets[k], &sc->nets[k]))
            goto oom;
        sim->wake[k] = sc->nets[k].start;
        if (sim->nets[k].slots > max_slots)
            max_slots = sim->nets[k].slots;
    }
    /* a founded network has at most 1 + necessary + candidates members */
    int found_slots = 1 + sc->p.field.necessary + sc->p.field.candidates;
    if (found_slots > sc->p.model.max_members)
        found_slots = sc->p.model.max_members;
    if (found_slots > max_slots)
        max_slots = found_slots;
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
        for (int k = 0; k < sim->n_nets; k++) {
            samen_net_free(&sim->nets[k]);
            free_spec(sim->nets[k].own_spec);
        }
    for (int o = sim->sc->n_orgs; o < sim->n_orgs; o++) {
        free(sim->orgs[o].id);
        free(sim->orgs[o].name);
        free(sim->orgs[o].sector);
    }
    samen_memory_free(sim);
    free(sim->nets);
    free(sim->perm);
    free(sim->wake);
    free(sim->orgs);
    free(sim->created_net);
    free(sim->created_step);
    free(sim->load);
    free(sim->org_rank);
    free(sim->by_id);
    free(sim->adj);
    free(sim->memb);
    free(sim->area_of);
    free(sim->area_start);
    free(sim->area_orgs);
    free(sim->f_score);
    free(sim->f_fit);
    free(sim->f_phi);
    free(sim->f_stamp);
    free(sim->f_tie);
    free(sim->f_reach);
    free(sim->ft_trust);
    free(sim->ft_order);
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
    out->start_step = nw->spec->start;
    out->founder = nw->founder >= 0 ? sim->orgs[nw->founder].id : NULL;
    memcpy(out->dropouts_by_reason, nw->dropouts_by_reason, sizeof out->dropouts_by_reason);
}

int samen_sim_n_nets(const samen_sim *sim)
{
    return sim->n_nets;
}

int samen_sim_n_orgs(const samen_sim *sim)
{
    return sim->n_orgs;
}

const samen_org *samen_sim_org(const samen_sim *sim, int i, int *step, const char **network)
{
    int k = sim->created_net[i];
    *step = k >= 0 ? sim->created_step[i] : -1;
    *network = k >= 0 ? sim->nets[k].spec->name : NULL;
    return &sim->orgs[i];
}
