/* test_abc.c: the ABC-SMC engine of `samen fit` (src/fit/abc.c): known
 * posteriors recovered from simulators whose likelihood is known, the
 * weights, ESS, epsilon, distance and kernel worked out by hand, and
 * determinism in (seed, generation, index). */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "fixture.h"

#include "fit/abc.h"

/* The simulators draw from a generator seeded with the run's seed. */
static gsl_rng *seeded(uint32_t seed)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed);
    return r;
}

/* A sample mean of 4 draws from N(mu, 1): N(mu, 0.5^2). */
static int sim_mean(void *user, const double *theta, uint32_t seed, double *stats)
{
    (void)user;
    gsl_rng *r = seeded(seed);
    stats[0] = theta[0] + gsl_ran_gaussian(r, 0.5);
    gsl_rng_free(r);
    return 0;
}

/* Under a uniform prior on (-10, 10) and an observed mean of 1.3, the
 * posterior of mu is N(1.3, 0.5^2) (the prior's cut at +-10 lies 17 sd
 * away). ABC with epsilon -> 0 tends to it; the last epsilon here is about
 * 0.04, which widens the sd by about eps^2/6 / (2 sd) (negligible). The
 * tolerances are about 4 standard errors of a weighted mean and sd with ESS
 * about 450: 0.5 / sqrt(450) = 0.024 -> 0.1; 0.5 / sqrt(900) = 0.017 ->
 * 0.07; a 2.5 or 97.5 % quantile has a standard error of about
 * sqrt(0.025 * 0.975 / 450) / (N(1.96) / 0.5) = 0.063 -> 0.25. */
static void test_normal_mean(void **state)
{
    (void)state;
    static const samen_prior prior[] = {{SAMEN_PRIOR_UNIFORM, -10, 10}};
    static const double observed[] = {1.3}, scale[] = {1};
    samen_abc_config cfg = {.n_keys = 1, .prior = prior, .n_stats = 1,
                            .observed = observed, .scale = scale, .particles = 600,
                            .quantile = 0.5, .min_acceptance = 0.01, .generations = 9,
                            .seed = 7};
    samen_abc_gen gens[9];
    long n = 0;
    samen_error err;
    assert_int_equal(samen_abc_run(&cfg, sim_mean, NULL, gens, &n, &err), SAMEN_OK);
    assert_int_equal(n, 9);
    samen_abc_gen *last = &gens[n - 1];
    assert_true(last->epsilon < 0.1);
    samen_abc_summary s;
    assert_int_equal(samen_abc_summarise(last, 0, &s), 0);
    assert_close(s.mean, 1.3, 0, 0.1);
    assert_close(s.sd, 0.5, 0, 0.07);
    assert_close(s.median, 1.3, 0, 0.1);
    /* 1.3 -+ 1.96 * 0.5 */
    assert_close(s.low, 0.32, 0, 0.25);
    assert_close(s.high, 2.28, 0, 0.25);
    for (long t = 0; t < n; t++) {
        const samen_abc_gen *g = &gens[t];
        double sum = 0, sq = 0;
        for (size_t j = 0; j < g->n; j++) {
            sum += g->weight[j];
            sq += g->weight[j] * g->weight[j];
            assert_true(g->distance[j] <= g->epsilon);
        }
        assert_int_equal(g->n, 600);
        assert_close(sum, 1, 1e-12, 0);
        assert_close(g->ess, 1 / sq, 1e-12, 0);
        assert_true(g->ess > 1 && g->ess <= 600 + 1e-9);
        assert_close(g->acceptance, 600.0 / (double)g->candidates, 1e-15, 0);
        if (t == 0) {
            /* the prior's draws: all accepted, equal weights */
            assert_true(isinf(g->epsilon));
            assert_int_equal(g->candidates, 600);
            assert_close(g->ess, 600, 1e-9, 0);
        } else {
            assert_true(g->epsilon < gens[t - 1].epsilon);
            assert_true(g->ess < 600);
        }
    }
    for (long t = 0; t < n; t++)
        samen_abc_gen_free(&gens[t]);
}

