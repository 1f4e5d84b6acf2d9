/* fitfile.h: the fit file of `samen fit` (FORMATS.md "Fit file"): [fit],
 * [set], [prior] and one [target NAME] per target, validated against the
 * base scenario, and written back as the folder's fit.ini. Internal to
 * samen. */
#ifndef SAMEN_FIT_FITFILE_H
#define SAMEN_FIT_FITFILE_H

#include <stdint.h>
#include <stdio.h>

#include "fit/abc.h"
#include "fit/measures.h"
#include "samen/error.h"

typedef struct samen_fit_kv {
    char *key, *value;
    int line;
} samen_fit_kv;

typedef struct samen_fit_target {
    char *name;
    const samen_measure *measure;
    int line;
} samen_fit_target;

typedef struct samen_fit {
    char *path;              /* the fit file as given */
    char *scenario;          /* the base scenario, resolved */
    long particles, replicates, generations;
    double quantile, min_acceptance;
    uint32_t seed;
    int n_set;
    samen_fit_kv *set;       /* [set] in file order */
    int n_keys;
    samen_fit_kv *keys;      /* [prior]: key and the prior as written */
    samen_prior *prior;      /* n_keys */
    int *is_whole;           /* n_keys: the key takes whole numbers */
    int n_targets;
    samen_fit_target *targets;
    double *observed, *scale; /* n_targets */
    int last_step;           /* simulation.steps - 1, after [set] */
    int needs_ties;          /* a target reads the ties table */
} samen_fit;

/* Loads and validates a fit file: every section and key, each prior
 * against its key's valid range, each target's measure. Returns SAMEN_OK
 * and sets *out, or SAMEN_EINPUT / SAMEN_EIO with err naming file, line
 * and key. */
int samen_fit_load(samen_fit **out, const char *path, samen_error *err);
void samen_fit_free(samen_fit *f);

/* The engine's configuration of the fit (pointing into f). */
void samen_fit_config(const samen_fit *f, samen_abc_config *cfg);

/* Writes the fit as resolved (fit.ini): itself a fit file that loads to
 * the same fit. */
void samen_fit_write_resolved(const samen_fit *f, FILE *fp);

#endif
