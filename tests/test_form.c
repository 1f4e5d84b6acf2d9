/* test_form.c: MODEL.md 4.11, the six dimensions, the form continuum with
 * hysteresis, and merger. The bounds are exact consequences of the
 * equations (a dimension never exceeds depth x 1); the form outcomes are
 * checked on seeded, deterministic runs. */
#include "fixture.h"

#include "model/state.h"

static void test_overleg_stays_low_network_climbs(void **state)
{
    (void)state;
    char ini[1024];
    snprintf(ini, sizeof ini, "%s", fx_ini);
    memcpy(strstr(ini, "type = network"), "type = overleg", 14);
    samen_scenario *ov = fx_load(ini, fx_orgs_csv, FX_NO_DROPOUT, NULL);
    samen_scenario *nw = fx_load(fx_ini, fx_orgs_csv, FX_NO_DROPOUT, "simulation.steps=400", NULL);
    fx_tally t;
    for (uint32_t seed = 1; seed <= 3; seed++) {
        fx_run(ov, seed, 0, 0, &t);
        for (int k = 0; k < 6; k++)
            assert_true(t.last[0].d[k] <= 0.4 + 1e-12); /* depth_overleg */
        assert_int_equal(t.last[0].form, SAMEN_TYPE_OVERLEG);
        fx_run(nw, seed, 0, 0, &t);
        assert_int_equal(t.last[0].form, SAMEN_TYPE_NETWORK);
        assert_true(t.form_changes >= 1);
    }
    samen_scenario_free(ov);
    samen_scenario_free(nw);
}

static void test_deep_lasting_network_merges(void **state)
{
    (void)state;
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, FX_NO_DROPOUT, "form.adhoc_at=0.1",
                                 "form.network_at=0.2", "form.merger_at=0.3",
                                 "form.merger_dims=0.3", "form.merger_steps=5",
                                 "simulation.steps=400", NULL);
    fx_tally t;
    fx_run(sc, 1, 0, 0, &t);
    assert_int_equal(t.merged, 1);
    assert_int_equal(t.last[0].phase, SAMEN_PHASE_MERGED);
    /* 4.15: the merger's events end with the new organisation's */
    assert_string_equal(t.last_event, "org-founded");
    samen_scenario *off = fx_load(fx_ini, fx_orgs_csv, FX_NO_DROPOUT, "form.adhoc_at=0.1",
                                  "form.network_at=0.2", "form.merger_at=0.3",
                                  "form.merger_dims=0.3", "form.merger_steps=5",
                                  "simulation.steps=400", "field.merger_org=0", NULL);
    fx_run(off, 1, 0, 0, &t);
    assert_int_equal(t.merged, 1);
    assert_string_equal(t.last_event, "merger");
    samen_scenario_free(off);
    samen_scenario_free(sc);
}

static void test_hysteresis_limits_flapping(void **state)
{
    (void)state;
    /* a wide band of hysteresis: the form can change only a few times */
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, "form.hysteresis=0.2", NULL);
    fx_tally t;
    for (uint32_t seed = 1; seed <= 5; seed++) {
        fx_run(sc, seed, 0, 0, &t);
        assert_true(t.form_changes <= 2);
        if (t.form_changes == 0)
            assert_int_equal(t.last[0].form, SAMEN_TYPE_OVERLEG);
    }
    samen_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_overleg_stays_low_network_climbs),
        cmocka_unit_test(test_deep_lasting_network_merges),
        cmocka_unit_test(test_hysteresis_limits_flapping),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
