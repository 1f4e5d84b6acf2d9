/* cmd_sweep.c: `samen sweep SWEEP ...`: a batch of runs over a parameter
 * design, -j at a time on this machine, or a shard of it, or (through
 * samen_sweep_command) spread over MPI ranks. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/batch_args.h"
#include "cli/commands.h"
#include "cli/filekind.h"
#include "cli/sweep_command.h"
#include "samen/samen.h"
#include "sweep/jobs.h"
#include "sweep/tables.h"

static const char usage[] =
    "usage: samen sweep SWEEP [--out DIR] [-j N] [--resume] [--shard I/N]\n"
    "                   [--quiet] [--progress]\n"
    "\n"
    "Runs every run of a sweep file (a base scenario, a [vary] design and\n"
    "replicates). Each process appends the rows of its runs to its own files\n"
    "in DIR/parts/ (a few files per process, however many runs); at the end\n"
    "DIR/manifest.csv and DIR/summary.csv are rebuilt, and `samen collect DIR`\n"
    "merges the rows into one CSV per table. A run's rows are the same bytes\n"
    "however it is run.\n"
    "\n"
    "options:\n"
    "  --out DIR      output folder, created if missing (default results/NAME/,\n"
    "                 NAME being the sweep file name without .ini)\n"
    "  -j, --jobs N   runs at a time (default: the CPUs this process may use)\n"
    "  --resume       finish a sweep that was stopped: runs only what is\n"
    "                 missing or failed\n"
    "  --shard I/N    only runs whose number is I modulo N (0 <= I < N): one\n"
    "                 shard per Slurm array task or machine, all into one DIR\n"
    "  --quiet        print nothing but errors\n"
    "  --progress     report progress on stderr even when it is not a terminal\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 done, 1 a run failed or the sweep was stopped, 2 bad input\n"
    "or usage.\n";

typedef struct failure_ctx {
    samen_progress *prog;
} failure_ctx;

static void on_failure(void *user, size_t run, const char *reason)
{
    failure_ctx *f = user;
    if (f->prog && f->prog->fp && f->prog->tty)
        fputs("\r\033[K", stderr);
    fprintf(stderr, "samen sweep: run %zu failed: %s\n", run, reason);
}

static int local_pool(void *ctx, samen_sweep_job *job, samen_progress *prog,
                      samen_pool_result *res, samen_error *err)
{
    return samen_sweep_pool(job, *(int *)ctx, prog, res, err);
}

int samen_sweep_command(int argc, char **argv, samen_sweep_executor exec,
                        void *exec_ctx)
{
    samen_batch_opts o;
    int rc = samen_batch_args("sweep", usage, "sweep file", "", argc, argv, &o);
    if (rc >= 0)
        return rc;
    int kind = samen_file_kind(o.file);
    if ((kind & SAMEN_FILE_SCENARIO) && !(kind & SAMEN_FILE_SWEEP)) {
        fprintf(stderr, "samen sweep: %s is a scenario, not a sweep file (it has no [sweep] "
                "section): run it with `samen run %s`; a sweep file names its scenario in "
                "[sweep] and the keys to vary in [vary]\n", o.file, o.file);
        free(o.out);
        return 2;
    }
    samen_error err;
    samen_error_clear(&err);
    samen_sweep *sw = NULL;
    rc = samen_sweep_load(&sw, o.file, 0, &err);
    if (rc == SAMEN_OK)
        rc = samen_sweep_check_points(sw, &err);
    if (rc == SAMEN_OK && samen_mkdir_p(o.out) != 0)
        /* --out naming a file is a usage error, as for samen run */
        rc = samen_error_set(&err, errno == ENOTDIR ? SAMEN_EINPUT : SAMEN_EIO, o.out, 0,
                             NULL, "cannot create the output folder: %s", strerror(errno));
    if (rc == SAMEN_OK)
        rc = samen_sweep_claim(sw, o.out, &err);
    samen_progress prog = {0};
    failure_ctx fctx = {&prog};
    samen_sweep_job job = {.sw = sw, .out = o.out, .shard_i = (size_t)o.shard_i,
                           .shard_n = (size_t)o.shard_n, .resume = o.resume,
                           .on_failure = on_failure, .user = &fctx};
    size_t todo = 0, total = 0;
    if (rc == SAMEN_OK)
        rc = samen_sweep_prepare(&job, &todo, &total, &err);
    samen_pool_result res = {0};
    if (rc == SAMEN_OK) {
        int tty = isatty(STDERR_FILENO);
        if (!o.quiet && (tty || o.progress))
            samen_progress_start(&prog, stderr, tty, todo);
        int jobs = (int)o.jobs;
        rc = exec ? exec(exec_ctx, &job, &prog, &res, &err)
                  : local_pool(&jobs, &job, &prog, &res, &err);
        prog.done = res.done;
        prog.failed = res.failed;
        samen_progress_finish(&prog);
    }
    size_t counts[3] = {0};
    samen_error e2;
    samen_error_clear(&e2);
    if (samen_sweep_job_end(&job, &e2) != SAMEN_OK && rc == SAMEN_OK) {
        err = e2;
        rc = e2.code;
    }
    if (rc == SAMEN_OK && !res.interrupted)
        rc = samen_sweep_rebuild(sw, o.out, counts, &err);
    if (rc != SAMEN_OK) {
        samen_error_print(&err, stderr);
    } else if (res.interrupted) {
        fprintf(stderr, "samen sweep: stopped by signal %d after %zu runs; run the same "
                "command with --resume to finish it\n", res.interrupted, res.done + res.failed);
        rc = 1;
    } else {
        if (!o.quiet) {
            printf("samen sweep: %zu runs run now, %zu of them failed; the sweep "
                   "has %zu of %zu runs done, %zu failed, %zu pending\n",
                   res.done + res.failed, res.failed, counts[SAMEN_RUN_DONE], sw->n_runs,
                   counts[SAMEN_RUN_FAILED], counts[SAMEN_RUN_PENDING]);
            printf("samen sweep: outputs in %s (manifest.csv, summary.csv; "
                   "`samen collect %s` merges the rows into one CSV per table)\n",
                   o.out, o.out);
        }
        if (res.failed > 0)
            rc = 1;
    }
    samen_sweep_free(sw);
    free(o.out);
    return rc;
}

int samen_cmd_sweep(int argc, char **argv)
{
    return samen_sweep_command(argc, argv, NULL, NULL);
}
