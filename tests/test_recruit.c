/* test_recruit.c: MODEL.md 4.1, recruitment by TAAK/IK/WIJ with the
 * concreteness balance. Runs are seeded, so every count is exact for a
 * given GSL; the margins below leave room for any reasonable stream. */
#include <math.h>

#include "fixture.h"

static void test_concrete_issue_starts_with_low_engagement(void **state)
{
    (void)state;
    samen_scenario *mid = fx_load(fx_ini, fx_orgs_csv, "network.net.concreteness=0.3",
                                  "output.detail=orgs", "simulation.steps=1", NULL);
    samen_scenario *hi = fx_load(fx_ini, fx_orgs_csv, "network.net.concreteness=0.8",
                                 "output.detail=orgs", "simulation.steps=1", NULL);
    fx_tally a, b;
    double ea = 0, eb = 0;
    for (uint32_t seed = 1; seed <= 10; seed++) {
        fx_run(mid, seed, 0, 0, &a);
        fx_run(hi, seed, 0, 0, &b);
        ea += a.first_engagement / a.first_eng_n;
        eb += b.first_engagement / b.first_eng_n;
    }
    /* room(0.8) / room(0.3) = 0.36 / 0.91: engagement at joining is e = f room */
    assert_true(eb < 0.5 * ea);
    samen_scenario_free(mid);
    samen_scenario_free(hi);
}

static void test_extreme_concreteness_attracts_nobody(void **state)
{
    (void)state;
    /* appeal(0.95) = 0.19: attraction falls below attraction_min for all
     * but the asked necessary actors */
    samen_scenario *vague = fx_load(fx_ini, fx_orgs_csv, "network.net.concreteness=0.02",
                                    "model.ask_bonus=0", NULL);
    samen_scenario *mid = fx_load(fx_ini, fx_orgs_csv, "model.ask_bonus=0", NULL);
    fx_tally t;
    for (uint32_t seed = 1; seed <= 5; seed++) {
        fx_run(vague, seed, 0, 0, &t);
        assert_int_equal(t.joins, 1); /* the initiator alone */
        assert_int_equal(t.dissolved_reason[0], 1);
        /* recruitment ends after recruit_steps rounds, the start the first */
        assert_int_equal(t.last[0].step, 11);
        fx_run(mid, seed, 0, 0, &t);
        assert_true(t.joins >= 8);
    }
    samen_scenario_free(vague);
    samen_scenario_free(mid);
}

static void test_ask_bonus_brings_necessary_actors(void **state)
{
    (void)state;
    /* at concreteness 0.9 only the doubled attraction of necessary actors
     * clears attraction_min */
    /* a high join rate makes joining near certain once attraction allows */
    samen_scenario *ask = fx_load(fx_ini, fx_orgs_csv, "network.net.concreteness=0.9",
                                  "model.join_rate=20", "simulation.steps=12", "drop.base=0",
                                  NULL);
    samen_scenario *noask = fx_load(fx_ini, fx_orgs_csv, "network.net.concreteness=0.9",
                                    "model.join_rate=20", "model.ask_bonus=0",
                                    "simulation.steps=12", "drop.base=0", NULL);
    fx_tally a, b;
    for (uint32_t seed = 1; seed <= 5; seed++) {
        fx_run(ask, seed, 0, 0, &a);
        fx_run(noask, seed, 0, 0, &b);
        assert_int_equal(a.last[0].necessary_present, 2);
        assert_int_equal(a.last[0].members, 3);
        assert_int_equal(b.joins, 1);
    }
    samen_scenario_free(ask);
    samen_scenario_free(noask);
}

static void test_capacity_and_max_members_bound_joining(void **state)
{
    (void)state;
    samen_scenario *full = fx_load(fx_ini, fx_orgs_csv, "model.join_cost=2.5", NULL);
    samen_scenario *few = fx_load(fx_ini, fx_orgs_csv, "model.max_members=4",
                                  "simulation.steps=12", NULL);
    fx_tally t;
    fx_run(full, 3, 0, 0, &t);
    assert_int_equal(t.joins, 1); /* no one has 2.5 units free */
    fx_run(few, 3, 0, 0, &t);
    assert_int_equal(t.joins, 4);
    assert_int_equal(t.last[0].members, 4);
    samen_scenario_free(full);
    samen_scenario_free(few);
}

static void test_necessary_actor_missing_dissolves(void **state)
{
    (void)state;
    /* n2 never has room for the join cost: the grace runs out */
    const char *orgs = fx_orgs((fx_cols){.only = "n2", .only_capacity = "0.2"});
    samen_scenario *sc = fx_load(fx_ini, orgs, FX_NO_DROPOUT, NULL);
    fx_tally t;
    fx_run(sc, 4, 0, 0, &t);
    assert_int_equal(t.dissolved_reason[3], 1);
    /* end of recruitment at step 11 starts the grace; 8 steps of it */
    assert_int_equal(t.last[0].step, 11 + 7);
    samen_scenario_free(sc);
}

