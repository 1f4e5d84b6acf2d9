/* predict.h: the posterior predictive check of a fit (`samen predict`,
 * FORMATS.md "Fit file"). Internal to samen. */
#ifndef SAMEN_FIT_PREDICT_H
#define SAMEN_FIT_PREDICT_H

#include <stddef.h>

#include "fit/fitrun.h"

/* Draws `draws` particles of the fit's last generation (o->out's
 * particles.csv) by weight, runs each with fresh seeds (o->out/predictive/
 * draws-N/, a sweep folder, resumed when run again) and writes
 * o->out/predictive.csv: per target the draws' mean, 2.5 % and 97.5 %
 * quantiles and whether the observed value lies between them. */
int samen_fit_predict(const samen_fit *f, const samen_fit_opts *o, size_t draws,
                      samen_fit_result *res, samen_error *err);

#endif
