/* points.c: `samen summarise`: points.csv, one row per point and network
 * with the shares of its runs that agreed, dissolved and completed
 * (Wilson intervals), the means of members and drop-outs (t intervals)
 * and the Kaplan-Meier median time to goal agreement (Brookmeyer-Crowley
 * interval), all by the estimators of src/stats. */
#include "sweep/tables.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "samen/samen.h"
#include "stats/km.h"
#include "stats/stats.h"
#include "util/outfile.h"
#include "util/sort.h"

#define LEVEL 0.95

static void share(long k, long n, double *out)
{
    out[0] = out[1] = out[2] = NAN;
    if (n > 0) {
        out[0] = (double)k / (double)n;
        samen_stats_wilson(k, n, LEVEL, &out[1], &out[2], NULL);
    }
}

static void mean(const double *x, size_t n, double *out)
{
    samen_desc d = {.mean = n == 1 ? x[0] : NAN, .lo = NAN, .hi = NAN};
    if (n >= 2) /* one value has no interval */
        samen_stats_describe(x, n, LEVEL, &d, NULL);
    out[0] = d.mean;
    out[1] = d.lo;
    out[2] = d.hi;
}

int samen_point_stats_compute(const samen_net_outcome *runs, size_t n, int start,
                              int last, samen_point_buf *buf, samen_point_stats *out,
                              samen_error *err)
{
    long agreed = 0, dissolved = 0, completed = 0;
    for (size_t i = 0; i < n; i++) {
        const samen_net_outcome *s = &runs[i];
        agreed += s->agreed;
        dissolved += s->dissolved;
        completed += s->completed;
        buf->members[i] = s->members;
        buf->dropouts[i] = s->dropouts;
        /* Steps from the start to agreement, or censored at the end or the
         * run's last step. */
        int until = s->agreed ? s->agreed_step : s->end_step >= 0 ? s->end_step : last;
        buf->time[i] = until > start ? until - start : 0;
        buf->event[i] = s->agreed;
    }
    out->runs = (long)n;
    share(agreed, (long)n, out->agreed);
    share(dissolved, (long)n, out->dissolved);
    share(completed, (long)n, out->completed);
    mean(buf->members, n, out->members);
    mean(buf->dropouts, n, out->dropouts);
    samen_km *km = samen_km_alloc(buf->time, buf->event, n, err);
    if (!km)
        return err->code;
    /* R survfit's default scale (log), as samen-km uses. */
    samen_km_q q;
    int rc = samen_km_quantile(km, 0.5, LEVEL, SAMEN_KM_LOG, &q, err);
    samen_km_free(km);
    /* HUGE_VAL: not reached, so no number (an empty field) */
    out->agree_median[0] = isfinite(q.est) ? q.est : NAN;
    out->agree_median[1] = isfinite(q.lo) ? q.lo : NAN;
    out->agree_median[2] = isfinite(q.hi) ? q.hi : NAN;
    return rc;
}

/* Three numbers, each empty where there is none. */
static void put3(FILE *fp, const double *v)
{
    for (int i = 0; i < 3; i++) {
        fputc(',', fp);
        if (isfinite(v[i]))
            samen_csv_num(fp, v[i]);
    }
}

/* A whole-number key's value at point p, where the sweep varies it;
 * else fallback. */
static int varied_int(const samen_sweep *sw, size_t p, const char *key, int fallback)
{
    char buf[SAMEN_VALUE_MAX];
    for (int k = 0; k < sw->n_keys; k++)
        if (!strcmp(sw->keys[k].key, key))
            return (int)strtol(samen_sweep_value(sw, p, k, buf), NULL, 10);
    return fallback;
}

/* The row of point p and network i from the n runs that have it, in
 * run order; ++*n_rows. start is the step the scenario starts the network
 * at, or -1 for a founded one (4.14), which has a row only at the points
 * whose runs founded it: its name is its founder's and number's, so a
 * field sweep's networks are mostly other runs' (docs/MODEL.md section
 * 7, reading 24). */
static int point_row(FILE *fp, const samen_sweep *sw, const char *name, int start,
                     size_t p, const samen_net_outcome *runs, size_t n,
                     const samen_scenario *sc, samen_point_buf *buf, size_t *n_rows,
                     samen_error *err)
{
    char key[300];
    /* a founded network: its start as this point's first run that has
     * it says */
    if (start < 0)
        start = runs[0].start_step;
    snprintf(key, sizeof key, "network.%s.start", name);
    start = varied_int(sw, p, key, start);
    int last = varied_int(sw, p, "simulation.steps", sc->steps) - 1;
    samen_point_stats st;
    int rc = samen_point_stats_compute(runs, n, start, last, buf, &st, err);
    if (rc)
        return rc;
    fprintf(fp, "%zu", p);
    samen_sweep_write_values(fp, sw, p);
    fputc(',', fp);
    samen_csv_text(fp, name);
    fprintf(fp, ",%ld", st.runs);
    put3(fp, st.agreed);
    put3(fp, st.dissolved);
    put3(fp, st.completed);
    put3(fp, st.members);
    put3(fp, st.dropouts);
    put3(fp, st.agree_median);
    fputc('\n', fp);
    ++*n_rows;
    return SAMEN_OK;
}

