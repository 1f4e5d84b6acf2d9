/* test_scenario.c: the scenario module: loading with exact values and
 * defaults, overrides, every error path of FORMATS.md "Scenario file"
 * (each its own test, checking code, file, line and key), describe, and
 * the run.ini round trip. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "samen/samen.h"
#include "scenario/scenario_tools.h"
#include "util/ini_reader.h"
#include "util/parse.h"

/* One temporary folder for the whole program; each test works in its own
 * subfolder of it. */
static char g_tmp[64];

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int group_setup(void **state)
{
    (void)state;
    strcpy(g_tmp, "/tmp/samen-test-scenario-XXXXXX");
    return mkdtemp(g_tmp) ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    return nftw(g_tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Makes (once) and returns the folder g_tmp/name. */
static const char *test_dir(const char *name, char *buf, size_t n)
{
    snprintf(buf, n, "%s/%s", g_tmp, name);
    mkdir(buf, 0700);
    return buf;
}

static void write_bytes(const char *dir, const char *name, const char *text, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    write_bytes(dir, name, text, strlen(text));
}

static char *read_all(const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    int c;
    while ((c = fgetc(fp)) != EOF)
        fputc(c, mem);
    fclose(mem);
    fclose(fp);
    return buf;
}

static char *print_text(const samen_scenario *sc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    assert_int_equal(samen_scenario_print(sc, mem), SAMEN_OK);
    fclose(mem);
    return buf;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && !strcmp(s + a - b, suffix);
}

/* ---- a small base scenario; appended text starts on line 12 ---- */

#define HEAD "[simulation]\nthemes = learning, care, sport\n\n" \
             "[organisations]\nfile = orgs.csv\n\n"
#define NET1 "[network net1]\ninitiator = a\nissue = learning:1\n" \
             "concreteness = 0.5\neffort = 4\n"
#define BASE HEAD NET1
#define TIES "[ties]\nfile = ties.csv\n"

#define ORG_HDR "id,name,sector,capacity,mandate,latency,guard,patience,learning,care,sport\n"
#define ORG_A "a,A,edu,2,decision,1,0.5,20,1,0,0\n"
#define ORG_B "b,B,care,1,feedback,2,0.3,10,0,1,0\n"
#define ORG_C "c,C,sport,1,feedback,2,0.3,10,0,0,1\n"
#define ORG_D "d,D,gov,5,decision,4,0.7,50,0.3,0.3,0.3\n"
#define ORGS ORG_HDR ORG_A ORG_B ORG_C ORG_D

#define X10 "xxxxxxxxxx"
#define X50 X10 X10 X10 X10 X10

/* Writes s.ini, orgs.csv (and ties.csv) into the folder of the test and
 * loads s.ini. */
static int load_in(const char *dir, const char *ini, const char *orgs, const char *ties,
                   const char *const *sets, int n_sets, samen_scenario **sc,
                   samen_error *err)
{
    char path[512];
    write_file(dir, "s.ini", ini);
    write_file(dir, "orgs.csv", orgs ? orgs : ORGS);
    if (ties)
        write_file(dir, "ties.csv", ties);
    snprintf(path, sizeof path, "%s/s.ini", dir);
    samen_error_clear(err);
    return samen_scenario_load(sc, path, sets, n_sets, err);
}

/* ---- error cases: one test each ---- */

typedef struct err_case {
    const char *ini, *orgs, *ties;
    const char *set1, *set2;
    const char *file;   /* suffix of err.file */
    int line;
    const char *key;    /* err.key exactly */
    const char *msg;    /* a part of err.msg */
} err_case;

static void run_case(void **state)
{
    const err_case *c = *state;
    char dir[256];
    snprintf(dir, sizeof dir, "%s/case-%p", g_tmp, (const void *)c);
    mkdir(dir, 0700);
    const char *sets[2] = {c->set1, c->set2};
    int n = c->set2 ? 2 : c->set1 ? 1 : 0;
    samen_scenario *sc = (samen_scenario *)1;
    samen_error err;
    int rc = load_in(dir, c->ini ? c->ini : BASE, c->orgs, c->ties, sets, n, &sc, &err);
    if (rc != SAMEN_EINPUT || sc != NULL || err.line != c->line ||
        strcmp(err.key, c->key) || !ends_with(err.file, c->file) ||
        !strstr(err.msg, c->msg)) {
        print_error("got rc %d, file '%s', line %d, key '%s', msg '%s'\n"
                    "wanted file *'%s', line %d, key '%s', msg with '%s'\n",
                    rc, err.file, err.line, err.key, err.msg, c->file, c->line, c->key,
                    c->msg);
        samen_scenario_free(sc == (samen_scenario *)1 ? NULL : sc);
        fail();
    }
}

#define ERR(n, ...)                                                           \
    {"error_" #n, run_case, NULL, NULL, (void *)&(const err_case){__VA_ARGS__}}

static const struct CMUnitTest error_tests[] = {
    /* the INI file */
    ERR(unknown_section, .ini = BASE "[modle]\njoin_rate = 0.3\n", .file = "s.ini",
        .line = 12, .key = "", .msg = "did you mean [model]"),
    ERR(network_without_name, .ini = BASE "[network]\n", .file = "s.ini", .line = 12,
        .key = "", .msg = "[network NAME]"),
    ERR(bad_network_name, .ini = BASE "[network a.b]\n", .file = "s.ini", .line = 12,
        .key = "", .msg = "'a.b' is not allowed"),
    ERR(header_without_bracket, .ini = BASE "[model\n", .file = "s.ini", .line = 12,
        .key = "", .msg = "without ']'"),
    ERR(text_after_header, .ini = BASE "[model] x\n", .file = "s.ini", .line = 12,
        .key = "", .msg = "after ']'"),
    ERR(inline_comment_without_space, .ini = BASE "[model]\nrecruit_steps = 26; weeks\n",
        .file = "s.ini", .line = 13, .key = "model.recruit_steps",
        .msg = "an inline comment needs white space before its ';': 26 ; weeks"),
    ERR(unknown_key_hint, .ini = BASE "[model]\njoin_rat = 0.3\n", .file = "s.ini",
        .line = 13, .key = "model.join_rat", .msg = "did you mean 'join_rate'"),
    ERR(key_case_sensitive, .ini = BASE "[trust]\nGain = 0.3\n", .file = "s.ini",
        .line = 13, .key = "trust.Gain", .msg = "did you mean 'gain'"),
    ERR(unknown_network_key, .ini = BASE "horizn = 3\n", .file = "s.ini", .line = 12,
        .key = "network.net1.horizn", .msg = "did you mean 'horizon'"),
    ERR(duplicate_key, .ini = BASE "[trust]\ngain = 0.3\ndecay = 0.1\ngain = 0.4\n",
        .file = "s.ini", .line = 15, .key = "trust.gain", .msg = "first on line 13"),
    ERR(indented_key, .ini = "[simulation]\nthemes = learning, care, sport\n  seed = 3\n"
        "[organisations]\nfile = orgs.csv\n" NET1, .file = "s.ini", .line = 3, .key = "",
        .msg = "indented"),
    ERR(indented_section, .ini = "[simulation]\nthemes = learning, care, sport\n"
        "  [organisations]\nfile = orgs.csv\n" NET1, .file = "s.ini", .line = 3, .key = "",
        .msg = "indented"),
    ERR(sweep_file_as_scenario, .ini = "[sweep]\nscenario = x.ini\n", .file = "s.ini",
        .line = 1, .key = "", .msg = "samen sweep"),
    ERR(organisations_file_missing, .ini = "[simulation]\nthemes = learning, care, sport\n\n"
        "[organisations]\nfile = nope.csv\n\n" NET1, .file = "s.ini", .line = 5,
        .key = "organisations.file", .msg = "nope.csv': No such file"),
    ERR(ties_file_missing, .ini = BASE "[ties]\nfile = sub/nope.csv\n", .file = "s.ini",
        .line = 13, .key = "ties.file", .msg = "sub/nope.csv': No such file"),
    ERR(duplicate_section, .ini = BASE "[trust]\ngain = 0.3\n[trust]\ndecay = 0.1\n",
        .file = "s.ini", .line = 14, .key = "", .msg = "first on line 12"),
    ERR(duplicate_network, .ini = BASE NET1, .file = "s.ini", .line = 12, .key = "",
        .msg = "[network net1] given twice (first on line 7)"),
    ERR(key_before_section, .ini = "steps = 3\n" BASE, .file = "s.ini", .line = 1,
        .key = "steps", .msg = "before any [section]"),
    ERR(not_key_value, .ini = BASE "[model]\njust words\n", .file = "s.ini", .line = 13,
        .key = "", .msg = "key = value"),
    ERR(colon_separator, .ini = BASE "[trust]\ngain: 0.3\n", .file = "s.ini", .line = 13,
        .key = "", .msg = "'=', not ':', separates"),
    ERR(key_name_missing, .ini = BASE "[trust]\n = 0.3\n", .file = "s.ini", .line = 13,
        .key = "", .msg = "key name is missing"),
    ERR(stray_cr, .ini = BASE "[trust]\ngain = 0.3\rdecay = 0.1\n", .file = "s.ini",
        .line = 13, .key = "", .msg = "carriage return"),
    ERR(empty_file, .ini = "", .file = "s.ini", .line = 0, .key = "", .msg = "empty"),
    ERR(comments_only, .ini = "; nothing\n\n# here\n", .file = "s.ini", .line = 0,
        .key = "", .msg = "empty"),
    ERR(control_bytes, .ini = BASE "[model]\x01\x02\n", .file = "s.ini", .line = 12,
        .key = "", .msg = "not a text file"),
    ERR(not_utf8, .ini = "[simulation]\nthemes = caf\xe9\n", .file = "s.ini", .line = 2,
        .key = "", .msg = "UTF-8"),

    /* values */
    ERR(bad_number, .ini = BASE "[trust]\ngain = 0.3x\n", .file = "s.ini", .line = 13,
        .key = "trust.gain", .msg = "'0.3x' is not a number"),
    ERR(nan_number, .ini = BASE "[trust]\ngain = nan\n", .file = "s.ini", .line = 13,
        .key = "trust.gain", .msg = "not a number"),
    ERR(inf_number, .ini = BASE "[trust]\ngain = 1e999\n", .file = "s.ini", .line = 13,
        .key = "trust.gain", .msg = "too large"),
    ERR(empty_number, .ini = BASE "[trust]\ngain =\n", .file = "s.ini", .line = 13,
        .key = "trust.gain", .msg = "empty value"),
    ERR(out_of_range, .ini = BASE "[model]\ntrust0 = 1.5\n", .file = "s.ini", .line = 13,
        .key = "model.trust0", .msg = "allowed: [0, 1]"),
    ERR(negative_rate, .ini = BASE "[trust]\ndecay = -0.1\n", .file = "s.ini",
        .line = 13, .key = "trust.decay", .msg = "allowed: >= 0"),
    ERR(zero_tenure, .ini = BASE "[persons]\ntenure = 0\n", .file = "s.ini", .line = 13,
        .key = "persons.tenure", .msg = "allowed: > 0"),
    ERR(not_whole, .ini = BASE "[model]\nmax_members = 10.5\n", .file = "s.ini",
        .line = 13, .key = "model.max_members", .msg = "not a whole number"),
    ERR(zero_steps, .ini = BASE "[goal]\nmax_steps = 0\n", .file = "s.ini", .line = 13,
        .key = "goal.max_steps", .msg = "whole, 1 to"),
    ERR(negative_start, .ini = BASE "start = -1\n", .file = "s.ini", .line = 12,
        .key = "network.net1.start", .msg = "out of range"),
    ERR(seed_zero, .set1 = "simulation.seed=0", .file = "--set", .line = 0,
        .key = "simulation.seed", .msg = "1 to 4294967295"),
    ERR(seed_too_large, .set1 = "simulation.seed=4294967296", .file = "--set",
        .line = 0, .key = "simulation.seed", .msg = "out of range"),
    ERR(bad_beta, .ini = BASE "[persons]\nself_interest = beta(0, 5)\n", .file = "s.ini",
        .line = 13, .key = "persons.self_interest", .msg = "beta(a,b) needs a > 0"),
    ERR(unknown_distribution, .ini = BASE "[persons]\nuncertainty = gamma(1, 2)\n",
        .file = "s.ini", .line = 13, .key = "persons.uncertainty",
        .msg = "not a distribution"),
    ERR(bad_uniform, .ini = BASE "[persons]\nuncertainty = uniform(0.6, 0.2)\n",
        .file = "s.ini", .line = 13, .key = "persons.uncertainty", .msg = "a <= b"),
    ERR(bad_normal, .ini = BASE "[persons]\nuncertainty = normal(0.5, -1)\n",
        .file = "s.ini", .line = 13, .key = "persons.uncertainty", .msg = "sd >= 0"),
    ERR(dist_one_argument, .ini = BASE "[persons]\nuncertainty = beta(2)\n",
        .file = "s.ini", .line = 13, .key = "persons.uncertainty",
        .msg = "two arguments"),
    ERR(dist_number_range, .ini = BASE "[persons]\nuncertainty = 1.5\n", .file = "s.ini",
        .line = 13, .key = "persons.uncertainty", .msg = "out of range"),
    ERR(bad_detail, .ini = BASE "[output]\ndetail = orgs, people\n", .file = "s.ini",
        .line = 13, .key = "output.detail", .msg = "'people' is not a detail"),
    ERR(bad_type, .ini = BASE "type = fusie\n", .file = "s.ini", .line = 12,
        .key = "network.net1.type", .msg = "overleg, adhoc or network"),
    ERR(form_order, .set1 = "form.adhoc_at=0.6", .file = "--set", .line = 0,
        .key = "form.adhoc_at", .msg = "below form.network_at"),
    ERR(form_merger_order, .ini = BASE "[form]\nmerger_at = 0.4\n", .file = "s.ini",
        .line = 13, .key = "form.merger_at", .msg = "at least form.network_at"),
    ERR(themes_missing, .ini = "[organisations]\nfile = orgs.csv\n" NET1, .file = "s.ini",
        .line = 0, .key = "simulation.themes", .msg = "required key missing"),
    ERR(too_many_themes,
        .ini = "[simulation]\nthemes = a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\n",
        .file = "s.ini", .line = 2, .key = "simulation.themes", .msg = "17 themes"),
    ERR(theme_twice, .ini = "[simulation]\nthemes = a, b, a\n", .file = "s.ini",
        .line = 2, .key = "simulation.themes", .msg = "'a' given twice"),
    ERR(theme_with_colon, .ini = "[simulation]\nthemes = a, b:c\n", .file = "s.ini",
        .line = 2, .key = "simulation.themes", .msg = "'b:c' is not allowed"),
    ERR(theme_is_column, .ini = "[simulation]\nthemes = a, guard\n", .file = "s.ini",
        .line = 2, .key = "simulation.themes", .msg = "column"),
    ERR(empty_list_item, .ini = "[simulation]\nthemes = a, , b\n", .file = "s.ini",
        .line = 2, .key = "simulation.themes", .msg = "empty item"),
    ERR(organisations_missing, .ini = "[simulation]\nthemes = a\n", .file = "s.ini",
        .line = 0, .key = "organisations.file", .msg = "required key missing"),
    ERR(duplicate_ties_section, .ini = BASE TIES "[ties]\n", .file = "s.ini", .line = 14,
        .key = "", .msg = "[ties] given twice"),
    ERR(ties_section_empty, .ini = BASE "[ties]\n", .file = "s.ini", .line = 12,
        .key = "ties.file", .msg = "needs file"),

    /* networks */
    ERR(no_network, .ini = HEAD, .file = "s.ini", .line = 0, .key = "",
        .msg = "no [network NAME] section and no founding"),
    /* model version 3's [field] keys (MODEL.md 4.13-4.15) */
    ERR(field_shares_over_one, .ini = BASE "[field]\nshare_overleg = 0.7\nshare_adhoc = 0.4\n",
        .file = "s.ini", .line = 14, .key = "field.share_adhoc", .msg = "must be at most 1"),
    ERR(field_bad_reach, .ini = BASE "[field]\nreach = town\n", .file = "s.ini", .line = 13,
        .key = "field.reach", .msg = "allowed: area or all"),
    ERR(field_negative_rate, .ini = BASE "[field]\nfound_rate = -1\n", .file = "s.ini",
        .line = 13, .key = "field.found_rate", .msg = "out of range"),
    ERR(field_effort_zero, .ini = BASE "[field]\neffort = uniform(0, 3)\n", .file = "s.ini",
        .line = 13, .key = "field.effort", .msg = "needs 0 < a <= b"),
    ERR(field_effort_normal, .ini = BASE "[field]\neffort = normal(2, 1)\n", .file = "s.ini",
        .line = 13, .key = "field.effort", .msg = "not allowed here"),
    ERR(field_merger_org_two, .ini = BASE "[field]\nmerger_org = 2\n", .file = "s.ini",
        .line = 13, .key = "field.merger_org", .msg = "out of range"),
    ERR(field_fractional_count, .ini = BASE "[field]\ncandidates = 2.5\n", .file = "s.ini",
        .line = 13, .key = "field.candidates", .msg = "whole"),
    ERR(theme_named_area, .ini = "[simulation]\nthemes = learning, area\n", .file = "s.ini",
        .line = 2, .key = "simulation.themes", .msg = "is a column of the organisations"),
    ERR(empty_area, .orgs = "id,name,sector,capacity,mandate,latency,guard,patience,area,"
        "learning,care,sport\na,A,edu,2,decision,1,0.5,20,x,1,0,0\n"
        "b,B,care,1,feedback,2,0.3,10,,0,1,0\n",
        .file = "orgs.csv", .line = 3, .key = "area", .msg = "empty area of 'b'"),
    ERR(required_missing,
        .ini = HEAD "[network net1]\ninitiator = a\nissue = learning:1\neffort = 4\n",
        .file = "s.ini", .line = 7, .key = "network.net1.concreteness",
        .msg = "required key missing"),
    ERR(unknown_theme,
        .ini = HEAD "[network net1]\ninitiator = a\nissue = learnin:1\n"
                    "concreteness = 0.5\neffort = 4\n",
        .file = "s.ini", .line = 9, .key = "network.net1.issue",
        .msg = "unknown theme 'learnin'"),
    ERR(issue_theme_twice,
        .ini = HEAD "[network net1]\ninitiator = a\nissue = care:0.5, care:0.2\n"
                    "concreteness = 0.5\neffort = 4\n",
        .file = "s.ini", .line = 9, .key = "network.net1.issue", .msg = "given twice"),
    ERR(issue_all_zero,
        .ini = HEAD "[network net1]\ninitiator = a\nissue = care:0, sport:0\n"
                    "concreteness = 0.5\neffort = 4\n",
        .file = "s.ini", .line = 9, .key = "network.net1.issue", .msg = "every weight is 0"),
    ERR(issue_weight_range,
        .ini = HEAD "[network net1]\ninitiator = a\nissue = care:1.5\n"
                    "concreteness = 0.5\neffort = 4\n",
        .file = "s.ini", .line = 9, .key = "network.net1.issue", .msg = "[0, 1]"),
    ERR(issue_no_colon,
        .ini = HEAD "[network net1]\ninitiator = a\nissue = care\n"
                    "concreteness = 0.5\neffort = 4\n",
        .file = "s.ini", .line = 9, .key = "network.net1.issue", .msg = "theme:weight"),
    ERR(unknown_initiator,
        .ini = HEAD "[network net1]\ninitiator = zz\nissue = learning:1\n"
                    "concreteness = 0.5\neffort = 4\n",
        .file = "s.ini", .line = 8, .key = "network.net1.initiator",
        .msg = "unknown organisation 'zz'"),
    ERR(unknown_necessary, .ini = BASE "necessary = b, zz\n", .file = "s.ini", .line = 12,
        .key = "network.net1.necessary", .msg = "unknown organisation 'zz'"),
    ERR(id_listed_twice, .ini = BASE "framing = d, d\n", .file = "s.ini", .line = 12,
        .key = "network.net1.framing", .msg = "listed twice"),
    /* the first fault of a list is the one reported */
    ERR(repeat_before_unknown, .ini = BASE "candidates = c, b, c, zz\n", .file = "s.ini",
        .line = 12, .key = "network.net1.candidates", .msg = "'c' listed twice"),
    ERR(unknown_before_repeat, .ini = BASE "candidates = c, zz, b, c\n", .file = "s.ini",
        .line = 12, .key = "network.net1.candidates", .msg = "unknown organisation 'zz'"),
    ERR(necessary_and_framing, .ini = BASE "necessary = b\nframing = c, b\n",
        .file = "s.ini", .line = 13, .key = "network.net1.framing",
        .msg = "both necessary and framing"),
    ERR(framing_initiator, .ini = BASE "framing = a\n", .file = "s.ini", .line = 8,
        .key = "network.net1.initiator", .msg = "is a framing actor"),
    ERR(framing_candidate, .ini = BASE "framing = d\ncandidates = b, d\n", .file = "s.ini",
        .line = 13, .key = "network.net1.candidates", .msg = "'d' is listed as a candidate"),
    ERR(star_in_list, .ini = BASE "candidates = b, *\n", .file = "s.ini", .line = 12,
        .key = "network.net1.candidates", .msg = "'*' must stand alone"),
    ERR(zero_effort, .ini = BASE "[network net2]\ninitiator = b\nissue = care:1\n"
                                 "concreteness = 0.5\neffort = 0\n",
        .file = "s.ini", .line = 16, .key = "network.net2.effort", .msg = "> 0"),

    /* the organisations file */
    ERR(duplicate_org_id, .orgs = ORG_HDR ORG_A ORG_B ORG_A ORG_C ORG_D, .file = "orgs.csv",
        .line = 4, .key = "id", .msg = "'a' given twice"),
    /* a repeated id is reported at its line, before faults further down */
    ERR(duplicate_org_id_first, .orgs = ORG_HDR ORG_A ORG_B ORG_C ORG_B
        "e,E,edu,0,decision,1,0.5,20,1,0,0\n", .file = "orgs.csv", .line = 5, .key = "id",
        .msg = "'b' given twice"),
    ERR(bad_org_id, .orgs = ORG_HDR ORG_A "b c,B,care,1,feedback,2,0.3,10,0,1,0\n",
        .file = "orgs.csv", .line = 3, .key = "id", .msg = "'b c' is not allowed"),
    ERR(missing_column,
        .orgs = "id,name,sector,capacity,mandate,latency,patience,learning,care,sport\n"
                "a,A,edu,2,decision,1,20,1,0,0\n",
        .file = "orgs.csv", .line = 1, .key = "guard", .msg = "missing column 'guard'"),
    ERR(missing_theme_column,
        .orgs = "id,name,sector,capacity,mandate,latency,guard,patience,learning,care\n"
                "a,A,edu,2,decision,1,0.5,20,1,0\n",
        .file = "orgs.csv", .line = 1, .key = "sport", .msg = "missing column 'sport'"),
    ERR(unknown_column,
        .orgs = "id,name,sector,capacity,mandate,latency,guard,patience,learning,care,"
                "sport,colour\na,A,edu,2,decision,1,0.5,20,1,0,0,red\n",
        .file = "orgs.csv", .line = 1, .key = "colour", .msg = "unknown column 'colour'"),
    ERR(duplicate_column,
        .orgs = "id,name,sector,capacity,mandate,latency,guard,patience,learning,care,"
                "sport,care\na,A,edu,2,decision,1,0.5,20,1,0,0,0\n",
        .file = "orgs.csv", .line = 1, .key = "care", .msg = "given twice"),
    ERR(wrong_field_count, .orgs = ORG_HDR ORG_A "b,B,care,1,feedback,2,0.3,10,0,1,0,7\n",
        .file = "orgs.csv", .line = 3, .key = "", .msg = "12 fields on this line"),
    ERR(unquoted_comma, .orgs = ORG_HDR ORG_A "b,B, the best,care,1,feedback,2,0.3,10,0,1,0\n",
        .file = "orgs.csv", .line = 3, .key = "", .msg = "double quotes"),
    ERR(broken_quoting, .orgs = ORG_HDR ORG_A "b,\"B\"x,care,1,feedback,2,0.3,10,0,1,0\n"
                                ORG_C,
        .file = "orgs.csv", .line = 3, .key = "", .msg = "broken CSV quoting"),
    ERR(quote_in_unquoted, .orgs = ORG_HDR "a,A \"x\",edu,2,decision,1,0.5,20,1,0,0\n",
        .file = "orgs.csv", .line = 2, .key = "", .msg = "broken CSV quoting"),
    ERR(unclosed_quote, .orgs = ORG_HDR ORG_A "b,\"B,care,1,feedback,2,0.3,10,0,1,0\n",
        .file = "orgs.csv", .line = 3, .key = "", .msg = "not closed"),
    ERR(bad_capacity, .orgs = ORG_HDR "a,A,edu,0,decision,1,0.5,20,1,0,0\n",
        .file = "orgs.csv", .line = 2, .key = "capacity", .msg = "allowed: > 0"),
    ERR(bad_mandate, .orgs = ORG_HDR "a,A,edu,2,maybe,1,0.5,20,1,0,0\n", .file = "orgs.csv",
        .line = 2, .key = "mandate", .msg = "feedback or decision"),
    ERR(bad_latency, .orgs = ORG_HDR "a,A,edu,2,decision,0.5,0.5,20,1,0,0\n",
        .file = "orgs.csv", .line = 2, .key = "latency", .msg = ">= 1"),
    ERR(bad_guard, .orgs = ORG_HDR "a,A,edu,2,decision,1,1.5,20,1,0,0\n",
        .file = "orgs.csv", .line = 2, .key = "guard", .msg = "[0, 1]"),
    ERR(bad_patience, .orgs = ORG_HDR "a,A,edu,2,decision,1,0.5,-2,1,0,0\n",
        .file = "orgs.csv", .line = 2, .key = "patience", .msg = "> 0"),
    ERR(bad_mission, .orgs = ORG_HDR "a,A,edu,2,decision,1,0.5,20,1,x,0\n",
        .file = "orgs.csv", .line = 2, .key = "care", .msg = "'x' is not a number"),
    ERR(mission_all_zero, .orgs = ORG_HDR ORG_A "b,B,care,1,feedback,2,0.3,10,0,0,0\n",
        .file = "orgs.csv", .line = 3, .key = "mission", .msg = "every mission value"),
    ERR(orgs_empty, .orgs = "", .file = "orgs.csv", .line = 0, .key = "", .msg = "empty"),
    ERR(orgs_header_only, .orgs = ORG_HDR, .file = "orgs.csv", .line = 0, .key = "",
        .msg = "no organisations"),
    ERR(duplicate_organisations_section, .ini = HEAD "[organisations]\n" NET1, .file = "s.ini",
        .line = 7, .key = "", .msg = "[organisations] given twice"),
    ERR(orgs_file_absent, .set1 = "organisations.file=nothere.csv", .file = "--set",
        .line = 0, .key = "organisations.file", .msg = "nothere.csv': No such file"),
    ERR(orgs_binary, .orgs = ORG_HDR "a,A\x01,edu,2,decision,1,0.5,20,1,0,0\n",
        .file = "orgs.csv", .line = 2, .key = "", .msg = "not a text file"),
    /* saved by Excel in a Dutch or Belgian locale, or as tab-separated */
    ERR(orgs_semicolons,
        .orgs = "id;name;sector;capacity;mandate;latency;guard;patience;learning;care;sport\n"
                "a;A;edu;2;decision;1;0,5;20;1;0;0\n",
        .file = "orgs.csv", .line = 1, .key = "", .msg = "separated by semicolons"),
    ERR(orgs_semicolons_save, .orgs = "id;name;sector;capacity\n", .file = "orgs.csv",
        .line = 1, .key = "", .msg = "save it as 'CSV UTF-8 (Comma delimited)'"),
    ERR(orgs_tabs,
        .orgs = "id\tname\tsector\tcapacity\tmandate\tlatency\tguard\tpatience\tlearning"
                "\tcare\tsport\na\tA\tedu\t2\tdecision\t1\t0.5\t20\t1\t0\t0\n",
        .file = "orgs.csv", .line = 1, .key = "", .msg = "separated by tabs"),
    ERR(orgs_decimal_commas, .orgs = ORG_HDR "a,A,edu,2,decision,1,0,5,20,1,0,3,0\n",
        .file = "orgs.csv", .line = 2, .key = "",
        .msg = "written with decimal commas ('0,5' for 0.5)"),
    ERR(orgs_decimal_comma_one, .orgs = ORG_HDR "a,A,edu,2,decision,1,0,5,20,1,0,0\n",
        .file = "orgs.csv", .line = 2, .key = "", .msg = "if '0,5' is one number"),
    ERR(orgs_decimal_comma_quoted, .orgs = ORG_HDR "a,A,edu,2,decision,1,\"0,5\",20,1,0,0\n",
        .file = "orgs.csv", .line = 2, .key = "guard",
        .msg = "decimal comma; write a decimal point (0.5)"),
    ERR(ties_semicolons, .ini = BASE TIES, .ties = "org_a;org_b;trust\na;b;0,5\n",
        .file = "ties.csv", .line = 1, .key = "", .msg = "separated by semicolons"),

    /* the ties file */
    ERR(tie_unknown_id, .ini = BASE TIES, .ties = "org_a,org_b,trust\na,zz,0.5\n",
        .file = "ties.csv", .line = 2, .key = "org_b", .msg = "unknown organisation 'zz'"),
    ERR(tie_self, .ini = BASE TIES, .ties = "org_a,org_b,trust\na,b,0.5\nc,c,0.5\n",
        .file = "ties.csv", .line = 3, .key = "org_b", .msg = "with itself"),
    ERR(tie_duplicate_pair, .ini = BASE TIES,
        .ties = "org_a,org_b,trust\na,b,0.5\nc,d,0.1\nb,a,0.4\n", .file = "ties.csv",
        .line = 4, .key = "org_b", .msg = "first on line 2"),
    ERR(tie_trust_range, .ini = BASE TIES, .ties = "org_a,org_b,trust\na,b,1.2\n",
        .file = "ties.csv", .line = 2, .key = "trust", .msg = "[0, 1]"),
    ERR(tie_missing_column, .ini = BASE TIES, .ties = "org_a,org_b\na,b\n",
        .file = "ties.csv", .line = 1, .key = "trust", .msg = "missing column"),
    ERR(tie_unknown_column, .ini = BASE TIES, .ties = "org_a,org_b,trust,since\na,b,1,2\n",
        .file = "ties.csv", .line = 1, .key = "since", .msg = "unknown column"),
    ERR(ties_empty, .ini = BASE TIES, .ties = "", .file = "ties.csv", .line = 0,
        .key = "", .msg = "empty"),

    /* overrides */
    ERR(override_bad_value, .set1 = "trust.gain=abc", .file = "--set", .line = 0,
        .key = "trust.gain", .msg = "'abc' is not a number"),
    ERR(override_unknown_key, .set1 = "trust.gian=0.3", .file = "--set", .line = 0,
        .key = "trust.gian", .msg = "did you mean 'trust.gain'"),
    ERR(override_unknown_section, .set1 = "trst.gain=0.3", .file = "--set", .line = 0,
        .key = "trst.gain", .msg = "did you mean 'trust.gain'"),
    ERR(override_unknown_network, .set1 = "network.nope.concreteness=0.5", .file = "--set",
        .line = 0, .key = "network.nope.concreteness", .msg = "no [network nope]"),
    ERR(override_network_name_hint, .set1 = "network.nett1.concreteness=0.5",
        .file = "--set", .line = 0, .key = "network.nett1.concreteness",
        .msg = "(did you mean 'net1'?)"),
    ERR(override_network_and_key_hint, .set1 = "network.nett1.x=0.5", .file = "--set",
        .line = 0, .key = "network.nett1.x", .msg = "did you mean 'network.net1."),
    ERR(override_network_key_hint, .set1 = "network.net1.concretness=0.5",
        .file = "--set", .line = 0, .key = "network.net1.concretness",
        .msg = "network.net1.concreteness"),
    ERR(override_not_kv, .set1 = "trust.gain", .file = "--set", .line = 0, .key = "",
        .msg = "not KEY=VALUE"),
    ERR(override_last_wins_bad, .set1 = "trust.gain=0.5", .set2 = "trust.gain=2e",
        .file = "--set", .line = 0, .key = "trust.gain", .msg = "'2e' is not a number"),
    ERR(override_org_ref, .set1 = "network.net1.initiator=zz", .file = "--set", .line = 0,
        .key = "network.net1.initiator", .msg = "unknown organisation 'zz'"),
    /* an organisation's attribute, org.ID.COLUMN */
    ERR(org_unknown_id, .set1 = "org.bb.capacity=2", .file = "--set", .line = 0,
        .key = "org.bb.capacity", .msg = "no organisation 'bb' in"),
    ERR(org_unknown_id_hint, .set1 = "org.bb.capacity=2", .file = "--set", .line = 0,
        .key = "org.bb.capacity", .msg = "did you mean 'b'?"),
    ERR(org_unknown_column, .set1 = "org.b.capacty=2", .file = "--set", .line = 0,
        .key = "org.b.capacty", .msg = "did you mean 'capacity'?"),
    ERR(org_id_column, .set1 = "org.b.id=x", .file = "--set", .line = 0,
        .key = "org.b.id", .msg = "cannot be overridden"),
    ERR(org_range, .set1 = "org.b.capacity=0", .file = "--set", .line = 0,
        .key = "org.b.capacity", .msg = "out of range; allowed: > 0"),
    ERR(org_theme_range, .set1 = "org.b.care=1.5", .file = "--set", .line = 0,
        .key = "org.b.care", .msg = "allowed: [0, 1]"),
    ERR(org_mandate, .set1 = "org.a.mandate=veto", .file = "--set", .line = 0,
        .key = "org.a.mandate", .msg = "feedback or decision"),
    ERR(org_mission_zero, .set1 = "org.b.care=0", .file = "orgs.csv", .line = 3,
        .key = "mission", .msg = "every mission value of 'b' is 0"),
};

/* ---- files that a string literal cannot hold, missing files ---- */

static void test_binary_nul(void **state)
{
    (void)state;
    char dir[256], path[512];
    test_dir("nul", dir, sizeof dir);
    write_bytes(dir, "s.ini", "[simulation]\nthemes = a\0b\n", 26);
    snprintf(path, sizeof path, "%s/s.ini", dir);
    samen_scenario *sc;
    samen_error err;
    assert_int_equal(samen_scenario_load(&sc, path, NULL, 0, &err), SAMEN_EINPUT);
    assert_null(sc);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "NUL"));
}

static void test_missing_file(void **state)
{
    (void)state;
    samen_scenario *sc;
    samen_error err;
    assert_int_equal(samen_scenario_load(&sc, "/nonexistent/x.ini", NULL, 0, &err),
                     SAMEN_EINPUT);
    assert_null(sc);
    assert_string_equal(err.file, "/nonexistent/x.ini");
    assert_non_null(strstr(err.msg, "cannot open"));
}

static void test_free_null(void **state)
{
    (void)state;
    samen_scenario_free(NULL);
}

/* ---- loading valid scenarios ---- */

static const char *data_dir(char *buf, size_t n)
{
    /* __FILE__ is tests/test_scenario.c relative to the repository root,
     * where the tests run. */
    snprintf(buf, n, "%s", __FILE__);
    char *slash = strrchr(buf, '/');
    if (slash)
        snprintf(slash, n - (size_t)(slash - buf), "/data/scenario");
    else
        snprintf(buf, n, "data/scenario");
    return buf;
}

static samen_scenario *load_mini(const char *const *sets, int n)
{
    char dir[512], path[600];
    snprintf(path, sizeof path, "%s/mini.ini", data_dir(dir, sizeof dir));
    samen_scenario *sc;
    samen_error err;
    int rc = samen_scenario_load(&sc, path, sets, n, &err);
    if (rc)
        samen_error_print(&err, stderr);
    assert_int_equal(rc, SAMEN_OK);
    return sc;
}

static void test_full_scenario(void **state)
{
    (void)state;
    samen_scenario *sc = load_mini(NULL, 0);
    assert_string_equal(sc->name, "mini");
    assert_true(ends_with(sc->orgs_path, "data/scenario/mini.orgs.csv"));
    assert_true(ends_with(sc->ties_path, "data/scenario/mini.ties.csv"));
    assert_int_equal(sc->steps, 104);
    assert_int_equal(sc->seed, 42);
    assert_int_equal(sc->n_themes, 4);
    assert_string_equal(sc->themes[0], "learning");
    assert_string_equal(sc->themes[3], "welfare"); /* from a continuation line */
    assert_int_equal(sc->detail, SAMEN_DETAIL_ORGS | SAMEN_DETAIL_PERSONS);
    assert_int_equal(sc->snapshot_every, 4);
    assert_close(sc->p.model.join_rate, 0.25, 0, 0);
    assert_int_equal(sc->p.model.max_members, 12);
    assert_close(sc->p.trust.gain, 0.35, 0, 0);
    assert_int_equal(sc->p.persons.self_interest.kind, SAMEN_DIST_BETA);
    assert_true(sc->p.persons.self_interest.a == 2 && sc->p.persons.self_interest.b == 5);
    assert_int_equal(sc->p.persons.uncertainty.kind, SAMEN_DIST_UNIFORM);
    assert_close(sc->p.persons.uncertainty.a, 0, 0, 0);
    assert_close(sc->p.persons.uncertainty.b, 0.5, 0, 0);
    assert_close(sc->p.persons.tenure, 120.5, 0, 0);
    assert_int_equal(sc->p.form.merger_steps, 20);

    assert_int_equal(sc->n_orgs, 5);
    assert_string_equal(sc->orgs[0].id, "school-1");
    assert_string_equal(sc->orgs[0].name, "Basisschool De Bron, Molenbeek");
    assert_string_equal(sc->orgs[1].name, "IBO \"De Speelvogel\"");
    assert_string_equal(sc->orgs[3].sector, "youth work");
    assert_true(sc->orgs[0].capacity == 3);
    assert_int_equal(sc->orgs[0].mandate, SAMEN_DECISION);
    assert_int_equal(sc->orgs[1].mandate, SAMEN_FEEDBACK);
    assert_close(sc->orgs[2].latency, 1.5, 0, 0);
    assert_close(sc->orgs[4].guard, 0.7, 0, 0);
    assert_true(sc->orgs[3].patience == 20);
    /* mission in theme order: learning, childcare, leisure, welfare */
    assert_close(sc->orgs[3].mission[0], 0.1, 0, 0);
    assert_close(sc->orgs[3].mission[1], 0, 0, 0);
    assert_close(sc->orgs[3].mission[2], 0.8, 0, 0);
    assert_close(sc->orgs[3].mission[3], 0.3, 0, 0);

    assert_int_equal(sc->n_ties, 2);
    assert_int_equal(sc->ties[1].a, 3);
    assert_int_equal(sc->ties[1].b, 2);
    assert_close(sc->ties[1].trust, 0.55, 0, 0);

    assert_int_equal(sc->n_nets, 2);
    const samen_net_spec *n0 = &sc->nets[0], *n1 = &sc->nets[1];
    assert_string_equal(n0->name, "brede-school");
    assert_int_equal(n0->type, SAMEN_TYPE_NETWORK);
    assert_int_equal(n0->initiator, 0);
    assert_close(n0->issue[0], 0.5, 0, 0);
    assert_close(n0->issue[1], 0.2, 0, 0);
    assert_close(n0->issue[2], 0.3, 0, 0);
    assert_close(n0->issue[3], 0, 0, 0);
    assert_close(n0->concreteness, 0.5, 0, 0);
    assert_close(n0->effort, 6, 0, 0);
    assert_int_equal(n0->n_necessary, 2);
    assert_int_equal(n0->necessary[0], 0);
    assert_int_equal(n0->necessary[1], 1);
    assert_int_equal(n0->n_framing, 1);
    assert_int_equal(n0->framing[0], 4);
    assert_true(n0->candidates_all);
    int want0[] = {0, 1, 2, 3}; /* every organisation but the framing actor */
    assert_int_equal(n0->n_candidates, 4);
    assert_memory_equal(n0->candidates, want0, sizeof want0);
    assert_int_equal(n0->start, 0);
    assert_int_equal(n0->inform_every, 8);
    assert_int_equal(n0->horizon, 26);

    assert_string_equal(n1->name, "summer_camp");
    assert_int_equal(n1->type, SAMEN_TYPE_ADHOC);
    assert_int_equal(n1->initiator, 2);
    assert_true(n1->issue[2] == 1 && n1->issue[0] == 0);
    assert_close(n1->effort, 2.5, 0, 0);
    assert_int_equal(n1->n_necessary, 0);
    assert_int_equal(n1->n_framing, 0);
    assert_false(n1->candidates_all);
    int want1[] = {1, 2, 3}; /* file order, not key order */
    assert_int_equal(n1->n_candidates, 3);
    assert_memory_equal(n1->candidates, want1, sizeof want1);
    assert_int_equal(n1->start, 10);
    assert_int_equal(n1->inform_every, 0);
    assert_int_equal(n1->horizon, 12);

    assert_int_equal(samen_scenario_org_index(sc, "youth"), 3);
    assert_int_equal(samen_scenario_org_index(sc, "nobody"), -1);
    samen_scenario_free(sc);
}

/* Every default of MODEL.md and FORMATS.md, written out here by hand. */
static void test_defaults(void **state)
{
    (void)state;
    char dir[256];
    samen_scenario *sc;
    samen_error err;
    assert_int_equal(load_in(test_dir("defaults", dir, sizeof dir), BASE, NULL, NULL,
                             NULL, 0, &sc, &err), SAMEN_OK);
    const samen_params *p = &sc->p;
    assert_int_equal(sc->steps, 520);
    assert_int_equal(sc->seed, 1);
    assert_int_equal(sc->detail, 0);
    assert_int_equal(sc->snapshot_every, 13);
    assert_null(sc->ties_path);
    assert_int_equal(sc->n_ties, 0);
    assert_true(p->model.ask_bonus == 1 && p->model.appeal_alpha == 1 &&
                p->model.appeal_beta == 1 && p->model.room_exp == 2);
    assert_int_equal(p->model.max_members, 40);
    assert_close(p->model.attraction_min, 0.35, 0, 0);
    assert_close(p->model.join_cost, 0.5, 0, 0);
    assert_close(p->model.join_rate, 0.3, 0, 0);
    assert_close(p->model.trust0, 0.2, 0, 0);
    assert_int_equal(p->model.recruit_steps, 12);
    assert_close(p->model.decision_rate, 0.5, 0, 0);
    assert_close(p->model.formal_share, 0.3, 0, 0);
    assert_int_equal(p->model.queue_max, 64);
    assert_close(p->model.reverse_prob, 0.5, 0, 0);
    assert_close(p->model.overreach_trust_loss, 0.1, 0, 0);
    assert_close(p->model.guard_raise, 0.1, 0, 0);
    assert_close(p->model.overreach_scale, 0.05, 0, 0);
    assert_int_equal(p->model.decision_window, 26);
    assert_close(p->model.necessary_quorum, 1.0, 0, 0);
    assert_int_equal(p->model.necessary_grace, 8);
    assert_close(p->comm.net_gain, 0.05, 0, 0);
    assert_close(p->comm.base, 0.2, 0, 0);
    assert_close(p->comm.net_decay, 0.01, 0, 0);
    assert_close(p->comm.org_drift, 0.04, 0, 0);
    assert_close(p->comm.guard_gain, 0.05, 0, 0);
    assert_close(p->trust.gain, 0.3, 0, 0);
    assert_close(p->trust.decay, 0.002, 0, 0);
    assert_close(p->trust.exit_loss, 0.02, 0, 0);
    assert_close(p->goal.speed, 0.3, 0, 0);
    assert_close(p->goal.threshold, 0.8, 0, 0);
    assert_int_equal(p->goal.max_steps, 104);
    assert_close(p->exec.engage_rate, 0.05, 0, 0);
    assert_close(p->exec.speed, 0.02, 0, 0);
    assert_close(p->framing.decay, 0.05, 0, 0);
    assert_close(p->framing.need_rate, 0.02, 0, 0);
    assert_close(p->framing.help, 0.02, 0, 0);
    assert_close(p->framing.setback, 0.1, 0, 0);
    assert_close(p->framing.trust_loss, 0.02, 0, 0);
    assert_close(p->drop.impatience, 0.1, 0, 0);
    assert_close(p->drop.interest_min, 0.2, 0, 0);
    assert_close(p->drop.misfit, 1.0, 0, 0);
    assert_close(p->drop.disengaged, 0.05, 0, 0);
    assert_close(p->drop.engagement_min, 0.15, 0, 0);
    assert_close(p->drop.overcommit, 0.1, 0, 0);
    assert_close(p->drop.base, 0.0017, 0, 0); /* calibrated: docs/CALIBRATION.md */
    assert_close(p->turnover.trust_loss, 0.5, 0, 0);
    assert_close(p->persons.c_po0, 0.8, 0, 0);
    assert_close(p->persons.c_pn0, 0.1, 0, 0);
    assert_close(p->persons.tenure, 156, 0, 0);
    assert_int_equal(p->persons.self_interest.kind, SAMEN_DIST_BETA);
    assert_true(p->persons.self_interest.a == 2 && p->persons.self_interest.b == 5);
    assert_int_equal(p->persons.uncertainty.kind, SAMEN_DIST_UNIFORM);
    assert_close(p->persons.uncertainty.a, 0, 0, 0);
    assert_close(p->persons.uncertainty.b, 0.6, 0, 0);
    assert_close(p->form.rate, 0.05, 0, 0);
    assert_close(p->form.depth_overleg, 0.4, 0, 0);
    assert_close(p->form.depth_adhoc, 0.8, 0, 0);
    assert_close(p->form.depth_network, 1.0, 0, 0);
    assert_close(p->form.hysteresis, 0.02, 0, 0);
    assert_close(p->form.adhoc_at, 0.25, 0, 0);
    assert_close(p->form.network_at, 0.5, 0, 0);
    assert_close(p->form.merger_at, 0.85, 0, 0);
    assert_close(p->form.merger_dims, 0.85, 0, 0);
    assert_int_equal(p->form.merger_steps, 26);
    const samen_net_spec *n = &sc->nets[0];
    assert_int_equal(n->type, SAMEN_TYPE_NETWORK);
    assert_int_equal(n->n_necessary, 0);
    assert_int_equal(n->n_framing, 0);
    assert_true(n->candidates_all);
    assert_int_equal(n->n_candidates, 4);
    assert_int_equal(n->start, 0);
    assert_int_equal(n->inform_every, 8);
    assert_int_equal(n->horizon, 26);
    samen_scenario_free(sc);
}

static void test_overrides(void **state)
{
    (void)state;
    char dir[256];
    samen_scenario *sc;
    samen_error err;
    const char *sets[] = {
        "trust.gain=0.5",          "trust.gain = 0.45", /* the last wins */
        "simulation.seed=4294967295", "output.detail=persons",
        "network.net1.concreteness=0.25", "network.net1.necessary=b, c",
        "persons.uncertainty=normal(0.3, 0.1)", "simulation.steps=10",
        "model.join_rate=0.1",
    };
    int n = (int)(sizeof sets / sizeof sets[0]);
    int rc = load_in(test_dir("overrides", dir, sizeof dir),
                     BASE "[trust]\ngain = 0.2\n[model]\njoin_rate = 0.7\n", NULL, NULL,
                     sets, n, &sc, &err);
    if (rc)
        samen_error_print(&err, stderr);
    assert_int_equal(rc, SAMEN_OK);
    assert_close(sc->p.trust.gain, 0.45, 0, 0);
    assert_close(sc->p.model.join_rate, 0.1, 0, 0);
    assert_int_equal(sc->seed, 4294967295u);
    assert_int_equal(sc->detail, SAMEN_DETAIL_PERSONS);
    assert_close(sc->nets[0].concreteness, 0.25, 0, 0);
    assert_int_equal(sc->nets[0].n_necessary, 2);
    assert_int_equal(sc->nets[0].necessary[1], 2);
    assert_int_equal(sc->p.persons.uncertainty.kind, SAMEN_DIST_NORMAL);
    assert_close(sc->p.persons.uncertainty.a, 0.3, 0, 0);
    assert_close(sc->p.persons.uncertainty.b, 0.1, 0, 0);
    assert_int_equal(sc->steps, 10);
    samen_scenario_free(sc);

    /* An organisation's attribute: its field replaced before any check;
     * the last setting of a key wins, as for any key. */
    const char *org_sets[] = {"org.b.capacity=3.5", "org.b.mandate=decision",
                              "org.c.sport=0.25", "org.b.capacity=4", "org.d.name=D, Inc"};
    rc = load_in(dir, BASE, NULL, NULL, org_sets, 5, &sc, &err);
    assert_int_equal(rc, SAMEN_OK);
    assert_true(sc->orgs[1].capacity == 4);
    assert_int_equal(sc->orgs[1].mandate, SAMEN_DECISION);
    assert_close(sc->orgs[2].mission[2], 0.25, 0, 0);
    assert_string_equal(sc->orgs[3].name, "D, Inc");
    assert_true(sc->orgs[0].capacity == 2); /* the others as in the file */
    samen_scenario_free(sc);

    /* An override may fix a bad value of the file, and add [ties]. */
    write_file(dir, "t.csv", "org_a,org_b,trust\nd,a,0.9\n");
    const char *fix[] = {"trust.gain=0.3", "ties.file=t.csv"};
    rc = load_in(dir, BASE "[trust]\ngain = bad\n", NULL, NULL, fix, 2, &sc, &err);
    assert_int_equal(rc, SAMEN_OK);
    assert_close(sc->p.trust.gain, 0.3, 0, 0);
    assert_int_equal(sc->n_ties, 1);
    assert_int_equal(sc->ties[0].a, 3);
    samen_scenario_free(sc);
}

static void test_syntax_accepted(void **state)
{
    (void)state;
    char dir[256];
    samen_scenario *sc;
    samen_error err;
    /* Inline comments, lists over indented lines with and without
     * trailing commas, a BOM, CRLF line ends, a long comment line, spaces
     * inside distributions, a network header with two spaces. */
    char line199[256];
    snprintf(line199, sizeof line199, "; %s", X50 X50 X50 X10 X10 X10 X10 "xxxxxxx");
    assert_int_equal(strlen(line199), 199);
    char ini[2048];
    snprintf(ini, sizeof ini,
             "\xef\xbb\xbf[simulation]\r\n"
             "themes = learning,\r\n"
             "   care ; the second = '=' in a comment\r\n"
             "   ; an indented comment = a comment\r\n"
             "\tsport\r\n"
             "seed = 7\r\n"
             "%s\r\n"
             "[organisations]\nfile = orgs.csv\n"
             "[persons]\nself_interest =  beta( 2 ,5 )  ; spaces\nuncertainty = 0.25\n"
             "[output]\ndetail =\n"
             "[network  net1]\ninitiator = a\nissue = learning:0.5,\n  sport : 0.5\n"
             "concreteness = 0.5\neffort = 4e0\nnecessary =\n\n  b\n"
             "candidates = d,\n  c\n",
             line199);
    int rc = load_in(test_dir("syntax", dir, sizeof dir), ini,
                     "\xef\xbb\xbf" ORG_HDR "a,A,edu,2,decision,1,0.5,20,1,0,0\r\n" ORG_B
                     "\n\n" ORG_C "d,\"D, \"\"x\"\"\ny\",gov,5,decision,4,0.7,50,0.3,0.3,0.3",
                     NULL, NULL, 0, &sc, &err);
    if (rc)
        samen_error_print(&err, stderr);
    assert_int_equal(rc, SAMEN_OK);
    assert_int_equal(sc->n_themes, 3);
    assert_string_equal(sc->themes[1], "care");
    assert_string_equal(sc->themes[2], "sport");
    assert_int_equal(sc->seed, 7);
    assert_int_equal(sc->p.persons.self_interest.kind, SAMEN_DIST_BETA);
    assert_true(sc->p.persons.self_interest.b == 5);
    assert_int_equal(sc->p.persons.uncertainty.kind, SAMEN_DIST_CONST);
    assert_close(sc->p.persons.uncertainty.a, 0.25, 0, 0);
    assert_int_equal(sc->detail, 0);
    assert_close(sc->nets[0].issue[2], 0.5, 0, 0);
    assert_int_equal(sc->nets[0].n_necessary, 1);
    assert_int_equal(sc->nets[0].necessary[0], 1);
    int want[] = {1, 2, 3}; /* b (necessary), c, d in file order */
    assert_int_equal(sc->nets[0].n_candidates, 3);
    assert_memory_equal(sc->nets[0].candidates, want, sizeof want);
    assert_int_equal(sc->n_orgs, 4);
    assert_string_equal(sc->orgs[3].name, "D, \"x\"\ny");
    samen_scenario_free(sc);
}

/* Builds BASE, then prefix, then fill bytes 'x' to make that line len
 * bytes long, then suffix; the caller frees it. */
static char *long_ini(const char *prefix, size_t len, const char *suffix)
{
    size_t nb = strlen(BASE), np = strlen(prefix), ns = strlen(suffix);
    char *ini = malloc(nb + len + ns + 1);
    assert_non_null(ini);
    memcpy(ini, BASE, nb);
    memcpy(ini + nb, prefix, np);
    memset(ini + nb + np, 'x', len - np);
    memcpy(ini + nb + len, suffix, ns + 1);
    return ini;
}

/* Asserts that the scenario long_ini(prefix, len) is refused at line with
 * a message holding what and hint. */
static void long_refused(const char *dir, const char *prefix, size_t len, int line,
                         const char *what, const char *hint)
{
    samen_scenario *sc;
    samen_error err;
    char *ini = long_ini(prefix, len, "\n");
    assert_int_equal(load_in(dir, ini, NULL, NULL, NULL, 0, &sc, &err), SAMEN_EINPUT);
    assert_int_equal(err.line, line);
    assert_non_null(strstr(err.msg, what));
    assert_non_null(strstr(err.msg, hint));
    free(ini);
}

/* A line may be SAMEN_INI_MAX_LINE bytes (1 MiB) long; one byte more is an
 * error at that line, never a value cut short. */
static void test_long_lines(void **state)
{
    (void)state;
    char dir[256];
    samen_scenario *sc;
    samen_error err;
    test_dir("long", dir, sizeof dir);
    char *ini = long_ini("; ", (size_t)SAMEN_INI_MAX_LINE, "\n");
    int rc = load_in(dir, ini, NULL, NULL, NULL, 0, &sc, &err);
    if (rc)
        samen_error_print(&err, stderr);
    assert_int_equal(rc, SAMEN_OK);
    samen_scenario_free(sc);
    free(ini);

    long_refused(dir, "; ", (size_t)SAMEN_INI_MAX_LINE + 1, 12,
                 "at most 1048576", "split the comment");
    long_refused(dir, "[model]\njoin_rate = 0.3 ; ", (size_t)SAMEN_INI_MAX_LINE + 9, 13,
                 "1048577 bytes long", "continue a long list");
}

/* A CSV record over several lines: errors name the line it starts on. */
static void test_csv_record_lines(void **state)
{
    (void)state;
    char dir[256];
    samen_scenario *sc;
    samen_error err;
    int rc = load_in(test_dir("csvlines", dir, sizeof dir), BASE,
                     ORG_HDR "a,\"A\nB\nC\",edu,2,decision,1,0.5,20,1,0,0\n\n"
                     "b,B,care,1,feedback,2,0.3,10,0,1,0\nb,B,x,1,feedback,2,0.3,10,0,1,0\n",
                     NULL, NULL, 0, &sc, &err);
    assert_int_equal(rc, SAMEN_EINPUT);
    assert_int_equal(err.line, 7);
    assert_string_equal(err.key, "id");

    /* A quote left open on line 2 is found on line 3: both are named. */
    rc = load_in(dir, BASE, ORG_HDR "a,\"A,edu,2,decision,1,0.5,20,1,0,0\n"
                 "b,\"B\",care,1,feedback,2,0.3,10,0,1,0\n", NULL, NULL, 0, &sc, &err);
    assert_int_equal(rc, SAMEN_EINPUT);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.msg, "begins on line 2"));
}

