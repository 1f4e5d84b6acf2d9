/* fixture.h: shared helpers of the tests: assert_close (doubles compared
 * in double precision), a small scenario written to a temporary folder and
 * loaded through the real loader, an observer that tallies what a run
 * reports, and hand-built states for the one-step tests of the model.
 * Header-only so each test program stays one file. */
#ifndef SAMEN_TEST_FIXTURE_H
#define SAMEN_TEST_FIXTURE_H

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "samen/samen.h"

/* assert_close(got, want, rel, abs): passes when |got - want| <= abs +
 * rel |want|, in double precision (equal infinities pass, NaN never does).
 * cmocka 1.1's assert_float_equal converts to float, so that
 * assert_float_equal(1.0 + 1e-8, 1.0, 1e-15) passes: it is not used. */
static inline void fx_assert_close(double got, double want, double rel, double abs_tol,
                                   const char *expr, const char *file, int line)
{
    if (got == want || fabs(got - want) <= abs_tol + rel * fabs(want))
        return;
    print_error("%s = %.17g, want %.17g (difference %.3g, tolerance %.3g)\n", expr, got,
                want, got - want, abs_tol + rel * fabs(want));
    _fail(file, line);
}
#define assert_close(got, want, rel, abs_tol) \
    fx_assert_close((got), (want), (rel), (abs_tol), #got, __FILE__, __LINE__)

/* Twelve organisations over three themes; o1 initiates, n1 and n2 are the
 * necessary actors, f1 a framing actor. Missions are close enough to the
 * issue for everyone to join at default parameters. */
static const char fx_orgs_csv[] =
    "id,name,sector,capacity,mandate,latency,guard,patience,a,b,c\n"
    "o1,One,school,2,feedback,2,0.5,80,1,0.3,0.2\n"
    "n1,Necessary one,childcare,2,feedback,2,0.5,80,0.6,1,0.2\n"
    "n2,Necessary two,school,2,decision,2,0.5,80,1,0.5,0.1\n"
    "m1,Member one,sport,2,decision,2,0.5,80,0.7,0.2,1\n"
    "m2,Member two,culture,2,feedback,2,0.5,80,0.8,0.6,0.4\n"
    "m3,Member three,youth,2,decision,2,0.5,80,0.5,0.5,0.9\n"
    "m4,Member four,welfare,2,feedback,2,0.5,80,0.9,0.1,0.5\n"
    "m5,Member five,welfare,2,decision,2,0.5,80,0.6,0.8,0.3\n"
    "m6,Member six,health,2,feedback,2,0.5,80,1,0.9,0.3\n"
    "m7,Member seven,culture,2,decision,2,0.5,80,0.7,0.4,0.6\n"
    "m8,Member eight,sport,2,feedback,2,0.5,80,0.9,0.3,0.7\n"
    "f1,Framer,municipality,5,decision,1,1,100,0.3,0.3,0.3\n";

static const char fx_ini[] =
    "[simulation]\n"
    "steps = 200\n"
    "seed = 1\n"
    "themes = a, b, c\n"
    "[organisations]\n"
    "file = orgs.csv\n"
    "[network net]\n"
    "type = network\n"
    "initiator = o1\n"
    "issue = a:0.6, b:0.3, c:0.3\n"
    "concreteness = 0.5\n"
    "effort = 8\n"
    "necessary = n1, n2\n"
    "framing = f1\n";

static inline int fx_write(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    if (!fp)
        return -1;
    fputs(text, fp);
    return fclose(fp);
}

/* Loads the scenario file at path with the overrides (a NULL-terminated
 * list), printing the error if there is one; returns the load's status. */
static inline int fx_try_load(const char *path, const char *const *ovr, samen_scenario **sc)
{
    int n = 0;
    while (ovr && ovr[n])
        n++;
    samen_error err;
    samen_error_clear(&err);
    *sc = NULL;
    int rc = samen_scenario_load(sc, path, ovr, n, &err);
    if (rc)
        samen_error_print(&err, stderr);
    return rc;
}

/* Collects NULL-terminated string arguments into ovr (room for max, plus
 * the terminating NULL). */
static inline void fx_collect(const char **ovr, int max, va_list ap)
{
    int n = 0;
    const char *s;
    while ((s = va_arg(ap, const char *)) && n < max)
        ovr[n++] = s;
    ovr[n] = NULL;
}

/* Loads ini (with orgs as orgs.csv beside it) plus overrides given as a
 * NULL-terminated list; fails the test on error. */
static inline samen_scenario *fx_load_v(const char *ini, const char *orgs, const char *const *ovr)
{
    char dir[] = "/tmp/samen-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    assert_int_equal(fx_write(dir, "s.ini", ini), 0);
    assert_int_equal(fx_write(dir, "orgs.csv", orgs), 0);
    char path[512];
    snprintf(path, sizeof path, "%s/s.ini", dir);
    samen_scenario *sc;
    int rc = fx_try_load(path, ovr, &sc);
    /* the temporary files go before a failed assertion ends the test */
    unlink(path);
    snprintf(path, sizeof path, "%s/orgs.csv", dir);
    unlink(path);
    rmdir(dir);
    assert_int_equal(rc, SAMEN_OK);
    return sc;
}

/* Overrides as varargs, NULL-terminated. */
static inline samen_scenario *fx_load(const char *ini, const char *orgs, ...)
{
    const char *ovr[64];
    va_list ap;
    va_start(ap, orgs);
    fx_collect(ovr, 63, ap);
    va_end(ap);
    return fx_load_v(ini, orgs, ovr);
}

/* fx_orgs_csv with columns changed for every organisation but the framing
 * actor: each non-NULL field replaces that column's text (capacity,
 * mandate, latency, guard, patience). One organisation's capacity can be
 * set apart with only/only_capacity. Returns a static buffer. */
typedef struct fx_cols {
    const char *capacity, *mandate, *latency, *guard, *patience;
    const char *only, *only_capacity;
} fx_cols;

static inline const char *fx_orgs(fx_cols c)
{
    static char buf[4096];
    char line[256];
    const char *src = fx_orgs_csv;
    size_t n = 0;
    const char *nl = strchr(src, '\n');
    n = (size_t)(nl - src + 1);
    memcpy(buf, src, n); /* header */
    src = nl + 1;
    while (*src) {
        nl = strchr(src, '\n');
        size_t len = (size_t)(nl - src);
        memcpy(line, src, len);
        line[len] = 0;
        src = nl + 1;
        char *f[11];
        char *p = line;
        for (int i = 0; i < 11; i++) {
            f[i] = p;
            p = strchr(p, ',');
            if (p)
                *p++ = 0;
        }
        int framing = !strcmp(f[0], "f1");
        const char *col[5] = {c.capacity, c.mandate, c.latency, c.guard, c.patience};
        for (int i = 0; i < 5; i++)
            if (col[i] && !framing)
                f[3 + i] = (char *)col[i];
        if (c.only && !strcmp(f[0], c.only))
            f[3] = (char *)c.only_capacity;
        for (int i = 0; i < 11; i++)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", f[i], i < 10 ? "," : "\n");
    }
    return buf;
}

/* Overrides that switch drop-out off, so a network lives through a test. */
#define FX_NO_DROPOUT "drop.misfit=0", "drop.impatience=0", "drop.disengaged=0", \
    "drop.overcommit=0", "drop.base=0", "goal.max_steps=100000"

#define FX_NETS 8

/* What a run reported, summed up. */
typedef struct fx_tally {
    long events;
    long dropouts_after_goal;
    long joins, dropouts, turnovers, overreach, reversed, setbacks, agreed;
    long dropout_reason[5];
    long completed_goal, completed_horizon, dissolved, merged, form_changes;
    long dissolved_reason[4]; /* too-few, no-shared-goal, lost, missing */
    int agreed_step[FX_NETS];
    samen_net_row last[FX_NETS];
    int rows;
    /* sums over rows in [from, to] of network 0 */
    int from, to, nsum;
    double sum_trust, sum_cpo, sum_cpn, sum_pdep, sum_progress, sum_resolved, sum_open;
    double first_engagement; int first_eng_n; int first_step_seen;
    double sum_turnover_value;
    double last_value;      /* value of the last event */
    char last_event[32];
} fx_tally;

static inline int fx_index(const char *name)
{
    /* networks in the tests are named net, net2, ... */
    if (!strcmp(name, "net"))
        return 0;
    return (int)(name[3] - '1') % FX_NETS;
}

static inline int fx_on_event(void *user, const samen_event *ev)
{
    fx_tally *t = user;
    t->events++;
    t->last_value = ev->value;
    snprintf(t->last_event, sizeof t->last_event, "%s", ev->event);
    if (!strcmp(ev->event, "join"))
        t->joins++;
    else if (!strcmp(ev->event, "dropout")) {
        t->dropouts++;
        if (t->agreed_step[fx_index(ev->network)] >= 0)
            t->dropouts_after_goal++;
        for (int k = 0; k < 5; k++)
            if (!strcmp(ev->reason, samen_dropout_reasons[k]))
                t->dropout_reason[k]++;
    } else if (!strcmp(ev->event, "turnover")) {
        t->turnovers++;
        t->sum_turnover_value += ev->value;
    } else if (!strcmp(ev->event, "overreach"))
        t->overreach++;
    else if (!strcmp(ev->event, "overreach-reversed"))
        t->reversed++;
    else if (!strcmp(ev->event, "framing-setback"))
        t->setbacks++;
    else if (!strcmp(ev->event, "goal-agreed")) {
        t->agreed++;
        t->agreed_step[fx_index(ev->network)] = ev->step;
    } else if (!strcmp(ev->event, "completed")) {
        if (!strcmp(ev->reason, "goal-reached"))
            t->completed_goal++;
        else
            t->completed_horizon++;
    } else if (!strcmp(ev->event, "dissolved")) {
        static const char *const r[4] = {"too-few-partners", "no-shared-goal",
                                         "necessary-actor-lost", "necessary-actor-missing"};
        t->dissolved++;
        for (int k = 0; k < 4; k++)
            if (!strcmp(ev->reason, r[k]))
                t->dissolved_reason[k]++;
    } else if (!strcmp(ev->event, "merger"))
        t->merged++;
    else if (!strcmp(ev->event, "form-change"))
        t->form_changes++;
    return 0;
}

static inline int fx_on_row(void *user, const samen_net_row *row)
{
    fx_tally *t = user;
    int k = fx_index(row->network);
    t->last[k] = row[0];
    t->rows++;
    if (k == 0 && row->step >= t->from && row->step <= t->to) {
        t->nsum++;
        t->sum_trust += row->trust;
        t->sum_cpo += row->c_po;
        t->sum_cpn += row->c_pn;
        t->sum_pdep += row->person_dependency;
        t->sum_progress += row->progress;
        t->sum_resolved += row->decisions_resolved;
        t->sum_open += row->decisions_open;
    }
    return 0;
}

static inline int fx_on_org(void *user, const samen_org_row *row)
{
    fx_tally *t = user;
    if (t->first_step_seen < 0)
        t->first_step_seen = row->step;
    if (row->step == t->first_step_seen) {
        t->first_engagement += row->engagement;
        t->first_eng_n++;
    }
    return 0;
}

/* Runs sc with the given seed (overriding its own) and tallies it;
 * rows of network 0 in steps [from, to] are summed. */
static inline void fx_run(const samen_scenario *sc, uint32_t seed, int from, int to, fx_tally *t)
{
    memset(t, 0, sizeof *t);
    for (int k = 0; k < FX_NETS; k++)
        t->agreed_step[k] = -1;
    t->from = from;
    t->to = to;
    t->first_step_seen = -1;
    samen_scenario copy = *sc;
    copy.seed = seed;
    samen_error err;
    samen_sim *sim = samen_sim_new(&copy, &err);
    assert_non_null(sim);
    samen_observer obs = {.user = t, .event = fx_on_event, .network_row = fx_on_row,
                          .org_row = fx_on_org};
    assert_int_equal(samen_sim_run(sim, &obs), 0);
    samen_sim_free(sim);
}

/* Hand-built states for the one-step tests: included where a test includes
 * model/state.h first. A state is built by the real allocation
 * (samen_sim_new on a scenario of fx_load), then its fields are set by hand. */
#ifdef SAMEN_MODEL_STATE_H
static inline samen_sim *fx_sim(const samen_scenario *sc)
{
    samen_error err;
    samen_sim *sim = samen_sim_new(sc, &err);
    assert_non_null(sim);
    return sim;
}

/* Position of organisation id among the possible members of nw. */
static inline int fx_cand(const samen_sim *sim, const net *nw, const char *id)
{
    for (int c = 0; c < nw->n_cand; c++)
        if (!strcmp(sim->sc->orgs[samen_cand_org(nw, c)].id, id))
            return c;
    fail_msg("%s is no possible member", id);
    return -1;
}

/* Joins organisation id through the real join (no observer) and returns its
 * membership, ready for its fields to be set. */
static inline member *fx_join(samen_sim *sim, net *nw, const char *id)
{
    int c = fx_cand(sim, nw, id);
    assert_int_equal(samen_member_join(sim, nw, c, nw->attract_q[c], "candidate", NULL), 0);
    return &nw->m[nw->order[nw->n - 1]];
}

/* The current person's communication, self-interest and uncertainty. */
/* Opens a decision item as 4.2's arrivals do: it takes a free consent row,
 * cleared. Returns its place in the queue. */
static inline int fx_open_item(net *nw, int arrival, int formal)
{
    int q = nw->qn++;
    nw->queue[q] = (decision_item){.arrival = arrival, .formal = formal,
                                   .row = nw->free_rows[--nw->n_free]};
    memset(samen_consent(nw, q, 0), CONSENT_NONE, (size_t)nw->slots);
    return q;
}

static inline void fx_person(member *mb, double c_po, double c_pn, double sigma, double u)
{
    mb->c_po = c_po;
    mb->c_pn = c_pn;
    mb->sigma = sigma;
    mb->u = u;
}

/* Decision window bucket of step: items arrived (all, non-formal, formal)
 * and resolved (same), as samen_sdec reads them. */
static inline void fx_window(net *nw, int w, int step, long a0, long a1, long a2, long r0,
                             long r1, long r2)
{
    int b = step % w;
    nw->win_stamp[b] = step;
    long v[6] = {a0, a1, a2, r0, r1, r2};
    memcpy(nw->win[b], v, sizeof v);
}

/* A distribution that draws nothing: persons' draws leave the stream alone. */
static inline samen_dist fx_const(double x)
{
    return (samen_dist){.kind = SAMEN_DIST_CONST, .a = x};
}

/* An observer that keeps the value and reason of the last event named. */
typedef struct fx_last {
    const char *name;
    int count;
    double value;
    char reason[32];
} fx_last;

static inline int fx_on_last(void *user, const samen_event *ev)
{
    fx_last *l = user;
    if (strcmp(ev->event, l->name))
        return 0;
    l->count++;
    l->value = ev->value;
    snprintf(l->reason, sizeof l->reason, "%s", ev->reason ? ev->reason : "");
    return 0;
}
/* The fixture's scenario for one-step tests: every drop-out off and the
 * persons' self-interest and uncertainty constants (0.2, 0.3), so that a
 * join draws nothing from the generator. */
static inline samen_scenario *fx_model_scenario(void)
{
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, FX_NO_DROPOUT, NULL);
    sc->p.persons.self_interest = fx_const(0.2);
    sc->p.persons.uncertainty = fx_const(0.3);
    return sc;
}

/* A hand-built state as cmocka's state: the scenario, the run allocated on
 * it, its first network. What a step reads (sc->p, the network's spec) may
 * be set after the allocation, since the run reads them through sc. */
typedef struct fx_model {
    samen_scenario *sc;
    samen_sim *sim;
    net *nw;
} fx_model;

static inline int fx_model_setup(void **state)
{
    fx_model *m = calloc(1, sizeof *m);
    assert_non_null(m);
    m->sc = fx_model_scenario();
    m->sim = fx_sim(m->sc);
    m->nw = &m->sim->nets[0];
    *state = m;
    return 0;
}

static inline int fx_model_teardown(void **state)
{
    fx_model *m = *state;
    samen_sim_free(m->sim);
    samen_scenario_free(m->sc);
    free(m);
    return 0;
}
#endif

#endif
