/* jobs.h: one process's share of a sweep, the progress line, the local
 * worker pool and the executor type the pool and the MPI ranks share.
 * Internal to samen. */
#ifndef SAMEN_SWEEP_JOBS_H
#define SAMEN_SWEEP_JOBS_H

#include <stddef.h>
#include <stdio.h>

#include "samen/error.h"
#include "sweep/design.h"
#include "sweep/parts.h"

/* ---- jobs.c: one process's share of a sweep ---- */

/* One process's share of a sweep: the runs i with i % shard_n == shard_i. */
typedef struct samen_sweep_job {
    const samen_sweep *sw;
    const char *out;
    size_t shard_i, shard_n;
    int resume;
    size_t next;           /* the next run index to consider */
    size_t end;            /* runs from here on are not handed out (yet):
                            * samen fit runs a generation in batches; 0
                            * for no limit */
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

/* What a worker (a process of the pool, an MPI rank) answers for a run it
 * was handed, the same over a pipe and over MPI. */
enum samen_work_status {
    SAMEN_WORK_DONE = 0,       /* the run is done and logged */
    SAMEN_WORK_FAILED = 1,     /* the run failed (its point, the model) and is
                                * logged failed with the reason */
    SAMEN_WORK_UNWRITTEN = 2   /* nothing of the run could be written (a full
                                * disk, a writer that could not be made): it
                                * stays pending and the sweep stops */
};

/* The longest reason a worker sends with a status, NUL included. */
#define SAMEN_REASON_MAX 2048

/* Runs run with w (NULL: the writer could not be made, and made_err says
 * why) and returns its samen_work_status; unless done, reason gets why as
 * samen_error_line writes it. */
int samen_sweep_work(samen_part_writer *w, const samen_error *made_err, size_t run,
                     char reason[SAMEN_REASON_MAX]);

/* The error that stops a sweep whose worker answered SAMEN_WORK_UNWRITTEN
 * with reason: SAMEN_EIO, the reason and how to go on. */
int samen_sweep_stopped(samen_error *err, const char *reason);

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

/* ---- pool.c: the local executor ---- */

typedef struct samen_pool_result {
    size_t done, failed;
    int interrupted;       /* the signal that stopped the sweep, or 0 */
} samen_pool_result;

/* Runs the job's runs in jobs worker processes, forked once and fed run
 * numbers over pipes, each appending its runs' rows to its own part files;
 * a worker that dies fails only the run it had, and is replaced. SIGINT,
 * SIGTERM and SIGHUP stop the workers: a run they had not logged stays
 * pending, for --resume. Returns SAMEN_OK (see *res for failures) or an
 * error. */
int samen_sweep_pool(samen_sweep_job *job, int jobs, samen_progress *prog,
                     samen_pool_result *res, samen_error *err);

/* The number of CPUs this process may run on (its affinity mask). */
int samen_cpu_count(void);

/* Runs the job's runs: samen_sweep_pool's -j processes, or the MPI
 * ranks (src/cli/mpi_main_mpi.c). */
typedef int (*samen_sweep_executor)(void *ctx, samen_sweep_job *job,
                                    samen_progress *prog,
                                    samen_pool_result *res, samen_error *err);

#endif
