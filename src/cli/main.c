/* main.c: `samen COMMAND ...`, dispatching to the command files. */
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "cli/commands.h"
#include "samen/samen.h"

#ifdef SAMEN_MPI
#include "cli/mpi_main.h"
#else

static const struct {
    const char *name;
    int (*fn)(int, char **);
    const char *summary;
} commands[] = {
    {"run", samen_cmd_run, "run one scenario and write its CSV outputs"},
    {"sweep", samen_cmd_sweep, "run a batch of runs over a parameter design"},
    {"collect", samen_cmd_collect, "merge a sweep's runs into one CSV per table"},
    {"rerun", samen_cmd_rerun, "run one run of a sweep again into a folder of its own"},
    {"summarise", samen_cmd_summarise, "per point and network of a sweep: shares, means, intervals"},
    {"analyse", samen_cmd_analyse, "sensitivity indices of a saltelli or morris sweep"},
    {"fit", samen_cmd_fit, "calibrate parameters to observed targets (ABC-SMC)"},
    {"predict", samen_cmd_predict, "posterior predictive check of a fit"},
    {"export", samen_cmd_export, "write a run's ties for Gephi, igraph or RSiena"},
    {"check", samen_cmd_check, "validate a scenario or sweep, print it resolved"},
    {"describe", samen_cmd_describe, "list every parameter: key, default, range, meaning"},
    {"generate", samen_cmd_generate, "write a synthetic region scenario"},
    {"version", samen_cmd_version, "print the version"},
};

static void usage(FILE *fp)
{
    fprintf(fp, "usage: samen COMMAND [options]   (samen COMMAND --help for more)\n\n"
                "samen simulates how collaborations between organisations form,\n"
                "evolve and fall apart.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(fp, "  %-10s %s\n", commands[i].name, commands[i].summary);
}
#endif

int main(int argc, char **argv)
{
    /* GSL's default handler aborts the process (gsl_rng_alloc out of
     * memory, say); samen checks every return, so errors come back as
     * values and end in a message and exit 1. */
    gsl_set_error_handler_off();
#ifdef SAMEN_MPI
    return samen_mpi_main(argc, argv);
#else
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version"))
        return samen_cmd_version(argc - 1, argv + 1);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "samen: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
#endif
}
