/* csv_read.c: reads a CSV input file with libcsv in strict RFC 4180 mode,
 * record by record, knowing the line each record starts on, and refuses a
 * file saved with another separator or decimal commas (Excel in a Dutch or
 * Belgian locale) with a message that says how to save it. */
#include "util/csv_read.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "util/grow.h"
#include "util/input.h"
#include "util/parse.h"

typedef struct csv_ctx {
    const char *path;
    int header_n;  /* fields of the header; 0 before it */
    samen_csv_row_fn fn;
    void *user;
    samen_error *err;
    char **fields;
    int nf;
    size_t capf;
    int row_line;  /* line the record being read started on */
    int in_row;
    int rc;
} csv_ctx;

static void drop_fields(csv_ctx *c)
{
    for (int i = 0; i < c->nf; i++)
        free(c->fields[i]);
    c->nf = 0;
}

static void on_field(void *s, size_t len, void *data)
{
    csv_ctx *c = data;
    if (c->rc)
        return;
    char **f = samen_grow(c->fields, (size_t)c->nf, &c->capf, sizeof *f, 16);
    if (!f) {
        c->rc = samen_error_set(c->err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        return;
    }
    c->fields = f;
    char *v = malloc(len + 1);
    if (!v) {
        c->rc = samen_error_set(c->err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        return;
    }
    if (len)
        memcpy(v, s, len);
    v[len] = '\0';
    c->fields[c->nf++] = v;
}

/* Nonzero if s is digits, after an optional '-' when sign. */
static int digits(const char *s, int sign)
{
    if (sign && *s == '-')
        s++;
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return 0;
    return 1;
}

/* A header joined by ';' or tabs (one field, as a comma file sees it), or a
 * row split by decimal commas into more fields than the header has. */
static int foreign_format(csv_ctx *c, char **f, int n)
{
    static const char save[] = "samen reads comma-separated files with a decimal point: "
                               "save it as 'CSV UTF-8 (Comma delimited)' with '.' as the "
                               "decimal separator (in LibreOffice: field delimiter ',')";
    if (!c->header_n) {
        for (int i = 0; i < n; i++) {
            if (strchr(f[i], ';'))
                return samen_error_set(c->err, SAMEN_EINPUT, c->path, c->row_line, NULL,
                                       "the header '%.40s%s' is separated by semicolons, "
                                       "not commas (as Excel saves CSV in a Dutch or "
                                       "Belgian locale); %s", f[i],
                                       strlen(f[i]) > 40 ? "..." : "", save);
            if (strchr(f[i], '\t'))
                return samen_error_set(c->err, SAMEN_EINPUT, c->path, c->row_line, NULL,
                                       "the header is separated by tabs, not commas (a "
                                       "tab-separated file); %s", save);
        }
        c->header_n = n;
        return SAMEN_OK;
    }
    /* Fields that would be one number with a decimal comma: "3,5". The
     * example named is one that starts with 0 ("0,5") where there is one:
     * no whole number is written so. */
    int extra = n - c->header_n, pairs = 0, first = -1, zero = -1;
    for (int i = 0, next = 0; extra > 0 && i + 1 < n; i++) {
        if (!digits(f[i], 1) || !digits(f[i + 1], 0))
            continue;
        if (i >= next) { /* pairs that do not overlap */
            pairs++;
            next = i + 2;
        }
        first = first < 0 ? i : first;
        if (zero < 0 && (!strcmp(f[i], "0") || !strcmp(f[i], "-0")))
            zero = i;
    }
    first = zero >= 0 ? zero : first;
    if (!pairs)
        return SAMEN_OK;
    if (extra >= 2 && pairs >= extra)
        return samen_error_set(c->err, SAMEN_EINPUT, c->path, c->row_line, NULL,
                               "%d fields, but the header has %d columns: the numbers are "
                               "written with decimal commas ('%s,%s' for %s.%s); %s", n,
                               c->header_n, f[first], f[first + 1], f[first], f[first + 1],
                               save);
    return samen_error_set(c->err, SAMEN_EINPUT, c->path, c->row_line, NULL,
                           "%d fields on this line, but the header has %d columns (a field "
                           "with a comma must be in double quotes; if '%s,%s' is one number "
                           "with a decimal comma, write %s.%s)", n, c->header_n, f[first],
                           f[first + 1], f[first], f[first + 1]);
}

static void on_row(int term, void *data)
{
    csv_ctx *c = data;
    (void)term;
    c->in_row = 0;
    if (!c->rc)
        c->rc = foreign_format(c, c->fields, c->nf);
    if (!c->rc)
        c->rc = c->fn(c->user, c->row_line, c->fields, c->nf, c->err);
    drop_fields(c);
}

static int blank(const char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    return !*s;
}

int samen_csv_read(const char *path, samen_csv_row_fn fn, void *user,
                   samen_error *err)
{
    samen_input in;
    if (samen_input_open(&in, path) != 0)
        return samen_error_set(err, in.code, path, 0, NULL, "cannot open: %s", in.why);
    FILE *fp = in.fp;
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        samen_input_close(&in);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    csv_ctx c = {.path = path, .fn = fn, .user = user, .err = err};
    char *buf = NULL;
    size_t cap = 0;
    ssize_t len;
    int line = 0;
    errno = 0;
    while (!c.rc && (len = getline(&buf, &cap, fp)) >= 0) {
        line++;
        const char *bad = samen_text_problem(buf, (size_t)len);
        if (bad) {
            c.rc = samen_error_set(err, SAMEN_EINPUT, path, line, NULL,
                                   "the line holds %s", bad);
            break;
        }
        const char *s = buf;
        if (line == 1 && !strncmp(s, "\xef\xbb\xbf", 3)) {
            s += 3;
            len -= 3;
        }
        /* A record starts on the first line that is not blank once the
         * previous one ended (libcsv skips blank lines). */
        if (!c.in_row && !blank(s)) {
            c.in_row = 1;
            c.row_line = line;
        }
        if (csv_parse(&p, s, (size_t)len, on_field, on_row, &c) != (size_t)len && !c.rc) {
            int e = csv_error(&p);
            /* A quote left open on an earlier line shows only here: name
             * the line the record begins on too. */
            char begins[64] = "";
            if (c.in_row && c.row_line < line)
                snprintf(begins, sizeof begins, " in the record that begins on line %d",
                         c.row_line);
            c.rc = samen_error_set(err, e == CSV_EPARSE ? SAMEN_EINPUT : SAMEN_EIO, path,
                                   line, NULL, "%s%s: %s",
                                   e == CSV_EPARSE ? "broken CSV quoting (a field with "
                                   "a comma or quote must be in double quotes, a quote "
                                   "inside doubled)" : "cannot parse",
                                   begins, csv_strerror(e));
        }
        errno = 0;
    }
    /* getline's failure for want of memory must not read as the end. */
    if (!c.rc && errno == ENOMEM)
        c.rc = samen_error_set(err, SAMEN_EIO, path, line + 1, NULL,
                               "out of memory reading this line");
    if (!c.rc && ferror(fp))
        c.rc = samen_error_set(err, SAMEN_EINPUT, path, 0, NULL, "cannot read: %s",
                               strerror(errno));
    if (!c.rc && csv_fini(&p, on_field, on_row, &c) != 0 && !c.rc)
        c.rc = samen_error_set(err, SAMEN_EINPUT, path, c.row_line, NULL,
                               "broken CSV quoting: a quoted field is not closed");
    drop_fields(&c);
    free(c.fields);
    csv_free(&p);
    free(buf);
    samen_input_close(&in);
    return c.rc;
}
