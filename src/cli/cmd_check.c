/* cmd_check.c: `samen check FILE`: validates a scenario and prints it
 * resolved, or hands a sweep file (one with a [sweep] section) over to the
 * sweep's check. */
#include <stdio.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/filekind.h"
#include "cli/reach.h"
#include "cli/warn.h"
#include "samen/samen.h"
#include "scenario/scenario_tools.h"

static const char usage[] =
    "usage: samen check SCENARIO [--set KEY=VALUE]... [--explain]\n"
    "       samen check SWEEP [--design-only [--force]]\n"
    "\n"
    "Validates a scenario: the first line says it is valid and what it holds;\n"
    "then every parameter with its value, as run.ini records it (numbers as\n"
    "the shortest text that reads back as the same value). Warns on stderr\n"
    "about what is valid but likely a mistake, such as a network no\n"
    "candidate can join. For a sweep file (one\n"
    "with a [sweep] section), validates the sweep against its scenario and\n"
    "prints its size and first design points.\n"
    "\n"
    "options:\n"
    "  --set KEY=VALUE  set a scenario key, as for samen run\n"
    "  --explain        instead of the parameters, list per network every\n"
    "                   candidate's fit, appeal, need, ask bonus and attraction\n"
    "                   at the start, and whether it can join (MODEL.md 4.1);\n"
    "                   for a field, how networks will be founded (4.14)\n"
    "  --design-only    (sweeps) write design.csv (point, then one column per\n"
    "                   varied key) into the current folder instead\n"
    "  --force          (with --design-only) replace an existing design.csv\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 valid (warnings or not), 1 I/O error, 2 an error in the\n"
    "file (printed with file, line and key) or bad usage.\n";

enum { OPT_SET, OPT_DESIGN_ONLY, OPT_FORCE, OPT_EXPLAIN };

static const samen_optspec opts[] = {
    {"--set", NULL, "KEY=VALUE", OPT_SET},
    {"--design-only", NULL, NULL, OPT_DESIGN_ONLY},
    {"--force", NULL, NULL, OPT_FORCE},
    {"--explain", NULL, NULL, OPT_EXPLAIN},
    {0},
};

/* The first line of the printout: the scenario is valid, and its size. */
static void print_valid(const samen_scenario *sc)
{
    printf("%s: valid scenario: %d organisation%s, %d network%s, %d steps, seed %lu\n",
           sc->path, sc->n_orgs, sc->n_orgs == 1 ? "" : "s", sc->n_nets,
           sc->n_nets == 1 ? "" : "s", sc->steps, (unsigned long)sc->seed);
    fflush(stdout); /* before the warnings on stderr */
}

int samen_cmd_check(int argc, char **argv)
{
    samen_args a;
    samen_args_init(&a, "check", usage, opts, argc, argv);
    samen_overrides ov = {0};
    const char *file = NULL, *v;
    int design_only = 0, force = 0, explain = 0, status = -1;
    while (status < 0) {
        switch (samen_args_next(&a, &v)) {
        case SAMEN_ARG_END:
            if (!file)
                status = samen_args_error(&a, "no scenario or sweep file given");
            else
                goto parsed;
            break;
        case SAMEN_ARG_HELP:
            status = 0;
            break;
        case SAMEN_ARG_ERROR:
            status = 2;
            break;
        case SAMEN_ARG_POSITIONAL:
            if (file)
                status = samen_args_error(&a, "one file at a time: unexpected "
                                          "argument '%s'", v);
            file = v;
            break;
        case OPT_SET:
            if (samen_overrides_add_set(&a, &ov, v))
                status = 2;
            break;
        case OPT_DESIGN_ONLY:
            design_only = 1;
            break;
        case OPT_FORCE:
            force = 1;
            break;
        case OPT_EXPLAIN:
            explain = 1;
            break;
        }
    }
    samen_overrides_free(&ov);
    return status;

parsed:
    if (samen_file_kind(file) & SAMEN_FILE_FIT) {
        samen_overrides_free(&ov);
        return samen_check_fit(file);
    }
    if (samen_file_kind(file) & SAMEN_FILE_SWEEP) {
        samen_overrides_free(&ov);
        return samen_cmd_check_sweep(argc, argv);
    }
    if (design_only || force) {
        samen_overrides_free(&ov);
        return samen_args_error(&a, "%s applies to sweep files, and %s has no [sweep] "
                                "section", design_only ? "--design-only" : "--force", file);
    }
    samen_error err;
    samen_error_clear(&err);
    samen_scenario *sc = NULL;
    status = 0;
    if (samen_scenario_load(&sc, file, samen_overrides_list(&ov), ov.n, &err)) {
        samen_error_print(&err, stderr);
        status = err.code ? err.code : 2;
    } else if ((print_valid(sc), samen_warn_scenario(sc, 0),
                explain ? samen_explain_reach(sc, stdout)
                        : samen_scenario_print_short(sc, stdout)) != 0 ||
               fflush(stdout) != 0) {
        fputs("samen: cannot write to standard output\n", stderr);
        status = 1;
    }
    samen_scenario_free(sc);
    samen_overrides_free(&ov);
    return status;
}
