/* test_outcomes.c: a sweep's outcomes per run and network as summarise
 * and analyse read them, over part files written by hand: networks
 * founded in some runs only (MODEL.md 4.14) get rows at the points whose
 * runs have them, analyse leaves them out, and a sweep whose runs found
 * tens of thousands of networks of their own is read in memory that goes
 * with its rows, not with runs times names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "samen/samen.h"
#include "sensitivity/analyse.h"
#include "sweep/tables.h"
#include "fixture.h"
#include "sweep_fixture.h"

/* A sweep of sweep-file text in a fresh folder name under tmpdir. */
static samen_sweep *claimed(const char *text, const char *name, char *out, size_t n)
{
    samen_sweep *sw;
    samen_error err;
    assert_int_equal(load(text, &sw, &err), SAMEN_OK);
    snprintf(out, n, "%s/%s", tmpdir, name);
    assert_int_equal(mkdir(out, 0777), 0);
    assert_int_equal(samen_sweep_claim(sw, out, &err), SAMEN_OK);
    return sw;
}

/* Adds run with summary rows text (the rest of its parts empty). */
static void add_summary(const char *out, size_t run, const char *text)
{
    const char *rows[SAMEN_PART_COUNT] = {0};
    rows[SAMEN_PART_SUMMARY] = text;
    add_run(out, "w", run, rows, 1);
}

/* Summary rows: run (R),network,type,final_phase,final_form,members,
 * agreed_step,dropouts,end_step,end_reason,start_step,founder. */
#define NET1(members) "R,net1,network,executing,network," #members ",,0,,,0,\n"

static const char two_points[] = "[sweep]\nscenario = base.ini\nreplicates = 2\nseed = 5\n"
                                 "[vary]\ntrust.gain = 0.25, 0.5\n";

/* The line of text that starts with prefix, or NULL. */
static const char *line_of(const char *text, const char *prefix)
{
    for (const char *l = text; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
        if (!strncmp(l, prefix, strlen(prefix)))
            return l;
    return NULL;
}

/* Field i of a CSV line, into buf. */
static const char *field_at(const char *line, int i, char *buf, size_t n)
{
    for (; i > 0; i--)
        line = strchr(line, ',') + 1;
    size_t len = strcspn(line, ",\n");
    snprintf(buf, n, "%.*s", (int)len, line);
    return buf;
}

/* Four runs, two points: net1 is declared; f3.o1 is founded in both runs
 * of point 0, f5.o2 in run 1 and f7.o3 in run 2 (each its founding step
 * and founder, MODEL.md 4.14). */
static void test_founded_networks(void **state)
{
    (void)state;
    char out[512];
    samen_sweep *sw = claimed(two_points, "field", out, sizeof out);
    add_summary(out, 0, NET1(4) "R,f3.o1,network,dissolved,adhoc,2,,0,9,necessary-actor-lost,3,o1\n");
    /* a founded network before the declared one: the order is the list's */
    add_summary(out, 1, "R,f5.o2,network,executing,network,3,8,0,,,5,o2\n" NET1(2)
                        "R,f3.o1,network,completed,network,3,6,1,12,goal-reached,3,o1\n");
    add_summary(out, 2, NET1(5) "R,f7.o3,network,executing,network,2,,0,,,7,o3\n");
    add_summary(out, 3, NET1(6));
    samen_sweep_index idx;
    samen_error err;
    assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_OK);

    samen_sweep_outcomes o;
    assert_int_equal(samen_sweep_outcomes_read(sw, out, &idx, NULL, 0, &o, &err), SAMEN_OK);
    static const char *const names[] = {"net1", "f3.o1", "f5.o2", "f7.o3"};
    static const int with[] = {4, 2, 1, 1};
    assert_int_equal(o.n_nets, 4);
    for (int i = 0; i < 4; i++) {
        assert_string_equal(o.nets[i], names[i]);
        assert_int_equal(o.runs_with[i], with[i]);
    }
    assert_int_equal(o.n_entries, 8); /* the rows, not 4 runs x 4 names */
    assert_null(samen_sweep_outcome(&o, 3, 3));
    assert_null(samen_sweep_outcome(&o, 0, 2));
    const samen_net_entry *e = samen_sweep_outcome(&o, 1, 2);
    assert_non_null(e);
    assert_int_equal(e->oc.members, 3);
    assert_int_equal(e->oc.start_step, 5);
    assert_true(e->oc.founded && e->oc.agreed);
    e = samen_sweep_outcome(&o, 1, 0);
    assert_int_equal(e->oc.members, 2);
    assert_false(e->oc.founded);
    assert_int_equal(samen_sweep_outcome(&o, 3, 0)->oc.members, 6);
    samen_sweep_outcomes_free(&o);

    /* points.csv: the declared network at each point, a founded one only
     * where its point's runs have it, in the order of the list */
    size_t rows;
    assert_int_equal(samen_sweep_write_points(sw, out, &idx, &rows, &err), SAMEN_OK);
    assert_int_equal(rows, 5);
    char path[600], f[64];
    snprintf(path, sizeof path, "%s/points.csv", out);
    const char *text = strchr(read_file(path), '\n') + 1;
    static const char *const want[] = {"0,0.25,net1,2,", "0,0.25,f3.o1,2,", "0,0.25,f5.o2,1,",
                                       "1,0.5,net1,2,", "1,0.5,f7.o3,1,"};
    for (int i = 0; i < 5; i++, text = strchr(text, '\n') + 1)
        assert_true(!strncmp(text, want[i], strlen(want[i])));
    assert_string_equal(text, "");
    /* f3.o1 at point 0: agreed in one run of two; members (2 + 3) / 2;
     * from its start 3, run 0 is censored at its end 9 (6 steps) and run
     * 1 agreed at 6 (3 steps): the Kaplan-Meier curve is 1/2 from 3 to
     * the last time, 6, and the median is the middle of that stretch
     * (src/stats/km.c, as R's survfit), 4.5 */
    const char *l = line_of(read_file(path), "0,0.25,f3.o1,");
    assert_string_equal(field_at(l, 4, f, sizeof f), "0.5");
    assert_string_equal(field_at(l, 13, f, sizeof f), "2.5");
    assert_string_equal(field_at(l, 19, f, sizeof f), "4.5");
    samen_sweep_index_free(&idx);
    samen_sweep_free(sw);
}

