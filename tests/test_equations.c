/* test_equations.c: one-step known-answer tests of every equation of
 * MODEL.md section 4 (4.1 to 4.12) and of the rows of section 3 step 12.
 * Each test builds a state through the real allocation (samen_sim_new on
 * the fixture's scenario), sets the fields an equation reads by hand, runs
 * the one sub-model, and compares with the value worked out in its comment
 * from the equation. Parameters are set to distinct values that are not 0,
 * 1 or 0.5 where that would hide a wrong operator (x * 1 = x / 1). Where a
 * step draws random numbers, either the probabilities are 0 or 1, or the
 * test replays the draws on a clone of the run's generator. */
#include "model/state.h"

#include "fixture.h"

#include <gsl/gsl_randist.h>

/* The fixture's twelve organisations (index: o1 0, n1 1, n2 2, m1 3, m2 4,
 * ... f1 11; capacity 2, latency 2, guard 0.5, patience 80), issue
 * q = (0.6, 0.3, 0.3), concreteness 0.5, effort 8, necessary n1 and n2;
 * persons drawn from constants (fx_model_scenario). Most tests get the run
 * allocated on it by fx_model_setup and set what a step reads; the few that
 * set what the allocation reads allocate their own. */
/* Missions of the fixture, and their fits with the issue q (cosine, 2). */
static const double M_O1[3] = {1, 0.3, 0.2}, M_N1[3] = {0.6, 1, 0.2},
                    M_N2[3] = {1, 0.5, 0.1}, M_M1[3] = {0.7, 0.2, 1};
/* fit(o1, q) = (0.6 + 0.09 + 0.06) / sqrt(1.13 * 0.54) = 0.960119... */
#define FIT_O1 (0.75 / sqrt(1.13 * 0.54))
/* fit(n1, q) = (0.36 + 0.3 + 0.06) / sqrt(1.40 * 0.54) = 0.828078... */
#define FIT_N1 (0.72 / sqrt(1.40 * 0.54))
/* fit(m1, q) = (0.42 + 0.06 + 0.3) / sqrt(1.53 * 0.54) = 0.858128... */
#define FIT_M1 (0.78 / sqrt(1.53 * 0.54))

static void set_pair(net *nw, const member *a, const member *b, double t)
{
    *samen_pair(nw, (int)(a - nw->m), (int)(b - nw->m)) = t;
}

static double pair(net *nw, const member *a, const member *b)
{
    return *samen_pair(nw, (int)(a - nw->m), (int)(b - nw->m));
}

/* 2, 4.1: the pure functions at values the other tests use. */
static void test_fit_values(void **state)
{
    (void)state;
    double q[3] = {0.6, 0.3, 0.3};
    assert_close(samen_fit(M_O1, q, 3), 0.96011921580, 1e-10, 0);
    assert_close(samen_fit(M_N1, q, 3), 0.82807867121, 1e-10, 0);
    assert_close(samen_fit(M_M1, q, 3), 0.85812787058, 1e-10, 0);
    /* a(0.5; 2, 3) = (0.5/0.4)^2 (0.5/0.6)^3 = 1.5625 * 0.5787037 = 0.904224537 */
    assert_close(samen_appeal(0.5, 2, 3), 0.90422453703704, 1e-12, 0);
    /* a(0.5; 3, 1): peak 0.75, (0.5/0.75)^3 (0.5/0.25) = 0.296296 * 2 = 0.592593 */
    assert_close(samen_appeal(0.5, 3, 1), 0.59259259259259, 1e-12, 0);
    /* room 1 - 0.3^1.5 = 1 - 0.164317 = 0.835683 */
    assert_close(samen_room(0.3, 1.5), 0.83568323274, 1e-10, 0);
    /* 1 - exp(-0.25) = 0.221199 */
    assert_close(samen_rate_prob(0.25), 0.22119921692859, 1e-12, 0);
}

/* 4.1: A_o(q) = fit(m_o, q) a(kappa) need_o, need_o = 1 - min(1, cap/effort),
 * times (1 + ask_bonus) for a necessary actor. */
