/* morris.c: Morris' (1991) elementary effects along one-at-a-time
 * trajectories, and their mean mu, the mean of their absolute values mu*
 * (Campolongo et al. 2007) and their standard deviation sigma, with a
 * bootstrap interval of mu* over the trajectories (FORMATS.md `samen
 * analyse`). */
#include "sensitivity/resample.h"

#include <math.h>

#include <gsl/gsl_statistics_double.h>

int samen_morris_effects(const double *f, const double *x, size_t r, int k,
                         double delta, double *ee, samen_error *err)
{
    size_t uk = (size_t)k;
    for (size_t t = 0; t < r; t++) {
        double *row = ee + t * uk;
        for (size_t i = 0; i < uk; i++)
            row[i] = NAN; /* not moved yet */
        for (size_t m = 0; m < uk; m++) {
            size_t p = t * (uk + 1) + m;
            const double *before = x + p * uk, *after = before + uk;
            size_t moved = uk;
            int n_moved = 0;
            for (size_t i = 0; i < uk; i++)
                if (after[i] != before[i]) {
                    moved = i;
                    n_moved++;
                }
            if (n_moved != 1 || !isnan(row[moved]))
                return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                                       "points %zu and %zu: a Morris trajectory moves "
                                       "one key at a time, each key once (%d keys "
                                       "moved)", p, p + 1, n_moved);
            double d = after[moved] > before[moved] ? delta : -delta;
            row[moved] = (f[p + 1] - f[p]) / d;
        }
    }
    return SAMEN_OK;
}

int samen_morris_analyse(const double *ee, size_t r, int k, double level, gsl_rng *rng,
                         samen_sa_work *w, samen_morris_index *out, samen_error *err)
{
    int rc = samen_sa_check(w, r, k, level, err);
    if (rc)
        return rc;
    if (r < 2)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "sigma needs at least 2 trajectories, not %zu", r);
    size_t uk = (size_t)k, nb = w->resamples;
    double *abs_ee = w->gather;
    for (size_t i = 0; i < uk; i++) {
        for (size_t t = 0; t < r; t++)
            abs_ee[t] = fabs(ee[t * uk + i]);
        double mu = gsl_stats_mean(ee + i, uk, r);
        out[i] = (samen_morris_index){.mu = mu,
                                      .mu_star = gsl_stats_mean(abs_ee, 1, r),
                                      .sigma = gsl_stats_sd_m(ee + i, uk, r, mu),
                                      .mu_star_lo = NAN, .mu_star_hi = NAN};
    }
    /* Whole trajectories are resampled, the same ones for every key. */
    for (size_t b = 0; b < nb; b++) {
        samen_sa_draw(w, r, rng);
        for (size_t i = 0; i < uk; i++) {
            double sum = 0;
            for (size_t t = 0; t < r; t++)
                sum += fabs(ee[w->pick[t] * uk + i]);
            w->boot[i * nb + b] = sum / (double)r;
        }
    }
    for (size_t i = 0; nb > 0 && i < uk; i++)
        samen_sa_percentiles(w->boot + i * nb, nb, level, &out[i].mu_star_lo,
                             &out[i].mu_star_hi);
    return SAMEN_OK;
}
