/* test_sweep.c: unit tests of the sweep module: SplitMix64 seeds, grid,
 * LHS and Sobol designs, the sweep file and its errors, sweep.ini, the
 * part files' log lines, writers, the index, manifest, summary and collect
 * over parts made by the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <gsl/gsl_qrng.h>

#include "samen/samen.h"
#include "sweep/jobs.h"
#include "sweep/tables.h"
#include "fixture.h"
#include "sweep_fixture.h"
#include "util/ini_reader.h"

/* ---- seeds ---- */

/* Vectors of MODEL.md section 6 (SplitMix64 as published by Vigna). */
static void test_splitmix64_vectors(void **state)
{
    (void)state;
    uint64_t s = 0;
    assert_true(samen_splitmix64_next(&s) == 16294208416658607535ULL);
    assert_true(samen_splitmix64_next(&s) == 7960286522194355700ULL);
    s = 42;
    assert_true(samen_splitmix64_next(&s) == 13679457532755275413ULL);
    assert_true(samen_splitmix64_next(&s) == 2949826092126892291ULL);

    uint32_t seeds[2];
    assert_int_equal(samen_sweep_seeds(0, 2, seeds), 0);
    assert_int_equal(seeds[0], 2065550767u);   /* low 32 bits, seed 0 */
    assert_int_equal(samen_sweep_seeds(42, 2, seeds), 0);
    assert_int_equal(seeds[0], 803958421u);    /* low 32 bits, seed 42 */
    assert_int_equal(seeds[1], (uint32_t)2949826092126892291ULL);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static void test_seeds_distinct(void **state)
{
    (void)state;
    enum { N = 200000 };
    uint32_t *seeds = malloc(N * sizeof *seeds);
    assert_non_null(seeds);
    assert_int_equal(samen_sweep_seeds(7, N, seeds), 0);
    /* The list is SplitMix64's low halves in order, minus 0 and repeats. */
    uint64_t st = 7;
    for (int i = 0; i < 1000; i++) {
        uint32_t v;
        do
            v = (uint32_t)samen_splitmix64_next(&st);
        while (v == 0);
        assert_int_equal(seeds[i], v);
    }
    /* Run i's seed does not depend on how many runs the sweep has. */
    uint32_t few[10];
    assert_int_equal(samen_sweep_seeds(7, 10, few), 0);
    assert_memory_equal(few, seeds, sizeof few);
    qsort(seeds, N, sizeof *seeds, cmp_u32);
    for (int i = 0; i < N; i++) {
        assert_true(seeds[i] != 0);
        if (i > 0)
            assert_true(seeds[i] != seeds[i - 1]);
    }
    free(seeds);
}

/* ---- designs ---- */

static void test_range(void **state)
{
    (void)state;
    double a, b, c;
    assert_true(samen_parse_range("0.1:0.9:0.1", &a, &b, &c));
    assert_int_equal(samen_range_count(a, b, c), 9);
    assert_true(samen_parse_range(" 1 : 10 : 3 ", &a, &b, &c));
    assert_int_equal(samen_range_count(a, b, c), 4);
    assert_close(samen_range_value(a, c, 3), 10.0, 0, 0);
    assert_int_equal(samen_range_count(0, 1, 0.25), 5);
    assert_int_equal(samen_range_count(0.9, 0.1, -0.1), 9);
    assert_int_equal(samen_range_count(0, 1, 0), -1);
    assert_int_equal(samen_range_count(1, 0, 0.1), -1);
    assert_false(samen_parse_range("0.1:0.9", &a, &b, &c));
    assert_false(samen_parse_range("a:1:2", &a, &b, &c));
    assert_false(samen_parse_range("1:2:3:4", &a, &b, &c));
    assert_false(samen_parse_range("learning:0.4", &a, &b, &c));

    assert_true(samen_parse_minmax("0.1..0.5", &a, &b));
    assert_close(a, 0.1, 0, 0);
    assert_close(b, 0.5, 0, 0);
    assert_true(samen_parse_minmax(" -1 .. 2e3 ", &a, &b));
    assert_true(a == -1 && b == 2000);
    assert_false(samen_parse_minmax("1...5", &a, &b));
    assert_false(samen_parse_minmax("0.1:0.5", &a, &b));
    assert_false(samen_parse_minmax("x..1", &a, &b));
}

static void test_split(void **state)
{
    (void)state;
    char **it;
    size_t n;
    assert_int_equal(samen_vary_split("beta(2, 5), uniform(0, 0.6) ,0.3", &it, &n), 0);
    assert_int_equal(n, 3);
    assert_string_equal(it[0], "beta(2, 5)");
    assert_string_equal(it[1], "uniform(0, 0.6)");
    assert_string_equal(it[2], "0.3");
    samen_vary_free(it, n);
    assert_int_equal(samen_vary_split("\"a:0.4, b:0.6\", \"a:1\"", &it, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(it[0], "a:0.4, b:0.6");
    assert_string_equal(it[1], "a:1");
    samen_vary_free(it, n);
    assert_int_equal(samen_vary_split("beta(2, 5", &it, &n), -2);
    assert_int_equal(samen_vary_split("\"a, b", &it, &n), -2);
    assert_int_equal(samen_vary_split("a), b", &it, &n), -2);
}

static void test_lhs_strata(void **state)
{
    (void)state;
    enum { N = 97, K = 3 };
    double min[K] = {0, -5, 10}, max[K] = {1, 5, 10.5};
    double x[N * K], y[N * K];
    assert_int_equal(samen_design_lhs(12345, N, K, min, max, x), 0);
    for (int j = 0; j < K; j++) {
        int seen[N] = {0};
        for (int i = 0; i < N; i++) {
            double v = x[i * K + j];
            assert_true(v >= min[j] && v <= max[j]);
            int s = (int)((v - min[j]) / (max[j] - min[j]) * N);
            assert_true(s >= 0 && s < N);
            seen[s]++;
        }
        for (int s = 0; s < N; s++)
            assert_int_equal(seen[s], 1); /* exactly one point per stratum */
    }
    /* The same seed gives the same design; another seed another one. */
    assert_int_equal(samen_design_lhs(12345, N, K, min, max, y), 0);
    assert_memory_equal(x, y, sizeof x);
    assert_int_equal(samen_design_lhs(12346, N, K, min, max, y), 0);
    assert_true(memcmp(x, y, sizeof x) != 0);
    /* The strata are shuffled: the points are not in stratum order. */
    int ordered = 1;
    for (int i = 1; i < N; i++)
        ordered &= x[i * K] > x[(i - 1) * K];
    assert_false(ordered);
}

static void test_sobol(void **state)
{
    (void)state;
    enum { N = 64, K = 5 };
    double min[K] = {0, 1, -1, 0, 100}, max[K] = {1, 3, 1, 0, 200};
    double x[N * K], v[K];
    assert_int_equal(samen_design_sobol(N, K, min, max, x), 0);
    gsl_qrng *q = gsl_qrng_alloc(gsl_qrng_sobol, K);
    for (int i = 0; i < N; i++) {
        gsl_qrng_get(q, v);
        for (int j = 0; j < K; j++) {
            assert_true(x[i * K + j] >= min[j] && x[i * K + j] <= max[j]);
            assert_true(x[i * K + j] == min[j] + v[j] * (max[j] - min[j]));
        }
    }
    gsl_qrng_free(q);
    /* GSL's sequence starts at the centre of the box. */
    assert_close(x[0], 0.5, 0, 0);
    assert_close(x[1], 2, 0, 0);
    assert_close(x[2], 0, 0, 0);
    assert_close(x[4], 150, 0, 0);
    double big_min[41] = {0}, big_max[41] = {0}, row[41];
    assert_int_equal(samen_design_sobol(1, 41, big_min, big_max, row), -2);
    assert_int_equal(samen_design_sobol(1, 40, big_min, big_max, row), 0);
}

/* ---- the sweep file ---- */

static void test_grid_order(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    int rc = load("[sweep]\nscenario = base.ini\nreplicates = 2\nseed = 9\n"
                  "[vary]\nnetwork.net1.concreteness = 0.1:0.9:0.1\n"
                  "persons.self_interest = beta(2, 5), 0.3\n"
                  "simulation.steps = 10, 20, 30\n", &sw, &err);
    if (rc)
        samen_error_print(&err, stderr);
    assert_int_equal(rc, SAMEN_OK);
    assert_int_equal(sw->n_points, 9 * 2 * 3);
    assert_int_equal(sw->n_runs, 9 * 2 * 3 * 2);
    char buf[SAMEN_VALUE_MAX];
    static const char *const tenths[] = {"0.1", "0.2", "0.3", "0.4", "0.5", "0.6",
                                         "0.7", "0.8", "0.9"};
    /* The first key varies slowest, the last fastest. */
    for (size_t p = 0; p < sw->n_points; p++) {
        assert_string_equal(samen_sweep_value(sw, p, 0, buf), tenths[p / 6]);
        assert_string_equal(samen_sweep_value(sw, p, 1, buf), p / 3 % 2 ? "0.3" : "beta(2, 5)");
        char steps[8];
        snprintf(steps, sizeof steps, "%zu", 10 * (p % 3 + 1));
        assert_string_equal(samen_sweep_value(sw, p, 2, buf), steps);
    }
    /* Runs are point-major, replicates inner; each run its own seed. */
    uint32_t seeds[108];
    assert_int_equal(samen_sweep_seeds(9, 108, seeds), 0);
    for (size_t r = 0; r < sw->n_runs; r++) {
        assert_int_equal(samen_sweep_point_of(sw, r), r / 2);
        assert_int_equal(samen_sweep_replicate_of(sw, r), r % 2);
        assert_int_equal(samen_sweep_seed_of(sw, r), seeds[r]);
    }
    char **ov;
    int n = samen_sweep_overrides(sw, 13, &ov);
    assert_int_equal(n, 4);
    assert_string_equal(ov[0], "network.net1.concreteness=0.2");
    assert_string_equal(ov[1], "persons.self_interest=beta(2, 5)");
    assert_string_equal(ov[2], "simulation.steps=10");
    snprintf(buf, sizeof buf, "simulation.seed=%lu", (unsigned long)seeds[13]);
    assert_string_equal(ov[3], buf);
    samen_sweep_overrides_free(ov, n);
    assert_int_equal(samen_sweep_check_points(sw, &err), SAMEN_OK);
    /* Each collected row's prefix: run 13 is point 6 (0.2, the text value
     * quoted as CSV needs, 10 steps), replicate 1; with its seed for
     * summary.csv. */
    size_t len;
    char *pre = samen_sweep_run_prefix(sw, 13, 0, &len);
    assert_non_null(pre);
    assert_string_equal(pre, "13,6,1,0.2,\"beta(2, 5)\",10,");
    assert_int_equal(len, strlen(pre));
    free(pre);
    pre = samen_sweep_run_prefix(sw, 13, 1, &len);
    assert_non_null(pre);
    snprintf(buf, sizeof buf, "13,6,1,%lu,0.2,", (unsigned long)seeds[13]);
    assert_memory_equal(pre, buf, strlen(buf));
    assert_string_equal(pre + strlen(buf), "\"beta(2, 5)\",10,");
    free(pre);
    samen_sweep_free(sw);
}

static void test_common_seeds_and_output(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\nreplicates = 3\nseeds = common\n"
                          "detail = orgs\nsnapshot_every = 5\n"
                          "[vary]\ntrust.gain = 0.1, 0.2\n", &sw, &err), SAMEN_OK);
    for (size_t r = 0; r < sw->n_runs; r++)
        assert_int_equal(samen_sweep_seed_of(sw, r), samen_sweep_seed_of(sw, r % 3));
    assert_true(samen_sweep_seed_of(sw, 0) != samen_sweep_seed_of(sw, 1));
    char **ov;
    int n = samen_sweep_overrides(sw, 4, &ov);
    assert_int_equal(n, 4);
    assert_string_equal(ov[0], "output.detail=orgs");
    assert_string_equal(ov[1], "output.snapshot_every=5");
    assert_string_equal(ov[2], "trust.gain=0.2");
    samen_sweep_overrides_free(ov, n);
    samen_sweep_free(sw);
}

static void test_lhs_sweep(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\ndesign = lhs\nsamples = 20\n"
                          "seed = 3\n[vary]\ntrust.gain = 0.1..0.5\n"
                          "simulation.steps = 10..20\n", &sw, &err), SAMEN_OK);
    assert_int_equal(sw->n_runs, 20);
    assert_false(sw->keys[0].is_whole);
    assert_true(sw->keys[1].is_whole);
    char buf[SAMEN_VALUE_MAX];
    for (size_t p = 0; p < 20; p++) {
        const char *v = samen_sweep_value(sw, p, 1, buf);
        assert_null(strchr(v, '.')); /* whole keys rounded */
        int steps = atoi(v);
        assert_true(steps >= 10 && steps <= 20);
        double g = atof(samen_sweep_value(sw, p, 0, buf));
        assert_true(g >= 0.1 && g <= 0.5);
    }
    /* The trust.gain strata of width 0.02 hold one point each. */
    int seen[20] = {0};
    for (size_t p = 0; p < 20; p++)
        seen[(int)((sw->matrix[p * 2] - 0.1) / 0.4 * 20)]++;
    for (int s = 0; s < 20; s++)
        assert_int_equal(seen[s], 1);
    samen_sweep_free(sw);
}

