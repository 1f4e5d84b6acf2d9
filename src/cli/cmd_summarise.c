/* cmd_summarise.c: `samen summarise DIR`: per point and network of a
 * sweep, shares, means and the median time to agreement with their
 * intervals, into DIR/points.csv. */
#include <stdio.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "samen/samen.h"
#include "fit/measures.h"
#include "sweep/tables.h"

static const char usage[] =
    "usage: samen summarise DIR\n"
    "\n"
    "Writes DIR/points.csv: one row per point of the sweep in DIR and network,\n"
    "over the point's runs done: point, the varied keys, network, runs, then\n"
    "  agreed, dissolved, completed   shares of the runs, Wilson 95 % interval\n"
    "  members, dropouts              means (largest member count, drop-outs),\n"
    "                                 t 95 % interval\n"
    "  agree_median                   Kaplan-Meier median of the steps from the\n"
    "                                 network's start to goal agreement (censored\n"
    "                                 at its end or the last step), Brookmeyer-\n"
    "                                 Crowley 95 % interval; empty: not reached\n"
    "each estimate followed by its _low and _high columns. And DIR/measures.csv:\n"
    "per point and measure of samen fit (dissolved_share, km_median_agreed_to_end,\n"
    "members_mean, completed_share_of_ended, trust_age_corr where the sweep kept\n"
    "ties, agreed_share, dropouts_mean; networks nobody joined left out): point,\n"
    "the varied keys, measure, runs (with a value), mean, low, high (t 95 %).\n"
    "Runs pending or failed are left out (manifest.csv says which).\n"
    "\n"
    "options:\n"
    "  -h, --help   show this help\n"
    "\n"
    "Exit status: 0 done, 1 I/O error, 2 bad input or usage.\n";

int samen_cmd_summarise(int argc, char **argv)
{
    const char *dir;
    int status = samen_args_folder_only("summarise", usage, argc, argv, &dir);
    if (status >= 0)
        return status;
    samen_error err;
    samen_error_clear(&err);
    samen_sweep *sw = NULL;
    samen_sweep_index idx;
    size_t rows = 0, mrows = 0;
    int rc = samen_sweep_open(dir, &sw, &idx, &err);
    if (rc == SAMEN_OK)
        rc = samen_sweep_write_points(sw, dir, &idx, &rows, &err);
    if (rc == SAMEN_OK)
        rc = samen_measures_write(sw, dir, &idx, &mrows, &err);
    if (rc) {
        samen_error_print(&err, stderr);
    } else {
        size_t left = idx.counts[SAMEN_RUN_PENDING] + idx.counts[SAMEN_RUN_FAILED];
        if (left)
            fprintf(stderr, "samen summarise: %zu runs failed and %zu are pending; they "
                    "are left out (manifest.csv says which)\n",
                    idx.counts[SAMEN_RUN_FAILED], idx.counts[SAMEN_RUN_PENDING]);
        printf("samen summarise: %zu rows (%zu points, %zu runs done) in %s/points.csv, "
               "%zu in %s/measures.csv\n", rows, sw->n_points, idx.counts[SAMEN_RUN_DONE],
               dir, mrows, dir);
    }
    samen_sweep_index_free(&idx);
    samen_sweep_free(sw);
    return rc;
}