/* What writing the rows needs, sized once or grown. */
typedef struct point_work {
    int *start;              /* per network: its start in the scenario, or -1 */
    int *declared;           /* the networks of the scenario, in network order */
    int n_declared;
    const samen_net_entry **item; /* a point's items, by network and run */
    size_t cap_items;
    samen_net_outcome *runs; /* room for the replicates */
    samen_point_buf buf;
} point_work;

static int by_net_then_run(const void *a, const void *b)
{
    const samen_net_entry *x = *(const samen_net_entry *const *)a;
    const samen_net_entry *y = *(const samen_net_entry *const *)b;
    if (x->net != y->net)
        return (x->net > y->net) - (x->net < y->net);
    return (x > y) - (x < y);   /* items lie in run order */
}

/* The rows of point p: the scenario's networks and those its runs
 * founded, in network order, each from the items of its runs. */
static int point_rows(FILE *fp, const samen_sweep *sw, const samen_sweep_outcomes *o,
                      const samen_scenario *sc, size_t p, point_work *w, size_t *n_rows,
                      samen_error *err)
{
    size_t reps = (size_t)sw->replicates;
    size_t lo = o->first[p * reps], hi = o->first[(p + 1) * reps], n = hi - lo;
    if (n > w->cap_items) {
        const samen_net_entry **grown = realloc(w->item, n * sizeof *grown);
        if (!grown)
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        w->item = grown;
        w->cap_items = n;
    }
    for (size_t k = 0; k < n; k++)
        w->item[k] = &o->entry[lo + k];
    samen_sort(w->item, n, sizeof *w->item, by_net_then_run);
    size_t k = 0;
    int d = 0, rc = SAMEN_OK;
    while (rc == SAMEN_OK && (k < n || d < w->n_declared)) {
        int i = k < n ? w->item[k]->net : INT_MAX;
        if (d < w->n_declared && w->declared[d] < i)
            i = w->declared[d];
        size_t m = 0;
        for (; k < n && w->item[k]->net == i; k++)
            w->runs[m++] = w->item[k]->oc;
        d += d < w->n_declared && w->declared[d] == i;
        rc = point_row(fp, sw, o->nets[i], w->start[i], p, w->runs, m, sc, &w->buf, n_rows,
                       err);
    }
    return rc;
}

/* Sizes w; start and declared from the scenario's networks. */
static int work_alloc(point_work *w, const samen_sweep_outcomes *o, const samen_scenario *sc,
                      size_t reps, samen_error *err)
{
    size_t nets = o->n_nets > 0 ? (size_t)o->n_nets : 1;
    w->start = malloc(nets * sizeof *w->start);
    w->declared = malloc(nets * sizeof *w->declared);
    w->runs = malloc(reps * sizeof *w->runs);
    w->buf = (samen_point_buf){
        .members = malloc(reps * sizeof *w->buf.members),
        .dropouts = malloc(reps * sizeof *w->buf.dropouts),
        .time = malloc(reps * sizeof *w->buf.time),
        .event = malloc(reps * sizeof *w->buf.event),
    };
    if (!w->start || !w->declared || !w->runs || !w->buf.members || !w->buf.dropouts
        || !w->buf.time || !w->buf.event)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    for (int i = 0; i < o->n_nets; i++) {
        w->start[i] = -1;
        for (int j = 0; j < sc->n_nets; j++)
            if (!strcmp(sc->nets[j].name, o->nets[i]))
                w->start[i] = sc->nets[j].start;
        if (w->start[i] >= 0)
            w->declared[w->n_declared++] = i;
    }
    return SAMEN_OK;
}

static void work_free(point_work *w)
{
    free(w->start);
    free(w->declared);
    free(w->item);
    free(w->runs);
    free(w->buf.members);
    free(w->buf.dropouts);
    free(w->buf.time);
    free(w->buf.event);
}

int samen_sweep_write_points(const samen_sweep *sw, const char *out,
                             samen_sweep_index *idx, size_t *n_rows, samen_error *err)
{
    *n_rows = 0;
    samen_sweep_outcomes o;
    int rc = samen_sweep_outcomes_read(sw, out, idx, NULL, 0, &o, err);
    if (rc)
        return rc;
    /* The base scenario as the runs get it: start steps and run length
     * where the sweep does not vary them. */
    samen_scenario *sc = NULL;
    rc = samen_sweep_load_run(sw, out, 0, NULL, 0, &sc, err);
    point_work w = {0};
    if (rc == SAMEN_OK)
        rc = work_alloc(&w, &o, sc, (size_t)sw->replicates, err);
    samen_outfile f = {0};
    if (rc == SAMEN_OK)
        rc = samen_outfile_open(&f, out, "points.csv", err);
    if (rc == SAMEN_OK) {
        fputs("point", f.fp);
        samen_sweep_write_key_names(f.fp, sw);
        fputs(",network,runs,agreed,agreed_low,agreed_high,dissolved,dissolved_low,"
              "dissolved_high,completed,completed_low,completed_high,members,"
              "members_low,members_high,dropouts,dropouts_low,dropouts_high,"
              "agree_median,agree_median_low,agree_median_high\n", f.fp);
        for (size_t p = 0; rc == SAMEN_OK && p < sw->n_points; p++)
            rc = point_rows(f.fp, sw, &o, sc, p, &w, n_rows, err);
        if (rc)
            samen_outfile_discard(&f);
        else
            rc = samen_outfile_commit(&f, err);
    }
    work_free(&w);
    samen_scenario_free(sc);
    samen_sweep_outcomes_free(&o);
    return rc;
}
