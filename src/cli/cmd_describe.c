/* cmd_describe.c: `samen describe [WORD]`, every parameter (or those whose
 * key or meaning holds WORD) with its default, allowed range and meaning,
 * wrapped to the width of the terminal: a table where it fits, else one
 * block per key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "samen/samen.h"
#include "scenario/scenario_tools.h"
#include "util/wrap.h"

static const char usage[] =
    "usage: samen describe [WORD] [--width N]\n"
    "\n"
    "Lists every scenario parameter: key (as for --set), default, allowed\n"
    "range and meaning (with its MODEL.md section). With WORD, only those\n"
    "whose key or meaning holds it (case does not matter).\n"
    "\n"
    "options:\n"
    "  --width N   wrap to N columns (default: $COLUMNS, else the terminal's\n"
    "              width, else 80)\n"
    "  -h, --help  show this help\n"
    "\n"
    "Exit status: 0 listed, 1 output error, 2 nothing matches WORD or bad usage.\n";

enum { OPT_WIDTH };

static const samen_optspec opts[] = {
    {"--width", NULL, "N", OPT_WIDTH},
    {0},
};

#define MIN_WIDTH 20
#define MAX_WIDTH 100000
/* The meaning column of the table is at least this wide; else blocks. */
#define MIN_MEANING 30

/* Nonzero if hay holds needle, ignoring case. */
static int holds(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, n))
            return 1;
    return !n;
}

static int matches(const samen_param_text *t, const char *word)
{
    return !word || holds(t->key, word) || holds(t->meaning, word);
}

/* text from column col on, wrapped to width with continuation lines
 * indented by indent; ends the line */
static void wrap(FILE *fp, const char *text, int col, int indent, int width)
{
    samen_wrap(fp, text, " ", col, indent, width);
    fputc('\n', fp);
}

/* The width to wrap to when --width is not given. */
static int default_width(void)
{
    const char *c = getenv("COLUMNS");
    long long v;
    if (c && samen_parse_whole(c, MIN_WIDTH, MAX_WIDTH, &v) == 0)
        return (int)v;
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
        ws.ws_col >= MIN_WIDTH)
        return ws.ws_col;
    return 80;
}

static int describe(const char *word, int width)
{
    samen_param_text t;
    int kw = (int)strlen("# key"), dw = (int)strlen("default"), rw = (int)strlen("range");
    int n = 0;
    for (int i = 0; samen_param_describe(i, &t); i++) {
        if (!matches(&t, word))
            continue;
        n++;
        kw = (int)strlen(t.key) > kw ? (int)strlen(t.key) : kw;
        dw = (int)strlen(t.def) > dw ? (int)strlen(t.def) : dw;
        rw = (int)strlen(t.range) > rw ? (int)strlen(t.range) : rw;
    }
    if (!n)
        return 0;
    int mcol = kw + dw + rw + 6;
    if (mcol + MIN_MEANING <= width) {
        printf("%-*s  %-*s  %-*s  ", kw, "# key", dw, "default", rw, "range");
        wrap(stdout, "meaning (MODEL.md section)", mcol, mcol, width);
        for (int i = 0; samen_param_describe(i, &t); i++)
            if (matches(&t, word)) {
                printf("%-*s  %-*s  %-*s  ", kw, t.key, dw, t.def, rw, t.range);
                wrap(stdout, t.meaning, mcol, mcol, width);
            }
        return n;
    }
    for (int i = 0; samen_param_describe(i, &t); i++) {
        if (!matches(&t, word))
            continue;
        char line[400];
        wrap(stdout, t.key, 0, 4, width);
        snprintf(line, sizeof line, "default %s; range %s", t.def, t.range);
        printf("    ");
        wrap(stdout, line, 4, 4, width);
        printf("    ");
        wrap(stdout, t.meaning, 4, 4, width);
    }
    return n;
}

int samen_cmd_describe(int argc, char **argv)
{
    samen_args a;
    samen_args_init(&a, "describe", usage, opts, argc, argv);
    const char *word = NULL, *v;
    long long width = 0;
    int id;
    while ((id = samen_args_next(&a, &v)) != SAMEN_ARG_END) {
        switch (id) {
        case SAMEN_ARG_HELP: return 0;
        case SAMEN_ARG_ERROR: return 2;
        case SAMEN_ARG_POSITIONAL:
            if (word)
                return samen_args_error(&a, "one WORD at a time (got '%s' and '%s')", word, v);
            word = v;
            break;
        case OPT_WIDTH:
            if (samen_args_whole(&a, "--width", v, MIN_WIDTH, MAX_WIDTH, &width))
                return 2;
            break;
        }
    }
    int n = describe(word, width ? (int)width : default_width());
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("samen: cannot write to standard output\n", stderr);
        return 1;
    }
    if (!n) {
        fprintf(stderr, "samen describe: no key or meaning holds '%s' (samen describe "
                "lists them all)\n", word);
        return 2;
    }
    return 0;
}
