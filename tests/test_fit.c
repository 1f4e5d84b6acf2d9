/* test_fit.c: known answers for the pure functions of the model (cosine
 * fit, appeal curve, room, rate to probability; MODEL.md 2 and 4.1). */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "model/state.h"

static void test_fit_known(void **state)
{
    (void)state;
    double a[3] = {1, 0, 0}, b[3] = {0, 1, 0}, c[3] = {1, 1, 0}, z[3] = {0, 0, 0};
    double d[3] = {2, 0, 0};
    assert_close(samen_fit(a, a, 3), 1.0, 0, 1e-15);
    assert_close(samen_fit(a, d, 3), 1.0, 0, 1e-15);  /* length does not count */
    assert_close(samen_fit(a, b, 3), 0.0, 0, 1e-15);
    assert_close(samen_fit(a, c, 3), 1 / sqrt(2), 0, 1e-15);
    assert_close(samen_fit(a, z, 3), 0.0, 0, 0);       /* zero vector: 0 */
    assert_close(samen_fit(z, z, 3), 0.0, 0, 0);
    /* (0.6,0.3,0.3) . (0.6,1,0.2) by hand: 0.72 / (0.7348 * 1.1832) */
    double q[3] = {0.6, 0.3, 0.3}, m[3] = {0.6, 1, 0.2};
    assert_close(samen_fit(q, m, 3), 0.72 / (sqrt(0.54) * sqrt(1.4)), 0, 1e-12);
}

static void test_appeal_peak(void **state)
{
    (void)state;
    const double ab[][2] = {{1, 1}, {2, 3}, {0.5, 2}, {3, 1}};
    for (size_t i = 0; i < sizeof ab / sizeof ab[0]; i++) {
        double al = ab[i][0], be = ab[i][1], peak = al / (al + be);
        assert_close(samen_appeal(peak, al, be), 1.0, 0, 1e-12);
        assert_true(samen_appeal(peak - 0.05, al, be) < 1);
        assert_true(samen_appeal(peak + 0.05, al, be) < 1);
    }
    /* alpha = beta = 1: 4 k (1 - k) */
    assert_close(samen_appeal(0.9, 1, 1), 0.36, 0, 1e-12);
    assert_close(samen_appeal(0.0, 1, 1), 0.0, 0, 0);
    /* 0^0 = 1: alpha = 0 peaks at kappa 0 */
    assert_close(samen_appeal(0.0, 0, 1), 1.0, 0, 1e-15);
    assert_close(samen_appeal(0.5, 0, 1), 0.5, 0, 1e-15);
    /* any exponents in range stay finite: huge ones make a spike */
    assert_close(samen_appeal(0.5, 1e308, 1e308), 1.0, 0, 0);
    assert_close(samen_appeal(0.3, 1e308, 1e308), 0.0, 0, 0);
    double v = samen_appeal(0.2, 1e308, 1);
    assert_true(v >= 0 && v <= 1);
    assert_close(samen_appeal(0.25, 1e-300, 3e-300), 1.0, 0, 1e-12);
}

static void test_room_and_rate(void **state)
{
    (void)state;
    assert_close(samen_room(0.5, 2), 0.75, 0, 1e-15);
    assert_close(samen_room(0.0, 2), 1.0, 0, 0);
    assert_close(samen_room(1.0, 2), 0.0, 0, 0);
    assert_close(samen_rate_prob(1.0), 1 - exp(-1.0), 0, 1e-15);
    assert_close(samen_rate_prob(0.0), 0.0, 0, 0);
    /* small rates: probability ~ rate, computed without cancellation */
    assert_close(samen_rate_prob(1e-12), 1e-12, 0, 1e-24);
    double v[2] = {3, 4};
    samen_unit(v, 2);
    assert_close(v[0], 0.6, 0, 1e-15);
    assert_close(v[1], 0.8, 0, 1e-15);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fit_known),
        cmocka_unit_test(test_appeal_peak),
        cmocka_unit_test(test_room_and_rate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
