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
    int status = samen_args_none("describe", usage, argc, argv);
    if (status >= 0)
        return status;
    samen_params_describe(stdout);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("samen: cannot write to standard output\n", stderr);
        return 1;
    }
    return 0;
}
