/* test_turnover.c: MODEL.md 4.10, person turnover and the person-bound
 * loss of trust. Seeded runs with the same seeds on both sides; a run is a
 * pure function of scenario and seed, so the tests cannot flake. The
 * turnover count allows 4 Poisson standard deviations either side; the
 * trust ratios are asserted with margins of about half the gaps seen. */
#include "fixture.h"

static void test_turnover_rate_follows_tenure(void **state)
{
    (void)state;
    samen_scenario *none = fx_load(fx_ini, fx_orgs_csv, FX_NO_DROPOUT, "persons.tenure=1e12", NULL);
    samen_scenario *fast = fx_load(fx_ini, fx_orgs_csv, FX_NO_DROPOUT, "persons.tenure=20", NULL);
    fx_tally t;
    fx_run(none, 1, 0, 0, &t);
    assert_int_equal(t.turnovers, 0);
    fx_run(fast, 1, 0, 0, &t);
    /* about 12 members x 200 steps / 20 = 120 expected; Poisson sd ~ 11 */
    assert_true(t.turnovers > 70 && t.turnovers < 170);
    /* the value is the old person's c_po */
    assert_true(t.sum_turnover_value > 0 && t.sum_turnover_value <= t.turnovers);
    samen_scenario_free(none);
    samen_scenario_free(fast);
}

/* Mean trust over steps 100..199 with the person-bound loss of turnover,
 * divided by the same turnover without that loss, averaged over seeds. The
 * persons still change in both; only turnover.trust_loss differs. */
static double trust_ratio(const char *orgs, const char *drift)
{
    samen_scenario *with = fx_load(fx_ini, orgs, FX_NO_DROPOUT, drift, "persons.tenure=15",
                                   "turnover.trust_loss=0.5", "framing.need_rate=0", NULL);
    samen_scenario *without = fx_load(fx_ini, orgs, FX_NO_DROPOUT, drift, "persons.tenure=15",
                                      "turnover.trust_loss=0", "framing.need_rate=0", NULL);
    double r = 0;
    fx_tally a, b;
    for (uint32_t seed = 1; seed <= 8; seed++) {
        fx_run(with, seed, 100, 199, &a);
        fx_run(without, seed, 100, 199, &b);
        r += (a.sum_trust / a.nsum) / (b.sum_trust / b.nsum);
    }
    samen_scenario_free(with);
    samen_scenario_free(without);
    return r / 8;
}

static void test_turnover_costs_more_when_cpo_was_low(void **state)
{
    (void)state;
    char anchored_orgs[4096];
    snprintf(anchored_orgs, sizeof anchored_orgs, "%s", fx_orgs((fx_cols){.guard = "1"}));
    /* guarded, no drift: c_po ~ 0.89 when persons leave (seen ratio ~0.68) */
    double anchored = trust_ratio(anchored_orgs, "comm.org_drift=0");
    /* unguarded, drifting persons: c_po ~ 0.4 when they leave (seen ~0.16) */
    double personal = trust_ratio(fx_orgs((fx_cols){.guard = "0"}), "comm.org_drift=0.5");
    assert_true(anchored > 0.5);
    assert_true(personal < anchored - 0.3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_turnover_rate_follows_tenure),
        cmocka_unit_test(test_turnover_costs_more_when_cpo_was_low),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