/* ---- describe ---- */

static void test_describe(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    samen_params_describe(mem);
    fclose(mem);
    /* Every key of the table once: 20 model, 5 comm, 3 trust, 3 goal,
     * 2 exec, 5 framing, 7 drop, 1 turnover, 5 persons, 10 form,
     * 3 simulation, 2 output, organisations, ties, 4 samen (version and
     * run.ini's provenance: source, command, set), 16 field, 11 network. */
    int lines = 0;
    for (char *p = buf; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines,
                     1 + 20 + 5 + 3 + 3 + 2 + 5 + 7 + 1 + 5 + 10 + 3 + 2 + 2 + 4 + 16 + 11);
    const char *keys[] = {
        "\nmodel.ask_bonus ", "\nmodel.necessary_grace ", "\ncomm.guard_gain ",
        "\ntrust.exit_loss ", "\ngoal.max_steps ", "\nexec.speed ", "\nframing.trust_loss ",
        "\ndrop.base ", "\nturnover.trust_loss ", "\npersons.self_interest ",
        "\npersons.tenure ", "\nform.merger_steps ", "\nsimulation.seed ",
        "\nsimulation.themes ", "\noutput.detail ", "\noutput.snapshot_every ",
        "\norganisations.file ", "\nties.file ", "\nnetwork.NAME.type ",
        "\nnetwork.NAME.inform_every ", "\nnetwork.NAME.horizon ",
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (!strstr(buf, keys[i]))
            fail_msg("describe lacks %s", keys[i] + 1);
    /* key, default, range, meaning on one line */
    char *l = strstr(buf, "\nmodel.trust0 ");
    assert_non_null(l);
    char *end = strchr(l + 1, '\n');
    *end = '\0';
    assert_non_null(strstr(l, " 0.2 "));
    assert_non_null(strstr(l, "[0, 1]"));
    assert_non_null(strstr(l, "trust"));
    assert_non_null(strstr(strstr(buf, "\nsimulation.seed "), "1 to 4294967295"));
    free(buf);
}

/* ---- run.ini ---- */

static void assert_same_scenario(const samen_scenario *x, const samen_scenario *y)
{
    assert_int_equal(x->seed, y->seed);
    assert_int_equal(x->steps, y->steps);
    assert_int_equal(x->n_themes, y->n_themes);
    for (int k = 0; k < x->n_themes; k++)
        assert_string_equal(x->themes[k], y->themes[k]);
    assert_int_equal(x->detail, y->detail);
    assert_int_equal(x->snapshot_every, y->snapshot_every);
    assert_memory_equal(&x->p, &y->p, sizeof x->p);
    assert_int_equal(x->n_orgs, y->n_orgs);
    for (int i = 0; i < x->n_orgs; i++) {
        const samen_org *a = &x->orgs[i], *b = &y->orgs[i];
        assert_string_equal(a->id, b->id);
        assert_string_equal(a->name, b->name);
        assert_string_equal(a->sector, b->sector);
        assert_true(a->capacity == b->capacity && a->mandate == b->mandate &&
                    a->latency == b->latency && a->guard == b->guard &&
                    a->patience == b->patience);
        assert_memory_equal(a->mission, b->mission, sizeof a->mission);
    }
    assert_int_equal(x->n_ties, y->n_ties);
    if (x->n_ties)
        assert_memory_equal(x->ties, y->ties, (size_t)x->n_ties * sizeof *x->ties);
    assert_int_equal(!x->ties_path, !y->ties_path);
    assert_int_equal(x->n_nets, y->n_nets);
    for (int i = 0; i < x->n_nets; i++) {
        const samen_net_spec *a = &x->nets[i], *b = &y->nets[i];
        assert_string_equal(a->name, b->name);
        assert_int_equal(a->type, b->type);
        assert_int_equal(a->initiator, b->initiator);
        assert_memory_equal(a->issue, b->issue, sizeof a->issue);
        assert_true(a->concreteness == b->concreteness && a->effort == b->effort);
        assert_int_equal(a->n_necessary, b->n_necessary);
        assert_int_equal(a->n_framing, b->n_framing);
        assert_int_equal(a->n_candidates, b->n_candidates);
        if (a->n_necessary)
            assert_memory_equal(a->necessary, b->necessary,
                                (size_t)a->n_necessary * sizeof(int));
        if (a->n_framing)
            assert_memory_equal(a->framing, b->framing, (size_t)a->n_framing * sizeof(int));
        if (a->n_candidates)
            assert_memory_equal(a->candidates, b->candidates,
                                (size_t)a->n_candidates * sizeof(int));
        assert_int_equal(a->candidates_all, b->candidates_all);
        assert_int_equal(a->start, b->start);
        assert_int_equal(a->inform_every, b->inform_every);
        assert_int_equal(a->horizon, b->horizon);
    }
}

static void assert_short_lines(const char *text)
{
    int line = 1;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (len > 199)
            fail_msg("run.ini line %d has %zu characters", line, len);
        p += len + (nl != NULL);
        line++;
    }
}

