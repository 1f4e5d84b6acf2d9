/* test_sweep.c: unit tests of the sweep module: SplitMix64 seeds, grid,
 * LHS and Sobol designs, the sweep file and its errors, sweep.ini,
 * manifest, summary and collect over run folders made by the test. */
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
#include "sweep/sweep.h"

/* ---- helpers ---- */

static char tmpdir[256];

static void write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
}

static char *read_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return buf;
}

static const char scenario[] =
    "[simulation]\nsteps = 30\nthemes = a, b\n"
    "[organisations]\nfile = orgs.csv\n"
    "[network net1]\ninitiator = o1\nissue = a:0.5, b:0.5\nconcreteness = 0.5\neffort = 3\n";

static const char orgs[] =
    "id,name,sector,capacity,mandate,latency,guard,patience,a,b\n"
    "o1,One,x,2,feedback,2,0.5,50,0.8,0.2\n"
    "o2,Two,x,2,decision,1,0.5,50,0.3,0.7\n"
    "o3,Three,y,1,feedback,3,0.4,40,0.5,0.5\n"
    "o4,Four,y,1.5,decision,1,0.3,60,0.6,0.4\n";

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/test_sweep.XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    write_file("base.ini", scenario);
    write_file("orgs.csv", orgs);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Loads a sweep file written with the given text; returns the status. */
static int load(const char *text, samen_sweep **sw, samen_error *err)
{
    char path[512];
    write_file("s.ini", text);
    snprintf(path, sizeof path, "%s/s.ini", tmpdir);
    samen_error_clear(err);
    return samen_sweep_load(sw, path, 0, err);
}

/* Asserts a sweep file is refused with exit status 2 at line, naming key. */
static void refused(const char *text, int line, const char *key)
{
    samen_sweep *sw = NULL;
    samen_error err;
    int rc = load(text, &sw, &err);
    if (rc != SAMEN_EINPUT || err.line != line)
        print_error("%s\n-> status %d, line %d: %s\n", text, rc, err.line, err.msg);
    assert_int_equal(rc, SAMEN_EINPUT);
    assert_null(sw);
    assert_non_null(strstr(err.file, "s.ini"));
    assert_int_equal(err.line, line);
    if (key)
        assert_string_equal(err.key, key);
    assert_true(strlen(err.msg) > 10);
}

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
    assert_true(samen_range_value(a, c, 3) == 10.0);
    assert_int_equal(samen_range_count(0, 1, 0.25), 5);
    assert_int_equal(samen_range_count(0.9, 0.1, -0.1), 9);
    assert_int_equal(samen_range_count(0, 1, 0), -1);
    assert_int_equal(samen_range_count(1, 0, 0.1), -1);
    assert_false(samen_parse_range("0.1:0.9", &a, &b, &c));
    assert_false(samen_parse_range("a:1:2", &a, &b, &c));
    assert_false(samen_parse_range("1:2:3:4", &a, &b, &c));
    assert_false(samen_parse_range("learning:0.4", &a, &b, &c));

    assert_true(samen_parse_minmax("0.1..0.5", &a, &b));
    assert_true(a == 0.1 && b == 0.5);
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
    assert_true(x[0] == 0.5 && x[1] == 2 && x[2] == 0 && x[4] == 150);
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
    char longline[400];
    snprintf(longline, sizeof longline, "[sweep]\nscenario = base.ini\n[vary]\n"
             "trust.gain = 0.1%0250d\n", 0);
    refused(longline, 4, NULL);
}

/* inih reads 199 characters of a line: a line of exactly 199 before
 * "\r\n" is whole, and a NUL byte is not text, not a long line. */
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

/* ---- manifest, summary, collect over hand-made run folders ---- */

