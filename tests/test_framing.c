/* test_framing.c: MODEL.md 4.8, framing actors kept informed help; left
 * uninformed they cause setbacks. Informed every step, a setback is
 * impossible (exact); never informed, the asserted count is 60 % of the
 * expected 52, on a seeded (deterministic) run. */
#include "fixture.h"

static void test_uninformed_framing_actors_cause_setbacks(void **state)
{
    (void)state;
    samen_scenario *never = fx_load(fx_ini, fx_orgs_csv, FX_NO_DROPOUT,
                                    "network.net.inform_every=0", "framing.need_rate=0.3", NULL);
    samen_scenario *always = fx_load(fx_ini, fx_orgs_csv, FX_NO_DROPOUT,
                                     "network.net.inform_every=1", "framing.need_rate=0.3", NULL);
    fx_tally a, b;
    fx_run(never, 1, 100, 199, &a);
    fx_run(always, 1, 100, 199, &b);
    /* informed every step: iota is 1 whenever it is needed */
    assert_int_equal(b.setbacks, 0);
    /* never informed: iota decays to ~0, nearly every need is a setback:
     * 200 steps x (1 - e^-0.3) = 52 expected */
    assert_true(a.setbacks > 30);
    assert_true(a.sum_progress < b.sum_progress);
    samen_scenario_free(never);
    samen_scenario_free(always);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uninformed_framing_actors_cause_setbacks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
