/* test_sensitivity.c: known answers for the sensitivity analysis and the
 * per-point summaries (src/sensitivity/, src/sweep/design_sa.c,
 * outcomes.c, points.c): Sobol indices on the Ishigami and the Sobol G
 * functions against their analytic values, Morris measures on a linear
 * function and on one with an interaction, the structure of the Saltelli
 * and Morris designs and their sweep files, an inert parameter's indices
 * of exactly 0 in a sweep with common seeds, and the statistics of
 * points.csv against R's figures. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "samen/samen.h"
#include "sensitivity/analyse.h"
#include "sensitivity/sensitivity.h"
#include "sweep/tables.h"
#include "fixture.h"
#include "sweep_fixture.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* The Sobol indices of f over a Saltelli design of n rows in [0,1]^k,
 * f taking a unit point; 200 resamples from seed 1. */
static void sobol_of(double (*f)(const double *, const void *), const void *arg,
                     size_t n, int k, samen_sobol_index *out)
{
    size_t np = n * (size_t)(k + 2);
    double *x = malloc(np * (size_t)k * sizeof *x), *y = malloc(np * sizeof *y);
    assert_non_null(x);
    assert_non_null(y);
    assert_int_equal(samen_design_saltelli(n, k, x), 0);
    for (size_t p = 0; p < np; p++)
        y[p] = f(x + p * (size_t)k, arg);
    samen_sa_work *w = samen_sa_work_alloc(n, k, 200);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 1);
    samen_error err;
    samen_error_clear(&err);
    assert_int_equal(samen_sobol_analyse(y, n, k, 0.95, rng, w, out, &err), SAMEN_OK);
    gsl_rng_free(rng);
    samen_sa_work_free(w);
    free(x);
    free(y);
}

/* Within tol of the analytic value, and inside the bootstrap interval. */
static void near(double got, double lo, double hi, double want, double tol)
{
    if (fabs(got - want) > tol || !(lo <= want && want <= hi))
        print_error("got %.5f [%.5f, %.5f], want %.5f\n", got, lo, hi, want);
    assert_close(got, want, 0, tol);
    assert_true(lo <= want && want <= hi);
}

/* ---- Sobol indices ---- */

/* Ishigami and Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1 on
 * [-pi, pi]^3, a = 7, b = 0.1. V1 = (1 + b pi^4/5)^2 / 2, V2 = a^2/8,
 * V13 = 8 b^2 pi^8 / 225, V = V1 + V2 + V13: S1 = 0.3139, 0.4424, 0 and
 * ST = 0.5576, 0.4424, 0.2437 (Saltelli et al. 2008, section 4.8). */
static double ishigami(const double *u, const void *arg)
{
    (void)arg;
    double x1 = M_PI * (2 * u[0] - 1), x2 = M_PI * (2 * u[1] - 1), x3 = M_PI * (2 * u[2] - 1);
    return sin(x1) + 7 * sin(x2) * sin(x2) + 0.1 * pow(x3, 4) * sin(x1);
}

static void test_ishigami(void **state)
{
    (void)state;
    const double a = 7, b = 0.1, pi4 = pow(M_PI, 4);
    double v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5), v2 = a * a / 8;
    double v13 = 8 * b * b * pi4 * pi4 / 225, v = v1 + v2 + v13;
    const double s1[3] = {v1 / v, v2 / v, 0};
    const double st[3] = {(v1 + v13) / v, v2 / v, v13 / v};
    assert_close(s1[0], 0.3139, 0, 5e-5);
    assert_close(st[2], 0.2437, 0, 5e-5);
    samen_sobol_index out[3];
    /* N = 4096 Sobol rows: errors below 0.005 (0.01 allowed) */
    sobol_of(ishigami, NULL, 4096, 3, out);
    for (int i = 0; i < 3; i++) {
        near(out[i].s1, out[i].s1_lo, out[i].s1_hi, s1[i], 0.01);
        near(out[i].st, out[i].st_lo, out[i].st_hi, st[i], 0.01);
    }
}

/* Sobol's G function: prod (|4 x_i - 2| + a_i) / (1 + a_i) on [0,1]^k.
 * V_i = 1 / (3 (1 + a_i)^2), V = prod (1 + V_i) - 1, S1_i = V_i / V,
 * ST_i = V_i prod_{j != i} (1 + V_j) / V (Saltelli et al. 2010, section
 * 5). With a = 0, 1, 4.5, 9, 99, 99: S1 = 0.7164, 0.1791, 0.0237, 0.0072,
 * 0.0001, 0.0001; ST = 0.7874, 0.2423, 0.0343, 0.0105, 0.0001, 0.0001. */
static double g_function(const double *u, const void *arg)
{
    const double *a = arg;
    double g = 1;
    for (int i = 0; i < 6; i++)
        g *= (fabs(4 * u[i] - 2) + a[i]) / (1 + a[i]);
    return g;
}

