/* test_ini_reader.c: the INI reader (src/util/ini_reader.c) line by line:
 * what it hands on for each kind of line, the lines it names, and the
 * lines it refuses (docs/INPUT.md). Each case writes the items it gets
 * into one text and compares it whole. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "samen/error.h"
#include "util/ini_reader.h"

/* The items as text: "[NAME]@LINE" for a header, "SECTION|KEY=VALUE@LINE"
 * for a key, "!FIRST" added when given before; one item a line. */
typedef struct item_log {
    char *text;
    size_t len;
    FILE *fp;
    int stop_at;    /* the callback refuses this item (1-based); 0 never */
    int n;
} item_log;

static int record(void *user, const samen_ini_item *it, samen_error *err)
{
    item_log *l = user;
    l->n++;
    if (it->key)
        fprintf(l->fp, "%s|%s=%s@%d", it->section ? it->section : "-", it->key,
                it->value, it->line);
    else
        fprintf(l->fp, "[%s]@%d", it->section, it->line);
    if (it->first_line)
        fprintf(l->fp, "!%d", it->first_line);
    fputc('\n', l->fp);
    if (l->n == l->stop_at)
        return samen_error_set(err, SAMEN_EINPUT, "t.ini", it->line, it->key, "stop");
    return SAMEN_OK;
}

/* Reads len bytes of text; returns the reader's code, the items in *out
 * (to free) and the error in err. */
static int read_text(const char *text, size_t len, int stop_at, char **out,
                     samen_error *err)
{
    item_log l = {.stop_at = stop_at};
    l.fp = open_memstream(&l.text, &l.len);
    assert_non_null(l.fp);
    FILE *in = fmemopen((void *)text, len ? len : 1, "r");
    assert_non_null(in);
    if (!len)
        fgetc(in); /* fmemopen wants a size of 1: read it, so none is left */
    samen_error_clear(err);
    int rc = samen_ini_read_stream(in, "t.ini", record, &l, err);
    fclose(in);
    fclose(l.fp);
    *out = l.text;
    return rc;
}

/* Asserts that text reads without error into want. */
static void reads(const char *text, const char *want)
{
    char *got;
    samen_error err;
    int rc = read_text(text, strlen(text), 0, &got, &err);
    if (rc)
        samen_error_print(&err, stderr);
    assert_int_equal(rc, SAMEN_OK);
    assert_string_equal(got, want);
    free(got);
}

/* Asserts that len bytes of text are refused at line with a message
 * holding msg, after handing on the items in want. */
static void refused_n(const char *text, size_t len, int line, const char *msg,
                      const char *want)
{
    char *got;
    samen_error err;
    int rc = read_text(text, len, 0, &got, &err);
    if (rc != SAMEN_EINPUT || err.line != line || !strstr(err.msg, msg))
        fprintf(stderr, "status %d, line %d: %s\n", rc, err.line, err.msg);
    assert_int_equal(rc, SAMEN_EINPUT);
    assert_string_equal(err.file, "t.ini");
    assert_int_equal(err.line, line);
    assert_string_equal(err.key, "");
    assert_non_null(strstr(err.msg, msg));
    assert_string_equal(got, want);
    free(got);
}

static void refused(const char *text, int line, const char *msg, const char *want)
{
    refused_n(text, strlen(text), line, msg, want);
}

static void test_sections_keys_lines(void **state)
{
    (void)state;
    reads("[a]\nk = v\n\n[b c]\nx=1\n[ network \t  x  ]  \ny = 2\n",
          "[a]@1\na|k=v@2\n[b c]@4\nb c|x=1@5\n[network x]@6\nnetwork x|y=2@7\n");
    /* A key before any section: the caller says what to do with it. */
    reads("k = v\n[s]\n", "-|k=v@1\n[s]@2\n");
    /* An indented key or header with no key above it starts a line. */
    reads("[s]\n  k = v\n", "[s]@1\ns|k=v@2\n");
    reads("  [s]\n", "[s]@1\n");
    /* Keys are case-sensitive, and a key name may hold spaces. */
    reads("[s]\nK = 1\nk = 2\na b = 3\n", "[s]@1\ns|K=1@2\ns|k=2@3\ns|a b=3@4\n");
    /* Nothing at all, or only comments and blank lines. */
    reads("", "");
    reads("; x\n\n# y\n   \n\t\n", "");
}

static void test_continuations(void **state)
{
    (void)state;
    /* Joined with ',', a trailing comma not doubled, past blank and
     * comment lines, with tabs or spaces; the key keeps its first line. */
    reads("[s]\nlist = a,\n  b\n\tc ; a comment\n; a full-line comment\n\n   d\nnext = 1\n",
          "[s]@1\ns|list=a,b,c,d@2\ns|next=1@8\n");
    /* An empty value continued. */
    reads("[s]\nk =\n  a\n  b\n", "[s]@1\ns|k=a,b@2\n");
    /* A header ends the list; so does a key at the start of a line. */
    reads("[s]\nk = a\n  b\n[t]\n  c = 1\n", "[s]@1\ns|k=a,b@2\n[t]@4\nt|c=1@5\n");
    /* An indented key or header after a list would be glued to it. */
    refused("[s]\nk = a, b\n  seed = 3\n", 3, "indented", "[s]@1\n");
    refused("[s]\nk = a, b\n  [t]\n", 3, "indented", "[s]@1\n");
    /* '=' after an inline comment is comment, so this is a list item. */
    reads("[s]\nk = a\n  b ; c = d\n", "[s]@1\ns|k=a,b@2\n");
}

