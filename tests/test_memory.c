/* test_memory.c: the in-memory run of memory.h: its schema is the output
 * tables' descriptors, its cells are the observer's rows at full
 * precision with the CSV's empty cells, a scenario from text runs as the
 * same file does, and every error path returns an error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "samen/memory.h"
#include "samen/samen.h"
#include "samen/tables.h"
#include "output/descriptors.h"

static void test_schema_is_the_output_tables(void **state)
{
    (void)state;
    assert_int_equal(samen_schema_tables(), SAMEN_OUT_COUNT);
    for (int t = 0; t < SAMEN_OUT_COUNT; t++) {
        assert_string_equal(samen_schema_table(t), samen_tables[t].name);
        assert_int_equal(samen_schema_find(samen_tables[t].name), t);
        assert_int_equal(samen_schema_columns(t), samen_tables[t].ncolumns);
        for (int c = 0; c < samen_tables[t].ncolumns; c++)
            assert_string_equal(samen_schema_column(t, c), samen_tables[t].columns[c].name);
    }
    int ev = samen_schema_find("events");
    assert_int_equal(samen_schema_kind(ev, 0), SAMEN_KIND_INT);      /* step */
    assert_int_equal(samen_schema_nullable(ev, 0), 0);
    assert_int_equal(samen_schema_kind(ev, 2), SAMEN_KIND_TEXT);     /* org */
    assert_int_equal(samen_schema_nullable(ev, 3), 1);               /* person */
    assert_int_equal(samen_schema_kind(ev, 6), SAMEN_KIND_NUM);      /* value */
    assert_int_equal(samen_schema_nullable(ev, 6), 1);
    assert_int_equal(samen_schema_kind(samen_schema_find("network"), 3), SAMEN_KIND_TEXT);
    assert_null(samen_schema_detail(samen_schema_find("ties")));
    assert_string_equal(samen_schema_detail(samen_schema_find("graph")), "graph");
    /* bad indices answer, never crash */
    assert_null(samen_schema_table(-1));
    assert_null(samen_schema_table(SAMEN_OUT_COUNT));
    assert_int_equal(samen_schema_find("nope"), -1);
    assert_int_equal(samen_schema_find(NULL), -1);
    assert_int_equal(samen_schema_columns(99), -1);
    assert_null(samen_schema_column(0, 999));
    assert_int_equal(samen_schema_kind(0, -1), -1);
    assert_int_equal(samen_schema_nullable(99, 0), -1);
}

/* The network rows and events of a run as the observer gives them. */
typedef struct seen {
    int n_rows, n_events;
    double trust[4096];
    long person[4096];
    int has_value[4096];
} seen;

static int on_row(void *user, const samen_net_row *row)
{
    seen *s = user;
    if (s->n_rows < 4096)
        s->trust[s->n_rows] = row->trust;
    s->n_rows++;
    return 0;
}

static int on_event(void *user, const samen_event *ev)
{
    seen *s = user;
    if (s->n_events < 4096) {
        s->person[s->n_events] = ev->person;
        s->has_value[s->n_events] = ev->has_value;
    }
    s->n_events++;
    return 0;
}