/* design = points: the rows of a CSV file (design.csv's layout), each
 * value inside its key's range, whole keys rounded; the file written back
 * in sweep.ini, which loads to the same points. */
static void test_points_sweep(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    write_file("p.csv", "point,trust.gain,simulation.steps\n0,0.25,12.4\n1,0.5,19.6\n"
                        "2,0.1,10\n");
    static const char text[] = "[sweep]\nscenario = base.ini\ndesign = points\n"
                               "points = p.csv\nreplicates = 2\n[vary]\n"
                               "trust.gain = 0.1..0.5\nsimulation.steps = 10..20\n";
    assert_int_equal(load(text, &sw, &err), SAMEN_OK);
    assert_int_equal(sw->design, SAMEN_DESIGN_POINTS);
    assert_int_equal(sw->n_points, 3);
    assert_int_equal(sw->n_runs, 6);
    char buf[SAMEN_VALUE_MAX];
    assert_string_equal(samen_sweep_value(sw, 0, 0, buf), "0.25");
    assert_string_equal(samen_sweep_value(sw, 0, 1, buf), "12");
    assert_string_equal(samen_sweep_value(sw, 1, 1, buf), "20");
    assert_string_equal(samen_sweep_value(sw, 2, 0, buf), "0.10000000000000001");
    /* sweep.ini names the file resolved and loads, trusted, to the same */
    char *resolved = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&resolved, &len);
    assert_int_equal(samen_sweep_write_resolved(sw, mem, &err), 0);
    assert_int_equal(fclose(mem), 0);
    assert_non_null(strstr(resolved, "design = points\n"));
    assert_non_null(strstr(resolved, "/p.csv\n"));
    write_file("sweep.ini", resolved);
    free(resolved);
    char path[512];
    snprintf(path, sizeof path, "%s/sweep.ini", tmpdir);
    samen_sweep *again;
    assert_int_equal(samen_sweep_load(&again, path, SAMEN_SWEEP_TRUSTED, &err), SAMEN_OK);
    assert_int_equal(again->n_points, 3);
    assert_memory_equal(again->matrix, sw->matrix, 6 * sizeof(double));
    samen_sweep_free(again);
    samen_sweep_free(sw);

    /* a value outside its key's range: the points file's line and key */
    write_file("p.csv", "point,trust.gain,simulation.steps\n0,0.25,12\n1,0.6,19\n");
    assert_int_equal(load(text, &sw, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.file, "p.csv"));
    assert_int_equal(err.line, 3);
    assert_string_equal(err.key, "trust.gain");
    /* columns out of [vary]'s order; points not numbered in order */
    write_file("p.csv", "point,simulation.steps,trust.gain\n0,12,0.25\n");
    assert_int_equal(load(text, &sw, &err), SAMEN_EINPUT);
    assert_int_equal(err.line, 1);
    assert_string_equal(err.key, "simulation.steps");
    write_file("p.csv", "point,trust.gain,simulation.steps\n0,0.25,12\n2,0.3,12\n");
    assert_int_equal(load(text, &sw, &err), SAMEN_EINPUT);
    assert_int_equal(err.line, 3);
    assert_string_equal(err.key, "point");
    /* the sweep file: points missing, or given to another design */
    refused("[sweep]\nscenario = base.ini\ndesign = points\n[vary]\ntrust.gain = 0.1..0.5\n",
            3, "points");
    refused("[sweep]\nscenario = base.ini\ndesign = lhs\nsamples = 3\npoints = p.csv\n"
            "[vary]\ntrust.gain = 0.1..0.5\n", 5, "points");
}

