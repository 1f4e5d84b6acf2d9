/* sweep_fixture.h: what the tests of sweep folders share: a temporary
 * folder holding a small base scenario (base.ini, orgs.csv), files
 * written into it, and sweep files loaded from it or refused with their
 * line and key. Header-only so each test program stays one file. */
#ifndef SAMEN_TEST_SWEEP_FIXTURE_H
#define SAMEN_TEST_SWEEP_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "samen/samen.h"
#include "sweep/design.h"

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

#endif
