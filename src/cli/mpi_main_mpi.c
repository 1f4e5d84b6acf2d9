/* mpi_main_mpi.c: the main of samen-mpi (make MPI=1): a sweep (or each
 * batch of a fit, `samen-mpi fit`) spread over the
 * MPI ranks. Rank 0 loads and claims the sweep as `samen sweep` does and
 * hands out runs one at a time to whichever rank asks; the others run
 * them, each a writer of its own part files in the shared --out folder.
 * Only run numbers, statuses and failure reasons travel over MPI. */
#include "cli/mpi_main.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mpi.h>

#include "cli/commands.h"
#include "cli/sweep_command.h"
#include "samen/samen.h"
#include "sweep/jobs.h"

enum { TAG_RESULT = 1, TAG_WORK = 2, TAG_REASON = 3 };

/* A worker's message to rank 0 is {run, status}: run -1 with
 * SAMEN_WORK_DONE asks for the first run; run -1 with SAMEN_WORK_UNWRITTEN
 * says that this rank cannot work (it could not load the sweep), and its
 * reason follows. A status other than done is always followed by its
 * reason (TAG_REASON). */

typedef struct mpi_ctx {
    int size;
} mpi_ctx;

static void count_run(samen_sweep_job *job, size_t run, long status,
                      const char *reason, samen_pool_result *res)
{
    if (status == SAMEN_WORK_DONE) {
        res->done++;
        return;
    }
    res->failed++;
    if (job->on_failure)
        job->on_failure(job->user, run, reason);
}

static void show(samen_progress *prog, const samen_pool_result *res)
{
    prog->done = res->done;
    prog->failed = res->failed;
    samen_progress_update(prog, 0);
}

