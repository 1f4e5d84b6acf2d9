/* cmd_describe.c: `samen describe`, every parameter with its default,
 * allowed range and meaning. */
#include <stdio.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "samen/samen.h"

static const char usage[] =
    "usage: samen describe\n"
    "\n"
    "Lists every scenario parameter: key (as for --set), default, allowed\n"
    "range and meaning.\n";

int samen_cmd_describe(int argc, char **argv)
{
    static const samen_optspec none[] = {{0}};
    samen_args a;
    samen_args_init(&a, "describe", usage, none, argc, argv);
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
    samen_params_describe(stdout);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("samen: cannot write to standard output\n", stderr);
        return 1;
    }
    return 0;
}
