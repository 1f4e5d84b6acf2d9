/* test_patterns.c: the direction of each pattern P1-P8 of MODEL.md section 1,
 * on the experiment scenarios of scenarios/experiments/ (the same the
 * figures come from), run in-process with fixed seeds and fewer replicates
 * than scripts/experiments/. Every run is a pure function of scenario and
 * seed (MODEL.md section 6), so these tests cannot flake: a failure means a
 * change of the model (or of the scenarios) lost or weakened a pattern.
 * Each margin is stated next to its assertion, with the value the seeds
 * give as the model stands; margins are well inside the effects, so that
 * recalibrating a default leaves them passing unless a pattern turns. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* ---- running the experiment scenarios ---- */

static void repo_path(char *out, size_t size, const char *rel)
{
    const char *f = __FILE__;
    const char *end = strstr(f, "tests/test_patterns.c");
    int n = end ? (int)(end - f) : 0;
    snprintf(out, size, "%.*s%s", n, f, rel);
}

/* Loads scenarios/experiments/NAME with the overrides (NULL-terminated). */
static samen_scenario *load(const char *name, ...)
{
    const char *ovr[33];
    va_list ap;
    va_start(ap, name);
    fx_collect(ovr, 32, ap);
    va_end(ap);
    char rel[256], path[1024];
    snprintf(rel, sizeof rel, "scenarios/experiments/%s", name);
    repo_path(path, sizeof path, rel);
    samen_scenario *sc;
    assert_int_equal(fx_try_load(path, ovr, &sc), SAMEN_OK);
    return sc;
}

/* A new sim of sc with the given seed; sc (and copy) must outlive it. */
static samen_sim *sim_of(const samen_scenario *sc, samen_scenario *copy, uint32_t seed)
{
    *copy = *sc;
    copy->seed = seed;
    samen_error err;
    samen_sim *sim = samen_sim_new(copy, &err);
    if (!sim)
        samen_error_print(&err, stderr);
    assert_non_null(sim);
    return sim;
}

static void run(const samen_scenario *sc, uint32_t seed, const samen_observer *obs)
{
    samen_scenario copy;
    samen_sim *sim = sim_of(sc, &copy, seed);
    assert_int_equal(samen_sim_run(sim, obs), 0);
    samen_sim_free(sim);
}

static int live(samen_phase ph)
{
    return ph == SAMEN_PHASE_RECRUITING || ph == SAMEN_PHASE_FORMULATING ||
           ph == SAMEN_PHASE_EXECUTING;
}

static int is(const char *a, const char *b)
{
    return a && b && !strcmp(a, b);
}

/* ---- one network: what a run reports, step by step ---- */

typedef struct tally {
    /* whole run */
    int agreed, joins, sectors;
    char sector[16][32];
    samen_net_row last;
    int setbacks, live_steps;
    /* the step under way: events come before the row of their step */
    samen_phase phase;      /* the phase the events of the step happen in */
    int drop_step, turn_step, rev_step;
    /* drop-out hazard (P3): at risk and drop-outs by phase (index = phase),
     * by weeks formulating (0: up to 26, 1: 27-52, 2: 53 on) and by the
     * fit drop of the step before (0: <= 0, 1: > 0) */
    int form_start;
    double risk_phase[8], drop_phase[8], risk_tf[3], drop_tf[3];
    double risk_fit[2], drop_fit[2], pend_fit[2];
    int n_prev;             /* org rows of the last step that had them */
    char prev_org[64][32];
    int prev_bin[64];
    /* means over steps (P4) */
    double y1_cpn, y1_cpo, y5_cpn, y5_cpo, y5_formal, y5_pdep, y5_open;
    int y1_n, y5_n;
    /* engagement at the last recruiting step (P1) */
    double eng_sum;
    int eng_n;
    /* per-step changes of trust (P5, P6) */
    samen_net_row prev;
    int has_prev;
    double turn_loss[2];    /* by person dependency < 0.4, >= 0.4 */
    int turn_n[2];
    double rev_change, base_change;
    int rev_n, base_n;
    /* drop-outs (P7): step and whether a necessary actor */
    int n_drop;
    int drop_at[64], drop_nec[64];
    const samen_net_spec *spec;
    const samen_scenario *sc;
} tally;

