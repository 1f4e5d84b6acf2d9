/* stats.c: shares, means and rates with their intervals and tests, for the
 * experiments of MODEL.md section 1 (patterns P1-P8); see stats.h. */
#include "stats/stats.h"

#include <math.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_statistics_double.h>

static int bad_level(double level, samen_error *err)
{
    if (!(level > 0 && level < 1))
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "level",
                               "confidence level %g must lie strictly between 0 and 1",
                               level);
    return SAMEN_OK;
}

static int bad_count(long k, long n, samen_error *err)
{
    if (n < 1 || k < 0 || k > n)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "%ld successes of %ld trials: need n >= 1 and "
                               "0 <= k <= n", k, n);
    return SAMEN_OK;
}

/* Two-sided normal quantile of the level: 1.959964 for 0.95. */
static double z_of(double level)
{
    return gsl_cdf_ugaussian_Pinv(1 - (1 - level) / 2);
}

static double clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

static void no_interval(samen_test *out)
{
    out->lo = out->hi = NAN;
}

/* A test whose data leave nothing to test (no variation): statistic 0,
 * p-value 1. */
static int no_evidence(samen_test *out)
{
    out->stat = 0;
    out->p = 1;
    return SAMEN_OK;
}

/* The error of a test across groups that has fewer than two groups with
 * data (observations, exposure). */
static int too_few_groups(int used, const char *data, samen_error *err)
{
    return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                           "a test across groups needs at least two groups with %s, "
                           "not %d", data, used);
}

/* The chi-square across groups once x2 is summed, on the df already set. */
static int chisq_end(samen_test *out, double x2)
{
    out->stat = x2;
    out->p = gsl_cdf_chisq_Q(x2, out->df);
    return SAMEN_OK;
}

/* The end of a score test for a linear trend over group scores: u the
 * score, sxx the weighted sum of squares of the scores, var the variance
 * per unit of weight under the null; flat where every observation is the
 * same (nothing to test). The estimate is the slope u / sxx and the
 * statistic a z, whose square is the chi-square on 1 df. */
static int trend_end(samen_test *out, double u, double sxx, double var, int flat,
                     samen_alt alt, samen_error *err)
{
    if (!(sxx > 0))
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "a trend test needs groups with different scores");
    out->estimate = u / sxx;
    no_interval(out);
    out->df = 0;
    if (flat)
        return no_evidence(out);
    out->stat = u / sqrt(var * sxx);
    out->p = samen_stats_p_z(out->stat, alt);
    return SAMEN_OK;
}

double samen_stats_p_z(double z, samen_alt alt)
{
    switch (alt) {
    case SAMEN_ALT_LESS:
        return gsl_cdf_ugaussian_P(z);
    case SAMEN_ALT_GREATER:
        return gsl_cdf_ugaussian_Q(z);
    default:
        return fmin(1, 2 * gsl_cdf_ugaussian_Q(fabs(z)));
    }
}

double samen_stats_p_t(double t, double df, samen_alt alt)
{
    if (!(df > 0) || isinf(df))
        return samen_stats_p_z(t, alt);
    switch (alt) {
    case SAMEN_ALT_LESS:
        return gsl_cdf_tdist_P(t, df);
    case SAMEN_ALT_GREATER:
        return gsl_cdf_tdist_Q(t, df);
    default:
        return fmin(1, 2 * gsl_cdf_tdist_Q(fabs(t), df));
    }
}

int samen_stats_parse_alt(const char *s, samen_alt *alt)
{
    if (!strcmp(s, "two-sided"))
        *alt = SAMEN_ALT_TWO_SIDED;
    else if (!strcmp(s, "less"))
        *alt = SAMEN_ALT_LESS;
    else if (!strcmp(s, "greater"))
        *alt = SAMEN_ALT_GREATER;
    else
        return -1;
    return 0;
}

/* ---- shares ---- */

int samen_stats_wilson(long k, long n, double level, double *lo, double *hi,
                       samen_error *err)
{
    int rc = bad_count(k, n, err);
    if (rc || (rc = bad_level(level, err)))
        return rc;
    double z = z_of(level), z2 = z * z, p = (double)k / (double)n;
    double denom = 1 + z2 / (double)n;
    double centre = (p + z2 / (2.0 * (double)n)) / denom;
    double half = z * sqrt(p * (1 - p) / (double)n + z2 / (4.0 * (double)n * (double)n)) / denom;
    /* the bounds are exactly 0 and 1 at k = 0 and k = n */
    *lo = k == 0 ? 0 : clamp01(centre - half);
    *hi = k == n ? 1 : clamp01(centre + half);
    return SAMEN_OK;
}

