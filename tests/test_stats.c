/* test_stats.c: known answers for the statistics of the experiments
 * (src/stats/stats.c). Each expected value names its source: a published
 * table, an example of R's documentation (R 4.x, ?prop.test, ?t.test, ...)
 * or arithmetic shown in the comment; every error path is provoked. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "stats/stats.h"

/* Wilson intervals: Newcombe (1998), Statistics in Medicine 17:857-872,
 * Table I, method 3 (81/263, 15/148, 0/20, 1/29), and 8/10 by the formula:
 * centre (0.8 + 1.9208/10)/1.38416 = 0.71676, half-width 0.22657. */
static void test_wilson(void **state)
{
    (void)state;
    const struct { long k, n; double lo, hi; } c[] = {
        {81, 263, 0.2553, 0.3662}, {15, 148, 0.0624, 0.1605},
        {0, 20, 0.0, 0.1611},      {1, 29, 0.0061, 0.1718},
        {8, 10, 0.4902, 0.9433},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        double lo, hi;
        assert_int_equal(samen_stats_wilson(c[i].k, c[i].n, 0.95, &lo, &hi, NULL), SAMEN_OK);
        assert_close(lo, c[i].lo, 0, 5e-5);
        assert_close(hi, c[i].hi, 0, 5e-5);
    }
    double lo, hi;
    assert_int_equal(samen_stats_wilson(5, 5, 0.95, &lo, &hi, NULL), SAMEN_OK);
    assert_close(hi, 1.0, 0, 0); /* exactly 1 at k = n */
    assert_true(lo > 0.5 && lo < 0.6); /* 0.5655 by the formula */
    samen_error err;
    assert_int_equal(samen_stats_wilson(3, 2, 0.95, &lo, &hi, &err), SAMEN_EINPUT);
    assert_int_equal(samen_stats_wilson(0, 0, 0.95, &lo, &hi, &err), SAMEN_EINPUT);
    assert_int_equal(samen_stats_wilson(-1, 4, 0.95, &lo, &hi, &err), SAMEN_EINPUT);
    assert_int_equal(samen_stats_wilson(1, 4, 1.0, &lo, &hi, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "level"));
}

/* R ?binom.test: binom.test(682, 925, p = 0.75) (Mendel's peas): p-value
 * 0.3825, 95 % interval 0.7076683 0.7654066. The one-sided p of "less" is
 * pbinom(682, 925, 0.75) = 0.1960. */
static void test_binom(void **state)
{
    (void)state;
    samen_test t;
    assert_int_equal(samen_stats_binom_test(682, 925, 0.75, SAMEN_ALT_TWO_SIDED, 0.95, &t, NULL),
                     SAMEN_OK);
    assert_close(t.p, 0.3825, 0, 5e-5);
    assert_close(t.lo, 0.7076683, 0, 1e-6);
    assert_close(t.hi, 0.7654066, 0, 1e-6);
    assert_close(t.estimate, 682.0 / 925, 0, 1e-12);
    assert_int_equal(samen_stats_binom_test(682, 925, 0.75, SAMEN_ALT_LESS, 0.95, &t, NULL),
                     SAMEN_OK);
    assert_close(t.p, 0.1960, 0, 5e-5);
    /* 10 of 10 against 0.5: 0.5^10 one-sided, twice that two-sided */
    assert_int_equal(samen_stats_binom_test(10, 10, 0.5, SAMEN_ALT_GREATER, 0.95, &t, NULL),
                     SAMEN_OK);
    assert_close(t.p, pow(0.5, 10), 0, 1e-12);
    assert_int_equal(samen_stats_binom_test(10, 10, 0.5, SAMEN_ALT_TWO_SIDED, 0.95, &t, NULL),
                     SAMEN_OK);
    assert_close(t.p, 2 * pow(0.5, 10), 0, 1e-12);
    assert_close(t.hi, 1.0, 0, 0);
    /* k = n p exactly: p 1 */
    assert_int_equal(samen_stats_binom_test(5, 10, 0.5, SAMEN_ALT_TWO_SIDED, 0.95, &t, NULL),
                     SAMEN_OK);
    assert_close(t.p, 1.0, 0, 1e-12);
    samen_error err;
    assert_int_equal(samen_stats_binom_test(5, 10, 1.0, SAMEN_ALT_LESS, 0.95, &t, &err),
                     SAMEN_EINPUT);
    assert_int_equal(samen_stats_binom_test(11, 10, 0.5, SAMEN_ALT_LESS, 0.95, &t, &err),
                     SAMEN_EINPUT);
}

