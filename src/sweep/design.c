/* design.c: the parameter designs of a sweep (FORMATS.md "Sweep file"):
 * grid ranges and lists, Latin hypercubes and Sobol points. */
#include "sweep/design.h"

#include "util/grow.h"
#include "util/parse.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_qrng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

/* Parses s[0..n) as one number, by the scenario module's strict rule. */
static int parse_num(const char *s, size_t n, double *out)
{
    char buf[64], msg[128];
    if (n >= sizeof buf)
        return 0;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return samen_parse_number(buf, out, msg, sizeof msg) == 0;
}

int samen_parse_range(const char *s, double *start, double *stop, double *step)
{
    const char *c1 = strchr(s, ':');
    const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    if (!c2 || strchr(c2 + 1, ':'))
        return 0;
    return parse_num(s, (size_t)(c1 - s), start)
        && parse_num(c1 + 1, (size_t)(c2 - c1 - 1), stop)
        && parse_num(c2 + 1, strlen(c2 + 1), step);
}

long samen_range_count(double start, double stop, double step)
{
    if (step == 0.0)
        return -1;
    /* The 1e-9 makes 0.1:0.9:0.1 give nine values although 0.8/0.1 is a
     * hair below 8 in binary (FORMATS.md). */
    double q = (stop - start) / step + 1e-9;
    if (!(q >= 0.0) || q > 1e9)
        return -1;
    return (long)floor(q) + 1;
}

double samen_range_value(double start, double step, long k)
{
    /* start + k*step, never a running sum, so there is no drift. */
    return start + (double)k * step;
}

int samen_parse_minmax(const char *s, double *min, double *max)
{
    const char *dots = strstr(s, "..");
    if (!dots || strstr(dots + 2, ".."))
        return 0;
    /* "1...5" would leave ".5" as max: a typo, refused. */
    if (dots[2] == '.')
        return 0;
    return parse_num(s, (size_t)(dots - s), min)
        && parse_num(dots + 2, strlen(dots + 2), max);
}

void samen_vary_free(char **items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

/* Copies s[0..n) trimmed of blanks and of one pair of enclosing quotes. */
static char *list_item(const char *s, size_t n)
{
    while (n > 0 && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
        s++;
        n -= 2;
    }
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

int samen_vary_split(const char *s, char ***items_out, size_t *n_out)
{
    size_t n = 0, cap = 0;
    char **items = NULL;
    int depth = 0, quoted = 0;
    const char *begin = s;
    *items_out = NULL;
    *n_out = 0;
    for (const char *p = s;; p++) {
        if (*p == '"') {
            quoted = !quoted;
        } else if (!quoted && *p == '(') {
            depth++;
        } else if (!quoted && *p == ')') {
            if (--depth < 0)
                goto bad;
        } else if (*p == '\0' || (*p == ',' && !quoted && depth == 0)) {
            if (*p == '\0' && (quoted || depth != 0))
                goto bad;
            char **grown = samen_grow(items, n, &cap, sizeof *grown, 8);
            if (!grown)
                goto oom;
            items = grown;
            if (!(items[n] = list_item(begin, (size_t)(p - begin))))
                goto oom;
            n++;
            if (*p == '\0')
                break;
            begin = p + 1;
        }
    }
    *items_out = items;
    *n_out = n;
    return 0;
bad:
    samen_vary_free(items, n);
    return -2;
oom:
    samen_vary_free(items, n);
    return -1;
}

int samen_design_lhs(uint32_t seed, size_t n, int k, const double *min,
                     const double *max, double *out)
{
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    size_t *perm = malloc((n ? n : 1) * sizeof *perm);
    if (!rng || !perm) {
        gsl_rng_free(rng);
        free(perm);
        return -1;
    }
    gsl_rng_set(rng, seed);
    /* Key by key: a shuffle of the strata, then one uniform offset inside
     * each, so every key has exactly one point per stratum of width 1/n. */
    for (int j = 0; j < k; j++) {
        for (size_t i = 0; i < n; i++)
            perm[i] = i;
        gsl_ran_shuffle(rng, perm, n, sizeof *perm);
        for (size_t i = 0; i < n; i++) {
            double u = ((double)perm[i] + gsl_rng_uniform(rng)) / (double)n;
            out[i * (size_t)k + (size_t)j] = min[j] + u * (max[j] - min[j]);
        }
    }
    free(perm);
    gsl_rng_free(rng);
    return 0;
}

int samen_design_sobol(size_t n, int k, const double *min, const double *max,
                       double *out)
{
    if (k < 1 || k > SAMEN_SOBOL_MAX_KEYS)
        return -2;
    gsl_qrng *q = gsl_qrng_alloc(gsl_qrng_sobol, (unsigned)k);
    double v[SAMEN_SOBOL_MAX_KEYS];
    if (!q)
        return -1;
    for (size_t i = 0; i < n; i++) {
        gsl_qrng_get(q, v);
        for (int j = 0; j < k; j++)
            out[i * (size_t)k + (size_t)j] = min[j] + v[j] * (max[j] - min[j]);
    }
    gsl_qrng_free(q);
    return 0;
}