static int fit_bin_of(const tally *t, const char *org)
{
    for (int i = 0; i < t->n_prev; i++)
        if (is(t->prev_org[i], org))
            return t->prev_bin[i];
    return -1;
}

static int necessary_org(const tally *t, const char *org)
{
    for (int k = 0; k < t->spec->n_necessary; k++)
        if (is(t->sc->orgs[t->spec->necessary[k]].id, org))
            return 1;
    return 0;
}

static int on_event(void *user, const samen_event *ev)
{
    tally *t = user;
    if (is(ev->event, "phase")) {
        if (is(ev->reason, "recruiting"))
            t->phase = SAMEN_PHASE_RECRUITING;
        else if (is(ev->reason, "formulating")) {
            t->phase = SAMEN_PHASE_FORMULATING;
            t->form_start = ev->step;
        } else if (is(ev->reason, "executing"))
            t->phase = SAMEN_PHASE_EXECUTING;
    } else if (is(ev->event, "goal-agreed")) {
        t->agreed = 1;
    } else if (is(ev->event, "join") && !is(ev->reason, "initiator")) {
        t->joins++;
        char sec[32];
        snprintf(sec, sizeof sec, "%s", ev->org);
        char *dash = strrchr(sec, '-');
        if (dash)
            *dash = '\0';
        int seen = 0;
        for (int i = 0; i < t->sectors; i++)
            seen |= is(t->sector[i], sec);
        if (!seen && t->sectors < 16)
            snprintf(t->sector[t->sectors++], sizeof t->sector[0], "%s", sec);
    } else if (is(ev->event, "dropout")) {
        t->drop_step++;
        if (t->phase == SAMEN_PHASE_FORMULATING) {
            int b = fit_bin_of(t, ev->org);
            if (b >= 0)
                t->pend_fit[b]++;
        }
        if ((t->phase == SAMEN_PHASE_FORMULATING || t->phase == SAMEN_PHASE_EXECUTING) &&
            t->n_drop < 64) {
            t->drop_at[t->n_drop] = ev->step;
            t->drop_nec[t->n_drop++] = necessary_org(t, ev->org);
        }
    } else if (is(ev->event, "turnover")) {
        t->turn_step++;
    } else if (is(ev->event, "overreach-reversed")) {
        t->rev_step++;
    } else if (is(ev->event, "framing-setback")) {
        t->setbacks++;
    }
    return 0;
}

static int on_row(void *user, const samen_net_row *row)
{
    tally *t = user;
    int s = row->step;
    if (live(row->phase)) {
        /* 4.9 ran in this phase: drop-outs and members at risk count */
        int ph = row->phase, atrisk = row->members + t->drop_step - 1;
        t->risk_phase[ph] += atrisk;
        t->drop_phase[ph] += t->drop_step;
        if (ph == SAMEN_PHASE_FORMULATING) {
            int tf = s - t->form_start + 1, k = tf <= 26 ? 0 : tf <= 52 ? 1 : 2;
            t->risk_tf[k] += atrisk;
            t->drop_tf[k] += t->drop_step;
            for (int i = 0; i < t->n_prev; i++)
                t->risk_fit[t->prev_bin[i]]++;
            for (int b = 0; b < 2; b++)
                t->drop_fit[b] += t->pend_fit[b];
        }
        t->live_steps++;
        if (s <= 51) {
            t->y1_n++;
            t->y1_cpn += row->c_pn;
            t->y1_cpo += row->c_po;
        }
        if (s >= 208 && s <= 259) {
            t->y5_n++;
            t->y5_cpn += row->c_pn;
            t->y5_cpo += row->c_po;
            t->y5_formal += row->d[2];
            t->y5_pdep += row->person_dependency;
            t->y5_open += row->decisions_open;
        }
        if (t->has_prev && row->phase == SAMEN_PHASE_EXECUTING &&
            t->prev.phase == SAMEN_PHASE_EXECUTING && t->prev.trust > 0) {
            double change = 100 * (row->trust - t->prev.trust) / t->prev.trust;
            if (t->turn_step == 1) {
                int k = t->prev.person_dependency >= 0.4;
                t->turn_loss[k] -= change;
                t->turn_n[k]++;
            }
            if (t->rev_step == 1) {
                t->rev_change += change;
                t->rev_n++;
            } else if (t->rev_step == 0 && t->turn_step == 0) {
                t->base_change += change;
                t->base_n++;
            }
        }
    }
    t->prev = *row;
    t->has_prev = 1;
    t->last = *row;
    t->drop_step = t->turn_step = t->rev_step = 0;
    t->pend_fit[0] = t->pend_fit[1] = 0;
    /* the org rows of this step follow the row: they are the "step
     * before" of the next step's drop-outs */
    t->n_prev = 0;
    return 0;
}

