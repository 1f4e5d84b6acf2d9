/* runfolder.c: a run folder read back for the exports: its run.ini (the
 * organisations, networks, steps and snapshots), the membership spells of
 * events.csv and the ties of ties.csv, over the organisations that were
 * ever members of the networks kept. */
#include "export/export.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "output/output.h"
#include "samen/sim.h"
#include "stats/columns.h"
#include "util/grow.h"
#include "util/outfile.h"
#include "util/parse.h"

const char *const samen_export_formats[3] = {"gephi", "graphml", "rsiena"};
const char *const samen_export_names[3] = {"network.gexf", "network.graphml", "rsiena"};

int samen_export_format_of(const char *name, const char **nearest)
{
    samen_near near;
    samen_near_start(&near, name);
    for (int i = 0; i < 3; i++)
        if (samen_near_offer(&near, samen_export_formats[i]))
            return i;
    *nearest = near.best;
    return -1;
}

int samen_export_find_network(const samen_scenario *sc, const char *name,
                              const char *where, int *net, samen_error *err)
{
    samen_near near;
    samen_near_start(&near, name);
    size_t len = strlen(name);
    for (int k = 0; k < sc->n_nets; k++) {
        if (!strcmp(sc->nets[k].name, name)) {
            *net = k;
            return SAMEN_OK;
        }
        /* a name cut short is nearest to the names it begins */
        if (strncmp(sc->nets[k].name, name, len))
            samen_near_offer(&near, sc->nets[k].name);
        else
            samen_near_offer_at(&near, sc->nets[k].name, 0);
    }
    if (!near.best)
        return samen_error_set(err, SAMEN_EINPUT, where, 0, "--network",
                               "'%s' is not a network of this run: it has none", name);
    return samen_error_set(err, SAMEN_EINPUT, where, 0, "--network",
                           "'%s' is not a network of this run (did you mean '%s'?)",
                           name, near.best);
}

/* The snapshot steps (samen_snapshot_step): those of graph.csv, so that
 * every wave holds the ties of every network then live. */
static int make_waves(samen_export_run *r, samen_error *err)
{
    int steps = r->sc->steps;
    r->wave_step = malloc(((size_t)steps + 1) * sizeof *r->wave_step);
    r->step_wave = malloc((size_t)steps * sizeof *r->step_wave);
    if (!r->wave_step || !r->step_wave)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    for (int s = 0; s < steps; s++) {
        r->step_wave[s] = -1;
        if (samen_snapshot_step(r->sc, s)) {
            r->step_wave[s] = r->n_waves;
            r->wave_step[r->n_waves++] = s;
        }
    }
    return SAMEN_OK;
}

static int by_node_start(const void *x, const void *y)
{
    const samen_spell *p = x, *q = y;
    if (p->node != q->node)
        return p->node < q->node ? -1 : 1;
    return (p->start > q->start) - (p->start < q->start);
}

/* Numbers the members in the organisations file's order, moves the
 * spells onto the nodes, and merges a node's spells that overlap (a
 * member of two networks at once is present once). */
static int make_nodes(samen_export_run *r, const unsigned char *member, int *org_node,
                      samen_error *err)
{
    int n_orgs = r->sc->n_orgs;
    if (!(r->node_org = malloc(((size_t)n_orgs + 1) * sizeof *r->node_org)))
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    for (int o = 0; o < n_orgs; o++) {
        org_node[o] = member[o] ? r->n_nodes : -1;
        if (member[o])
            r->node_org[r->n_nodes++] = o;
    }
    for (int i = 0; i < r->n_spells; i++)
        r->spells[i].node = org_node[r->spells[i].node];
    qsort(r->spells, (size_t)r->n_spells, sizeof *r->spells, by_node_start);
    int m = 0;
    for (int i = 0; i < r->n_spells; i++) {
        samen_spell *last = m > 0 ? &r->spells[m - 1] : NULL;
        if (last && last->node == r->spells[i].node && r->spells[i].start <= last->end) {
            if (r->spells[i].end > last->end)
                last->end = r->spells[i].end;
            continue;
        }
        r->spells[m++] = r->spells[i];
    }
    r->n_spells = m;
    return SAMEN_OK;
}