static void test_g_function(void **state)
{
    (void)state;
    const double a[6] = {0, 1, 4.5, 9, 99, 99};
    double vi[6], v = 1;
    for (int i = 0; i < 6; i++) {
        vi[i] = 1 / (3 * (1 + a[i]) * (1 + a[i]));
        v *= 1 + vi[i];
    }
    v -= 1;
    samen_sobol_index out[6];
    sobol_of(g_function, a, 4096, 6, out);
    for (int i = 0; i < 6; i++) {
        double st = vi[i];
        for (int j = 0; j < 6; j++)
            st *= j == i ? 1 : 1 + vi[j];
        near(out[i].s1, out[i].s1_lo, out[i].s1_hi, vi[i] / v, 0.01);
        near(out[i].st, out[i].st_lo, out[i].st_hi, st / v, 0.01);
    }
    assert_close(vi[0] / v, 0.7164, 0, 1e-4);
}

/* The first-order index without centring, as samen analyse computed it
 * before: S1_i = (1/N) sum_j f(B_j) (f(AB^i_j) - f(A_j)) / V on the raw
 * values, over rows pick[0..n) (NULL: all). */
static double s1_uncentred(const double *f, size_t n, int k, int i, const size_t *pick)
{
    size_t block = (size_t)k + 2;
    double sum = 0, sq = 0, first = 0;
    for (size_t j = 0; j < n; j++) {
        const double *row = f + (pick ? pick[j] : j) * block;
        sum += row[0] + row[block - 1];
    }
    double mean = sum / (2.0 * (double)n);
    for (size_t j = 0; j < n; j++) {
        const double *row = f + (pick ? pick[j] : j) * block;
        sq += (row[0] - mean) * (row[0] - mean) + (row[block - 1] - mean) * (row[block - 1] - mean);
        first += row[block - 1] * (row[1 + i] - row[0]);
    }
    return first / (double)n / (sq / (2.0 * (double)n));
}

/* Its 95 % bootstrap interval's width from nb resamples of rows drawn as
 * the module draws them (gsl_rng_uniform_int, R's type 7 percentiles). */
static double s1_uncentred_width(const double *f, size_t n, int k, int i, size_t nb,
                                 unsigned long seed)
{
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, seed);
    size_t *pick = malloc(n * sizeof *pick);
    double *b = malloc(nb * sizeof *b);
    assert_non_null(pick);
    assert_non_null(b);
    for (size_t r = 0; r < nb; r++) {
        for (size_t j = 0; j < n; j++)
            pick[j] = (size_t)gsl_rng_uniform_int(rng, (unsigned long)n);
        b[r] = s1_uncentred(f, n, k, i, pick);
    }
    gsl_sort(b, 1, nb);
    double w = gsl_stats_quantile_from_sorted_data(b, 1, nb, 0.975)
               - gsl_stats_quantile_from_sorted_data(b, 1, nb, 0.025);
    free(pick);
    free(b);
    gsl_rng_free(rng);
    return w;
}

/* Ishigami shifted by a constant 100: the centred S1 and its interval are
 * those of the unshifted function (centring removes the shift before any
 * product), S1 keeps the analytic values, and the interval is at least 3
 * times narrower than that of the uncentred estimator on the same values
 * and the same resamples (f(B) near 100 multiplies the noise of f(AB) -
 * f(A) by about 100 / sd(f) = 27). */
static void test_centring_offset(void **state)
{
    (void)state;
    enum { N = 512, K = 3, NB = 200 };
    size_t np = (size_t)N * (K + 2);
    double *x = malloc(np * K * sizeof *x), *y = malloc(np * sizeof *y),
           *y100 = malloc(np * sizeof *y100);
    assert_non_null(x);
    assert_non_null(y);
    assert_non_null(y100);
    assert_int_equal(samen_design_saltelli(N, K, x), 0);
    for (size_t p = 0; p < np; p++) {
        y[p] = ishigami(x + p * K, NULL);
        y100[p] = 100 + y[p];
    }
    samen_sobol_index plain[K], shifted[K];
    samen_sa_work *w = samen_sa_work_alloc(N, K, NB);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    samen_error err;
    gsl_rng_set(rng, 1);
    assert_int_equal(samen_sobol_analyse(y, N, K, 0.95, rng, w, plain, &err), SAMEN_OK);
    gsl_rng_set(rng, 1);
    assert_int_equal(samen_sobol_analyse(y100, N, K, 0.95, rng, w, shifted, &err), SAMEN_OK);
    const double want[K] = {0.3139, 0.4424, 0};
    for (int i = 0; i < K; i++) {
        /* invariant to the shift, up to the rounding of 100 + f */
        assert_close(shifted[i].s1, plain[i].s1, 0, 1e-9);
        assert_close(shifted[i].s1_lo, plain[i].s1_lo, 0, 1e-9);
        assert_close(shifted[i].s1_hi, plain[i].s1_hi, 0, 1e-9);
        assert_close(shifted[i].st, plain[i].st, 0, 1e-9);
        near(shifted[i].s1, shifted[i].s1_lo, shifted[i].s1_hi, want[i], 0.05);
        double centred = shifted[i].s1_hi - shifted[i].s1_lo;
        double raw = s1_uncentred_width(y100, N, K, i, NB, 1);
        if (!(raw >= 3 * centred))
            print_error("key %d: uncentred width %g, centred %g\n", i, raw, centred);
        assert_true(raw >= 3 * centred);
    }
    gsl_rng_free(rng);
    samen_sa_work_free(w);
    free(x);
    free(y);
    free(y100);
}

