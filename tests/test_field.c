/* test_field.c: model version 3 (MODEL.md 4.13-4.15) on hand-built
 * states: remembered trust and its fading, the writes when trust pairs
 * end, a new pair starting at its memory, the founder's score and draws,
 * the choice of partners, a merged network's organisation; and effects
 * over seeded runs (founding grows with its rate and runs the same whatever
 * else, version 2 draws nothing new). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <gsl/gsl_randist.h>

#include "fit/measures.h"
#include "model/state.h"
#include "fixture.h"

/* 4.13: R_eff fades halfway to trust0 per half-life. R = 0.6 written at
 * step 10, trust0 0.2, h = 260: at 10 it is 0.6; at 270, 0.2 + 0.4/2 =
 * 0.4; at 530, 0.2 + 0.4/4 = 0.3. With h = 0 it never fades. */
static void test_reff_at_ages(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    pair_mem m = {.a = 0, .b = 1, .r = 0.6, .t = 10, .has = 1};
    assert_close(samen_memory_reff(&sc->p, &m, 10), 0.6, 1e-15, 0);
    assert_close(samen_memory_reff(&sc->p, &m, 270), 0.4, 1e-15, 0);
    assert_close(samen_memory_reff(&sc->p, &m, 530), 0.3, 1e-15, 0);
    /* below trust0 it fades up to it: 0.2 + (0.1 - 0.2)/2 = 0.15 */
    m.r = 0.1;
    assert_close(samen_memory_reff(&sc->p, &m, 270), 0.15, 1e-15, 0);
    sc->p.field.memory_half_life = 0;
    assert_close(samen_memory_reff(&sc->p, &m, 530), 0.1, 0, 0);
    samen_scenario_free(sc);
}

/* 4.13: a leaver's pairs are written with their trust before the exit
 * loss; the pairs that remain are written when the network ends. */