static void make_run(const char *out, int run, const char *network_csv,
                     const char *events_csv)
{
    char dir[600], path[700];
    snprintf(dir, sizeof dir, "%s/runs/%06d", out, run);
    assert_int_equal(mkdir(dir, 0777), 0);
    snprintf(path, sizeof path, "runs/%06d/run.ini", run);
    char rel[800];
    snprintf(rel, sizeof rel, "o/%s", path);
    write_file(rel, "[simulation]\nsteps = 6\n[network alpha]\ntype = adhoc\n"
               "[network beta]\ntype = network\n[network gamma]\ntype = overleg\n"
               "[network delta]\ntype = adhoc\n");
    snprintf(rel, sizeof rel, "o/runs/%06d/network.csv", run);
    write_file(rel, network_csv);
    snprintf(rel, sizeof rel, "o/runs/%06d/events.csv", run);
    write_file(rel, events_csv);
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

    const char *net =
        "step,network,type,phase,form,members,dropouts\n"
        "0,alpha,adhoc,recruiting,adhoc,2,0\n"
        "1,alpha,adhoc,formulating,adhoc,3,0\n"
        "1,beta,network,recruiting,overleg,2,0\n"
        "2,alpha,adhoc,completed,adhoc,3,1\n"
        "2,beta,network,formulating,overleg,4,0\n"
        "3,beta,network,merged,network,4,2\n";
    const char *ev =
        "step,network,org,person,event,reason,value\n"
        "1,alpha,,,goal-agreed,,0.8\n"
        "2,alpha,,,phase,completed,\n"
        "2,alpha,,,completed,goal-reached,1\n"
        "3,beta,,,phase,merged,\n"
        "3,beta,,,merger,,0.9\n";
    make_run(out, 0, net, ev);
    make_run(out, 3, net, ev);
    char dir[600];
    snprintf(dir, sizeof dir, "%s/runs/000002", out);
    assert_int_equal(mkdir(dir, 0777), 0);
    write_file("o/runs/000002/failed", "samen: out of disk\n");

    size_t counts[3];
    assert_int_equal(samen_sweep_rebuild(sw, out, counts, &err), SAMEN_OK);
    assert_int_equal(counts[SAMEN_RUN_DONE], 2);
    assert_int_equal(counts[SAMEN_RUN_FAILED], 1);
    assert_int_equal(counts[SAMEN_RUN_PENDING], 1);
    char path[700];
    char expect[2048];
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
             "members,agreed_step,dropouts,end_step,end_reason\n"
             "0,0,0,%u,0.25,alpha,adhoc,completed,adhoc,3,1,1,2,goal-reached\n"
             "0,0,0,%u,0.25,beta,network,merged,network,4,,2,3,merger\n"
             "0,0,0,%u,0.25,gamma,overleg,pending,overleg,0,,0,,\n"
             /* every network starts as an overleg (MODEL.md section 2) */
             "0,0,0,%u,0.25,delta,adhoc,pending,overleg,0,,0,,\n"
             "3,1,1,%u,0.001,alpha,adhoc,completed,adhoc,3,1,1,2,goal-reached\n"
             "3,1,1,%u,0.001,beta,network,merged,network,4,,2,3,merger\n"
             "3,1,1,%u,0.001,gamma,overleg,pending,overleg,0,,0,,\n"
             "3,1,1,%u,0.001,delta,adhoc,pending,overleg,0,,0,,\n",
             s[0], s[0], s[0], s[0], s[3], s[3], s[3], s[3]);
    snprintf(path, sizeof path, "%s/summary.csv", out);
    assert_string_equal(read_file(path), expect);

    size_t merged;
    assert_int_equal(samen_sweep_collect(sw, out, SAMEN_COLLECT_LAST, 0, &merged, &err),
                     SAMEN_OK);
    assert_int_equal(merged, 2);
    snprintf(path, sizeof path, "%s/network.csv", out);
    assert_string_equal(read_file(path),
                        "run,point,replicate,trust.gain,step,network,type,phase,form,"
                        "members,dropouts\n"
                        "0,0,0,0.25,2,alpha,adhoc,completed,adhoc,3,1\n"
                        "0,0,0,0.25,3,beta,network,merged,network,4,2\n"
                        "3,1,1,0.001,2,alpha,adhoc,completed,adhoc,3,1\n"
                        "3,1,1,0.001,3,beta,network,merged,network,4,2\n");
    assert_int_equal(samen_sweep_collect(sw, out, SAMEN_COLLECT_EVERY, 2, &merged, &err),
                     SAMEN_OK);
    assert_string_equal(read_file(path),
                        "run,point,replicate,trust.gain,step,network,type,phase,form,"
                        "members,dropouts\n"
                        "0,0,0,0.25,0,alpha,adhoc,recruiting,adhoc,2,0\n"
                        "0,0,0,0.25,2,alpha,adhoc,completed,adhoc,3,1\n"
                        "0,0,0,0.25,2,beta,network,formulating,overleg,4,0\n"
                        "3,1,1,0.001,0,alpha,adhoc,recruiting,adhoc,2,0\n"
                        "3,1,1,0.001,2,alpha,adhoc,completed,adhoc,3,1\n"
                        "3,1,1,0.001,2,beta,network,formulating,overleg,4,0\n");
    assert_int_equal(samen_sweep_collect(sw, out, SAMEN_COLLECT_ALL, 0, &merged, &err),
                     SAMEN_OK);
    snprintf(path, sizeof path, "%s/events.csv", out);
    char *events = read_file(path);
    assert_non_null(strstr(events, "run,point,replicate,trust.gain,step,network,org,"
                           "person,event,reason,value\n0,0,0,0.25,1,alpha,,,goal-agreed,,0.8\n"));
    assert_non_null(strstr(events, "\n3,1,1,0.001,3,beta,,,merger,,0.9\n"));

    /* A run whose columns differ is refused, naming the file. */
    make_run(out, 1, "step,network,type,phase,form,members\n0,alpha,adhoc,recruiting,adhoc,2\n",
             ev);
    assert_int_equal(samen_sweep_collect(sw, out, SAMEN_COLLECT_ALL, 0, &merged, &err),
                     SAMEN_EINPUT);
    assert_non_null(strstr(err.file, "runs/000001/network.csv"));

    /* Another sweep is refused in the same folder, naming the line. */
    samen_sweep *other;
    assert_int_equal(load("[sweep]\nscenario = base.ini\nreplicates = 3\nseed = 5\n"
                          "[vary]\ntrust.gain = 0.25, 1e-3\n", &other, &err), SAMEN_OK);
    assert_int_equal(samen_sweep_claim(other, out, &err), SAMEN_EINPUT);
    assert_int_equal(err.line, 5); /* replicates = 2 */
    samen_sweep_free(other);
    samen_sweep_free(sw);
}

