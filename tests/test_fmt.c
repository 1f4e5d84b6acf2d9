/* test_fmt.c: samen_fmt_num (src/util/numfmt.c) writes exactly the bytes of
 * snprintf("%.6g") with -0 written 0, its contract since outputs began:
 * hand-picked values, the doubles around rounding ties at every decimal
 * exponent, exact ties, and pseudo-random values from several
 * distributions (fixed seed, so a failure reproduces). Also reports how
 * often the fast path declined and snprintf did the work. samen_fmt_int
 * writes the bytes of snprintf("%ld"), and a row built in memory
 * (src/util/row.c) the bytes of its fields written one by one. The other
 * contracts of numfmt.h: the shortest exact text, run.ini's %.17g and a
 * sweep's values. */
#include <math.h>
#include <float.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include <gsl/gsl_rng.h>

#include "util/numfmt.h"
#include "util/outfile.h"
#include "util/row.h"

/* Under ASan/UBSan every call costs several times more; fewer random
 * values keep `make unit-san` quick while -O2 runs see the full count. */
#if defined(__SANITIZE_ADDRESS__)
#define RANDOM_N 250000
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RANDOM_N 250000
#endif
#endif
#ifndef RANDOM_N
#define RANDOM_N 500000
#endif


typedef struct tally {
    long checked, fallbacks, mismatches;
} tally;

static void check(tally *t, double v)
{
    char want[32], got[32], fast[32], plain[32];
    size_t wn = samen_fmt_num_printf(want, v);
    memset(got, 'x', sizeof got);
    size_t gn = samen_fmt_num_len(got, v);
    int same = gn == wn && strcmp(got, want) == 0;
    same = same && samen_fmt_num(plain, v) == plain && strcmp(plain, want) == 0;
    size_t fn = samen_fmt_num_fast(fast, v);
    if (fn == 0)
        t->fallbacks++;
    else
        same = same && fn == wn && strcmp(fast, want) == 0;
    t->checked++;
    if (!same) {
        if (t->mismatches < 10)
            fprintf(stderr, "mismatch for %a (%.17g): %%.6g gives \"%s\", "
                    "samen_fmt_num \"%s\" (%zu), fast path \"%s\" (%zu)\n",
                    v, v, want, got, gn, fn ? fast : "", fn);
        t->mismatches++;
    }
}

/* v, its negation, and the doubles up to `steps` ulps either side. */
static void check_around(tally *t, double v, int steps)
{
    double lo = v, hi = v;
    check(t, v);
    check(t, -v);
    for (int i = 0; i < steps; i++) {
        lo = nextafter(lo, -INFINITY);
        hi = nextafter(hi, INFINITY);
        if (isfinite(lo)) {
            check(t, lo);
            check(t, -lo);
        }
        if (isfinite(hi)) {
            check(t, hi);
            check(t, -hi);
        }
    }
}

static void report(const char *what, const tally *t)
{
    printf("  %-34s %9ld values, fallback %7ld (%.4f %%)\n", what, t->checked,
           t->fallbacks, 100.0 * (double)t->fallbacks / (double)t->checked);
    assert_int_equal(t->mismatches, 0);
}

