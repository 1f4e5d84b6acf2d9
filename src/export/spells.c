/* spells.c: events.csv of a run read back as membership spells: a member
 * from its `join` to its `dropout`, or to its network's end (`completed`,
 * `dissolved`, `merger`), or to the run's last step. */
#include "export/export.h"

#include <stdlib.h>
#include <string.h>

#include "stats/columns.h"
#include "util/grow.h"
#include "util/hindex.h"

typedef struct open_member {
    int org, start;
} open_member;

/* The members of one network whose spell is open. */
typedef struct open_list {
    open_member *m;
    size_t n, cap;
} open_list;

/* events.csv's columns that count, in samen_export_table's order. */
static const char *const need[] = {"step", "network", "org", "event"};
enum { C_ORG = 2, C_EVENT = 3 };

typedef struct ev_ctx {
    samen_export_run *r;
    samen_export_table t;
    const samen_name_index *orgs, *nets;
    unsigned char *member;
    open_list *open;       /* per network */
    size_t cap_spells;
    /* networks founded during the run (MODEL.md 4.14), by name */
    char **fnames;
    open_list *fopen;
    size_t n_founded, cap_fnames, cap_fopen;
    samen_hindex findex;
} ev_ctx;

/* The open list of the founded network `name`, made at its first row. */
static open_list *founded_list(ev_ctx *c, const char *name)
{
    size_t len = strlen(name);
    uint64_t h = samen_hash_text(name, len);
    int rec = samen_hindex_find_text(&c->findex, c->fnames, name, len);
    if (rec >= 0)
        return &c->fopen[rec];
    char **n = samen_grow(c->fnames, c->n_founded, &c->cap_fnames, sizeof *n, 16);
    if (!n)
        return NULL;
    c->fnames = n;
    open_list *o = samen_grow(c->fopen, c->n_founded, &c->cap_fopen, sizeof *o, 16);
    if (!o)
        return NULL;
    c->fopen = o;
    if (!(c->fnames[c->n_founded] = strdup(name)))
        return NULL;
    c->fopen[c->n_founded] = (open_list){0};
    if (samen_hindex_add(&c->findex, h, (int)c->n_founded)) {
        free(c->fnames[c->n_founded]);
        return NULL;
    }
    return &c->fopen[c->n_founded++];
}

static int oom(samen_error *err)
{
    return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
}

static int add_spell(ev_ctx *c, int org, int start, int end, samen_error *err)
{
    samen_export_run *r = c->r;
    samen_spell *s = samen_grow(r->spells, (size_t)r->n_spells, &c->cap_spells, sizeof *s, 64);
    if (!s)
        return oom(err);
    r->spells = s;
    r->spells[r->n_spells++] = (samen_spell){.node = org, .start = start, .end = end};
    return SAMEN_OK;
}

static int join(ev_ctx *c, open_list *l, int org, int step, samen_error *err)
{
    open_member *m = samen_grow(l->m, l->n, &l->cap, sizeof *m, 16);
    if (!m)
        return oom(err);
    l->m = m;
    l->m[l->n++] = (open_member){.org = org, .start = step};
    c->member[org] = 1;
    return SAMEN_OK;
}

/* Closes the spell of org in l (all of l's when org < 0) at step; 1 if
 * there was one. */
static int leave(ev_ctx *c, open_list *l, int org, int step, samen_error *err, int *rc)
{
    int found = 0;
    for (size_t i = 0; i < l->n && !*rc;) {
        if (org >= 0 && l->m[i].org != org) {
            i++;
            continue;
        }
        *rc = add_spell(c, l->m[i].org, l->m[i].start, step, err);
        l->m[i] = l->m[--l->n];
        found = 1;
    }
    return found;
}

static int row(void *user, int line, char **f, int n, samen_error *err)
{
    ev_ctx *c = user;
    if (!c->t.n_cols)
        return samen_export_header(&c->t, line, f, n, need, 4, err);
    int step, net;
    int rc = samen_export_row(&c->t, c->r, c->nets, line, f, n, &step, &net, err);
    if (rc || net == -1) /* another network than the one asked for */
        return rc;
    const char *ev = f[c->t.col[C_EVENT]], *id = f[c->t.col[C_ORG]];
    int is_join = !strcmp(ev, "join"), is_drop = !strcmp(ev, "dropout");
    int org = -1;
    if (is_join || is_drop) {
        org = samen_name_index_find(c->orgs, id);
        if (org < 0 && !strncmp(id, "m.", 2))
            return samen_error_set(err, SAMEN_EINPUT, c->t.path, line, "org",
                                   "'%s' is an organisation created during the run by a "
                                   "merger (MODEL.md 4.15), but the run folder's "
                                   "organisations.csv does not list it", id);
        if (org < 0)
            return samen_error_set(err, SAMEN_EINPUT, c->t.path, line, "org",
                                   "'%s' is not an organisation of this run", id);
    }
    open_list *l = &c->open[net >= 0 ? net : 0];
    if (net == SAMEN_EXPORT_FOUNDED && !(l = founded_list(c, f[c->t.col[1]])))
        return oom(err);
    if (is_join) {
        rc = join(c, l, org, step, err);
    } else if (is_drop) {
        if (!leave(c, l, org, step, err, &rc) && !rc)
            rc = samen_error_set(err, SAMEN_EINPUT, c->t.path, line, "org",
                                 "a dropout of '%s' from '%s' without its join", id,
                                 f[c->t.col[1]]);
    } else if (!strcmp(ev, "completed") || !strcmp(ev, "dissolved")
               || !strcmp(ev, "merger")) {
        leave(c, l, -1, step, err, &rc);
    }
    return rc;
}

int samen_export_read_events(samen_export_run *r, const char *path,
                             const samen_name_index *orgs,
                             const samen_name_index *nets,
                             unsigned char *member, samen_error *err)
{
    int n_nets = r->sc->n_nets;
    ev_ctx c = {.r = r, .t = {.path = path}, .orgs = orgs, .nets = nets, .member = member};
    if (!(c.open = calloc((size_t)n_nets + 1, sizeof *c.open)))
        return oom(err);
    int rc = samen_stats_read_table(path, row, &c, &c.t.n_cols, err);
    /* a network still live at the end keeps its members to the last step */
    for (int k = 0; k < n_nets && rc == SAMEN_OK; k++)
        leave(&c, &c.open[k], -1, r->sc->steps - 1, err, &rc);
    for (size_t k = 0; k < c.n_founded && rc == SAMEN_OK; k++)
        leave(&c, &c.fopen[k], -1, r->sc->steps - 1, err, &rc);
    for (int k = 0; k < n_nets; k++)
        free(c.open[k].m);
    free(c.open);
    for (size_t k = 0; k < c.n_founded; k++) {
        free(c.fopen[k].m);
        free(c.fnames[k]);
    }
    free(c.fopen);
    free(c.fnames);
    samen_hindex_free(&c.findex);
    return rc;
}
