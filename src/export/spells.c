/* spells.c: events.csv of a run read back as membership spells: a member
 * from its `join` to its `dropout`, or to its network's end (`completed`,
 * `dissolved`, `merger`), or to the run's last step. */
#include "export/export.h"

#include <stdlib.h>
#include <string.h>

#include "stats/columns.h"
#include "util/grow.h"

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
} ev_ctx;

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
    if (rc || net < 0)
        return rc;
    const char *ev = f[c->t.col[C_EVENT]], *id = f[c->t.col[C_ORG]];
    int is_join = !strcmp(ev, "join"), is_drop = !strcmp(ev, "dropout");
    int org = -1;
    if (is_join || is_drop) {
        org = samen_name_index_find(c->orgs, id);
        if (org < 0)
            return samen_error_set(err, SAMEN_EINPUT, c->t.path, line, "org",
                                   "'%s' is not an organisation of this run", id);
    }
    if (is_join) {
        rc = join(c, &c->open[net], org, step, err);
    } else if (is_drop) {
        if (!leave(c, &c->open[net], org, step, err, &rc) && !rc)
            rc = samen_error_set(err, SAMEN_EINPUT, c->t.path, line, "org",
                                 "a dropout of '%s' from '%s' without its join", id,
                                 c->r->sc->nets[net].name);
    } else if (!strcmp(ev, "completed") || !strcmp(ev, "dissolved")
               || !strcmp(ev, "merger")) {
        leave(c, &c->open[net], -1, step, err, &rc);
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
    for (int k = 0; k < n_nets; k++)
        free(c.open[k].m);
    free(c.open);
    return rc;
}
