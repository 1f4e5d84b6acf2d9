/* founding.c: MODEL.md 4.14, organisations found networks: after the
 * loads of a step each organisation founds one with a chance that grows
 * with its spare capacity, draws the network's type, issue, concreteness
 * and effort, and picks its framing actor, necessary actors and candidates
 * among the organisations it reaches (its area and its field ties) by fit,
 * field trust, common partners and prominence. The work of one founding
 * is in proportion to the founder's reach and the field ties of those in
 * it, never to the whole field (unless field.reach = all). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "model/state.h"

/* The defaults of network.NAME.horizon and network.NAME.inform_every
 * (FORMATS.md), which a founded network keeps. */
#define FOUNDED_HORIZON 26
#define FOUNDED_INFORM_EVERY 8

double samen_found_score(const samen_params *p, double fit, double phi, int common,
                         int degree, double dbar)
{
    double t0 = p->model.trust0;
    /* F_ox: field trust above the trust of strangers, scaled to [0,1] */
    double F = phi >= 0 && t0 < 1 ? fmax(0, phi - t0) / (1 - t0) : 0;
    double prom = dbar > 0 ? p->field.prominence * degree / dbar : 0;
    return fit * (1 + p->field.familiarity * F + p->field.closure * (common ? 1 : 0) + prom);
}

/* Adds x to the reach of this founding (once). */
static void reach_add(samen_sim *sim, int o, int x, int *n)
{
    if (x == o || sim->f_stamp[x] == sim->stamp)
        return;
    sim->f_stamp[x] = sim->stamp;
    sim->f_reach[(*n)++] = x;
    sim->f_phi[x] = -1; /* no field trust */
    sim->f_tie[x] = 0;
}

/* The reach of o (4.14), with f_phi (field trust phi_ox, -1 for none) and
 * f_tie (a field tie of o) set for each organisation in it. */
static int build_reach(samen_sim *sim, int o)
{
    const samen_scenario *sc = sim->sc;
    int n = 0;
    sim->stamp++;
    if (sim->p->field.reach_all || !sc->has_area) {
        for (int x = 0; x < sim->n_orgs; x++)
            reach_add(sim, o, x, &n);
    } else {
        int a = sim->area_of[o];
        for (int i = sim->area_start[a]; i < sim->area_start[a + 1]; i++)
            reach_add(sim, o, sim->area_orgs[i], &n);
        for (int x = sc->n_orgs; x < sim->n_orgs; x++) /* created ones */
            if (sim->area_of[x] == a)
                reach_add(sim, o, x, &n);
    }
    /* its field ties, and field trust from memory where no pair is live */
    const int_list *l = &sim->adj[o];
    for (int i = 0; i < l->n; i++) {
        const pair_mem *m = &sim->mem[l->v[i]];
        int x = m->a == o ? m->b : m->a;
        if (samen_memory_is_tie(sim, m, sim->step)) {
            reach_add(sim, o, x, &n);
            sim->f_tie[x] = 1;
        }
        if (sim->f_stamp[x] == sim->stamp && m->live == 0 && m->has)
            sim->f_phi[x] = samen_memory_reff(sim->p, m, sim->step);
    }
    /* live pairs: the largest current trust over the networks shared */
    const int_list *ml = &sim->memb[o];
    for (int i = 0; i < ml->n; i++) {
        net *nw = &sim->nets[ml->v[i]];
        int so = -1;
        for (int j = 0; j < nw->n; j++)
            if (nw->m[nw->order[j]].org == o)
                so = nw->order[j];
        for (int j = 0; so >= 0 && j < nw->n; j++) {
            int sx = nw->order[j];
            int x = nw->m[sx].org;
            if (sx == so || sim->f_stamp[x] != sim->stamp)
                continue;
            double t = *samen_pair(nw, so, sx);
            if (t > sim->f_phi[x])
                sim->f_phi[x] = t;
        }
    }
    return n;
}

/* Whether x (in the reach, not a tie of o) has a common partner with o:
 * some field tie of x is a field tie of o. */