static void test_errors(void **state)
{
    (void)state;
    refused("[sweep]\nscenario = base.ini\nreplicate = 2\n", 3, "replicate");
    refused("[sweep]\nscenario = base.ini\nreplicates = 0\n", 3, "replicates");
    refused("[sweep]\nscenario = base.ini\nreplicates = 2.5\n", 3, "replicates");
    refused("[sweep]\nscenario = base.ini\ndesign = random\n", 3, "design");
    refused("[sweep]\nscenario = base.ini\nseed = 0\n", 3, "seed");
    refused("[sweep]\nscenario = base.ini\nseeds = shared\n", 3, "seeds");
    refused("[sweep]\nscenario = base.ini\nsamples = 10\n", 3, "samples");
    refused("[sweep]\nscenario = base.ini\ndesign = lhs\n[vary]\ntrust.gain = 0..1\n", 3,
            "samples");
    refused("[sweep]\nscenario = base.ini\ndesign = lhs\nsamples = 5\n[vary]\n"
            "trust.gain = 0.1, 0.2\n", 6, "trust.gain");
    refused("[sweep]\nscenario = base.ini\ndesign = sobol\nsamples = 5\n[vary]\n"
            "trust.gain = 0.5..0.1\n", 6, "trust.gain");
    refused("[sweep]\nscenario = base.ini\n\n[vary]\ntrust.gian = 0.1\n", 5, "trust.gian");
    refused("[sweep]\nscenario = base.ini\n[vary]\nsimulation.seed = 1, 2\n", 4,
            "simulation.seed");
    refused("[sweep]\nscenario = base.ini\n[vary]\ntrust.gain = 0.1:0.9\n", 4, "trust.gain");
    refused("[sweep]\nscenario = base.ini\n[vary]\ntrust.gain = 0.9:0.1:0.1\n", 4,
            "trust.gain");
    refused("[sweep]\nscenario = base.ini\n[vary]\nnetwork.net1.concreteness = 0.5, 1.5\n",
            4, "network.net1.concreteness");
    refused("[sweep]\nscenario = base.ini\n[vary]\nnetwork.net1.concreteness = 0.6:1.2:0.2\n",
            4, "network.net1.concreteness");
    refused("[sweep]\nscenario = base.ini\n[vary]\nnetwork.nope.concreteness = 0.5\n", 4,
            "network.nope.concreteness");
    refused("[sweep]\nscenario = base.ini\n[vary]\nsimulation.steps = 10:20:2.5\n", 4,
            "simulation.steps");
    refused("[sweep]\nscenario = base.ini\n[vary]\ntrust.gain = 0.1, , 0.2\n", 4,
            "trust.gain");
    refused("[sweep]\nscenario = base.ini\n[vary]\ntrust.gain = 0.1\ntrust.gain = 0.2\n", 5,
            "trust.gain");
    refused("[sweep]\nscenario = base.ini\n[output]\ndetail = orgs\n", 3, NULL);
    refused("[sweep]\nscenario = base.ini\ndetail = everything\n", 3, "detail");
    refused("[sweep]\nscenario = base.ini\ndetail = orgs\n[vary]\noutput.detail = persons\n",
            5, "output.detail");
    /* Refused at once, not after checking a billion values (the alarm
     * ends the test program if it hangs). */
    alarm(20);
    refused("[sweep]\nscenario = base.ini\n[vary]\ntrust.gain = 0:1:1e-9\n", 4,
            "trust.gain");
    alarm(0);
    refused("[sweep]\nscenario = base.ini\n  replicates = 2\n", 3, NULL);
    refused("[sweep]\nscenario = base.ini\nseed = 3\n  [vary]\ntrust.gain = 0.1\n", 4, NULL);
    refused("[vary]\ntrust.gain = 0.1\n", 0, NULL);
    refused("[sweep]\nreplicates = 2\n", 1, "scenario");
    refused("[sweep]\nscenario = base.ini\nthis line has no equals sign\n", 3, NULL);
    refused("[sweep]\nscenario = base.ini\nseed: 3\n", 3, NULL);
    /* A line past SAMEN_INI_MAX_LINE is refused, not cut to a value. */
    const char *head = "[sweep]\nscenario = base.ini\n[vary]\ntrust.gain = 0.1";
    size_t nh = strlen(head), n = nh + SAMEN_INI_MAX_LINE;
    char *longline = malloc(n + 2);
    assert_non_null(longline);
    memcpy(longline, head, nh);
    memset(longline + nh, '0', n - nh);
    memcpy(longline + n, "\n", 2);
    refused(longline, 4, NULL);
    free(longline);
}

/* A line of 199 characters before "\r\n" (once inih's limit) is whole,
 * and a NUL byte is not text, not a long line. */
static void test_line_limits(void **state)
{
    (void)state;
    char text[400], line[200];
    int n = snprintf(line, sizeof line, "trust.gain = 0.1 ;");
    memset(line + n, 'x', 199 - (size_t)n);
    line[199] = '\0';
    snprintf(text, sizeof text, "[sweep]\r\nscenario = base.ini\r\n[vary]\r\n%s\r\n", line);
    samen_sweep *sw;
    samen_error err;
    int rc = load(text, &sw, &err);
    if (rc)
        samen_error_print(&err, stderr);
    assert_int_equal(rc, SAMEN_OK);
    samen_sweep_free(sw);

    char path[512];
    snprintf(path, sizeof path, "%s/s.ini", tmpdir);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    static const char nul[] = "[sweep]\nscenario = base.ini\nseed = 1\0\n";
    assert_int_equal(fwrite(nul, 1, sizeof nul - 1, fp), sizeof nul - 1);
    assert_int_equal(fclose(fp), 0);
    samen_error_clear(&err);
    sw = NULL;
    assert_int_equal(samen_sweep_load(&sw, path, 0, &err), SAMEN_EINPUT);
    assert_null(sw);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.msg, "NUL"));
}