static int on_org(void *user, const samen_org_row *row)
{
    tally *t = user;
    if (row->step == 11) {
        t->eng_sum += row->engagement;
        t->eng_n++;
    }
    if (is(row->role, "initiator") || t->n_prev >= 64)
        return 0;
    snprintf(t->prev_org[t->n_prev], sizeof t->prev_org[0], "%s", row->org);
    t->prev_bin[t->n_prev++] = row->fit_issue - row->fit_goal > 0;
    return 0;
}

/* Runs seeds first .. first + n - 1 of sc, adding each run's tally with
 * add(sum, run). */
static void run_many(const samen_scenario *sc, uint32_t first, int n,
                     void (*add)(void *sum, const tally *t), void *sum)
{
    for (int i = 0; i < n; i++) {
        tally *t = calloc(1, sizeof *t);
        assert_non_null(t);
        t->phase = SAMEN_PHASE_PENDING;
        t->spec = &sc->nets[0];
        t->sc = sc;
        samen_observer obs = {.user = t, .event = on_event, .network_row = on_row,
                              .org_row = on_org};
        run(sc, first + (uint32_t)i, &obs);
        add(sum, t);
        free(t);
    }
}

/* ---- P1: concreteness ---- */

typedef struct p1_sum {
    int runs, agreed;
    double eng;
    int eng_runs;
} p1_sum;

static void p1_add(void *sum, const tally *t)
{
    p1_sum *s = sum;
    s->runs++;
    s->agreed += t->agreed;
    if (t->eng_n > 0) {
        s->eng += t->eng_sum / t->eng_n;
        s->eng_runs++;
    }
}

static p1_sum p1_level(const char *kappa, int n)
{
    char set[64];
    snprintf(set, sizeof set, "network.collab.concreteness=%s", kappa);
    samen_scenario *sc = load("p1-concreteness.ini", set, "output.detail=orgs", NULL);
    p1_sum s = {0};
    run_many(sc, 1, n, p1_add, &s);
    samen_scenario_free(sc);
    return s;
}

/* The middle levels 0.3, 0.5, 0.7 pooled agree a goal more often than 0.1
 * and 0.9 (the seeds give about 0.88 against 0.76 and 0.66); margin 0.04,
 * about a third of the smaller difference. Engagement at joining at 0.9 is
 * below 0.5 (about 0.15 against 0.47); margin 0.15. */
static void test_p1_concreteness(void **state)
{
    (void)state;
    const int n = 200;
    p1_sum lo = p1_level("0.1", n), hi = p1_level("0.9", n);
    p1_sum m3 = p1_level("0.3", n), m5 = p1_level("0.5", n), m7 = p1_level("0.7", n);
    double mid = (double)(m3.agreed + m5.agreed + m7.agreed) / (3 * n);
    double low = (double)lo.agreed / n, high = (double)hi.agreed / n;
    printf("P1: share agreed 0.1 %.3f, 0.3-0.7 %.3f, 0.9 %.3f\n", low, mid, high);
    assert_true(mid > low + 0.04);
    assert_true(mid > high + 0.04);
    assert_true(m5.eng_runs == n && hi.eng_runs == n);
    double e5 = m5.eng / n, e9 = hi.eng / n;
    printf("P1: engagement at joining 0.5 %.3f, 0.9 %.3f\n", e5, e9);
    assert_true(e9 < e5 - 0.15);
}

/* P1 again on another pool (the specialists of p2-breadth.ini, an issue
 * over three themes): the middle levels pooled against the extremes. The
 * seeds give 1.00 against 0.00 and 0.00 (at 0.1 and 0.9 no partner is
 * attracted); margin 0.04 as above. */