/* R ?prop.test: smokers <- c(83, 90, 129, 70); patients <- c(86, 93, 136, 82);
 * prop.test(smokers, patients): X-squared = 12.6, df = 3, p-value = 0.005585;
 * prop.trend.test(smokers, patients): X-squared = 8.2249, df = 1, p-value =
 * 0.004132 (the share falls with the score 1:4, so z < 0). */
static void test_chisq_and_trend(void **state)
{
    (void)state;
    const long k[] = {83, 90, 129, 70}, n[] = {86, 93, 136, 82};
    const double x[] = {1, 2, 3, 4};
    samen_test t;
    assert_int_equal(samen_stats_chisq_prop(k, n, 4, &t, NULL), SAMEN_OK);
    assert_close(t.stat, 12.6, 0, 5e-4);
    assert_close(t.df, 3, 0, 0);
    assert_close(t.p, 0.005585, 0, 5e-7);
    assert_int_equal(samen_stats_trend_prop(k, n, x, 4, SAMEN_ALT_TWO_SIDED, &t, NULL), SAMEN_OK);
    assert_close(t.stat * t.stat, 8.2249, 0, 5e-5);
    assert_true(t.stat < 0 && t.estimate < 0);
    assert_close(t.p, 0.004132, 0, 5e-7);
    assert_int_equal(samen_stats_trend_prop(k, n, x, 4, SAMEN_ALT_LESS, &t, NULL), SAMEN_OK);
    assert_close(t.p, 0.004132 / 2, 0, 5e-7);
    assert_int_equal(samen_stats_trend_prop(k, n, x, 4, SAMEN_ALT_GREATER, &t, NULL), SAMEN_OK);
    assert_true(t.p > 0.99);
    /* empty groups are left out: the same answer with one added */
    const long k5[] = {83, 90, 0, 129, 70}, n5[] = {86, 93, 0, 136, 82};
    assert_int_equal(samen_stats_chisq_prop(k5, n5, 5, &t, NULL), SAMEN_OK);
    assert_close(t.stat, 12.6, 0, 5e-4);
    assert_close(t.df, 3, 0, 0);
    /* all successes everywhere: no evidence */
    const long ka[] = {4, 6}, na[] = {4, 6};
    assert_int_equal(samen_stats_chisq_prop(ka, na, 2, &t, NULL), SAMEN_OK);
    assert_close(t.p, 1.0, 0, 0);
    samen_error err;
    const long k1[] = {3, 0}, n1[] = {5, 0};
    assert_int_equal(samen_stats_chisq_prop(k1, n1, 2, &t, &err), SAMEN_EINPUT);
    const double same[] = {2, 2, 2, 2};
    assert_int_equal(samen_stats_trend_prop(k, n, same, 4, SAMEN_ALT_TWO_SIDED, &t, &err),
                     SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "scores"));
}

/* Two proportions: 30/40 against 20/40. Pooled share 0.625, se0 =
 * sqrt(0.625 * 0.375 * (2/40)) = 0.108253, z = 0.25 / 0.108253 = 2.3094;
 * one-sided p = 1 - Phi(2.3094) = 0.010460; its square 5.3333 is the
 * uncorrected chi-square of R's prop.test(c(30,20), c(40,40), correct =
 * FALSE). */
