/* cmd_check_sweep.c: `samen check SWEEP`: validates a sweep file and
 * prints its size and first design points, or writes design.csv. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "samen/samen.h"
#include "sweep/design.h"
#include "sweep/tables.h"

static const char usage[] =
    "usage: samen check SWEEP [--design-only [--force]]\n"
    "\n"
    "Validates a sweep file (every key and value, against its base scenario)\n"
    "and prints how many points and runs it has and its first design points.\n"
    "\n"
    "options:\n"
    "  --design-only  write design.csv (point, then one column per varied key)\n"
    "                 into the current folder instead, e.g. for R's\n"
    "                 sensitivity package or SALib; an existing design.csv\n"
    "                 is left alone unless --force\n"
    "  --force        replace design.csv\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 valid, 1 I/O error, 2 bad input or usage.\n";

enum { OPT_DESIGN_ONLY, OPT_FORCE };

static const samen_optspec opts[] = {
    {"--design-only", NULL, NULL, OPT_DESIGN_ONLY},
    {"--force", NULL, NULL, OPT_FORCE},
    {0},
};

/* How many design points are printed. */
#define SHOW_POINTS 10

static void print_sweep(const samen_sweep *sw)
{
    printf("%s: valid\n", sw->path);
    printf("scenario: %s\n", sw->scenario);
    printf("design: %s, %zu points x %ld replicates = %zu runs, seed %lu, seeds %s\n",
           samen_design_names[sw->design], sw->n_points, sw->replicates, sw->n_runs,
           (unsigned long)sw->seed, sw->seeds_common ? "common" : "per-run");
    if (sw->design == SAMEN_DESIGN_SALTELLI)
        printf("saltelli: %ld base rows in blocks of %d points (A, AB^1 .. AB^%d, B); "
               "point = row x %d + m\n", sw->samples, sw->n_keys + 2, sw->n_keys,
               sw->n_keys + 2);
    else if (sw->design == SAMEN_DESIGN_MORRIS)
        printf("morris: %ld trajectories of %d points, %d levels, delta %.6g (unit "
               "scale)\n", sw->trajectories, sw->n_keys + 1, sw->levels,
               samen_morris_delta(sw->levels));
    for (int k = 0; k < sw->n_keys; k++) {
        const samen_sweep_key *key = &sw->keys[k];
        if (sw->design == SAMEN_DESIGN_GRID)
            printf("vary: %s = %s (%zu values)\n", key->key, key->text, key->n_values);
        else
            printf("vary: %s = %s%s\n", key->key, key->text,
                   key->is_whole ? " (whole numbers)" : "");
    }
    size_t n = sw->n_points < SHOW_POINTS ? sw->n_points : SHOW_POINTS;
    printf("first %zu of %zu points:\npoint", n, sw->n_points);
    samen_sweep_write_key_names(stdout, sw);
    putchar('\n');
    char buf[SAMEN_VALUE_MAX];
    for (size_t p = 0; p < n; p++) {
        printf("%zu", p);
        for (int k = 0; k < sw->n_keys; k++) {
            putchar(',');
            samen_sweep_csv_value(stdout, samen_sweep_value(sw, p, k, buf));
        }
        putchar('\n');
    }
}

int samen_cmd_check_sweep(int argc, char **argv)
{
    samen_args a;
    samen_args_init(&a, "check", usage, opts, argc, argv);
    const char *file = NULL, *v;
    int design_only = 0, force = 0, id;
    while ((id = samen_args_next(&a, &v)) != SAMEN_ARG_END) {
        switch (id) {
        case SAMEN_ARG_HELP: return 0;
        case SAMEN_ARG_ERROR: return 2;
        case SAMEN_ARG_POSITIONAL:
            if (samen_args_one(&a, &file, v, "sweep file"))
                return 2;
            break;
        case OPT_DESIGN_ONLY: design_only = 1; break;
        case OPT_FORCE: force = 1; break;
        }
    }
    if (!file)
        return samen_args_error(&a, "no sweep file given");
    if (force && !design_only)
        return samen_args_error(&a, "--force applies to --design-only (it replaces "
                                "design.csv)");
    /* design.csv may be a user's own work, or another sweep's design. */
    if (design_only && !force && access("design.csv", F_OK) == 0) {
        fprintf(stderr, "samen check: design.csv exists in the current folder; use "
                "--force to replace it, or run from another folder\n");
        return 2;
    }
    samen_error err;
    samen_error_clear(&err);
    samen_sweep *sw = NULL;
    int rc = samen_sweep_load(&sw, file, 0, &err);
    if (rc == SAMEN_OK)
        rc = samen_sweep_check_points(sw, &err);
    if (rc == SAMEN_OK && design_only)
        rc = samen_sweep_write_design(sw, ".", &err);
    if (rc != SAMEN_OK)
        samen_error_print(&err, stderr);
    else if (design_only)
        printf("samen check: wrote design.csv (%zu points of %s)\n", sw->n_points, file);
    else
        print_sweep(sw);
    samen_sweep_free(sw);
    return rc;
}