static void test_continuation_and_quotes(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    int rc = load("[sweep]\nscenario = base.ini\n[vary]\n"
                  "trust.gain = 0.1, 0.2,\n    0.3\n  0.4 ; a comment = one\n"
                  "    ; an indented comment = a comment\n"
                  "network.net1.issue = \"a:0.4, b:0.6\", \"a:1\"\n", &sw, &err);
    if (rc)
        samen_error_print(&err, stderr);
    assert_int_equal(rc, SAMEN_OK);
    assert_int_equal(sw->keys[0].n_values, 4);
    assert_int_equal(sw->keys[1].n_values, 2);
    char buf[SAMEN_VALUE_MAX];
    assert_string_equal(samen_sweep_value(sw, 7, 0, buf), "0.4");
    assert_string_equal(samen_sweep_value(sw, 0, 1, buf), "a:0.4, b:0.6");
    samen_sweep_free(sw);
}

/* A rule between two keys is found before any run starts. */
static void test_check_points(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\n[vary]\n"
                          "form.adhoc_at = 0.1, 0.2\nform.network_at = 0.5, 0.15\n",
                          &sw, &err), SAMEN_OK);
    assert_int_equal(samen_sweep_check_points(sw, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "point 3"));
    assert_non_null(strstr(err.msg, "form.adhoc_at=0.2"));
    /* The line of the varied key the rule names. */
    assert_non_null(strstr(err.file, "s.ini"));
    assert_string_equal(err.key, "form.network_at");
    assert_int_equal(err.line, 5);
    samen_sweep_free(sw);
    /* A rule about an input file: that file and its line. */
    assert_int_equal(load("[sweep]\nscenario = base.ini\n[vary]\n"
                          "simulation.themes = a\n", &sw, &err), SAMEN_OK);
    assert_int_equal(samen_sweep_check_points(sw, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.file, "orgs.csv"));
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.msg, "point 0 (simulation.themes=a)"));
    samen_sweep_free(sw);
}

/* A grid over keys in no rule between keys is checked value by value, not
 * point by point (its speed is for a benchmark, not a timed test), and a
 * bad value far down a grid is still found, with its line. A varied key in such a rule still has every point
 * loaded, and a later point that breaks it is refused with its line. */
static void test_check_points_large_grid(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\n[vary]\n"
                          "trust.gain = 0:1:0.00001\n", &sw, &err), SAMEN_OK);
    assert_int_equal(sw->n_points, 100001);
    assert_int_equal(samen_sweep_check_points(sw, &err), SAMEN_OK);
    samen_sweep_free(sw);

    /* trust.exit_loss is a share: 1.00001, the last of 100,002 values, is
     * out of range and refused with its line */
    refused("[sweep]\nscenario = base.ini\n[vary]\n"
            "trust.exit_loss = 0:1.00001:0.00001\n", 4, "trust.exit_loss");

    assert_int_equal(load("[sweep]\nscenario = base.ini\n[vary]\n"
                          "form.network_at = 0.5, 0.01\ntrust.gain = 0:1:0.001\n",
                          &sw, &err), SAMEN_OK);
    assert_int_equal(sw->n_points, 2002);
    assert_int_equal(samen_sweep_check_points(sw, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "point 1001 "));
    assert_non_null(strstr(err.file, "s.ini"));
    assert_string_equal(err.key, "form.network_at");
    assert_int_equal(err.line, 4);
    samen_sweep_free(sw);
}

/* sweep.ini loads back, trusted or not, to the same sweep. */
static void test_resolved_roundtrip(void **state)
{
    (void)state;
    samen_sweep *sw, *back, *again;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\ndesign = lhs\nsamples = 7\n"
                          "replicates = 2\nseed = 77\ndetail = orgs\n[vary]\n"
                          "trust.gain = 0.1..0.5\nsimulation.steps = 10..40\n", &sw, &err),
                     SAMEN_OK);
    char path[512];
    snprintf(path, sizeof path, "%s/resolved.ini", tmpdir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    assert_int_equal(samen_sweep_write_resolved(sw, fp, &err), 0);
    assert_int_equal(fclose(fp), 0);
    assert_int_equal(samen_sweep_load(&back, path, SAMEN_SWEEP_TRUSTED, &err), SAMEN_OK);
    assert_int_equal(samen_sweep_load(&again, path, 0, &err), SAMEN_OK);
    assert_int_equal(back->n_runs, sw->n_runs);
    assert_string_equal(back->digest, sw->digest);
    char b1[SAMEN_VALUE_MAX], b2[SAMEN_VALUE_MAX], b3[SAMEN_VALUE_MAX];
    for (size_t p = 0; p < sw->n_points; p++)
        for (int k = 0; k < 2; k++) {
            assert_string_equal(samen_sweep_value(sw, p, k, b1),
                                samen_sweep_value(back, p, k, b2));
            assert_string_equal(samen_sweep_value(sw, p, k, b1),
                                samen_sweep_value(again, p, k, b3));
        }
    for (size_t r = 0; r < sw->n_runs; r++)
        assert_int_equal(samen_sweep_seed_of(sw, r), samen_sweep_seed_of(back, r));
    samen_sweep_free(back);
    samen_sweep_free(again);

    /* A changed scenario no longer matches the digest in sweep.ini. */
    write_file("base.ini", "[simulation]\nsteps = 31\nthemes = a, b\n"
               "[organisations]\nfile = orgs.csv\n[network net1]\ninitiator = o1\n"
               "issue = a:0.5, b:0.5\nconcreteness = 0.5\neffort = 3\n");
    assert_int_equal(samen_sweep_load(&again, path, 0, &err), SAMEN_EINPUT);
    assert_string_equal(err.key, "scenario_digest");
    write_file("base.ini", scenario);
    samen_sweep_free(sw);
}

/* ---- the part files: log lines, writers, the index, collect ---- */

static void test_log_line(void **state)
{
    (void)state;
    samen_log_entry e = {.run = 12, .status = SAMEN_RUN_DONE,
                         .parts = 1u << SAMEN_OUT_NETWORK | 1u << SAMEN_PART_SUMMARY};
    e.range[SAMEN_OUT_NETWORK] = (samen_range){.off = 300, .len = 4000, .crc = 0xdeadbeef};
    e.range[SAMEN_PART_SUMMARY] = (samen_range){.off = 90, .len = 45, .crc = 7};
    char line[512];
    size_t n = samen_log_format(line, sizeof line, &e);
    assert_true(n > 0 && line[n - 1] == '\n');
    /* The text names the run, its status and each range; its own CRC last. */
    assert_int_equal(strncmp(line, "12 done network=300+4000/deadbeef summary=90+45/00000007 "
                             "crc=", 60), 0);
    samen_log_entry back;
    assert_int_equal(samen_log_parse(line, n - 1, &back), 0);
    assert_int_equal(back.run, 12);
    assert_int_equal(back.status, SAMEN_RUN_DONE);
    assert_int_equal(back.parts, e.parts);
    assert_int_equal(back.range[SAMEN_OUT_NETWORK].off, 300);
    assert_int_equal(back.range[SAMEN_OUT_NETWORK].len, 4000);
    assert_int_equal(back.range[SAMEN_OUT_NETWORK].crc, 0xdeadbeef);
    /* A line cut anywhere, or with any byte changed, says nothing. */
    for (size_t cut = 0; cut < n - 1; cut++)
        assert_int_equal(samen_log_parse(line, cut, &back), -1);
    for (size_t i = 0; i < n - 1; i++) {
        char bad[512];
        memcpy(bad, line, n);
        bad[i] ^= 0x04;
        assert_int_equal(samen_log_parse(bad, n - 1, &back), -1);
    }
    /* A failed run keeps its reason on one line. */
    samen_log_entry f = {.run = 3, .status = SAMEN_RUN_FAILED, .reason = "no\nway",
                         .reason_len = 6};
    n = samen_log_format(line, sizeof line, &f);
    assert_int_equal(strncmp(line, "3 failed reason=no way crc=", 27), 0);
    assert_int_equal(samen_log_parse(line, n - 1, &back), 0);
    assert_int_equal(back.status, SAMEN_RUN_FAILED);
    assert_int_equal(back.reason_len, 6);
    assert_memory_equal(back.reason, "no way", 6);
    /* Too small a buffer: no line at all. */
    assert_int_equal(samen_log_format(line, 20, &e), 0);
}