static void test_cells_are_the_observers_rows(void **state)
{
    (void)state;
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, "simulation.steps=120", NULL);
    static seen s;
    memset(&s, 0, sizeof s);
    samen_observer obs = {.user = &s, .network_row = on_row, .event = on_event};
    samen_error err;
    samen_sim *sim = samen_sim_new(sc, &err);
    assert_non_null(sim);
    assert_int_equal(samen_sim_run(sim, &obs), 0);
    samen_sim_free(sim);

    samen_result *res;
    assert_int_equal(samen_run_tables(sc, &res, &err), SAMEN_OK);
    int nt = samen_schema_find("network"), ev = samen_schema_find("events");
    assert_int_equal(samen_result_rows(res, nt), s.n_rows);
    assert_int_equal(samen_result_rows(res, ev), s.n_events);
    assert_true(s.n_events > 10 && s.n_events < 4096);
    const double *trust = samen_result_nums(res, nt, 7);
    assert_string_equal(samen_schema_column(nt, 7), "trust");
    for (int i = 0; i < s.n_rows; i++)
        assert_true(trust[i] == s.trust[i]); /* the same double, not %.6g */
    /* person 0 (none) is an empty cell, as in events.csv; value likewise */
    const int64_t *person = samen_result_ints(res, ev, 3);
    const uint8_t *miss = samen_result_missing(res, ev, 3);
    const double *value = samen_result_nums(res, ev, 6);
    const uint8_t *vmiss = samen_result_missing(res, ev, 6);
    assert_non_null(miss);
    assert_non_null(vmiss);
    int empty = 0;
    for (int i = 0; i < s.n_events; i++) {
        assert_int_equal(miss[i], s.person[i] == 0);
        assert_int_equal(person[i], s.person[i]);
        assert_int_equal(vmiss[i], !s.has_value[i]);
        assert_int_equal(isnan(value[i]), !s.has_value[i]);
        empty += miss[i];
    }
    assert_true(empty > 0 && empty < s.n_events);
    /* the network column: one level, the network's name */
    assert_int_equal(samen_result_levels(res, nt, 1), 1);
    assert_string_equal(samen_result_level(res, nt, 1, 0), "net");
    assert_int_equal(samen_result_codes(res, nt, 1)[0], 0);
    /* the first event is the phase change with no organisation: code -1 */
    assert_int_equal(samen_result_codes(res, ev, 2)[0], -1);
    /* not asked: no orgs, persons or graph */
    assert_false(samen_result_has(res, samen_schema_find("orgs")));
    assert_int_equal(samen_result_rows(res, samen_schema_find("graph")), 0);
    samen_result_free(res);
    samen_scenario_free(sc);
}

static void test_detail_tables_and_graph_rows(void **state)
{
    (void)state;
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, "simulation.steps=50",
                                 "output.detail=orgs,persons,graph,field",
                                 "output.snapshot_every=10", NULL);
    samen_result *res;
    samen_error err;
    assert_int_equal(samen_run_tables(sc, &res, &err), SAMEN_OK);
    for (int t = 0; t < samen_schema_tables(); t++)
        assert_true(samen_result_has(res, t));
    /* field.csv (MODEL.md 4.13): rows at the snapshot steps only */
    int fl = samen_schema_find("field");
    assert_true(samen_result_rows(res, fl) > 0);
    for (int64_t i = 0; i < samen_result_rows(res, fl); i++)
        assert_true(samen_result_ints(res, fl, 0)[i] % 10 == 0 ||
                    samen_result_ints(res, fl, 0)[i] == 49);
    /* snapshot steps 0, 10, 20, 30, 40 and the last, 49 */
    int g = samen_schema_find("graph");
    assert_int_equal(samen_result_rows(res, g), 6);
    assert_int_equal(samen_result_ints(res, g, 0)[5], 49);
    assert_int_equal(samen_result_ints(res, g, 1)[0], 12); /* orgs */
    assert_true(samen_result_rows(res, samen_schema_find("persons")) > 0);
    samen_result_free(res);
    samen_scenario_free(sc);
}

