/* memory.c: relationship memory (MODEL.md 4.13): one record per pair of
 * organisations that has a tie in the ties file or has been a trust pair
 * of some network, in a hash by pair, with each organisation's list of its
 * records for the field ties, degrees and common partners of founding. */
#include <math.h>
#include <stdlib.h>

#include "model/state.h"
#include "util/grow.h"

/* The hash of pair (a, b), a < b: SplitMix64's finaliser of both ints. */
static uint64_t pair_hash(int a, int b)
{
    uint64_t z = ((uint64_t)(uint32_t)a << 32) | (uint32_t)b;
    z += UINT64_C(0x9e3779b97f4a7c15);
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

typedef struct pair_key {
    const samen_sim *sim;
    int a, b;
} pair_key;

static int pair_match(const void *ctx, int rec)
{
    const pair_key *k = ctx;
    const pair_mem *m = &k->sim->mem[rec];
    return m->a == k->a && m->b == k->b;
}

int samen_int_list_add(int_list *l, int v)
{
    size_t cap = (size_t)l->cap;
    int *p = samen_grow(l->v, (size_t)l->n, &cap, sizeof *p, 4);
    if (!p)
        return -1;
    l->v = p;
    l->cap = (int)cap;
    l->v[l->n++] = v;
    return 0;
}

/* Removes the first v, keeping the order of the others. */
void samen_int_list_remove(int_list *l, int v)
{
    for (int i = 0; i < l->n; i++)
        if (l->v[i] == v) {
            for (int j = i + 1; j < l->n; j++)
                l->v[j - 1] = l->v[j];
            l->n--;
            return;
        }
}

pair_mem *samen_memory_find(const samen_sim *sim, int a, int b)
{
    int lo = a < b ? a : b, hi = a < b ? b : a;
    pair_key k = {sim, lo, hi};
    int rec = samen_hindex_find(&sim->mem_index, pair_hash(lo, hi), pair_match, &k);
    return rec >= 0 ? &sim->mem[rec] : NULL;
}

/* The record of {a, b}, made (empty) if there is none; NULL out of memory. */
static pair_mem *get(samen_sim *sim, int a, int b)
{
    pair_mem *m = samen_memory_find(sim, a, b);
    if (m)
        return m;
    int lo = a < b ? a : b, hi = a < b ? b : a;
    pair_mem *p = samen_grow(sim->mem, sim->n_mem, &sim->cap_mem, sizeof *p, 64);
    if (!p)
        return NULL;
    sim->mem = p;
    int rec = (int)sim->n_mem;
    if (samen_hindex_add(&sim->mem_index, pair_hash(lo, hi), rec) ||
        samen_int_list_add(&sim->adj[lo], rec) || samen_int_list_add(&sim->adj[hi], rec))
        return NULL;
    sim->mem[rec] = (pair_mem){.a = lo, .b = hi};
    sim->n_mem++;
    return &sim->mem[rec];
}

int samen_memory_init(samen_sim *sim)
{
    const samen_scenario *sc = sim->sc;
    for (int k = 0; k < sc->n_ties; k++) {
        pair_mem *m = get(sim, sc->ties[k].a, sc->ties[k].b);
        if (!m)
            return -1;
        if (m->has)
            continue; /* the loader refuses a pair twice; the first wins */
        m->r = sc->ties[k].trust;
        m->t = 0;
        m->has = 1;
    }
    return 0;
}

void samen_memory_free(samen_sim *sim)
{
    if (sim->adj)
        for (int o = 0; o < sim->cap_orgs; o++)
            free(sim->adj[o].v);
    if (sim->memb)
        for (int o = 0; o < sim->cap_orgs; o++)
            free(sim->memb[o].v);
    free(sim->mem);
    samen_hindex_free(&sim->mem_index);
}

double samen_memory_reff(const samen_params *p, const pair_mem *m, int t)
{
    double h = p->field.memory_half_life;
    if (!(h > 0))
        return m->r;
    double t0 = p->model.trust0;
    return t0 + (m->r - t0) * exp2(-(double)(t - m->t) / h);
}

double samen_memory_start_trust(const samen_sim *sim, int a, int b)
{
    const pair_mem *m = samen_memory_find(sim, a, b);
    if (m && m->has)
        return samen_memory_reff(sim->p, m, sim->step);
    return sim->p->model.trust0;
}

int samen_memory_pair_begins(samen_sim *sim, int a, int b)
{
    pair_mem *m = get(sim, a, b);
    if (!m)
        return -1;
    m->live++;
    return 0;
}

void samen_memory_pair_ends(samen_sim *sim, int a, int b, double trust)
{
    pair_mem *m = samen_memory_find(sim, a, b);
    if (!m)
        return; /* cannot happen: its beginning made the record */
    if (m->live > 0)
        m->live--;
    m->k++;
    /* with h = 0 memory is off: R stays the ties file's (version 2) */
    if (sim->p->field.memory_half_life > 0) {
        m->r = trust;
        m->t = sim->step;
        m->has = 1;
    }
}

int samen_memory_set(samen_sim *sim, int a, int b, double r, int k)
{
    pair_mem *m = get(sim, a, b);
    if (!m)
        return -1;
    m->r = r;
    m->t = sim->step;
    m->k = k;
    m->has = 1;
    return 0;
}

int samen_memory_is_tie(const samen_sim *sim, const pair_mem *m, int t)
{
    return m->live > 0 ||
           (m->has && samen_memory_reff(sim->p, m, t) >= sim->p->field.tie_min);
}

int samen_field_degree(const samen_sim *sim, int o)
{
    int d = 0;
    const int_list *l = &sim->adj[o];
    for (int i = 0; i < l->n; i++)
        d += samen_memory_is_tie(sim, &sim->mem[l->v[i]], sim->step);
    return d;
}
