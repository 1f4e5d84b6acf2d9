/* ties_in.c: ties.csv of a run read back: per step, each pair of the
 * networks kept once, with its largest trust (FORMATS.md "samen export"). */
#include "export/export.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/columns.h"
#include "util/grow.h"

/* ties.csv's columns that count, in samen_export_table's order; field.csv
 * (--ties field) has no network: its ties are the field network's. */
static const char *const need[] = {"step", "network", "org_a", "org_b", "trust"};
static const char *const need_field[] = {"step", "org_a", "org_b", "trust"};
enum { C_A = 2, C_B = 3, C_TRUST = 4 };

typedef struct ties_ctx {
    samen_export_run *r;
    samen_export_table t;
    const samen_name_index *orgs, *nets;
    const int *org_node;
    int field;          /* reading field.csv */
    size_t cap;
} ties_ctx;

/* The node of an organisation id of the row, or -1 with err filled. */
static int node_of(ties_ctx *c, int line, const char *col, const char *id, samen_error *err)
{
    int org = samen_name_index_find(c->orgs, id);
    int node = org >= 0 ? c->org_node[org] : -1;
    if (node < 0)
        samen_error_set(err, SAMEN_EINPUT, c->t.path, line, col,
                        org < 0 ? "'%s' is not an organisation of this run"
                                : "'%s' never joined this network in events.csv", id);
    return node;
}

static int row(void *user, int line, char **f, int n, samen_error *err)
{
    ties_ctx *c = user;
    samen_export_run *r = c->r;
    if (!c->t.n_cols && c->field) {
        /* field.csv's columns in ties.csv's places: no network column */
        int rc = samen_export_header(&c->t, line, f, n, need_field, 4, err);
        c->t.col[4] = c->t.col[3];
        c->t.col[3] = c->t.col[2];
        c->t.col[2] = c->t.col[1];
        return rc;
    }
    if (!c->t.n_cols)
        return samen_export_header(&c->t, line, f, n, need, 5, err);
    int step, net = 0;
    int rc = c->field ? samen_export_step(&c->t, r, line, f, n, &step, err)
                      : samen_export_row(&c->t, r, c->nets, line, f, n, &step, &net, err);
    if (rc || net == -1) /* another network than the one asked for */
        return rc;

    const char *text = f[c->t.col[C_TRUST]];
    char *end;
    errno = 0;
    double trust = strtod(text, &end);
    if (end == text || *end || errno || !(trust >= 0 && trust <= 1))
        return samen_error_set(err, SAMEN_EINPUT, c->t.path, line, "trust",
                               "'%s' is not a trust in [0, 1]", text);
    int a = node_of(c, line, "org_a", f[c->t.col[C_A]], err);
    int b = a < 0 ? -1 : node_of(c, line, "org_b", f[c->t.col[C_B]], err);
    if (b < 0)
        return SAMEN_EINPUT;
    if (a == b)
        return samen_error_set(err, SAMEN_EINPUT, c->t.path, line, "org_b",
                               "a tie of '%s' with itself", f[c->t.col[C_A]]);
    samen_xtie *t = samen_grow(r->ties, r->n_ties, &c->cap, sizeof *t, 1024);
    if (!t)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    r->ties = t;
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
                           const samen_name_index *nets, const int *org_node, int field,
                           samen_error *err)
{
    ties_ctx c = {.r = r, .t = {.path = path}, .orgs = orgs, .nets = nets,
                  .org_node = org_node, .field = field};
    int rc = samen_stats_read_table(path, row, &c, &c.t.n_cols, err);
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