int samen_stats_clopper_pearson(long k, long n, double level, double *lo,
                                double *hi, samen_error *err)
{
    int rc = bad_count(k, n, err);
    if (rc || (rc = bad_level(level, err)))
        return rc;
    double a = (1 - level) / 2;
    *lo = k == 0 ? 0 : gsl_cdf_beta_Pinv(a, (double)k, (double)(n - k + 1));
    *hi = k == n ? 1 : gsl_cdf_beta_Pinv(1 - a, (double)(k + 1), (double)(n - k));
    return SAMEN_OK;
}

/* P(X <= k) and P(X >= k) for X ~ Binomial(n, p). */
static double binom_le(long k, double p, long n)
{
    return k < 0 ? 0 : k >= n ? 1 : gsl_cdf_binomial_P((unsigned)k, p, (unsigned)n);
}

static double binom_ge(long k, double p, long n)
{
    return k <= 0 ? 1 : k > n ? 0 : gsl_cdf_binomial_Q((unsigned)(k - 1), p, (unsigned)n);
}

int samen_stats_binom_test(long k, long n, double p0, samen_alt alt, double level,
                           samen_test *out, samen_error *err)
{
    int rc = bad_count(k, n, err);
    if (rc || (rc = bad_level(level, err)))
        return rc;
    if (!(p0 > 0 && p0 < 1))
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "null probability %g must lie strictly between 0 and 1",
                               p0);
    out->estimate = (double)k / (double)n;
    out->stat = (double)k;
    out->df = 0;
    samen_stats_clopper_pearson(k, n, level, &out->lo, &out->hi, NULL);
    if (alt == SAMEN_ALT_LESS) {
        out->p = binom_le(k, p0, n);
        return SAMEN_OK;
    }
    if (alt == SAMEN_ALT_GREATER) {
        out->p = binom_ge(k, p0, n);
        return SAMEN_OK;
    }
    /* two-sided: outcomes on the other side no more likely than k (R) */
    double d = gsl_ran_binomial_pdf((unsigned)k, p0, (unsigned)n) * (1 + 1e-7);
    double m = (double)n * p0;
    if ((double)k == m) {
        out->p = 1;
    } else if ((double)k < m) {
        long y = 0;
        for (long i = (long)ceil(m); i <= n; i++)
            y += gsl_ran_binomial_pdf((unsigned)i, p0, (unsigned)n) <= d;
        out->p = binom_le(k, p0, n) + binom_ge(n - y + 1, p0, n);
    } else {
        long y = 0;
        for (long i = 0; i <= (long)floor(m); i++)
            y += gsl_ran_binomial_pdf((unsigned)i, p0, (unsigned)n) <= d;
        out->p = binom_le(y - 1, p0, n) + binom_ge(k, p0, n);
    }
    out->p = fmin(1, out->p);
    return SAMEN_OK;
}

int samen_stats_prop_z(long k1, long n1, long k2, long n2, samen_alt alt,
                       double level, samen_test *out, samen_error *err)
{
    int rc = bad_count(k1, n1, err);
    if (rc || (rc = bad_count(k2, n2, err)) || (rc = bad_level(level, err)))
        return rc;
    double p1 = (double)k1 / (double)n1, p2 = (double)k2 / (double)n2;
    double p = (double)(k1 + k2) / (double)(n1 + n2);
    double se0 = sqrt(p * (1 - p) * (1.0 / (double)n1 + 1.0 / (double)n2));
    double se = sqrt(p1 * (1 - p1) / (double)n1 + p2 * (1 - p2) / (double)n2);
    double z = z_of(level);
    out->estimate = p1 - p2;
    out->lo = out->estimate - z * se;
    out->hi = out->estimate + z * se;
    out->df = 0;
    if (se0 == 0)
        return no_evidence(out);
    out->stat = (p1 - p2) / se0;
    out->p = samen_stats_p_z(out->stat, alt);
    return SAMEN_OK;
}

/* Checks k[i] of n[i] over g groups; returns the number of non-empty
 * groups and the totals. */
