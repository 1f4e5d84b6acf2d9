/* field_odds.c: the dyadic measures of a field run (MODEL.md section 1,
 * N1 and N2) from a sweep's parts: dyads of organisations of one area,
 * year by year over years 3-10 (year y starts at step 52 (y - 1)); a pair
 * is a tie when field.csv lists it at the year's first step, and becomes
 * co-members when both joined one network founded in that year. N1: the
 * odds ratio of co-membership for pairs with a tie against pairs
 * without; N2: among pairs without a tie, those with a common field
 * partner against those without. The 2x2 tables are summed over the
 * years; 0.5 is added to every cell. Organisations created by mergers are
 * left out of the dyads. NAN where field.csv lacks a year's first step. */
#include "fit/measures.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/fields.h"
#include "util/grow.h"
#include "util/hindex.h"
#include "util/sort.h"

#define YEAR SAMEN_FIELD_YEAR
#define FIRST_YEAR 3
#define LAST_YEAR 10
#define N_YEARS (LAST_YEAR - FIRST_YEAR + 1)

/* Two numbers ordered by the first, then the second: a join of a founded
 * network (its number among them, the organisation) and a tie as seen
 * from one end (the end, the other). */
struct pair {
    int first, second;
};

static int by_pair(const void *x, const void *y)
{
    const struct pair *a = x, *b = y;
    if (a->first != b->first)
        return (a->first > b->first) - (a->first < b->first);
    return (a->second > b->second) - (a->second < b->second);
}

/* An organisation and its area, to number the areas. */
struct org_area {
    const char *area;
    int org;
};

static int by_area(const void *x, const void *y)
{
    const struct org_area *a = x, *b = y;
    return strcmp(a->area, b->area);
}

/* Numbers the areas: id[o] the area of organisation o, equal for one
 * area (one comparison of numbers per pair below instead of a strcmp).
 * Returns the pairs of one area, the sum over the areas of m (m - 1) / 2;
 * NAN out of memory. */
static double area_ids(const samen_scenario *sc, int *id)
{
    struct org_area *a = malloc((size_t)sc->n_orgs * sizeof *a);
    if (!a)
        return NAN;
    for (int i = 0; i < sc->n_orgs; i++)
        a[i] = (struct org_area){sc->orgs[i].area, i};
    qsort(a, (size_t)sc->n_orgs, sizeof *a, by_area);
    double pairs = 0;
    for (int i = 0, j; i < sc->n_orgs; i = j) {
        for (j = i + 1; j < sc->n_orgs && !strcmp(a[i].area, a[j].area); j++)
            ;
        for (int k = i; k < j; k++)
            id[a[k].org] = i;
        pairs += (double)(j - i) * (double)(j - i - 1) / 2;
    }
    free(a);
    return pairs;
}

typedef struct odds_reader {
    const samen_scenario *sc;
    /* field.csv: the pairs at each year's first step, as (year, key) */
    uint64_t *ties[N_YEARS];
    size_t n_ties[N_YEARS], cap_ties[N_YEARS];
    unsigned char seen[N_YEARS];
    /* events.csv: founded networks (name, year) and joins (name, org) */
    char **nets;
    int *net_year;
    size_t n_nets, cap_nets, cap_year;
    samen_hindex net_index;
    struct pair *joins;
    size_t n_joins, cap_joins;
    int oom;
} odds_reader;

static uint64_t key(int a, int b)
{
    int lo = a < b ? a : b, hi = a < b ? b : a;
    return (uint64_t)(uint32_t)lo << 32 | (uint32_t)hi;
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

/* Sorts and keeps each key once; returns the new count. */
static size_t sort_unique(uint64_t *v, size_t n)
{
    samen_sort(v, n, sizeof *v, cmp_u64);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || v[m - 1] != v[i])
            v[m++] = v[i];
    return m;
}

/* The number of keys in both sorted lists. */
static size_t common(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t i = 0, j = 0, c = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else {
            c++;
            i++;
            j++;
        }
    }
    return c;
}

static int same_area(const int *area, int a, int b)
{
    return a >= 0 && b >= 0 && area[a] == area[b];
}

/* Whether the sorted list v of n keys holds k (v may be NULL when n is
 * 0, which bsearch must not be given). */
static int has_key(const uint64_t *v, size_t n, uint64_t k)
{
    return n > 0 && bsearch(&k, v, n, sizeof *v, cmp_u64) != NULL;
}

static int org_of(const samen_scenario *sc, const char *f, size_t n)
{
    char id[128];
    if (n >= sizeof id)
        return -1;
    memcpy(id, f, n);
    id[n] = '\0';
    return samen_scenario_org_index(sc, id);
}

