/* sensitivity.h: the estimators of global sensitivity analysis behind
 * `samen analyse` (FORMATS.md): first-order (Saltelli 2010) and total
 * (Jansen 1999) Sobol indices from the point values of a Saltelli design,
 * and Morris' (1991) elementary effects with mu, mu* and sigma (Campolongo
 * et al. 2007), each with bootstrap percentile intervals. Pure functions
 * on arrays: the caller owns the values, the workspace and the generator,
 * so a test can call them on a known function. */
#ifndef SAMEN_SENSITIVITY_H
#define SAMEN_SENSITIVITY_H

#include <stddef.h>

#include <gsl/gsl_rng.h>

#include "samen/error.h"

/* The indices of one key; NAN where they do not exist (V = 0; an interval
 * without resamples, or without a resample whose V is not 0). */
typedef struct samen_sobol_index {
    double s1, s1_lo, s1_hi;
    double st, st_lo, st_hi;
} samen_sobol_index;

/* Morris' measures of one key over the trajectories; the interval is of
 * mu_star. NAN where they do not exist (an interval without resamples). */
typedef struct samen_morris_index {
    double mu, mu_star, sigma;
    double mu_star_lo, mu_star_hi;
} samen_morris_index;

/* Temporary memory of the estimators: sized once for rows (Saltelli's N or
 * Morris' r), k keys and the number of bootstrap resamples, and reused for
 * every outcome, so nothing is allocated per resample. */
typedef struct samen_sa_work samen_sa_work;

/* Returns the workspace, or NULL when out of memory (or k < 1). */
samen_sa_work *samen_sa_work_alloc(size_t rows, int k, size_t resamples);

/* Frees it; NULL is a no-op. */
void samen_sa_work_free(samen_sa_work *w);

/* The point estimates from the values f of a Saltelli design of n rows
 * and k keys, f[j(k+2) + m] the value at block j's point m (A_j, AB^1_j ..
 * AB^k_j, B_j), each centred on f-bar, the mean of the 2N values f(A_j)
 * and f(B_j): V their variance (divisor 2N),
 * s1[i] = (1/N) sum_j f(B_j) (f(AB^i_j) - f(A_j)) / V,
 * st[i] = (1/(2N)) sum_j (f(A_j) - f(AB^i_j))^2 / V. Returns V; where V is
 * 0 every index is NAN. w must be sized for at least n rows and k keys. */
double samen_sobol_estimate(const double *f, size_t n, int k, samen_sa_work *w,
                            double *s1, double *st);

/* The indices with their intervals at the given level (0 < level < 1):
 * percentiles of the indices over the workspace's resamples of the rows j
 * (drawn with rng, rows with replacement; rng may be NULL for a workspace
 * of 0 resamples). Returns SAMEN_OK, or
 * SAMEN_EINPUT for n < 1, a workspace too small, or a level outside
 * (0,1). */
int samen_sobol_analyse(const double *f, size_t n, int k, double level, gsl_rng *rng,
                        samen_sa_work *w, samen_sobol_index *out, samen_error *err);

/* The elementary effects of r Morris trajectories: f the values at their
 * r(k+1) points, x the points in unit scale (row-major, r(k+1) x k), so
 * that trajectory t owns points t(k+1) .. t(k+1)+k. The step from point m
 * to m+1 moves one key i by d = +delta or -delta (the sign of the move),
 * and ee[t k + i] = (f(m+1) - f(m)) / d. Returns SAMEN_OK, or SAMEN_EINPUT
 * where two consecutive points do not differ in exactly one key, or a
 * trajectory moves a key twice. */
int samen_morris_effects(const double *f, const double *x, size_t r, int k,
                         double delta, double *ee, samen_error *err);

/* mu (the mean), mu* (the mean of |EE|) and sigma (the standard deviation,
 * divisor r-1) of the effects ee (r x k, as samen_morris_effects writes
 * them), and the percentile interval of mu* over the workspace's resamples
 * of the trajectories (the same trajectories for every key; rng as for
 * samen_sobol_analyse). Returns SAMEN_OK, or SAMEN_EINPUT for r < 2, a
 * workspace too small, or a level outside (0,1). */
int samen_morris_analyse(const double *ee, size_t r, int k, double level, gsl_rng *rng,
                         samen_sa_work *w, samen_morris_index *out, samen_error *err);

#endif
