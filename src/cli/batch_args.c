/* batch_args.c: the options of the commands that run a batch of runs
 * from a file, `samen sweep` and `samen fit`: FILE [--out DIR] [-j N]
 * [--resume] [--shard I/N] [--quiet] [--progress]. */
#include "cli/batch_args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "sweep/jobs.h"

enum { OPT_OUT, OPT_JOBS, OPT_RESUME, OPT_SHARD, OPT_QUIET, OPT_PROGRESS };

static const samen_optspec opts[] = {
    {"--out", NULL, "DIR", OPT_OUT},
    {"--jobs", "-j", "N", OPT_JOBS},
    {"--resume", NULL, NULL, OPT_RESUME},
    {"--shard", NULL, "I/N", OPT_SHARD},
    {"--quiet", "-q", NULL, OPT_QUIET},
    {"--progress", NULL, NULL, OPT_PROGRESS},
    {0},
};

static int parse_shard(const samen_args *a, const char *v, samen_batch_opts *o)
{
    const char *slash = strchr(v, '/');
    char first[32];
    if (!slash || (size_t)(slash - v) >= sizeof first)
        return samen_args_error(a, "--shard '%s': expected I/N, e.g. --shard 0/4", v);
    memcpy(first, v, (size_t)(slash - v));
    first[slash - v] = '\0';
    int rc = samen_args_whole(a, "--shard N", slash + 1, 1, 1000000000, &o->shard_n);
    if (!rc)
        rc = samen_args_whole(a, "--shard I", first, 0, o->shard_n - 1, &o->shard_i);
    return rc;
}

int samen_split_jobs(int argc, char **argv, char **split)
{
    int n = 0;
    for (int i = 0; i < argc; i++) {
        if (i > 0 && !strncmp(argv[i], "-j", 2) && argv[i][2]) {
            split[n++] = "-j";
            split[n++] = argv[i] + 2;
        } else {
            split[n++] = argv[i];
        }
    }
    return n;
}

/* Fills o from the arguments (split gets "-j4" as "-j" "4", as make
 * users type it; it has room for that). Returns -1 to go on, else the
 * exit status. */
static int parse(const char *cmd, const char *usage, const char *what, const char *suffix,
                 int argc, char **argv, char **split, samen_batch_opts *o)
{
    int n = samen_split_jobs(argc, argv, split);
    samen_args a;
    samen_args_init(&a, cmd, usage, opts, n, split);
    memset(o, 0, sizeof *o);
    o->shard_n = 1;
    const char *v, *out = NULL;
    int id, rc;
    while ((id = samen_args_next(&a, &v)) != SAMEN_ARG_END) {
        switch (id) {
        case SAMEN_ARG_HELP: return 0;
        case SAMEN_ARG_ERROR: return 2;
        case SAMEN_ARG_POSITIONAL:
            if (samen_args_one(&a, &o->file, v, what))
                return 2;
            break;
        case OPT_OUT: out = v; break;
        case OPT_JOBS:
            if ((rc = samen_args_whole(&a, "-j", v, 1, 4096, &o->jobs)))
                return rc;
            break;
        case OPT_RESUME: o->resume = 1; break;
        case OPT_SHARD:
            if ((rc = parse_shard(&a, v, o)))
                return rc;
            break;
        case OPT_QUIET: o->quiet = 1; break;
        case OPT_PROGRESS: o->progress = 1; break;
        }
    }
    if (!o->file)
        return samen_args_error(&a, "no %s given", what);
    if (out) {
        o->out = strdup(out);
    } else {
        /* results/NAME + suffix, NAME the file name without its folder
         * and .ini */
        const char *base = strrchr(o->file, '/');
        base = base ? base + 1 : o->file;
        size_t len_base = strlen(base);
        if (len_base > 4 && !strcmp(base + len_base - 4, ".ini"))
            len_base -= 4;
        size_t len = len_base + strlen(suffix) + sizeof "results/";
        if ((o->out = malloc(len)))
            snprintf(o->out, len, "results/%.*s%s", (int)len_base, base, suffix);
    }
    if (!o->out) {
        fputs("samen: out of memory\n", stderr);
        return 1;
    }
    if (!o->jobs)
        o->jobs = samen_cpu_count();
    return -1;
}

int samen_batch_args(const char *cmd, const char *usage, const char *what,
                     const char *suffix, int argc, char **argv, samen_batch_opts *o)
{
    char **split = calloc(2 * (size_t)argc + 1, sizeof *split);
    if (!split) {
        fputs("samen: out of memory\n", stderr);
        return 1;
    }
    int rc = parse(cmd, usage, what, suffix, argc, argv, split, o);
    free(split);
    return rc;
}
