/* commands.c: the one table of samen's commands, which `samen` and (on
 * rank 0, all but sweep) `samen-mpi` dispatch through, with the usage
 * that lists them. */
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

const samen_command samen_commands[] = {
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
    {NULL, NULL, NULL},
};

static void usage(FILE *fp, const char *prog)
{
    fprintf(fp, "usage: %s COMMAND [options]   (%s COMMAND --help for more)\n\n"
                "samen simulates how collaborations between organisations form,\n"
                "evolve and fall apart.\n", prog, prog);
    if (strcmp(prog, "samen"))
        fprintf(fp, "%s is samen built with MPI: `%s sweep` spreads a sweep's runs\n"
                    "over the MPI ranks; every other command runs once, on rank 0.\n",
                prog, prog);
    fputs("\ncommands:\n", fp);
    for (const samen_command *c = samen_commands; c->name; c++)
        fprintf(fp, "  %-10s %s\n", c->name, c->summary);
}

int samen_dispatch(const char *prog, int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr, prog);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout, prog);
        return 0;
    }
    if (!strcmp(argv[1], "--version"))
        return samen_cmd_version(argc - 1, argv + 1);
    for (const samen_command *c = samen_commands; c->name; c++)
        if (!strcmp(argv[1], c->name))
            return c->fn(argc - 1, argv + 1);
    fprintf(stderr, "%s: unknown command '%s'\n", prog, argv[1]);
    usage(stderr, prog);
    return 2;
}