/* Resume: a dead owner's unfinished folder is removed, a live one's kept;
 * without --resume an existing run is refused. */
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
    snprintf(path, sizeof path, "%s/runs", out);
    assert_int_not_equal(stat(path, &st), 0);
    snprintf(path, sizeof path, "%s/sweep.ini", out);
    assert_int_not_equal(stat(path, &st), 0);
    samen_sweep_free(sw);
}

static void test_prepare(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\nreplicates = 6\n", &sw, &err),
                     SAMEN_OK);
    char out[512], host[256], path[1024];
    snprintf(out, sizeof out, "%s/p", tmpdir);
    assert_int_equal(mkdir(out, 0777), 0);
    assert_int_equal(samen_sweep_claim(sw, out, &err), SAMEN_OK);
    gethostname(host, sizeof host);
    /* pid 2^22+1 is above Linux's pid_max default: a dead owner. */
    snprintf(path, sizeof path, "%s/runs/.tmp-000001.%s.4194305", out, host);
    assert_int_equal(mkdir(path, 0777), 0);
    snprintf(path, sizeof path, "%s/runs/.tmp-000002.%s.%ld", out, host, (long)getppid());
    assert_int_equal(mkdir(path, 0777), 0);
    snprintf(path, sizeof path, "%s/runs/.tmp-000003.%s.%ld", out, host, (long)getppid());
    assert_int_equal(mkdir(path, 0777), 0);
    snprintf(path, sizeof path, "%s/runs/000004", out);
    assert_int_equal(mkdir(path, 0777), 0);

    samen_sweep_job job = {.sw = sw, .out = out, .shard_i = 0, .shard_n = 2};
    size_t todo, total;
    assert_int_equal(samen_sweep_prepare(&job, &todo, &total, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "run 4 already exists"));
    job.resume = 1;
    assert_int_equal(samen_sweep_prepare(&job, &todo, &total, &err), SAMEN_OK);
    assert_int_equal(total, 3);
    assert_int_equal(todo, 2);
    struct stat st;
    snprintf(path, sizeof path, "%s/runs/.tmp-000001.%s.4194305", out, host);
    assert_int_not_equal(stat(path, &st), 0);          /* dead owner: removed */
    snprintf(path, sizeof path, "%s/runs/.tmp-000002.%s.%ld", out, host, (long)getppid());
    assert_int_not_equal(stat(path, &st), 0);          /* of this shard: removed */
    snprintf(path, sizeof path, "%s/runs/.tmp-000003.%s.%ld", out, host, (long)getppid());
    assert_int_equal(stat(path, &st), 0);              /* live, another shard's: kept */
    /* The next runs of shard 0/2 skip the finished run 4. */
    assert_int_equal(samen_sweep_next(&job, &err), 0);
    assert_int_equal(samen_sweep_next(&job, &err), 2);
    assert_int_equal(samen_sweep_next(&job, &err), -1);
    samen_sweep_free(sw);
}