static void test_prop_z(void **state)
{
    (void)state;
    samen_test t;
    assert_int_equal(samen_stats_prop_z(30, 40, 20, 40, SAMEN_ALT_GREATER, 0.95, &t, NULL),
                     SAMEN_OK);
    assert_close(t.estimate, 0.25, 0, 1e-12);
    assert_close(t.stat, 2.309401, 0, 1e-6);
    assert_close(t.p, 0.010460, 0, 1e-6);
    /* Wald interval: 0.25 +- 1.96 sqrt(0.75*0.25/40 + 0.25/40) */
    assert_close(t.lo, 0.25 - 1.959964 * sqrt(0.1875 / 40 + 0.25 / 40), 0, 1e-6);
    const long k[] = {30, 20}, n[] = {40, 40};
    samen_test c;
    assert_int_equal(samen_stats_chisq_prop(k, n, 2, &c, NULL), SAMEN_OK);
    assert_close(c.stat, t.stat * t.stat, 0, 1e-9);
    assert_int_equal(samen_stats_prop_z(30, 40, 20, 40, SAMEN_ALT_LESS, 0.95, &t, NULL),
                     SAMEN_OK);
    assert_close(t.p, 1 - 0.010460, 0, 1e-6);
    assert_int_equal(samen_stats_prop_z(40, 40, 20, 20, SAMEN_ALT_GREATER, 0.95, &t, NULL),
                     SAMEN_OK);
    assert_close(t.p, 1.0, 0, 0);
    assert_int_equal(samen_stats_prop_z(4, 3, 1, 2, SAMEN_ALT_GREATER, 0.95, &t, NULL),
                     SAMEN_EINPUT);
}

/* R ?t.test with the sleep data: group 1 and group 2 of `extra`.
 * t.test(extra ~ group, data = sleep): t = -1.8608, df = 17.776, p-value =
 * 0.07939, 95 % interval -3.3654832 0.2054832, means 0.75 and 2.33.
 * The paired test of the same data: t = -4.0621, df = 9, p-value =
 * 0.002833. */
static const double sleep1[] = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
static const double sleep2[] = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

static void test_means(void **state)
{
    (void)state;
    samen_desc a, b;
    samen_test t;
    assert_int_equal(samen_stats_describe(sleep1, 10, 0.95, &a, NULL), SAMEN_OK);
    assert_int_equal(samen_stats_describe(sleep2, 10, 0.95, &b, NULL), SAMEN_OK);
    assert_close(a.mean, 0.75, 0, 1e-12);
    assert_close(b.mean, 2.33, 0, 1e-12);
    /* t.test(sleep1): 95 % interval -0.5297804 2.0297804 */
    assert_close(a.lo, -0.5297804, 0, 1e-6);
    assert_close(a.hi, 2.0297804, 0, 1e-6);
    assert_int_equal(samen_stats_welch(&a, &b, SAMEN_ALT_TWO_SIDED, 0.95, &t, NULL), SAMEN_OK);
    assert_close(t.stat, -1.8608, 0, 5e-5);
    assert_close(t.df, 17.776, 0, 5e-4);
    assert_close(t.p, 0.07939, 0, 5e-6);
    assert_close(t.lo, -3.3654832, 0, 1e-6);
    assert_close(t.hi, 0.2054832, 0, 1e-6);
    assert_int_equal(samen_stats_welch(&a, &b, SAMEN_ALT_LESS, 0.95, &t, NULL), SAMEN_OK);
    assert_close(t.p, 0.07939 / 2, 0, 5e-6);

    double d[10];
    for (int i = 0; i < 10; i++)
        d[i] = sleep1[i] - sleep2[i];
    samen_desc dd;
    assert_int_equal(samen_stats_describe(d, 10, 0.95, &dd, NULL), SAMEN_OK);
    assert_int_equal(samen_stats_t_one(&dd, 0, SAMEN_ALT_TWO_SIDED, 0.95, &t, NULL), SAMEN_OK);
    assert_close(t.stat, -4.0621, 0, 5e-5);
    assert_close(t.df, 9, 0, 0);
    assert_close(t.p, 0.002833, 0, 5e-7);

    /* constant values: no variance, a certain answer */
    const double c[] = {2, 2, 2};
    samen_desc cc;
    assert_int_equal(samen_stats_describe(c, 3, 0.95, &cc, NULL), SAMEN_OK);
    assert_int_equal(samen_stats_t_one(&cc, 1, SAMEN_ALT_GREATER, 0.95, &t, NULL), SAMEN_OK);
    assert_close(t.p, 0.0, 0, 0);
    assert_int_equal(samen_stats_t_one(&cc, 1, SAMEN_ALT_LESS, 0.95, &t, NULL), SAMEN_OK);
    assert_close(t.p, 1.0, 0, 0);
    assert_int_equal(samen_stats_t_one(&cc, 2, SAMEN_ALT_TWO_SIDED, 0.95, &t, NULL), SAMEN_OK);
    assert_close(t.p, 1.0, 0, 0);

    samen_error err;
    assert_int_equal(samen_stats_describe(sleep1, 1, 0.95, &a, &err), SAMEN_EINPUT);
    const double bad[] = {1, NAN};
    assert_int_equal(samen_stats_describe(bad, 2, 0.95, &a, &err), SAMEN_EINPUT);
}

