/* cmd_version.c: `samen version` (also `samen --version`). */
#include <stdio.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "samen/samen.h"

static const char usage[] =
    "usage: samen version\n"
    "\n"
    "Prints the version of samen.\n";

int samen_cmd_version(int argc, char **argv)
{
    static const samen_optspec none[] = {{0}};
    samen_args a;
    samen_args_init(&a, "version", usage, none, argc, argv);
    const char *v;
    switch (samen_args_next(&a, &v)) {
    case SAMEN_ARG_END:
        break;
    case SAMEN_ARG_HELP:
        return 0;
    case SAMEN_ARG_POSITIONAL:
        return samen_args_error(&a, "takes no arguments, got '%s'", v);
    default:
        return 2;
    }
    printf("samen %s\n", SAMEN_VERSION);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("samen: cannot write to standard output\n", stderr);
        return 1;
    }
    return 0;
}
