/* analyse.c: `samen analyse`: the value of each outcome at each point of
 * a saltelli or morris sweep (the mean over the point's replicates), and
 * sensitivity.csv from the estimators of sobol.c and morris.c. */
#include "sensitivity/analyse.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_statistics_double.h>

#include "sensitivity/sensitivity.h"
#include "sweep/tables.h"
#include "util/outfile.h"
#include "util/parse.h"
#include "output/descriptors.h"

#define LEVEL 0.95

const char *const samen_analyse_default_outcomes[] = {"agreed", "dissolved", "members",
                                                      "dropouts", "trust", NULL};

/* The outcomes summary.csv gives, in the order of kind. */
enum { OC_AGREED, OC_DISSOLVED, OC_COMPLETED, OC_MEMBERS, OC_DROPOUTS, OC_COLUMN };
static const char *const summary_outcomes[] = {"agreed", "dissolved", "completed",
                                               "members", "dropouts"};

typedef struct outcome {
    const char *name;
    int kind;
    int slot;              /* OC_COLUMN: its place among the columns read */
} outcome;

static int kind_of(const char *name)
{
    for (int i = 0; i < OC_COLUMN; i++)
        if (!strcmp(name, summary_outcomes[i]))
            return i;
    return samen_network_numeric_column(name) >= 0 ? OC_COLUMN : -1;
}

int samen_analyse_check_outcome(const char *name, samen_error *err)
{
    if (kind_of(name) >= 0)
        return SAMEN_OK;
    /* The nearest of the summary outcomes and network.csv's columns. */
    samen_near near;
    samen_near_start(&near, name);
    for (int i = 0; i < OC_COLUMN; i++)
        samen_near_offer(&near, summary_outcomes[i]);
    const samen_table *t = &samen_tables[SAMEN_OUT_NETWORK];
    for (int i = 0; i < t->ncolumns; i++)
        if (samen_network_numeric_column(t->columns[i].name) >= 0)
            samen_near_offer(&near, t->columns[i].name);
    return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--outcome",
                           "unknown outcome '%s' (did you mean '%s'?); an outcome is "
                           "agreed, dissolved, completed, members, dropouts or a numeric "
                           "column of network.csv (its value in the network's last row)",
                           name, near.best);
}

/* The outcome in the run's item e: NAN where there is none. */
static double value(const samen_sweep_outcomes *o, const outcome *oc,
                    const samen_net_entry *e)
{
    if (!e)
        return NAN;
    const samen_net_outcome *s = &e->oc;
    switch (oc->kind) {
    case OC_AGREED: return s->agreed;
    case OC_DISSOLVED: return s->dissolved;
    case OC_COMPLETED: return s->completed;
    case OC_MEMBERS: return s->members;
    case OC_DROPOUTS: return s->dropouts;
    default: return o->last[(size_t)(e - o->entry) * (size_t)o->n_cols + (size_t)oc->slot];
    }
}

/* Up to 8 runs of the given status, as "1, 4, 9, ..." into buf. */
static void list_runs(const samen_sweep_index *idx, unsigned char status, char *buf,
                      size_t n)
{
    size_t used = 0, named = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < idx->n_runs && used < n; i++)
        if (idx->status[i] == status) {
            int w = named == 8 ? snprintf(buf + used, n - used, ", ...")
                               : snprintf(buf + used, n - used, "%s%zu", named ? ", " : "", i);
            used += w > 0 ? (size_t)w : 0;
            if (named++ == 8)
                break;
        }
}

/* Every run must be done: the estimators need a value at every point. */
static int all_done(const samen_sweep *sw, const char *out, const samen_sweep_index *idx,
                    samen_error *err)
{
    size_t pending = idx->counts[SAMEN_RUN_PENDING], failed = idx->counts[SAMEN_RUN_FAILED];
    if (pending + failed == 0)
        return SAMEN_OK;
    char p[200], f[200];
    list_runs(idx, SAMEN_RUN_PENDING, p, sizeof p);
    list_runs(idx, SAMEN_RUN_FAILED, f, sizeof f);
    return samen_error_set(err, SAMEN_EINPUT, out, 0, NULL,
                           "%zu of %zu runs are not done (pending: %s; failed: %s); the "
                           "indices need every run: finish them with `samen sweep SWEEP "
                           "--out %s --resume`", pending + failed, sw->n_runs,
                           pending ? p : "none", failed ? f : "none", out);
}

