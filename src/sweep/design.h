/* design.h: the sweep file resolved (FORMATS.md "Sweep file"), its
 * designs and its runs' seeds (MODEL.md section 6). Internal to samen;
 * the sweep module's other headers build on it. */
#ifndef SAMEN_SWEEP_DESIGN_H
#define SAMEN_SWEEP_DESIGN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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
               SAMEN_DESIGN_POINTS, SAMEN_DESIGN_COUNT } samen_design;

/* "grid", "lhs", "sobol", "saltelli", "morris", "points": the values of
 * design =. */
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
    double min, max;   /* lhs, sobol, saltelli, morris, points */
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
    char *points;          /* design = points: the points file, resolved */
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

/* ---- design_points.c: design = points, the points given in a file ---- */

/* Reads sw->points (a CSV: point, then each [vary] key in order, the
 * layout of design.csv; one row per point, numbered from 0) into
 * sw->matrix and sw->n_points; every value must lie in its key's
 * min..max. Errors name the file, line and key (SAMEN_EINPUT), or say
 * why it cannot be read. */
int samen_design_points_read(samen_sweep *sw, samen_error *err);

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

/* The value of key k at a point as given to the run: a list item, or a
 * range or design value as samen_num_value writes it (util/numfmt.h:
 * %.15g, %.17g, whole keys as integers). Returns a pointer to buf (which
 * must hold SAMEN_VALUE_MAX bytes) or into the sweep. */
#define SAMEN_VALUE_MAX 64
const char *samen_sweep_value(const samen_sweep *sw, size_t point, int k,
                              char *buf);

/* Writes a value to a CSV field: a number as samen_fmt_value writes it
 * (util/numfmt.h), text quoted where CSV needs it. */
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

#endif
