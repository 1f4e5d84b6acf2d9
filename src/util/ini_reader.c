/* ini_reader.c: reads samen's INI dialect line by line (docs/INPUT.md):
 * sections, keys, values, continuation lines, comments, a BOM, CRLF, and
 * which section or key was given before; in time linear in the file. */
#include "util/ini_reader.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/grow.h"
#include "util/hindex.h"
#include "util/input.h"
#include "util/parse.h"

/* A growable byte buffer: the current line, a key, a value. */
typedef struct text {
    char *s;
    size_t len, cap;
} text;

/* A section or a key met before: a section has section -1, a key the
 * number of its section's record. */
typedef struct seen_rec {
    int section;
    char *name;
    int line;
} seen_rec;

typedef struct reader {
    FILE *fp;
    const char *path;
    samen_ini_fn fn;
    void *user;
    samen_error *err;
    int lineno;
    text line;             /* the line being read, without its end */
    size_t line_len;       /* its whole length, also past what is kept */
    seen_rec *seen;        /* sections and keys met so far */
    int nseen;
    size_t capseen;
    samen_hindex seen_index;
    int cur;               /* the current section's record, -1 before the first */
    /* The key read last: handed on once no continuation line follows. */
    int pending;
    text key, value;
    int key_line, key_first;
} reader;

static int is_ws(char c)
{
    return c == ' ' || c == '\t';
}

/* Makes room for n more bytes and a NUL. Returns 0 or -1. */
static int text_room(text *t, size_t n)
{
    if (t->len + n + 1 <= t->cap)
        return 0;
    size_t cap = t->cap ? t->cap : 64;
    while (cap < t->len + n + 1)
        cap *= 2;
    char *s = realloc(t->s, cap);
    if (!s)
        return -1;
    t->s = s;
    t->cap = cap;
    return 0;
}

static int text_set(text *t, const char *s, size_t n)
{
    t->len = 0;
    if (text_room(t, n) != 0)
        return -1;
    memcpy(t->s, s, n);
    t->len = n;
    t->s[n] = '\0';
    return 0;
}

static int oom(reader *r)
{
    return samen_error_set(r->err, SAMEN_EIO, r->path, r->lineno, NULL, "out of memory");
}

/* A line that is not INI: the error names it. */
#define SYNTAX(r, ...) \
    samen_error_set((r)->err, SAMEN_EINPUT, (r)->path, (r)->lineno, NULL, __VA_ARGS__)

/* Where an inline comment starts: a ';' after a space or tab; else the
 * end of s. */
static const char *comment_start(const char *s)
{
    const char *p = s;
    for (; *p; p++)
        if (*p == ';' && p > s && is_ws(p[-1]))
            break;
    return p;
}

/* s[0..n) without the spaces and tabs around it. */
static const char *trim(const char *s, size_t *n)
{
    while (*n && is_ws(*s)) {
        s++;
        (*n)--;
    }
    while (*n && is_ws(s[*n - 1]))
        (*n)--;
    return s;
}

/* ---- lines ---- */

/* Reads the next line into r->line (its end, and a BOM on line 1, taken
 * off). Keeps at most SAMEN_INI_MAX_LINE + 1 bytes, so a longer line is
 * known by r->line_len without being held. Returns 1, 0 at the end of
 * the file, or -1 with r->err filled (SAMEN_EIO: a read error, out of
 * memory): not an error code, which 1 would be mistaken for. */
static int next_line(reader *r)
{
    text *t = &r->line;
    size_t len = 0;
    int c, last = 0;
    t->len = 0;
    errno = 0;
    while ((c = getc_unlocked(r->fp)) != EOF && c != '\n') {
        if (len <= SAMEN_INI_MAX_LINE + 3) {
            if (text_room(t, 1) != 0) {
                oom(r);
                return -1;
            }
            t->s[t->len++] = (char)c;
        }
        len++;
        last = c;
    }
    if (c == EOF && ferror(r->fp)) {
        samen_error_set(r->err, SAMEN_EIO, r->path, r->lineno + 1, NULL,
                        "cannot read the file: %s", strerror(errno));
        return -1;
    }
    if (c == EOF && len == 0)
        return 0;
    r->lineno++;
    if (text_room(t, 0) != 0) {
        oom(r);
        return -1;
    }
    if (last == '\r') {
        len--; /* CRLF */
        if (t->len > len)
            t->len = len;
    }
    t->s[t->len] = '\0';
    if (r->lineno == 1 && t->len >= 3 && !memcmp(t->s, "\xef\xbb\xbf", 3)) {
        memmove(t->s, t->s + 3, t->len - 2);
        t->len -= 3;
        len -= 3;
    }
    r->line_len = len;
    return 1;
}

