/* measures.c: the registry of the measures a fit's target can name, one
 * function each (measures.h): C1-C5 of docs/MODEL.md section 1 and the
 * other shares and means of a run's networks. */
#include "fit/measures.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_statistics_double.h>

#include "samen/samen.h"
#include "stats/km.h"
#include "stats/stats.h"
#include "util/fields.h"
#include "util/grow.h"
#include "util/hindex.h"
#include "util/outfile.h"

/* Networks someone joined: the measures' population. */
static int joined(const samen_net_outcome *o)
{
    return o->present && o->members >= 2;
}

/* The share of joined networks for which pick says 1; NAN with none. */
static double share(const samen_run_view *v, int (*pick)(const samen_net_outcome *))
{
    int n = 0, k = 0;
    for (int i = 0; i < v->n_nets; i++)
        if (joined(&v->net[i])) {
            n++;
            k += pick(&v->net[i]);
        }
    return n ? (double)k / n : NAN;
}

static int is_dissolved(const samen_net_outcome *o) { return o->dissolved; }
static int is_agreed(const samen_net_outcome *o) { return o->agreed; }

/* C1: the share dissolved by the last step. */
static double dissolved_share(const samen_run_view *v)
{
    return share(v, is_dissolved);
}

static double agreed_share(const samen_run_view *v)
{
    return share(v, is_agreed);
}

/* C4: of the networks that ended (completed, dissolved or merged: an end
 * step), the share completed. */
static double completed_share_of_ended(const samen_run_view *v)
{
    int ended = 0, completed = 0;
    for (int i = 0; i < v->n_nets; i++)
        if (joined(&v->net[i]) && v->net[i].end_step >= 0) {
            ended++;
            completed += v->net[i].completed;
        }
    return ended ? (double)completed / ended : NAN;
}

/* C3: the mean of each network's largest member count. */
static double members_mean(const samen_run_view *v)
{
    int n = 0;
    double sum = 0;
    for (int i = 0; i < v->n_nets; i++)
        if (joined(&v->net[i])) {
            n++;
            sum += v->net[i].members;
        }
    return n ? sum / n : NAN;
}

static double dropouts_mean(const samen_run_view *v)
{
    int n = 0;
    double sum = 0;
    for (int i = 0; i < v->n_nets; i++)
        if (joined(&v->net[i])) {
            n++;
            sum += v->net[i].dropouts;
        }
    return n ? sum / n : NAN;
}

/* C2: the Kaplan-Meier median of the steps from goal agreement to
 * dissolution over the networks that agreed: dissolved ones are events at
 * their end step, completed or merged ones censored there, live ones
 * censored at the last step. NAN where the median is not reached. */
static double km_median_agreed_to_end(const samen_run_view *v)
{
    size_t n = 0;
    for (int i = 0; i < v->n_nets; i++) {
        const samen_net_outcome *o = &v->net[i];
        if (!joined(o) || !o->agreed)
            continue;
        int end = o->end_step >= 0 ? o->end_step : v->last_step;
        v->time[n] = end - o->agreed_step;
        v->event[n] = o->dissolved;
        n++;
    }
    samen_error err;
    samen_km *km = samen_km_alloc(v->time, v->event, n, &err);
    samen_km_q q;
    double med = NAN;
    if (km && samen_km_quantile(km, 0.5, 0.95, SAMEN_KM_LOG, &q, &err) == SAMEN_OK &&
        isfinite(q.est))
        med = q.est;
    samen_km_free(km);
    return med;
}

/* C5: Pearson's correlation of trust with the pair's age over the ties of
 * the last snapshot. */
static double trust_age_corr(const samen_run_view *v)
{
    if (v->n_pairs < 3)
        return NAN;
    return gsl_stats_correlation(v->trust, 1, v->age, 1, v->n_pairs);
}

/* A field (MODEL.md section 1, N4): the mean number of live networks over
 * years 8-10 (steps 364-519, those the run has); a network is live from
 * its start step to the step before its end (its end row has the end
 * phase). Every network counts, joined or not. NAN for a shorter run. */
static double live_networks(const samen_run_view *v)
{
    const int y = SAMEN_FIELD_YEAR;
    int from = y * 7, to = y * 10 - 1 < v->last_step ? y * 10 - 1 : v->last_step;
    if (to < from)
        return NAN;
    double sum = 0;
    for (int i = 0; i < v->n_nets; i++) {
        const samen_net_outcome *o = &v->net[i];
        if (!o->present)
            continue;
        int lo = o->start_step > from ? o->start_step : from;
        int hi = o->end_step >= 0 ? o->end_step - 1 : to;
        if (hi > to)
            hi = to;
        if (hi >= lo)
            sum += hi - lo + 1;
    }
    return sum / (to - from + 1);
}