/* Least squares by hand: x = 1..5, y = 2, 4, 5, 4, 5. Sxx = 10, Sxy = 6,
 * slope 0.6, residuals -0.8, 0.6, 1.0, -0.6, -0.2, SSE 2.4, s^2 = 0.8,
 * se = sqrt(0.08) = 0.282843, t = 2.12132 on 3 df, two-sided p = 0.1240
 * (summary(lm(c(2,4,5,4,5) ~ c(1:5))) in R). */
static void test_slope(void **state)
{
    (void)state;
    const double x[] = {1, 2, 3, 4, 5}, y[] = {2, 4, 5, 4, 5};
    samen_test t;
    assert_int_equal(samen_stats_slope(x, y, 5, SAMEN_ALT_TWO_SIDED, 0.95, &t, NULL), SAMEN_OK);
    assert_close(t.estimate, 0.6, 0, 1e-12);
    assert_close(t.stat, 2.121320, 0, 1e-6);
    assert_close(t.df, 3, 0, 0);
    assert_close(t.p, 0.1240, 0, 5e-5);
    /* qt(0.975, 3) = 3.182446 */
    assert_close(t.hi, 0.6 + 3.182446 * sqrt(0.08), 0, 1e-6);
    const double line[] = {1, 3, 5, 7, 9};
    assert_int_equal(samen_stats_slope(x, line, 5, SAMEN_ALT_GREATER, 0.95, &t, NULL), SAMEN_OK);
    assert_close(t.estimate, 2.0, 0, 1e-12);
    assert_close(t.p, 0.0, 0, 0);
    samen_error err;
    const double flat[] = {1, 1, 1};
    assert_int_equal(samen_stats_slope(flat, y, 3, SAMEN_ALT_GREATER, 0.95, &t, &err),
                     SAMEN_EINPUT);
    assert_int_equal(samen_stats_slope(x, y, 2, SAMEN_ALT_GREATER, 0.95, &t, &err),
                     SAMEN_EINPUT);
}

/* z for a difference of two estimates: (0.3 - 0.1) / sqrt(0.05^2 + 0.05^2)
 * = 2.828427, one-sided p = 1 - Phi(2.828427) = 0.0023389. */
static void test_z_diff(void **state)
{
    (void)state;
    samen_test t;
    assert_int_equal(samen_stats_z_diff(0.3, 0.05, 0.1, 0.05, SAMEN_ALT_GREATER, 0.95, &t, NULL),
                     SAMEN_OK);
    assert_close(t.stat, 2.828427, 0, 1e-6);
    assert_close(t.p, 0.0023389, 0, 1e-7);
    assert_close(t.lo, 0.2 - 1.959964 * sqrt(0.005), 0, 1e-6);
    samen_error err;
    assert_int_equal(samen_stats_z_diff(0.3, 0, 0.1, 0, SAMEN_ALT_GREATER, 0.95, &t, &err),
                     SAMEN_EINPUT);
    assert_int_equal(samen_stats_z_diff(0.3, -1, 0.1, 0.1, SAMEN_ALT_GREATER, 0.95, &t, &err),
                     SAMEN_EINPUT);
}