static int prop_groups(const long *k, const long *n, int g, long *K, long *N,
                       samen_error *err)
{
    int used = 0;
    *K = *N = 0;
    for (int i = 0; i < g; i++) {
        if (n[i] == 0)
            continue;
        int rc = bad_count(k[i], n[i], err);
        if (rc)
            return -rc;
        used++;
        *K += k[i];
        *N += n[i];
    }
    if (used < 2)
        return -too_few_groups(used, "observations", err);
    return used;
}

int samen_stats_chisq_prop(const long *k, const long *n, int g, samen_test *out,
                           samen_error *err)
{
    long K, N;
    int used = prop_groups(k, n, g, &K, &N, err);
    if (used < 0)
        return -used;
    double p = (double)K / (double)N;
    out->estimate = NAN;
    no_interval(out);
    out->df = used - 1;
    if (K == 0 || K == N)
        return no_evidence(out);
    double x2 = 0;
    for (int i = 0; i < g; i++) {
        if (n[i] == 0)
            continue;
        double e1 = (double)n[i] * p, e0 = (double)n[i] * (1 - p);
        x2 += ((double)k[i] - e1) * ((double)k[i] - e1) / e1 + ((double)k[i] - e1) * ((double)k[i] - e1) / e0;
    }
    return chisq_end(out, x2);
}

int samen_stats_trend_prop(const long *k, const long *n, const double *x, int g,
                           samen_alt alt, samen_test *out, samen_error *err)
{
    long K, N;
    int used = prop_groups(k, n, g, &K, &N, err);
    if (used < 0)
        return -used;
    double p = (double)K / (double)N, xbar = 0;
    for (int i = 0; i < g; i++)
        xbar += (double)n[i] * x[i];
    xbar /= (double)N;
    double sxx = 0, u = 0;
    for (int i = 0; i < g; i++) {
        sxx += (double)n[i] * (x[i] - xbar) * (x[i] - xbar);
        u += x[i] * ((double)k[i] - (double)n[i] * p);
    }
    return trend_end(out, u, sxx, p * (1 - p), K == 0 || K == N, alt, err);
}

/* ---- means ---- */

int samen_stats_describe(const double *x, size_t n, double level, samen_desc *out,
                         samen_error *err)
{
    int rc = bad_level(level, err);
    if (rc)
        return rc;
    if (n < 2)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "a mean with an interval needs at least 2 values, not %zu",
                               n);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]))
            return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                                   "value %zu is not a finite number", i + 1);
    out->n = n;
    out->mean = gsl_stats_mean(x, 1, n);
    out->sd = gsl_stats_sd_m(x, 1, n, out->mean);
    out->se = out->sd / sqrt((double)n);
    double t = gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, (double)(n - 1));
    out->lo = out->mean - t * out->se;
    out->hi = out->mean + t * out->se;
    return SAMEN_OK;
}

/* A statistic est/se whose se may be 0: +-inf (p 0) or 0 (p 1). */
static void t_stat(samen_test *out, double est, double se, double df, samen_alt alt)
{
    if (se > 0) {
        out->stat = est / se;
        out->p = samen_stats_p_t(out->stat, df, alt);
        return;
    }
    out->stat = est > 0 ? HUGE_VAL : est < 0 ? -HUGE_VAL : 0;
    if (est == 0)
        out->p = 1;
    else
        out->p = (alt == SAMEN_ALT_TWO_SIDED || (alt == SAMEN_ALT_GREATER) == (est > 0))
                     ? 0
                     : 1;
}

int samen_stats_t_one(const samen_desc *a, double mu, samen_alt alt, double level,
                      samen_test *out, samen_error *err)
{
    int rc = bad_level(level, err);
    if (rc)
        return rc;
    if (a->n < 2)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "a t-test needs at least 2 values, not %zu", a->n);
    double df = (double)(a->n - 1);
    double t = gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, df);
    out->estimate = a->mean - mu;
    out->lo = out->estimate - t * a->se;
    out->hi = out->estimate + t * a->se;
    out->df = df;
    t_stat(out, out->estimate, a->se, df, alt);
    return SAMEN_OK;
}