static void add_log_text(const char *out, const char *w, const char *text)
{
    char path[700];
    samen_part_path(path, sizeof path, out, w, -1);
    FILE *fp = fopen(path, "ab");
    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
}

static void add_failed(const char *out, const char *w, size_t run, const char *why)
{
    samen_log_entry f = {.run = run, .status = SAMEN_RUN_FAILED, .reason = why,
                         .reason_len = strlen(why)};
    char line[512];
    assert_true(samen_log_format(line, sizeof line, &f) > 0);
    add_log_text(out, w, line);
}

/* Six network rows of a run (without the run number), the parts of a run
 * made of them, and the rows with the leading columns a collect adds. */
#define ZEROS "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0"
static const char *const nrow[] = {
    "0,alpha,adhoc,recruiting,adhoc,2,0," ZEROS ",0",
    "1,alpha,adhoc,formulating,adhoc,3,0," ZEROS ",0",
    "1,beta,network,recruiting,overleg,2,0," ZEROS ",0",
    "2,alpha,adhoc,completed,adhoc,3,0," ZEROS ",1",
    "2,beta,network,formulating,overleg,4,0," ZEROS ",0",
    "3,beta,network,executing,network,4,0," ZEROS ",2",
};

static char net_part[1024];

static const char *net_rows[] = {
    [SAMEN_OUT_NETWORK] = net_part,
    [SAMEN_OUT_EVENTS] = "R,1,alpha,,,goal-agreed,,0.8\nR,2,alpha,,,completed,goal-reached,1\n",
    [SAMEN_OUT_TIES] = "R,3,beta,o1,o2,0.5,1\n",
    [SAMEN_PART_SUMMARY] = "R,alpha,adhoc,completed,adhoc,3,1,1,2,goal-reached,0,\n"
                           "R,beta,network,executing,network,4,,2,,,0,\n",
};

/* Appends "LEAD" + row i + "\n" for each i of which[] (ending with -1). */
static void rows_of(char *buf, size_t n, const char *lead, const int *which)
{
    for (; *which >= 0; which++)
        snprintf(buf + strlen(buf), n - strlen(buf), "%s%s\n", lead, nrow[*which]);
}

static void test_manifest_summary_collect(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\nreplicates = 2\nseed = 5\n"
                          "[vary]\ntrust.gain = 0.25, 1e-3\n", &sw, &err), SAMEN_OK);
    char out[512];
    snprintf(out, sizeof out, "%s/o", tmpdir);
    assert_int_equal(mkdir(out, 0777), 0);
    assert_int_equal(samen_sweep_claim(sw, out, &err), SAMEN_OK);
    assert_int_equal(samen_sweep_claim(sw, out, &err), SAMEN_OK); /* the same sweep */
    static const int all[] = {0, 1, 2, 3, 4, 5, -1};
    net_part[0] = '\0';
    rows_of(net_part, sizeof net_part, "R,", all);

    /* Writer b ran run 3, then 0; writer a failed run 2 and ran run 0 too
     * (an overlapping resume): the same bytes, taken once. Writer a was
     * cut off in the middle of run 1: bytes and a log line without end. */
    add_run(out, "b", 3, net_rows, 1);
    add_run(out, "b", 0, net_rows, 1);
    add_failed(out, "a", 2, "samen: out of disk");
    add_run(out, "a", 0, net_rows, 1);
    add_run(out, "a", 1, net_rows, 0);
    add_log_text(out, "a", "1 done network=1+2/0000");

    size_t counts[3];
    assert_int_equal(samen_sweep_rebuild(sw, out, counts, &err), SAMEN_OK);
    assert_int_equal(counts[SAMEN_RUN_DONE], 2);
    assert_int_equal(counts[SAMEN_RUN_FAILED], 1);
    assert_int_equal(counts[SAMEN_RUN_PENDING], 1);
    char path[700];
    char expect[4096];
    uint32_t s[4];
    assert_int_equal(samen_sweep_seeds(5, 4, s), 0);
    snprintf(expect, sizeof expect,
             "run,point,replicate,seed,status,trust.gain\n"
             "0,0,0,%u,done,0.25\n1,0,1,%u,pending,0.25\n"
             "2,1,0,%u,failed,0.001\n3,1,1,%u,done,0.001\n", s[0], s[1], s[2], s[3]);
    snprintf(path, sizeof path, "%s/manifest.csv", out);
    assert_string_equal(read_file(path), expect);

    snprintf(expect, sizeof expect,
             "run,point,replicate,seed,trust.gain,network,type,final_phase,final_form,"
             "members,agreed_step,dropouts,end_step,end_reason,start_step,founder\n"
             "0,0,0,%u,0.25,alpha,adhoc,completed,adhoc,3,1,1,2,goal-reached,0,\n"
             "0,0,0,%u,0.25,beta,network,executing,network,4,,2,,,0,\n"
             "3,1,1,%u,0.001,alpha,adhoc,completed,adhoc,3,1,1,2,goal-reached,0,\n"
             "3,1,1,%u,0.001,beta,network,executing,network,4,,2,,,0,\n",
             s[0], s[0], s[3], s[3]);
    snprintf(path, sizeof path, "%s/summary.csv", out);
    assert_string_equal(read_file(path), expect);

    samen_sweep_index idx;
    assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_OK);
    assert_string_equal(idx.reason[2], "samen: out of disk");
    assert_int_equal(idx.n_writers, 2);
    assert_string_equal(idx.writers[idx.writer[0]], "a"); /* sorted: a before b */
    size_t merged;
    const char *head = "run,point,replicate,trust.gain,step,network,type,phase,form,members,"
                       "necessary_present,trust,consensus,progress,d_interests,d_factual,"
                       "d_formal,d_resources,d_commitment,d_identification,c_po,c_pn,link,"
                       "person_dependency,decisions_open,decisions_resolved,overreach,"
                       "dropouts\n";
    assert_int_equal(samen_sweep_collect(sw, out, &idx, SAMEN_COLLECT_LAST, 0, &merged, &err),
                     SAMEN_OK);
    assert_int_equal(merged, 2);
    /* Each network's last row: at its end (alpha), or the run's last step. */
    static const int last[] = {3, 5, -1}, every2[] = {0, 3, 4, -1};
    snprintf(expect, sizeof expect, "%s", head);
    rows_of(expect, sizeof expect, "0,0,0,0.25,", last);
    rows_of(expect, sizeof expect, "3,1,1,0.001,", last);
    snprintf(path, sizeof path, "%s/network-last.csv", out);
    assert_string_equal(read_file(path), expect);
    assert_int_equal(samen_sweep_collect(sw, out, &idx, SAMEN_COLLECT_EVERY, 2, &merged, &err),
                     SAMEN_OK);
    snprintf(path, sizeof path, "%s/network-every-2.csv", out);
    snprintf(expect, sizeof expect, "%s", head);
    rows_of(expect, sizeof expect, "0,0,0,0.25,", every2);
    rows_of(expect, sizeof expect, "3,1,1,0.001,", every2);
    assert_string_equal(read_file(path), expect);
    snprintf(path, sizeof path, "%s/network.csv", out);
    assert_int_not_equal(access(path, F_OK), 0); /* --last and --every keep to their own */
    assert_int_equal(samen_sweep_collect(sw, out, &idx, SAMEN_COLLECT_ALL, 0, &merged, &err),
                     SAMEN_OK);
    snprintf(path, sizeof path, "%s/events.csv", out);
    assert_string_equal(read_file(path),
                        "run,point,replicate,trust.gain,step,network,org,person,event,reason,"
                        "value\n0,0,0,0.25,1,alpha,,,goal-agreed,,0.8\n"
                        "0,0,0,0.25,2,alpha,,,completed,goal-reached,1\n"
                        "3,1,1,0.001,1,alpha,,,goal-agreed,,0.8\n"
                        "3,1,1,0.001,2,alpha,,,completed,goal-reached,1\n");
    snprintf(path, sizeof path, "%s/ties.csv", out);
    assert_string_equal(read_file(path),
                        "run,point,replicate,trust.gain,step,network,org_a,org_b,trust,since\n"
                        "0,0,0,0.25,3,beta,o1,o2,0.5,1\n3,1,1,0.001,3,beta,o1,o2,0.5,1\n");
    samen_sweep_index_free(&idx);

    /* A byte of run 3's rows lost on disk: the run is pending again. */
    samen_part_path(path, sizeof path, out, "b", SAMEN_OUT_EVENTS);
    FILE *fp = fopen(path, "r+b");
    assert_non_null(fp);
    /* run 3's rows come first, after the header */
    fseek(fp, (long)strlen("run,step,network,org,person,event,reason,value\n") + 2, SEEK_SET);
    fputc('9', fp);
    assert_int_equal(fclose(fp), 0);
    assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_OK);
    assert_int_equal(idx.status[3], SAMEN_RUN_PENDING);
    assert_int_equal(idx.corrupt[3], 1);
    assert_int_equal(idx.status[0], SAMEN_RUN_DONE); /* writer a's copy is whole */
    samen_sweep_index_free(&idx);

    /* Another sweep is refused in the same folder, naming the line. */
    samen_sweep *other;
    assert_int_equal(load("[sweep]\nscenario = base.ini\nreplicates = 3\nseed = 5\n"
                          "[vary]\ntrust.gain = 0.25, 1e-3\n", &other, &err), SAMEN_OK);
    assert_int_equal(samen_sweep_claim(other, out, &err), SAMEN_EINPUT);
    assert_int_equal(err.line, 5); /* replicates = 2 */
    samen_sweep_free(other);
    samen_sweep_free(sw);
}

