/* test_graph.c: the field's graph of one snapshot (src/graph/field.c,
 * FORMATS.md graph.csv) on hand-built fields whose measures are worked out
 * in the comments, fed tie rows directly; and graph.csv of a real run
 * checked row by row against its ties.csv. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "graph/field.h"
#include "output/output.h"
#include "util/outfile.h"

/* Doubles compared in double precision (cmocka's float assert is float). */
#define assert_near(a, b)                                                        \
    do {                                                                         \
        double a_ = (a), b_ = (b);                                               \
        if (!(fabs(a_ - b_) <= 1e-12))                                           \
            fail_msg("%s = %.17g, expected %.17g", #a, a_, b_);                  \
    } while (0)

static samen_field *field(int n_orgs, const char *const *ids, int n_nets,
                          const char *const *nets)
{
    samen_error err;
    samen_error_clear(&err);
    samen_field *f = samen_field_new(n_orgs, ids, n_nets, nets, &err);
    if (!f)
        fail_msg("samen_field_new: %s", err.msg);
    return f;
}

static void add(samen_field *f, const char *net, const char *a, const char *b, double t)
{
    samen_error err;
    samen_error_clear(&err);
    if (samen_field_add(f, net, a, b, t, &err) != SAMEN_OK)
        fail_msg("samen_field_add %s %s-%s: %s", net, a, b, err.msg);
}

/* Compares a measured row with the one worked out by hand. */
static void expect(samen_field_stats got, samen_field_stats want)
{
    assert_int_equal(got.orgs, want.orgs);
    assert_int_equal(got.ties, want.ties);
    assert_near(got.density, want.density);
    assert_int_equal(got.components, want.components);
    assert_near(got.largest_component, want.largest_component);
    assert_near(got.transitivity, want.transitivity);
    assert_near(got.mean_degree, want.mean_degree);
    assert_near(got.degree_centralization, want.degree_centralization);
    assert_int_equal(got.bridging_orgs, want.bridging_orgs);
    assert_near(got.mean_trust, want.mean_trust);
}

static samen_field_stats measure(samen_field *f)
{
    samen_error err;
    samen_error_clear(&err);
    samen_field_stats st;
    assert_int_equal(samen_field_measure(f, &st, &err), SAMEN_OK);
    return st;
}

/* A triangle a-b-c with a pendant d on c, in one network.
 * density = 2*4 / (4*3) = 2/3; one component of all 4;
 * triangles 1, connected triples: a 1, b 1, c C(3,2) = 3, d 0 -> 5, so
 * transitivity = 3*1/5 = 0.6; mean degree 2*4/4 = 2; degrees 2,2,3,1, max
 * 3: Freeman (1+1+0+2) / (3*2) = 2/3; mean trust (0.2+0.4+0.6+0.8)/4 = 0.5. */
static void triangle_and_pendant(void **state)
{
    (void)state;
    static const char *const ids[] = {"a", "b", "c", "d"};
    static const char *const nets[] = {"n1"};
    samen_field *f = field(4, ids, 1, nets);
    add(f, "n1", "a", "b", 0.2);
    add(f, "n1", "b", "c", 0.4);
    add(f, "n1", "a", "c", 0.6);
    add(f, "n1", "c", "d", 0.8);
    expect(measure(f), (samen_field_stats){
        .orgs = 4, .ties = 4, .density = 2.0 / 3.0, .components = 1, .largest_component = 1,
        .transitivity = 0.6, .mean_degree = 2, .degree_centralization = 2.0 / 3.0,
        .bridging_orgs = 0, .mean_trust = 0.5});
    samen_field_free(f);
}

/* Six organisations: a-b, a triangle c-d-e, f alone. Three components, the
 * largest 3/6 = 0.5; the only triples are the triangle's 3, closed: 1;
 * density 8/30; mean degree 8/6; degrees 1,1,2,2,2,0, max 2: Freeman
 * (1+1+0+0+0+2) / (5*4) = 0.2. */
static void two_components(void **state)
{
    (void)state;
    static const char *const ids[] = {"a", "b", "c", "d", "e", "f"};
    static const char *const nets[] = {"x", "y"};
    samen_field *f = field(6, ids, 2, nets);
    add(f, "x", "a", "b", 0.1);
    add(f, "y", "c", "d", 0.3);
    add(f, "y", "d", "e", 0.5);
    add(f, "y", "c", "e", 0.7);
    expect(measure(f), (samen_field_stats){
        .orgs = 6, .ties = 4, .density = 8.0 / 30.0, .components = 3,
        .largest_component = 0.5, .transitivity = 1, .mean_degree = 8.0 / 6.0,
        .degree_centralization = 0.2, .bridging_orgs = 0, .mean_trust = 0.4});
    samen_field_free(f);
}

/* No tie rows: every organisation its own component (5, the largest 1/5),
 * and every other measure 0 (no triples: transitivity 0 by definition). */
static void empty_field(void **state)
{
    (void)state;
    static const char *const ids[] = {"a", "b", "c", "d", "e"};
    samen_field *f = field(5, ids, 0, NULL);
    expect(measure(f), (samen_field_stats){.orgs = 5, .components = 5,
                                           .largest_component = 0.2});
    samen_field_free(f);
}

/* Fields too small for the formulas' denominators: none, one, two (with
 * their tie: density 2/(2*1) = 1, centralization 0 as n < 3). */
static void tiny_fields(void **state)
{
    (void)state;
    samen_field *f = field(0, NULL, 0, NULL);
    expect(measure(f), (samen_field_stats){0});
    samen_field_free(f);

    static const char *const one[] = {"solo"};
    f = field(1, one, 0, NULL);
    expect(measure(f), (samen_field_stats){.orgs = 1, .components = 1, .largest_component = 1});
    samen_field_free(f);

    static const char *const two[] = {"p", "q"};
    static const char *const nets[] = {"n"};
    f = field(2, two, 1, nets);
    add(f, "n", "p", "q", 0.9);
    expect(measure(f), (samen_field_stats){
        .orgs = 2, .ties = 1, .density = 1, .components = 1, .largest_component = 1,
        .mean_degree = 1, .mean_trust = 0.9});
    samen_field_free(f);
}

/* A hub h in three networks: n1 h-x1 (0.3); n2 h-x2 (0.5) and h-x1 again
 * (0.9); n3 h-x3 (0.4). Three distinct pairs, a star; h-x1 counts once
 * with its largest trust: mean (0.9+0.5+0.4)/3 = 0.6. Bridging: h (n1, n2,
 * n3) and x1 (n1, n2): 2. The star's degrees 3,1,1,1: Freeman
 * (0+2+2+2)/(3*2) = 1; three triples at h, none closed: transitivity 0. */
static void one_org_in_three_networks(void **state)
{
    (void)state;
    static const char *const ids[] = {"h", "x1", "x2", "x3"};
    static const char *const nets[] = {"n1", "n2", "n3"};
    samen_field *f = field(4, ids, 3, nets);
    add(f, "n1", "h", "x1", 0.3);
    add(f, "n2", "h", "x2", 0.5);
    add(f, "n2", "h", "x1", 0.9);
    add(f, "n3", "h", "x3", 0.4);
    /* density 2*3/(4*3) = 0.5, mean degree 6/4 */
    expect(measure(f), (samen_field_stats){
        .orgs = 4, .ties = 3, .density = 0.5, .components = 1, .largest_component = 1,
        .transitivity = 0, .mean_degree = 1.5, .degree_centralization = 1,
        .bridging_orgs = 2, .mean_trust = 0.6});
    samen_field_free(f);
}

/* A measure forgets its rows: the next step starts empty; and a step of
 * more rows than the first buffer holds (the complete graph on 30, 435
 * pairs, each listed twice) gives density 1, transitivity 1, one
 * component and centralization 0 (all degrees equal). */
static void steps_and_growth(void **state)
{
    (void)state;
    enum { N = 30 };
    char names[N][16];
    const char *ids[N];
    for (int i = 0; i < N; i++) {
        snprintf(names[i], sizeof names[i], "o%02d", i);
        ids[i] = names[i];
    }
    static const char *const nets[] = {"n1", "n2"};
    samen_field *f = field(N, ids, 2, nets);
    /* one tie: 29 components, the largest 2 of 30; degrees 1, 1 and 28
     * zeros: Freeman 28 / (29*28) = 1/29 */
    add(f, "n1", "o00", "o01", 0.5);
    expect(measure(f), (samen_field_stats){
        .orgs = N, .ties = 1, .density = 2.0 / (N * (N - 1)), .components = N - 1,
        .largest_component = 2.0 / N, .mean_degree = 2.0 / N,
        .degree_centralization = 1.0 / (N - 1), .mean_trust = 0.5});
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < N; i++)
            for (int j = i + 1; j < N; j++)
                add(f, nets[k], ids[i], ids[j], k ? 0.25 : 0.75);
    expect(measure(f), (samen_field_stats){
        .orgs = N, .ties = N * (N - 1) / 2, .density = 1, .components = 1,
        .largest_component = 1, .transitivity = 1, .mean_degree = N - 1,
        .degree_centralization = 0, .bridging_orgs = N, .mean_trust = 0.75});
    expect(measure(f), (samen_field_stats){.orgs = N, .components = N,
                                           .largest_component = 1.0 / N});
    samen_field_free(f);
}

