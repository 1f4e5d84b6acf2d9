/* test_output.c: the CSV writers of a run, driven with synthetic rows
 * through the observer callbacks: exact file contents (FORMATS.md
 * "Outputs"), whole-or-nothing commit and discard, and I/O failures. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output/output.h"
#include "output/descriptors.h"

/* The header lines as FORMATS.md lists the columns, copied from there. */
static const char *const hdr_network =
    "step,network,type,phase,form,members,necessary_present,trust,consensus,"
    "progress,d_interests,d_factual,d_formal,d_resources,d_commitment,"
    "d_identification,c_po,c_pn,link,person_dependency,decisions_open,"
    "decisions_resolved,overreach,dropouts\n";
static const char *const hdr_events = "step,network,org,person,event,reason,value\n";
static const char *const hdr_ties = "step,network,org_a,org_b,trust,since\n";
static const char *const hdr_orgs =
    "step,network,org,role,interest,engagement,fit_issue,fit_goal,c_po,c_pn,"
    "link,mandate\n";
static const char *const hdr_persons =
    "step,network,org,person,c_po,c_pn,self_interest,uncertainty,tenure\n";

static char *path_in(const char *dir, const char *name)
{
    static char buf[4][1024];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

/* The whole file as a string (caller frees), or NULL if it does not exist. */
static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    rewind(fp);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, fp), (size_t)n);
    s[n] = '\0';
    fclose(fp);
    return s;
}

static void assert_file(const char *dir, const char *name, const char *want)
{
    char *got = slurp(path_in(dir, name));
    if (!got)
        fail_msg("%s/%s does not exist", dir, name);
    assert_string_equal(got, want);
    free(got);
}

/* Entries of dir other than . and .. */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

static int setup_dir(void **state)
{
    char *dir = strdup("/tmp/samen-test-output-XXXXXX");
    if (!dir || !mkdtemp(dir))
        return -1;
    *state = dir;
    return 0;
}

static int teardown_dir(void **state)
{
    char *dir = *state;
    static const char *const names[] = {
        "network.csv", "events.csv", "ties.csv", "orgs.csv", "persons.csv",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char tmp[1100];
        snprintf(tmp, sizeof tmp, "%s.tmp", path_in(dir, names[i]));
        unlink(path_in(dir, names[i]));
        rmdir(path_in(dir, names[i]));
        unlink(tmp);
        rmdir(tmp);
    }
    rmdir(path_in(dir, "events.csv/x"));
    rmdir(path_in(dir, "events.csv"));
    int rc = rmdir(dir);
    free(dir);
    return rc;
}

static samen_net_row net_row(int step, const char *name)
{
    samen_net_row r;
    memset(&r, 0, sizeof r);
    r.step = step;
    r.network = name;
    r.type = SAMEN_TYPE_NETWORK;
    r.phase = SAMEN_PHASE_EXECUTING;
    r.form = SAMEN_TYPE_ADHOC;
    r.members = 9;
    r.necessary_present = 3;
    return r;
}

/* Opens the outputs of detail in dir and their observer; err is where the
 * outputs report their errors (they keep the pointer). */
static void open_ok(samen_outputs *o, samen_observer *obs, const char *dir, int detail,
                    samen_error *err)
{
    assert_int_equal(samen_outputs_open(o, dir, detail, err), SAMEN_OK);
    samen_outputs_observer(o, obs);
}

/* An I/O error reported on the file named file (a part of its path). */
static void assert_eio(const samen_error *err, const char *file)
{
    assert_int_equal(err->code, SAMEN_EIO);
    assert_non_null(strstr(err->file, file));
}

/* Closes and commits the outputs; both must succeed. */
static void close_commit_ok(samen_outputs *o, samen_error *err)
{
    assert_int_equal(samen_outputs_close(o, err), SAMEN_OK);
    assert_int_equal(samen_outputs_commit(o, err), SAMEN_OK);
}

/* Every file of --detail orgs,persons gets exactly its header line, and
 * only after commit, under its final name. */
static void test_headers_and_commit(void **state)
{
    const char *dir = *state;
    samen_error err;
    samen_outputs o;
    assert_int_equal(samen_outputs_open(&o, dir, SAMEN_DETAIL_ORGS | SAMEN_DETAIL_PERSONS,
                                        &err), SAMEN_OK);
    assert_int_equal(count_entries(dir), 5);
    assert_null(slurp(path_in(dir, "network.csv")));
    close_commit_ok(&o, &err);
    assert_int_equal(count_entries(dir), 5);
    assert_file(dir, "network.csv", hdr_network);
    assert_file(dir, "events.csv", hdr_events);
    assert_file(dir, "ties.csv", hdr_ties);
    assert_file(dir, "orgs.csv", hdr_orgs);
    assert_file(dir, "persons.csv", hdr_persons);
    samen_outputs_discard(&o); /* after commit: a no-op that removes nothing */
    assert_int_equal(count_entries(dir), 5);
}