static void test_p1_other_pool(void **state)
{
    (void)state;
    const int n = 100;
    double share[5];
    const char *k[5] = {"0.1", "0.3", "0.5", "0.7", "0.9"};
    for (int i = 0; i < 5; i++) {
        char set[64];
        snprintf(set, sizeof set, "network.collab.concreteness=%s", k[i]);
        samen_scenario *sc = load("p2-breadth.ini",
                                  "network.collab.issue=education:1, care:1, sport:1", set,
                                  "simulation.steps=156", NULL);
        p1_sum s = {0};
        run_many(sc, 1, n, p1_add, &s);
        samen_scenario_free(sc);
        share[i] = (double)s.agreed / n;
    }
    double mid = (share[1] + share[2] + share[3]) / 3;
    printf("P1, specialists: share agreed 0.1 %.3f, 0.3-0.7 %.3f, 0.9 %.3f\n", share[0], mid,
           share[4]);
    assert_true(mid > share[0] + 0.04);
    assert_true(mid > share[4] + 0.04);
}

/* ---- P2: breadth ---- */

typedef struct p2_sum {
    int runs, agreed, netform;
    double joins, sectors;
} p2_sum;

static void p2_add(void *sum, const tally *t)
{
    p2_sum *s = sum;
    s->runs++;
    s->agreed += t->agreed;
    s->netform += live(t->last.phase) && t->last.form == SAMEN_TYPE_NETWORK;
    s->joins += t->joins;
    s->sectors += t->sectors;
}

static p2_sum p2_level(const char *issue, int n)
{
    char set[256];
    snprintf(set, sizeof set, "network.collab.issue=%s", issue);
    samen_scenario *sc = load("p2-breadth.ini", set, NULL);
    p2_sum s = {0};
    run_many(sc, 1, n, p2_add, &s);
    samen_scenario_free(sc);
    return s;
}

/* An issue over 8 themes against one over 4: more partners (about 33
 * against 16; margin 8), from more sectors (8 against 4; margin 2), and far
 * fewer networks that agree a goal (about 0.15 against 1; margin 0.3) or
 * live on in the network form. */
static void test_p2_breadth(void **state)
{
    (void)state;
    const int n = 100;
    p2_sum b4 = p2_level("education:1, care:1, sport:1, culture:1", n);
    p2_sum b8 = p2_level("education:1, care:1, sport:1, culture:1, welfare:1, health:1, "
                         "housing:1, work:1", n);
    printf("P2: partners %.1f -> %.1f, sectors %.2f -> %.2f, agreed %.2f -> %.2f, "
           "network form %.2f -> %.2f\n", b4.joins / n, b8.joins / n, b4.sectors / n,
           b8.sectors / n, (double)b4.agreed / n, (double)b8.agreed / n,
           (double)b4.netform / n, (double)b8.netform / n);
    assert_true(b8.joins / n > b4.joins / n + 8);
    assert_true(b8.sectors / n > b4.sectors / n + 2);
    assert_true((double)b8.agreed / n < (double)b4.agreed / n - 0.3);
    assert_true((double)b8.netform / n < (double)b4.netform / n - 0.3);
}

/* ---- P3: drop-out ---- */

typedef struct p3_sum {
    double risk_phase[8], drop_phase[8], risk_tf[3], drop_tf[3], risk_fit[2], drop_fit[2];
} p3_sum;

static void p3_add(void *sum, const tally *t)
{
    p3_sum *s = sum;
    for (int i = 0; i < 8; i++) {
        s->risk_phase[i] += t->risk_phase[i];
        s->drop_phase[i] += t->drop_phase[i];
    }
    for (int i = 0; i < 3; i++) {
        s->risk_tf[i] += t->risk_tf[i];
        s->drop_tf[i] += t->drop_tf[i];
    }
    for (int i = 0; i < 2; i++) {
        s->risk_fit[i] += t->risk_fit[i];
        s->drop_fit[i] += t->drop_fit[i];
    }
}

/* Drop-outs per member-step at risk. Formulating above executing (the
 * seeds give about 1.9 times) and recruiting (about 3 times): margin 1.3
 * times. After a year of formulating above the first half year (about 4
 * times; margin 2). Members whose fit to the goal is below their fit to the
 * issue above the others (about 4 times; margin 2). */
