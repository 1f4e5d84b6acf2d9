/* samen-km.c: Kaplan-Meier median (or another quantile) with its 95 %
 * Brookmeyer-Crowley interval from a CSV of times and event flags, per
 * group: src/stats/km.c's estimator, the one of calibration target C2's
 * measure (src/fit/measures.c), for any CSV. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samen/samen.h"
#include "stats/columns.h"
#include "stats/km.h"
#include "util/grow.h"
#include "util/outfile.h"
#include "util/parse.h"

static const char usage_text[] =
    "usage: samen-km [--time COL] [--event COL] [--by COL] [--level L]\n"
    "                [--ci plain|log|log-log] [--p P] [FILE]\n"
    "\n"
    "Reads a CSV with a header (FILE, or standard input if FILE is - or\n"
    "missing): one row per subject, a time >= 0 and an event flag (1 the\n"
    "event happened at that time, 0 censored then). Writes, per group,\n"
    "  [BY,]n,events,median,lower,upper\n"
    "the Kaplan-Meier P-quantile of the time to event (the median unless\n"
    "--p) and its confidence interval, by inverting the pointwise interval\n"
    "of S(t) (Brookmeyer & Crowley 1982) on the --ci scale with Greenwood's\n"
    "variance; same rules and numbers as R's survfit + quantile. NA where\n"
    "the curve (or a bound) never falls to 1 - P: not reached.\n"
    "\n"
    "options:\n"
    "  --time COL    column of times (default time)\n"
    "  --event COL   column of event flags, 0 or 1 (default event)\n"
    "  --by COL      one output row per value of COL, in order of first\n"
    "                appearance (default: one group)\n"
    "  --level L     confidence level, 0 < L < 1 (default 0.95)\n"
    "  --ci T        plain, log (default, as R) or log-log (as SAS)\n"
    "  --p P         quantile, 0 < P < 1 (default 0.5: the median)\n"
    "  -h, --help    show this help\n"
    "\n"
    "Exit status: 0 done, 1 I/O error, 2 bad input or usage.\n";

typedef struct input {
    const char *path;
    const char *col_time, *col_event, *col_by;
    int i_time, i_event, i_by, n_cols;
    size_t n, cap;
    double *time;
    int *event;
    char **group;
} input;

static int on_row(void *user, int line, char **f, int n, samen_error *err)
{
    input *in = user;
    if (in->n_cols == 0) { /* the header */
        const char *want[3] = {in->col_time, in->col_event, in->col_by};
        int *idx[3] = {&in->i_time, &in->i_event, &in->i_by};
        for (int k = 0; k < 3; k++) {
            if (!want[k])
                continue;
            *idx[k] = samen_stats_find_col(f, n, want[k]);
            if (*idx[k] < 0)
                return samen_error_set(err, SAMEN_EINPUT, in->path, line, want[k],
                                       "no such column in the header (name it with "
                                       "--time, --event or --by)");
        }
        in->n_cols = n;
        return SAMEN_OK;
    }
    if (n != in->n_cols)
        return samen_error_set(err, SAMEN_EINPUT, in->path, line, NULL,
                               "%d fields where the header has %d", n, in->n_cols);
    /* Three arrays grow together, each from the same capacity. */
    size_t cap_t = in->cap, cap_e = in->cap;
    double *times = samen_grow(in->time, in->n, &cap_t, sizeof *times, 256);
    if (times)
        in->time = times;
    int *events = samen_grow(in->event, in->n, &cap_e, sizeof *events, 256);
    if (events)
        in->event = events;
    char **groups = samen_grow(in->group, in->n, &in->cap, sizeof *groups, 256);
    if (groups)
        in->group = groups;
    if (!times || !events || !groups)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    char msg[256];
    double t, e;
    if (samen_parse_number(f[in->i_time], &t, msg, sizeof msg) || t < 0)
        return samen_error_set(err, SAMEN_EINPUT, in->path, line, in->col_time,
                               "'%s' is not a time: a number >= 0", f[in->i_time]);
    if (samen_parse_number(f[in->i_event], &e, msg, sizeof msg) || (e != 0 && e != 1))
        return samen_error_set(err, SAMEN_EINPUT, in->path, line, in->col_event,
                               "'%s' is not an event flag: 1 (event) or 0 (censored)",
                               f[in->i_event]);
    in->group[in->n] = NULL;
    if (in->i_by >= 0 && !(in->group[in->n] = strdup(f[in->i_by])))
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    in->time[in->n] = t;
    in->event[in->n] = (int)e;
    in->n++;
    return SAMEN_OK;
}

static void put_num(FILE *fp, double v)
{
    if (isinf(v))
        fputs("NA", fp);
    else
        samen_csv_num(fp, v);
}