/* Without detail there is no orgs.csv or persons.csv and the observer has
 * no callbacks for them. */
static void test_detail_selects_files(void **state)
{
    const char *dir = *state;
    samen_error err;
    samen_outputs o;
    samen_observer obs;
    open_ok(&o, &obs, dir, SAMEN_DETAIL_PERSONS, &err);
    assert_ptr_equal(obs.user, &o);
    assert_non_null(obs.network_row);
    assert_non_null(obs.event);
    assert_non_null(obs.tie_row);
    assert_null(obs.org_row);
    assert_non_null(obs.person_row);
    close_commit_ok(&o, &err);
    assert_int_equal(count_entries(dir), 4);
    assert_null(slurp(path_in(dir, "orgs.csv")));
}

static void test_network_rows(void **state)
{
    const char *dir = *state;
    samen_error err;
    samen_outputs o;
    samen_observer obs;
    open_ok(&o, &obs, dir, 0, &err);

    samen_net_row r = net_row(12, "a,\"b");
    r.trust = 0.123456789;      /* %.6g rounds: 0.123457 */
    r.consensus = -0.0;         /* -0 is written 0 */
    r.progress = 1e-7;          /* exponent allowed */
    r.d[0] = 1234567.0;
    r.d[1] = 1.0;
    r.d[2] = -0.25;
    r.d[3] = 2.5e-5;
    r.d[4] = 0.1;
    r.d[5] = 1.0 / 3.0;
    r.c_po = 0.999999;
    r.c_pn = 0.99999951;        /* rounds up to 1 */
    r.link = 100.0;
    r.person_dependency = -0.0;
    r.decisions_open = 4;
    r.decisions_resolved = 12345678901L;
    r.overreach = 0;
    r.dropouts = 2;
    assert_int_equal(obs.network_row(obs.user, &r), SAMEN_OK);

    samen_net_row s = net_row(13, "brede-school");
    s.phase = SAMEN_PHASE_DISSOLVED;
    s.type = SAMEN_TYPE_OVERLEG;
    s.form = SAMEN_TYPE_NETWORK;
    assert_int_equal(obs.network_row(obs.user, &s), SAMEN_OK);

    close_commit_ok(&o, &err);
    char want[2048];
    snprintf(want, sizeof want, "%s%s%s", hdr_network,
             "12,\"a,\"\"b\",network,executing,adhoc,9,3,0.123457,0,1e-07,"
             "1.23457e+06,1,-0.25,2.5e-05,0.1,0.333333,0.999999,1,100,0,4,"
             "12345678901,0,2\n",
             "13,brede-school,overleg,dissolved,network,9,3,0,0,0,0,0,0,0,0,0,"
             "0,0,0,0,0,0,0,0\n");
    assert_file(dir, "network.csv", want);
    assert_file(dir, "events.csv", hdr_events);
}

/* Empty fields where an event has no org, person, reason or value. */
static void test_events(void **state)
{
    const char *dir = *state;
    samen_error err;
    samen_outputs o;
    samen_observer obs;
    open_ok(&o, &obs, dir, 0, &err);
    const samen_event ev[] = {
        {0, "net", NULL, 0, "phase", "recruiting", 0, 0.0},
        {0, "net", "school-1", 1, "join", "initiator", 1, 0.42},
        {3, "net", "Org, \"the\" one", 2, "dropout", "goal-misfit", 1, 1e-9},
        {4, "net", NULL, 0, "goal-agreed", NULL, 1, -0.0},
        {5, "net", "ocb", 0, "framing-setback", NULL, 1, 0.5},
        {6, "net", "ibo", 7, "overreach-reversed", NULL, 0, 99.0},
    };
    for (size_t i = 0; i < sizeof ev / sizeof ev[0]; i++)
        assert_int_equal(obs.event(obs.user, &ev[i]), SAMEN_OK);
    close_commit_ok(&o, &err);
    char want[1024];
    snprintf(want, sizeof want, "%s%s", hdr_events,
             "0,net,,,phase,recruiting,\n"
             "0,net,school-1,1,join,initiator,0.42\n"
             "3,net,\"Org, \"\"the\"\" one\",2,dropout,goal-misfit,1e-09\n"
             "4,net,,,goal-agreed,,0\n"
             "5,net,ocb,,framing-setback,,0.5\n"
             "6,net,ibo,7,overreach-reversed,,\n");
    assert_file(dir, "events.csv", want);
}