/* Ratios by hand: means 2 (se 0.1) and 4 (se 0.4): ratio 0.5, se of the log
 * ratio sqrt(0.05^2 + 0.1^2) = 0.111803, z = ln(0.5)/0.111803 = -6.199697,
 * interval 0.5 exp(+-1.959964 * 0.111803) = 0.401608 0.622497. The ratio of
 * ratios (2/4)/(3/3) with se 0.3 for both 3s adds 2 (0.1)^2: se =
 * sqrt(0.0125 + 0.02) = 0.180278, z = -3.844889. */
static void test_ratios(void **state)
{
    (void)state;
    samen_desc a = {.n = 10, .mean = 2, .se = 0.1}, b = {.n = 10, .mean = 4, .se = 0.4};
    samen_desc c = {.n = 10, .mean = 3, .se = 0.3}, d = c;
    samen_test t;
    assert_int_equal(samen_stats_ratio(&a, &b, SAMEN_ALT_LESS, 0.95, &t, NULL), SAMEN_OK);
    assert_close(t.estimate, 0.5, 0, 1e-12);
    assert_close(t.stat, -6.199697, 0, 1e-6);
    assert_close(t.lo, 0.401608, 0, 1e-6);
    assert_close(t.hi, 0.622497, 0, 1e-6);
    assert_true(t.p < 1e-9);
    assert_int_equal(samen_stats_ratio_of_ratios(&a, &b, &c, &d, SAMEN_ALT_LESS, 0.95, &t, NULL),
                     SAMEN_OK);
    assert_close(t.estimate, 0.5, 0, 1e-12);
    assert_close(t.stat, -3.844889, 0, 1e-6);
    assert_close(t.p, samen_stats_p_z(-3.844889, SAMEN_ALT_LESS), 0, 1e-9);
    samen_error err;
    samen_desc zero = {.n = 10, .mean = 0, .se = 0.1};
    assert_int_equal(samen_stats_ratio(&a, &zero, SAMEN_ALT_LESS, 0.95, &t, &err), SAMEN_EINPUT);
    samen_desc flat = {.n = 10, .mean = 1, .se = 0};
    assert_int_equal(samen_stats_ratio(&flat, &flat, SAMEN_ALT_LESS, 0.95, &t, &err),
                     SAMEN_EINPUT);
}

/* R ?poisson.test: poisson.test(137, 24.19893): 95 % interval of the rate
 * 4.753125 6.692709. Two rates, poisson.test(c(11, 6+8+7), c(800,
 * 1083+1050+878)): rate ratio 1.971488, p-value 0.07967, interval
 * 0.8584264 4.2772659. */
