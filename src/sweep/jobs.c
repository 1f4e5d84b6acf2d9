/* jobs.c: one process's share of a sweep (a shard, or all of it): which
 * runs are still to run, in run order, where the failures that the
 * process finds from outside a run (a worker that died) are logged, and
 * what a worker answers for a run (the pool's processes, the MPI ranks). */
#include "sweep/jobs.h"

#include <stdlib.h>
#include <string.h>

int samen_sweep_prepare(samen_sweep_job *job, size_t *todo, size_t *total,
                        samen_error *err)
{
    samen_sweep_index idx;
    int rc = samen_sweep_index_read(job->sw, job->out, &idx, err);
    if (rc)
        return rc;
    job->next = job->shard_i;
    free(job->done);
    job->done = calloc(job->sw->n_runs ? job->sw->n_runs : 1, 1);
    if (!job->done) {
        samen_sweep_index_free(&idx);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    *todo = *total = 0;
    for (size_t i = job->shard_i; i < job->sw->n_runs; i += job->shard_n) {
        (*total)++;
        job->done[i] = idx.status[i] == SAMEN_RUN_DONE;
        if (!job->done[i])
            (*todo)++;
        if ((idx.status[i] != SAMEN_RUN_PENDING || idx.corrupt[i]) && !job->resume) {
            rc = samen_error_set(err, SAMEN_EINPUT, job->out, 0, NULL,
                                 "run %zu of this sweep was already run here: add "
                                 "--resume to finish the sweep in this folder, or give "
                                 "another --out", i);
            break;
        }
    }
    samen_sweep_index_free(&idx);
    return rc;
}

long samen_sweep_next(samen_sweep_job *job)
{
    size_t end = job->end && job->end < job->sw->n_runs ? job->end : job->sw->n_runs;
    for (; job->next < end; job->next += job->shard_n) {
        size_t i = job->next;
        if (job->done && job->done[i])
            continue;
        job->next += job->shard_n;
        return (long)i; /* next steps by shard_n from shard_i: in the shard */
    }
    return -1;
}

int samen_sweep_record_failure(samen_sweep_job *job, size_t run,
                               const char *reason, samen_error *err)
{
    if (!job->writer && !(job->writer = samen_part_writer_new(job->sw, job->out, err)))
        return err->code;
    return samen_part_writer_fail(job->writer, run, reason, err);
}

int samen_sweep_job_end(samen_sweep_job *job, samen_error *err)
{
    int rc = samen_part_writer_free(job->writer, err);
    job->writer = NULL;
    free(job->done);
    job->done = NULL;
    return rc;
}

int samen_sweep_work(samen_part_writer *w, const samen_error *made_err, size_t run,
                     char reason[SAMEN_REASON_MAX])
{
    reason[0] = '\0';
    if (!w) {
        samen_error_line(made_err, reason, SAMEN_REASON_MAX);
        return SAMEN_WORK_UNWRITTEN;
    }
    samen_error err;
    samen_error_clear(&err);
    int logged;
    if (samen_part_writer_run(w, run, &logged, &err) == SAMEN_OK)
        return SAMEN_WORK_DONE;
    samen_error_line(&err, reason, SAMEN_REASON_MAX);
    return logged ? SAMEN_WORK_FAILED : SAMEN_WORK_UNWRITTEN;
}

int samen_sweep_stopped(samen_error *err, const char *reason)
{
    return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "%s; the sweep stopped: once the "
                           "cause is gone (a full disk: free space), finish it with --resume",
                           reason);
}