/* The estimators by hand on N = 2, k = 1: rows (f(A), f(AB), f(B)) =
 * (1, 2, 3) and (5, 6, 1). f-bar over {1, 3, 5, 1} is 2.5, so the centred
 * rows are (-1.5, -0.5, 0.5) and (2.5, 3.5, -1.5). V: sum of squares
 * 2.25 + 0.25 + 6.25 + 2.25 = 11, V = 11/4. S1 = (0.5 (-0.5 + 1.5) - 1.5
 * (3.5 - 2.5)) / 2 / V = -0.5 / 2.75 (uncentred it would be (3 + 1) / 2 /
 * V = 2 / 2.75); ST = ((1-2)^2 + (5-6)^2) / 4 / V = 0.5 / 2.75. */
static void test_sobol_by_hand(void **state)
{
    (void)state;
    const double f[] = {1, 2, 3, 5, 6, 1};
    samen_sa_work *w = samen_sa_work_alloc(2, 1, 0);
    double s1, st;
    assert_close(samen_sobol_estimate(f, 2, 1, w, &s1, &st), 2.75, 0, 1e-15);
    assert_close(s1, -0.5 / 2.75, 0, 1e-15);
    assert_close(st, 0.5 / 2.75, 0, 1e-15);
    /* no resamples: no intervals */
    samen_sobol_index out;
    assert_int_equal(samen_sobol_analyse(f, 2, 1, 0.95, NULL, w, &out, NULL), SAMEN_OK);
    assert_close(out.s1, s1, 0, 0);
    assert_true(isnan(out.s1_lo) && isnan(out.st_hi));
    /* a constant outcome has V = 0: no indices */
    const double flat[] = {4, 4, 4, 4, 4, 4};
    assert_close(samen_sobol_estimate(flat, 2, 1, w, &s1, &st), 0, 0, 0);
    assert_true(isnan(s1) && isnan(st));
    /* errors: a workspace too small, a bad level */
    samen_error err;
    assert_int_equal(samen_sobol_analyse(f, 3, 1, 0.95, NULL, w, &out, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "workspace"));
    assert_int_equal(samen_sobol_analyse(f, 2, 1, 1.5, NULL, w, &out, &err), SAMEN_EINPUT);
    assert_string_equal(err.key, "level");
    samen_sa_work_free(w);
    samen_sa_work_free(NULL);
    assert_null(samen_sa_work_alloc(2, 0, 0));
}

/* ---- Morris ---- */

/* Runs samen_morris_effects and samen_morris_analyse on f over r
 * trajectories of k keys with p levels. */
static void morris_of(double (*f)(const double *), size_t r, int k, int levels,
                      samen_morris_index *out)
{
    size_t np = r * (size_t)(k + 1);
    double *x = malloc(np * (size_t)k * sizeof *x), *y = malloc(np * sizeof *y);
    double *ee = malloc(r * (size_t)k * sizeof *ee);
    assert_int_equal(samen_design_morris(11, r, k, levels, x), 0);
    for (size_t p = 0; p < np; p++)
        y[p] = f(x + p * (size_t)k);
    samen_error err;
    samen_error_clear(&err);
    assert_int_equal(samen_morris_effects(y, x, r, k, samen_morris_delta(levels), ee, &err),
                     SAMEN_OK);
    samen_sa_work *w = samen_sa_work_alloc(r, k, 300);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 1);
    assert_int_equal(samen_morris_analyse(ee, r, k, 0.95, rng, w, out, &err), SAMEN_OK);
    gsl_rng_free(rng);
    samen_sa_work_free(w);
    free(x);
    free(y);
    free(ee);
}

/* f = 2 x1 - 3 x2 + 0.5 x3 + 0 x4: every effect of key i is its
 * coefficient, so mu = c_i, mu* = |c_i| and sigma = 0. */
static double linear(const double *x)
{
    return 2 * x[0] - 3 * x[1] + 0.5 * x[2];
}