static void test_ties_orgs_persons(void **state)
{
    const char *dir = *state;
    samen_error err;
    samen_outputs o;
    samen_observer obs;
    open_ok(&o, &obs, dir, SAMEN_DETAIL_ORGS | SAMEN_DETAIL_PERSONS, &err);
    const samen_tie_row t = {26, "net", "ibo", "school 1", 0.7500001, 3};
    assert_int_equal(obs.tie_row(obs.user, &t), SAMEN_OK);
    const samen_org_row g = {26, "net", "a\"b", "initiator", "decision",
                             1.0, 0.5, -0.0, 0.3333333, 0.25, 0.75, 0.0};
    assert_int_equal(obs.org_row(obs.user, &g), SAMEN_OK);
    const samen_person_row p = {26, "net", "ibo", 17, 0.8, 0.1, 0.2857142857,
                                0.6, 156};
    assert_int_equal(obs.person_row(obs.user, &p), SAMEN_OK);
    close_commit_ok(&o, &err);

    char want[1024];
    snprintf(want, sizeof want, "%s26,net,ibo,school 1,0.75,3\n", hdr_ties);
    assert_file(dir, "ties.csv", want);
    snprintf(want, sizeof want,
             "%s26,net,\"a\"\"b\",initiator,1,0.5,0,0.333333,0.25,0.75,0,decision\n",
             hdr_orgs);
    assert_file(dir, "orgs.csv", want);
    snprintf(want, sizeof want, "%s26,net,ibo,17,0.8,0.1,0.285714,0.6,156\n",
             hdr_persons);
    assert_file(dir, "persons.csv", want);
}

/* Discard removes every temporary file, rows or not. */
static void test_discard_leaves_nothing(void **state)
{
    const char *dir = *state;
    samen_error err;
    samen_outputs o;
    samen_observer obs;
    open_ok(&o, &obs, dir, SAMEN_DETAIL_ORGS | SAMEN_DETAIL_PERSONS, &err);
    samen_net_row r = net_row(0, "net");
    assert_int_equal(obs.network_row(obs.user, &r), SAMEN_OK);
    samen_outputs_discard(&o);
    assert_int_equal(count_entries(dir), 0);

    /* and after close, before commit */
    assert_int_equal(samen_outputs_open(&o, dir, 0, &err), SAMEN_OK);
    assert_int_equal(samen_outputs_close(&o, &err), SAMEN_OK);
    assert_int_equal(count_entries(dir), 3);
    samen_outputs_discard(&o);
    assert_int_equal(count_entries(dir), 0);
}

/* A value that is not finite stops the run with an error naming the file
 * and column, never a "nan" in the CSV. */
static void test_nonfinite_refused(void **state)
{
    const char *dir = *state;
    samen_error err;
    samen_error_clear(&err);
    samen_outputs o;
    samen_observer obs;
    open_ok(&o, &obs, dir, 0, &err);
    samen_net_row r = net_row(7, "net");
    r.progress = NAN;
    assert_int_equal(obs.network_row(obs.user, &r), SAMEN_EIO);
    assert_int_equal(err.code, SAMEN_EIO);
    assert_string_equal(err.key, "progress");
    assert_non_null(strstr(err.file, "network.csv"));
    assert_non_null(strstr(err.msg, "step 7"));
    samen_event ev = {1, "net", NULL, 0, "merger", NULL, 1, INFINITY};
    samen_error_clear(&err);
    assert_int_equal(obs.event(obs.user, &ev), SAMEN_EIO);
    assert_string_equal(err.key, "value");
    samen_outputs_discard(&o);
    assert_int_equal(count_entries(dir), 0);
}

/* The row of one record of table t, written through samen_row_record to
 * a memory stream; returns samen_row_record's result. */
static int record_text(const samen_table *t, const void *rec, char *buf, size_t n)
{
    FILE *fp = fmemopen(buf, n, "w");
    assert_non_null(fp);
    samen_row row;
    samen_row_begin(&row, fp);
    int bad = samen_row_record(&row, t, rec);
    samen_row_flush(&row);
    assert_int_equal(fclose(fp), 0);
    return bad;
}