static void test_text_runs_as_its_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/samen-memory-XXXXXX";
    assert_non_null(mkdtemp(dir));
    assert_int_equal(fx_write(dir, "orgs.csv", fx_orgs_csv), 0);
    assert_int_equal(fx_write(dir, "s.ini", fx_ini), 0);
    char path[512], named[512];
    snprintf(path, sizeof path, "%s/s.ini", dir);
    snprintf(named, sizeof named, "%s/not-a-file.ini", dir);
    const char *ovr[] = {"simulation.steps=60"};
    samen_scenario *a, *b;
    samen_error err;
    assert_int_equal(samen_scenario_load(&a, path, ovr, 1, &err), SAMEN_OK);
    /* the name need not exist; orgs.csv is found beside it */
    assert_int_equal(samen_scenario_load_text(&b, fx_ini, named, ovr, 1, &err), SAMEN_OK);
    samen_result *ra, *rb;
    assert_int_equal(samen_run_tables(a, &ra, &err), SAMEN_OK);
    assert_int_equal(samen_run_tables(b, &rb, &err), SAMEN_OK);
    int ties = samen_schema_find("ties");
    int64_t n = samen_result_rows(ra, ties);
    assert_true(n > 0);
    assert_int_equal(samen_result_rows(rb, ties), n);
    assert_memory_equal(samen_result_nums(ra, ties, 4), samen_result_nums(rb, ties, 4),
                        (size_t)n * sizeof(double));
    samen_result_free(ra);
    samen_result_free(rb);
    samen_scenario_free(a);
    samen_scenario_free(b);

    /* a bad key is reported at its line of the text's name */
    samen_scenario *c = (samen_scenario *)&err;
    char bad[2048];
    snprintf(bad, sizeof bad, "%s", fx_ini);
    memcpy(strstr(bad, "seed = 1"), "sede", 4); /* line 3 */
    assert_int_equal(samen_scenario_load_text(&c, bad, named, NULL, 0, &err), SAMEN_EINPUT);
    assert_null(c);
    assert_string_equal(err.file, named);
    assert_int_equal(err.line, 3);
    assert_string_equal(err.key, "simulation.sede");
    assert_int_equal(samen_scenario_load_text(&c, "", named, NULL, 0, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "empty"));
    unlink(path);
    snprintf(path, sizeof path, "%s/orgs.csv", dir);
    unlink(path);
    rmdir(dir);
    /* without its organisations file beside it */
    assert_int_equal(samen_scenario_load_text(&c, fx_ini, named, NULL, 0, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "orgs.csv"));
}

static void test_every_accessor_takes_bad_arguments(void **state)
{
    (void)state;
    samen_scenario *sc = fx_load(fx_ini, fx_orgs_csv, "simulation.steps=5", NULL);
    samen_result *res;
    assert_int_equal(samen_run_tables(sc, &res, NULL), SAMEN_OK); /* err may be NULL */
    int nt = samen_schema_find("network");
    assert_null(samen_result_ints(res, nt, 7));   /* trust is not whole */
    assert_null(samen_result_nums(res, nt, 0));   /* step is not a number */
    assert_null(samen_result_codes(res, nt, 0));
    assert_null(samen_result_ints(res, nt, 99));
    assert_null(samen_result_ints(res, -1, 0));
    assert_null(samen_result_nums(NULL, nt, 7));
    assert_null(samen_result_missing(res, nt, 0)); /* never empty */
    assert_null(samen_result_missing(res, 42, 0));
    assert_null(samen_result_level(res, nt, 1, 5));
    assert_null(samen_result_level(res, nt, 1, -1));
    assert_int_equal(samen_result_levels(res, nt, 0), 0);
    assert_int_equal(samen_result_rows(NULL, nt), 0);
    assert_false(samen_result_has(res, 17));
    samen_result_free(res);
    samen_result_free(NULL);
    samen_error err;
    res = (samen_result *)&err;
    assert_int_equal(samen_run_tables(NULL, &res, &err), SAMEN_EINPUT);
    assert_null(res);
    assert_int_equal(samen_run_tables(sc, NULL, &err), SAMEN_EINPUT);
    samen_scenario *none = sc;
    assert_int_equal(samen_scenario_load_text(&none, NULL, "x.ini", NULL, 0, &err), SAMEN_EINPUT);
    assert_null(none);
    assert_int_equal(samen_scenario_load_text(&none, "", NULL, NULL, 0, &err), SAMEN_EINPUT);
    samen_scenario_free(sc);
    assert_int_equal(samen_library_init(&err), SAMEN_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schema_is_the_output_tables),
        cmocka_unit_test(test_cells_are_the_observers_rows),
        cmocka_unit_test(test_detail_tables_and_graph_rows),
        cmocka_unit_test(test_text_runs_as_its_file),
        cmocka_unit_test(test_every_accessor_takes_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
