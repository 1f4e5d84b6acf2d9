/* predict.c: the posterior predictive check of a fit (`samen predict`):
 * particles of the last generation drawn by weight, each run with fresh
 * seeds as a sweep of design = points in DIR/predictive/draws-N/, and per
 * target the draws' mean and 95 % interval against the observed value. */
#include "fit/predict.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "util/csv_read.h"
#include "util/outfile.h"
#include "util/parse.h"

/* The last generation's rows of particles.csv. */
typedef struct particles {
    const samen_fit *f;
    const char *path;
    long gen;
    double *theta, *weight;
    size_t n, cap;
} particles;

static int on_particle(void *user, int line, char **fields, int n, samen_error *err)
{
    particles *p = user;
    int want = 4 + p->f->n_keys + p->f->n_targets;
    if (n != want)
        return samen_error_set(err, SAMEN_EINPUT, p->path, line, NULL,
                               "%d fields; the fit's particles.csv has %d", n, want);
    if (line == 1)
        return SAMEN_OK;
    char msg[160];
    double v[2 + 64];
    int nk = p->f->n_keys;
    for (int i = 0; i < 2 + nk; i++) {
        int col = i == 0 ? 0 : i == 1 ? 2 : 2 + i;
        if (samen_parse_number(fields[col], &v[i], msg, sizeof msg))
            return samen_error_set(err, SAMEN_EINPUT, p->path, line, NULL, "field %d: %s",
                                   col + 1, msg);
    }
    long g = (long)v[0];
    if (g > p->gen) {
        p->gen = g;
        p->n = 0;
    }
    if (samen_fit_grow_rows(&p->theta, (size_t)nk, &p->weight, p->n, &p->cap))
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    p->weight[p->n] = v[1];
    memcpy(&p->theta[p->n * (size_t)nk], &v[2], (size_t)nk * sizeof *v);
    p->n++;
    return SAMEN_OK;
}

static int write_predictive(const samen_fit *f, const char *dir, const double *stats,
                            size_t draws, samen_error *err)
{
    samen_outfile of;
    int rc = samen_outfile_open(&of, dir, "predictive.csv", err);
    if (rc)
        return rc;
    double *x = malloc((draws ? draws : 1) * sizeof *x);
    if (!x) {
        samen_outfile_discard(&of);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    fputs("target,measure,observed,mean,low,high,inside\n", of.fp);
    for (int t = 0; t < f->n_targets; t++) {
        size_t n = 0;
        for (size_t d = 0; d < draws; d++)
            if (isfinite(stats[d * (size_t)f->n_targets + (size_t)t]))
                x[n++] = stats[d * (size_t)f->n_targets + (size_t)t];
        samen_csv_text(of.fp, f->targets[t].name);
        fputc(',', of.fp);
        samen_csv_text(of.fp, f->targets[t].measure->name);
        fputc(',', of.fp);
        samen_csv_num(of.fp, f->observed[t]);
        if (n == 0) {
            /* no draw gave the measure a value */
            fputs(",,,,0\n", of.fp);
            continue;
        }
        gsl_sort(x, 1, n);
        double lo = gsl_stats_quantile_from_sorted_data(x, 1, n, 0.025);
        double hi = gsl_stats_quantile_from_sorted_data(x, 1, n, 0.975);
        fputc(',', of.fp);
        samen_csv_num(of.fp, gsl_stats_mean(x, 1, n));
        fputc(',', of.fp);
        samen_csv_num(of.fp, lo);
        fputc(',', of.fp);
        samen_csv_num(of.fp, hi);
        fprintf(of.fp, ",%d\n", f->observed[t] >= lo && f->observed[t] <= hi);
    }
    free(x);
    if ((rc = samen_outfile_close(&of, err)) == SAMEN_OK)
        rc = samen_outfile_commit(&of, err);
    return rc;
}

int samen_fit_predict(const samen_fit *f, const samen_fit_opts *o, size_t draws,
                      samen_fit_result *res, samen_error *err)
{
    memset(res, 0, sizeof *res);
    char path[4400], dir[4300];
    snprintf(path, sizeof path, "%s/particles.csv", o->out);
    particles p = {.f = f, .path = path, .gen = -1};
    if (f->n_keys > 64)
        return samen_error_set(err, SAMEN_EINPUT, o->out, 0, NULL,
                               "samen predict takes fits of at most 64 keys");
    int rc = samen_csv_read(path, on_particle, &p, err);
    if (!rc && p.n == 0)
        rc = samen_error_set(err, SAMEN_EINPUT, path, 0, NULL,
                             "no particles: the fit has no full generation yet");
    size_t nk = (size_t)f->n_keys;
    double *theta = malloc(draws * nk * sizeof *theta);
    double *stats = malloc(draws * (size_t)f->n_targets * sizeof *stats);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_ran_discrete_t *pick = p.n ? gsl_ran_discrete_preproc(p.n, p.weight) : NULL;
    if (!rc && (!theta || !stats || !rng || !pick))
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    if (!rc) {
        /* generation -1: a stream of seeds no generation uses */
        gsl_rng_set(rng, samen_abc_seed(f->seed, -1, 0, 0));
        for (size_t d = 0; d < draws; d++)
            memcpy(&theta[d * nk], &p.theta[gsl_ran_discrete(rng, pick) * nk],
                   nk * sizeof *theta);
        snprintf(dir, sizeof dir, "%s/predictive", o->out);
        if (samen_fit_mkdir(dir, err) == SAMEN_OK) {
            snprintf(dir, sizeof dir, "%s/predictive/draws-%zu", o->out, draws);
            char what[64];
            snprintf(what, sizeof what, "%zu predictive draws", draws);
            samen_fit_points pts;
            rc = samen_fit_points_open(f, o, dir, what, samen_abc_seed(f->seed, -1, 1, 0),
                                       theta, draws, &pts, err);
            if (!rc)
                rc = samen_fit_points_run(f, o, &pts, draws, res, err);
            for (size_t d = 0; !rc && !res->interrupted && d < draws; d++)
                rc = samen_fit_points_stats(f, &pts, d, &stats[d * (size_t)f->n_targets], err);
            samen_error e2;
            if (samen_fit_points_close(&pts, !rc && !res->interrupted, &e2) && !rc) {
                *err = e2;
                rc = e2.code;
            }
            if (!rc && !res->interrupted)
                rc = write_predictive(f, o->out, stats, draws, err);
        } else {
            rc = err->code;
        }
    }
    if (pick)
        gsl_ran_discrete_free(pick);
    if (rng)
        gsl_rng_free(rng);
    free(theta);
    free(stats);
    free(p.theta);
    free(p.weight);
    return rc;
}