static void test_p3_dropout(void **state)
{
    (void)state;
    p3_sum s = {0};
    samen_scenario *sc = load("p3-dropout.ini", "goal.speed=0.15", "output.detail=orgs", NULL);
    run_many(sc, 1, 150, p3_add, &s);
    samen_scenario_free(sc);
    sc = load("p3-dropout.ini", "output.detail=orgs", NULL);
    run_many(sc, 1001, 150, p3_add, &s);
    samen_scenario_free(sc);
    double rec = s.drop_phase[SAMEN_PHASE_RECRUITING] / s.risk_phase[SAMEN_PHASE_RECRUITING];
    double form = s.drop_phase[SAMEN_PHASE_FORMULATING] / s.risk_phase[SAMEN_PHASE_FORMULATING];
    double exec = s.drop_phase[SAMEN_PHASE_EXECUTING] / s.risk_phase[SAMEN_PHASE_EXECUTING];
    double early = s.drop_tf[0] / s.risk_tf[0], late = s.drop_tf[2] / s.risk_tf[2];
    double fits = s.drop_fit[0] / s.risk_fit[0], lost = s.drop_fit[1] / s.risk_fit[1];
    printf("P3: hazard per 1000: recruiting %.2f formulating %.2f executing %.2f; "
           "formulating <= 26 weeks %.2f, > 52 weeks %.2f; fit kept %.2f, fit lost %.2f\n",
           1000 * rec, 1000 * form, 1000 * exec, 1000 * early, 1000 * late, 1000 * fits,
           1000 * lost);
    assert_true(s.risk_tf[2] > 1000 && s.risk_fit[1] > 1000); /* enough exposure */
    assert_true(form > 1.3 * exec);
    assert_true(form > 1.3 * rec);
    assert_true(late > 2 * early);
    assert_true(lost > 2 * fits);
}

/* ---- P4: communication and guarding ---- */

typedef struct p4_sum {
    int runs;
    double dcpn, dcpo, formal, pdep, open;
} p4_sum;

static void p4_add(void *sum, const tally *t)
{
    p4_sum *s = sum;
    if (t->last.step != 259 || !live(t->last.phase) || t->y1_n == 0 || t->y5_n == 0)
        return; /* networks live through year 5 only */
    s->runs++;
    s->dcpn += t->y5_cpn / t->y5_n - t->y1_cpn / t->y1_n;
    s->dcpo += t->y5_cpo / t->y5_n - t->y1_cpo / t->y1_n;
    s->formal += t->y5_formal / t->y5_n;
    s->pdep += t->y5_pdep / t->y5_n;
    s->open += t->y5_open / t->y5_n;
}

static p4_sum p4_level(const char *orgs, int n)
{
    char set[128];
    snprintf(set, sizeof set, "organisations.file=%s", orgs);
    samen_scenario *sc = load("p4-guard.ini", set, NULL);
    p4_sum s = {0};
    run_many(sc, 1, n, p4_add, &s);
    samen_scenario_free(sc);
    assert_true(s.runs >= n / 2);
    return s;
}

/* Guard 0.5: from year 1 to year 5 c_pn rises (about +0.40; margin 0.15)
 * and c_po falls (about -0.22; margin 0.08). Guard 0 against guard 1 in
 * year 5: formal decisions dimension lower (about 0.27 against 0.74;
 * margin 0.2), person dependency higher (0.66 against 0.31; margin 0.15),
 * more decisions waiting (9.8 against 3.1 open items; margin 2). */