/* Rows the field cannot place are refused with the name at fault. */
static void bad_rows(void **state)
{
    (void)state;
    static const char *const ids[] = {"a", "b"};
    static const char *const nets[] = {"n"};
    samen_field *f = field(2, ids, 1, nets);
    samen_error err;
    assert_int_equal(samen_field_add(f, "m", "a", "b", 0.5, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "'m'"));
    assert_int_equal(samen_field_add(f, "n", "a", "zz", 0.5, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "'zz'"));
    assert_int_equal(samen_field_add(f, "n", "b", "b", 0.5, &err), SAMEN_EINPUT);
    samen_field_free(f);

    static const char *const twice[] = {"a", "b", "a"};
    samen_error_clear(&err);
    assert_null(samen_field_new(3, twice, 1, nets, &err));
    assert_int_equal(err.code, SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "'a' is given twice"));
    samen_field_free(NULL);
}

/* ---- graph.csv of a real run against its own ties.csv ---- */

#define MAX_ROWS 20000

typedef struct tie {
    int step;
    char net[32], a[32], b[32];
    double trust;
} tie;

/* ties.csv of dir (ids and network names here never need quoting). */
static tie *read_ties(const char *dir, int *n)
{
    char path[1024], line[256];
    snprintf(path, sizeof path, "%s/ties.csv", dir);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    tie *t = malloc(MAX_ROWS * sizeof *t);
    assert_non_null(t);
    *n = 0;
    assert_non_null(fgets(line, sizeof line, fp));
    while (fgets(line, sizeof line, fp) && *n < MAX_ROWS) {
        tie *r = &t[*n];
        assert_int_equal(sscanf(line, "%d,%31[^,],%31[^,],%31[^,],%lf", &r->step, r->net,
                                r->a, r->b, &r->trust), 5);
        (*n)++;
    }
    fclose(fp);
    return t;
}

