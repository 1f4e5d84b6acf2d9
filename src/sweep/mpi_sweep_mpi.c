/* mpi_sweep_mpi.c: samen-mpi: a sweep spread over MPI ranks. Rank 0 loads
 * and claims the sweep as `samen sweep` does and hands out runs one at a
 * time to whichever rank asks; the others run them into the shared --out
 * folder. Only run numbers and statuses travel over MPI. */
#include "sweep/mpi_main.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mpi.h>

#include "cli/commands.h"
#include "samen/samen.h"
#include "sweep/sweep.h"

enum { TAG_RESULT = 1, TAG_WORK = 2 };

/* What a worker sends instead of a run number when it cannot work. */
#define WORKER_BROKEN (-2L)

typedef struct mpi_ctx {
    int size;
    int started;           /* the workers were told to start */
} mpi_ctx;

static void count_run(samen_sweep_job *job, size_t run, long status,
                      samen_pool_result *res)
{
    char reason[2048];
    if (status == SAMEN_OK) {
        res->done++;
        return;
    }
    res->failed++;
    if (samen_run_failure_reason(job->out, run, reason, sizeof reason) != 0)
        snprintf(reason, sizeof reason, "the run failed (its reason could not be recorded)");
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
    ctx->started = 1;
    MPI_Bcast(&go, 1, MPI_INT, 0, MPI_COMM_WORLD);
    int len = (int)strlen(job->out) + 1;
    MPI_Bcast(&len, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Bcast((void *)job->out, len, MPI_CHAR, 0, MPI_COMM_WORLD);
    memset(res, 0, sizeof *res);

    if (ctx->size == 1) {
        /* No other rank: rank 0 runs them itself. */
        long run;
        while ((run = samen_sweep_next(job, err)) >= 0) {
            samen_error e2;
            samen_error_clear(&e2);
            count_run(job, (size_t)run, samen_sweep_run_one(job->sw, job->out, (size_t)run, &e2),
                      res);
            show(prog, res);
        }
        return run == -2 ? err->code : SAMEN_OK;
    }

    int active = ctx->size - 1, working = 0, rc = SAMEN_OK, stop = 0;
    while (active > 0) {
        long msg[2];
        MPI_Status st;
        MPI_Recv(msg, 2, MPI_LONG, MPI_ANY_SOURCE, TAG_RESULT, MPI_COMM_WORLD, &st);
        if (msg[0] == WORKER_BROKEN) {
            active--;
            continue;
        }
        if (msg[0] >= 0)
            count_run(job, (size_t)msg[0], msg[1], res);
        else
            working++;
        long next = stop ? -1 : samen_sweep_next(job, err);
        if (next == -2) {
            rc = err->code;
            stop = 1;
            next = -1;
        }
        MPI_Send(&next, 1, MPI_LONG, st.MPI_SOURCE, TAG_WORK, MPI_COMM_WORLD);
        if (next < 0)
            active--;
        show(prog, res);
    }
    if (rc == SAMEN_OK && working == 0)
        rc = samen_error_set(err, SAMEN_EIO, job->out, 0, NULL,
                             "no MPI rank could load the sweep (see the messages above)");
    return rc;
}

/* A worker rank: asks for runs until told to stop. */
static void work(void)
{
    int go;
    MPI_Bcast(&go, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (!go)
        return;
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
    long msg[2] = {-1, 0};
    if (samen_sweep_load(&sw, path, SAMEN_SWEEP_TRUSTED, &err) != SAMEN_OK) {
        samen_error_print(&err, stderr);
        msg[0] = WORKER_BROKEN;
        MPI_Send(msg, 2, MPI_LONG, 0, TAG_RESULT, MPI_COMM_WORLD);
        free(out);
        return;
    }
    for (;;) {
        long run;
        MPI_Send(msg, 2, MPI_LONG, 0, TAG_RESULT, MPI_COMM_WORLD);
        MPI_Recv(&run, 1, MPI_LONG, 0, TAG_WORK, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (run < 0)
            break;
        samen_error_clear(&err);
        msg[0] = run;
        msg[1] = samen_sweep_run_one(sw, out, (size_t)run, &err);
    }
    samen_sweep_free(sw);
    free(out);
}

/* The commands other than sweep, run on rank 0 alone. */
static const struct {
    const char *name;
    int (*fn)(int, char **);
} commands[] = {
    {"run", samen_cmd_run}, {"collect", samen_cmd_collect},
    {"check", samen_cmd_check}, {"describe", samen_cmd_describe},
    {"generate", samen_cmd_generate}, {"version", samen_cmd_version},
};

static int other_command(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs("usage: samen-mpi COMMAND [options]: as samen; `samen-mpi sweep` "
              "spreads the runs over the MPI ranks\n", argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (!strcmp(argv[1], "--version"))
        return samen_cmd_version(argc - 1, argv + 1);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "samen-mpi: unknown command '%s'\n", argv[1]);
    return 2;
}

int samen_mpi_main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    int rank, size, rc = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (argc >= 2 && !strcmp(argv[1], "sweep")) {
        if (rank == 0) {
            mpi_ctx ctx = {.size = size};
            rc = samen_sweep_command(argc - 1, argv + 1, dispatch, &ctx);
            if (!ctx.started) {
                int go = 0;
                MPI_Bcast(&go, 1, MPI_INT, 0, MPI_COMM_WORLD);
            }
        } else {
            work();
        }
        /* Every rank ends with rank 0's status, which is mpirun's. */
        MPI_Bcast(&rc, 1, MPI_INT, 0, MPI_COMM_WORLD);
    } else if (rank == 0) {
        rc = other_command(argc, argv);
    }
    MPI_Finalize();
    return rc;
}
