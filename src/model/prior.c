/* prior.c: the prior ties of the scenario (MODEL.md 3.1), sorted by pair
 * once at set-up so that a join finds the tie of each new pair in log time
 * instead of reading the whole ties file. */
#include <stdlib.h>

#include "model/state.h"

/* By pair, then by place in the file: of two ties of one pair (the loader
 * refuses them) the first would win, as in a scan of the file. */
typedef struct keyed_tie {
    samen_tie t;
    int k;
} keyed_tie;

static int cmp_tie(const void *a, const void *b)
{
    const keyed_tie *x = a, *y = b;
    if (x->t.a != y->t.a)
        return x->t.a < y->t.a ? -1 : 1;
    if (x->t.b != y->t.b)
        return x->t.b < y->t.b ? -1 : 1;
    return (x->k > y->k) - (x->k < y->k);
}

int samen_prior_init(samen_sim *sim)
{
    int n = sim->sc->n_ties;
    keyed_tie *kt = malloc((size_t)(n > 0 ? n : 1) * sizeof *kt);
    sim->prior = malloc((size_t)(n > 0 ? n : 1) * sizeof *sim->prior);
    if (!kt || !sim->prior) {
        free(kt);
        return -1;
    }
    for (int k = 0; k < n; k++) {
        samen_tie t = sim->sc->ties[k];
        int lo = t.a < t.b ? t.a : t.b, hi = t.a < t.b ? t.b : t.a;
        kt[k] = (keyed_tie){{lo, hi, t.trust}, k};
    }
    qsort(kt, (size_t)n, sizeof *kt, cmp_tie);
    for (int k = 0; k < n; k++)
        sim->prior[k] = kt[k].t;
    sim->n_prior = n;
    free(kt);
    return 0;
}

double samen_prior_trust(const samen_sim *sim, int a, int b, double none)
{
    int lo = a < b ? a : b, hi = a < b ? b : a;
    int first = 0, end = sim->n_prior; /* the first tie not below (lo, hi) */
    while (first < end) {
        int mid = first + (end - first) / 2;
        const samen_tie *t = &sim->prior[mid];
        if (t->a < lo || (t->a == lo && t->b < hi))
            first = mid + 1;
        else
            end = mid;
    }
    if (first < sim->n_prior && sim->prior[first].a == lo && sim->prior[first].b == hi)
        return sim->prior[first].trust;
    return none;
}