int samen_stats_welch(const samen_desc *a, const samen_desc *b, samen_alt alt,
                      double level, samen_test *out, samen_error *err)
{
    int rc = bad_level(level, err);
    if (rc)
        return rc;
    if (a->n < 2 || b->n < 2)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "Welch's test needs at least 2 values per group, not "
                               "%zu and %zu", a->n, b->n);
    double va = a->se * a->se, vb = b->se * b->se, se = sqrt(va + vb);
    double df = se > 0 ? (va + vb) * (va + vb) /
                             (va * va / (double)(a->n - 1) + vb * vb / (double)(b->n - 1))
                       : (double)(a->n + b->n - 2);
    double t = gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, df);
    out->estimate = a->mean - b->mean;
    out->lo = out->estimate - t * se;
    out->hi = out->estimate + t * se;
    out->df = df;
    t_stat(out, out->estimate, se, df, alt);
    return SAMEN_OK;
}

int samen_stats_slope(const double *x, const double *y, size_t n, samen_alt alt,
                      double level, samen_test *out, samen_error *err)
{
    int rc = bad_level(level, err);
    if (rc)
        return rc;
    if (n < 3)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "a slope test needs at least 3 points, not %zu", n);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]) || !isfinite(y[i]))
            return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                                   "point %zu is not a pair of finite numbers", i + 1);
    double xm = gsl_stats_mean(x, 1, n);
    if (!(gsl_stats_tss_m(x, 1, n, xm) > 0))
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "a slope test needs x values that are not all equal");
    double c0, c1, cov00, cov01, cov11, sumsq;
    gsl_fit_linear(x, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &sumsq);
    double df = (double)(n - 2), se = sqrt(cov11);
    double t = gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, df);
    out->estimate = c1;
    out->lo = c1 - t * se;
    out->hi = c1 + t * se;
    out->df = df;
    t_stat(out, c1, se, df, alt);
    return SAMEN_OK;
}

int samen_stats_z_diff(double e1, double se1, double e2, double se2, samen_alt alt,
                       double level, samen_test *out, samen_error *err)
{
    int rc = bad_level(level, err);
    if (rc)
        return rc;
    if (!isfinite(e1) || !isfinite(e2) || !(se1 >= 0) || !(se2 >= 0) || isinf(se1) ||
        isinf(se2) || (se1 == 0 && se2 == 0))
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "a z-test of a difference needs finite estimates and "
                               "standard errors >= 0, not both 0");
    double se = sqrt(se1 * se1 + se2 * se2), z = z_of(level);
    out->estimate = e1 - e2;
    out->lo = out->estimate - z * se;
    out->hi = out->estimate + z * se;
    out->df = 0;
    out->stat = out->estimate / se;
    out->p = samen_stats_p_z(out->stat, alt);
    return SAMEN_OK;
}

/* log ratio of the means of k samples with signs +1 / -1, and its
 * delta-method standard error. */
static int log_ratio(const samen_desc *const *x, const int *sign, int k, double *lr,
                     double *se, samen_error *err)
{
    double v = 0;
    *lr = 0;
    for (int i = 0; i < k; i++) {
        if (!(x[i]->mean > 0) || !isfinite(x[i]->mean) || !(x[i]->se >= 0) ||
            isinf(x[i]->se))
            return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                                   "a ratio needs finite means > 0 (mean %d is %g)", i + 1,
                                   x[i]->mean);
        *lr += sign[i] * log(x[i]->mean);
        v += (x[i]->se / x[i]->mean) * (x[i]->se / x[i]->mean);
    }
    *se = sqrt(v);
    if (!(*se > 0))
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "a ratio test needs some variation: every standard "
                               "error is 0");
    return SAMEN_OK;
}

static int ratio_test(const samen_desc *const *x, const int *sign, int k, samen_alt alt,
                      double level, samen_test *out, samen_error *err)
{
    int rc = bad_level(level, err);
    double lr = 0, se = 0;
    if (rc || (rc = log_ratio(x, sign, k, &lr, &se, err)))
        return rc;
    double z = z_of(level);
    out->estimate = exp(lr);
    out->lo = exp(lr - z * se);
    out->hi = exp(lr + z * se);
    out->stat = lr / se;
    out->df = 0;
    out->p = samen_stats_p_z(out->stat, alt);
    return SAMEN_OK;
}

int samen_stats_ratio(const samen_desc *a, const samen_desc *b, samen_alt alt,
                      double level, samen_test *out, samen_error *err)
{
    const samen_desc *x[2] = {a, b};
    const int sign[2] = {1, -1};
    return ratio_test(x, sign, 2, alt, level, out, err);
}

