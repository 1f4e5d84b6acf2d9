/* cmd_collect.c: `samen collect DIR`: merges a sweep's runs into
 * DIR/network.csv and DIR/events.csv and rebuilds its manifest and
 * summary. */
#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "samen/samen.h"
#include "sweep/sweep.h"

static const char usage[] =
    "usage: samen collect DIR [--last | --every N]\n"
    "\n"
    "Merges the finished runs of the sweep in DIR into DIR/network.csv and\n"
    "DIR/events.csv, with run,point,replicate and the varied keys before\n"
    "every row (one read.csv or pandas.read_csv call loads the sweep), and\n"
    "rebuilds DIR/manifest.csv and DIR/summary.csv from the run folders.\n"
    "\n"
    "options:\n"
    "  --last       keep only each run's last network.csv row per network\n"
    "  --every N    keep only the network.csv rows of every N-th step\n"
    "               (steps 0, N, 2N, ...)\n"
    "  -h, --help   show this help\n"
    "\n"
    "events.csv always keeps every event. Exit status: 0 done, 1 I/O error,\n"
    "2 bad input or usage.\n";

enum { OPT_LAST, OPT_EVERY };

static const samen_optspec opts[] = {
    {"--last", NULL, NULL, OPT_LAST},
    {"--every", NULL, "N", OPT_EVERY},
    {0},
};

int samen_cmd_collect(int argc, char **argv)
{
    samen_args a;
    samen_args_init(&a, "collect", usage, opts, argc, argv);
    const char *dir = NULL, *v;
    samen_collect_mode mode = SAMEN_COLLECT_ALL;
    long long every = 0;
    int id, rc;
    while ((id = samen_args_next(&a, &v)) != SAMEN_ARG_END) {
        switch (id) {
        case SAMEN_ARG_HELP: return 0;
        case SAMEN_ARG_ERROR: return 2;
        case SAMEN_ARG_POSITIONAL:
            if (dir)
                return samen_args_error(&a, "one sweep folder only (got '%s' and '%s')",
                                        dir, v);
            dir = v;
            break;
        case OPT_LAST:
            if (mode == SAMEN_COLLECT_EVERY)
                return samen_args_error(&a, "--last and --every exclude each other");
            mode = SAMEN_COLLECT_LAST;
            break;
        case OPT_EVERY:
            if (mode == SAMEN_COLLECT_LAST)
                return samen_args_error(&a, "--last and --every exclude each other");
            if ((rc = samen_args_whole(&a, "--every", v, 1, 1000000000, &every)))
                return rc;
            mode = SAMEN_COLLECT_EVERY;
            break;
        }
    }
    if (!dir)
        return samen_args_error(&a, "no sweep folder given (the --out of `samen sweep`)");

    char path[4096];
    snprintf(path, sizeof path, "%s/sweep.ini", dir);
    samen_error err;
    samen_error_clear(&err);
    samen_sweep *sw = NULL;
    size_t counts[3] = {0}, merged = 0;
    /* Trusted: a sweep folder is collected from its own files, even where
     * the scenario it was made from is not. */
    rc = samen_sweep_load(&sw, path, SAMEN_SWEEP_TRUSTED, &err);
    if (rc == SAMEN_OK)
        rc = samen_sweep_rebuild(sw, dir, counts, &err);
    if (rc == SAMEN_OK)
        rc = samen_sweep_collect(sw, dir, mode, (long)every, &merged, &err);
    if (rc != SAMEN_OK) {
        samen_error_print(&err, stderr);
    } else {
        if (counts[SAMEN_RUN_PENDING] || counts[SAMEN_RUN_FAILED])
            fprintf(stderr, "samen collect: %zu runs failed and %zu are pending; they are "
                    "left out (manifest.csv says which)\n", counts[SAMEN_RUN_FAILED],
                    counts[SAMEN_RUN_PENDING]);
        printf("samen collect: %zu of %zu runs merged into %s/network.csv and "
               "%s/events.csv\n", merged, sw->n_runs, dir, dir);
    }
    samen_sweep_free(sw);
    return rc;
}