/* graph.csv's and the sweep summary's columns come from their tables too:
 * the headers of FORMATS.md, a summary with no agreement and no end
 * leaves both steps and the reason empty, a graph row in column order,
 * and lookups by name see only the listed columns. */
static void test_summary_graph_tables(void **state)
{
    (void)state;
    char buf[512];
    FILE *fp = fmemopen(buf, sizeof buf, "w");
    assert_non_null(fp);
    samen_table_header(fp, &samen_tables[SAMEN_TABLE_SUMMARY]);
    fputc('\n', fp);
    samen_table_header(fp, &samen_tables[SAMEN_OUT_GRAPH]);
    assert_int_equal(fclose(fp), 0);
    assert_string_equal(buf,
                        "network,type,final_phase,final_form,members,agreed_step,dropouts,"
                        "end_step,end_reason,start_step,founder\n"
                        "step,orgs,ties,density,components,largest_component,transitivity,"
                        "mean_degree,degree_centralization,bridging_orgs,mean_trust");

    samen_net_summary s = {.network = "a,b", .type = SAMEN_TYPE_NETWORK,
                           .form = SAMEN_TYPE_ADHOC, .phase = SAMEN_PHASE_EXECUTING,
                           .members = 2, .max_members = 7, .agreed_step = -1,
                           .end_step = -1, .end_reason = NULL, .dropouts = 3};
    assert_int_equal(record_text(&samen_tables[SAMEN_TABLE_SUMMARY], &s, buf, sizeof buf), -1);
    assert_string_equal(buf, "\"a,b\",network,executing,adhoc,7,,3,,,0,");
    s.agreed_step = 0; /* step 0 is a step: not empty */
    s.end_step = 12;
    s.phase = SAMEN_PHASE_COMPLETED;
    s.end_reason = "goal";
    assert_int_equal(record_text(&samen_tables[SAMEN_TABLE_SUMMARY], &s, buf, sizeof buf), -1);
    assert_string_equal(buf, "\"a,b\",network,completed,adhoc,7,0,3,12,goal,0,");
    s.start_step = 5; /* a founded network and its founder (4.14) */
    s.founder = "school-1";
    assert_int_equal(record_text(&samen_tables[SAMEN_TABLE_SUMMARY], &s, buf, sizeof buf), -1);
    assert_string_equal(buf, "\"a,b\",network,completed,adhoc,7,0,3,12,goal,5,school-1");

    samen_graph_row g = {.step = 26, .st = {.orgs = 5, .ties = 4, .density = 0.4,
                         .components = 2, .largest_component = 0.8, .transitivity = 0.25,
                         .mean_degree = 1.6, .degree_centralization = 0.5,
                         .bridging_orgs = 1, .mean_trust = 0.125}};
    assert_int_equal(record_text(&samen_tables[SAMEN_OUT_GRAPH], &g, buf, sizeof buf), -1);
    assert_string_equal(buf, "26,5,4,0.4,2,0.8,0.25,1.6,0.5,1,0.125");
    g.st.transitivity = NAN;
    /* column 6 (0-based) is transitivity */
    assert_int_equal(record_text(&samen_tables[SAMEN_OUT_GRAPH], &g, buf, sizeof buf), 6);

    const samen_table *net = &samen_tables[SAMEN_OUT_NETWORK];
    assert_int_equal(samen_table_column(net, "step"), 0);
    assert_int_equal(samen_table_column(net, "d_interests"), 10);
    assert_int_equal(samen_table_column(net, "dropouts"), 23);
    assert_int_equal(samen_table_column(net, "final_phase"), -1);
    assert_int_equal(samen_column_numeric(net, samen_table_column(net, "phase")), 0);
    assert_int_equal(samen_column_numeric(net, samen_table_column(net, "decisions_resolved")), 1);
    assert_int_equal(samen_table_column(&samen_tables[SAMEN_TABLE_SUMMARY], "end_reason"), 8);
}

/* Snapshot steps: the multiples of snapshot_every and the last step. */
static void test_snapshot_steps(void **state)
{
    (void)state;
    samen_scenario sc;
    memset(&sc, 0, sizeof sc);
    sc.steps = 30;
    sc.snapshot_every = 13;
    static const int want[] = {0, 13, 26, 29};
    int k = 0;
    for (int step = 0; step < sc.steps; step++)
        if (samen_snapshot_step(&sc, step)) {
            assert_true(k < 4);
            assert_int_equal(step, want[k++]);
        }
    assert_int_equal(k, 4);
}

