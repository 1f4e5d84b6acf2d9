/* test_comm.c: MODEL.md 4.3 and 4.4, communication drift with guarding,
 * person dependency, and trust shared over partners. Deterministic seeded
 * runs; margins are a fraction of the expected gaps (equilibria computed in
 * the comments). */
#include "fixture.h"

static void test_cpo_falls_cpn_rises_unless_guarded(void **state)
{
    (void)state;
    samen_scenario *open = fx_load(fx_ini, fx_orgs((fx_cols){.guard = "0"}), FX_NO_DROPOUT,
                                   "simulation.steps=300", NULL);
    samen_scenario *guarded = fx_load(fx_ini, fx_orgs((fx_cols){.guard = "1"}), FX_NO_DROPOUT,
                                      "simulation.steps=300", NULL);
    fx_tally early, late_open, late_guard;
    double cpo_open = 0, cpo_guard = 0, cpn_early = 0, cpn_late = 0, dep_open = 0, dep_guard = 0;
    for (uint32_t seed = 1; seed <= 5; seed++) {
        fx_run(open, seed, 0, 20, &early);
        cpn_early += early.sum_cpn / early.nsum;
        fx_run(open, seed, 250, 299, &late_open);
        fx_run(guarded, seed, 250, 299, &late_guard);
        cpo_open += late_open.sum_cpo / late_open.nsum;
        cpo_guard += late_guard.sum_cpo / late_guard.nsum;
        cpn_late += late_open.sum_cpn / late_open.nsum;
        dep_open += late_open.sum_pdep / late_open.nsum;
        dep_guard += late_guard.sum_pdep / late_guard.nsum;
    }
    cpo_open /= 5, cpo_guard /= 5, cpn_early /= 5, cpn_late /= 5;
    dep_open /= 5, dep_guard /= 5;
    /* unguarded, c_po falls from 0.8 as the network matures (turnover
     * brings fresh persons at c_po0, so it does not reach 0: seen 0.38-0.52) */
    assert_true(cpo_open < 0.6);
    /* guarded, the equilibrium gg/(gg + od mu) stays high (seen 0.67-0.68) */
    assert_true(cpo_guard > cpo_open + 0.15);
    assert_true(cpn_late > cpn_early + 0.2);
    /* persons talk to the network, not to their organisations */
    assert_true(dep_open > dep_guard + 0.2);
    samen_scenario_free(open);
    samen_scenario_free(guarded);
}

static void test_large_networks_build_trust_slowly(void **state)
{
    (void)state;
    /* no necessary actors: a capped network must not dissolve for lack of them */
    samen_scenario *small = fx_load(fx_ini, fx_orgs_csv, FX_NO_DROPOUT, "model.max_members=3",
                                    "network.net.necessary=", "simulation.steps=80",
                                    "framing.need_rate=0", NULL);
    samen_scenario *large = fx_load(fx_ini, fx_orgs_csv, FX_NO_DROPOUT, "network.net.necessary=",
                                    "simulation.steps=80", "framing.need_rate=0", NULL);
    fx_tally a, b;
    double ts = 0, tl = 0;
    for (uint32_t seed = 1; seed <= 5; seed++) {
        fx_run(small, seed, 79, 79, &a);
        fx_run(large, seed, 79, 79, &b);
        assert_true(b.last[0].members >= 8);
        ts += a.last[0].trust;
        tl += b.last[0].trust;
    }
    /* gain / (|M| - 1): attention shared by 2 partners against 7 to 10
     * (seen: 0.75-0.97 against 0.44-0.62 per seed) */
    assert_true(tl < ts - 0.15 * 5);
    samen_scenario_free(small);
    samen_scenario_free(large);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cpo_falls_cpn_rises_unless_guarded),
        cmocka_unit_test(test_large_networks_build_trust_slowly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