static int common_partner(const samen_sim *sim, int x)
{
    const int_list *l = &sim->adj[x];
    for (int i = 0; i < l->n; i++) {
        const pair_mem *m = &sim->mem[l->v[i]];
        int y = m->a == x ? m->b : m->a;
        if (sim->f_stamp[y] == sim->stamp && (sim->f_tie[y] & 1) &&
            samen_memory_is_tie(sim, m, sim->step))
            return 1;
    }
    return 0;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The best of the reach by val (higher first, then the lower index: the
 * file's order, created organisations after), skipping those already
 * taken (f_tie bit 2) and those with no fit; -1 if none is left. */
static int best_of(const samen_sim *sim, int n, const double *val)
{
    int best = -1;
    for (int i = 0; i < n; i++) {
        int x = sim->f_reach[i];
        if ((sim->f_tie[x] & 2) || !(sim->f_fit[x] > 0))
            continue;
        if (best < 0 || val[x] > val[best] || (val[x] == val[best] && x < best))
            best = x;
    }
    return best;
}

int samen_found_one(samen_sim *sim, int o, const samen_observer *obs)
{
    const samen_params *p = sim->p;
    const samen_org *fo = &sim->orgs[o];
    int K = sim->K;
    /* the draws, in the order of 4.14 */
    double u = gsl_rng_uniform(sim->rng);
    samen_net_type type = u < p->field.share_overleg ? SAMEN_TYPE_OVERLEG
                          : u < p->field.share_overleg + p->field.share_adhoc
                              ? SAMEN_TYPE_ADHOC
                              : SAMEN_TYPE_NETWORK;
    double mhat[SAMEN_MAX_THEMES], q[SAMEN_MAX_THEMES];
    memcpy(mhat, fo->mission, sizeof mhat);
    samen_unit(mhat, K);
    double nu = p->field.issue_breadth;
    for (int k = 0; k < K; k++)
        q[k] = (1 - nu) * mhat[k] + nu * gsl_rng_uniform(sim->rng);
    double kappa = samen_dist_draw(&p->field.concreteness, sim->rng);
    /* a bare number is the effort itself, not clipped to [0,1] */
    double e = p->field.effort.kind == SAMEN_DIST_CONST
                   ? p->field.effort.a
                   : samen_dist_draw(&p->field.effort, sim->rng);
    double E = fo->capacity * e;

    /* the partners, among the reach */
    int n = build_reach(sim, o);
    double dsum = 0;
    for (int i = 0; i < n; i++) {
        int x = sim->f_reach[i];
        sim->f_fit[x] = samen_fit(sim->orgs[x].mission, q, K);
        sim->f_score[x] = samen_field_degree(sim, x);
        dsum += sim->f_score[x];
    }
    double dbar = n > 0 ? dsum / n : 0;
    int framing = -1;
    if (p->field.framing_sector[0]) {
        for (int i = 0; i < n; i++) {
            int x = sim->f_reach[i];
            if (strcmp(sim->orgs[x].sector, p->field.framing_sector))
                continue;
            if (framing < 0 || sim->f_fit[x] > sim->f_fit[framing] ||
                (sim->f_fit[x] == sim->f_fit[framing] && x < framing))
                framing = x;
        }
        if (framing >= 0)
            sim->f_tie[framing] |= 2;
    }
    for (int i = 0; i < n; i++) {
        int x = sim->f_reach[i];
        int tie = sim->f_tie[x] & 1;
        int common = !tie && common_partner(sim, x);
        sim->f_score[x] = samen_found_score(p, sim->f_fit[x], sim->f_phi[x], common,
                                            (int)sim->f_score[x], dbar);
    }
    int want = p->field.necessary + p->field.candidates;
    int *chosen = malloc((size_t)(want > 0 ? want : 1) * sizeof *chosen);
    int n_chosen = 0;
    if (!chosen)
        return SAMEN_SIM_NOMEM;
    while (n_chosen < want) {
        int x = best_of(sim, n, sim->f_score);
        if (x < 0)
            break;
        sim->f_tie[x] |= 2;
        chosen[n_chosen++] = x;
    }

    /* the network's spec, appended to the list */
    samen_net_spec *sp = calloc(1, sizeof *sp);
    char name[64 + SAMEN_MAX_LABEL * 4];
    snprintf(name, sizeof name, "f%d.%s", sim->step, fo->id);
    if (!sp || !(sp->name = strdup(name)) || samen_grow_nets(sim, sim->n_nets + 1)) {
        free(chosen);
        if (sp)
            free(sp->name);
        free(sp);
        return SAMEN_SIM_NOMEM;
    }
    int n_nec = n_chosen < p->field.necessary ? n_chosen : p->field.necessary;
    sp->type = type;
    sp->initiator = o;
    memcpy(sp->issue, q, sizeof sp->issue);
    sp->concreteness = kappa;
    sp->effort = E;
    sp->necessary = malloc((size_t)(n_nec > 0 ? n_nec : 1) * sizeof *sp->necessary);
    sp->framing = malloc(sizeof *sp->framing);
    sp->candidates = chosen; /* in organisation order, as recruitment visits them */
    if (!sp->necessary || !sp->framing) {
        free(sp->necessary);
        free(sp->framing);
        free(sp->candidates);
        free(sp->name);
        free(sp);
        return SAMEN_SIM_NOMEM;
    }
    sp->n_necessary = n_nec;
    memcpy(sp->necessary, chosen, (size_t)n_nec * sizeof *chosen);
    sp->n_framing = framing >= 0;
    sp->framing[0] = framing;
    sp->n_candidates = n_chosen;
    qsort(sp->candidates, (size_t)n_chosen, sizeof *sp->candidates, cmp_int);
    sp->start = sim->step;
    sp->inform_every = FOUNDED_INFORM_EVERY;
    sp->horizon = FOUNDED_HORIZON;

    int k = sim->n_nets;
    net *nw = &sim->nets[k];
    memset(nw, 0, sizeof *nw);
    if (samen_net_init(sim, nw, sp)) {
        samen_net_free(nw);
        nw->own_spec = sp;
        sim->n_nets++; /* freed with the run */
        return SAMEN_SIM_NOMEM;
    }
    nw->own_spec = sp;
    nw->founder = o;
    sim->wake[k] = sim->step;
    sim->n_nets++;
    return samen_emit(sim, nw, o, 0, "founded", NULL, 1, E, obs);
}

int samen_found(samen_sim *sim, const samen_observer *obs)
{
    const samen_params *p = sim->p;
    if (!(p->field.found_rate > 0))
        return 0; /* nothing founded, nothing drawn: version 2 */
    /* organisations created in this step's visits found from the next */
    int n = sim->n_orgs;
    for (int o = 0; o < n; o++) {
        double spare = fmax(0, 1 - sim->load[o] / sim->orgs[o].capacity);
        double h = p->field.found_rate * spare;
        if (!(h > 0))
            continue;
        if (gsl_rng_uniform(sim->rng) < samen_rate_prob(h)) {
            int rc = samen_found_one(sim, o, obs);
            if (rc)
                return rc;
        }
    }
    return 0;
}