/* A field: the networks founded during the run (4.14). */
static double founded(const samen_run_view *v)
{
    int n = 0;
    for (int i = 0; i < v->n_nets; i++)
        n += v->net[i].present && v->net[i].founded;
    return n;
}

static int by_degree_desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x < y) - (x > y);
}

/* N3 (MODEL.md section 1): the share of the field network's tie ends held
 * by the top 10 % of the organisations (at least one) at the last
 * snapshot; NAN without ties. v->degree is sorted here (descending). */
static double top10_tie_share(const samen_run_view *v)
{
    if (v->n_nodes == 0)
        return NAN;
    double *d = (double *)v->degree;
    qsort(d, v->n_nodes, sizeof *d, by_degree_desc);
    size_t top = v->n_nodes / 10 > 0 ? v->n_nodes / 10 : 1;
    double all = 0, head = 0;
    for (size_t i = 0; i < v->n_nodes; i++) {
        all += d[i];
        if (i < top)
            head += d[i];
    }
    return all > 0 ? head / all : NAN;
}

/* N3: the largest field degree over the median degree; NAN where the
 * median is 0 (the ratio has no value). */
static double max_median_degree(const samen_run_view *v)
{
    if (v->n_nodes == 0)
        return NAN;
    double *d = (double *)v->degree;
    qsort(d, v->n_nodes, sizeof *d, by_degree_desc);
    size_t n = v->n_nodes;
    double med = n % 2 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2;
    return med > 0 ? d[0] / med : NAN;
}

static double repeat_odds(const samen_run_view *v)
{
    return v->repeat_or;
}

static double closure_odds(const samen_run_view *v)
{
    return v->closure_or;
}

const samen_measure samen_measures[] = {
    {"dissolved_share", "C1: share of networks dissolved by the last step", 0,
     dissolved_share},
    {"km_median_agreed_to_end", "C2: Kaplan-Meier median steps from goal agreement "
     "to dissolution", 0, km_median_agreed_to_end},
    {"members_mean", "C3: mean of the networks' largest member counts", 0, members_mean},
    {"completed_share_of_ended", "C4: share completed of the networks that ended", 0,
     completed_share_of_ended},
    {"trust_age_corr", "C5: correlation of trust with pair age at the last snapshot", 1,
     trust_age_corr},
    {"agreed_share", "share of networks that agreed a goal", 0, agreed_share},
    {"dropouts_mean", "mean drop-outs per network", 0, dropouts_mean},
    {"repeat_odds", "N1: odds ratio of co-membership, pairs with a field tie vs none "
     "(field.csv every 52 steps)", 6, repeat_odds},
    {"closure_odds", "N2: odds ratio of co-membership, a common partner vs none "
     "(field.csv every 52 steps)", 6, closure_odds},
    {"top10_tie_share", "N3: share of the field's tie ends held by the top 10 % "
     "(field.csv kept)", 2, top10_tie_share},
    {"max_median_degree", "N3: largest field degree over the median (field.csv kept)", 2,
     max_median_degree},
    {"live_networks", "N4: mean live networks over years 8-10", 0, live_networks},
    {"founded", "networks founded during the run", 0, founded},
    {NULL, NULL, 0, NULL},
};

const samen_measure *samen_measure_find(const char *name)
{
    for (const samen_measure *m = samen_measures; m->name; m++)
        if (!strcmp(m->name, name))
            return m;
    return NULL;
}

void samen_measure_list(char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (const samen_measure *m = samen_measures; m->name && len < n; m++)
        len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? ", " : "", m->name);
}

/* ---- a run's view, read from a sweep folder ---- */

int samen_fit_grow_rows(double **a, size_t width, double **b, size_t n, size_t *cap)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? 2 * *cap : 256;
    double *x = realloc(*a, c * width * sizeof *x);
    if (x)
        *a = x;
    double *y = x ? realloc(*b, c * sizeof *y) : NULL;
    if (!y)
        return -1;
    *b = y;
    *cap = c;
    return 0;
}

/* The ties of one run's last snapshot. */
typedef struct ties_reader {
    long step;
    samen_measure_scratch *s;
    size_t n;
} ties_reader;

static int tie_row(void *user, const char *line, size_t len, samen_error *err)
{
    ties_reader *tr = user;
    samen_measure_scratch *s = tr->s;
    /* step,network,org_a,org_b,trust,since: trust a number up to its comma */
    const char *f[6];
    size_t fl[6];
    char *p = NULL;
    double trust = 0;
    int n = samen_split_fields(line, len, f, fl, 6);
    if (n == 6)
        trust = strtod(f[4], &p);
    if (n < 6 || p != f[4] + fl[4])
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL, "a ties row with fewer "
                               "than 6 fields");
    long step = strtol(line, NULL, 10);
    double since = strtod(f[5], NULL);
    if (step > tr->step) {
        tr->step = step;
        tr->n = 0;
    }
    if (step < tr->step)
        return SAMEN_OK;
    if (samen_fit_grow_rows(&s->trust, 1, &s->age, tr->n, &s->cap))
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    s->trust[tr->n] = trust;
    s->age[tr->n] = (double)step - since;
    tr->n++;
    return SAMEN_OK;
}

