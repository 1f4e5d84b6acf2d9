/* samen-stats.c: shares, means and event rates per group of a CSV file,
 * with 95 % intervals and tests (src/stats/stats.h); the estimator behind
 * every claim of the experiments (scripts/experiments/, MODEL.md section 1
 * patterns P1-P8). */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samen/samen.h"
#include "stats/columns.h"
#include "stats/stats.h"
#include "util/grow.h"
#include "util/outfile.h"
#include "util/parse.h"

static const char usage_text[] =
    "usage: samen-stats prop --success COND [options] [FILE]\n"
    "       samen-stats mean --value COL [options] [FILE]\n"
    "       samen-stats rate --events COL --exposure COL [options] [FILE]\n"
    "\n"
    "Reads a CSV with a header (FILE, or standard input if FILE is - or\n"
    "missing) and writes one CSV row per group to standard output:\n"
    "  prop  group,n,successes,share,lower,upper   share of rows where COND\n"
    "        holds, Wilson interval\n"
    "  mean  group,n,mean,sd,lower,upper           mean of COL, t interval\n"
    "        (sd and interval empty for a group of one); rows where COL is\n"
    "        empty are left out\n"
    "  rate  group,events,exposure,rate,lower,upper   sum of events over sum\n"
    "        of exposure, exact Poisson interval\n"
    "Tests go to the file named by --tests, one row each:\n"
    "  test,groups,estimate,lower,upper,statistic,df,p_value\n"
    "  chisq    (prop, rate) homogeneity across the groups, always\n"
    "  trend    (--trend) linear trend over the numeric group values:\n"
    "           Cochran-Armitage (prop), slope of the values (mean), score\n"
    "           test of the rates (rate); estimate = the slope\n"
    "  compare  (--compare A,B) A against B (groups \"A vs B\"): two-\n"
    "           proportion z (prop, estimate the difference), Welch t (mean),\n"
    "           exact rate ratio (rate)\n"
    "  vs:G     (--vs X) group G against X: exact binomial (prop), one-sample\n"
    "           t (mean)\n"
    "  ratio    (mean, --ratio A,B) mean of A over mean of B, delta-method\n"
    "           interval on the log scale, z against ratio 1; with --ratio\n"
    "           A,B,C,D also ratio-1 (A/B), ratio-2 (C/D) and ratio-of-ratios\n"
    "           (A/B)/(C/D) against 1\n"
    "  peak-vs-low, peak-vs-high, peak   (prop, --peak G or --peak LO:HI)\n"
    "           the share of group G (or of the groups from LO to HI pooled)\n"
    "           above the lowest and above the highest group value, one-\n"
    "           sided two-proportion z-tests, p Bonferroni-adjusted (x2);\n"
    "           peak: both (estimate the smaller difference, p the larger)\n"
    "\n"
    "COND is COL (a number, true when not 0), COL=V, COL!=V (V may list\n"
    "alternatives as V1|V2; numbers compare as numbers), or COL<X, COL<=X,\n"
    "COL>X, COL>=X (numbers; an empty field is false).\n"
    "\n"
    "options:\n"
    "  --group COL        one row per value of COL, in numeric order when\n"
    "                     every value is a number, else in order of first\n"
    "                     appearance (default: one group, \"all\")\n"
    "  --where COND       keep only the rows where COND holds (repeatable)\n"
    "  --level L          confidence level, 0 < L < 1 (default 0.95)\n"
    "  --alternative A    two-sided (default), less or greater: the side of\n"
    "                     --trend, --compare, --vs and --ratio\n"
    "  --trend, --compare A,B, --vs X, --ratio A,B[,C,D], --peak G|LO:HI\n"
    "                     tests, as above\n"
    "  --tests FILE       where the tests go (written whole: FILE.tmp, then\n"
    "                     renamed)\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 done, 1 I/O error, 2 bad input or usage.\n";