static void test_morris_linear(void **state)
{
    (void)state;
    const double c[4] = {2, -3, 0.5, 0};
    samen_morris_index out[4];
    morris_of(linear, 10, 4, 4, out);
    for (int i = 0; i < 4; i++) {
        assert_close(out[i].mu, c[i], 0, 1e-12);
        assert_close(out[i].mu_star, fabs(c[i]), 0, 1e-12);
        assert_close(out[i].sigma, 0, 0, 1e-12);
        assert_close(out[i].mu_star_lo, fabs(c[i]), 0, 1e-12);
        assert_close(out[i].mu_star_hi, fabs(c[i]), 0, 1e-12);
    }
}

/* f = x1 x2 + x3: the effect of x1 is x2 (its level when x1 moves), which
 * differs between trajectories, so sigma > 0 for x1 and x2; x3 stays
 * linear (mu* = 1, sigma = 0). */
static double interaction(const double *x)
{
    return x[0] * x[1] + x[2];
}

static void test_morris_interaction(void **state)
{
    (void)state;
    samen_morris_index out[3];
    morris_of(interaction, 20, 3, 4, out);
    assert_true(out[0].sigma > 0.1);
    assert_true(out[1].sigma > 0.1);
    assert_close(out[2].mu_star, 1, 0, 1e-12);
    assert_close(out[2].sigma, 0, 0, 1e-12);
    /* the effects of x1 lie in [0, 1] (the level of x2) */
    assert_true(out[0].mu_star > 0 && out[0].mu_star < 1);
    assert_true(out[0].mu_star_lo <= out[0].mu_star && out[0].mu_star <= out[0].mu_star_hi);
}

/* Effects by hand and the errors of a design that is not one at a time. */
static void test_morris_effects(void **state)
{
    (void)state;
    /* one trajectory, k = 2, delta 2/3: (0, 1/3) -> (2/3, 1/3) -> (2/3, 1/3 - ...) */
    const double d = 2.0 / 3;
    const double x[] = {0, 1.0 / 3, d, 1.0 / 3, d, 1.0 / 3 - d};
    const double f[] = {1, 3, 2};
    double ee[2];
    samen_error err;
    assert_int_equal(samen_morris_effects(f, x, 1, 2, d, ee, &err), SAMEN_OK);
    assert_close(ee[0], (3 - 1) / d, 0, 1e-15);
    assert_close(ee[1], (2 - 3) / -d, 0, 1e-15);
    const double two[] = {0, 0, d, d, d, d};
    assert_int_equal(samen_morris_effects(f, two, 1, 2, d, ee, &err), SAMEN_EINPUT);
    const double twice[] = {0, 0, d, 0, 0, 0};
    assert_int_equal(samen_morris_effects(f, twice, 1, 2, d, ee, &err), SAMEN_EINPUT);
    samen_sa_work *w = samen_sa_work_alloc(1, 2, 0);
    samen_morris_index m[2];
    assert_int_equal(samen_morris_analyse(ee, 1, 2, 0.95, NULL, w, m, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "2 trajectories"));
    samen_sa_work_free(w);
}

/* ---- the designs ---- */

/* A_j and B_j are the halves of point j + 1 of GSL's Sobol sequence in
 * 2k dimensions (0-based: the first point, the box's centre, is skipped);
 * AB^i_j is A_j with key i from B_j; point = j(k+2) + m. */
static void test_saltelli_design(void **state)
{
    (void)state;
    enum { N = 16, K = 4 };
    double x[N * (K + 2) * K], v[2 * K];
    assert_int_equal(samen_design_saltelli(N, K, x), 0);
    gsl_qrng *q = gsl_qrng_alloc(gsl_qrng_sobol, 2 * K);
    /* the first point: 0.5 in every dimension, not in the design */
    gsl_qrng_get(q, v);
    for (int i = 0; i < 2 * K; i++)
        assert_close(v[i], 0.5, 0, 0);
    /* the design's first point is the sequence's second: (0.75, 0.25, ...)
     * in GSL's direction numbers. (Its halves still agree for k = 2 and 4,
     * whose dimensions alternate 0.75, 0.25 up to 2k; for k = 3 they
     * differ, where the centre made A_0 = B_0 for every k.) */
    assert_close(x[0], 0.75, 0, 0);
    assert_close(x[1], 0.25, 0, 0);
    double x3[3 * 5];
    assert_int_equal(samen_design_saltelli(1, 3, x3), 0);
    assert_close(x3[0], 0.75, 0, 0);
    assert_close(x3[1], 0.25, 0, 0);
    assert_close(x3[2], 0.75, 0, 0);
    assert_close(x3[12], 0.25, 0, 0);
    assert_close(x3[13], 0.75, 0, 0);
    assert_close(x3[14], 0.25, 0, 0);
    for (int j = 0; j < N; j++) {
        gsl_qrng_get(q, v);
        const double *a = x + (size_t)j * (K + 2) * K, *bj = a + (K + 1) * K;
        for (int i = 0; i < K; i++) {
            assert_true(a[i] == v[i]);
            assert_true(bj[i] == v[K + i]);
        }
        for (int i = 0; i < K; i++) {
            const double *ab = a + (size_t)(1 + i) * K;
            for (int c = 0; c < K; c++)
                assert_true(ab[c] == (c == i ? bj[c] : a[c]));
        }
    }
    gsl_qrng_free(q);
    double big[1];
    assert_int_equal(samen_design_saltelli(1, 21, big), -2);
    assert_int_equal(samen_design_saltelli(1, 0, big), -2);
}

