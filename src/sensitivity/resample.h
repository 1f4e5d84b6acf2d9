/* resample.h: what the Sobol and Morris estimators share inside the
 * module: the workspace's layout and the bootstrap of rows with its
 * percentile interval. */
#ifndef SAMEN_SENSITIVITY_RESAMPLE_H
#define SAMEN_SENSITIVITY_RESAMPLE_H

#include "sensitivity/sensitivity.h"

struct samen_sa_work {
    size_t rows, resamples;
    int k;
    size_t *pick;     /* rows: one resample's rows */
    double *gather;   /* 2 x rows: values gathered for a GSL call */
    double *boot;     /* 2 x resamples x k: one statistic per resample and key */
    double *s1, *st;  /* k each: one resample's indices */
};

/* Checks the arguments common to both analyses. */
int samen_sa_check(const samen_sa_work *w, size_t rows, int k, double level,
                   samen_error *err);

/* Draws n row numbers below n, with replacement, into w->pick. */
void samen_sa_draw(samen_sa_work *w, size_t n, gsl_rng *rng);

/* The percentile interval at level of the finite ones of the n values
 * (sorted in place): NAN, NAN when none is finite. */
void samen_sa_percentiles(double *v, size_t n, double level, double *lo, double *hi);

#endif
