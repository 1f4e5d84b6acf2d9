/* cmd_collect.c: `samen collect DIR`: merges the rows of a sweep's runs
 * from its part files into one CSV per table and rebuilds its manifest
 * and summary. */
#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "samen/samen.h"
#include "sweep/tables.h"

static const char usage[] =
    "usage: samen collect DIR [--last | --every N]\n"
    "\n"
    "Merges the rows of the runs done in the sweep in DIR into one CSV per\n"
    "table the sweep keeps (DIR/network.csv, events.csv, ties.csv, and\n"
    "orgs.csv, persons.csv, graph.csv with detail), rows in run order with\n"
    "run,point,replicate and the varied keys first (one read.csv or\n"
    "pandas.read_csv call loads the sweep), and rebuilds DIR/manifest.csv and\n"
    "DIR/summary.csv. The same bytes whatever -j, shards or resumes ran it.\n"
    "\n"
    "options:\n"
    "  --last       only each run's last network row per network, into\n"
    "               DIR/network-last.csv\n"
    "  --every N    only the network rows of every N-th step (0, N, 2N, ...),\n"
    "               into DIR/network-every-N.csv\n"
    "  -h, --help   show this help\n"
    "\n"
    "Exit status: 0 done, 1 I/O error, 2 bad input or usage.\n";

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
            if (samen_args_folder(&a, &dir, v))
                return 2;
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
    if (samen_args_need_folder(&a, dir))
        return 2;

    char path[4096];
    snprintf(path, sizeof path, "%s/sweep.ini", dir);
    samen_error err;
    samen_error_clear(&err);
    samen_sweep *sw = NULL;
    size_t counts[3] = {0}, merged = 0;
    /* Trusted: a sweep folder is collected from its own files, even where
     * the scenario it was made from is not. */
    rc = samen_sweep_load(&sw, path, SAMEN_SWEEP_TRUSTED, &err);
    if (rc == SAMEN_OK && mode != SAMEN_COLLECT_ALL && !(sw->tables & (1u << SAMEN_OUT_NETWORK)))
        rc = samen_error_set(&err, SAMEN_EINPUT, path, 0, "tables",
                             "this sweep keeps no network table, so --last and --every "
                             "have nothing to thin");
    /* One reading of the logs, under the lock, for all that is rebuilt. */
    int fd = -1;
    samen_sweep_index idx = {0};
    if (rc == SAMEN_OK && (rc = samen_sweep_lock(dir, &fd, &err)) == SAMEN_OK)
        rc = samen_sweep_index_read(sw, dir, &idx, &err);
    if (rc == SAMEN_OK) {
        memcpy(counts, idx.counts, sizeof counts);
        rc = samen_sweep_write_tables(sw, dir, &idx, &err);
    }
    if (rc == SAMEN_OK)
        rc = samen_sweep_collect(sw, dir, &idx, mode, (long)every, &merged, &err);
    samen_sweep_unlock(fd);
    if (rc != SAMEN_OK) {
        samen_error_print(&err, stderr);
    } else {
        /* Runs whose rows changed on disk since they were logged. */
        for (size_t i = 0; i < idx.n_runs; i++)
            if (idx.corrupt[i])
                fprintf(stderr, "samen collect: run %zu: its rows in %s/parts no longer "
                        "match their checksums (data lost or changed on disk); it is "
                        "left out as pending, and `samen sweep --resume` runs it again\n",
                        i, dir);
        if (counts[SAMEN_RUN_PENDING] || counts[SAMEN_RUN_FAILED])
            fprintf(stderr, "samen collect: %zu runs failed and %zu are pending; they are "
                    "left out (manifest.csv says which)\n", counts[SAMEN_RUN_FAILED],
                    counts[SAMEN_RUN_PENDING]);
        if (mode == SAMEN_COLLECT_ALL)
            printf("samen collect: %zu of %zu runs merged into one CSV per table in %s\n",
                   merged, sw->n_runs, dir);
        else if (mode == SAMEN_COLLECT_LAST)
            printf("samen collect: %zu of %zu runs merged into %s/network-last.csv\n",
                   merged, sw->n_runs, dir);
        else
            printf("samen collect: %zu of %zu runs merged into %s/network-every-%lld.csv\n",
                   merged, sw->n_runs, dir, every);
    }
    samen_sweep_index_free(&idx);
    samen_sweep_free(sw);
    return rc;
}