/* Refuses a line that is not text, holds a stray CR or is too long. */
static int check_line(reader *r)
{
    text *t = &r->line;
    size_t n = t->len;
    if (r->line_len > SAMEN_INI_MAX_LINE) {
        /* Only what is kept is checked, cut where a UTF-8 character
         * starts: a binary file says so, not that its line is long. */
        n = SAMEN_INI_MAX_LINE;
        while (n > 0 && ((unsigned char)t->s[n] & 0xc0) == 0x80)
            n--;
    }
    const char *bad = samen_text_problem(t->s, n);
    if (bad)
        return SYNTAX(r, "the line holds %s", bad);
    if (memchr(t->s, '\r', n))
        return SYNTAX(r, "the line holds a carriage return (CR) that does not "
                      "end it: save the file with LF or CR LF line ends");
    if (r->line_len > SAMEN_INI_MAX_LINE) {
        const char *s = t->s;
        while (is_ws(*s))
            s++;
        int comment = *s == ';' || *s == '#';
        return samen_error_set(r->err, SAMEN_EINPUT, r->path, r->lineno, NULL,
                               "the line is %zu bytes long; at most %d are read: %s",
                               r->line_len, SAMEN_INI_MAX_LINE,
                               comment ? "split the comment over several lines"
                                       : "continue a long list on indented lines");
    }
    return SAMEN_OK;
}

/* ---- what was given before ---- */

typedef struct seen_ctx {
    const reader *r;
    int section;
    const char *name;
} seen_ctx;

static int seen_match(const void *ctx, int rec)
{
    const seen_ctx *k = ctx;
    const seen_rec *e = &k->r->seen[rec];
    return e->section == k->section && !strcmp(e->name, k->name);
}

/* Finds name in section (-1: name is a section) or records it at the
 * current line. *first is the line it was met on before, or 0. Returns
 * its record, or -1 out of memory. */
static int meet(reader *r, int section, const char *name, int *first)
{
    char num[16];
    snprintf(num, sizeof num, "%d", section);
    uint64_t h = samen_hash_str(samen_hash_str(SAMEN_HASH_START, num), name);
    seen_ctx k = {r, section, name};
    int i = samen_hindex_find(&r->seen_index, h, seen_match, &k);
    *first = i >= 0 ? r->seen[i].line : 0;
    if (i >= 0)
        return i;
    seen_rec *grown = samen_grow(r->seen, (size_t)r->nseen, &r->capseen, sizeof *grown, 64);
    if (!grown)
        return -1;
    r->seen = grown;
    seen_rec *e = &r->seen[r->nseen];
    if (!(e->name = strdup(name)))
        return -1;
    e->section = section;
    e->line = r->lineno;
    if (samen_hindex_add(&r->seen_index, h, r->nseen) != 0) {
        free(e->name);
        return -1;
    }
    return r->nseen++;
}

/* ---- items ---- */

static void item_section(const reader *r, samen_ini_item *it)
{
    it->section = r->cur >= 0 ? r->seen[r->cur].name : NULL;
    it->section_line = r->cur >= 0 ? r->seen[r->cur].line : 0;
}

/* Hands on the pending key, if any. */
static int flush(reader *r)
{
    if (!r->pending)
        return SAMEN_OK;
    r->pending = 0;
    samen_ini_item it = {.key = r->key.s, .value = r->value.s, .line = r->key_line,
                         .first_line = r->key_first};
    item_section(r, &it);
    return r->fn(r->user, &it, r->err);
}

/* An indented line after a key: one more part of its list. */
static int continuation(reader *r, const char *t)
{
    /* No list item holds '=' or starts with '[': an indented key or
     * header would else be glued to the list above it. But [samen] holds
     * run.ini's provenance, text (a command line) that may hold '=' or
     * start with '[', and is never used. */
    const char *end = comment_start(t);
    int samen = r->cur >= 0 && !strcmp(r->seen[r->cur].name, "samen");
    if (!samen && (*t == '[' || memchr(t, '=', (size_t)(end - t))))
        return SYNTAX(r, "this line is indented, so it would continue the list "
                      "of the key above; start a key or a [section] at the "
                      "beginning of the line");
    size_t n = (size_t)(end - t);
    t = trim(t, &n);
    text *v = &r->value;
    int comma = v->len && v->s[v->len - 1] != ',';
    if (text_room(v, n + 1) != 0)
        return oom(r);
    if (comma)
        v->s[v->len++] = ',';
    memcpy(v->s + v->len, t, n);
    v->len += n;
    v->s[v->len] = '\0';
    return SAMEN_OK;
}