/* Loads the scenario file dir/name, which must load (the error printed
 * if not). */
static samen_scenario *load_ok(const char *dir, const char *name)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    samen_scenario *sc;
    samen_error err;
    int rc = samen_scenario_load(&sc, path, NULL, 0, &err);
    if (rc)
        samen_error_print(&err, stderr);
    assert_int_equal(rc, SAMEN_OK);
    return sc;
}

/* Writes sc's run.ini into dir, loads it again and compares. */
static void round_trip(const samen_scenario *sc, const char *dir)
{
    samen_error err;
    char path[600];
    assert_int_equal(samen_scenario_write_ini(sc, dir, 0, &err), SAMEN_OK);
    snprintf(path, sizeof path, "%s/run.ini", dir);
    samen_scenario *again = load_ok(dir, "run.ini");
    char *a = print_text(sc), *b = print_text(again);
    assert_string_equal(a, b);
    char *file = read_all(path);
    assert_string_equal(a, file);
    assert_short_lines(a);
    assert_same_scenario(sc, again);
    assert_true(ends_with(again->orgs_path, "/input-organisations.csv"));
    if (sc->ties_path)
        assert_true(ends_with(again->ties_path, "/input-ties.csv"));
    free(a);
    free(b);
    free(file);
    samen_scenario_free(again);
}