static void test_comments(void **state)
{
    (void)state;
    reads("; a\n# b\n  ; c = d\n[s] ; e\n[t] # f\nk = v ; g\nl = v\t; h\n"
          "m = a;b\nn = a #b\no=;p\n",
          "[s]@4\n[t]@5\nt|k=v@6\nt|l=v@7\nt|m=a;b@8\nt|n=a #b@9\nt|o=;p@10\n");
    /* A ';' after white space inside a header starts a comment. */
    refused("[s ;x]\n", 1, "without ']'", "");
}

static void test_bom_crlf(void **state)
{
    (void)state;
    reads("\xef\xbb\xbf[s]\r\nk = v\r\nl = a,\r\n  b\r\n", "[s]@1\ns|k=v@2\ns|l=a,b@3\n");
    /* A BOM on line 1 only; a CR that does not end a line is refused. */
    refused("[s]\nk = a\rb\n", 2, "carriage return", "[s]@1\n");
    refused("[s]\r\r\n", 1, "carriage return", "");
}

static void test_duplicates(void **state)
{
    (void)state;
    reads("[s]\nk=1\nk=2\n[t]\nk=3\n[s]\nk=4\n[ s ]\n",
          "[s]@1\ns|k=1@2\ns|k=2@3!2\n[t]@4\nt|k=3@5\n[s]@6!1\ns|k=4@7!2\n[s]@8!1\n");
    reads("[network a]\n[network\t\ta]\n", "[network a]@1\n[network a]@2!1\n");
}

static void test_values(void **state)
{
    (void)state;
    /* Empty values, '=' inside a value, white space around it. */
    reads("[s]\na =\nb=   ; c\nc = x=y = z\nd\t=\tw v \t\n",
          "[s]@1\ns|a=@2\ns|b=@3\ns|c=x=y = z@4\ns|d=w v@5\n");
    /* ':' inside a value is text (theme:weight, start:stop:step). */
    reads("[s]\nissue = a:0.5, b:0.5\n", "[s]@1\ns|issue=a:0.5, b:0.5@2\n");
}

static void test_bad_lines(void **state)
{
    (void)state;
    refused("[s\n", 1, "without ']'", "");
    refused("[s] x\n", 1, "unexpected text 'x' after ']'", "");
    refused("[s]\njust words\n", 2, "expected 'key = value'", "[s]@1\n");
    refused("[s]\nk: v\n", 2, "'=', not ':', separates", "[s]@1\n");
    refused("[s]\n = v\n", 2, "key name is missing", "[s]@1\n");
    /* The key above an error is handed on before the error. */
    refused("[s]\nk = v\n[t\n", 3, "without ']'", "[s]@1\ns|k=v@2\n");
}

static void test_nul_and_control_bytes(void **state)
{
    (void)state;
    static const char nul[] = "[s]\nk = a\0b\n";
    refused_n(nul, sizeof nul - 1, 2, "NUL", "[s]@1\n");
    refused("[s]\nk = a\x01\n", 2, "control character", "[s]@1\n");
    refused("[s]\nk = a\x7f\n", 2, "control character", "[s]@1\n");
    refused("[s]\nk = caf\xe9\n", 2, "UTF-8", "[s]@1\n");
    reads("[s]\nk = caf\xc3\xa9\tb\n", "[s]@1\ns|k=caf\xc3\xa9\tb@2\n");
}

static void test_missing_final_newline(void **state)
{
    (void)state;
    reads("[s]\nk = v", "[s]@1\ns|k=v@2\n");
    reads("[s]\nk = a,\n  b", "[s]@1\ns|k=a,b@2\n");
    reads("[s]\r\nk = v\r", "[s]@1\ns|k=v@2\n");
}

/* "[s]\n" then a line of len bytes, "k = xxx...", then end. */
static char *line_of(size_t len, const char *end)
{
    size_t ne = strlen(end);
    char *t = malloc(4 + len + ne + 1);
    assert_non_null(t);
    memcpy(t, "[s]\nk = ", 8);
    memset(t + 8, 'x', len - 4);
    memcpy(t + 4 + len, end, ne + 1);
    return t;
}

