/* outcomes.c: what each run of a sweep says of each network, read from
 * the part files through the index: its summary row (how it ended) and,
 * for named columns of network.csv, their values in the network's last
 * row; the input of `samen analyse` and `samen summarise`. */
#include "sweep/tables.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "output/descriptors.h"
#include "util/fields.h"
#include "util/grow.h"
#include "util/sort.h"

/* More fields than any part's row has (a table's columns: tables.c). */
#define MAX_FIELDS 64

static int field_is(const char *f, size_t n, const char *s)
{
    return strlen(s) == n && !memcmp(f, s, n);
}

/* A whole number field; -1 where it is empty. */
static int field_int(const char *f, size_t n)
{
    return n == 0 ? -1 : (int)strtol(f, NULL, 10);
}

int samen_network_numeric_column(const char *name)
{
    const samen_table *t = &samen_tables[SAMEN_OUT_NETWORK];
    int i = samen_table_column(t, name);
    return i >= 0 && samen_column_numeric(t, i) ? i : -1;
}

/* The summary columns read, by name: where they stand is the table's. */
typedef struct summary_cols {
    int network, phase, members, agreed_step, dropouts, end_step, start_step, founder;
} summary_cols;

static summary_cols summary_columns(void)
{
    const samen_table *st = &samen_tables[SAMEN_TABLE_SUMMARY];
    return (summary_cols){
        .network = samen_table_column(st, "network"),
        .phase = samen_table_column(st, "final_phase"),
        .members = samen_table_column(st, "members"),
        .agreed_step = samen_table_column(st, "agreed_step"),
        .dropouts = samen_table_column(st, "dropouts"),
        .end_step = samen_table_column(st, "end_step"),
        .start_step = samen_table_column(st, "start_step"),
        .founder = samen_table_column(st, "founder"),
    };
}

typedef struct reading {
    samen_sweep_outcomes *o;
    summary_cols sc;
    int net_col;           /* network.csv's network column */
    const int *cols;
    size_t run;
    int first;             /* the first run done: its networks are listed */
    const char *out;
} reading;

/* The index of the network named f[0..n), or -1. */
static int net_of(const samen_sweep_outcomes *o, const char *f, size_t n)
{
    return samen_hindex_find_text(&o->names, o->nets, f, n);
}

static int unknown_net(const reading *r, const char *f, size_t n, samen_error *err)
{
    return samen_error_set(err, SAMEN_EINPUT, r->out, 0, "network",
                           "run %zu has a network '%.*s' that the first run done has "
                           "not: the parts are not of one sweep", r->run, (int)n, f);
}

static int out_of_memory(samen_error *err)
{
    return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
}

static int list_net(samen_sweep_outcomes *o, const char *f, size_t n, samen_error *err)
{
    char **grown = samen_grow(o->nets, (size_t)o->n_nets, &o->cap_nets, sizeof *grown, 8);
    if (!grown)
        return out_of_memory(err);
    o->nets = grown;
    int *with = realloc(o->runs_with, o->cap_nets * sizeof *with);
    if (!with)
        return out_of_memory(err);
    o->runs_with = with;
    if (!(o->nets[o->n_nets] = strndup(f, n)))
        return out_of_memory(err);
    if (samen_hindex_add(&o->names, samen_hash_text(f, n), o->n_nets)) {
        free(o->nets[o->n_nets]);
        return out_of_memory(err);
    }
    o->runs_with[o->n_nets++] = 0;
    return SAMEN_OK;
}

/* A summary row's outcome, present. */
static void parse_outcome(const summary_cols *c, const char *const *f, const size_t *fl,
                          samen_net_outcome *s)
{
    s->present = 1;
    s->dissolved = field_is(f[c->phase], fl[c->phase], "dissolved") != 0;
    s->completed = field_is(f[c->phase], fl[c->phase], "completed") != 0;
    s->members = field_int(f[c->members], fl[c->members]);
    s->agreed_step = field_int(f[c->agreed_step], fl[c->agreed_step]);
    s->agreed = s->agreed_step >= 0;
    s->dropouts = field_int(f[c->dropouts], fl[c->dropouts]);
    s->end_step = field_int(f[c->end_step], fl[c->end_step]);
    s->start_step = c->start_step >= 0 ? field_int(f[c->start_step], fl[c->start_step]) : 0;
    s->founded = c->founder >= 0 && fl[c->founder] > 0;
}