/* Fits and writes the rows of one group (NULL: all rows). */
static int write_group(const input *in, const char *group, double *t, int *e, double p,
                       double level, samen_km_transform tr, samen_error *err)
{
    size_t m = 0;
    for (size_t i = 0; i < in->n; i++)
        if (!group || !strcmp(in->group[i], group)) {
            t[m] = in->time[i];
            e[m] = in->event[i];
            m++;
        }
    samen_km *km = samen_km_alloc(t, e, m, err);
    if (!km)
        return err->code;
    samen_km_q q;
    int rc = samen_km_quantile(km, p, level, tr, &q, err);
    if (!rc) {
        if (group) {
            samen_csv_text(stdout, group);
            fputc(',', stdout);
        }
        printf("%zu,%zu,", km->n, km->n_events);
        put_num(stdout, q.est);
        fputc(',', stdout);
        put_num(stdout, q.lo);
        fputc(',', stdout);
        put_num(stdout, q.hi);
        fputc('\n', stdout);
    }
    samen_km_free(km);
    return rc;
}

static int run(input *in, double p, double level, samen_km_transform tr, samen_error *err)
{
    int rc = samen_stats_read_table(in->path, on_row, in, &in->n_cols, err);
    if (rc)
        return rc;
    double *t = malloc((in->n ? in->n : 1) * sizeof *t);
    int *e = malloc((in->n ? in->n : 1) * sizeof *e);
    if (!t || !e) {
        free(t);
        free(e);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    if (in->col_by) {
        samen_csv_text(stdout, in->col_by);
        fputc(',', stdout);
    }
    fputs(p == 0.5 ? "n,events,median,lower,upper\n" : "n,events,quantile,lower,upper\n",
          stdout);
    if (!in->col_by) {
        rc = write_group(in, NULL, t, e, p, level, tr, err);
    } else {
        for (size_t i = 0; i < in->n && !rc; i++) {
            size_t j = 0;
            while (j < i && strcmp(in->group[j], in->group[i]))
                j++;
            if (j == i) /* first appearance of this group */
                rc = write_group(in, in->group[i], t, e, p, level, tr, err);
        }
    }
    free(t);
    free(e);
    return rc;
}

static int number_arg(const char *opt, const char *s, double *out)
{
    char msg[256];
    if (samen_parse_number(s, out, msg, sizeof msg) || !(*out > 0 && *out < 1)) {
        fprintf(stderr, "samen-km: %s '%s': a number strictly between 0 and 1\n", opt, s);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"time", required_argument, NULL, 't'}, {"event", required_argument, NULL, 'e'},
        {"by", required_argument, NULL, 'b'},   {"level", required_argument, NULL, 'l'},
        {"ci", required_argument, NULL, 'c'},   {"p", required_argument, NULL, 'p'},
        {"help", no_argument, NULL, 'h'},       {NULL, 0, NULL, 0}};
    input in = {.col_time = "time", .col_event = "event", .i_by = -1};
    double level = 0.95, p = 0.5;
    samen_km_transform tr = SAMEN_KM_LOG;
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 't': in.col_time = optarg; break;
        case 'e': in.col_event = optarg; break;
        case 'b': in.col_by = optarg; break;
        case 'l': if (number_arg("--level", optarg, &level)) return 2; break;
        case 'p': if (number_arg("--p", optarg, &p)) return 2; break;
        case 'c':
            if (!strcmp(optarg, "plain"))
                tr = SAMEN_KM_PLAIN;
            else if (!strcmp(optarg, "log"))
                tr = SAMEN_KM_LOG;
            else if (!strcmp(optarg, "log-log"))
                tr = SAMEN_KM_LOGLOG;
            else {
                fprintf(stderr, "samen-km: --ci '%s': plain, log or log-log\n", optarg);
                return 2;
            }
            break;
        case 'h': fputs(usage_text, stdout); return 0;
        default: fputs(usage_text, stderr); return 2;
        }
    }
    if (argc - optind > 1) {
        fputs("samen-km: at most one FILE\n", stderr);
        fputs(usage_text, stderr);
        return 2;
    }
    in.path = optind < argc && strcmp(argv[optind], "-") ? argv[optind] : "/dev/stdin";
    samen_error err;
    samen_error_clear(&err);
    int rc = run(&in, p, level, tr, &err);
    for (size_t i = 0; i < in.n; i++)
        free(in.group[i]);
    free(in.group);
    free(in.time);
    free(in.event);
    if (!rc && (fflush(stdout) != 0 || ferror(stdout)))
        rc = samen_error_set(&err, SAMEN_EIO, "standard output", 0, NULL, "cannot write");
    if (rc) {
        if (!strcmp(err.file, "/dev/stdin"))
            snprintf(err.file, sizeof err.file, "standard input");
        samen_error_print(&err, stderr);
    }
    return rc;
}