/* Log-normal: the statistic is theta * exp(0.1 Z). Under a loguniform
 * prior on (0.1, 10) (uniform in log theta) and an observed 2, log theta
 * has the posterior N(log 2, 0.1^2): median 2, 95 % interval 2 exp(-+0.196)
 * = (1.644, 2.433). The second key, a mean as above with observed -0.7,
 * is independent of the first: two keys exercise the 2 x 2 kernel and its
 * log scale. */
static int sim_two(void *user, const double *theta, uint32_t seed, double *stats)
{
    (void)user;
    gsl_rng *r = seeded(seed);
    stats[0] = theta[0] * exp(gsl_ran_gaussian(r, 0.1));
    stats[1] = theta[1] + gsl_ran_gaussian(r, 0.5);
    gsl_rng_free(r);
    return 0;
}

static void test_loguniform(void **state)
{
    (void)state;
    static const samen_prior prior[] = {{SAMEN_PRIOR_LOGUNIFORM, 0.1, 10},
                                        {SAMEN_PRIOR_UNIFORM, -5, 5}};
    /* scales: a difference of 0.1 in log theta is 0.2 in theta near 2 */
    static const double observed[] = {2, -0.7}, scale[] = {0.2, 0.5};
    samen_abc_config cfg = {.n_keys = 2, .prior = prior, .n_stats = 2,
                            .observed = observed, .scale = scale, .particles = 500,
                            .quantile = 0.5, .min_acceptance = 0.005, .generations = 12,
                            .seed = 11};
    samen_abc_gen gens[12];
    long n = 0;
    samen_error err;
    assert_int_equal(samen_abc_run(&cfg, sim_two, NULL, gens, &n, &err), SAMEN_OK);
    assert_int_equal(n, 12);
    samen_abc_summary s;
    assert_int_equal(samen_abc_summarise(&gens[n - 1], 0, &s), 0);
    assert_close(s.median, 2, 0.05, 0);
    assert_close(s.low, 1.644, 0.07, 0);
    assert_close(s.high, 2.433, 0.07, 0);
    assert_int_equal(samen_abc_summarise(&gens[n - 1], 1, &s), 0);
    assert_close(s.mean, -0.7, 0, 0.12);
    assert_close(s.sd, 0.5, 0, 0.08);
    for (long t = 0; t < n; t++)
        for (size_t j = 0; j < gens[t].n; j++) {
            assert_true(gens[t].theta[2 * j] >= 0.1 && gens[t].theta[2 * j] <= 10);
            assert_true(gens[t].theta[2 * j + 1] >= -5 && gens[t].theta[2 * j + 1] <= 5);
        }
    for (long t = 0; t < n; t++)
        samen_abc_gen_free(&gens[t]);
}

/* The same seed gives the same particles; proposals depend on (seed, t,
 * i) only, not on the order they are asked for. */
static void test_deterministic(void **state)
{
    (void)state;
    static const samen_prior prior[] = {{SAMEN_PRIOR_UNIFORM, -10, 10}};
    static const double observed[] = {1.3}, scale[] = {1};
    samen_abc_config cfg = {.n_keys = 1, .prior = prior, .n_stats = 1,
                            .observed = observed, .scale = scale, .particles = 50,
                            .quantile = 0.5, .min_acceptance = 0.01, .generations = 3,
                            .seed = 3};
    samen_abc_gen a[3], b[3];
    long na, nb;
    samen_error err;
    assert_int_equal(samen_abc_run(&cfg, sim_mean, NULL, a, &na, &err), SAMEN_OK);
    assert_int_equal(samen_abc_run(&cfg, sim_mean, NULL, b, &nb, &err), SAMEN_OK);
    assert_int_equal(na, 3);
    assert_int_equal(nb, 3);
    for (long t = 0; t < na; t++) {
        assert_int_equal(a[t].candidates, b[t].candidates);
        assert_memory_equal(a[t].theta, b[t].theta, 50 * sizeof(double));
        assert_memory_equal(a[t].weight, b[t].weight, 50 * sizeof(double));
    }
    double x5, x3, y5, y3;
    assert_int_equal(samen_abc_propose(&a[2], 5, &x5), 0);
    assert_int_equal(samen_abc_propose(&a[2], 3, &x3), 0);
    assert_int_equal(samen_abc_propose(&b[2], 3, &y3), 0);
    assert_int_equal(samen_abc_propose(&b[2], 5, &y5), 0);
    assert_true(x5 == y5 && x3 == y3 && x3 != x5);
    cfg.seed = 4;
    samen_abc_gen c[3];
    long nc;
    assert_int_equal(samen_abc_run(&cfg, sim_mean, NULL, c, &nc, &err), SAMEN_OK);
    assert_true(memcmp(a[0].theta, c[0].theta, 50 * sizeof(double)) != 0);
    for (long t = 0; t < 3; t++) {
        samen_abc_gen_free(&a[t]);
        samen_abc_gen_free(&b[t]);
        samen_abc_gen_free(&c[t]);
    }
    /* seeds of neighbouring candidates and streams differ, never 0 */
    assert_true(samen_abc_seed(1, 0, 0, 0) != samen_abc_seed(1, 0, 1, 0));
    assert_true(samen_abc_seed(1, 0, 0, 0) != samen_abc_seed(1, 1, 0, 0));
    assert_true(samen_abc_seed(1, 0, 0, 0) != samen_abc_seed(1, 0, 0, 1));
    assert_true(samen_abc_seed(1, 0, 0, 1) != 0);
}