static void count_failure(void *user, size_t run, const char *reason)
{
    (void)run;
    (void)reason;
    (*(int *)user)++;
}

/* The pool runs every run of its shard, each in a child, into complete
 * folders; a resumed pool finds nothing left to do. */
static void test_pool(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\nreplicates = 3\n[vary]\n"
                          "trust.gain = 0.1, 0.4\n", &sw, &err), SAMEN_OK);
    char out[512], path[700];
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
    struct stat st;
    for (size_t run = 0; run < 6; run++) {
        samen_run_dir(path, sizeof path, out, run);
        strcat(path, "/run.ini");
        assert_int_equal(stat(path, &st) == 0, run % 2 == 1);
    }
    /* Run 3 ran with its own seed and its point's value. */
    samen_run_dir(path, sizeof path, out, 3);
    strcat(path, "/run.ini");
    char *ini = read_file(path);
    char line[64];
    snprintf(line, sizeof line, "seed = %lu\n", (unsigned long)samen_sweep_seed_of(sw, 3));
    assert_non_null(strstr(ini, line));
    assert_non_null(strstr(ini, "gain = 0.40000000000000002\n"));

    size_t counts[3];
    assert_int_equal(samen_sweep_rebuild(sw, out, counts, &err), SAMEN_OK);
    assert_int_equal(counts[SAMEN_RUN_DONE], 3);
    assert_int_equal(counts[SAMEN_RUN_PENDING], 3);
    job.resume = 1;
    assert_int_equal(samen_sweep_prepare(&job, &todo, &total, &err), SAMEN_OK);
    assert_int_equal(todo, 0);
    assert_int_equal(samen_sweep_pool(&job, 2, NULL, &res, &err), SAMEN_OK);
    assert_int_equal(res.done + res.failed, 0);
    samen_sweep_free(sw);
}

/* A pool's worker runs run after run in one process: each run frees all
 * it allocates (under ASan the leak check at exit fails otherwise) and
 * leaves the same bytes as the pool's. */
static void test_runs_in_one_process(void **state)
{
    (void)state;
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load("[sweep]\nscenario = base.ini\nreplicates = 3\n[vary]\n"
                          "trust.gain = 0.1, 0.4\n", &sw, &err), SAMEN_OK);
    char out[512], a[700], b[700];
    snprintf(out, sizeof out, "%s/inproc", tmpdir);
    assert_int_equal(mkdir(out, 0777), 0);
    assert_int_equal(samen_sweep_claim(sw, out, &err), SAMEN_OK);
    for (int pass = 0; pass < 4; pass++)
        for (size_t run = 0; run < sw->n_runs; run++) {
            samen_run_dir(a, sizeof a, out, run);
            if (pass > 0) { /* again and again, as a worker would */
                char cmd[800];
                snprintf(cmd, sizeof cmd, "rm -rf '%s'", a);
                assert_int_equal(system(cmd), 0);
            }
            samen_error_clear(&err);
            assert_int_equal(samen_sweep_run_one(sw, out, run, &err), SAMEN_OK);
            assert_int_equal(samen_run_status_of(out, run), SAMEN_RUN_DONE);
        }
    /* Run 3 as the pool made it in test_pool. */
    samen_run_dir(a, sizeof a, out, 3);
    strcat(a, "/network.csv");
    char pool[512];
    snprintf(pool, sizeof pool, "%s/pool", tmpdir);
    samen_run_dir(b, sizeof b, pool, 3);
    strcat(b, "/network.csv");
    char *net = strdup(read_file(a));
    assert_non_null(net);
    assert_string_equal(net, read_file(b));
    free(net);
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
        cmocka_unit_test(test_manifest_summary_collect),
        cmocka_unit_test(test_claim_refuses_run_folder),
        cmocka_unit_test(test_prepare),
        cmocka_unit_test(test_pool),
        cmocka_unit_test(test_runs_in_one_process),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