/* Each trajectory starts on a level of {0, .., 1 - delta}, moves every key
 * exactly once by +-delta, consecutive points differing in one key; all
 * coordinates stay in [0, 1]; the seed fixes the design. */
static void test_morris_design(void **state)
{
    (void)state;
    enum { R = 30, K = 5 };
    const int levels[] = {2, 4, 6, 10};
    for (size_t l = 0; l < LEN(levels); l++) {
        int p = levels[l];
        double d = samen_morris_delta(p), x[R * (K + 1) * K], y[R * (K + 1) * K];
        assert_int_equal(samen_design_morris(5, R, K, p, x), 0);
        for (int t = 0; t < R; t++) {
            const double *pt = x + (size_t)t * (K + 1) * K;
            for (int i = 0; i < K; i++) {
                double lv = pt[i] * (p - 1);
                assert_close(lv, round(lv), 0, 1e-9);
                assert_true(pt[i] <= 1 - d + 1e-12);
            }
            int moved[K] = {0};
            for (int m = 0; m < K; m++) {
                const double *a = pt + (size_t)m * K, *b = a + K;
                int n = 0;
                for (int i = 0; i < K; i++) {
                    assert_true(b[i] >= 0 && b[i] <= 1);
                    if (a[i] != b[i]) {
                        n++;
                        moved[i]++;
                        assert_close(fabs(b[i] - a[i]), d, 0, 1e-12);
                    }
                }
                assert_int_equal(n, 1);
            }
            for (int i = 0; i < K; i++)
                assert_int_equal(moved[i], 1);
        }
        assert_int_equal(samen_design_morris(5, R, K, p, y), 0);
        assert_memory_equal(x, y, sizeof x);
        assert_int_equal(samen_design_morris(6, R, K, p, y), 0);
        assert_true(memcmp(x, y, sizeof x) != 0);
    }
    double one[2];
    assert_int_equal(samen_design_morris(1, 1, 1, 5, one), -2);
    assert_int_equal(samen_design_morris(1, 1, 1, 0, one), -2);
}

/* The sweep files: sizes, points scaled from the unit design, and
 * sweep.ini reloaded (trusted, as the folder's commands do) to the same
 * points. */
static void test_sweep_designs(void **state)
{
    (void)state;
    const char *const files[] = {
        "[sweep]\nscenario = base.ini\ndesign = saltelli\nsamples = 8\nseed = 5\n[vary]\n"
        "trust.gain = 0.1..0.5\nsimulation.steps = 10..40\ngoal.speed = 0.2..0.4\n",
        "[sweep]\nscenario = base.ini\ndesign = morris\ntrajectories = 6\nlevels = 6\n"
        "seed = 5\n[vary]\ntrust.gain = 0.1..0.5\nsimulation.steps = 10..40\n"
        "goal.speed = 0.2..0.4\n",
    };
    const size_t points[] = {8 * 5, 6 * 4};
    for (size_t f = 0; f < LEN(files); f++) {
        samen_sweep *sw, *back;
        samen_error err;
        assert_int_equal(load(files[f], &sw, &err), SAMEN_OK);
        assert_int_equal(sw->n_points, points[f]);
        assert_non_null(sw->unit);
        for (size_t p = 0; p < sw->n_points; p++) {
            const double *u = sw->unit + p * 3, *m = sw->matrix + p * 3;
            assert_close(m[0], 0.1 + u[0] * 0.4, 0, 1e-15);
            assert_close(m[1], round(10 + u[1] * 30), 0, 0);
            assert_close(m[2], 0.2 + u[2] * 0.2, 0, 1e-15);
        }
        char path[512];
        snprintf(path, sizeof path, "%s/resolved.ini", tmpdir);
        FILE *fp = fopen(path, "w");
        assert_int_equal(samen_sweep_write_resolved(sw, fp, &err), 0);
        assert_int_equal(fclose(fp), 0);
        assert_int_equal(samen_sweep_load(&back, path, SAMEN_SWEEP_TRUSTED, &err), SAMEN_OK);
        assert_int_equal(back->design, sw->design);
        assert_int_equal(back->n_points, sw->n_points);
        assert_int_equal(back->levels, sw->levels);
        assert_memory_equal(back->matrix, sw->matrix, sw->n_points * 3 * sizeof(double));
        assert_memory_equal(back->unit, sw->unit, sw->n_points * 3 * sizeof(double));
        samen_sweep_free(back);
        samen_sweep_free(sw);
    }
}

