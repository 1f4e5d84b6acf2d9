/* km.h: the Kaplan-Meier estimate of a survival curve from right-censored
 * times, and its quantiles (the median) with a confidence interval by the
 * test-inversion of Brookmeyer and Crowley (1982); calibration target C2
 * (MODEL.md section 1). */
#ifndef SAMEN_STATS_KM_H
#define SAMEN_STATS_KM_H

#include <stddef.h>

#include "samen/error.h"

/* Scale on which the pointwise interval of S(t) is built before it is
 * inverted: plain (S ± z·se, Brookmeyer and Crowley's original), log (R
 * survfit's default conf.type) or log-log (SAS LIFETEST's default). */
typedef enum {
    SAMEN_KM_PLAIN = 0,
    SAMEN_KM_LOG = 1,
    SAMEN_KM_LOGLOG = 2
} samen_km_transform;

/* The curve at its k distinct event times, ascending. surv[i] is S just
 * after time[i]; gw[i] the Greenwood sum Σ d/(r(r−d)) up to time[i], the
 * variance of log S (HUGE_VAL once S reaches 0). */
typedef struct samen_km {
    size_t n, n_events, k;
    double tmax; /* largest observed time, event or censored */
    double *time;
    long *at_risk, *events;
    double *surv, *gw;
} samen_km;

/* A quantile and its interval; HUGE_VAL where the curve (or the bound)
 * never falls to the level ("not reached", NA in R). */
typedef struct samen_km_q {
    double est, lo, hi;
} samen_km_q;

/* Fits the curve to n observations: time[i] ≥ 0 and finite, event[i] 1
 * for an event, 0 for a censoring. A censoring at an event time counts as
 * at risk at that time. n may be 0 (an empty curve). Returns NULL with err
 * filled (SAMEN_EINPUT naming the observation, or SAMEN_EIO out of memory). */
samen_km *samen_km_alloc(const double *time, const int *event, size_t n,
                         samen_error *err);

/* Frees the curve; NULL is a no-op. */
void samen_km_free(samen_km *km);

/* S(t): 1 before the first event time. */
double samen_km_surv(const samen_km *km, double t);

/* The p-quantile of the time to event (p = 0.5: the median): the smallest
 * t with S(t) ≤ 1 − p; where S equals 1 − p on a flat stretch, the midpoint
 * of that stretch (up to the next event time, or the largest observed time),
 * as R's quantile.survfit does. The interval [lo, hi] at the given level
 * (0 < level < 1) holds the t whose pointwise interval of S (on the
 * transform's scale, Greenwood variance) contains 1 − p: lo where the lower
 * bound of S reaches 1 − p, hi where the upper bound does, by the same rule. Returns SAMEN_OK, or SAMEN_EINPUT for p or
 * level outside (0,1) or an unknown transform. */
int samen_km_quantile(const samen_km *km, double p, double level,
                      samen_km_transform tr, samen_km_q *out, samen_error *err);

#endif
