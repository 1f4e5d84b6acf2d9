/* tables.h: what is built from a sweep folder's parts: manifest.csv,
 * summary.csv, the collected tables, each run's outcomes, points.csv and
 * a run's scenario again (rerun). Internal to samen. */
#ifndef SAMEN_SWEEP_TABLES_H
#define SAMEN_SWEEP_TABLES_H

#include <stddef.h>
#include <stdio.h>

#include "samen/error.h"
#include "samen/scenario.h"
#include "sweep/design.h"
#include "sweep/parts.h"
#include "util/hindex.h"

/* ---- manifest.c, summary.c: the run columns, manifest.csv, summary.csv ---- */

/* Writes "," and each varied key's value at point p. */
void samen_sweep_write_values(FILE *fp, const samen_sweep *sw, size_t point);

/* Writes run,point,replicate (then seed if with_seed) and the varied
 * values of run i: the leading columns of every sweep CSV row. */
void samen_sweep_write_run_fields(FILE *fp, const samen_sweep *sw, size_t run,
                                  int with_seed);

/* The same fields as text, with the comma that follows them: the prefix
 * of each of the run's rows, built once per run (collect writes millions
 * of rows, and formatting the values again for each row was 90 % of its
 * time). Returns a string to free with *len set, or NULL when out of
 * memory. */
char *samen_sweep_run_prefix(const samen_sweep *sw, size_t run, int with_seed,
                             size_t *len);

/* Writes "," and the name of each varied key, for a header. */
void samen_sweep_write_key_names(FILE *fp, const samen_sweep *sw);

/* Rebuilds OUT/manifest.csv from the index. */
int samen_sweep_write_manifest(const samen_sweep *sw, const char *out,
                               const samen_sweep_index *idx, samen_error *err);

/* Rebuilds OUT/summary.csv from the summary rows of the parts. */
int samen_sweep_write_summary(const samen_sweep *sw, const char *out,
                              samen_sweep_index *idx, samen_error *err);

/* Both, from an index read under the sweep lock. */
int samen_sweep_write_tables(const samen_sweep *sw, const char *out,
                             samen_sweep_index *idx, samen_error *err);

/* Reads the index and rebuilds both, under the sweep lock; counts[] gets
 * the runs pending, done and failed if not NULL. */
int samen_sweep_rebuild(const samen_sweep *sw, const char *out,
                        size_t counts[3], samen_error *err);

/* ---- collect.c ---- */

typedef enum { SAMEN_COLLECT_ALL, SAMEN_COLLECT_LAST,
               SAMEN_COLLECT_EVERY } samen_collect_mode;

/* Writes OUT/network.csv, events.csv, ties.csv (and orgs.csv, persons.csv,
 * graph.csv where kept) from every run done, with run,point,replicate and the
 * varied keys before each row; with --last OUT/network-last.csv and with
 * --every N OUT/network-every-N.csv alone. *n_runs gets the number of runs
 * merged. */
int samen_sweep_collect(const samen_sweep *sw, const char *out,
                        samen_sweep_index *idx, samen_collect_mode mode,
                        long every, size_t *n_runs, samen_error *err);

/* ---- outcomes.c: per run and network, what analyse and summarise read ---- */

/* A network's summary row in one run. */
typedef struct samen_net_outcome {
    unsigned char present;     /* the run is done and has the row */
    unsigned char agreed, dissolved, completed;   /* 0 or 1 */
    int members, dropouts;     /* the largest member count; drop-outs */
    int agreed_step, end_step; /* -1 where empty */
    int start_step;            /* the step it started (a founded network's: 4.14) */
    unsigned char founded;     /* founded during the run: a founder in summary.csv */
} samen_net_outcome;

/* A network's outcome in one run: an item of the run's list. */
typedef struct samen_net_entry {
    int net;                   /* its index in nets */
    samen_net_outcome oc;
} samen_net_entry;

/* Every run's networks, each run a list of the rows it has: a field
 * sweep's runs found networks of their own (MODEL.md 4.14), so a table
 * of every run by every name would grow with the square of the runs. */
