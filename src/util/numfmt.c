/* numfmt.c: numbers as text (numfmt.h): %.6g with its fast path, whole
 * numbers, the shortest exact text, run.ini's %.17g and a sweep's values. */
#include "util/numfmt.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Powers of ten 1e-308..1e308, index e + 308, as the compiler converts the
 * literals: correctly rounded, and exact from 1e0 to 1e22 (5^22 < 2^53),
 * which the tie decisions below rely on. Token pasting spells the literals
 * (1e-3 ## 0 is 1e-30). */
#define P10_UP(x) x##0, x##1, x##2, x##3, x##4, x##5, x##6, x##7, x##8, x##9
#define P10_DOWN(x) x##9, x##8, x##7, x##6, x##5, x##4, x##3, x##2, x##1, x##0
static const double pow10_tab[617] = {
    1e-308, 1e-307, 1e-306, 1e-305, 1e-304, 1e-303, 1e-302, 1e-301, 1e-300,
    P10_DOWN(1e-29), P10_DOWN(1e-28), P10_DOWN(1e-27), P10_DOWN(1e-26),
    P10_DOWN(1e-25), P10_DOWN(1e-24), P10_DOWN(1e-23), P10_DOWN(1e-22),
    P10_DOWN(1e-21), P10_DOWN(1e-20), P10_DOWN(1e-19), P10_DOWN(1e-18),
    P10_DOWN(1e-17), P10_DOWN(1e-16), P10_DOWN(1e-15), P10_DOWN(1e-14),
    P10_DOWN(1e-13), P10_DOWN(1e-12), P10_DOWN(1e-11), P10_DOWN(1e-10),
    P10_DOWN(1e-9), P10_DOWN(1e-8), P10_DOWN(1e-7), P10_DOWN(1e-6),
    P10_DOWN(1e-5), P10_DOWN(1e-4), P10_DOWN(1e-3), P10_DOWN(1e-2),
    P10_DOWN(1e-1), 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1,
    P10_UP(1e), P10_UP(1e1), P10_UP(1e2), P10_UP(1e3), P10_UP(1e4),
    P10_UP(1e5), P10_UP(1e6), P10_UP(1e7), P10_UP(1e8), P10_UP(1e9),
    P10_UP(1e10), P10_UP(1e11), P10_UP(1e12), P10_UP(1e13), P10_UP(1e14),
    P10_UP(1e15), P10_UP(1e16), P10_UP(1e17), P10_UP(1e18), P10_UP(1e19),
    P10_UP(1e20), P10_UP(1e21), P10_UP(1e22), P10_UP(1e23), P10_UP(1e24),
    P10_UP(1e25), P10_UP(1e26), P10_UP(1e27), P10_UP(1e28), P10_UP(1e29),
    1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
};
#undef P10_UP
#undef P10_DOWN
#define P10(e) pow10_tab[(e) + 308]

/* "00" to "99", so six digits take three look-ups. */
static const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/* Writes six digits n (100000..999999) times 10^(x-5) the way %.6g lays
 * them out; returns the length. Every case writes a fixed number of bytes
 * (within the 32 of the caller's buffer) and then sets the length, which
 * keeps the copies inline and the branches few. */
static size_t fmt_layout(char *p, uint32_t n, int x)
{
    char d[6];
    memcpy(d, digit_pairs + 2 * (n / 10000), 2);
    memcpy(d + 2, digit_pairs + 2 * (n / 100 % 100), 2);
    memcpy(d + 4, digit_pairs + 2 * (n % 100), 2);
    int nd = 6; /* digits left once trailing zeros go */
    while (d[nd - 1] == '0') /* d[0] is not '0' */
        nd--;
    size_t len;
    if (x < -4 || x >= 6) {
        p[0] = d[0];
        p[1] = '.';
        memcpy(p + 2, d + 1, 5);
        char *q = p + (nd > 1 ? nd + 1 : 1);
        *q++ = 'e';
        *q++ = x < 0 ? '-' : '+';
        if (x < 0)
            x = -x;
        if (x >= 100) {
            *q++ = (char)('0' + x / 100);
            x %= 100;
        }
        memcpy(q, digit_pairs + 2 * x, 2);
        len = (size_t)(q + 2 - p);
    } else if (x >= 0) {
        for (int i = 0; i < 6; i++)
            p[i + (i > x)] = d[i];
        p[x + 1] = '.';
        len = (size_t)(nd > x + 1 ? nd + 1 : x + 1);
    } else {
        memcpy(p, "0.0000", 6);
        memcpy(p + 1 - x, d, 6);
        len = (size_t)(1 - x + nd);
    }
    p[len] = 0;
    return len;
}

/* An integer below 2^53: its digits are exact, so rounding to six of them
 * (half to even, as glibc does on the exact value) is integer arithmetic. */
static size_t fmt_integer(char *p, uint64_t u)
{
    if (u < 1000000) {
        char d[8];
        int n = 0;
        do {
            d[n++] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        for (int i = 0; i < n; i++)
            p[i] = d[n - 1 - i];
        p[n] = 0;
        return (size_t)n;
    }
    int x = 6;
    uint64_t div = 10;
    while (u / div >= 1000000) {
        div *= 10;
        x++;
    }
    uint64_t q = u / div, rem = u % div, half = div / 2;
    if (rem > half || (rem == half && (q & 1)))
        q++;
    if (q == 1000000) {
        q = 100000;
        x++;
    }
    return fmt_layout(p, (uint32_t)q, x);
}

/* The relative error of a scaling by an inexact power of ten (at most
 * three roundings, under 4e-16) stays far inside this margin, so a value
 * outside it rounds the same way as the exact product would. */
#define FMT_MARGIN 1e-11

size_t samen_fmt_num_fast(char *buf, double v)
{
#if FLT_EVAL_METHOD != 0
    /* extra precision in intermediates would break the exactness argument */
    (void)buf;
    (void)v;
    return 0;
#else
    char *p = buf;
    if (v == 0.0) { /* -0 too */
        p[0] = '0';
        p[1] = 0;
        return 1;
    }
    if (v < 0) {
        *p++ = '-';
        v = -v;
    }
    if (!(v >= DBL_MIN) || v > DBL_MAX)
        return 0; /* subnormal, or not finite */
    /* counts and other whole numbers are common and cheaper exactly */
    if (v < 9007199254740992.0) {
        uint64_t u = (uint64_t)v;
        if ((double)u == v)
            return (size_t)(p - buf) + fmt_integer(p, u);
    }

    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int be = (int)(bits >> 52) - 1023; /* v in [2^be, 2^(be+1)) */
    /* floor(be * log10(2)) (78913 / 2^18, exact over the double range),
     * kept non-negative before the shift */
    int e = ((be * 78913 + (512 << 18)) >> 18) - 512;
    /* v < 10^(e+2) holds, so one comparison finds the decimal exponent;
     * an inexact table entry can only misplace v right at a power of ten,
     * which the range check below corrects */
    e += v >= P10(e + 1);

    /* s = v * 10^(5-e) in [1e5, 1e6], its six leading digits. With an
     * exact power (|k| <= 22) s is one correctly rounded operation, and
     * rounding is monotonic: s on either side of n + 0.5 (representable)
     * puts the exact product on the same side; only s == n + 0.5 needs the
     * operation's exact residual, which fma gives. This assumes rounding
     * to nearest, which nothing in the program changes (glibc's printf
     * would follow another mode). */
    double s = 0, pk = 1;
    int k, exact = 0, tries = 0;
    for (;;) {
        k = 5 - e;
        if (k >= 0 && k <= 22) {
            pk = P10(k);
            s = v * pk;
            exact = 1;
        } else if (k < 0 && k >= -22) {
            pk = P10(-k);
            s = v / pk;
            exact = -1;
        } else if (k <= 308) {
            s = v * P10(k);
            exact = 0;
        } else {
            s = v * 1e22;
            s *= P10(k - 22);
            exact = 0;
        }
        if (s < 1e5)
            e--;
        else if (s > 1e6)
            e++;
        else
            break;
        if (++tries == 2)
            return 0;
    }

    /* s + 0.5 is exact (s < 2^20), so this rounds half up; the tie, rare,
     * is then settled on the exact value */
    uint32_t n = (uint32_t)(s + 0.5);
    double f = n - s; /* exact; 0.5 at a tie */
    if (exact) {
        if (f == 0.5) {
            /* the exact product is s + r; the exact quotient s + r / pk */
            double r = exact > 0 ? fma(v, pk, -s) : fma(-s, pk, v);
            if (r < 0 || (r == 0 && (n & 1)))
                n--;
        }
    } else if (fabs(fabs(f) - 0.5) <= s * FMT_MARGIN) {
        return 0;
    }
    if (n == 1000000) {
        n = 100000;
        e++;
    }
    return (size_t)(p - buf) + fmt_layout(p, n, e);
#endif
}

size_t samen_fmt_num_printf(char *buf, double v)
{
    if (v == 0.0)
        v = 0.0; /* folds -0 */
    size_t n = (size_t)snprintf(buf, 32, "%.6g", v);
    if (strcmp(buf, "-0") == 0) {
        strcpy(buf, "0");
        n = 1;
    }
    return n;
}

size_t samen_fmt_num_len(char *buf, double v)
{
    assert(isfinite(v));
    size_t n = samen_fmt_num_fast(buf, v);
    return n ? n : samen_fmt_num_printf(buf, v);
}

char *samen_fmt_num(char *buf, double v)
{
    samen_fmt_num_len(buf, v);
    return buf;
}

size_t samen_fmt_int(char *buf, long v)
{
    /* The magnitude as unsigned, so that LONG_MIN has one too. */
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    char tmp[24], *q = tmp + sizeof tmp;
    do {
        *--q = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--q = '-';
    size_t n = (size_t)(tmp + sizeof tmp - q);
    memcpy(buf, q, n);
    buf[n] = '\0';
    return n;
}

const char *samen_num_text(double v, char *buf, size_t n)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, n, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return buf;
}

const char *samen_num_format(double v, int shortest, char *buf, size_t n)
{
    if (shortest)
        return samen_num_text(v, buf, n);
    snprintf(buf, n, "%.17g", v);
    return buf;
}

const char *samen_num_value(double v, samen_num_kind kind, char *buf, size_t n)
{
    switch (kind) {
    case SAMEN_NUM_RANGE:
        snprintf(buf, n, "%.15g", v + 0.0);
        break;
    case SAMEN_NUM_DESIGN:
        snprintf(buf, n, "%.17g", v);
        break;
    case SAMEN_NUM_WHOLE:
        snprintf(buf, n, "%.0f", v);
        break;
    }
    return buf;
}

size_t samen_fmt_value(char *buf, double v)
{
    if (v == floor(v) && fabs(v) < 1e15)
        return (size_t)snprintf(buf, 32, "%.0f", v + 0.0); /* whole numbers as integers */
    return samen_fmt_num_len(buf, v);
}