static void test_attraction(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    sc->p.model.appeal_alpha = 2;
    sc->p.model.appeal_beta = 3;
    sc->p.model.ask_bonus = 0.6;
    samen_sim *sim = fx_sim(sc);
    net *nw = &sim->nets[0];
    /* need = 1 - 2/8 = 0.75; a(0.5) = 0.904224537 (test_fit_values):
     * o1: 0.960119 * 0.904225 * 0.75 = 0.651119
     * n1: 0.828079 * 0.904225 * 0.75 * 1.6 = 0.898523 */
    double appeal = 1.5625 * pow(5.0 / 6, 3);
    assert_close(nw->attract_q[fx_cand(sim, nw, "o1")], FIT_O1 * appeal * 0.75, 1e-12, 0);
    assert_close(nw->attract_q[fx_cand(sim, nw, "n1")], FIT_N1 * appeal * 0.75 * 1.6, 1e-12, 0);
    assert_close(nw->fit_q[fx_cand(sim, nw, "m1")], FIT_M1, 1e-12, 0);
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

/* 4.1 and 4.12: a join starts at e = fit(m_o, q)(1 - kappa^room_exp) and
 * adds join_cost (0.5 + e) to the organisation's load at once; its pairs
 * start at trust0. */
static void test_join(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.model.join_cost = 0.4;
    sc->p.model.room_exp = 3;
    sc->p.model.trust0 = 0.15;
    samen_sim *sim = m->sim;
    net *nw = m->nw;
    member *a = fx_join(sim, nw, "o1");
    member *b = fx_join(sim, nw, "n1");
    /* room = 1 - 0.5^3 = 0.875; e(o1) = 0.960119 * 0.875 = 0.840104,
     * load = 0.4 (0.5 + 0.840104) = 0.536042 */
    assert_close(a->engagement, FIT_O1 * 0.875, 1e-12, 0);
    assert_close(sim->load[0], 0.4 * (0.5 + FIT_O1 * 0.875), 1e-12, 0);
    assert_close(sim->load[1], 0.4 * (0.5 + FIT_N1 * 0.875), 1e-12, 0);
    assert_close(pair(nw, a, b), 0.15, 0, 0);
    assert_close(a->interest, 1, 0, 0); /* the initiator */
    assert_close(b->interest, fmin(1, nw->attract_q[1]), 0, 0);
}

/* 4.1: a candidate with attraction a >= attraction_min and free capacity
 * cap - load >= join_cost joins with probability 1 - exp(-join_rate a);
 * one uniform draw per candidate considered, in file order. The draws are
 * replayed on a clone of the generator. */
static void test_recruit_round(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.model.join_rate = 0.9;
    sc->p.model.join_cost = 0.5;
    sc->p.model.attraction_min = 0.3;
    samen_sim *sim = m->sim;
    net *nw = m->nw;
    assert_int_equal(samen_recruit_start(sim, nw, NULL), 0);
    sim->load[3] = 1.6;  /* m1: 2 - 1.6 = 0.4 < 0.5, not asked */
    sim->load[4] = 1.45; /* m2: 2 - 1.45 = 0.55, asked */
    double load0[12];
    memcpy(load0, sim->load, sizeof load0);
    gsl_rng *r = gsl_rng_clone(sim->rng);
    assert_int_equal(samen_recruit(sim, nw, NULL), 0);
    int joined = 0, refused = 0;
    for (int c = 1; c < nw->n_cand; c++) {
        int o = samen_cand_org(nw, c);
        double a = nw->attract_q[c];
        int expect = 0;
        if (a >= 0.3 && 2 - load0[o] >= 0.5)
            expect = gsl_rng_uniform(r) < 1 - exp(-0.9 * a);
        assert_int_equal(nw->member_now[c], expect);
        joined += expect;
        refused += !expect && o != 3;
    }
    assert_int_equal(nw->member_now[3], 0);
    assert_true(joined > 0 && refused > 0); /* both outcomes were tested */
    assert_int_equal(nw->recruit_round, 1);
    gsl_rng_free(r);
}

/* 4.2 consents. o1 (feedback) overreaches with omega = sigma c_pn (1 - c_po)
 * scale = 0.4 * 0.5 * 0.8 * 10 = 1.6 > 1: always. n2 (decision, u = 1,
 * c_po = 0) never: (b) has probability 1 - u = 0, (c) c_po/latency = 0. m1
 * (decision, u = 1, c_po = 0.8) consents by (c) with probability
 * min(1, 0.8 / 2) = 0.4, replayed: per item draws o1 1, n2 2, m1 2. */
static void test_decisions_consents(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.model.decision_rate = 0;
    sc->p.model.overreach_scale = 10;
    samen_sim *sim = m->sim;
    net *nw = m->nw;
    nw->phase = SAMEN_PHASE_FORMULATING;
    member *o1 = fx_join(sim, nw, "o1"), *n2 = fx_join(sim, nw, "n2"),
           *m1 = fx_join(sim, nw, "m1");
    fx_person(o1, 0.2, 0.5, 0.4, 0.3);
    fx_person(n2, 0, 0.5, 0.4, 1);
    fx_person(m1, 0.8, 0.5, 0.4, 1);
    for (int q = 0; q < 6; q++)
        fx_open_item(nw, 0, 0); /* non-formal items of step 0, no consents yet */
    gsl_rng *r = gsl_rng_clone(sim->rng);
    fx_last last = {.name = "overreach"};
    samen_observer obs = {.user = &last, .event = fx_on_last};
    assert_int_equal(samen_decisions(sim, nw, &obs), 0);
    gsl_ran_poisson(r, 0); /* the arrivals of the step: none, one draw */
    int given = 0;
    for (int q = 0; q < 6; q++) {
        const unsigned char *c = samen_consent(nw, q, 0);
        for (int k = 0; k < 4; k++)
            gsl_rng_uniform(r);
        int expect = gsl_rng_uniform(r) < 0.4;
        given += expect;
        assert_int_equal(c[o1 - nw->m], CONSENT_OVERREACH);
        assert_int_equal(c[n2 - nw->m], CONSENT_NONE);
        assert_int_equal(c[m1 - nw->m], expect ? CONSENT_GIVEN : CONSENT_NONE);
    }
    assert_true(given > 0 && given < 6);
    assert_int_equal(nw->qn, 6); /* n2 holds every item */
    assert_int_equal(last.count, 6);
    assert_close(last.value, 1.6, 1e-12, 0);
    assert_int_equal(nw->overreach_count, 6);
    gsl_rng_free(r);
}

/* 4.2 detection: an overreach consent is found with probability c_po = 1
 * and reversed with reverse_prob = 1: the person's pairs lose
 * overreach_trust_loss (floored at 0), x_j rises by guard_raise. */
static void test_decisions_reversal(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.model.decision_rate = 0;
    sc->p.model.reverse_prob = 1;
    sc->p.model.overreach_trust_loss = 0.15;
    sc->p.model.guard_raise = 0.25;
    samen_sim *sim = m->sim;
    net *nw = m->nw;
    nw->phase = SAMEN_PHASE_EXECUTING;
    member *a = fx_join(sim, nw, "o1"), *b = fx_join(sim, nw, "n1"), *c = fx_join(sim, nw, "n2");
    fx_person(a, 1, 0.3, 0, 0.3);
    a->xguard = 0.1;
    set_pair(nw, a, b, 0.5);
    set_pair(nw, a, c, 0.1);
    set_pair(nw, b, c, 0.6);
    fx_open_item(nw, 0, 0);
    *samen_consent(nw, 0, (int)(a - nw->m)) = CONSENT_OVERREACH;
    nw->overreach_open = 1;
    fx_last last = {.name = "overreach-reversed"};
    samen_observer obs = {.user = &last, .event = fx_on_last};
    assert_int_equal(samen_decisions(sim, nw, &obs), 0);
    assert_int_equal(last.count, 1);
    /* 0.5 - 0.15 = 0.35; max(0, 0.1 - 0.15) = 0; b-c untouched; 0.1 + 0.25 */
    assert_close(pair(nw, a, b), 0.35, 1e-12, 0);
    assert_close(pair(nw, a, c), 0, 0, 0);
    assert_close(pair(nw, b, c), 0.6, 0, 0);
    assert_close(a->xguard, 0.35, 1e-12, 0);
}

/* 4.2 arrivals: k ~ Poisson(rate); min(k, queue_max - qn) are queued, each
 * formal with probability formal_share (a draw each); the k - queued lost
 * ones count as arrived, their formal number Binomial(formal_share, lost).
 * Replayed: the members never consent, so the queue stays as it arrived. */
static void test_decisions_arrivals(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.model.decision_rate = 20;
    sc->p.model.formal_share = 0.3;
    sc->p.model.queue_max = 3;
    samen_sim *sim = m->sim;
    net *nw = m->nw;
    nw->phase = SAMEN_PHASE_EXECUTING;
    fx_person(fx_join(sim, nw, "o1"), 0, 0.3, 0, 1); /* omega = 0, c_po = 0 */
    fx_person(fx_join(sim, nw, "n2"), 0, 0.3, 0, 1);
    sim->step = 5;
    fx_open_item(nw, 0, 0);
    gsl_rng *r = gsl_rng_clone(sim->rng);
    assert_int_equal(samen_decisions(sim, nw, NULL), 0);
    unsigned long k = gsl_ran_poisson(r, 20);
    assert_true(k > 2);
    int f1 = gsl_rng_uniform(r) < 0.3, f2 = gsl_rng_uniform(r) < 0.3;
    unsigned long lost_formal = gsl_ran_binomial(r, 0.3, (unsigned int)(k - 2));
    const long *b = nw->win[5 % nw->win_buckets];
    assert_int_equal(nw->win_stamp[5 % nw->win_buckets], 5);
    assert_int_equal(b[0], (long)k);
    assert_int_equal(b[2], f1 + f2 + (long)lost_formal);
    assert_int_equal(b[1], (long)k - (f1 + f2 + (long)lost_formal));
    assert_int_equal(nw->qn, 3);
    assert_int_equal(nw->queue[1].formal, f1);
    assert_int_equal(nw->queue[2].formal, f2);
    assert_int_equal(nw->queue[2].arrival, 5);
    gsl_rng_free(r);
}

/* 4.2 resolution: an item every member consented to is resolved and counted
 * in the bucket of its arrival step while that step is within the window
 * (arrival > step - window), not after. Window 4, step 10: an item of step
 * 9 counts, one of step 3 (3 <= 6) does not. Both members overreach surely. */
static void test_decisions_resolution_window(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    sc->p.model.decision_rate = 0;
    sc->p.model.decision_window = 4;
    sc->p.model.overreach_scale = 10;
    samen_sim *sim = fx_sim(sc);
    net *nw = &sim->nets[0];
    nw->phase = SAMEN_PHASE_EXECUTING;
    fx_person(fx_join(sim, nw, "o1"), 0.2, 0.5, 0.4, 0);
    fx_person(fx_join(sim, nw, "n1"), 0.2, 0.5, 0.4, 0);
    sim->step = 10;
    fx_window(nw, 4, 9, 1, 1, 0, 0, 0, 0);
    fx_window(nw, 4, 7, 0, 0, 0, 0, 0, 0); /* the bucket step 3 would use */
    fx_open_item(nw, 9, 0);
    fx_open_item(nw, 3, 0);
    fx_open_item(nw, 9, 0);
    assert_int_equal(samen_decisions(sim, nw, NULL), 0);
    assert_int_equal(nw->qn, 0);
    assert_int_equal(nw->resolved, 3);
    const long want9[6] = {1, 1, 0, 2, 2, 0};
    assert_memory_equal(nw->win[1], want9, sizeof want9);
    assert_int_equal(nw->win_stamp[3], 7);
    assert_int_equal(nw->win[3][3], 0);
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

/* 4.2: s_dec = R / A over the buckets of steps step - window + 1 .. step.
 * Window 4, step 10: steps 10 (A 4, 3, 1; R 3, 2, 1) and 7 (A 3, 1, 2; R 1,
 * 1, 0) count; step 5 (5 <= 6) is stale. All: 4/7; non-formal: 3/4;
 * formal: 1/3. No item: 1, undefined. */
static void test_sdec(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    sc->p.model.decision_window = 4;
    samen_sim *sim = fx_sim(sc);
    net *nw = &sim->nets[0];
    int defined;
    assert_close(samen_sdec(sim, nw, 0, &defined), 1, 0, 0);
    assert_int_equal(defined, 0);
    sim->step = 10;
    fx_window(nw, 4, 10, 4, 3, 1, 3, 2, 1);
    fx_window(nw, 4, 7, 3, 1, 2, 1, 1, 0);
    fx_window(nw, 4, 5, 5, 5, 0, 5, 5, 0);
    assert_close(samen_sdec(sim, nw, 0, &defined), 4.0 / 7, 1e-15, 0);
    assert_int_equal(defined, 1);
    assert_close(samen_sdec(sim, nw, 1, &defined), 0.75, 1e-15, 0);
    assert_close(samen_sdec(sim, nw, 2, &defined), 1.0 / 3, 1e-15, 0);
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

/* 4.3: mu = (d3 + d5 + d6)/3 = (0.3 + 0.45 + 0.9)/3 = 0.55;
 * c_pn' = c_pn + g_n (mu + base)(1 + sigma)(1 - c_pn) - delta_n c_pn,
 * c_po' = c_po - delta_o mu c_po + g_g min(1, guard + x)(1 - c_po). */
static void test_comm_one_step(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.comm.net_gain = 0.3;
    sc->p.comm.base = 0.15;
    sc->p.comm.net_decay = 0.07;
    sc->p.comm.org_drift = 0.2;
    sc->p.comm.guard_gain = 0.12;
    samen_sim *sim = m->sim;
    net *nw = m->nw;
    member *a = fx_join(sim, nw, "o1"), *b = fx_join(sim, nw, "n1");
    fx_person(a, 0.6, 0.3, 0.25, 0);
    a->xguard = 0.2;
    fx_person(b, 0.9, 0.8, 0.1, 0);
    b->xguard = 0.7;
    nw->d[2] = 0.3;
    nw->d[4] = 0.45;
    nw->d[5] = 0.9;
    samen_comm(sim, nw);
    /* a: 0.3 + 0.3 * 0.7 * 1.25 * 0.7 - 0.07 * 0.3 = 0.3 + 0.18375 - 0.021 */
    assert_close(a->c_pn, 0.46275, 1e-12, 0);
    /* a: guard 0.5 + 0.2; 0.6 - 0.2 * 0.55 * 0.6 + 0.12 * 0.7 * 0.4 = 0.6 - 0.066 + 0.0336 */
    assert_close(a->c_po, 0.5676, 1e-12, 0);
    /* b: 0.8 + 0.3 * 0.7 * 1.1 * 0.2 - 0.07 * 0.8 = 0.8 + 0.0462 - 0.056 */
    assert_close(b->c_pn, 0.7902, 1e-12, 0);
    /* b: guard min(1, 1.2) = 1; 0.9 - 0.2 * 0.55 * 0.9 + 0.12 * 1 * 0.1 = 0.9 - 0.099 + 0.012 */
    assert_close(b->c_po, 0.813, 1e-12, 0);
}

/* Three members o1, n1, n2 with c_pn 0.3, 0.6, 0.9 and trust 0.4 (o1-n1),
 * 0.5 (o1-n2), 0.2 (n1-n2). */
static net *three(samen_sim *sim, member **a, member **b, member **c)
{
    net *nw = &sim->nets[0];
    *a = fx_join(sim, nw, "o1");
    *b = fx_join(sim, nw, "n1");
    *c = fx_join(sim, nw, "n2");
    (*a)->c_pn = 0.3;
    (*b)->c_pn = 0.6;
    (*c)->c_pn = 0.9;
    set_pair(nw, *a, *b, 0.4);
    set_pair(nw, *a, *c, 0.5);
    set_pair(nw, *b, *c, 0.2);
    return nw;
}

/* 4.4: t' = t + gain/(|M| - 1) c_pn,a c_pn,b (1 - t) - decay t, gain 0.4
 * shared by 2 partners: 0.2; decay 0.03. */
static void test_trust_one_step(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.trust.gain = 0.4;
    sc->p.trust.decay = 0.03;
    samen_sim *sim = m->sim;
    member *a, *b, *c;
    net *nw = three(sim, &a, &b, &c);
    samen_trust(sim, nw);
    /* 0.4 + 0.2 * 0.3 * 0.6 * 0.6 - 0.012 = 0.4 + 0.0216 - 0.012 */
    assert_close(pair(nw, a, b), 0.4096, 1e-12, 0);
    /* 0.5 + 0.2 * 0.3 * 0.9 * 0.5 - 0.015 = 0.5 + 0.027 - 0.015 */
    assert_close(pair(nw, a, c), 0.512, 1e-12, 0);
    /* 0.2 + 0.2 * 0.6 * 0.9 * 0.8 - 0.006 = 0.2 + 0.0864 - 0.006 */
    assert_close(pair(nw, b, c), 0.2804, 1e-12, 0);
    /* means of section 3 step 12: (0.4096 + 0.512 + 0.2804)/3, c_pn 1.8/3 */
    assert_close(samen_mean_trust(nw), 1.202 / 3, 1e-12, 0);
    assert_close(samen_mean_cpn(nw), 0.6, 1e-12, 0);
}

/* 4.4, 4.9, 4.12: a leaver's pairs go, the remaining pairs lose exit_loss,
 * its load share leaves its organisation's load at once. */
static void test_leave(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.trust.exit_loss = 0.05;
    samen_sim *sim = m->sim;
    member *a, *b, *c;
    net *nw = three(sim, &a, &b, &c);
    sim->load[1] = 0.9;
    b->load_share = 0.35;
    assert_int_equal(samen_member_leave(sim, nw, 1), 0);
    assert_int_equal(nw->n, 2);
    assert_close(pair(nw, a, c), 0.45, 1e-12, 0); /* 0.5 - 0.05 */
    assert_close(sim->load[1], 0.55, 1e-12, 0);   /* 0.9 - 0.35 */
    assert_int_equal(nw->left[1], 1);
}

/* Section 3, 4.12: a network that ends removes its members' load shares at
 * once (later networks of the step see the capacity free): 0.9 - 0.35. */
static void test_end_frees_load(void **state)
{
    fx_model *m = *state;
    samen_sim *sim = m->sim;
    member *a, *b, *c;
    net *nw = three(sim, &a, &b, &c);
    nw->phase = SAMEN_PHASE_EXECUTING;
    sim->load[1] = 0.9;
    b->load_share = 0.35;
    assert_int_equal(samen_net_end(sim, nw, SAMEN_PHASE_DISSOLVED, "dissolved",
                                   "too-few-partners", 0, 0, NULL), 0);
    assert_close(sim->load[1], 0.55, 1e-12, 0);
    assert_close(b->load_share, 0, 0, 0);
    assert_int_equal(nw->phase, SAMEN_PHASE_DISSOLVED);
}

/* s_dec = 2/5 = 0.4 in the bucket of step 0. */
static void sdec_04(net *nw, const samen_sim *sim)
{
    fx_window(nw, sim->p->model.decision_window, 0, 5, 3, 2, 2, 2, 0);
}

/* 4.5 with o1, n1, m1 at engagement 0.2, 0.5, 0.4 (sum 1.1), trust 0.4, 0.5,
 * 0.2 (o1-n1, o1-m1, n1-m1; mean 1.1/3), c_pn 0.3, 0.6, 0.9 (mean 0.6),
 * s = 0.4, gamma 0.25, t_form 9 -> 10, speed 0.35:
 *   mbar = sum e_i m_i / 1.1 = (0.2 (1, 0.3, 0.2) + 0.5 (0.6, 1, 0.2)
 *          + 0.4 (0.7, 0.2, 1)) / 1.1 = (0.78, 0.64, 0.54) / 1.1,
 *   chi = sum e_i fit(m_i, mbar) / 1.1,
 *   gamma' = 0.25 + 0.35 (1.1/3) 0.6 (0.5 + 0.5 * 0.4) chi (1 - 0.25),
 *   g = unit((1 - gamma') unit(q) + gamma' unit(mbar)),
 *   interest_i = min(1, A_i(g)) exp(-10/80). */
static void test_goal_one_step(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.goal.speed = 0.35;
    sc->p.goal.threshold = 0.99;
    samen_sim *sim = m->sim;
    net *nw = m->nw;
    member *mem[3] = {fx_join(sim, nw, "o1"), fx_join(sim, nw, "n1"), fx_join(sim, nw, "m1")};
    const double *mis[3] = {M_O1, M_N1, M_M1};
    const double e[3] = {0.2, 0.5, 0.4}, cpn[3] = {0.3, 0.6, 0.9};
    for (int i = 0; i < 3; i++) {
        mem[i]->engagement = e[i];
        mem[i]->c_pn = cpn[i];
    }
    set_pair(nw, mem[0], mem[1], 0.4);
    set_pair(nw, mem[0], mem[2], 0.5);
    set_pair(nw, mem[1], mem[2], 0.2);
    sdec_04(nw, sim);
    nw->phase = SAMEN_PHASE_FORMULATING;
    nw->gamma = 0.25;
    nw->t_form = 9;
    assert_int_equal(samen_goal(sim, nw, NULL), 0);

    double mbar[3] = {0.78 / 1.1, 0.64 / 1.1, 0.54 / 1.1}, chi = 0;
    for (int i = 0; i < 3; i++)
        chi += e[i] * samen_fit(mis[i], mbar, 3);
    chi /= 1.1;
    /* chi = 0.881491 (cohesion of three fairly different missions) */
    assert_close(chi, 0.881491, 0, 1e-6);
    double gamma = 0.25 + 0.35 * (1.1 / 3) * 0.6 * 0.7 * chi * 0.75;
    assert_close(nw->gamma, gamma, 1e-12, 0);
    double qn = sqrt(0.54), mn = sqrt(0.78 * 0.78 + 0.64 * 0.64 + 0.54 * 0.54), g[3], gn = 0;
    const double q[3] = {0.6, 0.3, 0.3}, mb[3] = {0.78, 0.64, 0.54};
    for (int k = 0; k < 3; k++) {
        g[k] = (1 - gamma) * q[k] / qn + gamma * mb[k] / mn;
        gn += g[k] * g[k];
    }
    for (int k = 0; k < 3; k++)
        assert_close(nw->goal[k], g[k] / sqrt(gn), 1e-12, 0);
    for (int i = 0; i < 3; i++)
        assert_close(mem[i]->interest,
                     fmin(1, samen_attraction(sim, nw, mem[i]->cand, nw->goal)) * exp(-0.125),
                     1e-12, 0);
    /* each member's kept fit follows the goal that moved (4.6, 4.9 and
     * 4.11 read it) */
    for (int i = 0; i < 3; i++)
        assert_true(mem[i]->fit_goal
                    == samen_fit(sim->sc->orgs[mem[i]->org].mission, nw->goal, sim->K));
    assert_int_equal(nw->t_form, 10);
    assert_int_equal(nw->phase, SAMEN_PHASE_FORMULATING);
}

/* 4.5: no engaged member: mbar is the issue, chi = 0, gamma stays. */
static void test_goal_unengaged(void **state)
{
    fx_model *m = *state;
    samen_sim *sim = m->sim;
    net *nw = m->nw;
    fx_join(sim, nw, "o1")->engagement = 0;
    fx_join(sim, nw, "n1")->engagement = 0;
    nw->phase = SAMEN_PHASE_FORMULATING;
    nw->gamma = 0.3;
    assert_int_equal(samen_goal(sim, nw, NULL), 0);
    assert_close(nw->gamma, 0.3, 0, 0);
    assert_close(nw->goal[0], 0.6 / sqrt(0.54), 1e-12, 0);
}

/* 4.6: b = (0.5 + 0.5 s)(0.5 + 0.5 T) = 0.7 * 0.65 = 0.455 (s 0.4, T 0.3);
 * target = fit(m, g) (1 - 0.5^2) (0.5 + 0.5 c_po c_pn) b; e' = e + 0.2
 * (target - e). o1: link 0.7 * 0.4 = 0.28, target 0.960119 * 0.75 * 0.64 *
 * 0.455 = 0.209690, e' = 0.2 + 0.2 * 0.009690 = 0.201938. */
static void test_engagement_one_step(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.exec.engage_rate = 0.2;
    samen_sim *sim = m->sim;
    net *nw = m->nw;
    member *a = fx_join(sim, nw, "o1"), *b = fx_join(sim, nw, "n1");
    fx_person(a, 0.7, 0.4, 0, 0);
    fx_person(b, 0.5, 0.8, 0, 0);
    a->engagement = 0.2;
    b->engagement = 0.6;
    set_pair(nw, a, b, 0.3);
    sdec_04(nw, sim);
    nw->phase = SAMEN_PHASE_EXECUTING;
    assert_close(samen_benefit(sim, nw), 0.455, 1e-12, 0);
    samen_engagement(sim, nw);
    assert_close(a->engagement, 0.2 + 0.2 * (FIT_O1 * 0.75 * 0.64 * 0.455 - 0.2), 1e-12, 0);
    assert_close(a->engagement, 0.201938, 0, 1e-6);
    /* n1: link 0.4, target 0.828079 * 0.75 * 0.7 * 0.455, e' = 0.6 + 0.2 (target - 0.6) */
    assert_close(b->engagement, 0.6 + 0.2 * (FIT_N1 * 0.75 * 0.7 * 0.455 - 0.6), 1e-12, 0);
}

/* 4.7: three members, all pairs at trust 0.4, s = 0.4, d4 = 0.6: b = (0.5 +
 * 0.5 * 0.4)(0.5 + 0.5 * 0.4) = 0.7 * 0.7 = 0.49; speed 0.2. */
static net *exec_state(fx_model *m, double progress)
{
    m->sc->p.exec.speed = 0.2;
    member *a, *b, *c;
    net *nw = three(m->sim, &a, &b, &c);
    set_pair(nw, a, b, 0.4);
    set_pair(nw, a, c, 0.4);
    set_pair(nw, b, c, 0.4);
    sdec_04(nw, m->sim);
    nw->phase = SAMEN_PHASE_EXECUTING;
    nw->d[3] = 0.6;
    nw->progress = progress;
    return nw;
}

/* 4.7: with the quorum present, P' = min(1, P + speed d4 b) = 0.3 + 0.2 *
 * 0.6 * 0.49 = 0.3588. */
static void test_execution_one_step(void **state)
{
    fx_model *m = *state;
    net *nw = exec_state(m, 0.3);
    assert_int_equal(samen_execution(m->sim, nw, NULL), 0);
    assert_close(nw->progress, 0.3588, 1e-12, 0);
    assert_int_equal(nw->t_exec, 1);
    assert_int_equal(nw->phase, SAMEN_PHASE_EXECUTING);
}

/* 4.7: an adhoc network completes at P >= 1: 0.95 + 0.0588 is clipped to 1
 * and the network ends, goal reached. */
static void test_execution_adhoc_completes(void **state)
{
    fx_model *m = *state;
    m->sc->nets[0].type = SAMEN_TYPE_ADHOC;
    net *nw = exec_state(m, 0.95);
    assert_int_equal(samen_execution(m->sim, nw, NULL), 0);
    assert_close(nw->progress, 1, 0, 0);
    assert_int_equal(nw->phase, SAMEN_PHASE_COMPLETED);
    assert_string_equal(nw->end_reason, "goal-reached");
}

/* 4.8: iota' = iota (1 - decay), reset to 1 when (step - start) is a
 * multiple of inform_every; no need (need_rate 0): nothing else. Start 5,
 * every 8: step 13 informs, step 14 does not: 0.6 * 0.9 = 0.54. */
static void test_framing_inform(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.framing.decay = 0.1;
    sc->p.framing.need_rate = 0;
    sc->nets[0].start = 5;
    sc->nets[0].inform_every = 8;
    samen_sim *sim = m->sim;
    net *nw = m->nw;
    nw->iota[0] = 0.6;
    sim->step = 14;
    assert_int_equal(samen_framing(sim, nw, NULL), 0);
    assert_close(nw->iota[0], 0.54, 1e-12, 0);
    sim->step = 13;
    assert_int_equal(samen_framing(sim, nw, NULL), 0);
    assert_close(nw->iota[0], 1, 0, 0);
}

/* 4.8: a need (need_rate huge: probability 1) of an uninformed actor (iota
 * 0) is a setback: P' = max(0, P - setback), every pair loses trust_loss;
 * of an informed one (iota 1, decay 0) help: P' = min(1, P + help). */
static void test_framing_need(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.framing.decay = 0;
    sc->p.framing.need_rate = 1e3;
    sc->p.framing.setback = 0.12;
    sc->p.framing.help = 0.07;
    sc->p.framing.trust_loss = 0.05;
    sc->nets[0].inform_every = 0;
    samen_sim *sim = m->sim;
    member *a, *b, *c;
    net *nw = three(sim, &a, &b, &c);
    nw->phase = SAMEN_PHASE_EXECUTING;
    nw->progress = 0.3;
    nw->iota[0] = 0;
    fx_last last = {.name = "framing-setback"};
    samen_observer obs = {.user = &last, .event = fx_on_last};
    assert_int_equal(samen_framing(sim, nw, &obs), 0);
    assert_int_equal(last.count, 1);
    assert_close(nw->progress, 0.18, 1e-12, 0);   /* 0.3 - 0.12 */
    assert_close(pair(nw, a, b), 0.35, 1e-12, 0); /* 0.4 - 0.05 */
    assert_close(pair(nw, b, c), 0.15, 1e-12, 0); /* 0.2 - 0.05 */
    nw->iota[0] = 1;
    assert_int_equal(samen_framing(sim, nw, &obs), 0);
    assert_int_equal(last.count, 1);
    assert_close(nw->progress, 0.25, 1e-12, 0); /* 0.18 + 0.07 */
}

/* 4.9: member m1 (not the initiator) with every hazard term on, total h
 * large enough that 1 - exp(-h) rounds to 1:
 *   impatience  100 max(0, 0.6 - 0.2) = 40          (formulating)
 *   goal-misfit 50 max(0, fit(m1, q) - fit(m1, g)), g = (0, 0, 1):
 *               50 (0.858128 - 1/sqrt(1.53)) = 50 * 0.049676 = 2.4838
 *   disengaged  20 max(0, 0.7 - 0.3) = 8
 *   overcommit  30 max(0, load/cap - 1) = 30 (3/2 - 1) = 15
 *   base        0.9
 * h = 66.38...; the reason is the largest term, impatience. Executing, the
 * first two are 0: h = 23.9, overcommitted. */
static samen_sim *dropout_state(samen_scenario *sc, samen_phase ph)
{
    sc->p.drop.impatience = 100;
    sc->p.drop.interest_min = 0.6;
    sc->p.drop.misfit = 50;
    sc->p.drop.disengaged = 20;
    sc->p.drop.engagement_min = 0.7;
    sc->p.drop.overcommit = 30;
    sc->p.drop.base = 0.9;
    samen_sim *sim = fx_sim(sc);
    net *nw = &sim->nets[0];
    fx_join(sim, nw, "o1");
    member *mb = fx_join(sim, nw, "m1");
    mb->interest = 0.2;
    mb->engagement = 0.3;
    sim->load[3] = 3;
    nw->goal[0] = nw->goal[1] = 0;
    nw->goal[2] = 1;
    samen_goal_moved(sim, nw);
    nw->phase = ph;
    return sim;
}

static void test_dropout_hazard(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    samen_sim *sim = dropout_state(sc, SAMEN_PHASE_FORMULATING);
    net *nw = &sim->nets[0];
    fx_last last = {.name = "dropout"};
    samen_observer obs = {.user = &last, .event = fx_on_last};
    assert_int_equal(samen_dropout(sim, nw, &obs), 0);
    assert_int_equal(last.count, 1);
    double misfit = 50 * (FIT_M1 - 1 / sqrt(1.53));
    assert_close(misfit, 2.48379, 0, 1e-5);
    assert_close(last.value, 40 + misfit + 8 + 15 + 0.9, 1e-12, 0);
    assert_string_equal(last.reason, "impatience");
    assert_int_equal(nw->dropouts_by_reason[0], 1);
    samen_sim_free(sim);

    sim = dropout_state(sc, SAMEN_PHASE_EXECUTING);
    nw = &sim->nets[0];
    last.count = 0;
    assert_int_equal(samen_dropout(sim, nw, &obs), 0);
    assert_int_equal(last.count, 1);
    assert_close(last.value, 8 + 15 + 0.9, 1e-12, 0);
    assert_string_equal(last.reason, "overcommitted");
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

/* 4.9 end checks: the quorum needs ceil(quorum |N| - 1e-9) necessary actors;
 * quorum 1 of 2: both. Present, the grace counter resets; one short, it
 * counts up (3 -> 4 < necessary_grace 8: no end yet). */
static void test_quorum(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    sc->p.model.necessary_quorum = 1;
    sc->p.model.necessary_grace = 8;
    for (int present = 1; present <= 2; present++) {
        samen_sim *sim = fx_sim(sc);
        net *nw = &sim->nets[0];
        fx_join(sim, nw, "o1");
        fx_join(sim, nw, "n1");
        if (present == 2)
            fx_join(sim, nw, "n2");
        nw->phase = SAMEN_PHASE_EXECUTING;
        nw->grace = 3;
        assert_int_equal(samen_quorum_need(sim, nw), 2);
        assert_int_equal(samen_necessary_present(nw), present);
        assert_int_equal(samen_dropout(sim, nw, NULL), 0);
        assert_int_equal(nw->grace, present == 2 ? 0 : 4);
        assert_int_equal(nw->phase, SAMEN_PHASE_EXECUTING);
        samen_sim_free(sim);
    }
    /* quorum 0.6 of 2: ceil(1.2) = 2; 0.5 of 2: exactly 1, not 2 */
    sc->p.model.necessary_quorum = 0.6;
    samen_sim *sim = fx_sim(sc);
    assert_int_equal(samen_quorum_need(sim, &sim->nets[0]), 2);
    samen_sim_free(sim);
    sc->p.model.necessary_quorum = 0.5;
    sim = fx_sim(sc);
    assert_int_equal(samen_quorum_need(sim, &sim->nets[0]), 1);
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

/* 4.10: tenure 1e-9 steps: leaving has probability 1 - exp(-1e9) = 1. Each
 * leaver multiplies its pairs and its engagement by keep = 1 - loss (1 -
 * c_po): o1 (c_po 0.3) 1 - 0.4 * 0.7 = 0.72, n1 (c_po 0.6) 1 - 0.4 * 0.4 =
 * 0.84; their pair both: 0.5 * 0.72 * 0.84 = 0.3024. New persons start at
 * c_po0, c_pn0; the event's value is the old person's c_po. */
static void test_turnover_one_step(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.persons.tenure = 1e-9;
    sc->p.turnover.trust_loss = 0.4;
    sc->p.persons.c_po0 = 0.75;
    sc->p.persons.c_pn0 = 0.15;
    samen_sim *sim = m->sim;
    net *nw = m->nw;
    member *a = fx_join(sim, nw, "o1"), *b = fx_join(sim, nw, "n1");
    fx_person(a, 0.3, 0.6, 0.2, 0.3);
    fx_person(b, 0.6, 0.6, 0.2, 0.3);
    a->engagement = 0.5;
    b->engagement = 0.8;
    set_pair(nw, a, b, 0.5);
    long before = sim->next_person;
    fx_last last = {.name = "turnover"};
    samen_observer obs = {.user = &last, .event = fx_on_last};
    assert_int_equal(samen_turnover(sim, nw, &obs), 0);
    assert_int_equal(last.count, 2);
    assert_close(last.value, 0.6, 0, 0);
    assert_close(pair(nw, a, b), 0.3024, 1e-12, 0);
    assert_close(a->engagement, 0.36, 1e-12, 0);  /* 0.5 * 0.72 */
    assert_close(b->engagement, 0.672, 1e-12, 0); /* 0.8 * 0.84 */
    assert_close(a->c_po, 0.75, 0, 0);
    assert_close(b->c_pn, 0.15, 0, 0);
    assert_int_equal(sim->next_person, before + 2);
}

/* 4.11, network type (depth 0.9), rate 0.3, o1 n1 n2 at engagement 0.2,
 * 0.5, 0.4, c_pn 0.3, 0.6, 0.9, trust 0.4, 0.5, 0.2, goal = unit(q);
 * s_dec non-formal 2/3, formal 1/2 (bucket: arrived 5, 3, 2; resolved 3,
 * 2, 1). Targets: fit mean (0.960119 + 0.828079 + fit(n2, q))/3; 2/3; 1/2;
 * min(1, (0.2 + 0.5 + 0.4) 2 / 8) = 0.275; 1.1/3; (1.8/3)(1.1/3) = 0.22.
 * d' = d + 0.3 (0.9 target - d) from d = (0.1 .. 0.6); F = mean d' =
 * 0.377282: from overleg past adhoc_at + hysteresis = 0.27, not past 0.52. */
static void test_form_one_step(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.form.rate = 0.3;
    sc->p.form.depth_network = 0.9;
    samen_sim *sim = m->sim;
    member *a, *b, *c;
    net *nw = three(sim, &a, &b, &c);
    a->engagement = 0.2;
    b->engagement = 0.5;
    c->engagement = 0.4;
    fx_window(nw, sim->p->model.decision_window, 0, 5, 3, 2, 3, 2, 1);
    nw->phase = SAMEN_PHASE_EXECUTING;
    const double d0[6] = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
    memcpy(nw->d, d0, sizeof d0);
    fx_last last = {.name = "form-change"};
    samen_observer obs = {.user = &last, .event = fx_on_last};
    assert_int_equal(samen_form(sim, nw, &obs), 0);
    double q[3] = {0.6, 0.3, 0.3};
    double target[6] = {(FIT_O1 + FIT_N1 + samen_fit(M_N2, q, 3)) / 3, 2.0 / 3, 0.5, 0.275,
                        1.1 / 3, 0.6 * 1.1 / 3};
    double F = 0;
    for (int k = 0; k < 6; k++) {
        double want = d0[k] + 0.3 * (0.9 * target[k] - d0[k]);
        assert_close(nw->d[k], want, 1e-12, 0);
        F += want / 6;
    }
    assert_close(F, 0.377282, 0, 1e-6);
    assert_int_equal(nw->form, SAMEN_TYPE_ADHOC);
    assert_int_equal(last.count, 1);
    assert_close(last.value, F, 1e-12, 0);
}

/* 4.11 bands with hysteresis 0.02 (adhoc_at 0.25, network_at 0.5), rate 0 so
 * that F is the mean of d as set: F = 0.25 < 0.27 keeps an overleg; F =
 * 0.49 >= 0.48 keeps a network; F = 0.47 moves it down to adhoc. */
static void test_form_bands(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    sc->p.form.rate = 0;
    sc->p.form.hysteresis = 0.02;
    sc->p.form.adhoc_at = 0.25;
    sc->p.form.network_at = 0.5;
    const struct {
        samen_net_type from;
        double F;
        samen_net_type to;
    } cases[] = {{SAMEN_TYPE_OVERLEG, 0.25, SAMEN_TYPE_OVERLEG},
                 {SAMEN_TYPE_OVERLEG, 0.27, SAMEN_TYPE_ADHOC},
                 {SAMEN_TYPE_NETWORK, 0.49, SAMEN_TYPE_NETWORK},
                 {SAMEN_TYPE_NETWORK, 0.47, SAMEN_TYPE_ADHOC},
                 {SAMEN_TYPE_NETWORK, 0.2, SAMEN_TYPE_OVERLEG}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        samen_sim *sim = fx_sim(sc);
        net *nw = &sim->nets[0];
        fx_join(sim, nw, "o1");
        fx_join(sim, nw, "n1");
        nw->phase = SAMEN_PHASE_EXECUTING;
        nw->form = cases[i].from;
        for (int k = 0; k < 6; k++)
            nw->d[k] = cases[i].F;
        assert_int_equal(samen_form(sim, nw, NULL), 0);
        assert_int_equal(nw->form, cases[i].to);
        samen_sim_free(sim);
    }
    samen_scenario_free(sc);
}

/* 4.12: at the start of a step each membership of a live network adds
 * join_cost (0.5 + e) to its organisation's load: 0.4 * 0.8 = 0.32 for o1,
 * 0.4 * 1.1 = 0.44 for n1. */
static void test_capacity_loads(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    sc->p.model.join_cost = 0.4;
    samen_sim *sim = m->sim;
    net *nw = m->nw;
    fx_join(sim, nw, "o1")->engagement = 0.3;
    fx_join(sim, nw, "n1")->engagement = 0.6;
    nw->phase = SAMEN_PHASE_FORMULATING;
    sim->load[2] = 5; /* recomputed from nothing */
    samen_capacity_loads(sim);
    assert_close(sim->load[0], 0.32, 1e-12, 0);
    assert_close(sim->load[1], 0.44, 1e-12, 0);
    assert_close(sim->load[2], 0, 0, 0);
}

static int keep_row(void *user, const samen_net_row *row)
{
    *(samen_net_row *)user = *row;
    return 0;
}

static int count_tie(void *user, const samen_tie_row *row)
{
    (void)row;
    ++*(int *)((samen_net_row *)user + 1);
    return 0;
}

/* Section 3 step 12: the row's means over members (c_po 0.2, 0.6; c_pn 0.5,
 * 0.2): c_po 0.4, c_pn 0.35, link (0.1 + 0.12)/2 = 0.11, person dependency
 * 1 - 0.11/0.35; the last step writes a ties snapshot whatever
 * snapshot_every (199 is no multiple of 13). */
static void test_observe_row(void **state)
{
    fx_model *m = *state;
    samen_scenario *sc = m->sc;
    samen_sim *sim = m->sim;
    net *nw = m->nw;
    fx_person(fx_join(sim, nw, "o1"), 0.2, 0.5, 0, 0);
    fx_person(fx_join(sim, nw, "n1"), 0.6, 0.2, 0, 0);
    nw->phase = SAMEN_PHASE_EXECUTING;
    struct {
        samen_net_row row;
        int ties;
    } got = {.ties = 0};
    samen_observer obs = {.user = &got, .network_row = keep_row, .tie_row = count_tie};
    sim->step = sc->steps - 1;
    assert_int_equal(samen_observe_net(sim, nw, &obs), 0);
    assert_close(got.row.c_po, 0.4, 1e-12, 0);
    assert_close(got.row.c_pn, 0.35, 1e-12, 0);
    assert_close(got.row.link, 0.11, 1e-12, 0);
    assert_close(got.row.person_dependency, 1 - 0.11 / 0.35, 1e-12, 0);
    assert_int_equal(got.ties, 1);
    sim->step = sc->steps - 2; /* 198: neither a multiple of 13 nor the last */
    assert_int_equal(samen_observe_net(sim, nw, &obs), 0);
    assert_int_equal(got.ties, 1);
}

/* Persons' draws (section 2): uniform(a, b) is a + (b - a) U; normal(mu,
 * sd) is mu + N(0, sd), clipped to [0, 1]; replayed on a clone. */
static void test_dist_draw(void **state)
{
    (void)state;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 7);
    gsl_rng *c = gsl_rng_clone(r);
    samen_dist u = {.kind = SAMEN_DIST_UNIFORM, .a = 0.2, .b = 0.7};
    samen_dist n = {.kind = SAMEN_DIST_NORMAL, .a = 0.4, .b = 0.1};
    for (int i = 0; i < 5; i++) {
        assert_close(samen_dist_draw(&u, r), 0.2 + 0.5 * gsl_rng_uniform(c), 1e-15, 0);
        assert_close(samen_dist_draw(&n, r), fmin(1, fmax(0, 0.4 + gsl_ran_gaussian(c, 0.1))),
                     1e-15, 0);
    }
    gsl_rng_free(r);
    gsl_rng_free(c);
}

/* The remembered trust of {a, b}, or none (4.13). */
static double prior_trust(const samen_sim *sim, int a, int b, double none)
{
    const pair_mem *m = samen_memory_find(sim, a, b);
    return m && m->has ? m->r : none;
}

/* 4.1, 5.1: a new pair starts at its prior tie, found by pair in either
 * order among ties sorted once at set-up, else at trust0. Ties set by hand
 * in file order (the loader's checks do not matter here). */
static void test_prior_ties(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    samen_tie ties[] = {{3, 1, 0.3}, {0, 2, 0.45}, {5, 4, 0.6}, {1, 0, 0.7},
                        {2, 9, 0.25}, {6, 7, 0.8}, {10, 8, 0.35}, {0, 10, 0.15},
                        {2, 0, 0.9}}; /* a pair twice: the first in the file wins */
    int n = (int)(sizeof ties / sizeof ties[0]);
    samen_tie *own = sc->ties;
    int own_n = sc->n_ties;
    sc->ties = ties;
    sc->n_ties = n;
    samen_sim *sim = fx_sim(sc);
    sc->ties = own;
    sc->n_ties = own_n;
    for (int k = 0; k < n - 1; k++) {
        assert_close(prior_trust(sim, ties[k].a, ties[k].b, -1), ties[k].trust, 0, 0);
        assert_close(prior_trust(sim, ties[k].b, ties[k].a, -1), ties[k].trust, 0, 0);
    }
    assert_close(prior_trust(sim, 1, 2, -1), -1, 0, 0);
    assert_close(prior_trust(sim, 0, 11, -1), -1, 0, 0);
    assert_close(prior_trust(sim, 9, 10, -1), -1, 0, 0);
    net *nw = &sim->nets[0];
    member *a = fx_join(sim, nw, "o1"), *b = fx_join(sim, nw, "n1"), *c = fx_join(sim, nw, "m5");
    assert_close(pair(nw, a, b), 0.7, 0, 0);
    assert_close(pair(nw, a, c), sc->p.model.trust0, 0, 0);
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

/* Set-up (3.1): the possible members are the candidates and the initiator
 * when it is not one of them: 3 + 1 positions, the initiator last. */
static void test_possible_members(void **state)
{
    (void)state;
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, "network.net.candidates=n1, n2, m1", NULL);
    samen_sim *sim = fx_sim(sc);
    net *nw = &sim->nets[0];
    assert_int_equal(nw->n_cand, 4);
    assert_int_equal(nw->slots, 4);
    assert_int_equal(nw->init_cand, 3);
    assert_int_equal(samen_cand_org(nw, 3), 0);
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

/* A test on the run fx_model_setup allocates, freed by fx_model_teardown. */
#define MODEL_TEST(f) cmocka_unit_test_setup_teardown(f, fx_model_setup, fx_model_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fit_values),
        cmocka_unit_test(test_attraction),
        MODEL_TEST(test_join),
        MODEL_TEST(test_recruit_round),
        MODEL_TEST(test_decisions_consents),
        MODEL_TEST(test_decisions_reversal),
        MODEL_TEST(test_decisions_arrivals),
        cmocka_unit_test(test_decisions_resolution_window),
        cmocka_unit_test(test_sdec),
        MODEL_TEST(test_comm_one_step),
        MODEL_TEST(test_trust_one_step),
        MODEL_TEST(test_leave),
        MODEL_TEST(test_end_frees_load),
        MODEL_TEST(test_goal_one_step),
        MODEL_TEST(test_goal_unengaged),
        MODEL_TEST(test_engagement_one_step),
        MODEL_TEST(test_execution_one_step),
        MODEL_TEST(test_execution_adhoc_completes),
        MODEL_TEST(test_framing_inform),
        MODEL_TEST(test_framing_need),
        cmocka_unit_test(test_dropout_hazard),
        cmocka_unit_test(test_quorum),
        MODEL_TEST(test_turnover_one_step),
        MODEL_TEST(test_form_one_step),
        cmocka_unit_test(test_form_bands),
        MODEL_TEST(test_capacity_loads),
        MODEL_TEST(test_observe_row),
        cmocka_unit_test(test_dist_draw),
        cmocka_unit_test(test_prior_ties),
        cmocka_unit_test(test_possible_members),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