/* Which organisations joined, and how the first did. */
typedef struct joins {
    char who[16][8];
    int n;
    char first_reason[16];
} joins;

static int on_join(void *user, const samen_event *ev)
{
    joins *j = user;
    if (strcmp(ev->event, "join") != 0)
        return 0;
    if (j->n == 0)
        snprintf(j->first_reason, sizeof j->first_reason, "%s", ev->reason);
    if (j->n < 16)
        snprintf(j->who[j->n++], sizeof j->who[0], "%s", ev->org);
    return 0;
}

static void test_only_possible_members_join(void **state)
{
    (void)state;
    /* candidates listed out of file order, without the initiator o1 or the
     * necessary actors n1 and n2: those three may join all the same, and
     * nobody else */
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, "network.net.candidates=m3, m1",
                                 "model.join_rate=20", "simulation.steps=12", NULL);
    int seen_m1 = 0, seen_n = 0;
    for (uint32_t seed = 1; seed <= 5; seed++) {
        samen_scenario copy = *sc;
        copy.seed = seed;
        samen_error err;
        samen_sim *sim = samen_sim_new(&copy, &err);
        assert_non_null(sim);
        joins j = {.n = 0};
        samen_observer obs = {.user = &j, .event = on_join};
        assert_int_equal(samen_sim_run(sim, &obs), 0);
        samen_sim_free(sim);
        assert_string_equal(j.who[0], "o1");
        assert_string_equal(j.first_reason, "initiator");
        for (int i = 1; i < j.n; i++) {
            const char *w = j.who[i];
            assert_true(!strcmp(w, "m1") || !strcmp(w, "m3") || !strcmp(w, "n1") ||
                        !strcmp(w, "n2"));
            seen_m1 += !strcmp(w, "m1");
            seen_n += w[0] == 'n';
        }
    }
    assert_true(seen_m1 > 0 && seen_n > 0);
    samen_scenario_free(sc);
}

/* Records the value of every join event: the attraction the model used. */
typedef struct join_log {
    int n;
    char org[16][8];
    double value[16];
} join_log;

static int log_join(void *user, const samen_event *ev)
{
    join_log *j = user;
    if (!strcmp(ev->event, "join") && j->n < 16) {
        snprintf(j->org[j->n], sizeof j->org[0], "%s", ev->org);
        j->value[j->n++] = ev->value;
    }
    return 0;
}

static void test_start_attraction_known(void **state)
{
    (void)state;
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, "org.m2.capacity=8", NULL);
    samen_attraction_terms t;
    /* m1: mission (0.7,0.2,1), issue (0.6,0.3,0.3): fit 0.78 / sqrt(0.54 *
     * 1.53); appeal(0.5) = 4 0.5 0.5 = 1; need 1 - 2/8 = 0.75; no bonus */
    samen_start_attraction(sc, 0, samen_scenario_org_index(sc, "m1"), &t);
    double fit = 0.78 / sqrt(0.54 * 1.53);
    assert_close(t.fit, fit, 0, 1e-12);
    assert_close(t.appeal, 1.0, 0, 1e-12);
    assert_close(t.need, 0.75, 0, 1e-15);
    assert_close(t.bonus, 1.0, 0, 0);
    assert_close(t.attraction, fit * 0.75, 0, 1e-12);
    /* n1 is necessary: bonus 1 + ask_bonus = 2 */
    samen_start_attraction(sc, 0, samen_scenario_org_index(sc, "n1"), &t);
    assert_close(t.bonus, 2.0, 0, 0);
    assert_close(t.attraction, 2 * t.fit * t.appeal * t.need, 0, 1e-15);
    /* m2 with capacity 8 = the effort could do it alone: need 0 */
    samen_start_attraction(sc, 0, samen_scenario_org_index(sc, "m2"), &t);
    assert_close(t.need, 0.0, 0, 0);
    assert_close(t.attraction, 0.0, 0, 0);

    /* The join events of a run carry the attraction the model computed:
     * the same doubles, bit for bit. */
    join_log j = {0};
    samen_observer obs = {.user = &j, .event = log_join};
    samen_sim *sim = samen_sim_new(sc, NULL);
    assert_non_null(sim);
    for (int step = 0; step < 12; step++)
        assert_int_equal(samen_sim_step(sim, &obs), 0);
    assert_true(j.n >= 3);
    for (int i = 0; i < j.n; i++) {
        samen_start_attraction(sc, 0, samen_scenario_org_index(sc, j.org[i]), &t);
        assert_memory_equal(&t.attraction, &j.value[i], sizeof(double));
    }
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_concrete_issue_starts_with_low_engagement),
        cmocka_unit_test(test_extreme_concreteness_attracts_nobody),
        cmocka_unit_test(test_ask_bonus_brings_necessary_actors),
        cmocka_unit_test(test_capacity_and_max_members_bound_joining),
        cmocka_unit_test(test_necessary_actor_missing_dissolves),
        cmocka_unit_test(test_only_possible_members_join),
        cmocka_unit_test(test_start_attraction_known),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
