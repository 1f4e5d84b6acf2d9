/* bench_fmt.c: how long samen_fmt_num takes per number against
 * snprintf("%.6g") (the way it was written before the fast path), on a
 * mix like the model's outputs: shares and scores in [0,1] at full
 * precision, small counts, and a few large values. Not a unit test: it
 * measures and checks that both write the same bytes, nothing more.
 * Usage: bench_fmt [COUNT] (default 10 million). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_rng.h>

#include "util/numfmt.h"

/* Values are drawn once into a table this size and formatted round after
 * round, so drawing them is not timed and the table stays in cache. */
#define TABLE (1 << 16)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}


/* A uniform double in [0, 1) with all 53 bits random. */
static double u53(gsl_rng *r)
{
    uint64_t a = gsl_rng_get(r) >> 5, b = gsl_rng_get(r) >> 6;
    return ((double)a * 67108864.0 + (double)b) / 9007199254740992.0;
}

enum { MIX, SHARES, COUNTS, LARGE, NKIND };
static const char *const kind_name[NKIND] = {
    "mix (70/20/5/5)", "[0,1] full precision", "integers 0..1000", "large (1e3..1e9)",
};

static double draw(gsl_rng *r, int kind)
{
    if (kind == MIX) {
        double p = gsl_rng_uniform(r);
        kind = p < 0.70 ? SHARES : p < 0.90 ? COUNTS : p < 0.95 ? LARGE : -1;
        if (kind < 0) /* a few decimals, as parameters echo in run.ini */
            return (double)gsl_rng_uniform_int(r, 10000) / 100;
    }
    switch (kind) {
    case SHARES:
        return u53(r);
    case COUNTS:
        return (double)gsl_rng_uniform_int(r, 1001);
    default:
        return pow(10, 3 + 6 * u53(r));
    }
}

typedef size_t (*fmt_fn)(char *, double);

static double time_ns(fmt_fn fn, const double *v, long count, size_t *sink)
{
    char buf[32];
    size_t sum = 0;
    double t0 = now();
    for (long i = 0; i < count; i++)
        sum += fn(buf, v[i & (TABLE - 1)]) + (size_t)buf[0];
    double t1 = now();
    *sink += sum;
    return (t1 - t0) * 1e9 / (double)count;
}

int main(int argc, char **argv)
{
    long count = argc > 1 ? atol(argv[1]) : 10000000;
    if (count < TABLE)
        count = TABLE;
    static double v[TABLE];
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 1);
    size_t sink = 0;
    int bad = 0;
    printf("%-24s %12s %12s %9s\n", "values", "snprintf ns", "samen ns", "speed-up");
    for (int k = 0; k < NKIND; k++) {
        for (int i = 0; i < TABLE; i++)
            v[i] = draw(r, k);
        for (int i = 0; i < TABLE; i++) {
            char a[32], b[32];
            samen_fmt_num_printf(a, v[i]);
            samen_fmt_num_len(b, v[i]);
            if (strcmp(a, b) != 0) {
                fprintf(stderr, "differs at %.17g: \"%s\" vs \"%s\"\n", v[i], a, b);
                bad = 1;
            }
        }
        /* the mix gets the full count, the single kinds a quarter each */
        long n = k == MIX ? count : count / 4;
        double t_old = time_ns(samen_fmt_num_printf, v, n, &sink);
        double t_new = time_ns(samen_fmt_num_len, v, n, &sink);
        printf("%-24s %12.1f %12.1f %8.1fx\n", kind_name[k], t_old, t_new, t_old / t_new);
    }
    gsl_rng_free(r);
    /* printed so the compiler keeps the work */
    fprintf(stderr, "(checksum %zu)\n", sink);
    return bad;
}
