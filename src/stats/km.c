/* km.c: the Kaplan-Meier estimator with Greenwood's variance and the
 * Brookmeyer-Crowley interval of its quantiles (calibration target C2). */
#include "stats/km.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>

typedef struct obs {
    double t;
    int d;
} obs;

static int by_time(const void *a, const void *b)
{
    const obs *x = a, *y = b;
    return (x->t > y->t) - (x->t < y->t);
}

samen_km *samen_km_alloc(const double *time, const int *event, size_t n,
                         samen_error *err)
{
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(time[i]) || time[i] < 0) {
            samen_error_set(err, SAMEN_EINPUT, NULL, 0, "time",
                            "observation %zu: time %g must be a finite number >= 0",
                            i + 1, time[i]);
            return NULL;
        }
        if (event[i] != 0 && event[i] != 1) {
            samen_error_set(err, SAMEN_EINPUT, NULL, 0, "event",
                            "observation %zu: event %d must be 1 (event) or 0 "
                            "(censored)", i + 1, event[i]);
            return NULL;
        }
    }
    samen_km *km = calloc(1, sizeof *km);
    obs *o = malloc((n ? n : 1) * sizeof *o);
    size_t cap = n ? n : 1;
    if (km) {
        km->time = malloc(cap * sizeof *km->time);
        km->at_risk = malloc(cap * sizeof *km->at_risk);
        km->events = malloc(cap * sizeof *km->events);
        km->surv = malloc(cap * sizeof *km->surv);
        km->gw = malloc(cap * sizeof *km->gw);
    }
    if (!km || !o || !km->time || !km->at_risk || !km->events || !km->surv || !km->gw) {
        free(o);
        samen_km_free(km);
        samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        o[i] = (obs){time[i], event[i]};
    qsort(o, n, sizeof *o, by_time);
    km->n = n;
    km->tmax = n ? o[n - 1].t : 0;
    double s = 1, gw = 0;
    for (size_t i = 0; i < n;) {
        /* everyone with time >= t is at risk at t, censored ones included */
        long r = (long)(n - i), d = 0;
        size_t j = i;
        for (; j < n && o[j].t == o[i].t; j++)
            d += o[j].d;
        if (d > 0) {
            s *= 1 - (double)d / (double)r;
            gw = d == r ? HUGE_VAL : gw + (double)d / ((double)r * (double)(r - d));
            km->time[km->k] = o[i].t;
            km->at_risk[km->k] = r;
            km->events[km->k] = d;
            km->surv[km->k] = s;
            km->gw[km->k] = gw;
            km->k++;
            km->n_events += (size_t)d;
        }
        i = j;
    }
    free(o);
    return km;
}

void samen_km_free(samen_km *km)
{
    if (!km)
        return;
    free(km->time);
    free(km->at_risk);
    free(km->events);
    free(km->surv);
    free(km->gw);
    free(km);
}

double samen_km_surv(const samen_km *km, double t)
{
    double s = 1;
    for (size_t i = 0; i < km->k && km->time[i] <= t; i++)
        s = km->surv[i];
    return s;
}

/* Pointwise bound of S at event time i: side -1 lower, +1 upper, 0 the
 * estimate itself; NaN where undefined. */
static double bound(const samen_km *km, size_t i, int side, double z,
                    samen_km_transform tr)
{
    double s = km->surv[i];
    if (side == 0)
        return s;
    if (s <= 0)
        return NAN; /* Greenwood's variance is undefined at S = 0; R: NA */
    double se = sqrt(km->gw[i]); /* standard error of log S */
    double b;
    switch (tr) {
    case SAMEN_KM_PLAIN:
        b = s + side * z * s * se;
        break;
    case SAMEN_KM_LOG:
        b = s * exp(side * z * se);
        break;
    default: /* log-log: the interval of log(-log S), mapped back */
        b = pow(s, exp(-side * z * se / fabs(log(s))));
        break;
    }
    return fmin(1, fmax(0, b));
}

/* The quantile rule of R's findq (survival 3.5): NA (HUGE_VAL) if the
 * curve never gets to q; else the first event time at which it is at or
 * below q, within R's tolerance sqrt(DBL_EPSILON); if it sits at q there,
 * the midpoint between that time and the next time it falls below q (the
 * largest observed time if it never does). */
static double first_at_or_below(const samen_km *km, double q, int side, double z,
                                samen_km_transform tr)
{
    const double tol = 1.490116119384765625e-8;
    double lowest = 1; /* fmin skips NaN, as R's max(y, na.rm = TRUE) */
    for (size_t j = 0; j < km->k; j++)
        lowest = fmin(lowest, bound(km, j, side, z, tr));
    if (lowest > q)
        return HUGE_VAL;
    for (size_t j = 0; j < km->k; j++) {
        double y = bound(km, j, side, z, tr);
        if (isnan(y) || y > q + tol)
            continue;
        if (y < q - tol)
            return km->time[j];
        for (size_t i = j + 1; i < km->k; i++)
            if (bound(km, i, side, z, tr) < q - tol)
                return (km->time[j] + km->time[i]) / 2;
        return (km->time[j] + km->tmax) / 2;
    }
    return HUGE_VAL; /* not reached: lowest <= q means some j qualifies */
}

int samen_km_quantile(const samen_km *km, double p, double level,
                      samen_km_transform tr, samen_km_q *out, samen_error *err)
{
    if (!(p > 0 && p < 1))
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "p",
                               "quantile %g must lie strictly between 0 and 1", p);
    if (!(level > 0 && level < 1))
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "level",
                               "confidence level %g must lie strictly between 0 and 1",
                               level);
    if (tr != SAMEN_KM_PLAIN && tr != SAMEN_KM_LOG && tr != SAMEN_KM_LOGLOG)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "transform",
                               "unknown transform %d: plain, log or log-log", (int)tr);
    double z = gsl_cdf_ugaussian_Pinv((1 + level) / 2);
    double q = 1 - p;
    out->est = first_at_or_below(km, q, 0, z, tr);
    /* the lower bound of S reaches q first: it gives the lower limit */
    out->lo = first_at_or_below(km, q, -1, z, tr);
    out->hi = first_at_or_below(km, q, +1, z, tr);
    return SAMEN_OK;
}