static int header(reader *r, const char *t)
{
    const char *close = t + 1;
    while (*close && *close != ']' && !(*close == ';' && is_ws(close[-1])))
        close++;
    if (*close != ']')
        return SYNTAX(r, "section header without ']': write [name]");
    const char *after = close + 1;
    while (is_ws(*after))
        after++;
    if (*after && *after != ';' && *after != '#')
        return SYNTAX(r, "unexpected text '%s' after ']'; a comment starts with ';'",
                      after);
    /* The name, each run of white space inside it as one space. */
    size_t n = (size_t)(close - t - 1);
    const char *a = trim(t + 1, &n);
    text *name = &r->key;
    if (text_room(name, n) != 0)
        return oom(r);
    name->len = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_ws(a[i]) && is_ws(a[i - 1]))
            continue; /* i > 0: a starts with no white space */
        name->s[name->len++] = is_ws(a[i]) ? ' ' : a[i];
    }
    name->s[name->len] = '\0';
    int first;
    if ((r->cur = meet(r, -1, name->s, &first)) < 0)
        return oom(r);
    samen_ini_item it = {.line = r->lineno, .first_line = first};
    item_section(r, &it);
    return r->fn(r->user, &it, r->err);
}

static int key_line(reader *r, const char *t)
{
    const char *end = comment_start(t);
    const char *eq = memchr(t, '=', (size_t)(end - t));
    if (!eq)
        return SYNTAX(r, "expected 'key = value', a [section] header or a comment%s",
                      memchr(t, ':', (size_t)(end - t))
                          ? " ('=', not ':', separates a key from its value)" : "");
    size_t kn = (size_t)(eq - t), vn = (size_t)(end - eq - 1);
    const char *k = trim(t, &kn);
    const char *v = trim(eq + 1, &vn);
    if (!kn)
        return SYNTAX(r, "a key name is missing before '='");
    if (text_set(&r->key, k, kn) != 0 || text_set(&r->value, v, vn) != 0)
        return oom(r);
    /* A key before any section is the caller's to refuse. */
    r->key_first = 0;
    if (r->cur >= 0 && meet(r, r->cur, r->key.s, &r->key_first) < 0)
        return oom(r);
    r->key_line = r->lineno;
    r->pending = 1;
    return SAMEN_OK;
}

/* One line: a comment, a continuation, a header or a key. */
static int take_line(reader *r)
{
    int rc = check_line(r);
    if (rc)
        return rc;
    const char *t = r->line.s;
    while (is_ws(*t))
        t++;
    if (!*t || *t == ';' || *t == '#')
        return SAMEN_OK; /* a list goes on past blank and comment lines */
    if (t > r->line.s && r->pending)
        return continuation(r, t);
    if ((rc = flush(r)))
        return rc;
    return *t == '[' ? header(r, t) : key_line(r, t);
}

int samen_ini_read_stream(FILE *fp, const char *path, samen_ini_fn fn, void *user,
                          samen_error *err)
{
    reader r = {.fp = fp, .path = path, .fn = fn, .user = user, .err = err, .cur = -1};
    int rc;
    flockfile(fp);
    while ((rc = next_line(&r)) == 1)
        if ((rc = take_line(&r)))
            break;
    if (rc < 0)
        rc = SAMEN_EIO;
    funlockfile(fp);
    if (rc == SAMEN_OK)
        rc = flush(&r);
    for (int i = 0; i < r.nseen; i++)
        free(r.seen[i].name);
    free(r.seen);
    samen_hindex_free(&r.seen_index);
    free(r.line.s);
    free(r.key.s);
    free(r.value.s);
    return rc;
}

int samen_ini_read_file(const char *path, const char *what, samen_ini_fn fn,
                        void *user, samen_error *err)
{
    samen_input in;
    if (samen_input_open(&in, path) != 0)
        return samen_error_set(err, in.code, path, 0, NULL, "cannot open the %s: %s",
                               what, in.why);
    int rc = samen_ini_read_stream(in.fp, path, fn, user, err);
    samen_input_close(&in);
    return rc;
}
