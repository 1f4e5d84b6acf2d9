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
    int status = samen_args_none("version", usage, argc, argv);
    if (status >= 0)
        return status;
    printf("samen %s\n", SAMEN_VERSION);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("samen: cannot write to standard output\n", stderr);
        return 1;
    }
    return 0;
}