static void test_rates(void **state)
{
    (void)state;
    double lo, hi;
    assert_int_equal(samen_stats_poisson_ci(137, 24.19893, 0.95, &lo, &hi, NULL), SAMEN_OK);
    assert_close(lo, 4.753125, 0, 1e-6);
    assert_close(hi, 6.692709, 0, 1e-6);
    assert_int_equal(samen_stats_poisson_ci(0, 10, 0.95, &lo, &hi, NULL), SAMEN_OK);
    assert_close(lo, 0.0, 0, 0);
    assert_close(hi, -log(0.025) / 10, 0, 1e-9); /* 0 events: -ln(0.025)/e */
    samen_test t;
    assert_int_equal(samen_stats_rate_ratio(11, 800, 21, 3011, SAMEN_ALT_TWO_SIDED, 0.95, &t, NULL),
                     SAMEN_OK);
    assert_close(t.estimate, 1.971488, 0, 1e-6);
    assert_close(t.p, 0.07967, 0, 5e-6);
    assert_close(t.lo, 0.8584264, 0, 1e-6);
    assert_close(t.hi, 4.2772659, 0, 1e-6);

    /* Homogeneity and trend by hand: d = 5, 10, 20 in e = 100 each, x = 0,
     * 1, 2. E = 11.667 each; chi-square = (6.667^2 + 1.667^2 + 8.333^2) /
     * 11.667 = 10.0, df 2. U = 1 (10 - 11.667) + 2 (20 - 11.667) = 15,
     * Sxx = 200, Var U = (35/300) 200 = 23.333, z = 3.105295, one-sided p =
     * 0.00095045; the slope of the rate is U / Sxx = 0.075. */
    const long d[] = {5, 10, 20};
    const double e[] = {100, 100, 100}, x[] = {0, 1, 2};
    assert_int_equal(samen_stats_chisq_rate(d, e, 3, &t, NULL), SAMEN_OK);
    assert_close(t.stat, 10.0, 0, 1e-9);
    assert_close(t.df, 2, 0, 0);
    assert_close(t.p, exp(-5.0), 0, 1e-12); /* chi-square 2 df: exp(-x/2) */
    assert_int_equal(samen_stats_trend_rate(d, e, x, 3, SAMEN_ALT_GREATER, &t, NULL), SAMEN_OK);
    assert_close(t.stat, 3.105295, 0, 1e-6);
    assert_close(t.estimate, 0.075, 0, 1e-12);
    assert_close(t.p, 0.00095045, 0, 1e-8);
    /* with two groups the trend test is the homogeneity test */
    samen_test h;
    assert_int_equal(samen_stats_chisq_rate(d, e, 2, &h, NULL), SAMEN_OK);
    assert_int_equal(samen_stats_trend_rate(d, e, x, 2, SAMEN_ALT_TWO_SIDED, &t, NULL), SAMEN_OK);
    assert_close(t.stat * t.stat, h.stat, 0, 1e-9);
    assert_close(t.p, h.p, 0, 1e-9);

    samen_error err;
    assert_int_equal(samen_stats_poisson_ci(3, 0, 0.95, &lo, &hi, &err), SAMEN_EINPUT);
    assert_int_equal(samen_stats_rate_ratio(0, 1, 0, 1, SAMEN_ALT_GREATER, 0.95, &t, &err),
                     SAMEN_EINPUT);
    const long d1[] = {3, 0};
    const double e1[] = {10, 0};
    assert_int_equal(samen_stats_chisq_rate(d1, e1, 2, &t, &err), SAMEN_EINPUT);
    const long dn[] = {-1, 2};
    const double en[] = {10, 10};
    assert_int_equal(samen_stats_trend_rate(dn, en, x, 2, SAMEN_ALT_GREATER, &t, &err),
                     SAMEN_EINPUT);
}

static void test_parse_alt(void **state)
{
    (void)state;
    samen_alt a;
    assert_int_equal(samen_stats_parse_alt("greater", &a), 0);
    assert_int_equal(a, SAMEN_ALT_GREATER);
    assert_int_equal(samen_stats_parse_alt("less", &a), 0);
    assert_int_equal(a, SAMEN_ALT_LESS);
    assert_int_equal(samen_stats_parse_alt("two-sided", &a), 0);
    assert_int_equal(a, SAMEN_ALT_TWO_SIDED);
    assert_int_equal(samen_stats_parse_alt("bigger", &a), -1);
    /* t with infinite df is the normal */
    assert_close(samen_stats_p_t(1.96, 0, SAMEN_ALT_TWO_SIDED),
                       samen_stats_p_z(1.96, SAMEN_ALT_TWO_SIDED), 0, 0);
    assert_close(samen_stats_p_z(1.959964, SAMEN_ALT_TWO_SIDED), 0.05, 0, 1e-6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wilson),     cmocka_unit_test(test_binom),
        cmocka_unit_test(test_chisq_and_trend), cmocka_unit_test(test_prop_z),
        cmocka_unit_test(test_means),      cmocka_unit_test(test_slope),
        cmocka_unit_test(test_z_diff),     cmocka_unit_test(test_ratios),
        cmocka_unit_test(test_rates),
        cmocka_unit_test(test_parse_alt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
