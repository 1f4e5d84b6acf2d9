/* cmd_check.c: `samen check FILE`: validates a scenario and prints it
 * resolved, or hands a sweep file (one with a [sweep] section) over to the
 * sweep's check. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "samen/samen.h"

static const char usage[] =
    "usage: samen check SCENARIO [--set KEY=VALUE]...\n"
    "       samen check SWEEP [--design-only]\n"
    "\n"
    "Validates a scenario and prints it resolved: every parameter with its\n"
    "value, as run.ini would record it. For a sweep file (one with a [sweep]\n"
    "section), validates the sweep against its scenario and prints its size\n"
    "and first design points.\n"
    "\n"
    "options:\n"
    "  --set KEY=VALUE  set a scenario key, as for samen run\n"
    "  --design-only    (sweeps) write design.csv (point, then one column per\n"
    "                   varied key) into the current folder instead\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 valid, 1 I/O error, 2 an error in the file (printed with\n"
    "file, line and key) or bad usage.\n";

enum { OPT_SET, OPT_DESIGN_ONLY };

static const samen_optspec opts[] = {
    {"--set", NULL, "KEY=VALUE", OPT_SET},
    {"--design-only", NULL, NULL, OPT_DESIGN_ONLY},
    {0},
};

/* Whether path holds a line "[sweep]" (spaces and a comment allowed) in
 * its first 64 KiB. A file that cannot be read is not a sweep: the
 * scenario loader reports it; nor is a pipe, which is read only once. */
static int is_sweep_file(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    FILE *fp = fopen(path, "r");
    if (!fp)
        return 0;
    char line[512];
    int found = 0, line_start = 1, first = 1;
    long seen = 0;
    while (!found && seen < 65536 && fgets(line, sizeof line, fp)) {
        seen += (long)strlen(line) + 1;
        int starts = line_start;
        line_start = strchr(line, '\n') != NULL;
        if (!starts)
            continue; /* the rest of a long line */
        const char *p = line;
        if (first && !strncmp(p, "\xef\xbb\xbf", 3))
            p += 3; /* a UTF-8 byte order mark, as the readers skip it */
        first = 0;
        while (isspace((unsigned char)*p))
            p++;
        /* "[ sweep ]" too: the sweep reader takes spaces inside brackets. */
        if (*p++ != '[')
            continue;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncmp(p, "sweep", 5) != 0)
            continue;
        p += 5;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p++ != ']')
            continue;
        while (*p == ' ' || *p == '\t')
            p++;
        found = *p == '\0' || *p == '\n' || *p == '\r' || *p == ';' || *p == '#';
    }
    fclose(fp);
    return found;
}

int samen_cmd_check(int argc, char **argv)
{
    samen_args a;
    samen_args_init(&a, "check", usage, opts, argc, argv);
    samen_overrides ov = {0};
    const char *file = NULL, *v;
    int design_only = 0, status = -1;
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
        }
    }
    samen_overrides_free(&ov);
    return status;

parsed:
    if (is_sweep_file(file)) {
        samen_overrides_free(&ov);
        return samen_cmd_check_sweep(argc, argv);
    }
    if (design_only) {
        samen_overrides_free(&ov);
        return samen_args_error(&a, "--design-only applies to sweep files, and "
                                "%s has no [sweep] section", file);
    }
    samen_error err;
    samen_error_clear(&err);
    samen_scenario *sc = NULL;
    status = 0;
    if (samen_scenario_load(&sc, file, samen_overrides_list(&ov), ov.n, &err)) {
        samen_error_print(&err, stderr);
        status = err.code ? err.code : 2;
    } else if ((samen_warn_scenario(sc, 0), samen_scenario_print(sc, stdout) != 0) ||
               fflush(stdout) != 0) {
        fputs("samen: cannot write to standard output\n", stderr);
        status = 1;
    }
    samen_scenario_free(sc);
    samen_overrides_free(&ov);
    return status;
}