/* Rank 0's side, called by samen_sweep_command once the folder is ready. */
static int dispatch(void *ctx_, samen_sweep_job *job, samen_progress *prog,
                    samen_pool_result *res, samen_error *err)
{
    mpi_ctx *ctx = ctx_;
    int go = 1;
    MPI_Bcast(&go, 1, MPI_INT, 0, MPI_COMM_WORLD);
    int len = (int)strlen(job->out) + 1;
    MPI_Bcast(&len, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Bcast((void *)job->out, len, MPI_CHAR, 0, MPI_COMM_WORLD);
    memset(res, 0, sizeof *res);

    char reason[SAMEN_REASON_MAX];
    if (ctx->size == 1) {
        /* No other rank: rank 0 runs them itself. */
        samen_error made;
        samen_error_clear(&made);
        samen_part_writer *w = samen_part_writer_new(job->sw, job->out, &made);
        long run;
        int rc = SAMEN_OK;
        while (rc == SAMEN_OK && (run = samen_sweep_next(job)) >= 0) {
            int st = samen_sweep_work(w, &made, (size_t)run, reason);
            if (st == SAMEN_WORK_UNWRITTEN)
                rc = samen_sweep_stopped(err, reason);
            else
                count_run(job, (size_t)run, st, reason, res);
            show(prog, res);
        }
        samen_error e2;
        samen_error_clear(&e2);
        if (samen_part_writer_free(w, &e2) != SAMEN_OK && rc == SAMEN_OK) {
            *err = e2;
            rc = e2.code;
        }
        return rc;
    }

    int active = ctx->size - 1, working = 0, rc = SAMEN_OK, stop = 0;
    int broken = 0;
    char first_broken[SAMEN_REASON_MAX + 32] = "";
    while (active > 0) {
        long msg[2];
        MPI_Status st;
        MPI_Recv(msg, 2, MPI_LONG, MPI_ANY_SOURCE, TAG_RESULT, MPI_COMM_WORLD, &st);
        reason[0] = '\0';
        if (msg[1] != SAMEN_WORK_DONE) {
            MPI_Recv(reason, SAMEN_REASON_MAX, MPI_CHAR, st.MPI_SOURCE, TAG_REASON,
                     MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            reason[SAMEN_REASON_MAX - 1] = '\0';
        }
        if (msg[0] < 0 && msg[1] == SAMEN_WORK_UNWRITTEN) {
            /* This rank cannot work: said once, below. */
            broken++;
            if (!first_broken[0])
                snprintf(first_broken, sizeof first_broken, "rank %d: %s", st.MPI_SOURCE,
                         reason);
            active--;
            continue;
        }
        if (msg[0] >= 0 && msg[1] == SAMEN_WORK_UNWRITTEN) {
            /* A full disk: no more runs anywhere. */
            if (rc == SAMEN_OK)
                rc = samen_sweep_stopped(err, reason);
            stop = 1;
        } else if (msg[0] >= 0) {
            count_run(job, (size_t)msg[0], msg[1], reason, res);
        } else {
            working++;
        }
        long next = stop ? -1 : samen_sweep_next(job);
        MPI_Send(&next, 1, MPI_LONG, st.MPI_SOURCE, TAG_WORK, MPI_COMM_WORLD);
        if (next < 0)
            active--;
        show(prog, res);
    }
    if (working == 0 && rc == SAMEN_OK)
        rc = samen_error_set(err, SAMEN_EIO, job->out, 0, NULL,
                             "no MPI rank could load the sweep (%s)", first_broken);
    else if (broken > 0)
        fprintf(stderr, "samen-mpi: %d rank%s ran nothing (%s)\n", broken,
                broken > 1 ? "s" : "", first_broken);
    return rc;
}

/* Sends rank 0 a message: {run, status} and, unless done, the reason. */
static void answer(long run, long status, const char *reason)
{
    long msg[2] = {run, status};
    MPI_Send(msg, 2, MPI_LONG, 0, TAG_RESULT, MPI_COMM_WORLD);
    if (status != SAMEN_WORK_DONE)
        MPI_Send((void *)reason, (int)strlen(reason) + 1, MPI_CHAR, 0, TAG_REASON,
                 MPI_COMM_WORLD);
}

/* A worker rank: asks for the runs of one sweep folder until told to
 * stop. */
static void work_one(void)
{
    int len;
    MPI_Bcast(&len, 1, MPI_INT, 0, MPI_COMM_WORLD);
    char *out = malloc((size_t)len);
    char path[4200];
    if (out)
        MPI_Bcast(out, len, MPI_CHAR, 0, MPI_COMM_WORLD);
    else
        MPI_Abort(MPI_COMM_WORLD, 1);
    /* Every rank reads the sweep.ini that rank 0 claimed the folder with,
     * so all agree on the design and the seeds. */
    snprintf(path, sizeof path, "%s/sweep.ini", out);
    samen_error err;
    samen_error_clear(&err);
    samen_sweep *sw = NULL;
    char reason[SAMEN_REASON_MAX] = "";
    if (samen_sweep_load(&sw, path, SAMEN_SWEEP_TRUSTED, &err) != SAMEN_OK) {
        samen_error_line(&err, reason, sizeof reason);
        answer(-1, SAMEN_WORK_UNWRITTEN, reason);
        free(out);
        return;
    }
    samen_part_writer *w = samen_part_writer_new(sw, out, &err);
    long run = -1, status = SAMEN_WORK_DONE;
    for (;;) {
        answer(run, status, reason);
        MPI_Recv(&run, 1, MPI_LONG, 0, TAG_WORK, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (run < 0)
            break;
        status = samen_sweep_work(w, &err, (size_t)run, reason);
    }
    /* Closing what the log already vouches for: a failure loses no run. */
    samen_error e2;
    samen_error_clear(&e2);
    if (samen_part_writer_free(w, &e2) != SAMEN_OK)
        samen_error_print(&e2, stderr);
    samen_sweep_free(sw);
    free(out);
}

/* A worker rank: one sweep folder after another (a fit runs many, a
 * batch at a time) until rank 0 says there are no more. */
static void work(void)
{
    for (;;) {
        int go;
        MPI_Bcast(&go, 1, MPI_INT, 0, MPI_COMM_WORLD);
        if (!go)
            return;
        work_one();
    }
}

int samen_mpi_main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    int rank, size, rc = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int fit = argc >= 2 && !strcmp(argv[1], "fit");
    if (argc >= 2 && (!strcmp(argv[1], "sweep") || fit)) {
        if (rank == 0) {
            mpi_ctx ctx = {.size = size};
            rc = fit ? samen_fit_command(argc - 1, argv + 1, dispatch, &ctx)
                     : samen_sweep_command(argc - 1, argv + 1, dispatch, &ctx);
            /* no more sweep folders: the workers end */
            int go = 0;
            MPI_Bcast(&go, 1, MPI_INT, 0, MPI_COMM_WORLD);
        } else {
            work();
        }
        /* Every rank ends with rank 0's status, which is mpirun's. */
        MPI_Bcast(&rc, 1, MPI_INT, 0, MPI_COMM_WORLD);
    } else if (rank == 0) {
        /* The other commands, as in samen, run once. */
        rc = samen_dispatch("samen-mpi", argc, argv);
    }
    MPI_Finalize();
    return rc;
}
