/* test_dropout.c: MODEL.md 4.9, drop-out hazards, their reasons and the end
 * checks. Hazards are chosen so that one term dominates; values are exact. */
#include "fixture.h"

#include "model/state.h"

static void test_reason_is_the_largest_term(void **state)
{
    (void)state;
    /* base only: every drop-out says base, with h = drop.base exactly */
    samen_scenario *base = fx_load(fx_ini, fx_orgs_csv, "drop.misfit=0", "drop.impatience=0",
                                   "drop.disengaged=0", "drop.overcommit=0", "drop.base=0.05",
                                   NULL);
    fx_tally t;
    fx_run(base, 2, 0, 0, &t);
    assert_true(t.dropouts > 3);
    assert_int_equal(t.dropout_reason[4], t.dropouts);
    /* overcommitted organisations: load 0.5 (0.5 + e) above capacity 0.5 */
    samen_scenario *over = fx_load(fx_ini, fx_orgs((fx_cols){.capacity = "0.5"}), "drop.misfit=0",
                                   "drop.impatience=0", "drop.disengaged=0",
                                   "drop.overcommit=5", NULL);
    fx_run(over, 2, 0, 0, &t);
    assert_true(t.dropouts > 3);
    assert_true(t.dropout_reason[3] >= t.dropouts - 1);
    samen_scenario_free(base);
    samen_scenario_free(over);
}

static void test_misfit_drops_out_only_while_formulating(void **state)
{
    (void)state;
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, "drop.impatience=0", "drop.disengaged=0",
                                 "drop.overcommit=0", "drop.base=0", "drop.misfit=5", NULL);
    long misfit = 0, agreed = 0;
    fx_tally t;
    for (uint32_t seed = 1; seed <= 20; seed++) {
        fx_run(sc, seed, 0, 0, &t);
        misfit += t.dropout_reason[1];
        agreed += t.agreed;
        assert_int_equal(t.dropouts, t.dropout_reason[1]);
        /* the goal is frozen once agreed: no misfit hazard after */
        assert_int_equal(t.dropouts_after_goal, 0);
    }
    assert_true(misfit > 10);
    assert_true(agreed > 0);
    samen_scenario_free(sc);
}

/* The hazard sum is the event value: a check through a live sim. */
static int value_check(void *user, const samen_event *ev)
{
    int *bad = user;
    if (!strcmp(ev->event, "dropout") && !(ev->value > 0))
        (*bad)++;
    /* the initiator never drops out */
    if (!strcmp(ev->event, "dropout") && !strcmp(ev->org, "o1"))
        (*bad)++;
    return 0;
}

static void test_initiator_stays_others_leave(void **state)
{
    (void)state;
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, "drop.base=3", NULL);
    fx_tally t;
    fx_run(sc, 5, 0, 0, &t);
    /* everybody but the initiator leaves at once: too few partners */
    assert_int_equal(t.dissolved_reason[0], 1);
    assert_int_equal(t.last[0].members, 1);
    int bad = 0;
    samen_error err;
    samen_sim *sim = samen_sim_new(sc, &err);
    samen_observer obs = {.user = &bad, .event = value_check};
    assert_int_equal(samen_sim_run(sim, &obs), 0);
    assert_int_equal(bad, 0);
    /* the initiator is the one left (its membership freed with the ended
     * network's state: the count stays for the summary) */
    assert_int_equal(sim->nets[0].n, 1);
    assert_null(sim->nets[0].m);
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

static void test_losing_a_necessary_actor_dissolves(void **state)
{
    (void)state;
    /* n1 is overcommitted at once (capacity 0.5): it leaves, never returns */
    samen_scenario *sc = fx_load(fx_ini, fx_orgs((fx_cols){.only = "n1", .only_capacity = "0.5"}),
                                 "drop.misfit=0", "drop.impatience=0", "drop.disengaged=0",
                                 "drop.base=0", "drop.overcommit=20", NULL);
    fx_tally t;
    for (uint32_t seed = 1; seed <= 5; seed++) {
        fx_run(sc, seed, 0, 0, &t);
        assert_int_equal(t.dissolved_reason[2], 1);
    }
    samen_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reason_is_the_largest_term),
        cmocka_unit_test(test_misfit_drops_out_only_while_formulating),
        cmocka_unit_test(test_initiator_stays_others_leave),
        cmocka_unit_test(test_losing_a_necessary_actor_dissolves),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
