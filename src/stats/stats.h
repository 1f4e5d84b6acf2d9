/* stats.h: the estimates, intervals and tests with which the experiments
 * (scripts/experiments/) show the patterns P1-P8 of MODEL.md section 1:
 * shares with Wilson intervals and tests across groups, means with t
 * intervals and t-tests, event rates per exposure with exact Poisson
 * intervals and tests. Distribution functions are GSL's (gsl_cdf_*). */
#ifndef SAMEN_STATS_STATS_H
#define SAMEN_STATS_STATS_H

#include <stddef.h>

#include "samen/error.h"

/* Alternative hypothesis of a test: the estimate (or the first group's
 * value) is less than, greater than, or different from the null value. */
typedef enum {
    SAMEN_ALT_TWO_SIDED = 0,
    SAMEN_ALT_LESS = 1,
    SAMEN_ALT_GREATER = 2
} samen_alt;

/* The result of a test: the estimate it is about (a difference, a slope,
 * a rate ratio, ...), its interval (lo = hi = NAN where there is none),
 * the statistic (t, z or chi-square), its degrees of freedom (0 where the
 * statistic has none) and the p-value. */
typedef struct samen_test {
    double estimate, lo, hi;
    double stat, df, p;
} samen_test;

/* Mean, standard deviation (n - 1 denominator), standard error and the
 * t interval of the mean of one sample. */
typedef struct samen_desc {
    size_t n;
    double mean, sd, se, lo, hi;
} samen_desc;

/* ---- shares ---- */

/* Wilson score interval of k successes in n trials (Wilson 1927) at the
 * given level (0 < level < 1). Returns SAMEN_OK, or SAMEN_EINPUT unless
 * 0 <= k <= n and n >= 1. */
int samen_stats_wilson(long k, long n, double level, double *lo, double *hi,
                       samen_error *err);

/* Clopper-Pearson (exact) interval of k successes in n trials, from the
 * beta quantiles. Same return as samen_stats_wilson. */
int samen_stats_clopper_pearson(long k, long n, double level, double *lo,
                                double *hi, samen_error *err);

/* Exact binomial test of k successes in n trials against success
 * probability p0 (0 < p0 < 1). The two-sided p-value sums the probabilities
 * of outcomes no more likely than k (relative tolerance 1e-7), as R's
 * binom.test does. out->estimate = k/n with the Clopper-Pearson interval.
 * Returns SAMEN_OK or SAMEN_EINPUT. */
int samen_stats_binom_test(long k, long n, double p0, samen_alt alt, double level,
                           samen_test *out, samen_error *err);

/* Two-proportion z-test with the pooled variance: share k1/n1 against
 * k2/n2. out->estimate = k1/n1 - k2/n2 with its unpooled Wald interval.
 * When both samples are all successes or all failures the test has no
 * variance: stat 0 and p 1 (no evidence either way). Returns SAMEN_OK, or
 * SAMEN_EINPUT unless 0 <= k <= n and n >= 1 for both. */
int samen_stats_prop_z(long k1, long n1, long k2, long n2, samen_alt alt,
                       double level, samen_test *out, samen_error *err);

/* Pearson chi-square test that g groups (k[i] successes of n[i]) share one
 * success probability; df = g - 1. Groups with n[i] = 0 are left out. With
 * the pooled share 0 or 1: stat 0, p 1. out->estimate is NAN. Returns
 * SAMEN_OK, or SAMEN_EINPUT with fewer than two non-empty groups or a
 * k[i] outside [0, n[i]]. */
int samen_stats_chisq_prop(const long *k, const long *n, int g, samen_test *out,
                           samen_error *err);

/* Cochran-Armitage test for a linear trend of the share over the scores
 * x[i] (as R's prop.trend.test: chi-square = z^2 on 1 df, variance with
 * the pooled share and denominator N). out->stat is the signed z (> 0:
 * the share rises with x), out->estimate the slope of the weighted least
 * squares line of the share on x. p follows alt (GREATER: rising). Same
 * rules as samen_stats_chisq_prop, and the scores must not all be equal. */
int samen_stats_trend_prop(const long *k, const long *n, const double *x, int g,
                           samen_alt alt, samen_test *out, samen_error *err);

/* ---- means ---- */

/* Describes n values (n >= 2, all finite) with the t interval of the mean
 * at the given level. Returns SAMEN_OK or SAMEN_EINPUT. */
int samen_stats_describe(const double *x, size_t n, double level, samen_desc *out,
                         samen_error *err);

/* One-sample t-test of the mean of a against mu. estimate = mean - mu with
 * a's t interval shifted by mu. With sd 0: stat +-inf or 0 and p 0 or 1
 * (the values are a constant). Returns SAMEN_OK or SAMEN_EINPUT (n < 2). */