/* Resolves the outcomes and the network.csv columns they need. */
static int resolve(const samen_sweep *sw, const char *out, const char *const *names, int n,
                   outcome *oc, int *cols, int *n_cols, samen_error *err)
{
    *n_cols = 0;
    for (int i = 0; i < n; i++) {
        int rc = samen_analyse_check_outcome(names[i], err);
        if (rc)
            return rc;
        oc[i] = (outcome){.name = names[i], .kind = kind_of(names[i])};
        if (oc[i].kind != OC_COLUMN)
            continue;
        if (!(sw->tables & (1u << SAMEN_OUT_NETWORK)))
            return samen_error_set(err, SAMEN_EINPUT, out, 0, "tables",
                                   "outcome '%s' is a column of network.csv, but this sweep "
                                   "keeps no network table (tables in sweep.ini); use "
                                   "--outcome with agreed, dissolved, completed, members "
                                   "or dropouts", names[i]);
        int col = samen_network_numeric_column(names[i]), slot = 0;
        while (slot < *n_cols && cols[slot] != col)
            slot++;
        if (slot == *n_cols)
            cols[(*n_cols)++] = col;
        oc[i].slot = slot;
    }
    return SAMEN_OK;
}

/* f[p]: the outcome at each point, the mean over its replicates. */
static int point_values(const samen_sweep *sw, const samen_sweep_outcomes *o,
                        const outcome *oc, int net, double *rep, double *f,
                        samen_error *err)
{
    size_t reps = (size_t)sw->replicates;
    for (size_t p = 0; p < sw->n_points; p++) {
        for (size_t r = 0; r < reps; r++) {
            size_t run = p * reps + r;
            rep[r] = value(o, oc, samen_sweep_outcome(o, run, net));
            if (!isfinite(rep[r]))
                return samen_error_set(err, SAMEN_EINPUT, NULL, 0, oc->name,
                                       "run %zu has no value of '%s' for network %s (a "
                                       "network with no network.csv rows starts after "
                                       "the run's last step)", run, oc->name,
                                       o->nets[net]);
        }
        f[p] = gsl_stats_mean(rep, 1, reps);
    }
    return SAMEN_OK;
}

/* One row: outcome, network, key, then n numbers, each empty where
 * there is none (NAN). */
static void put_row(FILE *fp, const outcome *oc, const char *net, const char *key,
                    const double *v, int n)
{
    samen_csv_text(fp, oc->name);
    fputc(',', fp);
    samen_csv_text(fp, net);
    fputc(',', fp);
    samen_csv_text(fp, key);
    for (int i = 0; i < n; i++) {
        fputc(',', fp);
        if (isfinite(v[i]))
            samen_csv_num(fp, v[i]);
    }
    fputc('\n', fp);
}

/* The buffers of the analysis, sized once. */
typedef struct buffers {
    double *rep, *f, *ee;
    samen_sa_work *w;
    void *index;           /* samen_sobol_index or samen_morris_index, k of them */
    gsl_rng *rng;
} buffers;

static int analyse_one(FILE *fp, const samen_sweep *sw, const samen_sweep_outcomes *o,
                       const outcome *oc, int net, buffers *b, samen_error *err)
{
    int rc = point_values(sw, o, oc, net, b->rep, b->f, err);
    if (rc)
        return rc;
    gsl_rng_set(b->rng, sw->seed);
    int k = sw->n_keys;
    if (sw->design == SAMEN_DESIGN_SALTELLI) {
        samen_sobol_index *s = b->index;
        rc = samen_sobol_analyse(b->f, (size_t)sw->samples, k, LEVEL, b->rng, b->w, s, err);
        for (int i = 0; rc == SAMEN_OK && i < k; i++) {
            const double v[] = {s[i].s1, s[i].s1_lo, s[i].s1_hi, s[i].st, s[i].st_lo,
                                s[i].st_hi};
            put_row(fp, oc, o->nets[net], sw->keys[i].key, v, 6);
        }
        return rc;
    }
    samen_morris_index *m = b->index;
    size_t r = (size_t)sw->trajectories;
    rc = samen_morris_effects(b->f, sw->unit, r, k, samen_morris_delta(sw->levels), b->ee,
                              err);
    if (rc == SAMEN_OK)
        rc = samen_morris_analyse(b->ee, r, k, LEVEL, b->rng, b->w, m, err);
    for (int i = 0; rc == SAMEN_OK && i < k; i++) {
        const double v[] = {m[i].mu, m[i].mu_star, m[i].sigma, m[i].mu_star_lo,
                            m[i].mu_star_hi};
        put_row(fp, oc, o->nets[net], sw->keys[i].key, v, 5);
    }
    return rc;
}

