/* sweep.h: the sweep module (FORMATS.md "Sweep file" and the `samen sweep`
 * outputs): seeds, designs, the resolved sweep, its folder and part files, the worker
 * pool, manifest, summary and collect. Internal to samen. */
#ifndef SAMEN_SWEEP_H
#define SAMEN_SWEEP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "output/output.h"
#include "samen/error.h"

/* ---- seeds.c: MODEL.md section 6 ---- */

/* One SplitMix64 output; advances *state. */
uint64_t samen_splitmix64_next(uint64_t *state);

/* The seeds of runs 0..n-1 of a sweep with seed sweep_seed: SplitMix64
 * outputs, low 32 bits, 0 and repeats skipped (section 6). Returns 0, or
 * -1 when out of memory. */
int samen_sweep_seeds(uint64_t sweep_seed, size_t n, uint32_t *out);

/* ---- design.c ---- */

#define SAMEN_SOBOL_MAX_KEYS 40

/* 1 if s is "start:stop:step" (three numbers), else 0. */
int samen_parse_range(const char *s, double *start, double *stop, double *step);

/* The number of values of a range, floor((stop-start)/step + 1e-9) + 1, or
 * -1 when step is 0 or points away from stop. */
long samen_range_count(double start, double stop, double step);

/* Value k of a range: start + k*step. */
double samen_range_value(double start, double step, long k);

/* 1 if s is "min..max" (two numbers), else 0. */
int samen_parse_minmax(const char *s, double *min, double *max);

/* Splits a list on top-level commas (not inside parentheses or double
 * quotes); items are trimmed and lose one pair of enclosing quotes.
 * Returns 0, -1 out of memory, -2 unbalanced parentheses or quotes. Free
 * with samen_vary_free. */
int samen_vary_split(const char *s, char ***items, size_t *n);
void samen_vary_free(char **items, size_t n);

/* n Latin hypercube points over k keys into out (row-major n x k): per key,
 * a gsl_ran_shuffle of the n strata, then a uniform offset inside each,
 * from one gsl_rng_mt19937 seeded with seed. Returns 0 or -1 (memory). */
int samen_design_lhs(uint32_t seed, size_t n, int k, const double *min,
                     const double *max, double *out);

/* The first n points of GSL's Sobol sequence in k dimensions (1..40),
 * scaled to [min, max]. Returns 0, -1 (memory) or -2 (k out of range). */
int samen_design_sobol(size_t n, int k, const double *min, const double *max,
                       double *out);

/* ---- design_sa.c: designs for sensitivity analysis ---- */

typedef enum { SAMEN_DESIGN_GRID, SAMEN_DESIGN_LHS, SAMEN_DESIGN_SOBOL,
               SAMEN_DESIGN_SALTELLI, SAMEN_DESIGN_MORRIS,
               SAMEN_DESIGN_COUNT } samen_design;

/* "grid", "lhs", "sobol", "saltelli", "morris": the values of design =. */
extern const char *const samen_design_names[SAMEN_DESIGN_COUNT];

/* GSL's Sobol sequence has 40 dimensions; Saltelli's design takes two per
 * key (matrices A and B). */
#define SAMEN_SALTELLI_MAX_KEYS 20

/* Saltelli's (2010) design in unit scale: for each of n base rows j, point
 * j + 1 of GSL's Sobol sequence in 2k dimensions (0-based: its first, the
 * box's centre, is skipped) gives A_j (its first k coordinates) and B_j
 * (its last k); out (row-major, n(k+2) x k) gets the
 * block A_j, AB^1_j .. AB^k_j (A_j with key i from B_j), B_j, so point
 * j(k+2)+m is block j's m-th. Returns 0, -1 (memory) or -2 (k not 1..20). */
int samen_design_saltelli(size_t n, int k, double *out);

/* Morris' (1991) delta in unit scale for p levels: p / (2(p-1)). */
static inline double samen_morris_delta(int levels)
{
    return (double)levels / (2.0 * (double)(levels - 1));
}

/* r Morris trajectories of k+1 points each in unit scale into out
 * (row-major, r(k+1) x k): a start whose coordinates are drawn from {0,
 * 1/(p-1), .., 1-delta}, then one key at a time, each once, in a random
 * order, by +delta (or -delta where +delta would leave [0, 1]). Draws
 * from one gsl_rng_mt19937 seeded with seed: per trajectory the k start
 * levels, then a gsl_ran_shuffle of the keys. Returns 0, -1 (memory) or
 * -2 (k < 1, or levels not even and >= 2). */