/* The round trip into a new folder out below dir; frees sc. */
static void round_trip_below(samen_scenario *sc, const char *dir)
{
    char out[300];
    snprintf(out, sizeof out, "%s/out", dir);
    mkdir(out, 0700);
    round_trip(sc, out);
    samen_scenario_free(sc);
}

static void test_roundtrip_mini(void **state)
{
    (void)state;
    char dir[256];
    const char *sets[] = {"trust.gain=0.123456789012345678",
                          "network.summer_camp.effort=1e-7"};
    samen_scenario *sc = load_mini(sets, 2);
    round_trip(sc, test_dir("rt-mini", dir, sizeof dir));
    char *text = print_text(sc);
    /* what the text says, in part */
    assert_non_null(strstr(text, "\n[samen]\nversion = " SAMEN_VERSION "\n"));
    assert_non_null(strstr(text, "\n[simulation]\nsteps = 104\nseed = 42\n"
                                 "themes = learning, childcare, leisure, welfare\n"));
    assert_non_null(strstr(text, "\n[output]\ndetail = both\nsnapshot_every = 4\n"));
    assert_non_null(strstr(text, "\nself_interest = beta(2, 5)\n"));
    assert_non_null(strstr(text, "\ngain = 0.12345678901234568\n"));
    assert_non_null(strstr(text, "\n[organisations]\nfile = input-organisations.csv\n"));
    assert_non_null(strstr(text, "\n[ties]\nfile = input-ties.csv\n"));
    assert_non_null(strstr(text, "\ncandidates = *\n"));
    assert_non_null(strstr(text, "\ncandidates = ibo, sport.club, youth\n"));
    assert_non_null(strstr(text, "\nnecessary =\n"));
    free(text);
    samen_scenario_free(sc);
}