/* dir/name must be a file: a folder without it is not a run folder. */
static int need_file(const char *dir, const char *name, char *path, size_t n, samen_error *err)
{
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return samen_error_set(err, SAMEN_EINPUT, dir, 0, NULL, "no such folder");
    snprintf(path, n, "%s/%s", dir, name);
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        return SAMEN_OK;
    return samen_error_set(err, SAMEN_EINPUT, dir, 0, NULL,
                           "not a run folder: it has no %s (a run folder holds run.ini, "
                           "events.csv and ties.csv as `samen run` writes them; a sweep "
                           "folder holds sweep.ini)", name);
}

/* organisations.csv (MODEL.md 4.15): the organisations the run created,
 * added to the run's scenario as the nodes they are. */
enum { K_ID, K_NAME, K_SECTOR, K_CAPACITY, K_MANDATE, K_LATENCY, K_GUARD, K_PATIENCE,
       K_AREA, K_FIXED };
static const char *const created_cols[K_FIXED] = {
    "id", "name", "sector", "capacity", "mandate", "latency", "guard", "patience", "area",
};

typedef struct created_ctx {
    samen_scenario *sc;
    const char *path;
    int n_cols;
    int col[K_FIXED + SAMEN_MAX_THEMES];
    size_t cap;
} created_ctx;

static int created_row(void *user, int line, char **f, int n, samen_error *err)
{
    created_ctx *c = user;
    samen_scenario *sc = c->sc;
    if (!c->n_cols) {
        for (int k = 0; k < K_FIXED + sc->n_themes; k++) {
            const char *name = k < K_FIXED ? created_cols[k] : sc->themes[k - K_FIXED];
            if ((c->col[k] = samen_stats_find_col(f, n, name)) < 0)
                return samen_error_set(err, SAMEN_EINPUT, c->path, line, name,
                                       "no such column: organisations.csv has the "
                                       "organisations file's columns, area included");
        }
        c->n_cols = n;
        return SAMEN_OK;
    }
    if (n != c->n_cols)
        return samen_error_set(err, SAMEN_EINPUT, c->path, line, NULL,
                               "%d fields where the header has %d", n, c->n_cols);
    samen_org *grown = samen_grow(sc->orgs, (size_t)sc->n_orgs, &c->cap, sizeof *grown, 16);
    if (!grown)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    sc->orgs = grown;
    samen_org *o = &sc->orgs[sc->n_orgs];
    memset(o, 0, sizeof *o);
    sc->n_orgs++; /* counted at once, so that its strings are freed with sc */
    o->id = strdup(f[c->col[K_ID]]);
    o->name = strdup(f[c->col[K_NAME]]);
    o->sector = strdup(f[c->col[K_SECTOR]]);
    o->area = sc->has_area ? strdup(f[c->col[K_AREA]]) : NULL;
    if (!o->id || !o->name || !o->sector || (sc->has_area && !o->area))
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    o->mandate = strcmp(f[c->col[K_MANDATE]], "decision") ? SAMEN_FEEDBACK : SAMEN_DECISION;
    o->capacity = strtod(f[c->col[K_CAPACITY]], NULL);
    o->latency = strtod(f[c->col[K_LATENCY]], NULL);
    o->guard = strtod(f[c->col[K_GUARD]], NULL);
    o->patience = strtod(f[c->col[K_PATIENCE]], NULL);
    for (int k = 0; k < sc->n_themes; k++)
        o->mission[k] = strtod(f[c->col[K_FIXED + k]], NULL);
    return SAMEN_OK;
}

static int read_created(samen_scenario *sc, const char *dir, samen_error *err)
{
    char path[4200];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, SAMEN_CREATED_ORGS_FILE);
    if (stat(path, &st) != 0)
        return SAMEN_OK; /* the run created none */
    created_ctx c = {.sc = sc, .path = path, .cap = (size_t)sc->n_orgs};
    return samen_stats_read_table(path, created_row, &c, &c.n_cols, err);
}

/* --ties field: every organisation with a field tie is a node of the
 * field network, a member or not (a merged network's organisation that
 * joined nothing, a tie of the ties file). */
typedef struct mark_ctx {
    const samen_name_index *orgs;
    unsigned char *member;
    int n_cols, col_a, col_b;
} mark_ctx;

static int mark_row(void *user, int line, char **f, int n, samen_error *err)
{
    (void)line;
    (void)err;
    mark_ctx *c = user;
    if (!c->n_cols) {
        c->col_a = samen_stats_find_col(f, n, "org_a");
        c->col_b = samen_stats_find_col(f, n, "org_b");
        c->n_cols = n;
        return SAMEN_OK;
    }
    for (int k = 0; k < 2; k++) {
        int col = k ? c->col_b : c->col_a;
        int o = col >= 0 && col < n ? samen_name_index_find(c->orgs, f[col]) : -1;
        if (o >= 0)
            c->member[o] = 1;
    }
    return SAMEN_OK;
}