/* Splits a summary row into f and fl; an error where it has fewer fields
 * than the summary table's columns. */
static int split_summary(const char *out, size_t run, const char *line, size_t len,
                         const char **f, size_t *fl, samen_error *err)
{
    if (samen_split_fields(line, len, f, fl, MAX_FIELDS) < samen_tables[SAMEN_TABLE_SUMMARY].ncolumns)
        return samen_error_set(err, SAMEN_EINPUT, out, 0, NULL,
                               "run %zu: a summary row with fewer than %d fields", run,
                               samen_tables[SAMEN_TABLE_SUMMARY].ncolumns);
    return SAMEN_OK;
}

/* A summary row: samen_tables[SAMEN_TABLE_SUMMARY]'s columns, one more
 * item of the run's list. */
static int summary_row(void *user, const char *line, size_t len, samen_error *err)
{
    reading *r = user;
    samen_sweep_outcomes *o = r->o;
    const summary_cols *c = &r->sc;
    const char *f[MAX_FIELDS];
    size_t fl[MAX_FIELDS];
    int rc = split_summary(r->out, r->run, line, len, f, fl, err);
    if (rc)
        return rc;
    const char *name = f[c->network];
    size_t n = fl[c->network];
    int i = net_of(o, name, n);
    /* The first run lists its networks; a later run adds those founded
     * in it (named f<step>.<id>, a name no declared network can have): a
     * declared one that the first run had not means parts of another
     * sweep. */
    if (i < 0 && !r->first && !memchr(name, '.', n))
        return unknown_net(r, name, n, err);
    if (i < 0) {
        if ((rc = list_net(o, name, n, err)))
            return rc;
        i = o->n_nets - 1;
    }
    samen_net_entry *g = samen_grow(o->entry, o->n_entries, &o->cap_entries, sizeof *g, 64);
    if (!g)
        return out_of_memory(err);
    o->entry = g;
    g += o->n_entries++;
    memset(g, 0, sizeof *g);
    g->net = i;
    parse_outcome(c, f, fl, &g->oc);
    return SAMEN_OK;
}

static int by_net(const void *a, const void *b)
{
    int x = ((const samen_net_entry *)a)->net, y = ((const samen_net_entry *)b)->net;
    return (x > y) - (x < y);
}

/* Run r's items, read: in network order, for samen_sweep_outcome's
 * search, each network once. */
static int close_run(reading *r, samen_error *err)
{
    samen_sweep_outcomes *o = r->o;
    samen_net_entry *e = o->entry + o->first[r->run];
    size_t n = o->n_entries - o->first[r->run];
    samen_sort(e, n, sizeof *e, by_net);
    for (size_t k = 0; k < n; k++) {
        if (k > 0 && e[k].net == e[k - 1].net)
            return samen_error_set(err, SAMEN_EINPUT, r->out, 0, "network",
                                   "run %zu has two summary rows of network '%s': the "
                                   "parts are damaged", r->run, o->nets[e[k].net]);
        o->runs_with[e[k].net]++;
    }
    return SAMEN_OK;
}