static void test_hand_picked(void **state)
{
    (void)state;
    const double v[] = {
        0.0, -0.0, 1, -1, 0.1, 0.5, 1e-5, 9.999995e-5, 9.9999949e-5, 0.0001,
        0.00012345649999, 999999.5, 999999.4999, 999999.49999999994, 1e6,
        123456.5, 123457.5, 99999.95, 0.999999, 0.9999995, 0.99999949999,
        2.5e-300, DBL_MAX, -DBL_MAX, DBL_MIN, -DBL_MIN, DBL_MIN / 2,
        DBL_TRUE_MIN, 4 * DBL_TRUE_MIN, 1e-310, 1e15 + 0.5, 1e15 + 1.5,
        1234565, 1234575, 1234565e3, 9999995, 9999994, 12345678901234567.0,
        9007199254740991.0, 9007199254740992.0, 9007199254740993.0,
        18446744073709551616.0, 1e22, 1e23, 1e-22, 1e-23, 1e100, 1e-100,
        1e300, 1e-300, 1e308, 1e-307, 1e-308, 0.001953125, 3.0517578125e-05,
        M_PI, -M_PI, M_E, 1.0 / 3, 2.0 / 3, 100, 100000, 999999, 1000001,
        0.3, 0.7, 0.1 + 0.2, 1e-4 * (1 - DBL_EPSILON), 1e-5 * (1 + DBL_EPSILON),
        123456789, 0.000123456789, 5e-5, 5e-4, 4.99999e-5, 65536, 4294967296.0,
    };
    tally t = {0};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        check_around(&t, v[i], 3);
    char buf[32];
    assert_string_equal(samen_fmt_num(buf, -0.0), "0");
    assert_int_equal(samen_fmt_num_len(buf, -0.0), 1);
    assert_string_equal(samen_fmt_num(buf, 123456.5), "123456"); /* tie to even */
    assert_string_equal(samen_fmt_num(buf, 123457.5), "123458");
    assert_string_equal(samen_fmt_num(buf, 999999.5), "1e+06");
    assert_string_equal(samen_fmt_num(buf, 1234567), "1.23457e+06");
    assert_string_equal(samen_fmt_num(buf, 0.0001), "0.0001");
    assert_string_equal(samen_fmt_num(buf, 0.00001), "1e-05");
    assert_string_equal(samen_fmt_num(buf, 1e100), "1e+100");
    report("hand-picked and neighbours", &t);
}

/* For every decimal exponent: the double nearest to each tie n.5 x 10^j
 * (strtod rounds the decimal correctly, so where the tie is a double it
 * is that tie) and three doubles either side, for set and random n. From
 * 1e-17 to 1e28 the scaling is exact and the fast path must never
 * decline; beyond, it declines near ties by design. */
static void test_tie_neighbours(void **state)
{
    (void)state;
    static const unsigned fixed[] = {100000, 100001, 123456, 123457, 314159,
                                     499999, 500000, 999998, 999999};
    const size_t nfixed = sizeof fixed / sizeof fixed[0];
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 20240611);
    tally inside = {0}, outside = {0};
    for (int j = -330; j <= 303; j++) {
        int exact = j >= -22 && j <= 22;
        tally *t = exact ? &inside : &outside;
        for (size_t i = 0; i < nfixed + (exact ? 100 : 8); i++) {
            unsigned n = i < nfixed ? fixed[i]
                                    : 100000 + (unsigned)gsl_rng_uniform_int(r, 900000);
            char text[64];
            snprintf(text, sizeof text, "%u.5e%d", n, j);
            double v = strtod(text, NULL);
            if (v != 0 && isfinite(v))
                check_around(t, v, 3);
        }
    }
    gsl_rng_free(r);
    report("tie neighbours, 1e-17..1e28", &inside);
    report("tie neighbours, beyond", &outside);
    assert_int_equal(inside.fallbacks, 0);
}

/* Whether the exact decimal value of v has digits 7 onwards "5000...":
 * a true tie, which %.6g must round half to even. %.80e is exact for the
 * values below (dyadic with few significant bits). */
static int is_exact_tie(double v)
{
    char s[128];
    snprintf(s, sizeof s, "%.80e", fabs(v));
    const char *p = s + 7; /* d.ddddd then the seventh digit */
    if (*p != '5')
        return 0;
    for (p++; *p != 'e'; p++)
        if (*p != '0')
            return 0;
    return 1;
}

/* Exact ties exist: dyadic values such as 0.001953125 (1/512) and
 * integers ending in 5 past the sixth digit; this test makes sure many are
 * met and rounded to even as glibc does. */
static void test_exact_ties(void **state)
{
    (void)state;
    tally t = {0};
    long ties = 0;
    for (int m = -40; m <= 40; m++)
        for (long i = 1; i < 4096; i += 2) {
            double v = ldexp((double)i, m);
            ties += is_exact_tie(v);
            check_around(&t, v, 1);
        }
    /* n.5 x 10^j for integers: n * 10^j + 5 * 10^(j-1), j = 1..9 */
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 7);
    for (int j = 1; j <= 9; j++) {
        double p = pow(10, j);
        for (int i = 0; i < 2000; i++) {
            double n = (double)(100000 + gsl_rng_uniform_int(r, 900000));
            double v = n * p + 5 * p / 10;
            ties += is_exact_tie(v);
            check_around(&t, v, 2);
        }
    }
    gsl_rng_free(r);
    printf("  (%ld exact ties among them)\n", ties);
    assert_true(ties > 1000);
    report("exact ties (dyadic, integers)", &t);
}

