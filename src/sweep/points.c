/* points.c: `samen summarise`: points.csv, one row per point and network
 * with the shares of its runs that agreed, dissolved and completed
 * (Wilson intervals), the means of members and drop-outs (t intervals)
 * and the Kaplan-Meier median time to goal agreement (Brookmeyer-Crowley
 * interval), all by the estimators of src/stats. */
#include "sweep/tables.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "samen/samen.h"
#include "stats/km.h"
#include "stats/stats.h"
#include "util/outfile.h"

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

/* The row of point p and network i, ++*n_rows; runs holds room for the
 * replicates. A founded network (4.14) has a row only at the points
 * whose runs founded it: its name is its founder's and number's, so a
 * field sweep's networks are mostly other runs' (docs/MODEL.md section
 * 7, reading 24). */
static int point_row(FILE *fp, const samen_sweep *sw, const samen_sweep_outcomes *o,
                     const samen_scenario *sc, size_t p, int i, samen_net_outcome *runs,
                     samen_point_buf *buf, size_t *n_rows, samen_error *err)
{
    char key[300];
    int start = -1;
    for (int j = 0; j < sc->n_nets; j++)
        if (!strcmp(sc->nets[j].name, o->nets[i]))
            start = sc->nets[j].start;
    size_t reps = (size_t)sw->replicates, n = 0;
    for (size_t run = p * reps; run < (p + 1) * reps; run++) {
        const samen_net_outcome *s = &o->net[run * (size_t)o->n_nets + (size_t)i];
        if (s->present)
            runs[n++] = *s;
    }
    if (start < 0 && n == 0)
        return SAMEN_OK;
    /* a founded network: its start as this point's first run that has
     * it says */
    if (start < 0)
        start = runs[0].start_step;
    snprintf(key, sizeof key, "network.%s.start", o->nets[i]);
    start = varied_int(sw, p, key, start);
    int last = varied_int(sw, p, "simulation.steps", sc->steps) - 1;
    samen_point_stats st;
    int rc = samen_point_stats_compute(runs, n, start, last, buf, &st, err);
    if (rc)
        return rc;
    fprintf(fp, "%zu", p);
    samen_sweep_write_values(fp, sw, p);
    fputc(',', fp);
    samen_csv_text(fp, o->nets[i]);
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
    size_t reps = (size_t)sw->replicates;
    samen_net_outcome *runs = malloc(reps * sizeof *runs);
    samen_point_buf buf = {
        .members = malloc(reps * sizeof *buf.members),
        .dropouts = malloc(reps * sizeof *buf.dropouts),
        .time = malloc(reps * sizeof *buf.time),
        .event = malloc(reps * sizeof *buf.event),
    };
    if (rc == SAMEN_OK && (!runs || !buf.members || !buf.dropouts || !buf.time || !buf.event))
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
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
            for (int i = 0; rc == SAMEN_OK && i < o.n_nets; i++)
                rc = point_row(f.fp, sw, &o, sc, p, i, runs, &buf, n_rows, err);
        if (rc)
            samen_outfile_discard(&f);
        else
            rc = samen_outfile_commit(&f, err);
    }
    free(runs);
    free(buf.members);
    free(buf.dropouts);
    free(buf.time);
    free(buf.event);
    samen_scenario_free(sc);
    samen_sweep_outcomes_free(&o);
    return rc;
}