static int field_row(void *user, const char *line, size_t len, samen_error *err)
{
    (void)err;
    odds_reader *r = user;
    long step = strtol(line, NULL, 10);
    if (step % YEAR || step / YEAR + 1 < FIRST_YEAR || step / YEAR + 1 > LAST_YEAR)
        return SAMEN_OK;
    int y = (int)(step / YEAR) + 1 - FIRST_YEAR;
    r->seen[y] = 1;
    /* step,org_a,org_b,... */
    const char *f[3];
    size_t fl[3];
    if (samen_split_fields(line, len, f, fl, 3) < 3)
        return SAMEN_OK;
    int a = org_of(r->sc, f[1], fl[1]), b = org_of(r->sc, f[2], fl[2]);
    if (a < 0 || b < 0)
        return SAMEN_OK; /* a created organisation: not a dyad here */
    uint64_t *t = samen_grow(r->ties[y], r->n_ties[y], &r->cap_ties[y], sizeof *t, 256);
    if (!t) {
        r->oom = 1;
        return SAMEN_EIO;
    }
    r->ties[y] = t;
    t[r->n_ties[y]++] = key(a, b);
    return SAMEN_OK;
}

static int net_find(const odds_reader *r, const char *f, size_t n)
{
    return samen_hindex_find_text(&r->net_index, r->nets, f, n);
}

static int events_row(void *user, const char *line, size_t len, samen_error *err)
{
    (void)err;
    odds_reader *r = user;
    /* step,network,org,person,event,reason,value */
    const char *f[5];
    size_t fl[5];
    if (samen_split_fields(line, len, f, fl, 5) < 5)
        return SAMEN_OK;
    const char *fn = f[1], *fo = f[2], *fe = f[4];
    size_t nn = fl[1], no = fl[2], ne = fl[4];
    if (ne == 7 && !memcmp(fe, "founded", 7)) {
        char **nets = samen_grow(r->nets, r->n_nets, &r->cap_nets, sizeof *nets, 64);
        if (nets)
            r->nets = nets;
        int *yr = nets ? samen_grow(r->net_year, r->n_nets, &r->cap_year, sizeof *yr, 64)
                       : NULL;
        if (yr)
            r->net_year = yr;
        if (!nets || !yr || !(r->nets[r->n_nets] = strndup(fn, nn)) ||
            samen_hindex_add(&r->net_index, samen_hash_text(fn, nn),
                             (int)r->n_nets)) {
            r->oom = 1;
            return SAMEN_EIO;
        }
        r->net_year[r->n_nets++] = (int)(strtol(line, NULL, 10) / YEAR) + 1;
    } else if (ne == 4 && !memcmp(fe, "join", 4)) {
        int k = net_find(r, fn, nn), o = org_of(r->sc, fo, no);
        if (k < 0 || o < 0)
            return SAMEN_OK; /* a declared network, or a created organisation */
        struct pair *j = samen_grow(r->joins, r->n_joins, &r->cap_joins, sizeof *j, 256);
        if (!j) {
            r->oom = 1;
            return SAMEN_EIO;
        }
        r->joins = j;
        r->joins[r->n_joins++] = (struct pair){k, o};
    }
    return SAMEN_OK;
}

static void reader_free(odds_reader *r)
{
    for (int y = 0; y < N_YEARS; y++)
        free(r->ties[y]);
    for (size_t i = 0; i < r->n_nets; i++)
        free(r->nets[i]);
    free(r->nets);
    free(r->net_year);
    samen_hindex_free(&r->net_index);
    free(r->joins);
}

/* The odds ratio (a + .5)(d + .5) / ((b + .5)(c + .5)). */
static double odds(double a, double b, double c, double d)
{
    return (a + 0.5) * (d + 0.5) / ((b + 0.5) * (c + 0.5));
}