int samen_design_morris(uint32_t seed, size_t r, int k, int levels, double *out);

/* Scales n unit points of k keys to [min, max] per key: out = min + u (max
 * - min). out may not alias unit. */
void samen_design_scale(size_t n, int k, const double *unit, const double *min,
                        const double *max, double *out);

/* ---- sweepfile.c: the sweep file, resolved ---- */

typedef struct samen_sweep_key {
    char *key;
    char *text;        /* the [vary] value as written, continuations joined */
    int line;
    int is_whole;      /* values are rounded and written as integers */
    int is_range;      /* grid start:stop:step */
    double start, stop, step;
    size_t n_values;   /* grid: values of this key */
    char **values;     /* grid list items; NULL for a range */
    double min, max;   /* lhs, sobol, saltelli, morris */
} samen_sweep_key;

/* One fixed override of [set]. */
typedef struct samen_sweep_set {
    char *key, *value;
    int line;
} samen_sweep_set;

typedef struct samen_sweep {
    char *path;            /* the sweep file as given */
    char *scenario;        /* the base scenario, resolved */
    long replicates;
    samen_design design;
    long samples;          /* lhs, sobol, saltelli (base rows N); else 0 */
    long trajectories;     /* morris: r; else 0 */
    int levels;            /* morris: p (even); else 0 */
    uint32_t seed;
    int seeds_common;
    char *detail;          /* [output] overrides; NULL when not given */
    char *snapshot_every;
    unsigned tables;       /* bit (1 << SAMEN_OUT_*) of each table kept */
    int tables_given;      /* tables = ... was in the file */
    long every;            /* keep network, orgs, persons rows of every N-th step */
    int n_set;
    samen_sweep_set *set;  /* [set] in file order */
    int n_keys;
    samen_sweep_key *keys; /* in [vary] order */
    size_t n_points, n_runs;
    double *matrix;        /* all but grid: n_points x n_keys, whole keys rounded */
    double *unit;          /* saltelli, morris: the points in unit scale,
                            * before scaling and rounding; else NULL */
    uint32_t *seeds;       /* n_runs seeds, or replicates with seeds = common */
    char digest[17];       /* of the base scenario and its input files */
} samen_sweep;

/* A resolved sweep.ini is trusted: the scenario is not loaded (so a sweep
 * folder can be collected where its scenario is gone); whole-number keys
 * and the digest come from its [samen] section. */
#define SAMEN_SWEEP_TRUSTED 1

/* At most this many runs in one sweep. */
#define SAMEN_SWEEP_MAX_RUNS 10000000UL

/* Loads and validates a sweep file: every key, range and value (against
 * the base scenario, with samen_scenario_check_override), the design and
 * the seeds. Returns SAMEN_OK and sets *out, or SAMEN_EINPUT / SAMEN_EIO
 * with err naming file, line and key. */
int samen_sweep_load(samen_sweep **out, const char *path, int flags,
                     samen_error *err);
void samen_sweep_free(samen_sweep *sw);

/* Loads the base scenario with the overrides of every point in turn (and
 * the seed of its first run), so that a combination of values the loader
 * refuses (a rule between keys) is found before any run starts. */
int samen_sweep_check_points(const samen_sweep *sw, samen_error *err);

static inline size_t samen_sweep_point_of(const samen_sweep *sw, size_t run)
{
    return run / (size_t)sw->replicates;
}

static inline size_t samen_sweep_replicate_of(const samen_sweep *sw, size_t run)
{
    return run % (size_t)sw->replicates;
}

/* Section 6: the seed of run i, or with seeds = common that of its
 * replicate at point 0. */
uint32_t samen_sweep_seed_of(const samen_sweep *sw, size_t run);

/* The value of key k at a point as given to the run: a list item, a range
 * value (%.15g, so 0.1:0.9:0.1 gives 0.3, not 0.30000000000000004) or a
 * design value (%.17g; whole keys as integers). Returns a pointer to buf
 * (which must hold SAMEN_VALUE_MAX bytes) or into the sweep. */