/* A later run with a declared network the first had not, or a network
 * twice: parts that are not of one sweep, or damaged. */
static void test_bad_parts(void **state)
{
    (void)state;
    static const char *const second[] = {"R,other,network,executing,network,2,,0,,,0,\n",
                                         NET1(2) NET1(3)};
    static const char *const says[] = {"'other' that the first run done has not",
                                       "two summary rows of network 'net1'"};
    for (int i = 0; i < 2; i++) {
        char out[512], name[16];
        snprintf(name, sizeof name, "bad%d", i);
        samen_sweep *sw = claimed(two_points, name, out, sizeof out);
        add_summary(out, 0, NET1(4));
        add_summary(out, 1, second[i]);
        samen_sweep_index idx;
        samen_error err;
        assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_OK);
        samen_sweep_outcomes o;
        assert_int_equal(samen_sweep_outcomes_read(sw, out, &idx, NULL, 0, &o, &err),
                         SAMEN_EINPUT);
        assert_non_null(strstr(err.msg, says[i]));
        assert_non_null(strstr(err.msg, "run 1"));
        assert_null(o.nets); /* freed */
        samen_sweep_index_free(&idx);
        samen_sweep_free(sw);
    }
}

/* analyse: a network founded in every run is analysed like a declared
 * one; one founded in some runs only has no value to compare and is left
 * out. */