/* Text with white space at its ends is quoted in input-organisations.csv:
 * a CSV reader (libcsv too) trims it from an unquoted field. */
static void test_roundtrip_padded_text(void **state)
{
    (void)state;
    char dir[256];
    test_dir("rt-pad", dir, sizeof dir);
    write_file(dir, "orgs.csv", ORG_HDR "a,\"  padded  \",\"\tedu\",2,decision,1,0.5,20,1,0,0\n"
               ORG_B ORG_C ORG_D);
    write_file(dir, "s.ini", BASE);
    samen_scenario *sc = load_ok(dir, "s.ini");
    assert_string_equal(sc->orgs[0].name, "  padded  ");
    assert_string_equal(sc->orgs[0].sector, "\tedu");
    round_trip_below(sc, dir);
}

/* Theme names may hold spaces and non-ASCII letters: they are CSV columns
 * and list items, and come back the same from run.ini. */
static void test_roundtrip_theme_names(void **state)
{
    (void)state;
    char dir[256];
    test_dir("rt-themes", dir, sizeof dir);
    write_file(dir, "orgs.csv",
               "id,name,sector,capacity,mandate,latency,guard,patience,"
               "child care,opvoeding \xc3\xa9n zorg,learning\n"
               "a,A,edu,2,decision,1,0.5,20,1,0,0\nb,B,care,1,feedback,2,0.3,10,0,1,0\n");
    write_file(dir, "s.ini", "[simulation]\nthemes = learning, child care, "
               "opvoeding \xc3\xa9n zorg\n[organisations]\nfile = orgs.csv\n"
               "[network n]\ninitiator = a\nissue = child care:0.5, "
               "opvoeding \xc3\xa9n zorg:0.5\nconcreteness = 0.5\neffort = 4\n");
    samen_scenario *sc = load_ok(dir, "s.ini");
    assert_string_equal(sc->themes[1], "child care");
    /* missions follow the theme order, not the column order */
    assert_true(sc->orgs[0].mission[1] == 1 && sc->orgs[0].mission[0] == 0);
    assert_close(sc->nets[0].issue[1], 0.5, 0, 0);
    assert_close(sc->nets[0].issue[2], 0.5, 0, 0);
    round_trip_below(sc, dir);
}