#define SAMEN_VALUE_MAX 64
const char *samen_sweep_value(const samen_sweep *sw, size_t point, int k,
                              char *buf);

/* Writes a value to a CSV field: a whole number as an integer, another
 * number with %.6g, text quoted where CSV needs it. */
void samen_sweep_csv_value(FILE *fp, const char *value);

/* The overrides of run i: the sweep's [output] settings, the point's
 * values and simulation.seed. Returns the count (>= 1) with *items an
 * array of owned strings, or -1 when out of memory. */
int samen_sweep_overrides(const samen_sweep *sw, size_t run, char ***items);
void samen_sweep_overrides_free(char **items, int n);

/* Writes the resolved sweep (sweep.ini): itself a sweep file that loads
 * to the same sweep. Returns 0, or -1 when a value is too long for one
 * line of the INI reader (err filled). */
int samen_sweep_write_resolved(const samen_sweep *sw, FILE *fp,
                               samen_error *err);

/* Writes design.csv (point, then one column per varied key) into dir. */
int samen_sweep_write_design(const samen_sweep *sw, const char *dir,
                             samen_error *err);

/* ---- folder.c: the output folder: sweep.ini, inputs/, parts/, the lock ---- */

typedef enum { SAMEN_RUN_PENDING, SAMEN_RUN_DONE,
               SAMEN_RUN_FAILED } samen_run_status;

/* Writes OUT/sweep.ini or, when it exists (another shard, an earlier
 * start), refuses it unless it is the same sweep; creates OUT/parts and
 * OUT/inputs (one copy of the base scenario and its input files). */
int samen_sweep_claim(const samen_sweep *sw, const char *out, samen_error *err);

/* Takes and drops the lock (on OUT/sweep.ini) that serialises rebuilding
 * the manifest, summary and collected files between shards. */
int samen_sweep_lock(const char *out, int *fd, samen_error *err);
void samen_sweep_unlock(int fd);

/* "OUT/inputs/scenario.ini": the base scenario as resolved at claim time. */
void samen_sweep_inputs_path(char *buf, size_t n, const char *out);

/* Loads the scenario of run `run` of the sweep in OUT with its overrides
 * and then the n_extra given ("KEY=VALUE"): from the sweep's own copy in
 * OUT/inputs, unless the run names an input file (organisations.file,
 * ties.file), which is relative to the base scenario, or the copy is
 * missing. Returns SAMEN_OK with *sc set, or an error with err filled. */
int samen_sweep_load_run(const samen_sweep *sw, const char *out, size_t run,
                         const char *const *extra, int n_extra,
                         samen_scenario **sc, samen_error *err);

/* This machine's name as it may stand in a file name. */
void samen_host_name(char *buf, size_t n);

/* ---- partlog.c: a writer's log line: one per run it ran ---- */

/* The parts of a writer: the per-step tables (SAMEN_OUT_*) and the
 * summary rows. */
enum { SAMEN_PART_SUMMARY = SAMEN_OUT_COUNT, SAMEN_PART_COUNT };

/* "network", "events", "ties", "orgs", "persons", "graph", "summary". */
extern const char *const samen_part_names[SAMEN_PART_COUNT];

/* The header line (without newline) of part p's files. */
const char *samen_part_header(int part);

/* The bytes of one run in one part file. */
typedef struct samen_range {
    uint64_t off;
    uint64_t len;
    uint32_t crc;
} samen_range;

/* One log line, parsed: `RUN done NAME=OFF+LEN/CRC ... crc=CRC` or
 * `RUN failed reason=TEXT crc=CRC`. */
typedef struct samen_log_entry {
    size_t run;
    samen_run_status status;
    unsigned parts;                      /* bit p: range[p] given */
    samen_range range[SAMEN_PART_COUNT];
    const char *reason;                  /* failed: into the parsed line */
    size_t reason_len;
} samen_log_entry;

/* Formats a log line (newline included) into buf of n bytes; returns its
 * length, or 0 if it does not fit. Control bytes in reason become spaces. */
size_t samen_log_format(char *buf, size_t n, const samen_log_entry *e);

/* Parses one line (without its newline); 0 if it is whole and its own
 * checksum matches, else -1. */
int samen_log_parse(const char *line, size_t len, samen_log_entry *e);

/* CRC-32 (zlib's) of n bytes, continuing crc (0 to start). */
uint32_t samen_crc32(uint32_t crc, const void *data, size_t n);