static void test_p4_guard(void **state)
{
    (void)state;
    const int n = 60;
    p4_sum g5 = p4_level("town-guard-0.5.orgs.csv", n);
    p4_sum g0 = p4_level("town-guard-0.orgs.csv", n), g1 = p4_level("town-guard-1.orgs.csv", n);
    printf("P4: guard 0.5 year 5 - year 1: c_pn %+.3f c_po %+.3f; guard 0 / 1: d_formal "
           "%.3f / %.3f, dependency %.3f / %.3f, open %.2f / %.2f\n", g5.dcpn / g5.runs,
           g5.dcpo / g5.runs, g0.formal / g0.runs, g1.formal / g1.runs, g0.pdep / g0.runs,
           g1.pdep / g1.runs, g0.open / g0.runs, g1.open / g1.runs);
    assert_true(g5.dcpn / g5.runs > 0.15);
    assert_true(g5.dcpo / g5.runs < -0.08);
    assert_true(g0.formal / g0.runs < g1.formal / g1.runs - 0.2);
    assert_true(g0.pdep / g0.runs > g1.pdep / g1.runs + 0.15);
    assert_true(g0.open / g0.runs > g1.open / g1.runs + 2);
}

/* ---- P5: turnover ---- */

typedef struct p5_sum {
    int runs;
    double trust, progress;
    double loss[2];
    int loss_n[2];
} p5_sum;

static void p5_add(void *sum, const tally *t)
{
    p5_sum *s = sum;
    for (int k = 0; k < 2; k++) {
        s->loss[k] += t->turn_loss[k];
        s->loss_n[k] += t->turn_n[k];
    }
    if (!live(t->last.phase))
        return;
    s->runs++;
    s->trust += t->last.trust;
    s->progress += t->last.progress;
}

static p5_sum p5_cell(const char *orgs, const char *tenure, int n)
{
    char o[128], te[64];
    snprintf(o, sizeof o, "organisations.file=%s", orgs);
    snprintf(te, sizeof te, "persons.tenure=%s", tenure);
    samen_scenario *sc = load("p5-turnover.ini", o, te, NULL);
    p5_sum s = {0};
    run_many(sc, 1, n, p5_add, &s);
    samen_scenario_free(sc);
    return s;
}

/* At a replacement, a network with person dependency >= 0.4 loses more of
 * its trust in that step than one below 0.4 (about 4.8 % against 1.5 %;
 * margin 1.5 points). Over 130 steps, turnover keeps a smaller share of
 * trust with guard 0 (high dependency) than with guard 1 (about 0.58
 * against 0.68; margin 0.05) and a smaller share of progress (about 0.59
 * against 0.62: a small effect, so no margin beyond the direction; 1000
 * runs per cell keep the estimate within about 0.01). */
static void test_p5_turnover(void **state)
{
    (void)state;
    const int n = 1000;
    p5_sum a = p5_cell("town-guard-0.orgs.csv", "52", n);
    p5_sum b = p5_cell("town-guard-0.orgs.csv", "1000000000", n);
    p5_sum c = p5_cell("town-guard-1.orgs.csv", "52", n);
    p5_sum d = p5_cell("town-guard-1.orgs.csv", "1000000000", n);
    double low = (a.loss[0] + c.loss[0]) / (a.loss_n[0] + c.loss_n[0]);
    double high = (a.loss[1] + c.loss[1]) / (a.loss_n[1] + c.loss_n[1]);
    double kt0 = (a.trust / a.runs) / (b.trust / b.runs);
    double kt1 = (c.trust / c.runs) / (d.trust / d.runs);
    double kp0 = (a.progress / a.runs) / (b.progress / b.runs);
    double kp1 = (c.progress / c.runs) / (d.progress / d.runs);
    printf("P5: trust lost at a replacement %.2f %% (dependency < 0.4), %.2f %% (>= 0.4); "
           "kept under turnover, guard 0 / 1: trust %.3f / %.3f, progress %.3f / %.3f\n",
           low, high, kt0, kt1, kp0, kp1);
    assert_true(a.loss_n[1] > 100 && c.loss_n[0] > 100);
    assert_true(high > low + 1.5);
    assert_true(kt0 < kt1 - 0.05);
    assert_true(kp0 < kp1);
}

/* ---- P6: mandates ---- */

typedef struct p6_sum {
    double rev, base;
    int rev_n, base_n;
} p6_sum;

static void p6_add(void *sum, const tally *t)
{
    p6_sum *s = sum;
    s->rev += t->rev_change;
    s->rev_n += t->rev_n;
    s->base += t->base_change;
    s->base_n += t->base_n;
}

/* Mean open items over the executing steps over the arrival rate: the mean
 * wait of an item by Little's law. */
