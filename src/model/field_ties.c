/* field_ties.c: the field network of MODEL.md 4.13 at a snapshot step, as
 * field.csv's rows: every pair live in a network (its largest current
 * trust over the live networks it shares) and every other remembered pair
 * with R_eff >= field.tie_min, ordered by the ids of the pair. */
#include <stdlib.h>

#include "model/state.h"
#include "util/sort.h"

/* A field tie keyed by the ranks of its ids, lower first: sorted without
 * a context (the run keeps no global state). */
typedef struct tie_key {
    int lo, hi, rec;
} tie_key;

static int by_ids(const void *x, const void *y)
{
    const tie_key *a = x, *b = y;
    if (a->lo != b->lo)
        return a->lo < b->lo ? -1 : 1;
    return (a->hi > b->hi) - (a->hi < b->hi);
}

int samen_field_rows(samen_sim *sim, const samen_observer *obs)
{
    if (sim->n_mem > sim->ft_cap) {
        size_t cap = sim->cap_mem;
        double *t = realloc(sim->ft_trust, cap * sizeof *t);
        if (t)
            sim->ft_trust = t;
        tie_key *o = realloc(sim->ft_order, cap * sizeof *o);
        if (o)
            sim->ft_order = o;
        if (!t || !o)
            return SAMEN_SIM_NOMEM;
        sim->ft_cap = cap;
    }
    /* live pairs: their largest trust over the live networks */
    for (size_t r = 0; r < sim->n_mem; r++)
        sim->ft_trust[r] = -1;
    for (int k = 0; k < sim->n_nets; k++) {
        net *nw = &sim->nets[k];
        if (!samen_live(nw->phase))
            continue;
        for (int i = 0; i < nw->n; i++)
            for (int j = i + 1; j < nw->n; j++) {
                int si = nw->order[i], sj = nw->order[j];
                pair_mem *m = samen_memory_find(sim, nw->m[si].org, nw->m[sj].org);
                double t = *samen_pair(nw, si, sj);
                if (m && t > sim->ft_trust[m - sim->mem])
                    sim->ft_trust[m - sim->mem] = t;
            }
    }
    tie_key *keys = sim->ft_order;
    int n = 0;
    for (size_t r = 0; r < sim->n_mem; r++) {
        const pair_mem *m = &sim->mem[r];
        if (!samen_memory_is_tie(sim, m, sim->step))
            continue;
        int ra = sim->org_rank[m->a], rb = sim->org_rank[m->b];
        keys[n++] = (tie_key){ra < rb ? ra : rb, ra < rb ? rb : ra, (int)r};
    }
    samen_sort(keys, (size_t)n, sizeof *keys, by_ids);
    for (int i = 0; i < n; i++) {
        const pair_mem *m = &sim->mem[keys[i].rec];
        int swap = sim->org_rank[m->a] > sim->org_rank[m->b];
        samen_field_row row = {
            .step = sim->step,
            .org_a = sim->orgs[swap ? m->b : m->a].id,
            .org_b = sim->orgs[swap ? m->a : m->b].id,
            .trust = m->live > 0 ? sim->ft_trust[keys[i].rec]
                                 : samen_memory_reff(sim->p, m, sim->step),
            .shared = m->k,
            .live = m->live,
        };
        int rc = obs->field_row(obs->user, &row);
        if (rc)
            return rc;
    }
    return 0;
}