/* The field degrees of one run's last field.csv snapshot, by id. */
typedef struct field_reader {
    long step;
    samen_measure_scratch *s;
    char **ids;
    size_t n_ids, cap_ids;
    samen_hindex index;
} field_reader;

/* The place of id[0..len) among the ids seen, added if new; -1 out of
 * memory. */
static long id_of(field_reader *fr, const char *id, size_t len)
{
    uint64_t h = samen_hash_text(id, len);
    int rec = samen_hindex_find_text(&fr->index, fr->ids, id, len);
    if (rec >= 0)
        return rec;
    char **ids = samen_grow(fr->ids, fr->n_ids, &fr->cap_ids, sizeof *ids, 64);
    if (!ids)
        return -1;
    fr->ids = ids;
    if (!(fr->ids[fr->n_ids] = strndup(id, len)))
        return -1;
    if (samen_hindex_add(&fr->index, h, (int)fr->n_ids))
        return -1;
    samen_measure_scratch *s = fr->s;
    double *d = samen_grow(s->degree, fr->n_ids, &s->cap_degree, sizeof *d, 256);
    if (!d)
        return -1;
    s->degree = d;
    s->degree[fr->n_ids] = 0;
    return (long)fr->n_ids++;
}

static int field_row(void *user, const char *line, size_t len, samen_error *err)
{
    field_reader *fr = user;
    /* step,org_a,org_b,trust,shared,live: the step a number up to its comma */
    const char *f[3];
    size_t fl[3];
    char *p = NULL;
    long step = 0;
    int n = samen_split_fields(line, len, f, fl, 3);
    if (n == 3)
        step = strtol(f[0], &p, 10);
    if (n < 3 || p != f[0] + fl[0])
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "a field row with fewer than 6 fields");
    if (step > fr->step) { /* a later snapshot: its ids and degrees alone */
        fr->step = step;
        for (size_t i = 0; i < fr->n_ids; i++)
            free(fr->ids[i]);
        fr->n_ids = 0;
        samen_hindex_free(&fr->index);
    }
    if (step < fr->step)
        return SAMEN_OK;
    long ia = id_of(fr, f[1], fl[1]), ib = id_of(fr, f[2], fl[2]);
    if (ia < 0 || ib < 0)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    fr->s->degree[ia]++;
    fr->s->degree[ib]++;
    return SAMEN_OK;
}

int samen_run_view_read(samen_run_view *v, samen_sweep_index *idx, const char *dir, size_t run,
                        int last_step, int ties, samen_measure_scratch *s,
                        samen_error *err)
{
    int rc = samen_sweep_run_outcomes(dir, idx, run, &s->run, err);
    if (rc)
        return rc;
    if (s->n_nets < s->run.n || !s->time) {
        size_t n = s->run.n > 0 ? (size_t)s->run.n : 1;
        free(s->time);
        free(s->event);
        s->time = malloc(n * sizeof *s->time);
        s->event = malloc(n * sizeof *s->event);
        if (!s->time || !s->event)
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        s->n_nets = s->run.n;
    }
    *v = (samen_run_view){.net = s->run.net, .n_nets = s->run.n, .last_step = last_step,
                          .time = s->time, .event = s->event};
    if (ties & 1) {
        ties_reader tr = {.step = -1, .s = s};
        rc = samen_sweep_read_range(dir, idx, run, SAMEN_OUT_TIES, tie_row, &tr, err);
        v->trust = s->trust;
        v->age = s->age;
        v->n_pairs = tr.n;
    }
    v->repeat_or = v->closure_or = NAN;
    if (!rc && (ties & 4) && s->sc)
        rc = samen_field_odds(s->sc, dir, idx, run, &v->repeat_or, &v->closure_or, err);
    if (!rc && (ties & 2)) {
        /* every organisation of the scenario a node, those without a tie
         * at degree 0, and those mergers created (4.15) with a tie at the
         * last snapshot: the same nodes whatever snapshots field.csv has */
        field_reader fr = {.step = -1, .s = s};
        rc = samen_sweep_read_range(dir, idx, run, SAMEN_OUT_FIELD, field_row, &fr, err);
        size_t created = 0;
        for (size_t i = 0; s->sc && i < fr.n_ids; i++)
            created += samen_scenario_org_index(s->sc, fr.ids[i]) < 0;
        size_t n = (size_t)s->n_orgs + created;
        if (n < fr.n_ids)
            n = fr.n_ids;
        if (!rc && n > fr.n_ids) {
            double *d = realloc(s->degree, n * sizeof *d);
            if (!d)
                rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
            else {
                s->degree = d;
                s->cap_degree = n;
                for (size_t i = fr.n_ids; i < n; i++)
                    d[i] = 0;
            }
        }
        v->degree = s->degree;
        v->n_nodes = rc ? 0 : n;
        for (size_t i = 0; i < fr.n_ids; i++)
            free(fr.ids[i]);
        free(fr.ids);
        samen_hindex_free(&fr.index);
    }
    return rc;
}

