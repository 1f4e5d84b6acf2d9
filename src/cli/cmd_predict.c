/* cmd_predict.c: `samen predict DIR`: the posterior predictive check of
 * the fit in DIR. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/batch_args.h"
#include "cli/commands.h"
#include "fit/predict.h"

static const char usage[] =
    "usage: samen predict DIR [--draws N] [-j N] [--quiet]\n"
    "\n"
    "Draws N particles of the last generation of the fit in DIR by weight,\n"
    "runs each with fresh seeds (a sweep in DIR/predictive/draws-N/, resumed\n"
    "when the command is run again) and writes DIR/predictive.csv: per target\n"
    "the measure's mean over the draws, its 2.5 % and 97.5 % quantiles and\n"
    "whether the observed value lies between them (inside).\n"
    "\n"
    "options:\n"
    "  --draws N      particles drawn (default 200)\n"
    "  -j, --jobs N   runs at a time (default: the CPUs this process may use)\n"
    "  --quiet        print nothing but errors\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 done, 1 a run failed or it was stopped, 2 bad input or usage.\n";

enum { OPT_DRAWS, OPT_JOBS, OPT_QUIET };

static const samen_optspec opts[] = {
    {"--draws", NULL, "N", OPT_DRAWS},
    {"--jobs", "-j", "N", OPT_JOBS},
    {"--quiet", "-q", NULL, OPT_QUIET},
    {0},
};

static int predict(int argc, char **argv);

static int local_pool(void *ctx, samen_sweep_job *job, samen_progress *prog,
                      samen_pool_result *res, samen_error *err)
{
    return samen_sweep_pool(job, *(int *)ctx, prog, res, err);
}

int samen_cmd_predict(int argc, char **argv)
{
    char **split = calloc(2 * (size_t)argc + 1, sizeof *split);
    if (!split) {
        fputs("samen: out of memory\n", stderr);
        return 1;
    }
    int rc = predict(samen_split_jobs(argc, argv, split), split);
    free(split);
    return rc;
}

static int predict(int argc, char **argv)
{
    samen_args a;
    samen_args_init(&a, "predict", usage, opts, argc, argv);
    const char *dir = NULL, *v;
    long long draws = 200, jobs = 0;
    int quiet = 0, id, rc;
    while ((id = samen_args_next(&a, &v)) != SAMEN_ARG_END) {
        switch (id) {
        case SAMEN_ARG_HELP: return 0;
        case SAMEN_ARG_ERROR: return 2;
        case SAMEN_ARG_POSITIONAL:
            if (samen_args_one(&a, &dir, v, "fit folder"))
                return 2;
            break;
        case OPT_DRAWS:
            if ((rc = samen_args_whole(&a, "--draws", v, 2, 1000000, &draws)))
                return rc;
            break;
        case OPT_JOBS:
            if ((rc = samen_args_whole(&a, "-j", v, 1, 4096, &jobs)))
                return rc;
            break;
        case OPT_QUIET: quiet = 1; break;
        }
    }
    if (!dir)
        return samen_args_error(&a, "no fit folder given (the --out of samen fit)");
    char path[4200];
    snprintf(path, sizeof path, "%s/fit.ini", dir);
    if (access(path, R_OK) != 0) {
        fprintf(stderr, "samen predict: %s holds no fit (no fit.ini): give the folder "
                "samen fit wrote\n", dir);
        return 2;
    }
    samen_error err;
    samen_error_clear(&err);
    samen_fit *f = NULL;
    int njobs = jobs ? (int)jobs : samen_cpu_count();
    samen_fit_opts fo = {.out = dir, .shard_n = 1, .exec = local_pool, .exec_ctx = &njobs};
    samen_fit_result res = {0};
    rc = samen_fit_load(&f, path, &err);
    if (rc == SAMEN_OK)
        rc = samen_fit_predict(f, &fo, (size_t)draws, &res, &err);
    if (rc != SAMEN_OK) {
        samen_error_print(&err, stderr);
    } else if (res.interrupted) {
        fprintf(stderr, "samen predict: stopped by signal %d; run it again to finish\n",
                res.interrupted);
        rc = 1;
    } else if (!quiet) {
        printf("samen predict: %lld draws; %s/predictive.csv\n", draws, dir);
    }
    samen_fit_free(f);
    return rc;
}
