/* ties_csv.c: the optional ties file of prior trust (org_a,org_b,trust). */
#include "scenario/scenario_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

static const char *const cols[3] = {"org_a", "org_b", "trust"};

typedef struct ties_ctx {
    samen_scenario *sc;
    int role[3];
    int ncols;
    int header_done;
    size_t cap;
    int *lines;        /* line of each tie, for the duplicate message */
} ties_ctx;

static int header(ties_ctx *c, int line, char **f, int n, samen_error *err)
{
    const char *path = c->sc->ties_path;
    int seen[3] = {0, 0, 0};
    for (int i = 0; i < n; i++) {
        int r = -1;
        for (int k = 0; k < 3; k++)
            if (!strcmp(f[i], cols[k]))
                r = k;
        if (r < 0)
            return samen_error_set(err, SAMEN_EINPUT, path, line, f[i],
                                   "unknown column '%s'; the columns are org_a, org_b "
                                   "and trust", f[i]);
        if (seen[r])
            return samen_error_set(err, SAMEN_EINPUT, path, line, f[i],
                                   "column '%s' given twice", f[i]);
        seen[r] = 1;
        c->role[i] = r;
    }
    for (int k = 0; k < 3; k++)
        if (!seen[k])
            return samen_error_set(err, SAMEN_EINPUT, path, line, cols[k],
                                   "missing column '%s'; the columns are org_a, org_b "
                                   "and trust", cols[k]);
    c->ncols = n;
    c->header_done = 1;
    return SAMEN_OK;
}

static int org_id(const samen_scenario *sc, int line, const char *col, const char *id,
                  samen_error *err)
{
    int k = samen_scenario_org_index(sc, id);
    if (k < 0)
        samen_error_set(err, SAMEN_EINPUT, sc->ties_path, line, col,
                        "unknown organisation '%s' (not an id in %s)", id, sc->orgs_path);
    return k;
}

static int row(void *user, int line, char **f, int n, samen_error *err)
{
    ties_ctx *c = user;
    samen_scenario *sc = c->sc;
    if (!c->header_done)
        return header(c, line, f, n, err);
    if (n != c->ncols)
        return samen_error_set(err, SAMEN_EINPUT, sc->ties_path, line, NULL,
                               "%d fields on this line, but the header has %d columns",
                               n, c->ncols);
    int ab[2] = {-1, -1};
    double trust = 0;
    for (int i = 0; i < n; i++) {
        int r = c->role[i];
        if (r < 2) {
            ab[r] = org_id(sc, line, cols[r], f[i], err);
            if (ab[r] < 0)
                return SAMEN_EINPUT;
        } else {
            char msg[300];
            if (samen_parse_number(f[i], &trust, msg, sizeof msg) != 0)
                return samen_error_set(err, SAMEN_EINPUT, sc->ties_path, line, "trust",
                                       "%s", msg);
            if (!(trust >= 0 && trust <= 1))
                return samen_error_set(err, SAMEN_EINPUT, sc->ties_path, line, "trust",
                                       "%s is out of range; allowed: [0, 1]",
                                       samen_num_text(trust, msg, sizeof msg));
        }
    }
    if (ab[0] == ab[1])
        return samen_error_set(err, SAMEN_EINPUT, sc->ties_path, line, "org_b",
                               "a tie of '%s' with itself; a tie joins two organisations",
                               sc->orgs[ab[0]].id);
    /* Ties and their lines grow together: the second array's room is
     * counted from the same capacity as the first's. */
    size_t cap = c->cap;
    samen_tie *t = samen_grow(sc->ties, (size_t)sc->n_ties, &cap, sizeof *t, 64);
    if (!t)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    sc->ties = t;
    int *l = samen_grow(c->lines, (size_t)sc->n_ties, &c->cap, sizeof *l, 64);
    if (!l)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    c->lines = l;
    sc->ties[sc->n_ties] = (samen_tie){.a = ab[0], .b = ab[1], .trust = trust};
    c->lines[sc->n_ties] = line;
    sc->n_ties++;
    return SAMEN_OK;
}

/* Ties sorted by unordered pair, then by line, to find a pair given twice. */
typedef struct pair_key {
    int lo, hi, line;
} pair_key;

static int cmp_pair(const void *a, const void *b)
{
    const pair_key *x = a, *y = b;
    if (x->lo != y->lo)
        return x->lo < y->lo ? -1 : 1;
    if (x->hi != y->hi)
        return x->hi < y->hi ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

static int check_pairs(const samen_scenario *sc, const int *lines, samen_error *err)
{
    if (sc->n_ties < 2)
        return SAMEN_OK;
    pair_key *k = malloc((size_t)sc->n_ties * sizeof *k);
    if (!k)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    for (int i = 0; i < sc->n_ties; i++) {
        int a = sc->ties[i].a, b = sc->ties[i].b;
        k[i] = (pair_key){a < b ? a : b, a < b ? b : a, lines[i]};
    }
    qsort(k, (size_t)sc->n_ties, sizeof *k, cmp_pair);
    /* Report the earliest line that repeats a pair. */
    int worst = -1;
    for (int i = 1; i < sc->n_ties; i++)
        if (k[i].lo == k[i - 1].lo && k[i].hi == k[i - 1].hi &&
            (i < 2 || k[i - 2].lo != k[i].lo || k[i - 2].hi != k[i].hi) &&
            (worst < 0 || k[i].line < k[worst].line))
            worst = i;
    int rc = SAMEN_OK;
    if (worst >= 0)
        rc = samen_error_set(err, SAMEN_EINPUT, sc->ties_path, k[worst].line, "org_b",
                             "the pair %s, %s is given twice (first on line %d); give "
                             "each pair once, in either order",
                             sc->orgs[k[worst].lo].id, sc->orgs[k[worst].hi].id,
                             k[worst - 1].line);
    free(k);
    return rc;
}

int samen_ties_read(samen_scenario *sc, samen_error *err)
{
    ties_ctx c = {.sc = sc};
    int rc = samen_csv_read(sc->ties_path, row, &c, err);
    if (!rc && !c.header_done)
        rc = samen_error_set(err, SAMEN_EINPUT, sc->ties_path, 0, NULL,
                             "the file is empty; it needs a header line org_a,org_b,trust");
    if (!rc)
        rc = check_pairs(sc, c.lines, err);
    free(c.lines);
    return rc;
}
