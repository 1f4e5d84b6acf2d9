/* design_sa.c: the designs made for sensitivity analysis (FORMATS.md
 * "Sweep file"): Saltelli's blocks of Sobol points for Sobol indices and
 * Morris' one-at-a-time trajectories for elementary effects, both in unit
 * scale, and their scaling to the keys' boxes. */
#include "sweep/design.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_qrng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

const char *const samen_design_names[SAMEN_DESIGN_COUNT] = {
    "grid", "lhs", "sobol", "saltelli", "morris", "points"};

void samen_design_scale(size_t n, int k, const double *unit, const double *min,
                        const double *max, double *out)
{
    for (size_t i = 0; i < n; i++)
        for (int j = 0; j < k; j++) {
            size_t c = i * (size_t)k + (size_t)j;
            out[c] = min[j] + unit[c] * (max[j] - min[j]);
        }
}

int samen_design_saltelli(size_t n, int k, double *out)
{
    if (k < 1 || k > SAMEN_SALTELLI_MAX_KEYS)
        return -2;
    gsl_qrng *q = gsl_qrng_alloc(gsl_qrng_sobol, 2u * (unsigned)k);
    double v[2 * SAMEN_SALTELLI_MAX_KEYS];
    if (!q)
        return -1;
    size_t uk = (size_t)k, block = uk + 2;
    /* The sequence's first point is the box's centre in every dimension:
     * it would make A_0 = B_0 and its k+2 points one point. */
    gsl_qrng_get(q, v);
    for (size_t j = 0; j < n; j++) {
        gsl_qrng_get(q, v);
        const double *a = v, *b = v + uk;
        double *row = out + j * block * uk;
        /* m = 0: A_j; m = 1..k: AB^i_j, A_j with key i from B_j; m = k+1: B_j */
        for (size_t m = 0; m < block; m++)
            for (size_t i = 0; i < uk; i++)
                row[m * uk + i] = m == block - 1 || m == i + 1 ? b[i] : a[i];
    }
    gsl_qrng_free(q);
    return 0;
}

int samen_design_morris(uint32_t seed, size_t r, int k, int levels, double *out)
{
    if (k < 1 || levels < 2 || levels % 2)
        return -2;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    size_t *order = malloc((size_t)k * sizeof *order);
    if (!rng || !order) {
        gsl_rng_free(rng);
        free(order);
        return -1;
    }
    gsl_rng_set(rng, seed);
    size_t uk = (size_t)k;
    double delta = samen_morris_delta(levels);
    for (size_t t = 0; t < r; t++) {
        double *x = out + t * (uk + 1) * uk;
        /* Start levels l/(p-1), l = 0 .. p/2-1: the levels up to 1 - delta. */
        for (size_t i = 0; i < uk; i++)
            x[i] = (double)gsl_rng_uniform_int(rng, (unsigned long)levels / 2)
                   / (double)(levels - 1);
        for (size_t i = 0; i < uk; i++)
            order[i] = i;
        gsl_ran_shuffle(rng, order, uk, sizeof *order);
        for (size_t m = 0; m < uk; m++) {
            const double *prev = x + m * uk;
            double *next = x + (m + 1) * uk;
            for (size_t i = 0; i < uk; i++)
                next[i] = prev[i];
            size_t i = order[m];
            /* The tolerance and the clamp keep a start level plus delta,
             * 1 in exact arithmetic, at 1 in doubles too. */
            if (prev[i] + delta <= 1 + 1e-12)
                next[i] = fmin(1, prev[i] + delta);
            else
                next[i] = prev[i] - delta;
        }
    }
    free(order);
    gsl_rng_free(rng);
    return 0;
}