static void test_writes_on_pair_end(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    samen_sim *sim = fx_sim(sc);
    net *nw = &sim->nets[0];
    sim->step = 5;
    member *a = fx_join(sim, nw, "o1"), *b = fx_join(sim, nw, "n1"), *c = fx_join(sim, nw, "n2");
    int sa = (int)(a - nw->m), sb = (int)(b - nw->m), sc_ = (int)(c - nw->m);
    *samen_pair(nw, sa, sb) = 0.55;
    *samen_pair(nw, sb, sc_) = 0.35;
    *samen_pair(nw, sa, sc_) = 0.45;
    int o1 = samen_scenario_org_index(sc, "o1"), n1 = samen_scenario_org_index(sc, "n1"),
        n2 = samen_scenario_org_index(sc, "n2");
    const pair_mem *m = samen_memory_find(sim, o1, n1);
    assert_non_null(m);
    assert_int_equal(m->live, 1);
    assert_int_equal(m->has, 0);
    sim->step = 30;
    assert_int_equal(samen_member_leave(sim, nw, 1), 0); /* n1 leaves */
    m = samen_memory_find(sim, o1, n1);
    assert_int_equal(m->live, 0);
    assert_int_equal(m->has, 1);
    assert_close(m->r, 0.55, 0, 0); /* before the exit loss */
    assert_int_equal(m->t, 30);
    assert_int_equal(m->k, 1);
    m = samen_memory_find(sim, n1, n2);
    assert_close(m->r, 0.35, 0, 0);
    /* o1-n2 is live and lost the exit loss, unwritten */
    m = samen_memory_find(sim, o1, n2);
    assert_int_equal(m->has, 0);
    assert_int_equal(m->live, 1);
    assert_close(*samen_pair(nw, sa, sc_), 0.45 - sc->p.trust.exit_loss, 1e-15, 0);
    sim->step = 40;
    assert_int_equal(samen_net_end(sim, nw, SAMEN_PHASE_COMPLETED, "completed", "horizon", 0, 0,
                                   NULL),
                     0);
    m = samen_memory_find(sim, o1, n2);
    assert_close(m->r, 0.45 - sc->p.trust.exit_loss, 1e-15, 0);
    assert_int_equal(m->t, 40);
    assert_int_equal(m->k, 1);
    assert_int_equal(m->live, 0);
    assert_int_equal(sim->memb[o1].n, 0);
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

/* 4.13 off (h = 0): nothing is written, k still counts. */
static void test_no_write_without_memory(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    sc->p.field.memory_half_life = 0;
    samen_sim *sim = fx_sim(sc);
    net *nw = &sim->nets[0];
    fx_join(sim, nw, "o1");
    fx_join(sim, nw, "n1");
    assert_int_equal(samen_member_leave(sim, nw, 1), 0);
    const pair_mem *m = samen_memory_find(sim, 0, 1);
    assert_int_equal(m->has, 0);
    assert_int_equal(m->k, 1);
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

/* 4.1, 4.13: a new pair starts at R_eff: R = 0.8 written at step 0, read
 * at 260 with h = 260 and trust0 0.2: 0.2 + 0.6/2 = 0.5. */
static void test_new_pair_starts_at_memory(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    samen_sim *sim = fx_sim(sc);
    net *nw = &sim->nets[0];
    int o1 = samen_scenario_org_index(sc, "o1"), m1 = samen_scenario_org_index(sc, "m1");
    assert_int_equal(samen_memory_set(sim, o1, m1, 0.8, 1), 0);
    sim->step = 260;
    member *a = fx_join(sim, nw, "o1"), *b = fx_join(sim, nw, "m1"), *c = fx_join(sim, nw, "m2");
    assert_close(*samen_pair(nw, (int)(a - nw->m), (int)(b - nw->m)), 0.5, 1e-15, 0);
    assert_close(*samen_pair(nw, (int)(a - nw->m), (int)(c - nw->m)), sc->p.model.trust0, 0, 0);
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

/* 4.13: a field tie is a live pair, or one whose R_eff reaches tie_min
 * (0.25): R = 0.3 written at 0 fades to 0.25 at one half-life. */
static void test_field_ties_and_degree(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    samen_sim *sim = fx_sim(sc);
    assert_int_equal(samen_memory_set(sim, 0, 3, 0.3, 1), 0);
    assert_int_equal(samen_memory_set(sim, 0, 4, 0.9, 1), 0);
    assert_int_equal(samen_memory_set(sim, 0, 5, 0.2, 1), 0); /* strangers' trust */
    assert_int_equal(samen_field_degree(sim, 0), 2);
    sim->step = 259; /* 0.2 + 0.1 * 2^(-259/260) > 0.25 */
    assert_int_equal(samen_field_degree(sim, 0), 2);
    sim->step = 261; /* just below 0.25 */
    assert_int_equal(samen_field_degree(sim, 0), 1);
    assert_int_equal(samen_memory_pair_begins(sim, 0, 5), 0); /* live: a tie */
    assert_int_equal(samen_field_degree(sim, 0), 2);
    assert_int_equal(samen_field_degree(sim, 5), 1);
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

/* 4.14: S_x = f (1 + familiarity F + closure c + prominence d / dbar).
 * fit 0.8, phi 0.6, trust0 0.2: F = 0.4/0.8 = 0.5; degree 4 over a mean
 * of 2: 0.025 * 2 = 0.05; S = 0.8 * 1.55 = 1.24. A stranger with a common
 * partner and degree 0: 0.8 * (1 + 0.5) = 1.2; without: 0.8. */
static void test_score(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    const samen_params *p = &sc->p;
    assert_close(samen_found_score(p, 0.8, 0.6, 0, 4, 2), 1.24, 1e-15, 0);
    assert_close(samen_found_score(p, 0.8, -1, 1, 0, 2), 1.2, 1e-15, 0);
    assert_close(samen_found_score(p, 0.8, -1, 0, 0, 2), 0.8, 1e-15, 0);
    /* field trust no better than strangers' counts as none */
    assert_close(samen_found_score(p, 0.8, 0.1, 0, 0, 2), 0.8, 1e-15, 0);
    /* no degree anywhere: no prominence term */
    assert_close(samen_found_score(p, 0.5, -1, 0, 3, 0), 0.5, 1e-15, 0);
    samen_scenario_free(sc);
}

/* 4.14: the draws in their order from the run's stream (type, K issue
 * noises, concreteness, effort), checked against a generator of the same
 * seed; the issue mixes the founder's unit mission with the noise. */
static void test_founding_draws(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    samen_sim *sim = fx_sim(sc);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, sc->seed);
    int o1 = samen_scenario_org_index(sc, "o1");
    sim->step = 7;
    assert_int_equal(samen_found_one(sim, o1, NULL), 0);
    assert_int_equal(sim->n_nets, 2);
    const samen_net_spec *sp = sim->nets[1].spec;
    double u = gsl_rng_uniform(r);
    samen_net_type type = u < 0.15 ? SAMEN_TYPE_OVERLEG : u < 0.5 ? SAMEN_TYPE_ADHOC
                                                                  : SAMEN_TYPE_NETWORK;
    assert_int_equal(sp->type, type);
    double norm = sqrt(1 + 0.09 + 0.04); /* |m_o1| = |(1, 0.3, 0.2)| */
    double m[3] = {1 / norm, 0.3 / norm, 0.2 / norm};
    for (int k = 0; k < 3; k++)
        assert_close(sp->issue[k], 0.7 * m[k] + 0.3 * gsl_rng_uniform(r), 1e-15, 0);
    assert_close(sp->concreteness, gsl_ran_beta(r, 4, 4), 1e-15, 0);
    assert_close(sp->effort, 2 * (2 + 2 * gsl_rng_uniform(r)), 1e-15, 0); /* C_o1 = 2 */
    assert_string_equal(sp->name, "f7.o1");
    assert_int_equal(sp->start, 7);
    assert_int_equal(sp->initiator, o1);
    assert_int_equal(sim->nets[1].founder, o1);
    assert_int_equal(sim->wake[1], 7);
    assert_int_equal(sp->horizon, 26);
    assert_int_equal(sp->inform_every, 8);
    gsl_rng_free(r);
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

/* 4.14: partners by score. With issue_breadth 0 the issue is o1's
 * mission, whose fits are n2 0.9805, m4 0.9367, m2 0.9258, m6 0.9077,
 * m8 0.9016, m7 0.8799, f1 0.8147, m5 0.8109, n1 0.7474, m1 0.7301, m3
 * 0.6822. Necessary 2, candidates 2: n2 and m4 necessary, m2 and m6 the
 * rest. Framing sector municipality takes f1 first. Remembered trust of
 * 0.9 with m3 (F = 0.875) lifts it to 0.6822 * 1.875 = 1.279 > all:
 * m3 becomes the first necessary actor (prominence: its degree 1 over a
 * mean of 1/11 would add 0.275 more). */
static void test_partner_choice(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    sc->p.field.issue_breadth = 0;
    sc->p.field.necessary = 2;
    sc->p.field.candidates = 2;
    strcpy(sc->p.field.framing_sector, "municipality");
    samen_sim *sim = fx_sim(sc);
    int o1 = samen_scenario_org_index(sc, "o1");
    assert_int_equal(samen_found_one(sim, o1, NULL), 0);
    const samen_net_spec *sp = sim->nets[1].spec;
#define ID(i) sc->orgs[i].id
    assert_int_equal(sp->n_necessary, 2);
    assert_string_equal(ID(sp->necessary[0]), "n2");
    assert_string_equal(ID(sp->necessary[1]), "m4");
    assert_int_equal(sp->n_framing, 1);
    assert_string_equal(ID(sp->framing[0]), "f1");
    assert_int_equal(sp->n_candidates, 4); /* in file order */
    assert_string_equal(ID(sp->candidates[0]), "n2");
    assert_string_equal(ID(sp->candidates[1]), "m2");
    assert_string_equal(ID(sp->candidates[2]), "m4");
    assert_string_equal(ID(sp->candidates[3]), "m6");
    int m3 = samen_scenario_org_index(sc, "m3");
    assert_int_equal(samen_memory_set(sim, o1, m3, 0.9, 1), 0);
    sim->step = 1; /* a second founding by o1, named apart */
    assert_int_equal(samen_found_one(sim, o1, NULL), 0);
    sp = sim->nets[2].spec;
    assert_string_equal(ID(sp->necessary[0]), "m3");
    assert_string_equal(ID(sp->necessary[1]), "n2");
    /* familiarity 0: the memory no longer counts, n2 leads again */
    sc->p.field.familiarity = 0;
    sc->p.field.prominence = 0;
    sim->step = 2;
    assert_int_equal(samen_found_one(sim, o1, NULL), 0);
    sp = sim->nets[3].spec;
    assert_string_equal(ID(sp->necessary[0]), "n2");
#undef ID
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

/* 4.14: reach = the area and the field ties. Organisations of two areas;
 * o1 in area x reaches x's others and, through a remembered tie, m3 of y;
 * with reach = all, everyone. */
static void test_reach_area_and_ties(void **state)
{
    (void)state;
    static const char orgs[] =
        "id,name,sector,capacity,mandate,latency,guard,patience,area,a,b,c\n"
        "o1,One,school,2,feedback,2,0.5,80,x,1,0.3,0.2\n"
        "n1,N one,childcare,2,feedback,2,0.5,80,x,0.6,1,0.2\n"
        "n2,N two,school,2,decision,2,0.5,80,y,1,0.5,0.1\n"
        "m1,M one,sport,2,decision,2,0.5,80,x,0.7,0.2,1\n"
        "m2,M two,culture,2,feedback,2,0.5,80,y,0.8,0.6,0.4\n"
        "m3,M three,youth,2,decision,2,0.5,80,y,0.5,0.5,0.9\n"
        "f1,Framer,municipality,5,decision,1,1,100,y,0.3,0.3,0.3\n";
    samen_scenario *sc = fx_load(fx_ini, orgs, NULL);
    assert_int_equal(sc->has_area, 1);
    sc->p.field.necessary = 0;
    sc->p.field.candidates = 10;
    samen_sim *sim = fx_sim(sc);
    int o1 = samen_scenario_org_index(sc, "o1"), m3 = samen_scenario_org_index(sc, "m3");
    assert_int_equal(samen_found_one(sim, o1, NULL), 0);
    const samen_net_spec *sp = sim->nets[1].spec;
    assert_int_equal(sp->n_candidates, 2); /* n1, m1 */
    assert_string_equal(sc->orgs[sp->candidates[0]].id, "n1");
    assert_string_equal(sc->orgs[sp->candidates[1]].id, "m1");
    assert_int_equal(samen_memory_set(sim, o1, m3, 0.5, 1), 0);
    sim->step = 1;
    assert_int_equal(samen_found_one(sim, o1, NULL), 0);
    sp = sim->nets[2].spec;
    assert_int_equal(sp->n_candidates, 3);
    assert_string_equal(sc->orgs[sp->candidates[2]].id, "m3");
    sc->p.field.reach_all = 1;
    sim->step = 2;
    assert_int_equal(samen_found_one(sim, o1, NULL), 0);
    assert_int_equal(sim->nets[3].spec->n_candidates, 6); /* framing sector unset */
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

/* Counts the events of a run by name. */
typedef struct ev_log {
    char names[8][16];
    int n;
    double value;
} ev_log;

static int log_event(void *user, const samen_event *ev)
{
    ev_log *l = user;
    if (l->n < 8)
        snprintf(l->names[l->n++], sizeof l->names[0], "%s", ev->event);
    l->value = ev->value;
    return 0;
}

/* 4.15: the merged network's organisation. Members o1 (e 0.4) and n1
 * (e 0.6), trust 0.5, join_cost 0.5: capacity 0.5 (0.9) + 0.5 (1.1) = 1;
 * mission (0.4 (1, 0.3, 0.2) + 0.6 (0.6, 1, 0.2)) / 1 = (0.76, 0.72,
 * 0.2); guard 0.5, latency 2, patience 80, decision; R = 0.5, k = 1 with
 * each member; events phase, merger, org-founded (value 1). */
static void test_merged_organisation(void **state)
{
    (void)state;
    samen_scenario *sc = fx_model_scenario();
    samen_sim *sim = fx_sim(sc);
    net *nw = &sim->nets[0];
    sim->step = 100;
    member *a = fx_join(sim, nw, "o1"), *b = fx_join(sim, nw, "n1");
    a->engagement = 0.4;
    b->engagement = 0.6;
    *samen_pair(nw, (int)(a - nw->m), (int)(b - nw->m)) = 0.5;
    ev_log log = {0};
    samen_observer obs = {.user = &log, .event = log_event};
    assert_int_equal(samen_net_end(sim, nw, SAMEN_PHASE_MERGED, "merger", NULL, 1, 0.9, &obs),
                     0);
    assert_int_equal(log.n, 3);
    assert_string_equal(log.names[0], "phase");
    assert_string_equal(log.names[1], "merger");
    assert_string_equal(log.names[2], "org-founded");
    assert_close(log.value, 1, 1e-15, 0);
    assert_int_equal(sim->n_orgs, sc->n_orgs + 1);
    const samen_org *o = &sim->orgs[sc->n_orgs];
    assert_string_equal(o->id, "m.net");
    assert_string_equal(o->name, "net");
    assert_string_equal(o->sector, "merged");
    assert_close(o->capacity, 1, 1e-15, 0);
    assert_close(o->mission[0], 0.76, 1e-15, 0);
    assert_close(o->mission[1], 0.72, 1e-15, 0);
    assert_close(o->mission[2], 0.2, 1e-15, 0);
    assert_close(o->guard, 0.5, 1e-15, 0);
    assert_close(o->latency, 2, 1e-15, 0);
    assert_close(o->patience, 80, 1e-15, 0);
    assert_int_equal(o->mandate, SAMEN_DECISION);
    assert_int_equal(sim->created_net[sc->n_orgs], 0);
    assert_int_equal(sim->created_step[sc->n_orgs], 100);
    const pair_mem *m = samen_memory_find(sim, sc->n_orgs, 0);
    assert_close(m->r, 0.5, 0, 0);
    assert_int_equal(m->k, 1);
    assert_int_equal(m->t, 100);
    /* its id ranks among the others: "m.net" < "m1" in byte order */
    assert_true(sim->org_rank[sc->n_orgs] < sim->org_rank[samen_scenario_org_index(sc, "m1")]);
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

typedef struct field_count {
    int founded, joins, org_founded;
} field_count;

static int count_event(void *user, const samen_event *ev)
{
    field_count *c = user;
    c->founded += !strcmp(ev->event, "founded");
    c->joins += !strcmp(ev->event, "join");
    c->org_founded += !strcmp(ev->event, "org-founded");
    return 0;
}

/* Founded networks and joins of a seeded run of a field scenario. */
static void field_run(const samen_scenario *sc, uint32_t seed, int *founded, int *joins)
{
    samen_scenario copy = *sc;
    copy.seed = seed;
    samen_error err;
    samen_sim *sim = samen_sim_new(&copy, &err);
    assert_non_null(sim);
    field_count c = {0};
    samen_observer obs = {.user = &c, .event = count_event};
    assert_int_equal(samen_sim_run(sim, &obs), 0);
    assert_int_equal(samen_sim_n_nets(sim), sc->n_nets + c.founded);
    samen_sim_free(sim);
    *founded = c.founded;
    *joins = c.joins;
}

/* Effects over seeded runs: founding grows with its rate; with rate 0
 * nothing is founded; a run is the same whatever is run before it. */
static void test_founding_effects(void **state)
{
    (void)state;
    samen_scenario *lo = fx_load(fx_ini, fx_orgs_csv, "field.found_rate=0.005",
                                 "network.net.start=10000000", NULL);
    samen_scenario *hi = fx_load(fx_ini, fx_orgs_csv, "field.found_rate=0.05",
                                 "network.net.start=10000000", NULL);
    samen_scenario *off = fx_load(fx_ini, fx_orgs_csv, "network.net.start=10000000", NULL);
    int sum_lo = 0, sum_hi = 0;
    for (uint32_t seed = 1; seed <= 5; seed++) {
        int f, j, f2, j2;
        field_run(lo, seed, &f, &j);
        sum_lo += f;
        field_run(hi, seed, &f, &j);
        sum_hi += f;
        field_run(hi, seed, &f2, &j2); /* deterministic */
        assert_int_equal(f, f2);
        assert_int_equal(j, j2);
        field_run(off, seed, &f, &j);
        assert_int_equal(f, 0);
        assert_int_equal(j, 0);
    }
    assert_true(sum_lo > 0);
    assert_true(sum_hi > 2 * sum_lo);
    samen_scenario_free(lo);
    samen_scenario_free(hi);
    samen_scenario_free(off);
}

/* A field without networks (4.14): it runs, its first steps with none
 * (nothing to shuffle: GSL's shuffle of none would crash), and the same
 * seed gives the same foundings. */
static void test_field_without_networks(void **state)
{
    (void)state;
    static const char ini[] = "[simulation]\nsteps = 300\nthemes = a, b, c\n"
                              "[organisations]\nfile = orgs.csv\n"
                              "[field]\nfound_rate = 0.002\n";
    samen_scenario *sc = fx_load(ini, fx_orgs_csv, NULL);
    assert_int_equal(sc->n_nets, 0);
    int f1, j1, f2, j2;
    field_run(sc, 9, &f1, &j1);
    field_run(sc, 9, &f2, &j2);
    assert_true(f1 > 0);
    assert_int_equal(f1, f2);
    assert_int_equal(j1, j2);
    samen_scenario_free(sc);
}

/* The field's measures of a run (summarise, fit): live_networks over
 * years 8-10 (steps 364-519) from the summary rows: A live throughout
 * (156 steps), B from 400 to its end at 450 (400-449: 50), C founded at
 * 500 (500-519: 20), D not in the run: (156 + 50 + 20) / 156 = 1.448718;
 * founded counts B and C. A run of 300 steps has no year 8: NAN. */
static void test_field_measures(void **state)
{
    (void)state;
    samen_net_outcome net[4] = {
        {.present = 1, .members = 3, .start_step = 0, .end_step = -1, .agreed_step = -1},
        {.present = 1, .members = 3, .start_step = 400, .end_step = 450, .agreed_step = -1,
         .founded = 1},
        {.present = 1, .members = 1, .start_step = 500, .end_step = -1, .agreed_step = -1,
         .founded = 1},
        {.present = 0, .start_step = 0, .end_step = -1, .agreed_step = -1, .founded = 1},
    };
    samen_run_view v = {.net = net, .n_nets = 4, .last_step = 519};
    const samen_measure *live = samen_measure_find("live_networks");
    const samen_measure *fo = samen_measure_find("founded");
    assert_non_null(live);
    assert_non_null(fo);
    assert_close(live->fn(&v), 226.0 / 156.0, 1e-15, 0);
    assert_close(fo->fn(&v), 2, 0, 0);
    v.last_step = 299;
    assert_true(isnan(live->fn(&v)));

    /* N3 from field degrees (every organisation, 0 without a tie): 12
     * organisations, degrees 5, 1, 1, 1 and eight 0: the top 10 % (one)
     * holds 5 of 8 tie ends; the median is 0, so no ratio. Four with 1,
     * 4, 2, 2: 4 of 9 ends, median 2, ratio 4 / 2 = 2. */
    const samen_measure *top = samen_measure_find("top10_tie_share");
    const samen_measure *ratio = samen_measure_find("max_median_degree");
    assert_int_equal(top->needs_ties, 2);
    double d12[12] = {1, 0, 5, 0, 1, 0, 0, 1, 0, 0, 0, 0};
    v.degree = d12;
    v.n_nodes = 12;
    assert_close(top->fn(&v), 5.0 / 8.0, 1e-15, 0);
    assert_true(isnan(ratio->fn(&v)));
    double d4[4] = {1, 4, 2, 2};
    v.degree = d4;
    v.n_nodes = 4;
    assert_close(top->fn(&v), 4.0 / 9.0, 1e-15, 0);
    assert_close(ratio->fn(&v), 2, 1e-15, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reff_at_ages),
        cmocka_unit_test(test_writes_on_pair_end),
        cmocka_unit_test(test_no_write_without_memory),
        cmocka_unit_test(test_new_pair_starts_at_memory),
        cmocka_unit_test(test_field_ties_and_degree),
        cmocka_unit_test(test_score),
        cmocka_unit_test(test_founding_draws),
        cmocka_unit_test(test_partner_choice),
        cmocka_unit_test(test_reach_area_and_ties),
        cmocka_unit_test(test_merged_organisation),
        cmocka_unit_test(test_founding_effects),
        cmocka_unit_test(test_field_without_networks),
        cmocka_unit_test(test_field_measures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