static void test_analyse_leaves_out(void **state)
{
    (void)state;
    char out[512];
    samen_sweep *sw = claimed("[sweep]\nscenario = base.ini\ndesign = saltelli\nsamples = 2\n"
                              "replicates = 1\nseed = 3\n[vary]\ntrust.gain = 0.05..0.6\n",
                              "salt", out, sizeof out);
    for (size_t run = 0; run < sw->n_runs; run++) {
        char text[300];
        snprintf(text, sizeof text, "R,net1,network,executing,network,%zu,,0,,,0,\n"
                 "R,f1.o1,network,executing,network,%zu,,0,,,1,o1\n%s", run + 2, 7 - run,
                 run == 0 ? "R,f2.o2,network,executing,network,3,,0,,,2,o2\n" : "");
        add_summary(out, run, text);
    }
    samen_sweep_index idx;
    samen_error err;
    assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_OK);
    const char *names[] = {"members"};
    size_t rows;
    assert_int_equal(samen_analyse_write(sw, out, &idx, names, 1, 50, &rows, &err), SAMEN_OK);
    assert_int_equal(rows, 2);
    char path[600];
    snprintf(path, sizeof path, "%s/sensitivity.csv", out);
    const char *text = read_file(path);
    assert_non_null(line_of(text, "members,net1,trust.gain,"));
    assert_non_null(line_of(text, "members,f1.o1,trust.gain,"));
    assert_null(strstr(text, "f2.o2"));
    samen_sweep_index_free(&idx);
    samen_sweep_free(sw);
}

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#ifndef UNDER_ASAN
/* The size of this process's address space, in bytes. */
static size_t address_space(void)
{
    FILE *fp = fopen("/proc/self/statm", "r");
    assert_non_null(fp);
    unsigned long pages = 0;
    assert_int_equal(fscanf(fp, "%lu", &pages), 1);
    fclose(fp);
    return pages * (size_t)sysconf(_SC_PAGESIZE);
}
#endif

#define REPS 500
#define FOUNDED 40

/* A field sweep of 1,000 runs, each with the declared network, one
 * founded network all runs have and 40 of its own: 40,002 names. A table
 * of runs by names would take 1,000 x 40,002 outcomes (over a gigabyte);
 * summarise must do with 256 MiB more than the process has (the limit is
 * left off under ASan, whose shadow memory is address space). */
static void test_many_runs_bounded(void **state)
{
    (void)state;
    char out[512];
    samen_sweep *sw = claimed("[sweep]\nscenario = base.ini\nreplicates = 500\nseed = 5\n"
                              "[vary]\ntrust.gain = 0.25, 0.5\n", "many", out, sizeof out);
    assert_int_equal(sw->n_runs, 2 * REPS);
    static char text[FOUNDED * 80 + 200];
    for (size_t run = 0; run < sw->n_runs; run++) {
        size_t used = (size_t)snprintf(text, sizeof text, NET1(3)
                                       "R,f1.o1,network,executing,network,2,,0,,,1,o1\n");
        for (int k = 0; k < FOUNDED; k++)
            used += (size_t)snprintf(text + used, sizeof text - used,
                                     "R,f%zu.o%d,network,executing,network,2,,0,,,%zu,o%d\n",
                                     run + 2, k, run + 2, k);
        add_summary(out, run, text);
    }
    samen_sweep_index idx;
    samen_error err;
    assert_int_equal(samen_sweep_index_read(sw, out, &idx, &err), SAMEN_OK);
    size_t want = 2 * (2 + REPS * FOUNDED);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
#ifndef UNDER_ASAN
        size_t limit = address_space() + ((size_t)256 << 20);
        struct rlimit r = {limit, limit};
        if (setrlimit(RLIMIT_AS, &r))
            _exit(3);
#endif
        size_t rows;
        int rc = samen_sweep_write_points(sw, out, &idx, &rows, &err);
        if (rc)
            fprintf(stderr, "%s\n", err.msg);
        _exit(rc ? 1 : rows == want ? 0 : 2);
    }
    int status;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    /* every run's founded networks have a row, with one run; f1.o1 has
     * all the point's runs */
    char path[600], line[400];
    snprintf(path, sizeof path, "%s/points.csv", out);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    size_t lines = 0, one = 0, all = 0;
    while (fgets(line, sizeof line, fp)) {
        lines++;
        one += strstr(line, ".o7,1,") != NULL;
        all += !strncmp(line, "0,0.25,f1.o1,500,", 17) || !strncmp(line, "1,0.5,f1.o1,500,", 16);
    }
    fclose(fp);
    assert_int_equal(lines, 1 + want);
    assert_int_equal(one, 2 * REPS);
    assert_int_equal(all, 2);
    samen_sweep_index_free(&idx);
    samen_sweep_free(sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_founded_networks),
        cmocka_unit_test(test_bad_parts),
        cmocka_unit_test(test_analyse_leaves_out),
        cmocka_unit_test(test_many_runs_bounded),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