int samen_stats_t_one(const samen_desc *a, double mu, samen_alt alt, double level,
                      samen_test *out, samen_error *err);

/* Welch's two-sample t-test of a's mean against b's: estimate = mean a -
 * mean b with its Welch interval, df by Welch-Satterthwaite. With both sd
 * 0 it degenerates as samen_stats_t_one. Returns SAMEN_OK or SAMEN_EINPUT. */
int samen_stats_welch(const samen_desc *a, const samen_desc *b, samen_alt alt,
                      double level, samen_test *out, samen_error *err);

/* Least squares line y = a + b x over n points (n >= 3, x not all equal):
 * estimate = the slope b with its t interval, stat its t on n - 2 df. With
 * no residual variance: stat +-inf or 0, p 0 or 1. Returns SAMEN_OK or
 * SAMEN_EINPUT. */
int samen_stats_slope(const double *x, const double *y, size_t n, samen_alt alt,
                      double level, samen_test *out, samen_error *err);

/* z-test that two independent estimates with standard errors differ:
 * estimate = e1 - e2 with the normal interval. For a difference of two
 * differences (an interaction in a 2 x 2 design). Returns SAMEN_OK, or
 * SAMEN_EINPUT for a negative or non-finite standard error, or both 0. */
int samen_stats_z_diff(double e1, double se1, double e2, double se2, samen_alt alt,
                       double level, samen_test *out, samen_error *err);

/* Ratio of two means, a / b (both > 0), with the delta-method interval on
 * the log scale: se(log ratio) = sqrt((se_a/mean_a)^2 + (se_b/mean_b)^2),
 * interval ratio * exp(+-z se); stat = log(ratio) / se, a z against ratio 1
 * (LESS: the ratio is below 1). Returns SAMEN_OK, or SAMEN_EINPUT for a mean
 * <= 0 or a zero standard error of the log ratio. */
int samen_stats_ratio(const samen_desc *a, const samen_desc *b, samen_alt alt,
                      double level, samen_test *out, samen_error *err);

/* Ratio of two ratios, (a / b) / (c / d), in the same way (four terms in
 * the standard error): whether a factor changes the share that another
 * factor keeps, e.g. the share of progress kept under turnover at two
 * levels of guard. Same return as samen_stats_ratio. */
int samen_stats_ratio_of_ratios(const samen_desc *a, const samen_desc *b,
                                const samen_desc *c, const samen_desc *d, samen_alt alt,
                                double level, samen_test *out, samen_error *err);

/* ---- rates: events per unit of exposure (person-time) ---- */

/* Exact (Garwood) interval of the rate d / e of d events in exposure e > 0,
 * from chi-square quantiles. Returns SAMEN_OK or SAMEN_EINPUT. */
int samen_stats_poisson_ci(long d, double e, double level, double *lo, double *hi,
                           samen_error *err);

/* Rate ratio (d1/e1) / (d2/e2) with the exact conditional test (d1 given
 * d1 + d2 is binomial with probability e1 / (e1 + e2) when the rates are
 * equal) and the interval from the Clopper-Pearson interval of that
 * probability. GREATER: rate 1 above rate 2. Returns SAMEN_OK, or
 * SAMEN_EINPUT without events or with an exposure <= 0. */
int samen_stats_rate_ratio(long d1, double e1, long d2, double e2, samen_alt alt,
                           double level, samen_test *out, samen_error *err);

/* Chi-square test that g groups (d[i] events in exposure e[i]) share one
 * rate: sum (d - E)^2 / E with E = e[i] D / sum e, df = g - 1. Groups with
 * e[i] = 0 are left out. Without events: stat 0, p 1. Returns SAMEN_OK or
 * SAMEN_EINPUT (fewer than two groups with exposure, a negative count). */
int samen_stats_chisq_rate(const long *d, const double *e, int g, samen_test *out,
                           samen_error *err);

/* Score test for a linear trend of the rate over the scores x[i]
 * (Breslow and Day 1987, section 3.6): U = sum x (d - E), Var U =
 * (D / T)(sum x^2 e - (sum x e)^2 / T). out->stat is the signed z (> 0:
 * the rate rises with x); estimate the slope of the exposure-weighted least
 * squares line of the rate on x. Same rules as samen_stats_chisq_rate, and
 * the scores must not all be equal. */
int samen_stats_trend_rate(const long *d, const double *e, const double *x, int g,
                           samen_alt alt, samen_test *out, samen_error *err);

/* ---- helpers ---- */

/* p-value of a standard normal or t statistic for the alternative (df <= 0
 * or infinite: normal). */
double samen_stats_p_z(double z, samen_alt alt);
double samen_stats_p_t(double t, double df, samen_alt alt);

/* Parses "two-sided", "less" or "greater". Returns 0, or -1 if unknown. */
int samen_stats_parse_alt(const char *s, samen_alt *alt);

#endif