/* ---- writer.c: one writer's part files: the rows of the runs it ran ---- */

typedef struct samen_part_writer samen_part_writer;

/* A writer of the sweep in OUT; its files are created with its first run
 * (or failure), under a name unique across processes and machines. */
samen_part_writer *samen_part_writer_new(const samen_sweep *sw, const char *out,
                                         samen_error *err);

/* Runs run and appends its rows to the part files, then its log line. A
 * run that fails (bad input at its point, a model error) is logged as
 * failed: returns its code with err filled and *logged set. A write that
 * fails (a full disk) leaves the run unlogged: returns SAMEN_EIO with
 * *logged 0, and the sweep must stop. */
int samen_part_writer_run(samen_part_writer *w, size_t run, int *logged,
                          samen_error *err);

/* Logs run as failed with reason (a worker that died). */
int samen_part_writer_fail(samen_part_writer *w, size_t run, const char *reason,
                           samen_error *err);

/* Closes the files, checking every error. NULL is a no-op. */
int samen_part_writer_free(samen_part_writer *w, samen_error *err);

/* ---- index.c: what the logs of all writers say of each run ---- */

typedef struct samen_sweep_index {
    size_t n_runs;
    unsigned char *status;   /* per run: samen_run_status */
    unsigned char *corrupt;  /* per run: a done line whose rows no longer match */
    int *writer;             /* per run: writer of its done line, or -1 */
    samen_range *range;      /* per run: n_slots ranges */
    char **reason;           /* per run: why it failed, or NULL */
    char **writers;          /* writer names (parts/NAME.log), sorted */
    int n_writers;
    size_t counts[3];        /* runs pending, done, failed */
    int slot[SAMEN_PART_COUNT]; /* a part's place in range[], or -1 */
    int n_slots;             /* ranges per run: the parts the sweep keeps */
    int *fds;                /* n_writers x SAMEN_PART_COUNT, opened on use */
    char *buf;               /* one range read */
    size_t cap;
} samen_sweep_index;

/* Reads every log in OUT/parts: a run is done when a complete log line
 * says so and each of its ranges still matches its checksum (verify), or
 * failed when a log says that and none says done. */
int samen_sweep_index_read(const samen_sweep *sw, const char *out,
                           samen_sweep_index *idx, samen_error *err);
void samen_sweep_index_free(samen_sweep_index *idx);

/* Loads DIR/sweep.ini (trusted: the folder's own record of its sweep)
 * and reads the index of its runs, for the commands that read a sweep
 * folder. On failure *sw is NULL and idx zeroed. */
int samen_sweep_open(const char *dir, samen_sweep **sw, samen_sweep_index *idx,
                     samen_error *err);

/* "OUT/parts/WRITER.PART.csv" or "OUT/parts/WRITER.log" (part < 0). */
void samen_part_path(char *buf, size_t n, const char *out, const char *writer,
                     int part);

/* ---- jobs.c: one process's share of a sweep ---- */

/* One process's share of a sweep: the runs i with i % shard_n == shard_i. */
typedef struct samen_sweep_job {
    const samen_sweep *sw;
    const char *out;
    size_t shard_i, shard_n;
    int resume;
    size_t next;           /* the next run index to consider */
    unsigned char *done;   /* per run: done before this start */
    samen_part_writer *writer; /* of the process that hands out runs, for
                                * the failures it records; made on use */
    /* Called (if set) for each run that fails, with the reason. */
    void (*on_failure)(void *user, size_t run, const char *reason);
    void *user;
} samen_sweep_job;

/* Before the first run: reads the logs; without resume, refuses
 * (SAMEN_EINPUT) when a run of this shard was already run. Sets *todo to
 * the number of runs to run and *total to the shard's size. */
int samen_sweep_prepare(samen_sweep_job *job, size_t *todo, size_t *total,
                        samen_error *err);

/* The next run of the job that was not done, or -1 when none is left. */
long samen_sweep_next(samen_sweep_job *job);

/* Records a failure found from outside the run (a worker that died) in the
 * log of the process that hands out runs. */
int samen_sweep_record_failure(samen_sweep_job *job, size_t run,
                               const char *reason, samen_error *err);

/* Closes the job's own writer and frees what prepare allocated. */
int samen_sweep_job_end(samen_sweep_job *job, samen_error *err);