int samen_measure_scratch_load(samen_measure_scratch *s, const samen_sweep *sw,
                               const char *dir, samen_error *err)
{
    samen_scenario_free(s->sc);
    s->sc = NULL;
    int rc = samen_sweep_load_run(sw, dir, 0, NULL, 0, &s->sc, err);
    s->n_orgs = s->sc ? s->sc->n_orgs : 0;
    return rc;
}

int samen_measure_tables(const samen_sweep *sw)
{
    int field = (sw->tables & (1u << SAMEN_OUT_FIELD)) != 0;
    int events = (sw->tables & (1u << SAMEN_OUT_EVENTS)) != 0;
    return ((sw->tables & (1u << SAMEN_OUT_TIES)) ? 1 : 0) | (field ? 2 : 0) |
           (field && events ? 4 : 0);
}

void samen_measure_scratch_free(samen_measure_scratch *s)
{
    samen_scenario_free(s->sc);
    free(s->run.net);
    free(s->trust);
    free(s->age);
    free(s->time);
    free(s->event);
    free(s->degree);
    memset(s, 0, sizeof *s);
}

/* ---- samen summarise's measures.csv ---- */

int samen_measures_write(const samen_sweep *sw, const char *out, samen_sweep_index *idx,
                         size_t *n_rows, samen_error *err)
{
    *n_rows = 0;
    /* the run length as the runs get it (C2 censors at the last step) */
    samen_measure_scratch s = {0};
    int rc = samen_measure_scratch_load(&s, sw, out, err);
    int last = s.sc ? s.sc->steps - 1 : 0;
    int ties = samen_measure_tables(sw);
    /* each run read once with all the sweep keeps; x[m * reps + r] */
    size_t reps = (size_t)sw->replicates, n_meas = 0;
    while (samen_measures[n_meas].name)
        n_meas++;
    double *x = malloc(reps * n_meas * sizeof *x);
    size_t *n = malloc(n_meas * sizeof *n);
    samen_outfile f = {0};
    if (rc == SAMEN_OK && (!x || !n))
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    if (rc == SAMEN_OK)
        rc = samen_outfile_open(&f, out, "measures.csv", err);
    if (rc == SAMEN_OK) {
        fputs("point", f.fp);
        samen_sweep_write_key_names(f.fp, sw);
        fputs(",measure,runs,mean,low,high\n", f.fp);
    }
    for (size_t p = 0; rc == SAMEN_OK && p < sw->n_points; p++) {
        memset(n, 0, n_meas * sizeof *n);
        for (size_t r = 0; rc == SAMEN_OK && r < reps; r++) {
            size_t run = p * reps + r;
            samen_run_view v;
            if (idx->status[run] != SAMEN_RUN_DONE)
                continue;
            if ((rc = samen_run_view_read(&v, idx, out, run, last, ties, &s, err)))
                break;
            for (size_t m = 0; m < n_meas; m++) {
                if (samen_measures[m].needs_ties & ~ties)
                    continue;
                double val = samen_measures[m].fn(&v);
                if (isfinite(val))
                    x[m * reps + n[m]++] = val;
            }
        }
        for (size_t m = 0; rc == SAMEN_OK && m < n_meas; m++) {
            if (samen_measures[m].needs_ties & ~ties)
                continue;
            const double *xm = x + m * reps;
            fprintf(f.fp, "%zu", p);
            samen_sweep_write_values(f.fp, sw, p);
            fprintf(f.fp, ",%s,%zu,", samen_measures[m].name, n[m]);
            samen_desc d;
            samen_error e2;
            if (n[m] > 0)
                samen_csv_num(f.fp, gsl_stats_mean(xm, 1, n[m]));
            if (n[m] >= 2 && samen_stats_describe(xm, n[m], 0.95, &d, &e2) == SAMEN_OK) {
                fputc(',', f.fp);
                samen_csv_num(f.fp, d.lo);
                fputc(',', f.fp);
                samen_csv_num(f.fp, d.hi);
                fputc('\n', f.fp);
            } else {
                fputs(",,\n", f.fp);
            }
            ++*n_rows;
        }
    }
    if (rc == SAMEN_OK)
        rc = samen_outfile_commit(&f, err);
    else
        samen_outfile_discard(&f);
    samen_measure_scratch_free(&s);
    free(x);
    free(n);
    return rc;
}
