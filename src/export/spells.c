/* spells.c: events.csv of a run read back as membership spells: a member
 * from its `join` to its `dropout`, or to its network's end (`completed`,
 * `dissolved`, `merger`), or to the run's last step. */
#include "export/export.h"

#include <stdlib.h>
#include <string.h>

#include "stats/columns.h"

typedef struct open_member {
    int org, start;
} open_member;

/* The members of one network whose spell is open. */
typedef struct open_list {
    open_member *m;
    int n, cap;
} open_list;

typedef struct ev_ctx {
    samen_export_run *r;
    const char *path;
    const samen_name_index *orgs, *nets;
    unsigned char *member;
    open_list *open;       /* per network */
    int n_cols;
    int c_step, c_net, c_org, c_event;
    int cap_spells;
} ev_ctx;

static int oom(samen_error *err)
{
    return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
}

static int add_spell(ev_ctx *c, int org, int start, int end, samen_error *err)
{
    samen_export_run *r = c->r;
    if (r->n_spells == c->cap_spells) {
        int cap = c->cap_spells ? 2 * c->cap_spells : 64;
        samen_spell *s = realloc(r->spells, (size_t)cap * sizeof *s);
        if (!s)
            return oom(err);
        r->spells = s;
        c->cap_spells = cap;
    }
    r->spells[r->n_spells++] = (samen_spell){.node = org, .start = start, .end = end};
    return SAMEN_OK;
}

static int join(ev_ctx *c, open_list *l, int org, int step, samen_error *err)
{
    if (l->n == l->cap) {
        int cap = l->cap ? 2 * l->cap : 16;
        open_member *m = realloc(l->m, (size_t)cap * sizeof *m);
        if (!m)
            return oom(err);
        l->m = m;
        l->cap = cap;
    }
    l->m[l->n++] = (open_member){.org = org, .start = step};
    c->member[org] = 1;
    return SAMEN_OK;
}

/* Closes the spell of org in l (all of l's when org < 0) at step; 1 if
 * there was one. */
static int leave(ev_ctx *c, open_list *l, int org, int step, samen_error *err, int *rc)
{
    int found = 0;
    for (int i = 0; i < l->n && !*rc;) {
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

static int header(ev_ctx *c, int line, char **f, int n, samen_error *err)
{
    static const char *const need[] = {"step", "network", "org", "event"};
    int *col[] = {&c->c_step, &c->c_net, &c->c_org, &c->c_event};
    for (int i = 0; i < 4; i++)
        if ((*col[i] = samen_stats_find_col(f, n, need[i])) < 0)
            return samen_error_set(err, SAMEN_EINPUT, c->path, line, need[i],
                                   "no such column: events.csv begins with "
                                   "step,network,org,person,event,reason,value");
    c->n_cols = n;
    return SAMEN_OK;
}

static int row(void *user, int line, char **f, int n, samen_error *err)
{
    ev_ctx *c = user;
    if (!c->n_cols)
        return header(c, line, f, n, err);
    if (n != c->n_cols)
        return samen_error_set(err, SAMEN_EINPUT, c->path, line, NULL,
                               "%d fields where the header has %d", n, c->n_cols);
    int step, steps = c->r->sc->steps;
    if (samen_export_step(f[c->c_step], steps, &step) != 0)
        return samen_error_set(err, SAMEN_EINPUT, c->path, line, "step",
                               "'%s' is not a step of this run (0 to %d)", f[c->c_step],
                               steps - 1);
    int net = samen_name_index_find(c->nets, f[c->c_net]);
    if (net < 0)
        return samen_error_set(err, SAMEN_EINPUT, c->path, line, "network",
                               "'%s' is not a network of this run's run.ini", f[c->c_net]);
    if (c->r->net >= 0 && net != c->r->net)
        return SAMEN_OK;
    const char *ev = f[c->c_event];
    int is_join = !strcmp(ev, "join"), is_drop = !strcmp(ev, "dropout");
    int org = -1;
    if (is_join || is_drop) {
        org = samen_name_index_find(c->orgs, f[c->c_org]);
        if (org < 0)
            return samen_error_set(err, SAMEN_EINPUT, c->path, line, "org",
                                   "'%s' is not an organisation of this run", f[c->c_org]);
    }
    int rc = SAMEN_OK;
    if (is_join) {
        rc = join(c, &c->open[net], org, step, err);
    } else if (is_drop) {
        if (!leave(c, &c->open[net], org, step, err, &rc) && !rc)
            rc = samen_error_set(err, SAMEN_EINPUT, c->path, line, "org",
                                 "a dropout of '%s' from '%s' without its join",
                                 f[c->c_org], f[c->c_net]);
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
    ev_ctx c = {.r = r, .path = path, .orgs = orgs, .nets = nets, .member = member};
    if (!(c.open = calloc((size_t)n_nets + 1, sizeof *c.open)))
        return oom(err);
    int rc = samen_stats_read_table(path, row, &c, &c.n_cols, err);
    /* a network still live at the end keeps its members to the last step */
    for (int k = 0; k < n_nets && rc == SAMEN_OK; k++)
        leave(&c, &c.open[k], -1, r->sc->steps - 1, err, &rc);
    for (int k = 0; k < n_nets; k++)
        free(c.open[k].m);
    free(c.open);
    return rc;
}
