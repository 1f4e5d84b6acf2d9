/* ties_in.c: ties.csv of a run read back: per step, each pair of the
 * networks kept once, with its largest trust (FORMATS.md "samen export"). */
#include "export/export.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/columns.h"

typedef struct ties_ctx {
    samen_export_run *r;
    const char *path;
    const samen_name_index *orgs, *nets;
    const int *org_node;
    int n_cols;
    int c_step, c_net, c_a, c_b, c_trust;
    size_t cap;
} ties_ctx;

static int header(ties_ctx *c, int line, char **f, int n, samen_error *err)
{
    static const char *const need[] = {"step", "network", "org_a", "org_b", "trust"};
    int *col[] = {&c->c_step, &c->c_net, &c->c_a, &c->c_b, &c->c_trust};
    for (int i = 0; i < 5; i++)
        if ((*col[i] = samen_stats_find_col(f, n, need[i])) < 0)
            return samen_error_set(err, SAMEN_EINPUT, c->path, line, need[i],
                                   "no such column: ties.csv begins with "
                                   "step,network,org_a,org_b,trust,since");
    c->n_cols = n;
    return SAMEN_OK;
}

/* The node of an organisation id of the row, or -1 with err filled. */
static int node_of(ties_ctx *c, int line, const char *col, const char *id, samen_error *err)
{
    int org = samen_name_index_find(c->orgs, id);
    int node = org >= 0 ? c->org_node[org] : -1;
    if (node < 0)
        samen_error_set(err, SAMEN_EINPUT, c->path, line, col,
                        org < 0 ? "'%s' is not an organisation of this run"
                                : "'%s' never joined this network in events.csv", id);
    return node;
}

static int row(void *user, int line, char **f, int n, samen_error *err)
{
    ties_ctx *c = user;
    samen_export_run *r = c->r;
    if (!c->n_cols)
        return header(c, line, f, n, err);
    if (n != c->n_cols)
        return samen_error_set(err, SAMEN_EINPUT, c->path, line, NULL,
                               "%d fields where the header has %d", n, c->n_cols);
    int step;
    if (samen_export_step(f[c->c_step], r->sc->steps, &step) != 0)
        return samen_error_set(err, SAMEN_EINPUT, c->path, line, "step",
                               "'%s' is not a step of this run (0 to %d)", f[c->c_step],
                               r->sc->steps - 1);
    int net = samen_name_index_find(c->nets, f[c->c_net]);
    if (net < 0)
        return samen_error_set(err, SAMEN_EINPUT, c->path, line, "network",
                               "'%s' is not a network of this run's run.ini", f[c->c_net]);
    if (r->net >= 0 && net != r->net)
        return SAMEN_OK;
    char *end;
    errno = 0;
    double trust = strtod(f[c->c_trust], &end);
    if (end == f[c->c_trust] || *end || errno || !(trust >= 0 && trust <= 1))
        return samen_error_set(err, SAMEN_EINPUT, c->path, line, "trust",
                               "'%s' is not a trust in [0, 1]", f[c->c_trust]);
    int a = node_of(c, line, "org_a", f[c->c_a], err);
    int b = a < 0 ? -1 : node_of(c, line, "org_b", f[c->c_b], err);
    if (b < 0)
        return SAMEN_EINPUT;
    if (a == b)
        return samen_error_set(err, SAMEN_EINPUT, c->path, line, "org_b",
                               "a tie of '%s' with itself", f[c->c_a]);
    if (r->n_ties == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 1024;
        samen_xtie *t = realloc(r->ties, cap * sizeof *t);
        if (!t)
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        r->ties = t;
        c->cap = cap;
    }
    r->ties[r->n_ties++] = (samen_xtie){
        .a = a < b ? a : b, .b = a < b ? b : a, .step = step, .trust = trust};
    if (step > r->last_tie_step)
        r->last_tie_step = step;
    return SAMEN_OK;
}

static int by_pair_step(const void *x, const void *y)
{
    const samen_xtie *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return (p->step > q->step) - (p->step < q->step);
}

int samen_export_read_ties(samen_export_run *r, const char *path,
                           const samen_name_index *orgs,
                           const samen_name_index *nets, const int *org_node,
                           samen_error *err)
{
    ties_ctx c = {.r = r, .path = path, .orgs = orgs, .nets = nets, .org_node = org_node};
    int rc = samen_stats_read_table(path, row, &c, &c.n_cols, err);
    if (rc)
        return rc;
    /* a pair the step lists in several networks: one tie, its largest trust */
    qsort(r->ties, r->n_ties, sizeof *r->ties, by_pair_step);
    size_t m = 0;
    for (size_t i = 0; i < r->n_ties; i++) {
        if (m > 0 && !by_pair_step(&r->ties[m - 1], &r->ties[i])) {
            r->ties[m - 1].trust = fmax(r->ties[m - 1].trust, r->ties[i].trust);
            continue;
        }
        r->ties[m++] = r->ties[i];
    }
    r->n_ties = m;
    return SAMEN_OK;
}