/* A network founded in some runs only (MODEL.md 4.14: named f<step>.<id>,
 * which no declared network can be) has no value to compare across the
 * points: it is left out, as a network every run has is not. */
static int founded_in_some(const samen_sweep_outcomes *o, int net)
{
    return strchr(o->nets[net], '.') && (size_t)o->runs_with[net] < o->n_runs;
}

static int write_file(const samen_sweep *sw, const char *out, const samen_sweep_outcomes *o,
                      const outcome *oc, int n_oc, buffers *b, size_t *n_rows,
                      samen_error *err)
{
    samen_outfile f;
    int rc = samen_outfile_open(&f, out, "sensitivity.csv", err);
    if (rc)
        return rc;
    fputs(sw->design == SAMEN_DESIGN_SALTELLI
              ? "outcome,network,key,S1,S1_low,S1_high,ST,ST_low,ST_high\n"
              : "outcome,network,key,mu,mu_star,sigma,mu_star_low,mu_star_high\n", f.fp);
    for (int i = 0; rc == SAMEN_OK && i < n_oc; i++)
        for (int net = 0; rc == SAMEN_OK && net < o->n_nets; net++) {
            if (founded_in_some(o, net))
                continue;
            rc = analyse_one(f.fp, sw, o, &oc[i], net, b, err);
            *n_rows += (size_t)sw->n_keys;
        }
    if (rc) {
        samen_outfile_discard(&f);
        return rc;
    }
    return samen_outfile_commit(&f, err);
}

int samen_analyse_write(const samen_sweep *sw, const char *out, samen_sweep_index *idx,
                        const char *const *names, int n_names, size_t resamples,
                        size_t *n_rows, samen_error *err)
{
    *n_rows = 0;
    if (sw->design != SAMEN_DESIGN_SALTELLI && sw->design != SAMEN_DESIGN_MORRIS)
        return samen_error_set(err, SAMEN_EINPUT, out, 0, "design",
                               "samen analyse reads a sweep with design = saltelli or "
                               "morris; this one is %s (samen summarise describes any "
                               "sweep point by point)", samen_design_names[sw->design]);
    outcome *oc = malloc((size_t)(n_names > 0 ? n_names : 1) * sizeof *oc);
    int *cols = malloc((size_t)(n_names > 0 ? n_names : 1) * sizeof *cols);
    int n_cols = 0, rc = SAMEN_OK;
    if (!oc || !cols)
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    if (rc == SAMEN_OK)
        rc = resolve(sw, out, names, n_names, oc, cols, &n_cols, err);
    if (rc == SAMEN_OK)
        rc = all_done(sw, out, idx, err);
    samen_sweep_outcomes o = {0};
    if (rc == SAMEN_OK)
        rc = samen_sweep_outcomes_read(sw, out, idx, cols, n_cols, &o, err);
    size_t k = (size_t)sw->n_keys;
    int saltelli = sw->design == SAMEN_DESIGN_SALTELLI;
    size_t rows = saltelli ? (size_t)sw->samples : (size_t)sw->trajectories;
    buffers b = {
        .rep = malloc((size_t)sw->replicates * sizeof *b.rep),
        .f = malloc(sw->n_points * sizeof *b.f),
        .ee = saltelli ? NULL : malloc(rows * k * sizeof *b.ee),
        .w = samen_sa_work_alloc(rows, sw->n_keys, resamples),
        .index = malloc(k * (saltelli ? sizeof(samen_sobol_index)
                                      : sizeof(samen_morris_index))),
        .rng = gsl_rng_alloc(gsl_rng_mt19937),
    };
    if (rc == SAMEN_OK
        && (!b.rep || !b.f || (!saltelli && !b.ee) || !b.w || !b.index || !b.rng))
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    if (rc == SAMEN_OK)
        rc = write_file(sw, out, &o, oc, n_names, &b, n_rows, err);
    free(b.rep);
    free(b.f);
    free(b.ee);
    samen_sa_work_free(b.w);
    free(b.index);
    gsl_rng_free(b.rng);
    samen_sweep_outcomes_free(&o);
    free(oc);
    free(cols);
    return rc;
}
