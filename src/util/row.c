/* row.c: a CSV row built in memory, written with one fwrite (row.h). */
#include "util/row.h"

#include <string.h>

#include <csv.h>

#include "util/outfile.h"

void samen_row_flush(samen_row *r)
{
    if (r->n)
        fwrite(r->buf, 1, r->n, r->fp);
    r->n = 0;
}

void samen_row_bytes(samen_row *r, const char *s, size_t n)
{
    if (n > sizeof r->buf - r->n) {
        samen_row_flush(r);
        if (n > sizeof r->buf) {
            fwrite(s, 1, n, r->fp);
            return;
        }
    }
    memcpy(r->buf + r->n, s, n);
    r->n += n;
}

void samen_row_text(samen_row *r, const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    if (samen_csv_needs_quotes(s, n)) {
        /* rare (a name with a comma): libcsv quotes it, straight to the
         * stream after what the row holds */
        samen_row_flush(r);
        csv_fwrite(r->fp, s, n);
    } else {
        samen_row_bytes(r, s, n);
    }
}

void samen_row_num(samen_row *r, double v)
{
    if (sizeof r->buf - r->n < 32)
        samen_row_flush(r);
    r->n += samen_fmt_num_len(r->buf + r->n, v);
}

void samen_row_int(samen_row *r, long v)
{
    if (sizeof r->buf - r->n < 24)
        samen_row_flush(r);
    r->n += samen_fmt_int(r->buf + r->n, v);
}