/* A uniform double in [0, 1) with all 53 bits random (gsl_rng_uniform
 * gives only 32). */
static double u53(gsl_rng *r)
{
    uint64_t a = gsl_rng_get(r) >> 5, b = gsl_rng_get(r) >> 6;
    return ((double)a * 67108864.0 + (double)b) / 9007199254740992.0;
}

static double sign(gsl_rng *r, double v)
{
    return gsl_rng_get(r) & 1 ? -v : v;
}

static void test_random(void **state)
{
    (void)state;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 12345);
    enum { UNIFORM, LOGUNIFORM, DECIMALS, SMALL_INT, BIG_INT, BITS, MODEL, NDIST };
    static const char *const name[NDIST] = {
        "uniform [0,1], 53 bits", "log-uniform 1e-300..1e300", "few decimals (k/10^d)",
        "integers 0..10^4", "integers log-uniform to 2^60", "random bit patterns",
        "log-uniform 1e-6..1e9",
    };
    long total = 0, total_fb = 0;
    for (int d = 0; d < NDIST; d++) {
        tally t = {0};
        for (long i = 0; i < RANDOM_N; i++) {
            double v = 0;
            switch (d) {
            case UNIFORM:
                v = u53(r);
                break;
            case LOGUNIFORM:
                v = sign(r, pow(10, -300 + 600 * u53(r)));
                break;
            case DECIMALS:
                v = sign(r, (double)gsl_rng_uniform_int(r, 10000000)
                                / pow(10, (double)gsl_rng_uniform_int(r, 9)));
                break;
            case SMALL_INT:
                v = (double)gsl_rng_uniform_int(r, 10001);
                break;
            case BIG_INT:
                v = sign(r, floor(pow(2, 60 * u53(r))));
                break;
            case BITS: {
                uint64_t bits = (uint64_t)gsl_rng_get(r) << 32 | gsl_rng_get(r);
                memcpy(&v, &bits, sizeof v);
                if (!isfinite(v))
                    v = 0;
                break;
            }
            case MODEL:
                v = sign(r, pow(10, -6 + 15 * u53(r)));
                break;
            }
            check(&t, v);
        }
        report(name[d], &t);
        total += t.checked;
        total_fb += t.fallbacks;
        /* subnormals (1/2048 of bit patterns) and near-ties after an
         * inexact scaling are the only declines: rare everywhere */
        assert_true(t.fallbacks * 100 < t.checked);
    }
    printf("  %-34s %9ld values, fallback %7ld (%.4f %%)\n", "all random", total,
           total_fb, 100.0 * (double)total_fb / (double)total);
    gsl_rng_free(r);
}

/* One whole number, both ways. */
static void check_int(long v)
{
    char want[32], got[32];
    int wn = snprintf(want, sizeof want, "%ld", v);
    size_t gn = samen_fmt_int(got, v);
    if (gn != (size_t)wn || strcmp(got, want) != 0)
        fail_msg("samen_fmt_int(%ld): \"%s\" (%zu), snprintf \"%s\"", v, got, gn, want);
}

static void test_int(void **state)
{
    (void)state;
    static const long picked[] = { 0, 1, -1, 9, 10, -10, 99, 100, 520, -520,
                                   2147483647L, -2147483647L - 1, LONG_MAX, LONG_MIN,
                                   LONG_MIN + 1 };
    for (size_t i = 0; i < sizeof picked / sizeof picked[0]; i++)
        check_int(picked[i]);
    /* each power of ten and its neighbours, both signs */
    for (long p = 1; p <= LONG_MAX / 10; p *= 10)
        for (long d = -1; d <= 1; d++) {
            check_int(p + d);
            check_int(-(p + d));
        }
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 777);
    for (long i = 0; i < RANDOM_N; i++) {
        /* two draws in a fixed order, cut to the width of long and
         * shifted to at most LONG_MAX, so that its negation is a long too */
        uint64_t hi = gsl_rng_get(r), lo = gsl_rng_get(r);
        unsigned long bits = (unsigned long)(hi << 32 | lo);
        unsigned long width = CHAR_BIT * sizeof bits;
        long v = (long)(bits >> (1 + gsl_rng_uniform_int(r, width - 1)));
        check_int(i % 2 ? -v : v);
    }
    gsl_rng_free(r);
    char buf[24];
    assert_int_equal(samen_fmt_int(buf, -42), 3);
    assert_string_equal(buf, "-42");
}