static const char scenario_ini[] =
    "[simulation]\nsteps = 90\nseed = 3\nthemes = a, b\n"
    "[output]\ndetail = graph\nsnapshot_every = 7\n"
    "[organisations]\nfile = orgs.csv\n"
    "[network one]\ninitiator = o1\nissue = a:0.7, b:0.3\nconcreteness = 0.5\neffort = 6\n"
    "[network two]\ninitiator = o4\nissue = a:0.4, b:0.6\nconcreteness = 0.6\neffort = 6\n";

static const char scenario_orgs[] =
    "id,name,sector,capacity,mandate,latency,guard,patience,a,b\n"
    "o1,One,school,3,feedback,2,0.5,80,1,0.4\n"
    "o2,Two,childcare,3,decision,2,0.5,80,0.8,0.7\n"
    "o3,Three,sport,3,feedback,2,0.5,80,0.6,0.9\n"
    "o4,Four,culture,3,decision,2,0.5,80,0.7,1\n"
    "o5,Five,welfare,3,feedback,2,0.5,80,0.9,0.8\n"
    "o6,Six,youth,3,decision,2,0.5,80,0.5,0.6\n";

/* Every graph.csv row is the field of the ties.csv rows of its step, and
 * the rows are the multiples of snapshot_every and the last step. */
