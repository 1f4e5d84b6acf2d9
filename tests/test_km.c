/* test_km.c: known answers for the Kaplan-Meier estimator and the
 * Brookmeyer-Crowley interval of its quantiles (src/stats/km.c).
 *
 * The expected values come from R 4.2.2 with survival 3.5-3 (Debian
 * bookworm r-cran-survival), with, for each data set (t, d):
 *   f <- survfit(Surv(t, d) ~ 1, conf.type = CT)   # CT: plain, log, log-log
 *   quantile(f, probs = c(0.25, 0.5), conf.int = TRUE)
 *   summary(f)
 * NA in R is HUGE_VAL here. aml and ovarian are data sets shipped with R's
 * survival package (Miller 1981; Edmonson et al. 1979). */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "stats/km.h"

#define NA HUGE_VAL
#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* aml, x == "Maintained": 11 patients, 7 relapses. */
static const double aml_m_t[] = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161};
static const int aml_m_d[] = {1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0};
/* aml, x == "Nonmaintained": 12 patients, 11 relapses; ties at 5 and 8. */
static const double aml_n_t[] = {5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45};
static const int aml_n_d[] = {1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1};
/* ovarian (futime, fustat) in R's row order: not sorted on purpose. */
static const double ov_t[] = {59, 115, 156, 421, 431, 448, 464, 475, 477, 563, 638, 744, 769,
                              770, 803, 855, 1040, 1106, 1129, 1206, 1227, 268, 329, 353,
                              365, 377};
static const int ov_d[] = {1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 0,
                           0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0};

static samen_km *fit(const double *t, const int *d, size_t n)
{
    samen_error err;
    samen_error_clear(&err);
    samen_km *km = samen_km_alloc(t, d, n, &err);
    assert_non_null(km);
    return km;
}

/* Equal within 1e-12, or both "not reached". */
static void same(double got, double want)
{
    if (isinf(want))
        assert_true(isinf(got) && got > 0);
    else
        assert_close(got, want, 0, 1e-12);
}

static void check_q(const samen_km *km, double p, samen_km_transform tr, double est,
                    double lo, double hi)
{
    samen_error err;
    samen_error_clear(&err);
    samen_km_q q;
    assert_int_equal(samen_km_quantile(km, p, 0.95, tr, &q, &err), SAMEN_OK);
    same(q.est, est);
    same(q.lo, lo);
    same(q.hi, hi);
}

/* The curve itself: survfit's summary for aml Maintained, as exact
 * fractions (10/11, 9/11, 9/11 * 7/8, ...); the censoring at 13 ties with
 * an event and counts as at risk there (8 at risk at 18, not 9). */
static void test_curve_aml(void **state)
{
    (void)state;
    samen_km *km = fit(aml_m_t, aml_m_d, LEN(aml_m_t));
    assert_int_equal(km->n, 11);
    assert_int_equal(km->n_events, 7);
    assert_int_equal(km->k, 7);
    const double t[] = {9, 13, 18, 23, 31, 34, 48};
    const long r[] = {11, 10, 8, 7, 5, 4, 2};
    double s = 1;
    for (size_t i = 0; i < 7; i++) {
        assert_close(km->time[i], t[i], 0, 0);
        assert_int_equal(km->at_risk[i], r[i]);
        assert_int_equal(km->events[i], 1);
        s *= 1 - 1.0 / (double)r[i];
        assert_close(km->surv[i], s, 0, 1e-15);
    }
    /* R std.err column (of S): 0.0867 at 9, 0.1642 at 31 */
    assert_close(km->surv[0] * sqrt(km->gw[0]), 0.0867, 0, 5e-5);
    assert_close(km->surv[4] * sqrt(km->gw[4]), 0.1642, 0, 5e-5);
    assert_close(samen_km_surv(km, 0), 1, 0, 0);
    assert_close(samen_km_surv(km, 8.99), 1, 0, 0);
    assert_close(samen_km_surv(km, 30), 63.0 / 88 * 6 / 7, 0, 1e-15);
    assert_close(samen_km_surv(km, 1000), km->surv[6], 0, 0);
    assert_close(km->tmax, 161, 0, 0);
    samen_km_free(km);
}

static void test_quantiles_aml(void **state)
{
    (void)state;
    samen_km *m = fit(aml_m_t, aml_m_d, LEN(aml_m_t));
    check_q(m, 0.5, SAMEN_KM_PLAIN, 31, 18, 48);
    check_q(m, 0.5, SAMEN_KM_LOG, 31, 18, NA);
    check_q(m, 0.5, SAMEN_KM_LOGLOG, 31, 13, NA);
    check_q(m, 0.25, SAMEN_KM_PLAIN, 18, 9, 34);
    check_q(m, 0.25, SAMEN_KM_LOG, 18, 13, NA);
    check_q(m, 0.25, SAMEN_KM_LOGLOG, 18, 9, 34);
    samen_km_free(m);
    samen_km *n = fit(aml_n_t, aml_n_d, LEN(aml_n_t));
    assert_int_equal(n->k, 9);
    assert_int_equal(n->events[0], 2); /* tied events count together */
    check_q(n, 0.5, SAMEN_KM_PLAIN, 23, 8, 33);
    check_q(n, 0.5, SAMEN_KM_LOG, 23, 8, NA);
    check_q(n, 0.5, SAMEN_KM_LOGLOG, 23, 5, 33);
    check_q(n, 0.25, SAMEN_KM_PLAIN, 8, 5, 27);
    check_q(n, 0.25, SAMEN_KM_LOG, 8, 5, 30);
    check_q(n, 0.25, SAMEN_KM_LOGLOG, 8, 5, 23);
    samen_km_free(n);
}