/* 16 themes, 400 organisations whose names hold commas and quotes, a
 * network with 400 candidates listed over many lines, 300 ties. */
static void test_roundtrip_big(void **state)
{
    (void)state;
    char dir[256];
    test_dir("rt-big", dir, sizeof dir);
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    fputs("id,name,sector,capacity,mandate,latency,guard,patience", fp);
    for (int k = 15; k >= 0; k--) /* columns in another order than the themes */
        fprintf(fp, ",t%02d", k);
    fputc('\n', fp);
    for (int i = 0; i < 400; i++) {
        fprintf(fp, "org-%03d,\"Org %d, \"\"the\"\" %s\",sector %d,%.17g,%s,%.17g,%.17g,%.17g",
                i, i, i % 3 ? "best" : "rest", i % 7, 0.5 + i / 7.0,
                i % 2 ? "decision" : "feedback", 1 + i / 13.0, (i % 10) / 9.0, 5 + i / 3.0);
        for (int k = 15; k >= 0; k--)
            fprintf(fp, ",%.17g", k == i % 16 ? 1.0 : ((i * 37 + k * 11) % 97) / 97.0);
        fputc('\n', fp);
    }
    fclose(fp);
    write_file(dir, "orgs.csv", buf);
    free(buf);

    fp = open_memstream(&buf, &len);
    fputs("org_a,org_b,trust\n", fp);
    for (int i = 0; i < 300; i++)
        fprintf(fp, "org-%03d,org-%03d,%.17g\n", (i * 7) % 400, (i * 7 + 1 + i % 5) % 400,
                i / 301.0);
    fclose(fp);
    write_file(dir, "ties.csv", buf);
    free(buf);

    fp = open_memstream(&buf, &len);
    fputs("[simulation]\nseed = 4294967295\nthemes = t00", fp);
    for (int k = 1; k < 16; k++)
        fprintf(fp, ",\n  t%02d", k);
    fputs("\n[output]\ndetail = persons\n[organisations]\nfile = orgs.csv\n"
          "[ties]\nfile = ties.csv\n[persons]\nuncertainty = normal(0.1, 0.3)\n"
          "[network big]\ntype = overleg\ninitiator = org-000\nissue =", fp);
    for (int k = 0; k < 16; k++)
        fprintf(fp, "\n   t%02d:%.17g", k, k / 15.0);
    fputs("\nconcreteness = 0.33333333333333331\neffort = 12.75\n"
          "necessary = org-001, org-399, org-200\nframing = org-101, org-100\n"
          "candidates =", fp);
    for (int i = 399; i >= 0; i--) /* any order in the key; the file order counts */
        if (i != 100 && i != 101)
            fprintf(fp, "%s org-%03d%s", i % 10 == 9 ? "\n  " : "", i, i ? "," : "");
    fputs("\nstart = 3\ninform_every = 0\nhorizon = 1000000000\n"
          "[network second_one]\ninitiator = org-005\nissue = t03:1\nconcreteness = 0\n"
          "effort = 1e-3\nframing = org-006\n", fp);
    fclose(fp);
    write_file(dir, "s.ini", buf);
    free(buf);

    samen_scenario *sc = load_ok(dir, "s.ini");
    assert_int_equal(sc->n_orgs, 400);
    assert_int_equal(sc->n_themes, 16);
    assert_int_equal(sc->n_ties, 300);
    assert_int_equal(sc->nets[0].n_candidates, 398);
    assert_int_equal(sc->nets[0].candidates[0], 0);
    assert_int_equal(sc->nets[0].candidates[397], 399);
    assert_int_equal(sc->nets[1].n_candidates, 399);
    assert_close(sc->orgs[7].mission[8], ((7 * 37 + 8 * 11) % 97) / 97.0, 0, 0);
    round_trip_below(sc, dir);
}