const samen_net_entry *samen_sweep_outcome(const samen_sweep_outcomes *o, size_t run,
                                           int net)
{
    size_t lo = o->first[run], hi = o->first[run + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (o->entry[mid].net < net)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < o->first[run + 1] && o->entry[lo].net == net ? &o->entry[lo] : NULL;
}

/* ---- one run's outcomes, whatever networks the other runs have ---- */

typedef struct run_reading {
    summary_cols sc;
    samen_run_outcomes *ro;
    const char *out;
    size_t run;
} run_reading;

static int run_row(void *user, const char *line, size_t len, samen_error *err)
{
    run_reading *r = user;
    const char *f[MAX_FIELDS];
    size_t fl[MAX_FIELDS];
    int rc = split_summary(r->out, r->run, line, len, f, fl, err);
    if (rc)
        return rc;
    samen_run_outcomes *ro = r->ro;
    samen_net_outcome *g = samen_grow(ro->net, (size_t)ro->n, &ro->cap, sizeof *g, 64);
    if (!g)
        return out_of_memory(err);
    ro->net = g;
    memset(&g[ro->n], 0, sizeof *g);
    parse_outcome(&r->sc, f, fl, &g[ro->n++]);
    return SAMEN_OK;
}

int samen_sweep_run_outcomes(const char *out, samen_sweep_index *idx, size_t run,
                             samen_run_outcomes *ro, samen_error *err)
{
    run_reading r = {.sc = summary_columns(), .ro = ro, .out = out, .run = run};
    ro->n = 0;
    return samen_sweep_read_range(out, idx, run, SAMEN_PART_SUMMARY, run_row, &r, err);
}

/* A network.csv row: the asked columns, over those of earlier steps; a
 * network the run has no summary row of has no value to keep. */
static int network_row(void *user, const char *line, size_t len, samen_error *err)
{
    reading *r = user;
    samen_sweep_outcomes *o = r->o;
    const char *f[MAX_FIELDS];
    size_t fl[MAX_FIELDS];
    int n = samen_split_fields(line, len, f, fl, MAX_FIELDS);
    int k = r->net_col;
    int i = n > k ? net_of(o, f[k], fl[k]) : -1;
    if (i < 0)
        return unknown_net(r, n > k ? f[k] : "", n > k ? fl[k] : 0, err);
    const samen_net_entry *e = samen_sweep_outcome(o, r->run, i);
    if (!e)
        return SAMEN_OK;
    double *v = &o->last[(size_t)(e - o->entry) * (size_t)o->n_cols];
    for (int c = 0; c < o->n_cols; c++)
        v[c] = r->cols[c] < n ? strtod(f[r->cols[c]], NULL) : NAN;
    return SAMEN_OK;
}

int samen_sweep_outcomes_read(const samen_sweep *sw, const char *out,
                              samen_sweep_index *idx, const int *cols, int n_cols,
                              samen_sweep_outcomes *o, samen_error *err)
{
    memset(o, 0, sizeof *o);
    o->n_runs = sw->n_runs;
    o->n_cols = n_cols;
    reading r = {.o = o, .cols = cols, .out = out, .first = 1, .sc = summary_columns()};
    r.net_col = samen_table_column(&samen_tables[SAMEN_OUT_NETWORK], "network");
    int rc = SAMEN_OK;
    if (!(o->first = malloc((sw->n_runs + 1) * sizeof *o->first)))
        rc = out_of_memory(err);
    /* The summary rows of the runs done, one list after the other. */
    for (size_t run = 0; rc == SAMEN_OK && run < sw->n_runs; run++) {
        o->first[run] = o->n_entries;
        if (idx->status[run] != SAMEN_RUN_DONE)
            continue;
        r.run = run;
        rc = samen_sweep_read_range(out, idx, run, SAMEN_PART_SUMMARY, summary_row, &r, err);
        if (rc == SAMEN_OK)
            rc = close_run(&r, err);
        r.first = 0;
    }
    if (rc == SAMEN_OK)
        o->first[sw->n_runs] = o->n_entries;
    size_t cells = o->n_entries * (size_t)n_cols;
    if (rc == SAMEN_OK && cells > 0 && !(o->last = malloc(cells * sizeof *o->last)))
        rc = out_of_memory(err);
    for (size_t i = 0; rc == SAMEN_OK && i < cells; i++)
        o->last[i] = NAN;
    for (size_t run = 0; rc == SAMEN_OK && cells > 0 && run < sw->n_runs; run++)
        if (o->first[run + 1] > o->first[run]) {
            r.run = run;
            rc = samen_sweep_read_range(out, idx, run, SAMEN_OUT_NETWORK, network_row, &r,
                                        err);
        }
    if (rc)
        samen_sweep_outcomes_free(o);
    return rc;
}

void samen_sweep_outcomes_free(samen_sweep_outcomes *o)
{
    for (int i = 0; i < o->n_nets; i++)
        free(o->nets[i]);
    free(o->nets);
    free(o->runs_with);
    samen_hindex_free(&o->names);
    free(o->first);
    free(o->entry);
    free(o->last);
    memset(o, 0, sizeof *o);
}