int samen_stats_ratio_of_ratios(const samen_desc *a, const samen_desc *b,
                                const samen_desc *c, const samen_desc *d, samen_alt alt,
                                double level, samen_test *out, samen_error *err)
{
    const samen_desc *x[4] = {a, b, c, d};
    const int sign[4] = {1, -1, -1, 1};
    return ratio_test(x, sign, 4, alt, level, out, err);
}

/* ---- rates ---- */

static int bad_rate(long d, double e, samen_error *err)
{
    if (d < 0 || !(e > 0) || isinf(e))
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "%ld events in exposure %g: need events >= 0 and a "
                               "finite exposure > 0", d, e);
    return SAMEN_OK;
}

int samen_stats_poisson_ci(long d, double e, double level, double *lo, double *hi,
                           samen_error *err)
{
    int rc = bad_rate(d, e, err);
    if (rc || (rc = bad_level(level, err)))
        return rc;
    double a = (1 - level) / 2;
    *lo = d == 0 ? 0 : gsl_cdf_chisq_Pinv(a, 2.0 * (double)d) / (2 * e);
    *hi = gsl_cdf_chisq_Pinv(1 - a, 2.0 * (double)d + 2) / (2 * e);
    return SAMEN_OK;
}

int samen_stats_rate_ratio(long d1, double e1, long d2, double e2, samen_alt alt,
                           double level, samen_test *out, samen_error *err)
{
    int rc = bad_rate(d1, e1, err);
    if (rc || (rc = bad_rate(d2, e2, err)) || (rc = bad_level(level, err)))
        return rc;
    if (d1 + d2 == 0)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "a rate ratio needs at least one event");
    long n = d1 + d2;
    double pi0 = e1 / (e1 + e2);
    samen_test b;
    rc = samen_stats_binom_test(d1, n, pi0, alt, level, &b, err);
    if (rc)
        return rc;
    /* pi / (1 - pi) * e2 / e1 maps the binomial share to the rate ratio */
    double f = e2 / e1;
    out->estimate = d2 == 0 ? HUGE_VAL : ((double)d1 / e1) / ((double)d2 / e2);
    out->lo = b.lo * f / (1 - b.lo);
    out->hi = b.hi >= 1 ? HUGE_VAL : b.hi * f / (1 - b.hi);
    out->stat = (double)d1;
    out->df = 0;
    out->p = b.p;
    return SAMEN_OK;
}

/* Checks d[i] in e[i] over g groups; returns the number of groups with
 * exposure and the totals. */
static int rate_groups(const long *d, const double *e, int g, long *D, double *T,
                       samen_error *err)
{
    int used = 0;
    *D = 0;
    *T = 0;
    for (int i = 0; i < g; i++) {
        if (e[i] == 0 && d[i] == 0)
            continue;
        int rc = bad_rate(d[i], e[i], err);
        if (rc)
            return -rc;
        used++;
        *D += d[i];
        *T += e[i];
    }
    if (used < 2)
        return -too_few_groups(used, "exposure", err);
    return used;
}

int samen_stats_chisq_rate(const long *d, const double *e, int g, samen_test *out,
                           samen_error *err)
{
    long D;
    double T;
    int used = rate_groups(d, e, g, &D, &T, err);
    if (used < 0)
        return -used;
    out->estimate = NAN;
    no_interval(out);
    out->df = used - 1;
    if (D == 0)
        return no_evidence(out);
    double x2 = 0;
    for (int i = 0; i < g; i++) {
        if (e[i] == 0)
            continue;
        double ex = e[i] * (double)D / T;
        x2 += ((double)d[i] - ex) * ((double)d[i] - ex) / ex;
    }
    return chisq_end(out, x2);
}

int samen_stats_trend_rate(const long *d, const double *e, const double *x, int g,
                           samen_alt alt, samen_test *out, samen_error *err)
{
    long D;
    double T;
    int used = rate_groups(d, e, g, &D, &T, err);
    if (used < 0)
        return -used;
    double xbar = 0;
    for (int i = 0; i < g; i++)
        xbar += e[i] * x[i];
    xbar /= T;
    double sxx = 0, u = 0;
    for (int i = 0; i < g; i++) {
        sxx += e[i] * (x[i] - xbar) * (x[i] - xbar);
        u += x[i] * ((double)d[i] - e[i] * (double)D / T);
    }
    return trend_end(out, u, sxx, (double)D / T, D == 0, alt, err);
}