/* A hand-built generation 0: u = {0, 1} with weights {0.25, 0.75} and
 * distances {4, 1}; epsilon, kernel and weight of the next worked out. */
static void test_hand_built(void **state)
{
    (void)state;
    static const samen_prior prior[] = {{SAMEN_PRIOR_UNIFORM, -10, 10}};
    static const double observed[] = {0}, scale[] = {1};
    samen_abc_config cfg = {.n_keys = 1, .prior = prior, .n_stats = 1,
                            .observed = observed, .scale = scale, .particles = 4,
                            .quantile = 0.5, .min_acceptance = 0.5, .generations = 3,
                            .seed = 1};
    samen_abc_gen g0, g1;
    samen_error err;
    assert_int_equal(samen_abc_gen_begin(&g0, &cfg, 0, NULL, &err), SAMEN_OK);
    /* offers keep candidates in index order until the generation is full */
    double th[4] = {0, 1, 5, 6}, st[4] = {4, 1, 3, 2};
    for (int j = 0; j < 4; j++)
        assert_int_equal(samen_abc_offer(&g0, &th[j], &st[j]), j == 3);
    assert_int_equal(samen_abc_offer(&g0, &th[0], &st[0]), -1);
    samen_abc_gen_end(&g0);
    assert_close(g0.weight[2], 0.25, 1e-15, 0);
    assert_close(g0.distance[2], 3, 0, 0);
    /* then weights set by hand: 0.25, 0.75 and two particles of weight 0,
     * which neither the kernel nor the next weights see */
    static const double w0[4] = {0.25, 0.75, 0, 0};
    memcpy(g0.weight, w0, sizeof w0);
    /* distances 4, 1, 3, 2: sorted 1 2 3 4, GSL's median (n-1)p = 1.5: 2.5 */
    assert_int_equal(samen_abc_gen_begin(&g1, &cfg, 1, &g0, &err), SAMEN_OK);
    assert_close(g1.epsilon, 2.5, 1e-15, 0);
    /* weighted mean 0.75; sum w (u - m)^2 = 0.25 * 0.5625 + 0.75 * 0.0625
     * = 0.1875; the kernel's variance twice that, 0.375: L = sqrt(0.375) */
    assert_close(g1.chol[0], sqrt(0.375), 1e-14, 0);
    /* the weight of u = 0.5, equally far (0.5) from both particles:
     * 1 / N(0.5; 0, 0.375) = sqrt(2 pi 0.375) exp(0.25 / 0.75)
     * = 0.6514700^-1 * 1.3956124 = 2.1422512 */
    double u = 0.5;
    assert_close(exp(samen_abc_log_weight(&g1, &u)), 2.1422512, 1e-7, 0);
    /* u = 1: 1 / (0.25 N(1; 0, .375) + 0.75 N(1; 1, .375)) =
     * 1 / (0.25 * 0.6514853 * exp(-1/0.75) + 0.75 * 0.6514853) =
     * 1 / (0.0429314 + 0.4886025) = 1.8813475 */
    u = 1;
    assert_close(exp(samen_abc_log_weight(&g1, &u)), 1.8813475, 1e-7, 0);
    /* a candidate past epsilon is counted and not kept; the first kept has
     * that weight */
    double far = 3, near = 0.1;
    assert_int_equal(samen_abc_offer(&g1, &u, &far), 0);
    assert_int_equal(samen_abc_offer(&g1, &u, &near), 0);
    assert_int_equal(g1.candidates, 2);
    assert_int_equal(g1.n, 1);
    assert_close(exp(g1.weight[0]), 1.8813475, 1e-7, 0);
    samen_abc_gen_free(&g1);
    samen_abc_gen_free(&g0);
}

