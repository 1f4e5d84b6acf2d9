/* cmd_fit.c: `samen fit FIT ...`: calibration of scenario parameters to
 * observed targets by ABC-SMC, each generation a sweep folder run by the
 * sweep's pool of -j processes (or a shard of it), or through
 * samen_fit_command by the MPI ranks. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/batch_args.h"
#include "cli/commands.h"
#include "cli/sweep_command.h"
#include "fit/fitrun.h"

static const char usage[] =
    "usage: samen fit FIT [--out DIR] [-j N] [--resume] [--shard I/N]\n"
    "                 [--quiet] [--progress]\n"
    "\n"
    "Calibrates the [prior] keys of a fit file to its targets by approximate\n"
    "Bayesian computation with sequential Monte Carlo (ABC-SMC). Each\n"
    "generation's candidates are a sweep in DIR/generations/G/, run in\n"
    "batches in index order and accepted in index order, so the result is\n"
    "the same bytes whatever -j, shards or resumes. Writes DIR/fit.ini,\n"
    "DIR/particles.csv, DIR/generations.csv and DIR/posterior.csv;\n"
    "`samen predict DIR` checks the posterior against the targets.\n"
    "\n"
    "options:\n"
    "  --out DIR      output folder, created if missing (default\n"
    "                 results/NAME-fit/, NAME the fit file's name without .ini)\n"
    "  -j, --jobs N   runs at a time (default: the CPUs this process may use)\n"
    "  --resume       finish a fit that was stopped, from the runs it left\n"
    "  --shard I/N    only runs whose number is I modulo N in each batch; the\n"
    "                 shards wait for each other at the end of every batch\n"
    "  --quiet        print nothing but errors\n"
    "  --progress     report progress on stderr even when it is not a terminal\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 done, 1 a run failed or the fit was stopped, 2 bad input\n"
    "or usage.\n";

static int local_pool(void *ctx, samen_sweep_job *job, samen_progress *prog,
                      samen_pool_result *res, samen_error *err)
{
    return samen_sweep_pool(job, *(int *)ctx, prog, res, err);
}

int samen_fit_command(int argc, char **argv, samen_sweep_executor exec, void *exec_ctx)
{
    samen_batch_opts o;
    int rc = samen_batch_args("fit", usage, "fit file", "-fit", argc, argv, &o);
    if (rc >= 0)
        return rc;
    samen_error err;
    samen_error_clear(&err);
    samen_fit *f = NULL;
    rc = samen_fit_load(&f, o.file, &err);
    if (rc == SAMEN_OK && samen_mkdir_p(o.out) != 0)
        rc = samen_error_set(&err, errno == ENOTDIR ? SAMEN_EINPUT : SAMEN_EIO, o.out, 0,
                             NULL, "cannot create the output folder: %s", strerror(errno));
    int jobs = (int)o.jobs;
    samen_progress prog = {0};
    samen_fit_opts fo = {.out = o.out, .resume = o.resume, .shard_i = (size_t)o.shard_i,
                         .shard_n = (size_t)o.shard_n, .report = o.quiet ? NULL : stdout,
                         .exec = exec ? exec : local_pool,
                         .exec_ctx = exec ? exec_ctx : &jobs, .prog = &prog};
    samen_fit_result res = {0};
    if (rc == SAMEN_OK) {
        int tty = isatty(STDERR_FILENO);
        if (!o.quiet && (tty || o.progress))
            samen_progress_start(&prog, stderr, tty, 0);
        rc = samen_fit_run(f, &fo, &res, &err);
        samen_progress_finish(&prog);
    }
    if (rc != SAMEN_OK) {
        samen_error_print(&err, stderr);
    } else if (res.interrupted) {
        fprintf(stderr, "samen fit: stopped by signal %d; run the same command with "
                "--resume to finish it\n", res.interrupted);
        rc = 1;
    } else if (!o.quiet) {
        printf("samen fit: %ld generation%s; outputs in %s (posterior.csv, particles.csv, "
               "generations.csv)%s\n", res.generations, res.generations == 1 ? "" : "s",
               o.out, res.failed ? "; some runs failed (they count as infinitely far)" : "");
        /* the engine's own share: what is not running runs */
        printf("samen fit: %zu candidates in %.2f s, %.1f a second; the engine's own "
               "time %.3f s (%.2f %%)\n", res.candidates, res.wall,
               res.wall > 0 ? (double)res.candidates / res.wall : 0, res.wall - res.running,
               res.wall > 0 ? 100 * (res.wall - res.running) / res.wall : 0);
    }
    samen_fit_free(f);
    free(o.out);
    return rc;
}

int samen_cmd_fit(int argc, char **argv)
{
    return samen_fit_command(argc, argv, NULL, NULL);
}

int samen_check_fit(const char *file)
{
    samen_error err;
    samen_error_clear(&err);
    samen_fit *f = NULL;
    if (samen_fit_load(&f, file, &err) != SAMEN_OK) {
        samen_error_print(&err, stderr);
        return err.code;
    }
    samen_abc_config cfg;
    samen_fit_config(f, &cfg);
    printf("%s: valid fit file: %d key%s, %d target%s, %ld particles of %ld run%s, at "
           "most %ld generations of %zu candidates\n", file, f->n_keys,
           f->n_keys == 1 ? "" : "s", f->n_targets, f->n_targets == 1 ? "" : "s",
           f->particles, f->replicates, f->replicates == 1 ? "" : "s", f->generations,
           samen_abc_max_candidates(&cfg));
    samen_fit_write_resolved(f, stdout);
    samen_fit_free(f);
    if (fflush(stdout) != 0) {
        fputs("samen: cannot write to standard output\n", stderr);
        return 1;
    }
    return 0;
}