/* A folder holding one run's outputs is refused, and nothing is added. */
static void test_claim_refuses_run_folder(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\n", &sw, &err), SAMEN_OK);
    char out[512], path[1024];
    snprintf(out, sizeof out, "%s/a-run", tmpdir);
    assert_int_equal(mkdir(out, 0777), 0);
    write_file("a-run/run.ini", "[simulation]\n");
    assert_int_equal(samen_sweep_claim(sw, out, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "run.ini"));
    struct stat st;
    snprintf(path, sizeof path, "%s/parts", out);
    assert_int_not_equal(stat(path, &st), 0);
    snprintf(path, sizeof path, "%s/sweep.ini", out);
    assert_int_not_equal(stat(path, &st), 0);
    samen_sweep_free(sw);
}

/* Without --resume a run already logged is refused; with it, the shard's
 * runs not done are run, in order; a failed one again. */
static void test_prepare(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\nreplicates = 6\n", &sw, &err),
                     SAMEN_OK);
    char out[512];
    snprintf(out, sizeof out, "%s/p", tmpdir);
    assert_int_equal(mkdir(out, 0777), 0);
    assert_int_equal(samen_sweep_claim(sw, out, &err), SAMEN_OK);
    static const int all[] = {0, 1, 2, 3, 4, 5, -1};
    net_part[0] = '\0';
    rows_of(net_part, sizeof net_part, "R,", all);
    add_run(out, "w", 4, net_rows, 1);
    add_failed(out, "w", 2, "broken");
    add_run(out, "w", 5, net_rows, 1);

    samen_sweep_job job = {.sw = sw, .out = out, .shard_i = 0, .shard_n = 2};
    size_t todo, total;
    assert_int_equal(samen_sweep_prepare(&job, &todo, &total, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "run 2 of this sweep was already run here"));
    job.resume = 1;
    assert_int_equal(samen_sweep_prepare(&job, &todo, &total, &err), SAMEN_OK);
    assert_int_equal(total, 3);
    assert_int_equal(todo, 2);
    /* Shard 0/2 skips run 4, done, and runs the failed run 2 again. */
    assert_int_equal(samen_sweep_next(&job), 0);
    assert_int_equal(samen_sweep_next(&job), 2);
    assert_int_equal(samen_sweep_next(&job), -1);
    assert_int_equal(samen_sweep_job_end(&job, &err), SAMEN_OK);
    samen_sweep_free(sw);
}

static void count_failure(void *user, size_t run, const char *reason)
{
    (void)run;
    (void)reason;
    (*(int *)user)++;
}

/* The rows of one run of a sweep folder as one string (owned). */
static char *run_rows(const samen_sweep *sw, const char *out, size_t run, int part)
{
    samen_sweep_index idx;
    samen_error err;
    assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_OK);
    assert_int_equal(idx.status[run], SAMEN_RUN_DONE);
    const samen_range *r = &idx.range[run * (size_t)idx.n_slots + (size_t)idx.slot[part]];
    char path[700];
    samen_part_path(path, sizeof path, out, idx.writers[idx.writer[run]], part);
    char *text = calloc(1, (size_t)r->len + 1);
    assert_non_null(text);
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    fseek(fp, (long)r->off, SEEK_SET);
    assert_int_equal(fread(text, 1, (size_t)r->len, fp), r->len);
    fclose(fp);
    samen_sweep_index_free(&idx);
    return text;
}

/* The pool runs every run of its shard in its workers, each writing its
 * own parts; a resumed pool finds nothing left to do. */
static void test_pool(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\nreplicates = 3\n[vary]\n"
                          "trust.gain = 0.1, 0.4\n", &sw, &err), SAMEN_OK);
    char out[512];
    snprintf(out, sizeof out, "%s/pool", tmpdir);
    assert_int_equal(mkdir(out, 0777), 0);
    assert_int_equal(samen_sweep_claim(sw, out, &err), SAMEN_OK);
    int failures = 0;
    samen_sweep_job job = {.sw = sw, .out = out, .shard_i = 1, .shard_n = 2,
                           .on_failure = count_failure, .user = &failures};
    size_t todo, total;
    assert_int_equal(samen_sweep_prepare(&job, &todo, &total, &err), SAMEN_OK);
    assert_int_equal(todo, 3);
    samen_pool_result res;
    assert_int_equal(samen_sweep_pool(&job, 2, NULL, &res, &err), SAMEN_OK);
    assert_int_equal(res.done, 3);
    assert_int_equal(res.failed, 0);
    assert_int_equal(res.interrupted, 0);
    assert_int_equal(failures, 0);
    assert_int_equal(samen_sweep_job_end(&job, &err), SAMEN_OK);

    size_t counts[3];
    assert_int_equal(samen_sweep_rebuild(sw, out, counts, &err), SAMEN_OK);
    assert_int_equal(counts[SAMEN_RUN_DONE], 3);
    assert_int_equal(counts[SAMEN_RUN_PENDING], 3);
    /* Every row of run 3 carries its run number first. */
    char *rows = run_rows(sw, out, 3, SAMEN_OUT_NETWORK);
    assert_int_equal(strncmp(rows, "3,0,net1,", 9), 0);
    assert_null(strstr(rows, "\n4,"));
    free(rows);
    job.resume = 1;
    assert_int_equal(samen_sweep_prepare(&job, &todo, &total, &err), SAMEN_OK);
    assert_int_equal(todo, 0);
    assert_int_equal(samen_sweep_pool(&job, 2, NULL, &res, &err), SAMEN_OK);
    assert_int_equal(res.done + res.failed, 0);
    assert_int_equal(samen_sweep_job_end(&job, &err), SAMEN_OK);
    samen_sweep_free(sw);
}