static void test_distance_quantile(void **state)
{
    (void)state;
    static const double observed[] = {1, 2}, scale[] = {0.5, 2};
    samen_abc_config cfg = {.n_stats = 2, .observed = observed, .scale = scale};
    /* ((2 - 1) / 0.5)^2 + ((0 - 2) / 2)^2 = 4 + 1 */
    double st[2] = {2, 0};
    assert_close(samen_abc_distance(&cfg, st), sqrt(5), 1e-15, 0);
    st[1] = NAN;
    assert_true(isinf(samen_abc_distance(&cfg, st)));
    /* x sorted 1 (0.25), 2 (0.25), 3 (0.5): cumulative 0.25, 0.5, 1 */
    static const double x[] = {3, 1, 2}, w[] = {0.5, 0.25, 0.25};
    double q;
    assert_int_equal(samen_weighted_quantile(x, w, 3, 0.5, &q), 0);
    assert_close(q, 2, 0, 0);
    assert_int_equal(samen_weighted_quantile(x, w, 3, 0.6, &q), 0);
    assert_close(q, 3, 0, 0);
    assert_int_equal(samen_weighted_quantile(x, w, 3, 0.025, &q), 0);
    assert_close(q, 1, 0, 0);
    /* ceil(300 / 0.02) */
    samen_abc_config c2 = {.particles = 300, .min_acceptance = 0.02};
    assert_int_equal(samen_abc_max_candidates(&c2), 15000);
    c2.min_acceptance = 0.07;
    assert_int_equal(samen_abc_max_candidates(&c2), 4286);
}

/* A generation that cannot fill (every run fails) stops the fit. */
static int sim_fail(void *user, const double *theta, uint32_t seed, double *stats)
{
    (void)user;
    (void)seed;
    stats[0] = theta[0];
    return theta[0] > 0;
}

static void test_stop(void **state)
{
    (void)state;
    static const samen_prior prior[] = {{SAMEN_PRIOR_UNIFORM, -1, 1}};
    static const double observed[] = {0}, scale[] = {1};
    samen_abc_config cfg = {.n_keys = 1, .prior = prior, .n_stats = 1,
                            .observed = observed, .scale = scale, .particles = 20,
                            .quantile = 0.5, .min_acceptance = 0.6, .generations = 5,
                            .seed = 9};
    samen_abc_gen gens[5];
    long n = 0;
    samen_error err;
    /* about half the prior's draws fail: generation 0 needs about 40 of
     * its at most ceil(20 / 0.6) = 34 candidates and is not made */
    assert_int_equal(samen_abc_run(&cfg, sim_fail, NULL, gens, &n, &err), SAMEN_OK);
    assert_int_equal(n, 0);
    /* at 0.3 it fills, every kept particle <= 0, and stops below 0.6 */
    cfg.min_acceptance = 0.3;
    assert_int_equal(samen_abc_run(&cfg, sim_fail, NULL, gens, &n, &err), SAMEN_OK);
    assert_true(n >= 1);
    assert_true(gens[n - 1].acceptance < 0.6 || n == 5);
    for (size_t j = 0; j < gens[0].n; j++)
        assert_true(gens[0].theta[j] <= 0);
    for (long t = 0; t < n; t++)
        samen_abc_gen_free(&gens[t]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normal_mean),
        cmocka_unit_test(test_loguniform),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_hand_built),
        cmocka_unit_test(test_distance_quantile),
        cmocka_unit_test(test_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
