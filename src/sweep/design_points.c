/* design_points.c: design = points, a sweep whose points are given in a
 * CSV file (the layout of design.csv): what `samen fit` writes for each
 * generation's candidates, so that a generation is a sweep folder that
 * loads, resumes, collects and runs under MPI like any other. */
#include "sweep/design.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv_read.h"
#include "util/grow.h"
#include "util/parse.h"

typedef struct points_reader {
    samen_sweep *sw;
    size_t cap;            /* rows sw->matrix has room for */
} points_reader;

static int on_row(void *user, int line, char **f, int n, samen_error *err)
{
    points_reader *pr = user;
    samen_sweep *sw = pr->sw;
    const char *path = sw->points;
    if (line == 1) {
        if (n != sw->n_keys + 1 || strcmp(f[0], "point"))
            return samen_error_set(err, SAMEN_EINPUT, path, line, NULL,
                                   "the header has %d columns; a points file has point "
                                   "and then each [vary] key in order (%d columns)", n,
                                   sw->n_keys + 1);
        for (int k = 0; k < sw->n_keys; k++)
            if (strcmp(f[k + 1], sw->keys[k].key))
                return samen_error_set(err, SAMEN_EINPUT, path, line, f[k + 1],
                                       "column %d is '%s'; [vary] key %d is '%s' (the "
                                       "columns follow [vary]'s order)", k + 2, f[k + 1],
                                       k + 1, sw->keys[k].key);
        return SAMEN_OK;
    }
    if (n != sw->n_keys + 1)
        return samen_error_set(err, SAMEN_EINPUT, path, line, NULL,
                               "%d fields; the header has %d", n, sw->n_keys + 1);
    char msg[160];
    double v;
    if (samen_parse_number(f[0], &v, msg, sizeof msg) || v != (double)sw->n_points)
        return samen_error_set(err, SAMEN_EINPUT, path, line, "point",
                               "'%s': points are numbered 0, 1, 2, ... in order; this "
                               "row should be point %zu", f[0], sw->n_points);
    if ((size_t)n * (sw->n_points + 1) > SAMEN_SWEEP_MAX_RUNS)
        return samen_error_set(err, SAMEN_EINPUT, path, line, NULL,
                               "more than %lu values", SAMEN_SWEEP_MAX_RUNS);
    /* rows of n_keys values double as they come */
    double *m = samen_grow(sw->matrix, sw->n_points, &pr->cap,
                           (size_t)sw->n_keys * sizeof *m, 64);
    if (!m)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    sw->matrix = m;
    for (int k = 0; k < sw->n_keys; k++) {
        const samen_sweep_key *key = &sw->keys[k];
        if (samen_parse_number(f[k + 1], &v, msg, sizeof msg))
            return samen_error_set(err, SAMEN_EINPUT, path, line, key->key, "'%s': %s",
                                   f[k + 1], msg);
        if (!(v >= key->min && v <= key->max))
            return samen_error_set(err, SAMEN_EINPUT, path, line, key->key,
                                   "%s is outside the key's range %s in [vary] (%.17g to "
                                   "%.17g)", f[k + 1], key->text, key->min, key->max);
        m[sw->n_points * (size_t)sw->n_keys + (size_t)k] = key->is_whole ? round(v) + 0.0 : v;
    }
    sw->n_points++;
    return SAMEN_OK;
}

int samen_design_points_read(samen_sweep *sw, samen_error *err)
{
    points_reader pr = {.sw = sw};
    sw->n_points = 0;
    int rc = samen_csv_read(sw->points, on_row, &pr, err);
    if (rc == SAMEN_OK && sw->n_points == 0)
        rc = samen_error_set(err, SAMEN_EINPUT, sw->points, 1, NULL,
                             "no points: a points file has a header and one row per point");
    return rc;
}