static void test_sweep_design_errors(void **state)
{
    (void)state;
    /* a grid list with them; samples or trajectories missing or misplaced */
    refused("[sweep]\nscenario = base.ini\ndesign = saltelli\nsamples = 4\n[vary]\n"
            "trust.gain = 0.1, 0.2\n", 6, "trust.gain");
    refused("[sweep]\nscenario = base.ini\ndesign = morris\ntrajectories = 4\n[vary]\n"
            "trust.gain = 0.1:0.5:0.1\n", 6, "trust.gain");
    refused("[sweep]\nscenario = base.ini\ndesign = saltelli\n[vary]\ntrust.gain = 0..1\n", 3,
            "samples");
    refused("[sweep]\nscenario = base.ini\ndesign = morris\n[vary]\ntrust.gain = 0..1\n", 3,
            "trajectories");
    refused("[sweep]\nscenario = base.ini\ndesign = morris\ntrajectories = 3\nsamples = 3\n"
            "[vary]\ntrust.gain = 0..1\n", 5, "samples");
    refused("[sweep]\nscenario = base.ini\ndesign = lhs\nsamples = 3\ntrajectories = 3\n"
            "[vary]\ntrust.gain = 0..1\n", 5, "trajectories");
    refused("[sweep]\nscenario = base.ini\ndesign = saltelli\nsamples = 3\nlevels = 4\n"
            "[vary]\ntrust.gain = 0..1\n", 5, "levels");
    refused("[sweep]\nscenario = base.ini\ndesign = morris\ntrajectories = 3\nlevels = 5\n"
            "[vary]\ntrust.gain = 0..1\n", 5, "levels");
    refused("[sweep]\nscenario = base.ini\ndesign = morris\ntrajectories = 1\n"
            "[vary]\ntrust.gain = 0..1\n", 4, "trajectories");
    refused("[sweep]\nscenario = base.ini\ndesign = saltelli\nsamples = 3\n", 3, "design");
    refused("[sweep]\nscenario = base.ini\ndesign = salteli\n", 3, "design");
    /* 21 keys for saltelli: refused at the 21st */
    char text[4096] = "[sweep]\nscenario = base.ini\ndesign = saltelli\nsamples = 2\n[vary]\n";
    const char *keys[] = {"trust.gain", "trust.decay", "trust.exit_loss", "goal.speed",
        "goal.threshold", "exec.speed", "exec.engage_rate", "framing.decay",
        "framing.need_rate", "framing.help", "framing.setback", "framing.trust_loss",
        "drop.impatience", "drop.interest_min", "drop.misfit", "drop.disengaged",
        "drop.engagement_min", "drop.overcommit", "drop.base", "comm.net_gain", "comm.base"};
    assert_int_equal(LEN(keys), 21);
    for (size_t i = 0; i < LEN(keys); i++) {
        strcat(text, keys[i]);
        strcat(text, " = 0.1..0.2\n");
    }
    refused(text, 26, "comm.base");
    /* 20 keys are fine, in 20 + 2 points per row */
    char *last = strstr(text, "comm.base");
    *last = '\0';
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load(text, &sw, &err), SAMEN_OK);
    assert_int_equal(sw->n_points, 2 * 22);
    samen_sweep_free(sw);
}

/* ---- sweeps analysed and summarised ---- */

/* Runs every run of sw into out, in this process; with skip > 0 every
 * skip-th run is left pending. */
static void run_all(const samen_sweep *sw, const char *out, size_t skip)
{
    samen_error err;
    samen_error_clear(&err);
    assert_int_equal(mkdir(out, 0777), 0);
    assert_int_equal(samen_sweep_claim(sw, out, &err), SAMEN_OK);
    samen_part_writer *w = samen_part_writer_new(sw, out, &err);
    assert_non_null(w);
    int logged;
    for (size_t run = 0; run < sw->n_runs; run++)
        if (!skip || run % skip)
            assert_int_equal(samen_part_writer_run(w, run, &logged, &err), SAMEN_OK);
    assert_int_equal(samen_part_writer_free(w, &err), SAMEN_OK);
}

static int starts_with(const char *s, const char *prefix)
{
    return !strncmp(s, prefix, strlen(prefix));
}

/* The field of a CSV line, by index (no quoting in these files). */
static void field(const char *line, int i, char *buf, size_t n)
{
    for (; i > 0; i--)
        line = strchr(line, ',') + 1;
    size_t len = strcspn(line, ",\n");
    snprintf(buf, n, "%.*s", (int)(len < n ? len : n - 1), line);
}

/* An inert parameter: a network's horizon counts only for an adhoc
 * network, and net1 is a network. With seeds = common, replicate r of
 * every point has the same seed, so f(AB^i_j) = f(A_j) exactly for the
 * horizon and its S1 and ST are exactly 0; trust.gain does matter. */