enum kind { PROP, MEAN, RATE };
enum op { OP_TRUE, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

typedef struct cond {
    char *col;      /* owned copy of the text before the operator */
    enum op op;
    char *value;    /* the text after it (points into col's buffer) */
    double num;     /* value as a number, for <, <=, >, >= */
    int idx;        /* column index once the header is read */
} cond;

typedef struct group {
    char *label;
    double x;       /* label as a number, if it is one */
    int numeric;
    long n, k;      /* rows; rows where the success holds */
    double *v;      /* mean: values */
    size_t nv, cap;
    long events;
    double exposure;
} group;

typedef struct input {
    enum kind kind;
    const char *path;
    const char *col_group, *col_value, *col_events, *col_exposure;
    int i_group, i_value, i_events, i_exposure, n_cols;
    cond *where;
    int n_where;
    cond success;
    int has_success;
    group *g;
    int ng;
    size_t capg;
} input;

static int is_number(const char *s, double *out)
{
    char msg[64];
    return *s && !samen_parse_number(s, out, msg, sizeof msg);
}

/* Splits COND text into column, operator and value. Returns 0 or -1. */
static int cond_parse(const char *text, cond *c)
{
    memset(c, 0, sizeof *c);
    c->idx = -1;
    if (!(c->col = strdup(text)))
        return -1;
    char *p = strpbrk(c->col, "!<>=");
    if (!p) {
        c->op = OP_TRUE;
        return *c->col ? 0 : -1;
    }
    if (p == c->col)
        return -1;
    char *v;
    if (p[0] == '!' && p[1] == '=') {
        c->op = OP_NE;
        v = p + 2;
    } else if (p[0] == '<' || p[0] == '>') {
        int eq = p[1] == '=';
        c->op = p[0] == '<' ? (eq ? OP_LE : OP_LT) : (eq ? OP_GE : OP_GT);
        v = p + 1 + eq;
        if (!is_number(v, &c->num))
            return -1;
    } else if (p[0] == '=') {
        c->op = OP_EQ;
        v = p + 1;
    } else {
        return -1;
    }
    *p = '\0';
    c->value = v;
    return 0;
}

/* Whether field s equals one of the '|'-separated alternatives of list. */
static int matches(const char *s, const char *list)
{
    double a, b;
    int sn = is_number(s, &a);
    const char *p = list;
    for (;;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        char alt[256];
        if (len < sizeof alt) {
            memcpy(alt, p, len);
            alt[len] = '\0';
            if (sn && is_number(alt, &b) ? a == b : !strcmp(s, alt))
                return 1;
        }
        if (!bar)
            return 0;
        p = bar + 1;
    }
}

/* Evaluates c on a field; -1 if a number was needed and s is not one. */
static int cond_eval(const cond *c, const char *s)
{
    double x;
    switch (c->op) {
    case OP_TRUE:
        if (!is_number(s, &x))
            return -1;
        return x != 0;
    case OP_EQ:
        return matches(s, c->value);
    case OP_NE:
        return !matches(s, c->value);
    default:
        if (!*s)
            return 0;
        if (!is_number(s, &x))
            return -1;
        return c->op == OP_LT ? x < c->num : c->op == OP_LE ? x <= c->num
             : c->op == OP_GT ? x > c->num : x >= c->num;
    }
}

static int resolve(input *in, char **f, int n, int line, const char *name, int *idx,
                   samen_error *err)
{
    if (!name)
        return SAMEN_OK;
    *idx = samen_stats_find_col(f, n, name);
    if (*idx < 0)
        return samen_error_set(err, SAMEN_EINPUT, in->path, line, name,
                               "no such column in the header");
    return SAMEN_OK;
}

static group *group_of(input *in, const char *label, samen_error *err)
{
    for (int i = 0; i < in->ng; i++)
        if (!strcmp(in->g[i].label, label))
            return &in->g[i];
    group *grown = samen_grow(in->g, (size_t)in->ng, &in->capg, sizeof *grown, 16);
    if (!grown) {
        samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        return NULL;
    }
    in->g = grown;
    group *g = &in->g[in->ng];
    memset(g, 0, sizeof *g);
    if (!(g->label = strdup(label))) {
        samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        return NULL;
    }
    g->numeric = is_number(label, &g->x);
    in->ng++;
    return g;
}

static int bad_field(input *in, int line, const char *col, const char *s, const char *what,
                     samen_error *err)
{
    return samen_error_set(err, SAMEN_EINPUT, in->path, line, col, "'%s' is not %s", s,
                           what);
}

static int on_row(void *user, int line, char **f, int n, samen_error *err)
{
    input *in = user;
    int rc;
    if (in->n_cols == 0) { /* the header */
        if ((rc = resolve(in, f, n, line, in->col_group, &in->i_group, err)) ||
            (rc = resolve(in, f, n, line, in->col_value, &in->i_value, err)) ||
            (rc = resolve(in, f, n, line, in->col_events, &in->i_events, err)) ||
            (rc = resolve(in, f, n, line, in->col_exposure, &in->i_exposure, err)))
            return rc;
        for (int i = 0; i < in->n_where; i++)
            if ((rc = resolve(in, f, n, line, in->where[i].col, &in->where[i].idx, err)))
                return rc;
        if (in->has_success &&
            (rc = resolve(in, f, n, line, in->success.col, &in->success.idx, err)))
            return rc;
        in->n_cols = n;
        return SAMEN_OK;
    }
    if (n != in->n_cols)
        return samen_error_set(err, SAMEN_EINPUT, in->path, line, NULL,
                               "%d fields where the header has %d", n, in->n_cols);
    for (int i = 0; i < in->n_where; i++) {
        int ok = cond_eval(&in->where[i], f[in->where[i].idx]);
        if (ok < 0)
            return bad_field(in, line, in->where[i].col, f[in->where[i].idx], "a number",
                             err);
        if (!ok)
            return SAMEN_OK;
    }
    double v = 0, ev = 0, ex = 0;
    if (in->kind == MEAN) {
        const char *s = f[in->i_value];
        if (!*s)
            return SAMEN_OK; /* undefined here: left out */
        if (!is_number(s, &v))
            return bad_field(in, line, in->col_value, s, "a number", err);
    } else if (in->kind == RATE) {
        const char *s = f[in->i_events];
        if (!is_number(s, &ev) || ev < 0 || ev != floor(ev))
            return bad_field(in, line, in->col_events, s, "a count of events (whole, >= 0)",
                             err);
        s = f[in->i_exposure];
        if (!is_number(s, &ex) || ex < 0)
            return bad_field(in, line, in->col_exposure, s, "an exposure (a number >= 0)",
                             err);
    }
    group *g = group_of(in, in->col_group ? f[in->i_group] : "all", err);
    if (!g)
        return err->code;
    g->n++;
    if (in->kind == PROP) {
        int ok = cond_eval(&in->success, f[in->success.idx]);
        if (ok < 0)
            return bad_field(in, line, in->success.col, f[in->success.idx], "a number", err);
        g->k += ok;
    } else if (in->kind == MEAN) {
        double *p = samen_grow(g->v, g->nv, &g->cap, sizeof *p, 64);
        if (!p)
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        g->v = p;
        g->v[g->nv++] = v;
    } else {
        g->events += (long)ev;
        g->exposure += ex;
    }
    return SAMEN_OK;
}

static int by_x(const void *a, const void *b)
{
    const group *x = a, *y = b;
    return (x->x > y->x) - (x->x < y->x);
}

static int all_numeric(const input *in)
{
    for (int i = 0; i < in->ng; i++)
        if (!in->g[i].numeric)
            return 0;
    return 1;
}

/* A number field, empty where the number is not finite. */
static void put_num(FILE *fp, double v)
{
    if (isfinite(v))
        samen_csv_num(fp, v);
}

static void put_test(FILE *fp, const char *name, const char *groups, const samen_test *t)
{
    samen_csv_text(fp, name);
    fputc(',', fp);
    samen_csv_text(fp, groups);
    const double v[6] = {t->estimate, t->lo, t->hi, t->stat, t->df, t->p};
    for (int i = 0; i < 6; i++) {
        fputc(',', fp);
        if (i == 4 && t->df == 0)
            continue; /* no degrees of freedom */
        put_num(fp, v[i]);
    }
    fputc('\n', fp);
}

static group *find_group(input *in, const char *label, samen_error *err)
{
    for (int i = 0; i < in->ng; i++)
        if (!strcmp(in->g[i].label, label))
            return &in->g[i];
    samen_error_set(err, SAMEN_EINPUT, in->path, 0, in->col_group,
                    "no group '%s' in the data", label);
    return NULL;
}

typedef struct options {
    double level;
    samen_alt alt;
    int trend;
    const char *compare; /* "A,B" */
    int has_vs;
    double vs;
    const char *peak;
    const char *ratio;   /* "A,B" or "A,B,C,D" */
} options;

static int write_groups(input *in, const options *o, samen_error *err)
{
    static const char *const head[3] = {"group,n,successes,share,lower,upper\n",
                                        "group,n,mean,sd,lower,upper\n",
                                        "group,events,exposure,rate,lower,upper\n"};
    fputs(head[in->kind], stdout);
    for (int i = 0; i < in->ng; i++) {
        group *g = &in->g[i];
        int rc;
        samen_csv_text(stdout, g->label);
        if (in->kind == PROP) {
            double lo, hi;
            if ((rc = samen_stats_wilson(g->k, g->n, o->level, &lo, &hi, err)))
                return rc;
            printf(",%ld,%ld,", g->n, g->k);
            put_num(stdout, (double)g->k / (double)g->n);
            fputc(',', stdout);
            put_num(stdout, lo);
            fputc(',', stdout);
            put_num(stdout, hi);
        } else if (in->kind == MEAN) {
            samen_desc d;
            if (g->nv < 2) { /* a mean without a spread or an interval */
                printf(",1,");
                put_num(stdout, g->v[0]);
                fputs(",,,\n", stdout);
                continue;
            }
            if ((rc = samen_stats_describe(g->v, g->nv, o->level, &d, err)))
                return rc;
            printf(",%zu,", d.n);
            const double v[4] = {d.mean, d.sd, d.lo, d.hi};
            for (int k = 0; k < 4; k++) {
                put_num(stdout, v[k]);
                if (k < 3)
                    fputc(',', stdout);
            }
        } else {
            double lo, hi;
            if ((rc = samen_stats_poisson_ci(g->events, g->exposure, o->level, &lo, &hi,
                                             err))) {
                char why[sizeof err->msg];
                snprintf(why, sizeof why, "%s", err->msg);
                return samen_error_set(err, SAMEN_EINPUT, in->path, 0, in->col_exposure,
                                       "group '%s': %s", g->label, why);
            }
            printf(",%ld,", g->events);
            put_num(stdout, g->exposure);
            fputc(',', stdout);
            put_num(stdout, (double)g->events / g->exposure);
            fputc(',', stdout);
            put_num(stdout, lo);
            fputc(',', stdout);
            put_num(stdout, hi);
        }
        fputc('\n', stdout);
    }
    return SAMEN_OK;
}

/* The peak: one group G, or the groups with values in [LO, HI] pooled
 * ("LO:HI"), against the lowest and the highest group. */
static int peak_tests(input *in, const options *o, FILE *fp, samen_error *err)
{
    if (!all_numeric(in) || in->ng < 3)
        return samen_error_set(err, SAMEN_EINPUT, in->path, 0, in->col_group,
                               "--peak needs at least three groups, all numbers");
    double from, to;
    char label[300];
    const char *colon = strchr(o->peak, ':');
    if (colon) {
        char a[128];
        size_t la = (size_t)(colon - o->peak);
        if (la >= sizeof a)
            la = sizeof a - 1;
        memcpy(a, o->peak, la);
        a[la] = '\0';
        if (!is_number(a, &from) || !is_number(colon + 1, &to) || from > to)
            return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--peak",
                                   "'%s': a group, or LO:HI with numbers LO <= HI", o->peak);
        snprintf(label, sizeof label, "[%s]", o->peak);
    } else {
        group *pk = find_group(in, o->peak, err);
        if (!pk)
            return err->code;
        from = to = pk->x;
        snprintf(label, sizeof label, "%s", pk->label);
    }
    group *lo = &in->g[0], *hi = &in->g[in->ng - 1]; /* sorted by value */
    if (lo->x >= from || hi->x <= to)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--peak",
                               "'%s' holds the lowest or highest group: a peak lies inside",
                               o->peak);
    long k = 0, n = 0;
    for (int i = 0; i < in->ng; i++)
        if (in->g[i].x >= from && in->g[i].x <= to) {
            k += in->g[i].k;
            n += in->g[i].n;
        }
    if (n == 0)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--peak",
                               "'%s' holds no group", o->peak);
    samen_test a, b;
    int rc;
    if ((rc = samen_stats_prop_z(k, n, lo->k, lo->n, SAMEN_ALT_GREATER, o->level, &a, err)) ||
        (rc = samen_stats_prop_z(k, n, hi->k, hi->n, SAMEN_ALT_GREATER, o->level, &b, err)))
        return rc;
    a.p = fmin(1, 2 * a.p); /* Bonferroni over the two comparisons */
    b.p = fmin(1, 2 * b.p);
    char name[700];
    snprintf(name, sizeof name, "%s>%s", label, lo->label);
    put_test(fp, "peak-vs-low", name, &a);
    snprintf(name, sizeof name, "%s>%s", label, hi->label);
    put_test(fp, "peak-vs-high", name, &b);
    samen_test both = {.estimate = fmin(a.estimate, b.estimate), .lo = NAN, .hi = NAN,
                       .stat = fmin(a.stat, b.stat), .df = 0, .p = fmax(a.p, b.p)};
    snprintf(name, sizeof name, "%s>%s&%s>%s", label, lo->label, label, hi->label);
    put_test(fp, "peak", name, &both);
    return SAMEN_OK;
}