static void test_quantiles_ovarian(void **state)
{
    (void)state;
    samen_km *km = fit(ov_t, ov_d, LEN(ov_t));
    assert_int_equal(km->n, 26);
    assert_int_equal(km->n_events, 12);
    /* R summary: S(638) = 0.497, lower 95% (log) 0.328 */
    assert_close(km->surv[11], 0.497, 0, 5e-4);
    check_q(km, 0.5, SAMEN_KM_PLAIN, 638, 464, NA);
    check_q(km, 0.5, SAMEN_KM_LOG, 638, 464, NA);
    check_q(km, 0.5, SAMEN_KM_LOGLOG, 638, 431, NA);
    check_q(km, 0.25, SAMEN_KM_PLAIN, 365, 268, 563);
    check_q(km, 0.25, SAMEN_KM_LOG, 365, 268, NA);
    check_q(km, 0.25, SAMEN_KM_LOGLOG, 365, 115, 563);
    samen_km_free(km);
}

/* A curve that sits exactly at the level: the midpoint rule of R. */
static void test_flat_at_level(void **state)
{
    (void)state;
    const double t[] = {1, 2, 3, 4};
    const int all[] = {1, 1, 1, 1}, end[] = {1, 1, 0, 0};
    samen_km *km = fit(t, all, 4);
    /* S = .75, .5, .25, 0: the median is (2 + 3) / 2; at S = 0 the bounds
     * are undefined, so the upper limit is not reached */
    check_q(km, 0.5, SAMEN_KM_PLAIN, 2.5, 1, NA);
    check_q(km, 0.5, SAMEN_KM_LOG, 2.5, 1, NA);
    check_q(km, 0.5, SAMEN_KM_LOGLOG, 2.5, 1, NA);
    check_q(km, 0.25, SAMEN_KM_PLAIN, 1.5, 1, 3);
    check_q(km, 0.25, SAMEN_KM_LOG, 1.5, 1, NA);
    check_q(km, 0.25, SAMEN_KM_LOGLOG, 1.5, 1, 3);
    samen_km_free(km);
    /* flat at 0.5 to the end: midpoint with the largest observed time */
    km = fit(t, end, 4);
    check_q(km, 0.5, SAMEN_KM_LOG, 3, 1, NA);
    check_q(km, 0.25, SAMEN_KM_PLAIN, 1.5, 1, NA);
    samen_km_free(km);
}

static void test_not_reached_and_empty(void **state)
{
    (void)state;
    const double t[] = {1, 2, 3};
    const int d[] = {0, 0, 0};
    samen_km *km = fit(t, d, 3);
    assert_int_equal(km->k, 0);
    check_q(km, 0.5, SAMEN_KM_LOG, NA, NA, NA);
    assert_close(samen_km_surv(km, 10), 1, 0, 0);
    samen_km_free(km);
    km = fit(t, d, 0);
    assert_int_equal(km->n, 0);
    check_q(km, 0.5, SAMEN_KM_PLAIN, NA, NA, NA);
    samen_km_free(km);
    samen_km_free(NULL);
}

/* A wider interval at a higher level: never narrower, same estimate. */
static void test_level_widens(void **state)
{
    (void)state;
    samen_km *km = fit(ov_t, ov_d, LEN(ov_t));
    samen_error err;
    samen_km_q a, b;
    assert_int_equal(samen_km_quantile(km, 0.25, 0.5, SAMEN_KM_LOGLOG, &a, &err), 0);
    assert_int_equal(samen_km_quantile(km, 0.25, 0.99, SAMEN_KM_LOGLOG, &b, &err), 0);
    assert_close(a.est, b.est, 0, 0);
    assert_true(b.lo <= a.lo && a.lo <= a.est);
    assert_true(b.hi >= a.hi && a.hi >= a.est);
    samen_km_free(km);
}

static void test_errors(void **state)
{
    (void)state;
    samen_error err;
    const double bad_t[] = {1, -2}, nan_t[] = {1, NAN}, t[] = {1, 2};
    const int d[] = {1, 1}, bad_d[] = {1, 2};
    assert_null(samen_km_alloc(bad_t, d, 2, &err));
    assert_int_equal(err.code, SAMEN_EINPUT);
    assert_string_equal(err.key, "time");
    assert_non_null(strstr(err.msg, "observation 2"));
    assert_null(samen_km_alloc(nan_t, d, 2, &err));
    assert_int_equal(err.code, SAMEN_EINPUT);
    assert_null(samen_km_alloc(t, bad_d, 2, &err));
    assert_string_equal(err.key, "event");
    samen_km *km = fit(t, d, 2);
    samen_km_q q;
    assert_int_equal(samen_km_quantile(km, 0, 0.95, SAMEN_KM_LOG, &q, &err), SAMEN_EINPUT);
    assert_string_equal(err.key, "p");
    assert_int_equal(samen_km_quantile(km, 1, 0.95, SAMEN_KM_LOG, &q, &err), SAMEN_EINPUT);
    assert_int_equal(samen_km_quantile(km, 0.5, 1, SAMEN_KM_LOG, &q, &err), SAMEN_EINPUT);
    assert_string_equal(err.key, "level");
    assert_int_equal(samen_km_quantile(km, 0.5, NAN, SAMEN_KM_LOG, &q, &err), SAMEN_EINPUT);
    assert_int_equal(samen_km_quantile(km, 0.5, 0.95, (samen_km_transform)7, &q, &err),
                     SAMEN_EINPUT);
    assert_string_equal(err.key, "transform");
    samen_km_free(km);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_curve_aml),
        cmocka_unit_test(test_quantiles_aml),
        cmocka_unit_test(test_quantiles_ovarian),
        cmocka_unit_test(test_flat_at_level),
        cmocka_unit_test(test_not_reached_and_empty),
        cmocka_unit_test(test_level_widens),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
