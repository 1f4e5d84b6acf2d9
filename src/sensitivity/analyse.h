/* analyse.h: `samen analyse`: sensitivity.csv of a saltelli or morris
 * sweep folder (FORMATS.md), from the runs' outcomes and the estimators
 * of sensitivity.h. */
#ifndef SAMEN_SENSITIVITY_ANALYSE_H
#define SAMEN_SENSITIVITY_ANALYSE_H

#include "sweep/parts.h"

/* What is analysed when no outcome is named: agreed, dissolved, members,
 * dropouts, trust (NULL-terminated). */
extern const char *const samen_analyse_default_outcomes[];

/* Checks an outcome's name: agreed, dissolved, completed, members,
 * dropouts, or a numeric column of network.csv. Returns SAMEN_OK, or
 * SAMEN_EINPUT with err naming the nearest outcome (key "--outcome"). */
int samen_analyse_check_outcome(const char *name, samen_error *err);

/* Writes OUT/sensitivity.csv (whole or not at all): per outcome, network
 * and key the Sobol indices of a saltelli sweep or the Morris measures of
 * a morris sweep, with bootstrap intervals from `resamples` resamples (0:
 * none) drawn by a gsl_rng_mt19937 seeded with the sweep seed for each
 * outcome and network, so a row does not depend on which other outcomes
 * were asked. *n_rows gets the rows written. Returns SAMEN_OK, or
 * SAMEN_EINPUT for a sweep of another design, runs not done (named), an
 * unknown outcome, or one that needs network.csv where the sweep does not
 * keep it; SAMEN_EIO for I/O and memory. */
int samen_analyse_write(const samen_sweep *sw, const char *out, samen_sweep_index *idx,
                        const char *const *outcomes, int n_outcomes, size_t resamples,
                        size_t *n_rows, samen_error *err);

#endif
