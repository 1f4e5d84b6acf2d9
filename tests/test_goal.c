/* test_goal.c: MODEL.md 4.5, goal formulation: consensus, the drifting goal,
 * fading interest; and 4.7, execution and adhoc completion. Step counts
 * are exact (the schedule is deterministic); the comparisons over seeded
 * runs use the same seeds on both sides, and a run is a pure function of
 * scenario and seed, so they cannot flake. */
#include "fixture.h"

#include "model/state.h"

static void test_goal_drifts_from_issue_to_compromise(void **state)
{
    (void)state;
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, FX_NO_DROPOUT, "goal.threshold=1",
                                 NULL);
    samen_error err;
    samen_sim *sim = samen_sim_new(sc, &err);
    assert_non_null(sim);
    net *nw = &sim->nets[0];
    double prev_gamma = 0;
    int formulating = 0;
    for (int s = 0; s < 150; s++) {
        assert_int_equal(samen_sim_step(sim, NULL), 0);
        if (nw->phase == SAMEN_PHASE_FORMULATING) {
            formulating++;
            assert_true(nw->gamma >= prev_gamma); /* consensus never falls */
            prev_gamma = nw->gamma;
        }
    }
    assert_true(formulating > 100);
    assert_true(nw->gamma > 0.5);
    /* g = unit((1 - gamma) q + gamma mbar): away from the issue */
    double fit = samen_fit(nw->goal, nw->qhat, sim->K);
    assert_true(fit < 0.999);
    assert_true(fit > 0.5);
    samen_sim_free(sim);
    samen_scenario_free(sc);
}

static void test_goal_agreed_then_executing(void **state)
{
    (void)state;
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, FX_NO_DROPOUT, NULL);
    fx_tally t;
    int agreed = 0;
    for (uint32_t seed = 1; seed <= 10; seed++) {
        fx_run(sc, seed, 0, 0, &t);
        if (t.agreed_step[0] >= 0) {
            agreed++;
            assert_int_equal(t.last[0].phase, SAMEN_PHASE_EXECUTING);
            assert_true(t.last[0].consensus >= 0.8);
            assert_true(t.last[0].progress > 0);
        }
    }
    assert_true(agreed >= 8);
    samen_scenario_free(sc);
}

static void test_no_consensus_dissolves_at_max_steps(void **state)
{
    (void)state;
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, "drop.misfit=0", "drop.impatience=0",
                                 "drop.disengaged=0", "drop.overcommit=0", "drop.base=0",
                                 "goal.speed=0", "goal.max_steps=30", NULL);
    fx_tally t;
    fx_run(sc, 1, 0, 0, &t);
    assert_int_equal(t.dissolved_reason[1], 1);
    /* recruitment ends in step 11 and formulation starts in that same step
     * (a phase change takes effect at once): formulating steps 11..40 */
    assert_int_equal(t.last[0].step, 40);
    samen_scenario_free(sc);
}

static void test_impatience_grows_with_formulation_time(void **state)
{
    (void)state;
    samen_scenario *patient = fx_load(fx_ini, fx_orgs((fx_cols){.patience = "400"}),
                                      "drop.misfit=0", "drop.disengaged=0", "drop.overcommit=0",
                                      "drop.base=0", "drop.impatience=1", "goal.speed=0.05", NULL);
    samen_scenario *hasty = fx_load(fx_ini, fx_orgs((fx_cols){.patience = "10"}),
                                    "drop.misfit=0", "drop.disengaged=0", "drop.overcommit=0",
                                    "drop.base=0", "drop.impatience=1", "goal.speed=0.05", NULL);
    fx_tally a, b;
    long pa = 0, hb = 0;
    for (uint32_t seed = 1; seed <= 10; seed++) {
        fx_run(patient, seed, 0, 0, &a);
        fx_run(hasty, seed, 0, 0, &b);
        pa += a.dropout_reason[0];
        hb += b.dropout_reason[0];
    }
    assert_true(hb > pa + 20);
    samen_scenario_free(patient);
    samen_scenario_free(hasty);
}

static const char adhoc_ini[] =
    "[simulation]\nsteps = 200\nseed = 1\nthemes = a, b, c\n"
    "[organisations]\nfile = orgs.csv\n"
    "[network net]\ntype = adhoc\ninitiator = o1\nissue = a:0.6, b:0.3, c:0.3\n"
    "concreteness = 0.5\neffort = 8\nnecessary = n1\nhorizon = 20\n";

static void test_adhoc_completes_by_goal_or_horizon(void **state)
{
    (void)state;
    samen_scenario *slow = fx_load(adhoc_ini, fx_orgs_csv, FX_NO_DROPOUT, "exec.speed=0", NULL);
    samen_scenario *fast = fx_load(adhoc_ini, fx_orgs_csv, FX_NO_DROPOUT, "exec.speed=1", NULL);
    fx_tally t;
    for (uint32_t seed = 1; seed <= 5; seed++) {
        fx_run(slow, seed, 0, 0, &t);
        assert_int_equal(t.completed_horizon, 1);
        /* the agreement step is the first of horizon executing steps */
        assert_int_equal(t.last[0].step, t.agreed_step[0] + 19);
        assert_int_equal(t.last[0].phase, SAMEN_PHASE_COMPLETED);
        fx_run(fast, seed, 0, 0, &t);
        assert_int_equal(t.completed_goal, 1);
        assert_true(t.last[0].progress >= 1);
    }
    samen_scenario_free(slow);
    samen_scenario_free(fast);
}

static void test_overleg_skips_goal_and_progress(void **state)
{
    (void)state;
    char ini[1024];
    snprintf(ini, sizeof ini, "%s", fx_ini);
    char *t = strstr(ini, "type = network");
    memcpy(t, "type = overleg", 14);
    samen_scenario *sc = fx_load(ini, fx_orgs_csv, FX_NO_DROPOUT, "framing.need_rate=0.5", NULL);
    fx_tally r;
    fx_run(sc, 1, 0, 0, &r);
    assert_int_equal(r.agreed, 0);
    assert_int_equal(r.last[0].phase, SAMEN_PHASE_EXECUTING);
    /* no progress, not even from framing help (docs/MODEL.md, readings) */
    assert_close(r.last[0].progress, 0, 0, 0);
    assert_close(r.last[0].d[2], 0, 0, 0); /* no formal items in an overleg */
    samen_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_goal_drifts_from_issue_to_compromise),
        cmocka_unit_test(test_goal_agreed_then_executing),
        cmocka_unit_test(test_no_consensus_dissolves_at_max_steps),
        cmocka_unit_test(test_impatience_grows_with_formulation_time),
        cmocka_unit_test(test_adhoc_completes_by_goal_or_horizon),
        cmocka_unit_test(test_overleg_skips_goal_and_progress),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