static void run_graph_matches_ties(void **state)
{
    (void)state;
    char out[] = "/tmp/samen-graph-XXXXXX", path[1024];
    assert_non_null(mkdtemp(out));
    samen_scenario *sc = fx_load(scenario_ini, scenario_orgs, NULL);
    samen_error err;
    samen_error_clear(&err);
    assert_int_equal(samen_run_to_dir(sc, out, NULL, &err), SAMEN_OK);

    int n;
    tie *t = read_ties(out, &n);
    assert_true(n > 0);
    snprintf(path, sizeof path, "%s/graph.csv", out);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    char line[512];
    assert_non_null(fgets(line, sizeof line, fp));
    assert_string_equal(line, "step,orgs,ties,density,components,largest_component,"
                              "transitivity,mean_degree,degree_centralization,"
                              "bridging_orgs,mean_trust\n");
    const char *ids[6] = {"o1", "o2", "o3", "o4", "o5", "o6"};
    const char *nets[2] = {"one", "two"};
    samen_field *f = field(6, ids, 2, nets);
    int rows = 0, want_step = 0;
    while (fgets(line, sizeof line, fp)) {
        int step = atoi(line);
        assert_int_equal(step, want_step);
        want_step = want_step + 7 < 89 ? want_step + 7 : 89;
        for (int i = 0; i < n; i++)
            if (t[i].step == step)
                add(f, t[i].net, t[i].a, t[i].b, t[i].trust);
        samen_field_stats st = measure(f);
        /* the row as the writer would print it; the trusts read back
         * from ties.csv have 6 digits, so mean_trust is compared to 1e-5 */
        char want[512], num[5][32];
        const double v[] = {st.density, st.largest_component, st.transitivity,
                            st.mean_degree, st.degree_centralization};
        for (int k = 0; k < 5; k++)
            samen_fmt_num(num[k], v[k]);
        snprintf(want, sizeof want, "%d,%ld,%ld,%s,%ld,%s,%s,%s,%s,%ld,", step, st.orgs,
                 st.ties, num[0], st.components, num[1], num[2], num[3], num[4],
                 st.bridging_orgs);
        char *last = strrchr(line, ',');
        assert_non_null(last);
        double mean_trust = atof(last + 1);
        last[1] = '\0';
        assert_string_equal(line, want);
        assert_close(mean_trust, st.mean_trust, 0, 1e-5);
        rows++;
    }
    /* 0, 7, ..., 84 and the last step 89 */
    assert_int_equal(rows, 14);
    fclose(fp);
    samen_field_free(f);
    free(t);
    samen_scenario_free(sc);
    assert_int_equal(samen_remove_folder(out), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(triangle_and_pendant),
        cmocka_unit_test(two_components),
        cmocka_unit_test(empty_field),
        cmocka_unit_test(tiny_fields),
        cmocka_unit_test(one_org_in_three_networks),
        cmocka_unit_test(steps_and_growth),
        cmocka_unit_test(bad_rows),
        cmocka_unit_test(run_graph_matches_ties),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