/* With tmp_only the files wait under .tmp names for commit_ini. */
static void test_write_tmp_then_commit(void **state)
{
    (void)state;
    char dir[256], path[600];
    samen_scenario *sc = load_mini(NULL, 0);
    samen_error err;
    test_dir("tmp-only", dir, sizeof dir);
    assert_int_equal(samen_scenario_write_ini(sc, dir, 1, &err), SAMEN_OK);
    const char *names[] = {"run.ini", "input-organisations.csv", "input-ties.csv"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        assert_int_equal(access(path, F_OK), -1);
        strcat(path, ".tmp");
        assert_int_equal(access(path, F_OK), 0);
    }
    assert_int_equal(samen_scenario_commit_ini(dir, 1, &err), SAMEN_OK);
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        assert_int_equal(access(path, F_OK), 0);
        strcat(path, ".tmp");
        assert_int_equal(access(path, F_OK), -1);
    }
    /* A second commit finds nothing to rename. */
    assert_int_equal(samen_scenario_commit_ini(dir, 1, &err), SAMEN_EIO);
    /* An unwritable place fails with SAMEN_EIO and leaves nothing. */
    assert_int_equal(samen_scenario_write_ini(sc, "/nonexistent-dir", 0, &err), SAMEN_EIO);
    samen_scenario_free(sc);
}