/* --ratio A,B: the ratio of the means; A,B,C,D: A/B, C/D and their ratio. */
static int ratio_tests(input *in, const options *o, FILE *fp, samen_error *err)
{
    if (in->kind != MEAN)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--ratio", "is for mean");
    char buf[1024], *lab[5];
    int k = 0;
    snprintf(buf, sizeof buf, "%s", o->ratio);
    for (char *p = buf; k < 5;) {
        lab[k++] = p;
        char *comma = strchr(p, ',');
        if (!comma)
            break;
        *comma = '\0';
        p = comma + 1;
    }
    if (k != 2 && k != 4)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--ratio",
                               "'%s': two groups A,B or four A,B,C,D", o->ratio);
    samen_desc d[4];
    for (int i = 0; i < k; i++) {
        group *g = find_group(in, lab[i], err);
        int rc;
        if (!g)
            return err->code;
        if ((rc = samen_stats_describe(g->v, g->nv, o->level, &d[i], err)))
            return rc;
    }
    samen_test t;
    char name[1200];
    int rc;
    for (int i = 0; i < k; i += 2) {
        if ((rc = samen_stats_ratio(&d[i], &d[i + 1], o->alt, o->level, &t, err)))
            return rc;
        snprintf(name, sizeof name, "%s/%s", lab[i], lab[i + 1]);
        put_test(fp, k == 2 ? "ratio" : i == 0 ? "ratio-1" : "ratio-2", name, &t);
    }
    if (k == 4) {
        if ((rc = samen_stats_ratio_of_ratios(&d[0], &d[1], &d[2], &d[3], o->alt, o->level,
                                              &t, err)))
            return rc;
        snprintf(name, sizeof name, "(%s/%s)/(%s/%s)", lab[0], lab[1], lab[2], lab[3]);
        put_test(fp, "ratio-of-ratios", name, &t);
    }
    return SAMEN_OK;
}