static void test_inert_parameter(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\ndesign = saltelli\nsamples = 8\n"
                          "replicates = 2\nseeds = common\nseed = 3\n[vary]\n"
                          "trust.gain = 0.05..0.6\nnetwork.net1.horizon = 5..50\n", &sw,
                          &err), SAMEN_OK);
    char out[512];
    snprintf(out, sizeof out, "%s/inert", tmpdir);
    run_all(sw, out, 0);
    samen_sweep_index idx;
    assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_OK);
    const char *names[] = {"trust", "consensus", "members"};
    size_t rows;
    assert_int_equal(samen_analyse_write(sw, out, &idx, names, 3, 100, &rows, &err), SAMEN_OK);
    assert_int_equal(rows, 3 * 2);
    char path[600], f[64];
    snprintf(path, sizeof path, "%s/sensitivity.csv", out);
    char *text = read_file(path);
    assert_true(starts_with(text, "outcome,network,key,S1,S1_low,S1_high,ST,ST_low,ST_high\n"));
    int horizon = 0, gain = 0;
    for (char *line = strchr(text, '\n') + 1; *line; line = strchr(line, '\n') + 1) {
        /* members stays 4 here: V = 0, so its indices are empty */
        const char *want = starts_with(line, "members,") ? "" : "0";
        field(line, 2, f, sizeof f);
        if (!strcmp(f, "network.net1.horizon")) {
            for (int i = 3; i <= 8; i++) {
                field(line, i, f, sizeof f);
                assert_string_equal(f, want);
            }
            horizon++;
        } else if (starts_with(line, "trust,net1,trust.gain,")) {
            field(line, 6, f, sizeof f);
            assert_true(atof(f) > 0.1); /* ST of the key that matters */
            gain++;
        }
    }
    assert_int_equal(horizon, 3);
    assert_int_equal(gain, 1);

    /* summarise: FORMATS.md's columns, one row per point and network */
    assert_int_equal(samen_sweep_write_points(sw, out, &idx, &rows, &err), SAMEN_OK);
    assert_int_equal(rows, sw->n_points);
    snprintf(path, sizeof path, "%s/points.csv", out);
    text = read_file(path);
    const char *head = "point,trust.gain,network.net1.horizon,network,runs,agreed,"
        "agreed_low,agreed_high,dissolved,dissolved_low,dissolved_high,completed,"
        "completed_low,completed_high,members,members_low,members_high,dropouts,"
        "dropouts_low,dropouts_high,agree_median,agree_median_low,agree_median_high\n";
    assert_true(!strncmp(text, head, strlen(head)));
    field(strchr(text, '\n') + 1, 4, f, sizeof f);
    assert_string_equal(f, "2"); /* runs */
    samen_sweep_index_free(&idx);

    /* errors: an unknown outcome, a network column without network.csv */
    assert_int_equal(samen_analyse_check_outcome("trsut", &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "did you mean 'trust'"));
    assert_int_equal(samen_analyse_check_outcome("phase", &err), SAMEN_EINPUT);
    assert_int_equal(samen_analyse_check_outcome("d_formal", &err), SAMEN_OK);
    samen_sweep_free(sw);
}

/* analyse needs every run, and a saltelli or morris design; a morris
 * sweep gives its own columns. */
static void test_analyse_refuses(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    size_t rows;
    samen_sweep_index idx;
    const char *names[] = {"agreed", "trust"};
    assert_int_equal(load("[sweep]\nscenario = base.ini\ndesign = morris\ntrajectories = 3\n"
                          "tables = events\n[vary]\ntrust.gain = 0.1..0.5\n"
                          "goal.speed = 0.1..0.5\n", &sw, &err), SAMEN_OK);
    char out[512], path[600];
    snprintf(out, sizeof out, "%s/pending", tmpdir);
    run_all(sw, out, 4);
    assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_OK);
    assert_int_equal(samen_analyse_write(sw, out, &idx, names, 1, 10, &rows, &err),
                     SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "pending: 0, 4, 8"));
    /* trust needs network.csv, which this sweep does not keep */
    assert_int_equal(samen_analyse_write(sw, out, &idx, names, 2, 10, &rows, &err),
                     SAMEN_EINPUT);
    assert_string_equal(err.key, "tables");
    snprintf(path, sizeof path, "%s/sensitivity.csv", out);
    assert_int_equal(access(path, F_OK), -1);
    samen_sweep_index_free(&idx);
    samen_sweep_free(sw);

    assert_int_equal(load("[sweep]\nscenario = base.ini\ndesign = morris\ntrajectories = 3\n"
                          "[vary]\ntrust.gain = 0.1..0.5\ngoal.speed = 0.1..0.5\n", &sw,
                          &err), SAMEN_OK);
    snprintf(out, sizeof out, "%s/morris", tmpdir);
    run_all(sw, out, 0);
    assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_OK);
    assert_int_equal(samen_analyse_write(sw, out, &idx, names, 2, 10, &rows, &err), SAMEN_OK);
    assert_int_equal(rows, 4);
    snprintf(path, sizeof path, "%s/sensitivity.csv", out);
    assert_true(starts_with(read_file(path),
                            "outcome,network,key,mu,mu_star,sigma,mu_star_low,mu_star_high\n"));
    samen_sweep_index_free(&idx);
    samen_sweep_free(sw);

    assert_int_equal(load("[sweep]\nscenario = base.ini\n[vary]\ntrust.gain = 0.1, 0.2\n",
                          &sw, &err), SAMEN_OK);
    assert_int_equal(samen_analyse_write(sw, out, &idx, names, 1, 10, &rows, &err),
                     SAMEN_EINPUT);
    assert_string_equal(err.key, "design");
    samen_sweep_free(sw);
}