/* run.ini's [samen] provenance: written for a new run, kept by a run of
 * the run.ini without overrides (the same run.ini again), started anew
 * with overrides; its lines may hold '=' and wrap, and never change the
 * scenario. */
static void test_provenance(void **state)
{
    (void)state;
    char dir[256], path[600];
    const char *sets[] = {"trust.gain=0.25", "simulation.seed=9", "trust.gain=0.5"};
    samen_scenario *sc = load_mini(sets, 3);
    samen_error err;
    char *argv[] = {"run", "mini.ini", "--set", "trust.gain=0.25", "--seed", "9", "--set",
                    "trust.gain=0.5", "--out", "a folder with spaces/" X50 X50 X50, "--set",
                    "network.x.issue=a:1, b:0.5"};
    assert_int_equal(samen_scenario_set_provenance(sc, 12, argv, sets, 3, &err), SAMEN_OK);
    assert_non_null(strstr(sc->provenance, "\nset = trust.gain, simulation.seed\n"));
    assert_non_null(strstr(sc->provenance, "data/scenario/mini.ini\n"));
    assert_non_null(strstr(sc->provenance, "command = samen run mini.ini --set trust.gain=0.25"));
    assert_non_null(strstr(sc->provenance, "'a folder with spaces/xxx"));
    assert_non_null(strstr(sc->provenance, "'network.x.issue=a:1, b:0.5'"));
    for (const char *l = sc->provenance; *l; l = strchr(l, '\n') + 1)
        assert_true(strchr(l, '\n') - l <= 150);
    test_dir("provenance", dir, sizeof dir);
    assert_int_equal(samen_scenario_write_ini(sc, dir, 0, &err), SAMEN_OK);
    snprintf(path, sizeof path, "%s/run.ini", dir);
    char *first = read_all(path);

    /* run.ini again, no overrides: the same provenance, the same bytes */
    samen_scenario *again;
    assert_int_equal(samen_scenario_load(&again, path, NULL, 0, &err), SAMEN_OK);
    assert_close(again->p.trust.gain, 0.5, 0, 0);
    assert_close(again->seed, 9, 0, 0);
    char *argv2[] = {"run", path};
    assert_int_equal(samen_scenario_set_provenance(again, 2, argv2, NULL, 0, &err), SAMEN_OK);
    assert_string_equal(again->provenance, sc->provenance);
    char *text = print_text(again);
    assert_string_equal(text, first);
    free(text);

    /* with an override it is a new run from run.ini */
    const char *one[] = {"trust.decay=0.01"};
    assert_int_equal(samen_scenario_set_provenance(again, 2, argv2, one, 1, &err), SAMEN_OK);
    assert_non_null(strstr(again->provenance, "run.ini\ncommand = samen run "));
    assert_non_null(strstr(again->provenance, "\nset = trust.decay\n"));
    samen_scenario_free(again);
    samen_scenario_free(sc);
    free(first);
}

static void test_check_override(void **state)
{
    (void)state;
    samen_scenario *sc = load_mini(NULL, 0);
    samen_error err;
    int num = -1, whole = -1;
    assert_int_equal(samen_scenario_check_override(sc, "trust.gain", "0.5", &num, &whole,
                                                   &err), SAMEN_OK);
    assert_true(num == 1 && whole == 0);
    assert_int_equal(samen_scenario_check_override(sc, "model.max_members", "7", &num,
                                                   &whole, &err), SAMEN_OK);
    assert_true(num == 1 && whole == 1);
    assert_int_equal(samen_scenario_check_override(sc, "network.brede-school.type",
                                                   "adhoc", &num, &whole, &err), SAMEN_OK);
    assert_true(num == 0 && whole == 0);
    assert_int_equal(samen_scenario_check_override(sc, "persons.self_interest",
                                                   "beta(1, 1)", &num, NULL, &err),
                     SAMEN_OK);
    assert_int_equal(samen_scenario_check_override(sc, "network.summer_camp.candidates",
                                                   "youth, ibo", NULL, NULL, &err), SAMEN_OK);
    assert_int_equal(samen_scenario_check_override(sc, "simulation.seed", NULL, &num,
                                                   &whole, &err), SAMEN_OK);
    assert_true(num == 1 && whole == 1);

    assert_int_equal(samen_scenario_check_override(sc, "trust.gain", "-1", NULL, NULL, &err),
                     SAMEN_EINPUT);
    assert_string_equal(err.key, "trust.gain");
    assert_string_equal(err.file, "");
    assert_non_null(strstr(err.msg, ">= 0"));
    assert_int_equal(samen_scenario_check_override(sc, "model.max_members", "2.5", NULL,
                                                   NULL, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "whole"));
    assert_int_equal(samen_scenario_check_override(sc, "trust.gian", "0.5", NULL, NULL,
                                                   &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "trust.gain"));
    /* org.ID.COLUMN: numeric columns can be sampled, mandate cannot. */
    assert_int_equal(samen_scenario_check_override(sc, "org.ibo.guard", "0.3", &num, &whole,
                                                   &err), SAMEN_OK);
    assert_true(num == 1 && whole == 0);
    assert_int_equal(samen_scenario_check_override(sc, "org.ibo.mandate", "decision", &num,
                                                   NULL, &err), SAMEN_OK);
    assert_true(num == 0);
    assert_int_equal(samen_scenario_check_override(sc, "org.ibo.guard", "2", NULL, NULL,
                                                   &err), SAMEN_EINPUT);
    assert_string_equal(err.key, "org.ibo.guard");
    assert_int_equal(samen_scenario_check_override(sc, "org.ib.guard", "0.2", NULL, NULL,
                                                   &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "did you mean 'ibo'?"));
    assert_int_equal(samen_scenario_check_override(sc, "network.nope.effort", "1", NULL,
                                                   NULL, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "nope"));
    assert_int_equal(samen_scenario_check_override(sc, "network.brede-school.necessary",
                                                   "ibo, ghost", NULL, NULL, &err),
                     SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "'ghost'"));
    assert_int_equal(samen_scenario_check_override(sc, "network.brede-school.issue",
                                                   "sport:1", NULL, NULL, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "unknown theme 'sport'"));
    samen_scenario_free(sc);
}

/* The nearest name of a hint: by edit distance, the first of equals;
 * offered one at a time, the name itself says so, and a distance the
 * caller gives (a prefix at 0) wins over a nearer spelling. */
static void test_nearest(void **state)
{
    (void)state;
    static const char *const tables[] = {"network", "events", "ties", "orgs", NULL};
    static const char *const none[] = {NULL};
    assert_string_equal(samen_nearest("tie", tables), "ties");
    assert_string_equal(samen_nearest("xxxx", tables), "ties"); /* 4, as orgs: the first */
    assert_null(samen_nearest("ties", none));
    samen_near near;
    samen_near_start(&near, "evnts");
    assert_null(near.best);
    assert_int_equal(samen_near_offer(&near, "network"), 0);
    assert_int_equal(samen_near_offer(&near, "events"), 0);
    assert_int_equal(near.dist, 1);
    assert_int_equal(samen_near_offer(&near, "evnts"), 1);
    assert_string_equal(near.best, "evnts");
    samen_near_start(&near, "brede");
    samen_near_offer(&near, "bred");
    assert_int_equal(samen_near_offer_at(&near, "brede-school", 0), 1);
    assert_int_equal(samen_near_offer_at(&near, "brede-2", 0), 0);
    assert_string_equal(near.best, "brede-school");
}

/* The keys of a rule between keys are declared joint once (params.c),
 * for validate.c's rules and the sweep's point check alike; each of them
 * is one whose value alone check_override passes while the scenario with
 * it is refused. */
static void test_joint_keys(void **state)
{
    (void)state;
    static const char *const joint[] = {
        "form.adhoc_at", "form.network_at", "form.merger_at", "simulation.themes",
        "organisations.file", "ties.file", "network.brede-school.initiator",
        "network.a.b.necessary", "network.x.framing", "network.x.candidates",
        "org.ibo.guard"};
    static const char *const alone[] = {
        "trust.gain", "form.rate", "simulation.steps", "network.x.effort",
        "network.x.issue", "output.detail", "form", "nonsense.key"};
    for (size_t i = 0; i < sizeof joint / sizeof joint[0]; i++)
        if (!samen_scenario_key_joint(joint[i]))
            fail_msg("%s is not joint", joint[i]);
    for (size_t i = 0; i < sizeof alone / sizeof alone[0]; i++)
        if (samen_scenario_key_joint(alone[i]))
            fail_msg("%s is joint", alone[i]);

    /* form.adhoc_at = 0.6 passes alone, and breaks the order with
     * form.network_at (0.5 by default) in a load. */
    samen_scenario *sc = load_mini(NULL, 0);
    samen_error err;
    assert_int_equal(samen_scenario_check_override(sc, "form.adhoc_at", "0.6", NULL, NULL,
                                                   &err), SAMEN_OK);
    assert_int_equal(samen_scenario_check_override(sc, "network.brede-school.framing",
                                                   "ibo", NULL, NULL, &err), SAMEN_OK);
    samen_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_scenario),
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_overrides),
        cmocka_unit_test(test_syntax_accepted),
        cmocka_unit_test(test_long_lines),
        cmocka_unit_test(test_csv_record_lines),
        cmocka_unit_test(test_binary_nul),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_free_null),
        cmocka_unit_test(test_describe),
        cmocka_unit_test(test_roundtrip_mini),
        cmocka_unit_test(test_roundtrip_padded_text),
        cmocka_unit_test(test_roundtrip_theme_names),
        cmocka_unit_test(test_roundtrip_big),
        cmocka_unit_test(test_write_tmp_then_commit),
        cmocka_unit_test(test_check_override),
        cmocka_unit_test(test_joint_keys),
        cmocka_unit_test(test_nearest),
        cmocka_unit_test(test_provenance),
    };
    int failed = cmocka_run_group_tests_name("scenario", tests, group_setup, group_teardown);
    failed += cmocka_run_group_tests_name("scenario errors", error_tests, group_setup,
                                          group_teardown);
    return failed ? 1 : 0;
}