/* One writer runs run after run: each run frees all it allocates (under
 * ASan the leak check at exit fails otherwise) and writes the same bytes
 * as the pool's workers did; a run that cannot load is logged failed and
 * leaves nothing in the part files. */
static void test_writer(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\nreplicates = 3\n[vary]\n"
                          "trust.gain = 0.1, 0.4\n", &sw, &err), SAMEN_OK);
    char out[512], pool[512];
    snprintf(out, sizeof out, "%s/inproc", tmpdir);
    snprintf(pool, sizeof pool, "%s/pool", tmpdir);
    assert_int_equal(mkdir(out, 0777), 0);
    assert_int_equal(samen_sweep_claim(sw, out, &err), SAMEN_OK);
    samen_part_writer *w = samen_part_writer_new(sw, out, &err);
    assert_non_null(w);
    int logged;
    for (size_t run = 0; run < sw->n_runs; run++) {
        samen_error_clear(&err);
        assert_int_equal(samen_part_writer_run(w, run, &logged, &err), SAMEN_OK);
        assert_int_equal(logged, 1);
    }
    assert_int_equal(samen_part_writer_free(w, &err), SAMEN_OK);
    char *a = run_rows(sw, out, 3, SAMEN_OUT_NETWORK);
    char *b = run_rows(sw, pool, 3, SAMEN_OUT_NETWORK);
    assert_string_equal(a, b);
    free(a);
    free(b);
    samen_sweep_free(sw);

    /* A point that fails to load: logged failed, the parts unchanged. */
    assert_int_equal(load("[sweep]\nscenario = base.ini\n[vary]\n"
                          "form.adhoc_at = 0.2, 0.9\n", &sw, &err), SAMEN_OK);
    snprintf(out, sizeof out, "%s/failing", tmpdir);
    assert_int_equal(mkdir(out, 0777), 0);
    assert_int_equal(samen_sweep_claim(sw, out, &err), SAMEN_OK);
    w = samen_part_writer_new(sw, out, &err);
    assert_int_equal(samen_part_writer_run(w, 0, &logged, &err), SAMEN_OK);
    samen_error_clear(&err);
    assert_int_equal(samen_part_writer_run(w, 1, &logged, &err), SAMEN_EINPUT);
    assert_int_equal(logged, 1);
    assert_int_equal(samen_part_writer_free(w, &err), SAMEN_OK);
    samen_sweep_index idx;
    assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_OK);
    assert_int_equal(idx.status[0], SAMEN_RUN_DONE);
    assert_int_equal(idx.status[1], SAMEN_RUN_FAILED);
    assert_non_null(strstr(idx.reason[1], "adhoc_at"));
    /* The network part ends where run 0's rows end. */
    const samen_range *r = &idx.range[(size_t)idx.slot[SAMEN_OUT_NETWORK]];
    char path[700];
    samen_part_path(path, sizeof path, out, idx.writers[0], SAMEN_OUT_NETWORK);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal((uint64_t)st.st_size, r->off + r->len);
    samen_sweep_index_free(&idx);
    samen_sweep_free(sw);
}

/* A part file cut short or gone after its log line: the index counts the
 * run as not done and leaves err untouched (no error is filled for a
 * status that is not one); a read of a range that became shorter since
 * the index was read fails with SAMEN_EIO naming the file and the run; a
 * part that cannot be read fails the index with the system's reason. */
static void test_index_cut_short(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\nreplicates = 2\n", &sw, &err),
                     SAMEN_OK);
    char out[512], path[700];
    snprintf(out, sizeof out, "%s/cut", tmpdir);
    assert_int_equal(mkdir(out, 0777), 0);
    assert_int_equal(samen_sweep_claim(sw, out, &err), SAMEN_OK);
    samen_part_writer *w = samen_part_writer_new(sw, out, &err);
    int logged;
    for (size_t run = 0; run < 2; run++)
        assert_int_equal(samen_part_writer_run(w, run, &logged, &err), SAMEN_OK);
    assert_int_equal(samen_part_writer_free(w, &err), SAMEN_OK);

    samen_sweep_index idx;
    assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_OK);
    assert_int_equal(idx.counts[SAMEN_RUN_DONE], 2);
    const samen_range *r1 = &idx.range[1 * (size_t)idx.n_slots + (size_t)idx.slot[SAMEN_OUT_NETWORK]];
    samen_part_path(path, sizeof path, out, idx.writers[0], SAMEN_OUT_NETWORK);
    /* Run 1's rows lose all but their first byte. */
    assert_int_equal(truncate(path, (off_t)r1->off + 1), 0);
    samen_error_clear(&err);
    assert_int_equal(samen_sweep_read_range(out, &idx, 1, SAMEN_OUT_NETWORK, NULL, NULL, &err),
                     SAMEN_EIO);
    assert_string_equal(err.file, path);
    assert_string_equal(err.msg, "run 1: the file is gone or became shorter since its log "
                                 "line was checked");
    samen_sweep_index_free(&idx);

    samen_error_clear(&err);
    assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_OK);
    assert_int_equal(idx.status[0], SAMEN_RUN_DONE);
    assert_int_equal(idx.status[1], SAMEN_RUN_PENDING);
    assert_int_equal(idx.corrupt[1], 1);
    assert_int_equal(err.code, SAMEN_OK);
    assert_string_equal(err.msg, "");
    samen_sweep_index_free(&idx);

    /* Gone: neither run is done, and still no error. */
    assert_int_equal(unlink(path), 0);
    assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_OK);
    assert_int_equal(idx.counts[SAMEN_RUN_DONE], 0);
    assert_int_equal(idx.corrupt[0] + idx.corrupt[1], 2);
    assert_string_equal(err.msg, "");
    samen_sweep_index_free(&idx);

    /* A folder in its place opens but cannot be read. */
    assert_int_equal(mkdir(path, 0777), 0);
    assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_EIO);
    assert_string_equal(err.file, path);
    assert_string_equal(err.msg, "cannot read file: Is a directory");
    assert_int_equal(rmdir(path), 0);
    samen_sweep_free(sw);
}

/* A worker whose writer cannot be made, or cannot create its files,
 * answers its run with the reason (not an exit status without one); the
 * pool stops the sweep with that reason, the run neither done nor failed
 * but pending for --resume. */