/* points.csv's statistics against R. The times to agreement are R's aml
 * data, group Maintained (survival package): 9, 13, 13+, 18, 23, 28+, 31,
 * 34, 45+, 48, 161+ (+: censored), here 11 runs of a network starting at
 * step 5 (agreed at 5 + t, or ended at 5 + t without agreeing):
 *   survfit(Surv(time, status) ~ 1, data = aml[aml$x == "Maintained", ])
 *   median 31, 0.95LCL 18, 0.95UCL NA
 * Seven agreed: prop.test(7, 11, correct = FALSE)$conf.int, the Wilson
 * score interval: 0.3538012 0.8483353
 * Members 4..14 (4 + i): t.test(4:14)$conf.int: 6.771861 11.228139 (mean
 * 9, sd sqrt(11), se 1, qt(0.975, 10) = 2.228139)
 * No run completed: prop.test(0, 11, correct = FALSE)$conf.int:
 *   0.0000000 0.2588330 */
static void test_point_stats_r(void **state)
{
    (void)state;
    const int t[] = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161};
    const int d[] = {1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0};
    samen_net_outcome runs[11];
    for (int i = 0; i < 11; i++) {
        runs[i] = (samen_net_outcome){.present = 1, .agreed = (unsigned char)d[i],
                                      .dissolved = !d[i], .members = 4 + i, .dropouts = i % 3,
                                      .agreed_step = d[i] ? 5 + t[i] : -1,
                                      .end_step = d[i] ? -1 : 5 + t[i]};
    }
    double members[11], dropouts[11], time[11];
    int event[11];
    samen_point_buf buf = {members, dropouts, time, event};
    samen_point_stats st;
    samen_error err;
    assert_int_equal(samen_point_stats_compute(runs, 11, 5, 519, &buf, &st, &err), SAMEN_OK);
    assert_int_equal(st.runs, 11);
    assert_close(st.agreed[0], 7.0 / 11, 0, 1e-15);
    assert_close(st.agreed[1], 0.3538012, 0, 5e-7);
    assert_close(st.agreed[2], 0.8483353, 0, 5e-7);
    assert_close(st.dissolved[0], 4.0 / 11, 0, 1e-15);
    assert_close(st.completed[1], 0, 0, 0);
    assert_close(st.completed[2], 0.2588330, 0, 5e-7);
    assert_close(st.members[0], 9, 0, 1e-12);
    assert_close(st.members[1], 6.771861, 0, 5e-7);
    assert_close(st.members[2], 11.228139, 0, 5e-7);
    assert_close(st.agree_median[0], 31, 0, 0);
    assert_close(st.agree_median[1], 18, 0, 0);
    assert_true(isnan(st.agree_median[2])); /* NA: not reached */

    /* A live network is censored at the run's last step; one run has a
     * mean without interval; no runs give no numbers at all. */
    runs[0] = (samen_net_outcome){.present = 1, .members = 3, .agreed_step = -1,
                                  .end_step = -1};
    assert_int_equal(samen_point_stats_compute(runs, 1, 5, 519, &buf, &st, &err), SAMEN_OK);
    assert_close(time[0], 514, 0, 0);
    assert_int_equal(event[0], 0);
    assert_close(st.members[0], 3, 0, 0);
    assert_true(isnan(st.members[1]) && isnan(st.agree_median[0]));
    assert_int_equal(samen_point_stats_compute(runs, 0, 5, 519, &buf, &st, &err), SAMEN_OK);
    assert_true(isnan(st.agreed[0]) && isnan(st.members[0]) && isnan(st.agree_median[0]));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ishigami),
        cmocka_unit_test(test_g_function),
        cmocka_unit_test(test_centring_offset),
        cmocka_unit_test(test_sobol_by_hand),
        cmocka_unit_test(test_morris_linear),
        cmocka_unit_test(test_morris_interaction),
        cmocka_unit_test(test_morris_effects),
        cmocka_unit_test(test_saltelli_design),
        cmocka_unit_test(test_morris_design),
        cmocka_unit_test(test_sweep_designs),
        cmocka_unit_test(test_sweep_design_errors),
        cmocka_unit_test(test_inert_parameter),
        cmocka_unit_test(test_analyse_refuses),
        cmocka_unit_test(test_point_stats_r),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