/* ---- manifest.c, summary.c ---- */

/* Writes "," and each varied key's value at point p. */
void samen_sweep_write_values(FILE *fp, const samen_sweep *sw, size_t point);

/* Writes run,point,replicate (then seed if with_seed) and the varied
 * values of run i: the leading columns of every sweep CSV row. */
void samen_sweep_write_run_fields(FILE *fp, const samen_sweep *sw, size_t run,
                                  int with_seed);

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

/* Copies the bytes of run's range of part p to fn, a line at a time
 * (without the leading "RUN,"). Returns SAMEN_OK, or what fn returned. */
typedef int (*samen_part_line_fn)(void *user, const char *line, size_t len,
                                  samen_error *err);
int samen_sweep_read_range(const char *out, samen_sweep_index *idx,
                           size_t run, int part, samen_part_line_fn fn,
                           void *user, samen_error *err);
/* The lines of the range samen_sweep_read_range last read for run and part
 * to fn again, from memory: a second pass (collect --last) reads no file. */
int samen_sweep_range_again(const samen_sweep_index *idx, size_t run, int part,
                            samen_part_line_fn fn, void *user, samen_error *err);

/* ---- outcomes.c: per run and network, what analyse and summarise read ---- */

/* A network's summary row in one run. */
typedef struct samen_net_outcome {
    unsigned char present;     /* the run is done and has the row */
    unsigned char agreed, dissolved, completed;   /* 0 or 1 */
    int members, dropouts;     /* the largest member count; drop-outs */
    int agreed_step, end_step; /* -1 where empty */
} samen_net_outcome;

typedef struct samen_sweep_outcomes {
    size_t n_runs;
    int n_nets;
    char **nets;               /* in the order of the summary rows */
    samen_net_outcome *net;    /* n_runs x n_nets */
    int n_cols;
    double *last;              /* n_runs x n_nets x n_cols: each asked column's
                                * value in the network's last network.csv row;
                                * NAN where the run has none */
} samen_sweep_outcomes;

/* The index of a column of network.csv that holds numbers, or -1 (none of
 * that name, or a text column). */
int samen_network_numeric_column(const char *name);

/* Reads the summary rows of every run done and, for the n_cols columns
 * of network.csv given by index in cols, their values in each network's
 * last row (the network part must be kept when n_cols > 0). The networks
 * are those of the first run done. Free with samen_sweep_outcomes_free. */
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

/* ---- progress.c ---- */

/* The progress line: done/total, failures, rate and ETA. On a terminal it
 * is redrawn in place; otherwise (--progress into a log) a line every few
 * seconds. */
typedef struct samen_progress {
    FILE *fp;              /* NULL: no progress */
    int tty;
    size_t total, done, failed;
    double t0, last;
} samen_progress;

void samen_progress_start(samen_progress *p, FILE *fp, int tty, size_t total);
void samen_progress_update(samen_progress *p, int force);
void samen_progress_finish(samen_progress *p);

/* ---- pool.c ---- */

typedef struct samen_pool_result {
    size_t done, failed;
    int interrupted;       /* the signal that stopped the sweep, or 0 */
} samen_pool_result;

/* Runs the job's runs, at most jobs at a time, each in a forked child;
 * SIGINT and SIGTERM stop the children and remove their unfinished run
 * folders. Returns SAMEN_OK (see *res for failures) or an error. */
int samen_sweep_pool(samen_sweep_job *job, int jobs, samen_progress *prog,
                     samen_pool_result *res, samen_error *err);

/* The number of CPUs this process may run on (its affinity mask). */
int samen_cpu_count(void);

/* ---- src/cli/cmd_sweep.c ---- */

/* Runs the job's runs; the pool of -j processes, or the MPI ranks. */
typedef int (*samen_sweep_executor)(void *ctx, samen_sweep_job *job,
                                    samen_progress *prog,
                                    samen_pool_result *res, samen_error *err);

/* `samen sweep` with its arguments (argv[0] "sweep"): loads and checks the
 * sweep, claims the folder, runs the runs with exec (NULL: the local
 * pool), rebuilds manifest and summary. Returns the exit status. */
int samen_sweep_command(int argc, char **argv, samen_sweep_executor exec,
                        void *exec_ctx);

#endif