static double wait_of(const char *orgs, const char *u, int n)
{
    char o[128], uu[64];
    snprintf(o, sizeof o, "organisations.file=%s", orgs);
    snprintf(uu, sizeof uu, "persons.uncertainty=%s", u);
    samen_scenario *sc = load("p6-mandate.ini", o, uu, NULL);
    double sum = 0;
    int runs = 0;
    for (int i = 0; i < n; i++) {
        tally *t = calloc(1, sizeof *t);
        assert_non_null(t);
        t->spec = &sc->nets[0];
        t->sc = sc;
        samen_observer obs = {.user = t, .event = on_event, .network_row = on_row};
        samen_scenario copy;
        samen_sim *sim = sim_of(sc, &copy, (uint32_t)(1 + i));
        double open = 0;
        int steps = 0;
        while (samen_sim_current_step(sim) < sc->steps) {
            assert_int_equal(samen_sim_step(sim, &obs), 0);
            if (t->last.phase == SAMEN_PHASE_EXECUTING &&
                t->last.step == samen_sim_current_step(sim) - 1) {
                open += t->last.decisions_open;
                steps++;
            }
        }
        samen_sim_free(sim);
        if (steps > 0) {
            sum += open / steps / sc->p.model.decision_rate;
            runs++;
        }
        free(t);
    }
    samen_scenario_free(sc);
    assert_true(runs >= n / 2);
    return sum / runs;
}

/* At uncertainty 0.3 an item waits less under decision mandates than
 * under feedback mandates (about 3.3 against 8.2 steps; margin 2). Under
 * decision mandates uncertain persons under-use it: the wait at u = 0.9
 * exceeds the wait at u = 0 (about 6.4 against 2.5; margin 2). In the step
 * of a reversed overreach mean trust falls (about -3.0 %) while in steps
 * without it grows (+0.5 %): margin 1.5 points. */
static void test_p6_mandate(void **state)
{
    (void)state;
    const int n = 40;
    double fb = wait_of("town-feedback.orgs.csv", "0.3", n);
    double dc = wait_of("town-decision.orgs.csv", "0.3", n);
    double d0 = wait_of("town-decision.orgs.csv", "0", n);
    double d9 = wait_of("town-decision.orgs.csv", "0.9", n);
    samen_scenario *sc = load("p6-mandate.ini", "organisations.file=town-feedback.orgs.csv",
                              "model.reverse_prob=1", NULL);
    p6_sum s = {0};
    run_many(sc, 1, 60, p6_add, &s);
    samen_scenario_free(sc);
    double rev = s.rev / s.rev_n, base = s.base / s.base_n;
    printf("P6: wait feedback %.2f, decision %.2f (u 0.3); decision u 0 %.2f, u 0.9 %.2f; "
           "trust change with a reversal %.2f %% (%d), without %.2f %%\n", fb, dc, d0, d9, rev,
           s.rev_n, base);
    assert_true(dc < fb - 2);
    assert_true(d9 > d0 + 2);
    assert_true(s.rev_n > 100);
    assert_true(rev < base - 1.5);
}

/* ---- P7: necessary and framing actors ---- */

typedef struct p7_sum {
    int nec, nec_ended, other, other_ended;
    double setbacks, years;
} p7_sum;

static int p7_window;

static void p7_add(void *sum, const tally *t)
{
    p7_sum *s = sum;
    int ended = !live(t->last.phase);
    for (int i = 0; i < t->n_drop; i++) {
        int e = ended && t->last.step - t->drop_at[i] < p7_window;
        if (t->drop_nec[i]) {
            s->nec++;
            s->nec_ended += e;
        } else {
            s->other++;
            s->other_ended += e;
        }
    }
    s->setbacks += t->setbacks;
    s->years += t->live_steps / 52.0;
}

/* After a necessary actor drops out the network ends within the grace
 * (about 0.99; at least 0.9), after another partner rarely (about 0.04; at
 * most 0.2). Framing actors never informed cause more setbacks per
 * network-year than those informed every 4 steps (about 1.95 against 0.13;
 * at least 3 times). */
