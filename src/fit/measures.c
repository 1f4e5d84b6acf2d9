/* measures.c: the registry of the measures a fit's target can name, one
 * function each (measures.h): C1-C5 of docs/MODEL.md section 1 and the
 * other shares and means of a run's networks. */
#include "fit/measures.h"

#include <math.h>
#include <string.h>

#include <gsl/gsl_statistics_double.h>

#include "stats/km.h"

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
