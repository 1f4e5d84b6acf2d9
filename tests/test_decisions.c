/* test_decisions.c: MODEL.md 4.2, mandates. Each comparison averages the
 * open queue over 30 seeded runs (same seeds on both sides); the expected
 * gap is several times larger than the margin asserted, and the runs are
 * deterministic, so the tests cannot flake. */
#include "fixture.h"

/* Mean number of open items over steps 20..199, averaged over seeds. */
static double mean_open(samen_scenario *sc, fx_tally *last)
{
    double s = 0;
    for (uint32_t seed = 1; seed <= 30; seed++) {
        fx_run(sc, seed, 20, 199, last);
        s += last->sum_open / last->nsum;
    }
    return s / 30;
}

/* Loads the fixture with orgs_fast / orgs_slow (the organisations file of
 * each side), both with `common` and their own setting, and asserts that
 * the fast side keeps at most two thirds of the slow side's open items. */
static void assert_resolves_faster(const char *orgs_fast, const char *fast,
                                   const char *orgs_slow, const char *slow,
                                   const char *common)
{
    /* common may be NULL: it ends the list of settings */
    samen_scenario *f = fx_load(fx_ini, orgs_fast, FX_NO_DROPOUT, fast, common, NULL);
    samen_scenario *sl = fx_load(fx_ini, orgs_slow, FX_NO_DROPOUT, slow, common, NULL);
    fx_tally t;
    /* Little's law: open items = arrival rate x time to resolve */
    assert_true(mean_open(f, &t) * 1.5 < mean_open(sl, &t));
    samen_scenario_free(f);
    samen_scenario_free(sl);
}

static void test_decision_mandate_resolves_faster(void **state)
{
    (void)state;
    char dec[4096];
    snprintf(dec, sizeof dec, "%s", fx_orgs((fx_cols){.mandate = "decision", .latency = "4"}));
    assert_resolves_faster(dec, "model.formal_share=0",
                           fx_orgs((fx_cols){.mandate = "feedback", .latency = "4"}),
                           "model.formal_share=0", NULL);
}

static void test_uncertain_persons_underuse_the_mandate(void **state)
{
    (void)state;
    const char *dec = fx_orgs((fx_cols){.mandate = "decision", .latency = "4"});
    assert_resolves_faster(dec, "persons.uncertainty=0", dec, "persons.uncertainty=1",
                           "model.formal_share=0");
}

static void test_formal_items_need_the_organisation(void **state)
{
    (void)state;
    const char *dec = fx_orgs((fx_cols){.mandate = "decision", .latency = "4"});
    assert_resolves_faster(dec, "model.formal_share=0", dec, "model.formal_share=1",
                           "persons.uncertainty=0");
}

static void test_detected_overreach_costs_trust(void **state)
{
    (void)state;
    const char *fbcopy = fx_orgs((fx_cols){.mandate = "feedback"});
    samen_scenario *kept = fx_load(fx_ini, fbcopy, FX_NO_DROPOUT, "model.overreach_scale=1",
                                   "persons.c_pn0=0.9", "persons.self_interest=1",
                                   "model.reverse_prob=0", NULL);
    samen_scenario *rev = fx_load(fx_ini, fbcopy, FX_NO_DROPOUT, "model.overreach_scale=1",
                                  "persons.c_pn0=0.9", "persons.self_interest=1",
                                  "model.reverse_prob=1", NULL);
    fx_tally a, b;
    double ta = 0, tb = 0;
    long over = 0, reversed = 0;
    for (uint32_t seed = 1; seed <= 10; seed++) {
        fx_run(kept, seed, 20, 199, &a);
        fx_run(rev, seed, 20, 199, &b);
        assert_int_equal(a.reversed, 0);
        over += a.overreach;
        reversed += b.reversed;
        ta += a.sum_trust / a.nsum;
        tb += b.sum_trust / b.nsum;
    }
    assert_true(over > 100);
    assert_true(reversed > 50);
    assert_true(tb < ta - 0.5); /* 10 seeds: mean trust lower by > 0.05 */
    samen_scenario_free(kept);
    samen_scenario_free(rev);
}

static void test_queue_is_bounded(void **state)
{
    (void)state;
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, FX_NO_DROPOUT, "model.queue_max=2",
                                 "model.decision_rate=5", NULL);
    fx_tally t;
    fx_run(sc, 1, 0, 199, &t);
    assert_true(t.sum_open <= 2.0 * t.nsum);
    assert_true(t.sum_open >= 1.0 * (t.nsum - 20)); /* it does fill up */
    samen_scenario_free(sc);
}

/* A flood of items: the queue stays full, the excess is lost, and the run
 * does not slow down with the arrival rate (one draw for all lost items). */
static void test_flood_of_items_is_lost(void **state)
{
    (void)state;
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, FX_NO_DROPOUT, "model.queue_max=8",
                                 "model.decision_rate=1000000", NULL);
    fx_tally t;
    fx_run(sc, 1, 30, 199, &t);
    /* full after every arrival; what resolves in the step leaves room */
    assert_true(t.sum_open <= 8.0 * t.nsum);
    assert_true(t.sum_open >= 5.0 * t.nsum);
    assert_int_equal(t.last[0].step, 199);
    samen_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decision_mandate_resolves_faster),
        cmocka_unit_test(test_uncertain_persons_underuse_the_mandate),
        cmocka_unit_test(test_formal_items_need_the_organisation),
        cmocka_unit_test(test_detected_overreach_costs_trust),
        cmocka_unit_test(test_queue_is_bounded),
        cmocka_unit_test(test_flood_of_items_is_lost),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
