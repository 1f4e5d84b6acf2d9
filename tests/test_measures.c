/* test_measures.c: the measures of `samen fit` and `samen summarise`
 * (src/fit/measures.c) on a hand-built run, each value worked out in a
 * comment; and the registry's names and lookups. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "fit/measures.h"

static double value(const char *name, const samen_run_view *v)
{
    const samen_measure *m = samen_measure_find(name);
    assert_non_null(m);
    return m->fn(v);
}

/* Six networks of a run whose last step is 519:
 *   net0  members 1 (nobody joined), dissolved at 30: left out of all
 *   net1  members 5, agreed 100, dissolved at 300, 2 drop-outs
 *   net2  members 8, agreed 50, completed at 250
 *   net3  members 3, never agreed, dissolved at 80, 1 drop-out
 *   net4  members 6, agreed 200, dissolved at 450, 3 drop-outs
 *   net5  members 4, agreed 300, live at the end */
#define NET(ag, dis, comp, mem, drop, at, end)                                        \
    {.present = 1, .agreed = ag, .dissolved = dis, .completed = comp, .members = mem,  \
     .dropouts = drop, .agreed_step = at, .end_step = end}
static const samen_net_outcome nets[] = {
    NET(0, 1, 0, 1, 0, -1, 30),
    NET(1, 1, 0, 5, 2, 100, 300),
    NET(1, 0, 1, 8, 0, 50, 250),
    NET(0, 1, 0, 3, 1, -1, 80),
    NET(1, 1, 0, 6, 3, 200, 450),
    NET(1, 0, 0, 4, 0, 300, -1),
};

static void test_hand_built_run(void **state)
{
    (void)state;
    double time[6];
    int event[6];
    static const double trust[] = {0.2, 0.4, 0.6}, age[] = {10, 20, 40};
    samen_run_view v = {.net = nets, .n_nets = 6, .last_step = 519, .trust = trust,
                        .age = age, .n_pairs = 3, .time = time, .event = event};
    /* joined: net1..net5; dissolved net1, net3, net4: 3 / 5 */
    assert_close(value("dissolved_share", &v), 0.6, 1e-15, 0);
    /* agreed net1, net2, net4, net5: 4 / 5 */
    assert_close(value("agreed_share", &v), 0.8, 1e-15, 0);
    /* ended (an end step) net1..net4, completed net2: 1 / 4 */
    assert_close(value("completed_share_of_ended", &v), 0.25, 1e-15, 0);
    /* (5 + 8 + 3 + 6 + 4) / 5 */
    assert_close(value("members_mean", &v), 5.2, 1e-15, 0);
    /* (2 + 0 + 1 + 3 + 0) / 5 */
    assert_close(value("dropouts_mean", &v), 1.2, 1e-15, 0);
    /* times from agreement: net1 200 (event), net2 200 (censored at its
     * end), net4 250 (event), net5 219 (censored at the last step, 519 -
     * 300). S = 3/4 after 200 (4 at risk, one event; the censoring at 200
     * counts as at risk), then 1 at risk at 250: S = 0. The median is 250;
     * were net5 counted an event at 219, S would fall to 3/8 there. */
    assert_close(value("km_median_agreed_to_end", &v), 250, 0, 0);
    /* Pearson r of (0.2, 0.4, 0.6) with (10, 20, 40): 6 /
     * sqrt(0.08 * 466.67) = 0.98198051 */
    assert_close(value("trust_age_corr", &v), 0.9819805060619656, 1e-12, 0);
}

/* No value where the measure has none: no network joined, none ended, the
 * median not reached, fewer than three pairs. */
static void test_no_value(void **state)
{
    (void)state;
    double time[6];
    int event[6];
    samen_run_view v = {.net = nets, .n_nets = 1, .last_step = 519, .time = time,
                        .event = event};
    assert_true(isnan(value("dissolved_share", &v)));
    assert_true(isnan(value("members_mean", &v)));
    /* net2 and net5 alone: one ended (completed), the median not reached */
    samen_net_outcome two[] = {nets[2], nets[5]};
    v.net = two;
    v.n_nets = 2;
    assert_close(value("completed_share_of_ended", &v), 1, 0, 0);
    assert_true(isnan(value("km_median_agreed_to_end", &v)));
    two[0].end_step = -1;
    two[0].completed = 0;
    assert_true(isnan(value("completed_share_of_ended", &v)));
    assert_true(isnan(value("trust_age_corr", &v)));
}

static void test_registry(void **state)
{
    (void)state;
    assert_null(samen_measure_find("dissolved"));
    assert_true(samen_measure_find("trust_age_corr")->needs_ties);
    assert_false(samen_measure_find("dissolved_share")->needs_ties);
    char list[600];
    samen_measure_list(list, sizeof list);
    assert_string_equal(list, "dissolved_share, km_median_agreed_to_end, members_mean, "
                              "completed_share_of_ended, trust_age_corr, agreed_share, "
                              "dropouts_mean, repeat_odds, closure_odds, top10_tie_share, "
                              "max_median_degree, live_networks, founded");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_built_run),
        cmocka_unit_test(test_no_value),
        cmocka_unit_test(test_registry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