int samen_export_load(samen_export_run *r, const char *dir, const char *network,
                      samen_error *err)
{
    return samen_export_load_ties(r, dir, network, 0, err);
}

int samen_export_load_ties(samen_export_run *r, const char *dir, const char *network,
                           int field, samen_error *err)
{
    memset(r, 0, sizeof *r);
    r->net = -1;
    r->last_tie_step = -1;
    char ini[4200], events[4200], ties[4200];
    int rc = need_file(dir, "run.ini", ini, sizeof ini, err);
    if (!rc)
        rc = need_file(dir, "events.csv", events, sizeof events, err);
    if (!rc)
        rc = need_file(dir, field ? "field.csv" : "ties.csv", ties, sizeof ties, err);
    if (!rc)
        rc = samen_scenario_load(&r->sc, ini, NULL, 0, err);
    if (!rc)
        rc = read_created(r->sc, dir, err);
    if (!rc && network)
        rc = samen_export_find_network(r->sc, network, ini, &r->net, err);
    if (!rc)
        rc = make_waves(r, err);
    if (rc) {
        samen_export_free(r);
        return rc;
    }

    const samen_scenario *sc = r->sc;
    const char **names = malloc(((size_t)sc->n_orgs + (size_t)sc->n_nets + 1) * sizeof *names);
    unsigned char *member = calloc((size_t)sc->n_orgs + 1, 1);
    int *org_node = malloc(((size_t)sc->n_orgs + 1) * sizeof *org_node);
    samen_name_index orgs = {0}, nets = {0};
    if (names) {
        for (int i = 0; i < sc->n_orgs; i++)
            names[i] = sc->orgs[i].id;
        for (int k = 0; k < sc->n_nets; k++)
            names[sc->n_orgs + k] = sc->nets[k].name;
    }
    if (!names || !member || !org_node
        || samen_name_index_init(&orgs, names, sc->n_orgs) != 0
        || samen_name_index_init(&nets, names + sc->n_orgs, sc->n_nets) != 0)
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    if (!rc)
        rc = samen_export_read_events(r, events, &orgs, &nets, member, err);
    if (!rc && field) {
        mark_ctx mc = {.orgs = &orgs, .member = member};
        rc = samen_stats_read_table(ties, mark_row, &mc, &mc.n_cols, err);
    }
    if (!rc)
        rc = make_nodes(r, member, org_node, err);
    if (!rc)
        rc = samen_export_read_ties(r, ties, &orgs, &nets, org_node, field, err);
    samen_name_index_free(&orgs);
    samen_name_index_free(&nets);
    free(names);
    free(member);
    free(org_node);
    if (rc)
        samen_export_free(r);
    return rc;
}

void samen_export_free(samen_export_run *r)
{
    samen_scenario_free(r->sc);
    free(r->node_org);
    free(r->wave_step);
    free(r->step_wave);
    free(r->spells);
    free(r->ties);
    memset(r, 0, sizeof *r);
    r->net = -1;
    r->last_tie_step = -1;
}

/* The organisations file's columns after id, before the themes. */
static const char *const fixed_cols[] = {
    "name", "sector", "capacity", "mandate", "latency", "guard", "patience",
};
enum { N_FIXED = sizeof fixed_cols / sizeof fixed_cols[0] };

int samen_export_n_columns(const samen_scenario *sc)
{
    return N_FIXED + sc->n_themes;
}

const char *samen_export_column(const samen_scenario *sc, int c, int *numeric)
{
    if (c >= N_FIXED) {
        *numeric = 1;
        return sc->themes[c - N_FIXED];
    }
    *numeric = c != 0 && c != 1 && c != 3; /* name, sector, mandate are text */
    return fixed_cols[c];
}

const char *samen_export_value(const samen_scenario *sc, int org, int c, char *buf)
{
    const samen_org *o = &sc->orgs[org];
    switch (c) {
    case 0: return o->name;
    case 1: return o->sector;
    case 2: return samen_fmt_num(buf, o->capacity);
    case 3: return o->mandate == SAMEN_DECISION ? "decision" : "feedback";
    case 4: return samen_fmt_num(buf, o->latency);
    case 5: return samen_fmt_num(buf, o->guard);
    case 6: return samen_fmt_num(buf, o->patience);
    default: return samen_fmt_num(buf, o->mission[c - N_FIXED]);
    }
}
