/* fitrun.h: a fit run through the sweep machinery: each generation a
 * sweep folder DIR/generations/G/ of design = points (its candidates),
 * run in batches in index order with the sweep's executor (the -j pool or
 * the MPI ranks), its runs' measures offered to the ABC-SMC engine; and
 * the fit's tables (particles.csv, generations.csv, posterior.csv).
 * Internal to samen. */
#ifndef SAMEN_FIT_FITRUN_H
#define SAMEN_FIT_FITRUN_H

#include <stddef.h>
#include <stdio.h>

#include "fit/fitfile.h"
#include "sweep/jobs.h"
#include "sweep/tables.h"

typedef struct samen_fit_opts {
    const char *out;
    int resume;
    size_t shard_i, shard_n;
    FILE *report;                    /* a line per generation, or NULL */
    samen_sweep_executor exec;       /* runs a batch */
    void *exec_ctx;
    samen_progress *prog;
} samen_fit_opts;

typedef struct samen_fit_result {
    long generations;                /* full generations */
    int interrupted;                 /* the signal that stopped it, or 0 */
    size_t failed;                   /* runs that failed */
    size_t candidates;               /* offered to the engine */
    double wall, running;            /* seconds in all, and in running runs
                                      * (the executor); the rest is the
                                      * engine's own: proposals, weights,
                                      * kernel, distances, files */
} samen_fit_result;

/* Runs (or, with resume, finishes) the fit f into o->out, which exists.
 * A folder holding another fit, or this one without resume, is refused
 * (SAMEN_EINPUT). Returns SAMEN_OK (see *res) or an error. */
int samen_fit_run(const samen_fit *f, const samen_fit_opts *o, samen_fit_result *res,
                  samen_error *err);

/* A sweep of design = points whose points are candidates of the fit (a
 * generation, or the draws of `samen predict`), and what its runs wrote. */
typedef struct samen_fit_points {
    char dir[4300];
    samen_sweep *sw;
    samen_sweep_job job;
    int prepared;
    samen_sweep_index idx;
    int have;                        /* idx was read */
    samen_measure_scratch scratch;   /* room for the measures */
} samen_fit_points;

/* Writes DIR/candidates.csv (the m points theta, m x n_keys) and
 * DIR/points.ini (the sweep of them, seeded with seed; what names it in a
 * comment), then loads and claims it and prepares o's share of its runs. */
int samen_fit_points_open(const samen_fit *f, const samen_fit_opts *o, const char *dir,
                          const char *what, uint32_t seed, const double *theta, size_t m,
                          samen_fit_points *p, samen_error *err);

/* Runs the runs of the candidates before end not run yet (o's share;
 * with shards, then waits for the others' share) and reads what they
 * wrote. res->interrupted is set when a signal stopped it. */
int samen_fit_points_run(const samen_fit *f, const samen_fit_opts *o, samen_fit_points *p,
                         size_t end, samen_fit_result *res, samen_error *err);

/* Candidate c's statistics (n_targets): each target's measure, the mean
 * over its replicates; NAN when a run failed or a measure has no value. */
int samen_fit_points_stats(const samen_fit *f, samen_fit_points *p, size_t c,
                           double *stats, samen_error *err);

/* Ends the job, rebuilds DIR/manifest.csv and summary.csv if asked, and
 * frees p. */
int samen_fit_points_close(samen_fit_points *p, int rebuild, samen_error *err);

/* Creates the folder path unless it exists (its parent must). */
int samen_fit_mkdir(const char *path, samen_error *err);

/* The seed of generation t's sweep: its runs' seeds follow from it by
 * MODEL.md section 6. */
uint32_t samen_fit_generation_seed(const samen_fit *f, long t);

#endif