static int write_tests(input *in, const options *o, FILE *fp, samen_error *err)
{
    int g = in->ng, rc = SAMEN_OK;
    long *k = calloc((size_t)g, sizeof *k), *n = calloc((size_t)g, sizeof *n);
    double *x = calloc((size_t)g, sizeof *x), *e = calloc((size_t)g, sizeof *e);
    size_t nobs = 0;
    for (int i = 0; i < g; i++)
        nobs += in->g[i].nv;
    double *ox = malloc((nobs ? nobs : 1) * sizeof *ox);
    double *oy = malloc((nobs ? nobs : 1) * sizeof *oy);
    if (!k || !n || !x || !e || !ox || !oy) {
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        goto done;
    }
    for (int i = 0; i < g; i++) {
        group *gr = &in->g[i];
        k[i] = in->kind == RATE ? gr->events : gr->k;
        n[i] = gr->n;
        e[i] = gr->exposure;
        x[i] = gr->x;
    }
    fputs("test,groups,estimate,lower,upper,statistic,df,p_value\n", fp);
    samen_test t;
    if (in->kind != MEAN && g >= 2) {
        rc = in->kind == PROP ? samen_stats_chisq_prop(k, n, g, &t, err)
                              : samen_stats_chisq_rate(k, e, g, &t, err);
        if (rc)
            goto done;
        put_test(fp, "chisq", "all", &t);
    }
    if (o->trend) {
        if (!all_numeric(in)) {
            rc = samen_error_set(err, SAMEN_EINPUT, in->path, 0, in->col_group,
                                 "--trend needs groups that are all numbers");
            goto done;
        }
        if (in->kind == PROP) {
            rc = samen_stats_trend_prop(k, n, x, g, o->alt, &t, err);
        } else if (in->kind == RATE) {
            rc = samen_stats_trend_rate(k, e, x, g, o->alt, &t, err);
        } else {
            size_t m = 0;
            for (int i = 0; i < g; i++)
                for (size_t j = 0; j < in->g[i].nv; j++) {
                    ox[m] = in->g[i].x;
                    oy[m++] = in->g[i].v[j];
                }
            rc = samen_stats_slope(ox, oy, m, o->alt, o->level, &t, err);
        }
        if (rc)
            goto done;
        put_test(fp, "trend", "all", &t);
    }
    if (o->compare) {
        char a[256], b[256];
        const char *comma = strchr(o->compare, ',');
        size_t la = comma ? (size_t)(comma - o->compare) : 0;
        if (!comma || la >= sizeof a || strlen(comma + 1) >= sizeof b) {
            rc = samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--compare",
                                 "'%s': two groups A,B", o->compare);
            goto done;
        }
        memcpy(a, o->compare, la);
        a[la] = '\0';
        strcpy(b, comma + 1);
        group *ga = find_group(in, a, err), *gb = ga ? find_group(in, b, err) : NULL;
        if (!gb) {
            rc = err->code;
            goto done;
        }
        if (in->kind == PROP) {
            rc = samen_stats_prop_z(ga->k, ga->n, gb->k, gb->n, o->alt, o->level, &t, err);
        } else if (in->kind == RATE) {
            rc = samen_stats_rate_ratio(ga->events, ga->exposure, gb->events, gb->exposure,
                                        o->alt, o->level, &t, err);
        } else {
            samen_desc da, db;
            if (!(rc = samen_stats_describe(ga->v, ga->nv, o->level, &da, err)) &&
                !(rc = samen_stats_describe(gb->v, gb->nv, o->level, &db, err)))
                rc = samen_stats_welch(&da, &db, o->alt, o->level, &t, err);
        }
        if (rc)
            goto done;
        char name[600];
        snprintf(name, sizeof name, "%s vs %s", a, b);
        put_test(fp, "compare", name, &t);
    }
    if (o->has_vs) {
        if (in->kind == RATE) {
            rc = samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--vs",
                                 "is for prop and mean");
            goto done;
        }
        for (int i = 0; i < g; i++) {
            group *gr = &in->g[i];
            if (in->kind == PROP) {
                rc = samen_stats_binom_test(gr->k, gr->n, o->vs, o->alt, o->level, &t, err);
            } else {
                samen_desc d;
                if (!(rc = samen_stats_describe(gr->v, gr->nv, o->level, &d, err)))
                    rc = samen_stats_t_one(&d, o->vs, o->alt, o->level, &t, err);
            }
            if (rc)
                goto done;
            char name[300];
            snprintf(name, sizeof name, "vs:%s", gr->label);
            put_test(fp, name, gr->label, &t);
        }
    }
    if (o->ratio && (rc = ratio_tests(in, o, fp, err)))
        goto done;
    if (o->peak) {
        if (in->kind != PROP) {
            rc = samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--peak", "is for prop");
            goto done;
        }
        rc = peak_tests(in, o, fp, err);
    }
