/* cmd_analyse.c: `samen analyse DIR`: the sensitivity indices of a
 * saltelli or morris sweep, per outcome, network and key, into
 * DIR/sensitivity.csv. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "samen/samen.h"
#include "sensitivity/analyse.h"
#include "sweep/parts.h"

static const char usage[] =
    "usage: samen analyse DIR [--outcome NAME]... [--resamples B]\n"
    "\n"
    "Reads the sweep in DIR (design = saltelli or morris, every run done) and\n"
    "writes DIR/sensitivity.csv, one row per outcome, network and key:\n"
    "  saltelli  outcome,network,key,S1,S1_low,S1_high,ST,ST_low,ST_high\n"
    "            first-order (Saltelli 2010) and total (Jansen 1999) Sobol\n"
    "            indices of the point values centred on their mean, empty\n"
    "            where the outcome does not vary\n"
    "  morris    outcome,network,key,mu,mu_star,sigma,mu_star_low,mu_star_high\n"
    "            the mean, mean absolute value and standard deviation (divisor\n"
    "            r-1) of the elementary effects (Morris 1991) over the r\n"
    "            trajectories; an effect is (f(after) - f(before)) / d, d the\n"
    "            key's step in unit scale (+-delta), so it is per unit of the\n"
    "            key's whole range and keys of different units compare\n"
    "An outcome's value at a point is its mean over the point's replicates.\n"
    "Intervals are 95 % bootstrap percentiles, seeded with the sweep seed.\n"
    "\n"
    "options:\n"
    "  --outcome NAME   agreed, dissolved, completed (0/1), members (largest\n"
    "                   count), dropouts, or any numeric column of network.csv\n"
    "                   (its value in the network's last row); repeatable;\n"
    "                   default: agreed, dissolved, members, dropouts, trust\n"
    "  --resamples B    bootstrap resamples, 0 for none (default 1000)\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 done, 1 I/O error, 2 bad input or usage (another design,\n"
    "runs not done, an unknown outcome).\n";

enum { OPT_OUTCOME, OPT_RESAMPLES };

static const samen_optspec opts[] = {
    {"--outcome", NULL, "NAME", OPT_OUTCOME},
    {"--resamples", NULL, "B", OPT_RESAMPLES},
    {0},
};

int samen_cmd_analyse(int argc, char **argv)
{
    samen_args a;
    samen_args_init(&a, "analyse", usage, opts, argc, argv);
    const char *dir = NULL, *v;
    /* Room for every argument or for the default outcomes. */
    size_t n_default = 0;
    while (samen_analyse_default_outcomes[n_default])
        n_default++;
    const char **names = calloc((size_t)argc + n_default, sizeof *names);
    long long resamples = 1000;
    int n_names = 0, id, rc = 0;
    if (!names) {
        fputs("samen analyse: out of memory\n", stderr);
        return 1;
    }
    while (rc == 0 && (id = samen_args_next(&a, &v)) != SAMEN_ARG_END) {
        samen_error err;
        switch (id) {
        case SAMEN_ARG_HELP: free(names); return 0;
        case SAMEN_ARG_ERROR: rc = 2; break;
        case SAMEN_ARG_POSITIONAL:
            rc = samen_args_folder(&a, &dir, v);
            break;
        case OPT_OUTCOME:
            if (samen_analyse_check_outcome(v, &err))
                rc = samen_args_error(&a, "%s", err.msg);
            names[n_names++] = v;
            break;
        case OPT_RESAMPLES:
            rc = samen_args_whole(&a, "--resamples", v, 0, 10000000, &resamples);
            break;
        }
    }
    if (rc == 0)
        rc = samen_args_need_folder(&a, dir);
    if (rc) {
        free(names);
        return rc;
    }
    if (n_names == 0)
        for (const char *const *d = samen_analyse_default_outcomes; *d; d++)
            names[n_names++] = *d;

    samen_error err;
    samen_error_clear(&err);
    samen_sweep *sw = NULL;
    samen_sweep_index idx;
    size_t rows = 0;
    rc = samen_sweep_open(dir, &sw, &idx, &err);
    if (rc == SAMEN_OK)
        rc = samen_analyse_write(sw, dir, &idx, names, n_names, (size_t)resamples, &rows,
                                 &err);
    if (rc)
        samen_error_print(&err, stderr);
    else {
        /* every outcome has a row per network and key */
        size_t nets = rows / ((size_t)n_names * (size_t)sw->n_keys);
        printf("samen analyse: %zu rows (%d outcome%s x %zu network%s x %d keys, %s) in "
               "%s/sensitivity.csv\n", rows, n_names, n_names > 1 ? "s" : "", nets,
               nets != 1 ? "s" : "", sw->n_keys, samen_design_names[sw->design], dir);
    }
    samen_sweep_index_free(&idx);
    samen_sweep_free(sw);
    free(names);
    return rc;
}