static void test_p7_actors(void **state)
{
    (void)state;
    samen_scenario *sc = load("p7-actors.ini", "network.collab.inform_every=0", NULL);
    p7_window = sc->p.model.necessary_grace + 1;
    p7_sum never = {0}, often = {0};
    run_many(sc, 1, 120, p7_add, &never);
    samen_scenario_free(sc);
    sc = load("p7-actors.ini", "network.collab.inform_every=4", NULL);
    run_many(sc, 1001, 120, p7_add, &often);
    samen_scenario_free(sc);
    int nec = never.nec + often.nec, other = never.other + often.other;
    double e_nec = (double)(never.nec_ended + often.nec_ended) / nec;
    double e_oth = (double)(never.other_ended + often.other_ended) / other;
    double r_never = never.setbacks / never.years, r_often = often.setbacks / often.years;
    printf("P7: ended within %d steps after a drop-out: necessary %.3f (%d), other %.3f (%d); "
           "setbacks per network-year: never informed %.2f, every 4 steps %.2f\n", p7_window,
           e_nec, nec, e_oth, other, r_never, r_often);
    assert_true(nec >= 30 && other >= 30);
    assert_true(e_nec >= 0.9);
    assert_true(e_oth <= 0.2);
    assert_true(r_never > 3 * r_often);
}

/* ---- P8: forms ---- */

typedef struct p8_tally {
    const samen_scenario *sc;
    int moved[16];
} p8_tally;

static int p8_event(void *user, const samen_event *ev)
{
    p8_tally *t = user;
    if (!is(ev->event, "form-change"))
        return 0;
    for (int i = 0; i < t->sc->n_nets && i < 16; i++)
        if (is(t->sc->nets[i].name, ev->network))
            t->moved[i] = 1;
    return 0;
}

/* Ten years of the district: overleg networks never leave the overleg form
 * (the seeds give all; at least 0.8), adhoc projects complete (about 0.88;
 * at least 0.7), surviving networks are in the network form (all; at least
 * 0.8), and few merge (none; at most 0.1). */
static void test_p8_forms(void **state)
{
    (void)state;
    samen_scenario *sc = load("p8-forms.ini", NULL);
    assert_true(sc->n_nets <= 16);
    int ov = 0, ov_stay = 0, ad = 0, ad_done = 0, nw = 0, nw_live = 0, nw_form = 0, merged = 0;
    for (uint32_t seed = 1; seed <= 20; seed++) {
        p8_tally t = {.sc = sc};
        samen_observer obs = {.user = &t, .event = p8_event};
        samen_scenario copy;
        samen_sim *sim = sim_of(sc, &copy, seed);
        assert_int_equal(samen_sim_run(sim, &obs), 0);
        for (int i = 0; i < sc->n_nets; i++) {
            samen_net_summary s;
            samen_sim_summary(sim, i, &s);
            if (s.type == SAMEN_TYPE_OVERLEG) {
                ov++;
                ov_stay += !t.moved[i];
            } else if (s.type == SAMEN_TYPE_ADHOC) {
                ad++;
                ad_done += s.phase == SAMEN_PHASE_COMPLETED;
            } else {
                nw++;
                merged += s.phase == SAMEN_PHASE_MERGED;
                if (live(s.phase)) {
                    nw_live++;
                    nw_form += s.form == SAMEN_TYPE_NETWORK;
                }
            }
        }
        samen_sim_free(sim);
    }
    samen_scenario_free(sc);
    printf("P8: overleg stayed %d/%d, adhoc completed %d/%d, surviving networks in the "
           "network form %d/%d, merged %d/%d\n", ov_stay, ov, ad_done, ad, nw_form, nw_live,
           merged, nw);
    assert_true(ov > 0 && ad > 0 && nw_live >= 10);
    assert_true(ov_stay >= 0.8 * ov);
    assert_true(ad_done >= 0.7 * ad);
    assert_true(nw_form >= 0.8 * nw_live);
    assert_true(merged <= 0.1 * nw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_p1_concreteness), cmocka_unit_test(test_p1_other_pool),
        cmocka_unit_test(test_p2_breadth),
        cmocka_unit_test(test_p3_dropout),      cmocka_unit_test(test_p4_guard),
        cmocka_unit_test(test_p5_turnover),     cmocka_unit_test(test_p6_mandate),
        cmocka_unit_test(test_p7_actors),       cmocka_unit_test(test_p8_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