/* Rows of every kind of field, around and past the row buffer's size (a
 * long name, one to quote, numbers and whole numbers where the buffer is
 * nearly full), built by samen_row and written field by field with the
 * outfile.h functions: the two streams must hold the same bytes. */
static void test_row(void **state)
{
    (void)state;
    char *a = NULL, *b = NULL;
    size_t an = 0, bn = 0;
    FILE *fa = open_memstream(&a, &an), *fb = open_memstream(&b, &bn);
    assert_non_null(fa);
    assert_non_null(fb);
    static char name[3000], quoted[2500];
    memset(name, 'n', sizeof name - 1);
    memset(quoted, 'q', sizeof quoted - 1);
    quoted[1200] = ',';
    quoted[1300] = '"';
    const char *texts[] = { "brede-school", " padded", name, quoted, "", NULL };
    for (size_t fill = 0; fill < SAMEN_ROW_BUF + 40; fill += 7) {
        samen_row r;
        samen_row_begin(&r, fa);
        for (size_t i = 0; i < fill; i++)
            samen_row_char(&r, 'x');
        for (size_t i = 0; i < fill; i++)
            fputc('x', fb);
        const char *t = texts[fill % 6];
        samen_row_text(&r, t);
        samen_csv_text(fb, t);
        samen_row_int(&r, LONG_MIN + (long)fill);
        fprintf(fb, "%ld", LONG_MIN + (long)fill);
        samen_row_num(&r, -1.0 / 3.0 * (double)fill);
        samen_csv_num(fb, -1.0 / 3.0 * (double)fill);
        samen_row_bytes(&r, name, fill % 1500);
        fwrite(name, 1, fill % 1500, fb);
        samen_row_end(&r);
        fputc('\n', fb);
    }
    assert_int_equal(fclose(fa), 0);
    assert_int_equal(fclose(fb), 0);
    assert_int_equal(an, bn);
    assert_memory_equal(a, b, an);
    assert_true(an > 100000); /* the rows were written at all */
    free(a);
    free(b);
}

/* numfmt.h's other contracts, each on values worked out by hand. */
static void test_contracts(void **state)
{
    (void)state;
    char buf[64];
    /* 0.1 + 2 * 0.1 is 0.30000000000000004: a range gives 0.3. */
    assert_string_equal(samen_num_value(0.1 + 2 * 0.1, SAMEN_NUM_RANGE, buf, sizeof buf), "0.3");
    assert_string_equal(samen_num_value(-0.0, SAMEN_NUM_RANGE, buf, sizeof buf), "0");
    assert_string_equal(samen_num_value(0.1, SAMEN_NUM_DESIGN, buf, sizeof buf),
                        "0.10000000000000001");
    assert_string_equal(samen_num_value(12.0, SAMEN_NUM_WHOLE, buf, sizeof buf), "12");
    assert_string_equal(samen_num_format(0.35, 0, buf, sizeof buf), "0.34999999999999998");
    assert_string_equal(samen_num_format(0.35, 1, buf, sizeof buf), "0.35");
    assert_string_equal(samen_num_text(0.1 + 0.2, buf, sizeof buf), "0.30000000000000004");
    assert_int_equal(samen_fmt_value(buf, 5.0), 1);
    assert_string_equal(buf, "5");
    samen_fmt_value(buf, -0.0);
    assert_string_equal(buf, "0");
    samen_fmt_value(buf, 0.25);
    assert_string_equal(buf, "0.25");
    samen_fmt_value(buf, 1e15); /* not under 1e15: %.6g */
    assert_string_equal(buf, "1e+15");
    samen_fmt_value(buf, 123456789.0);
    assert_string_equal(buf, "123456789");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_picked),
        cmocka_unit_test(test_tie_neighbours),
        cmocka_unit_test(test_exact_ties),
        cmocka_unit_test(test_random),
        cmocka_unit_test(test_int),
        cmocka_unit_test(test_row),
        cmocka_unit_test(test_contracts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