typedef struct samen_sweep_outcomes {
    size_t n_runs;
    int n_nets;
    char **nets;               /* in the order of the summary rows: the first
                                * run's, then networks founded in later runs
                                * (MODEL.md 4.14) in the order they appear */
    size_t cap_nets;           /* room in nets */
    int *runs_with;            /* per network: the runs that have it */
    samen_hindex names;        /* nets by name */
    size_t *first;             /* n_runs + 1: run r's items are
                                * entry[first[r] .. first[r + 1]), in
                                * network order (none for a run not done) */
    samen_net_entry *entry;
    size_t n_entries, cap_entries;
    int n_cols;
    double *last;              /* n_entries x n_cols: each asked column's
                                * value in the network's last network.csv row;
                                * NAN where the run has none */
} samen_sweep_outcomes;

/* The item of network net in run run, or NULL where the run has none. */
const samen_net_entry *samen_sweep_outcome(const samen_sweep_outcomes *o, size_t run,
                                           int net);

/* One run's networks as its summary rows give them, in their order:
 * what a run's measures need, without the networks of other runs (a
 * field sweep's runs found networks of their own). Zero-initialise; free
 * net. */
typedef struct samen_run_outcomes {
    samen_net_outcome *net;
    int n;
    size_t cap;
} samen_run_outcomes;

/* Reads the summary rows of run `run` (done) into ro. */
int samen_sweep_run_outcomes(const char *out, samen_sweep_index *idx, size_t run,
                             samen_run_outcomes *ro, samen_error *err);

/* The index of a column of network.csv that holds numbers, or -1 (none of
 * that name, or a text column). */
int samen_network_numeric_column(const char *name);

/* Reads the summary rows of every run done and, for the n_cols columns
 * of network.csv given by index in cols, their values in each network's
 * last row (the network part must be kept when n_cols > 0). The networks
 * are those of the first run done and those founded in the others; time
 * and memory go with the rows read. Free with samen_sweep_outcomes_free. */
int samen_sweep_outcomes_read(const samen_sweep *sw, const char *out,
                              samen_sweep_index *idx, const int *cols, int n_cols,
                              samen_sweep_outcomes *o, samen_error *err);
void samen_sweep_outcomes_free(samen_sweep_outcomes *o);

/* ---- points.c: samen summarise ---- */

/* The statistics of one point and network: estimate, low, high of each
 * (NAN where there is none: no runs, one value for a mean, a median not
 * reached). */
typedef struct samen_point_stats {
    long runs;
    double agreed[3], dissolved[3], completed[3];   /* shares, Wilson 95 % */
    double members[3], dropouts[3];                 /* means, t 95 % */
    double agree_median[3];  /* Kaplan-Meier, Brookmeyer-Crowley 95 % (log) */
} samen_point_stats;

/* Caller-owned buffers of samen_point_stats, each of at least n items. */
typedef struct samen_point_buf {
    double *members, *dropouts, *time;
    int *event;
} samen_point_buf;

/* The statistics of n runs of a network that starts at step start in runs
 * whose last step is last: the time to agreement is agreed_step - start,
 * or censored at end_step - start (or last - start for a network still
 * live). Returns SAMEN_OK, or SAMEN_EIO when out of memory. */
int samen_point_stats_compute(const samen_net_outcome *runs, size_t n, int start,
                              int last, samen_point_buf *buf, samen_point_stats *out,
                              samen_error *err);

/* Writes OUT/points.csv: per point and network of the runs done, the
 * shares agreed, dissolved and completed with Wilson intervals, the means
 * of members and drop-outs with t intervals and the Kaplan-Meier median of
 * the steps from the network's start to goal agreement with its
 * Brookmeyer-Crowley interval (FORMATS.md). *n_rows gets the rows. */
int samen_sweep_write_points(const samen_sweep *sw, const char *out,
                             samen_sweep_index *idx, size_t *n_rows,
                             samen_error *err);

/* ---- rerun.c ---- */

/* The scenario of run `run` of the sweep sw in dir, as the sweep ran it,
 * with output.detail = detail when detail is not NULL. Returns SAMEN_OK
 * with *sc set (free with samen_scenario_free), or an error code with err
 * filled (SAMEN_EINPUT for a run not in the sweep) and *sc NULL. */
int samen_sweep_run_scenario(const samen_sweep *sw, const char *dir, long long run,
                             const char *detail, samen_scenario **sc, samen_error *err);

#endif