done:
    free(k);
    free(n);
    free(x);
    free(e);
    free(ox);
    free(oy);
    return rc;
}

/* Splits PATH into its folder and file name for samen_outfile_open. */
static int open_tests(samen_outfile *f, const char *path, samen_error *err)
{
    char dir[1024];
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    size_t len = slash ? (size_t)(slash - path) : 0;
    if (!*name || len >= sizeof dir)
        return samen_error_set(err, SAMEN_EINPUT, path, 0, "--tests", "not a file name");
    if (slash) {
        memcpy(dir, path, len ? len : 1);
        dir[len ? len : 1] = '\0'; /* "/x" lives in "/" */
    } else {
        strcpy(dir, ".");
    }
    return samen_outfile_open(f, dir, name, err);
}

static int run(input *in, const options *o, const char *tests_path, samen_error *err)
{
    int rc = samen_stats_read_table(in->path, on_row, in, &in->n_cols, err);
    if (rc)
        return rc;
    if (in->ng == 0)
        return samen_error_set(err, SAMEN_EINPUT, in->path, 0, NULL,
                               "no rows (left after --where)");
    if (all_numeric(in))
        qsort(in->g, (size_t)in->ng, sizeof *in->g, by_x);
    if ((rc = write_groups(in, o, err)))
        return rc;
    if (!tests_path)
        return SAMEN_OK;
    samen_outfile f = {0};
    if ((rc = open_tests(&f, tests_path, err)))
        return rc;
    if ((rc = write_tests(in, o, f.fp, err))) {
        samen_outfile_discard(&f);
        return rc;
    }
    if ((rc = samen_outfile_close(&f, err)))
        return rc;
    return samen_outfile_commit(&f, err);
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("samen-stats: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n(samen-stats --help shows the usage)\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    enum { O_GROUP = 1, O_WHERE, O_LEVEL, O_ALT, O_TREND, O_COMPARE, O_VS, O_PEAK,
           O_TESTS, O_SUCCESS, O_VALUE, O_EVENTS, O_EXPOSURE, O_RATIO };
    static const struct option opts[] = {
        {"group", required_argument, NULL, O_GROUP},
        {"where", required_argument, NULL, O_WHERE},
        {"level", required_argument, NULL, O_LEVEL},
        {"alternative", required_argument, NULL, O_ALT},
        {"trend", no_argument, NULL, O_TREND},
        {"compare", required_argument, NULL, O_COMPARE},
        {"vs", required_argument, NULL, O_VS},
        {"peak", required_argument, NULL, O_PEAK},
        {"ratio", required_argument, NULL, O_RATIO},
        {"tests", required_argument, NULL, O_TESTS},
        {"success", required_argument, NULL, O_SUCCESS},
        {"value", required_argument, NULL, O_VALUE},
        {"events", required_argument, NULL, O_EVENTS},
        {"exposure", required_argument, NULL, O_EXPOSURE},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    if (argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (argc < 2)
        return usage_error("%s", "a command is required: prop, mean or rate");
    input in = {.i_group = -1, .i_value = -1, .i_events = -1, .i_exposure = -1};
    if (!strcmp(argv[1], "prop"))
        in.kind = PROP;
    else if (!strcmp(argv[1], "mean"))
        in.kind = MEAN;
    else if (!strcmp(argv[1], "rate"))
        in.kind = RATE;
    else
        return usage_error("unknown command '%s': prop, mean or rate", argv[1]);
    options o = {.level = 0.95, .alt = SAMEN_ALT_TWO_SIDED};
    const char *tests_path = NULL;
    int status = 0, c;
    cond *where = calloc((size_t)argc, sizeof *where);
    if (!where) {
        fputs("samen-stats: out of memory\n", stderr);
        return 1;
    }
    in.where = where;
    optind = 2;
    while (!status && (c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        char msg[256];
        switch (c) {
        case O_GROUP: in.col_group = optarg; break;
        case O_VALUE: in.col_value = optarg; break;
        case O_EVENTS: in.col_events = optarg; break;
        case O_EXPOSURE: in.col_exposure = optarg; break;
        case O_TESTS: tests_path = optarg; break;
        case O_TREND: o.trend = 1; break;
        case O_COMPARE: o.compare = optarg; break;
        case O_PEAK: o.peak = optarg; break;
        case O_RATIO: o.ratio = optarg; break;
        case O_WHERE:
            if (cond_parse(optarg, &where[in.n_where++]))
                status = usage_error("--where '%s': COL, COL=V, COL!=V or COL<X, "
                                     "COL<=X, COL>X, COL>=X with a number X", optarg);
            break;
        case O_SUCCESS:
            free(in.success.col);
            in.has_success = 1;
            if (cond_parse(optarg, &in.success))
                status = usage_error("--success '%s': COL, COL=V, COL!=V or COL<X, "
                                     "COL<=X, COL>X, COL>=X with a number X", optarg);
            break;
        case O_LEVEL:
            if (samen_parse_number(optarg, &o.level, msg, sizeof msg) ||
                !(o.level > 0 && o.level < 1))
                status = usage_error("--level '%s': a number strictly between 0 and 1",
                                     optarg);
            break;
        case O_VS:
            o.has_vs = 1;
            if (samen_parse_number(optarg, &o.vs, msg, sizeof msg))
                status = usage_error("--vs '%s': a number", optarg);
            break;
        case O_ALT:
            if (samen_stats_parse_alt(optarg, &o.alt))
                status = usage_error("--alternative '%s': two-sided, less or greater",
                                     optarg);
            break;
        case 'h': fputs(usage_text, stdout); status = -1; break;
        default: status = 2; break;
        }
    }
    if (!status) {
        const char *need = in.kind == PROP && !in.has_success ? "prop needs --success COND"
                         : in.kind == MEAN && !in.col_value   ? "mean needs --value COL"
                         : in.kind == RATE && (!in.col_events || !in.col_exposure)
                             ? "rate needs --events COL and --exposure COL"
                         : argc - optind > 1 ? "at most one FILE"
                         : o.trend + !!o.compare + !!o.peak + !!o.ratio + o.has_vs && !tests_path
                             ? "a test option needs --tests FILE"
                             : NULL;
        if (need)
            status = usage_error("%s", need);
    }
    samen_error err;
    samen_error_clear(&err);
    int rc = SAMEN_OK;
    if (!status) {
        in.path = optind < argc && strcmp(argv[optind], "-") ? argv[optind] : "/dev/stdin";
        rc = run(&in, &o, tests_path, &err);
        if (!rc && (fflush(stdout) != 0 || ferror(stdout)))
            rc = samen_error_set(&err, SAMEN_EIO, "standard output", 0, NULL,
                                 "cannot write");
        if (rc)
            samen_error_print(&err, stderr);
    }
    for (int i = 0; i < in.ng; i++) {
        free(in.g[i].label);
        free(in.g[i].v);
    }
    free(in.g);
    for (int i = 0; i < in.n_where; i++)
        free(where[i].col);
    free(where);
    free(in.success.col);
    return status < 0 ? 0 : status ? status : rc;
}