static void test_line_limit(void **state)
{
    (void)state;
    size_t max = SAMEN_INI_MAX_LINE;
    char *got;
    samen_error err;
    /* Exactly at the limit, with LF or CR LF or no end: whole. */
    const char *ends[] = {"\n", "\r\n", ""};
    for (int i = 0; i < 3; i++) {
        char *t = line_of(max, ends[i]);
        assert_int_equal(read_text(t, strlen(t), 0, &got, &err), SAMEN_OK);
        assert_int_equal(strlen(got), strlen("[s]@1\ns|k=@2\n") + max - 4);
        free(got);
        free(t);
    }
    /* With a BOM: the BOM is not part of the line. */
    char *t = line_of(max, "\n");
    char *b = malloc(strlen(t) + 4);
    assert_non_null(b);
    memcpy(b, "\xef\xbb\xbf", 3);
    strcpy(b + 3, t);
    assert_int_equal(read_text(b, strlen(b), 0, &got, &err), SAMEN_OK);
    free(got);
    free(b);
    free(t);
    /* One byte past it: refused at its line, the value never cut. */
    for (int i = 0; i < 3; i++) {
        t = line_of(max + 1, ends[i]);
        refused(t, 2, "the line is 1048577 bytes long; at most 1048576", "[s]@1\n");
        free(t);
    }
    t = line_of(3 * max, "\nl = 1\n");
    refused(t, 2, "continue a long list on indented lines", "[s]@1\n");
    free(t);
    /* A long comment line says to split it. */
    t = line_of(max + 1, "\n");
    t[4] = ';';
    refused(t, 2, "split the comment", "[s]@1\n");
    /* A binary file says so, not that its line is long. */
    t[9] = '\0';
    refused_n(t, strlen(t + 10) + 10, 2, "NUL", "[s]@1\n");
    free(t);
}

/* Each key knows the line of its section's header. */
static int header_lines(void *user, const samen_ini_item *it, samen_error *err)
{
    (void)err;
    if (it->key)
        fprintf(user, "%s:%d ", it->key, it->section_line);
    return SAMEN_OK;
}

static void test_section_line(void **state)
{
    (void)state;
    const char *text = "k = 0\n[s]\na = 1\n\n[t]\nb = 2\n[s]\nc = 3\n";
    char *got;
    size_t n;
    FILE *out = open_memstream(&got, &n);
    FILE *in = fmemopen((void *)text, strlen(text), "r");
    assert_non_null(out);
    assert_non_null(in);
    samen_error err;
    assert_int_equal(samen_ini_read_stream(in, "t.ini", header_lines, out, &err), SAMEN_OK);
    fclose(in);
    fclose(out);
    /* A section given twice stays the section of its first header. */
    assert_string_equal(got, "k:0 a:2 b:5 c:2 ");
    free(got);
}

static void test_callback_stops(void **state)
{
    (void)state;
    char *got;
    samen_error err;
    const char *text = "[s]\nk = 1\nl = 2\n";
    assert_int_equal(read_text(text, strlen(text), 2, &got, &err), SAMEN_EINPUT);
    assert_string_equal(got, "[s]@1\ns|k=1@2\n");
    assert_string_equal(err.msg, "stop");
    assert_int_equal(err.line, 2);
    free(got);
}

static void test_open_errors(void **state)
{
    (void)state;
    samen_error err;
    samen_error_clear(&err);
    assert_int_equal(samen_ini_read_file("/nonexistent/x.ini", "scenario file", record,
                                         NULL, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "cannot open the scenario file"));
}

/* Reading is linear in the file: 10,000 network sections of ten keys and
 * one list of 200,000 items over as many lines read in well under a
 * second (a quadratic join or lookup would take minutes). */
static int count(void *user, const samen_ini_item *it, samen_error *err)
{
    (void)it;
    (void)err;
    ++*(long *)user;
    return SAMEN_OK;
}

static void test_linear(void **state)
{
    (void)state;
    char *text;
    size_t len;
    FILE *fp = open_memstream(&text, &len);
    assert_non_null(fp);
    for (int n = 0; n < 10000; n++) {
        fprintf(fp, "[network n%d]\n", n);
        for (int k = 0; k < 10; k++)
            fprintf(fp, "key%d = value %d\n", k, n);
    }
    fputs("[s]\nlist = a\n", fp);
    for (int i = 0; i < 200000; i++)
        fprintf(fp, "  item-%d\n", i);
    fclose(fp);
    FILE *in = fmemopen(text, len, "r");
    assert_non_null(in);
    long items = 0;
    samen_error err;
    clock_t t0 = clock();
    assert_int_equal(samen_ini_read_stream(in, "t.ini", count, &items, &err), SAMEN_OK);
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    fclose(in);
    free(text);
    assert_int_equal(items, 10000 * 11 + 2);
    if (s > 2.0) /* generous: sanitizer builds are several times slower */
        fail_msg("reading took %.2f s", s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sections_keys_lines),
        cmocka_unit_test(test_continuations),
        cmocka_unit_test(test_comments),
        cmocka_unit_test(test_bom_crlf),
        cmocka_unit_test(test_duplicates),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_bad_lines),
        cmocka_unit_test(test_nul_and_control_bytes),
        cmocka_unit_test(test_missing_final_newline),
        cmocka_unit_test(test_line_limit),
        cmocka_unit_test(test_section_line),
        cmocka_unit_test(test_callback_stops),
        cmocka_unit_test(test_open_errors),
        cmocka_unit_test(test_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
