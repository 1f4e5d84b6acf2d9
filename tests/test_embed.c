/* test_embed.c: the library as a program that embeds it (the Python and
 * R bindings) meets it: a graph run and a sweep leave the process as the
 * program set it. Its RLIMIT_NOFILE stays where it put it (the sweep's
 * index no longer raises it: samen's main does) and igraph's error and
 * warning handlers stay its own (samen_field_new no longer replaces
 * them). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <igraph.h>

#include "samen/samen.h"
#include "sweep/jobs.h"
#include "sweep/tables.h"
#include "sweep_fixture.h"

static int igraph_errors, igraph_warnings;

static void program_error(const char *reason, const char *file, int line, igraph_error_t e)
{
    (void)reason;
    (void)file;
    (void)line;
    (void)e;
    igraph_errors++;
}

static void program_warning(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
    igraph_warnings++;
}

static void test_process_left_alone(void **state)
{
    (void)state;
    /* The program's own settings: a soft limit below the hard one, so
     * that a library raising it would show, and handlers of its own. */
    struct rlimit set, now;
    assert_int_equal(getrlimit(RLIMIT_NOFILE, &set), 0);
    if (set.rlim_max == RLIM_INFINITY || set.rlim_max > 200)
        set.rlim_cur = 200;
    else
        set.rlim_cur = set.rlim_max - 1;
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &set), 0);
    igraph_error_handler_t *old_error = igraph_set_error_handler(program_error);
    igraph_warning_handler_t *old_warning = igraph_set_warning_handler(program_warning);

    /* A run whose graph.csv igraph measures. */
    static const char *const graph[] = {"output.detail=graph", "output.snapshot_every=5"};
    char path[512], out[512];
    snprintf(path, sizeof path, "%s/base.ini", tmpdir);
    snprintf(out, sizeof out, "%s/run", tmpdir);
    assert_int_equal(mkdir(out, 0777), 0);
    samen_scenario *sc;
    samen_error err;
    assert_int_equal(samen_scenario_load(&sc, path, graph, 2, &err), SAMEN_OK);
    assert_int_equal(samen_run_to_dir(sc, out, NULL, &err), SAMEN_OK);
    samen_scenario_free(sc);
    snprintf(path, sizeof path, "%s/run/graph.csv", tmpdir);
    assert_int_equal(access(path, R_OK), 0);

    /* A sweep with two workers, its folder's index read and its tables
     * rebuilt. */
    samen_sweep *sw;
    assert_int_equal(load("[sweep]\nscenario = base.ini\nreplicates = 3\n", &sw, &err), SAMEN_OK);
    snprintf(out, sizeof out, "%s/sweep", tmpdir);
    assert_int_equal(mkdir(out, 0777), 0);
    assert_int_equal(samen_sweep_claim(sw, out, &err), SAMEN_OK);
    samen_sweep_job job = {.sw = sw, .out = out, .shard_n = 1};
    size_t todo, total, counts[3];
    assert_int_equal(samen_sweep_prepare(&job, &todo, &total, &err), SAMEN_OK);
    samen_pool_result res;
    assert_int_equal(samen_sweep_pool(&job, 2, NULL, &res, &err), SAMEN_OK);
    assert_int_equal(res.done, 3);
    assert_int_equal(samen_sweep_job_end(&job, &err), SAMEN_OK);
    assert_int_equal(samen_sweep_rebuild(sw, out, counts, &err), SAMEN_OK);
    assert_int_equal(counts[SAMEN_RUN_DONE], 3);
    samen_sweep_free(sw);

    assert_int_equal(getrlimit(RLIMIT_NOFILE, &now), 0);
    assert_int_equal(now.rlim_cur, set.rlim_cur);
    assert_int_equal(now.rlim_max, set.rlim_max);
    assert_ptr_equal(igraph_set_error_handler(old_error), program_error);
    assert_ptr_equal(igraph_set_warning_handler(old_warning), program_warning);
    assert_int_equal(igraph_errors, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_process_left_alone),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
