/* sweep_fixture.h: what the tests of sweep folders share: a temporary
 * folder holding a small base scenario (base.ini, orgs.csv), files
 * written into it, sweep files loaded from it or refused with their
 * line and key, and runs' part files written by hand. Header-only so
 * each test program stays one file. */
#ifndef SAMEN_TEST_SWEEP_FIXTURE_H
#define SAMEN_TEST_SWEEP_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "samen/samen.h"
#include "sweep/design.h"
#include "sweep/parts.h"

static char tmpdir[256];

static inline void write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
}

static inline char *read_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return buf;
}

static const char scenario[] =
    "[simulation]\nsteps = 30\nthemes = a, b\n"
    "[organisations]\nfile = orgs.csv\n"
    "[network net1]\ninitiator = o1\nissue = a:0.5, b:0.5\nconcreteness = 0.5\neffort = 3\n";

static const char orgs[] =
    "id,name,sector,capacity,mandate,latency,guard,patience,a,b\n"
    "o1,One,x,2,feedback,2,0.5,50,0.8,0.2\n"
    "o2,Two,x,2,decision,1,0.5,50,0.3,0.7\n"
    "o3,Three,y,1,feedback,3,0.4,40,0.5,0.5\n"
    "o4,Four,y,1.5,decision,1,0.3,60,0.6,0.4\n";

static inline int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/test_samen.XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    write_file("base.ini", scenario);
    write_file("orgs.csv", orgs);
    return 0;
}

static inline int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Loads a sweep file written with the given text; returns the status. */
static inline int load(const char *text, samen_sweep **sw, samen_error *err)
{
    char path[512];
    write_file("s.ini", text);
    snprintf(path, sizeof path, "%s/s.ini", tmpdir);
    samen_error_clear(err);
    return samen_sweep_load(sw, path, 0, err);
}

/* Asserts a sweep file is refused with exit status 2 at line, naming key. */
static inline void refused(const char *text, int line, const char *key)
{
    samen_sweep *sw = NULL;
    samen_error err;
    int rc = load(text, &sw, &err);
    if (rc != SAMEN_EINPUT || err.line != line)
        print_error("%s\n-> status %d, line %d: %s\n", text, rc, err.line, err.msg);
    assert_int_equal(rc, SAMEN_EINPUT);
    assert_null(sw);
    assert_non_null(strstr(err.file, "s.ini"));
    assert_int_equal(err.line, line);
    if (key)
        assert_string_equal(err.key, key);
    assert_true(strlen(err.msg) > 10);
}

/* Appends a run's rows to writer W's part files by hand and, unless
 * log is 0, its log line; rows[p] is the text of part p (NULL: empty). */
static inline void add_run(const char *out, const char *w, size_t run,
                           const char *const rows[], int log)
{
    samen_log_entry e = {.run = run, .status = SAMEN_RUN_DONE};
    char path[700];
    for (int p = 0; p < SAMEN_PART_COUNT; p++) {
        if (p == SAMEN_OUT_ORGS || p == SAMEN_OUT_PERSONS || p == SAMEN_OUT_GRAPH
            || p == SAMEN_OUT_FIELD)
            continue;
        samen_part_path(path, sizeof path, out, w, p);
        FILE *fp = fopen(path, "ab");
        assert_non_null(fp);
        fseek(fp, 0, SEEK_END);
        long off = ftell(fp);
        if (off == 0)
            samen_part_header(fp, p);
        off = ftell(fp);
        const char *text = rows[p] ? rows[p] : "";
        fputs(text, fp);
        assert_int_equal(fclose(fp), 0);
        e.range[p] = (samen_range){.off = (uint64_t)off, .len = strlen(text),
                                   .crc = samen_crc32(0, text, strlen(text))};
        e.parts |= 1u << p;
    }
    if (!log)
        return;
    char line[1024];
    size_t n = samen_log_format(line, sizeof line, &e);
    samen_part_path(path, sizeof path, out, w, -1);
    FILE *fp = fopen(path, "ab");
    assert_non_null(fp);
    assert_int_equal(fwrite(line, 1, n, fp), n);
    assert_int_equal(fclose(fp), 0);
}

#endif