int samen_field_odds(const samen_scenario *sc, const char *dir, samen_sweep_index *idx,
                     size_t run, double *repeat, double *closure, samen_error *err)
{
    *repeat = *closure = NAN;
    if (!sc->has_area)
        return SAMEN_OK;
    odds_reader r = {.sc = sc};
    int rc = samen_sweep_read_range(dir, idx, run, SAMEN_OUT_FIELD, field_row, &r, err);
    if (!rc)
        rc = samen_sweep_read_range(dir, idx, run, SAMEN_OUT_EVENTS, events_row, &r, err);
    if (r.oom)
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    /* per organisation: its area's number, where its ties start in the
     * sorted ends, and the last organisation x it was marked for */
    size_t n = (size_t)sc->n_orgs;
    int *area = malloc(n * sizeof *area);
    size_t *off = malloc((n + 1) * sizeof *off);
    long *mark = calloc(n, sizeof *mark);
    double pairs = area && off && mark ? area_ids(sc, area) : NAN;
    if (!isfinite(pairs) && !rc)
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    if (!rc)
        samen_sort(r.joins, r.n_joins, sizeof *r.joins, by_pair);
    double t1[4] = {0}, t2[4] = {0};
    int years = 0;
    for (int y = 0; rc == SAMEN_OK && y < N_YEARS; y++) {
        if (!r.seen[y])
            continue;
        years++;
        /* the ties of one area, and every tie for the common partners */
        size_t nt = sort_unique(r.ties[y], r.n_ties[y]);
        uint64_t *tied = malloc((nt > 0 ? nt : 1) * sizeof *tied);
        /* co-member pairs of one area in the networks founded this year */
        size_t cap_co = 0, n_co = 0;
        uint64_t *co = NULL;
        int ok = tied != NULL;
        size_t ntied = 0;
        for (size_t i = 0; ok && i < nt; i++) {
            int a = (int)(r.ties[y][i] >> 32), b = (int)(r.ties[y][i] & 0xffffffffu);
            if (same_area(area, a, b))
                tied[ntied++] = r.ties[y][i];
        }
        /* the joins come by network: each founded network's pairs */
        for (size_t i = 0, e; ok && i < r.n_joins; i = e) {
            for (e = i + 1; e < r.n_joins && r.joins[e].first == r.joins[i].first; e++)
                ;
            if (r.net_year[r.joins[i].first] != y + FIRST_YEAR)
                continue;
            for (size_t a = i; ok && a < e; a++)
                for (size_t b = a + 1; ok && b < e; b++) {
                    int oa = r.joins[a].second, ob = r.joins[b].second;
                    if (oa == ob || !same_area(area, oa, ob))
                        continue;
                    uint64_t *g = samen_grow(co, n_co, &cap_co, sizeof *g, 256);
                    if (!(ok = g != NULL))
                        break;
                    co = g;
                    co[n_co++] = key(oa, ob);
                }
        }
        n_co = ok ? sort_unique(co, n_co) : 0;
        /* common partners: pairs of one area without a tie and with a tie
         * each to one organisation, counted once; each organisation's
         * ties from the ends sorted by organisation */
        struct pair *ends = ok ? malloc((2 * nt > 0 ? 2 * nt : 1) * sizeof *ends) : NULL;
        ok = ends != NULL;
        for (size_t i = 0; ok && i < nt; i++) {
            int a = (int)(r.ties[y][i] >> 32), b = (int)(r.ties[y][i] & 0xffffffffu);
            ends[2 * i] = (struct pair){a, b};
            ends[2 * i + 1] = (struct pair){b, a};
        }
        if (ok) {
            samen_sort(ends, 2 * nt, sizeof *ends, by_pair);
            for (size_t o = 0, i = 0; o <= n; o++) {
                while (i < 2 * nt && (size_t)ends[i].first < o)
                    i++;
                off[o] = i;
            }
        }
        /* for x, its partners are marked 2x + 1 (tied: not counted) and
         * each z > x reached through a partner 2x + 2 once counted */
        size_t n_cp = 0, n_cpc = 0;
        if (ok) /* the marks of last year's x would read as this year's */
            memset(mark, 0, n * sizeof *mark);
        for (size_t x = 0; ok && x < n; x++) {
            const long tiedx = 2 * (long)x + 1, seen = tiedx + 1;
            for (size_t i = off[x]; i < off[x + 1]; i++)
                mark[ends[i].second] = tiedx;
            for (size_t i = off[x]; i < off[x + 1]; i++) {
                size_t yy = (size_t)ends[i].second;
                for (size_t j = off[yy]; j < off[yy + 1]; j++) {
                    int z = ends[j].second;
                    if ((size_t)z <= x || mark[z] == tiedx || mark[z] == seen ||
                        !same_area(area, (int)x, z))
                        continue;
                    mark[z] = seen;
                    n_cp++;
                    n_cpc += has_key(co, n_co, key((int)x, z)) ? 1 : 0;
                }
            }
        }
        free(ends);
        if (ok) {
            double tc = (double)common(tied, ntied, co, n_co);
            double cpc = (double)n_cpc;
            double none = pairs - (double)ntied, coo = (double)n_co - tc;
            t1[0] += tc;
            t1[1] += (double)ntied - tc;
            t1[2] += coo;
            t1[3] += none - coo;
            t2[0] += cpc;
            t2[1] += (double)n_cp - cpc;
            t2[2] += coo - cpc;
            t2[3] += none - (double)n_cp - (coo - cpc);
        } else {
            rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        }
        free(tied);
        free(co);
    }
    free(area);
    free(off);
    free(mark);
    if (rc == SAMEN_OK && years == N_YEARS) {
        *repeat = odds(t1[0], t1[1], t1[2], t1[3]);
        *closure = odds(t2[0], t2[1], t2[2], t2[3]);
    }
    reader_free(&r);
    return rc;
}