static void test_worker_unwritten(void **state)
{
    (void)state;
    samen_error made, err;
    char reason[SAMEN_REASON_MAX];
    samen_error_set(&made, SAMEN_EIO, "o/parts", 0, NULL, "out of memory");
    assert_int_equal(samen_sweep_work(NULL, &made, 3, reason), SAMEN_WORK_UNWRITTEN);
    assert_string_equal(reason, "o/parts: out of memory");

    samen_sweep *sw;
    assert_int_equal(load("[sweep]\nscenario = base.ini\nreplicates = 2\n", &sw, &err),
                     SAMEN_OK);
    char out[512], parts[600], away[600];
    snprintf(out, sizeof out, "%s/unwritten", tmpdir);
    assert_int_equal(mkdir(out, 0777), 0);
    assert_int_equal(samen_sweep_claim(sw, out, &err), SAMEN_OK);
    int failures = 0;
    samen_sweep_job job = {.sw = sw, .out = out, .shard_n = 1,
                           .on_failure = count_failure, .user = &failures};
    size_t todo, total;
    assert_int_equal(samen_sweep_prepare(&job, &todo, &total, &err), SAMEN_OK);
    /* parts/ becomes a file: the worker's log cannot be created. */
    snprintf(parts, sizeof parts, "%s/parts", out);
    snprintf(away, sizeof away, "%s/parts.away", out);
    assert_int_equal(rename(parts, away), 0);
    write_file("unwritten/parts", "");
    samen_pool_result res;
    samen_error_clear(&err);
    assert_int_equal(samen_sweep_pool(&job, 1, NULL, &res, &err), SAMEN_EIO);
    assert_int_equal(strncmp(err.msg, parts, strlen(parts)), 0);
    assert_non_null(strstr(err.msg, ".log: cannot write file: Not a directory; the sweep "
                                    "stopped: once the cause is gone"));
    assert_int_equal(res.done + res.failed, 0);
    assert_int_equal(failures, 0);
    assert_int_equal(samen_sweep_job_end(&job, &err), SAMEN_OK);
    assert_int_equal(unlink(parts), 0);
    assert_int_equal(rename(away, parts), 0);
    samen_sweep_free(sw);
}

/* [set], tables and every: resolved, written to sweep.ini and read back,
 * and their errors. */
static void test_set_tables_every(void **state)
{
    (void)state;
    samen_sweep *sw, *back;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\ntables = events, network\n"
                          "every = 5\n[set]\ntrust.gain = 0.3\nsimulation.steps = 20\n"
                          "[vary]\ngoal.speed = 0.1, 0.2\n", &sw, &err), SAMEN_OK);
    assert_int_equal(sw->tables, 1u << SAMEN_OUT_NETWORK | 1u << SAMEN_OUT_EVENTS);
    assert_int_equal(sw->every, 5);
    assert_int_equal(sw->n_set, 2);
    char **ov;
    int n = samen_sweep_overrides(sw, 1, &ov);
    assert_int_equal(n, 4);
    assert_string_equal(ov[0], "trust.gain=0.3");
    assert_string_equal(ov[1], "simulation.steps=20");
    assert_string_equal(ov[2], "goal.speed=0.2");
    samen_sweep_overrides_free(ov, n);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    assert_int_equal(samen_sweep_write_resolved(sw, mem, &err), 0);
    fclose(mem);
    assert_non_null(strstr(text, "tables = network, events\nevery = 5\n\n[set]\n"
                            "trust.gain = 0.3\nsimulation.steps = 20\n"));
    write_file("resolved.ini", text);
    free(text);
    char path[600];
    snprintf(path, sizeof path, "%s/resolved.ini", tmpdir);
    assert_int_equal(samen_sweep_load(&back, path, SAMEN_SWEEP_TRUSTED, &err), SAMEN_OK);
    assert_int_equal(back->tables, sw->tables);
    assert_int_equal(back->every, 5);
    assert_int_equal(back->n_set, 2);
    samen_sweep_free(back);
    samen_sweep_free(sw);
    /* The default: network, events and ties, with orgs where detail asks. */
    assert_int_equal(load("[sweep]\nscenario = base.ini\ndetail = orgs\n", &sw, &err),
                     SAMEN_OK);
    assert_int_equal(sw->tables, 1u << SAMEN_OUT_NETWORK | 1u << SAMEN_OUT_EVENTS
                                 | 1u << SAMEN_OUT_TIES | 1u << SAMEN_OUT_ORGS);
    assert_int_equal(sw->every, 1);
    samen_sweep_free(sw);

    refused("[sweep]\nscenario = base.ini\ntables = network, evnts\n", 3, "tables");
    refused("[sweep]\nscenario = base.ini\ntables = network, network\n", 3, "tables");
    refused("[sweep]\nscenario = base.ini\ntables = orgs\n", 3, "tables");
    refused("[sweep]\nscenario = base.ini\nevery = 0\n", 3, "every");
    refused("[sweep]\nscenario = base.ini\n[set]\ntrust.gian = 0.3\n", 4, "trust.gian");
    refused("[sweep]\nscenario = base.ini\n[set]\ntrust.gain = -1\n", 4, "trust.gain");
    refused("[sweep]\nscenario = base.ini\n[set]\nsimulation.seed = 2\n", 4,
            "simulation.seed");
    refused("[sweep]\nscenario = base.ini\n[set]\ntrust.gain = 0.2\n[vary]\n"
            "trust.gain = 0.1, 0.3\n", 4, "trust.gain");
    refused("[sweep]\nscenario = base.ini\ndetail = orgs\n[set]\noutput.detail = persons\n",
            5, "output.detail");

    /* An organisation's attribute, set or varied like any key. */
    assert_int_equal(load("[sweep]\nscenario = base.ini\n[set]\norg.o1.capacity = 3\n"
                          "[vary]\norg.o2.mandate = feedback, decision\n"
                          "org.o3.guard = 0.1, 0.9\n", &sw, &err), SAMEN_OK);
    assert_int_equal(sw->n_points, 4);
    n = samen_sweep_overrides(sw, 3, &ov);
    assert_string_equal(ov[0], "org.o1.capacity=3");
    assert_string_equal(ov[1], "org.o2.mandate=decision");
    assert_string_equal(ov[2], "org.o3.guard=0.9");
    samen_sweep_overrides_free(ov, n);
    assert_int_equal(samen_sweep_check_points(sw, &err), SAMEN_OK);
    samen_sweep_free(sw);
    refused("[sweep]\nscenario = base.ini\n[vary]\norg.o9.capacity = 1, 2\n", 4,
            "org.o9.capacity");
    refused("[sweep]\nscenario = base.ini\n[set]\norg.o1.capacity = 0\n", 4,
            "org.o1.capacity");
    /* A rule between an organisation's values: found before any run. */
    assert_int_equal(load("[sweep]\nscenario = base.ini\n[vary]\norg.o1.a = 0:1:0.5\n"
                          "[set]\norg.o1.b = 0\n", &sw, &err), SAMEN_OK);
    assert_int_equal(samen_sweep_check_points(sw, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "point 0 (org.o1.a=0)"));
    assert_non_null(strstr(err.msg, "every mission value of 'o1' is 0"));
    samen_sweep_free(sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_splitmix64_vectors),
        cmocka_unit_test(test_seeds_distinct),
        cmocka_unit_test(test_range),
        cmocka_unit_test(test_split),
        cmocka_unit_test(test_lhs_strata),
        cmocka_unit_test(test_sobol),
        cmocka_unit_test(test_grid_order),
        cmocka_unit_test(test_common_seeds_and_output),
        cmocka_unit_test(test_lhs_sweep),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_line_limits),
        cmocka_unit_test(test_continuation_and_quotes),
        cmocka_unit_test(test_check_points),
        cmocka_unit_test(test_check_points_large_grid),
        cmocka_unit_test(test_resolved_roundtrip),
        cmocka_unit_test(test_log_line),
        cmocka_unit_test(test_manifest_summary_collect),
        cmocka_unit_test(test_claim_refuses_run_folder),
        cmocka_unit_test(test_prepare),
        cmocka_unit_test(test_pool),
        cmocka_unit_test(test_writer),
        cmocka_unit_test(test_index_cut_short),
        cmocka_unit_test(test_worker_unwritten),
        cmocka_unit_test(test_set_tables_every),
        cmocka_unit_test(test_points_sweep),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
