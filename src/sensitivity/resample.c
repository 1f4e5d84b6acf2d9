/* resample.c: the workspace of the sensitivity estimators and their
 * bootstrap: rows drawn with replacement, and percentile intervals over
 * the resamples (GSL's sort and quantile, R's type 7). */
#include "sensitivity/resample.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

samen_sa_work *samen_sa_work_alloc(size_t rows, int k, size_t resamples)
{
    if (k < 1)
        return NULL;
    samen_sa_work *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->rows = rows;
    w->k = k;
    w->resamples = resamples;
    size_t uk = (size_t)k;
    w->pick = malloc((rows ? rows : 1) * sizeof *w->pick);
    w->gather = malloc((rows ? 2 * rows : 1) * sizeof *w->gather);
    w->boot = malloc((resamples ? 2 * resamples * uk : 1) * sizeof *w->boot);
    w->s1 = malloc(uk * sizeof *w->s1);
    w->st = malloc(uk * sizeof *w->st);
    if (!w->pick || !w->gather || !w->boot || !w->s1 || !w->st) {
        samen_sa_work_free(w);
        return NULL;
    }
    return w;
}

void samen_sa_work_free(samen_sa_work *w)
{
    if (!w)
        return;
    free(w->pick);
    free(w->gather);
    free(w->boot);
    free(w->s1);
    free(w->st);
    free(w);
}

int samen_sa_check(const samen_sa_work *w, size_t rows, int k, double level,
                   samen_error *err)
{
    if (!(level > 0 && level < 1))
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "level",
                               "confidence level %g must lie strictly between 0 and 1",
                               level);
    if (rows < 1 || k < 1)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "%zu rows of %d keys: need at least one of each", rows, k);
    if (!w || w->rows < rows || w->k < k)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "the workspace holds %zu rows of %d keys, not %zu of %d",
                               w ? w->rows : 0, w ? w->k : 0, rows, k);
    return SAMEN_OK;
}

void samen_sa_draw(samen_sa_work *w, size_t n, gsl_rng *rng)
{
    for (size_t j = 0; j < n; j++)
        w->pick[j] = (size_t)gsl_rng_uniform_int(rng, (unsigned long)n);
}

void samen_sa_percentiles(double *v, size_t n, double level, double *lo, double *hi)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(v[i]))
            v[m++] = v[i];
    if (m == 0) {
        *lo = *hi = NAN;
        return;
    }
    gsl_sort(v, 1, m);
    *lo = gsl_stats_quantile_from_sorted_data(v, 1, m, (1 - level) / 2);
    *hi = gsl_stats_quantile_from_sorted_data(v, 1, m, (1 + level) / 2);
}