/* A folder that does not exist: SAMEN_EIO naming the file, nothing made. */
static void test_open_fails(void **state)
{
    const char *dir = *state;
    samen_error err;
    samen_error_clear(&err);
    samen_outputs o;
    assert_int_equal(samen_outputs_open(&o, path_in(dir, "missing"), 0, &err), SAMEN_EIO);
    assert_eio(&err, "missing/network.csv");
    /* named as the user knows it, with the reason in words */
    assert_null(strstr(err.file, ".tmp"));
    assert_non_null(strstr(err.msg, "does not exist"));
    assert_int_equal(count_entries(dir), 0);

    /* The third file cannot be created: the first two are removed. */
    assert_int_equal(mkdir(path_in(dir, "ties.csv.tmp"), 0700), 0);
    samen_error_clear(&err);
    assert_int_equal(samen_outputs_open(&o, dir, 0, &err), SAMEN_EIO);
    assert_non_null(strstr(err.file, "ties.csv.tmp"));
    assert_int_equal(count_entries(dir), 1);
    assert_int_equal(rmdir(path_in(dir, "ties.csv.tmp")), 0);
}

/* A rename that fails takes back the files already renamed. */
static void test_commit_fails(void **state)
{
    const char *dir = *state;
    samen_error err;
    samen_error_clear(&err);
    samen_outputs o;
    /* rename() cannot replace a non-empty folder */
    assert_int_equal(mkdir(path_in(dir, "events.csv"), 0700), 0);
    assert_int_equal(mkdir(path_in(dir, "events.csv/x"), 0700), 0);
    assert_int_equal(samen_outputs_open(&o, dir, 0, &err), SAMEN_OK);
    assert_int_equal(samen_outputs_close(&o, &err), SAMEN_OK);
    assert_int_equal(samen_outputs_commit(&o, &err), SAMEN_EIO);
    assert_non_null(strstr(err.file, "events.csv"));
    assert_int_equal(count_entries(dir), 1); /* the folder events.csv only */
    assert_int_equal(rmdir(path_in(dir, "events.csv/x")), 0);
    assert_int_equal(rmdir(path_in(dir, "events.csv")), 0);
}

/* The file size limit turns writes into EFBIG errors (SIGXFSZ ignored),
 * as a full disk would. */
static struct rlimit limit_fsize(rlim_t bytes)
{
    struct rlimit old, lim;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    lim = old;
    lim.rlim_cur = bytes;
    signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
    return old;
}

/* A write failing in the middle of a run: the row callback reports
 * SAMEN_EIO and discard leaves no temporary file. */
static void test_write_fails_during_run(void **state)
{
    const char *dir = *state;
    samen_error err;
    samen_error_clear(&err);
    samen_outputs o;
    samen_observer obs;
    open_ok(&o, &obs, dir, 0, &err);
    struct rlimit old = limit_fsize(4096);
    int rc = SAMEN_OK, i;
    /* more rows than the stdio buffer holds, so that it must flush */
    for (i = 0; i < 100000 && rc == SAMEN_OK; i++) {
        samen_net_row r = net_row(i, "net");
        rc = obs.network_row(obs.user, &r);
    }
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    assert_int_equal(rc, SAMEN_EIO);
    assert_true(i < 100000);
    assert_eio(&err, "network.csv");
    assert_non_null(strstr(err.msg, "cannot write"));
    samen_outputs_discard(&o);
    assert_int_equal(count_entries(dir), 0);
}

/* A write failing only when the buffer is flushed at close. */
static void test_write_fails_at_close(void **state)
{
    const char *dir = *state;
    samen_error err;
    samen_error_clear(&err);
    samen_outputs o;
    struct rlimit old = limit_fsize(64); /* less than network.csv's header */
    int rc = samen_outputs_open(&o, dir, 0, &err);
    if (rc == SAMEN_OK)
        rc = samen_outputs_close(&o, &err);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    assert_int_equal(rc, SAMEN_EIO);
    assert_eio(&err, "network.csv");
    assert_int_equal(count_entries(dir), 0);
    samen_outputs_discard(&o); /* safe after a failed close */
    assert_int_equal(count_entries(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_headers_and_commit, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_detail_selects_files, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_network_rows, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_events, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_ties_orgs_persons, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_discard_leaves_nothing, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_nonfinite_refused, setup_dir, teardown_dir),
        cmocka_unit_test(test_summary_graph_tables),
        cmocka_unit_test(test_snapshot_steps),
        cmocka_unit_test_setup_teardown(test_open_fails, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_commit_fails, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_write_fails_during_run, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_write_fails_at_close, setup_dir, teardown_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
