/* row.h: one CSV row built in memory and handed to stdio with a single
 * fwrite: a run writes millions of rows of twenty-odd fields, and a stdio
 * call per field was a fifth of a sweep's time. The fields are those of
 * outfile.h (text quoted only where needed, %.6g numbers, whole numbers):
 * the same bytes as writing them one by one. */
#ifndef SAMEN_ROW_H
#define SAMEN_ROW_H

#include <stddef.h>
#include <stdio.h>

/* Room for a row of every table; a longer one (long network names) is
 * written in pieces, the same bytes. */
#define SAMEN_ROW_BUF 1024

typedef struct samen_row {
    FILE *fp;
    size_t n;
    char buf[SAMEN_ROW_BUF];
} samen_row;

/* Writes what the row holds so far to its stream and empties it; a write
 * error shows in ferror(fp), as with any stdio call. */
void samen_row_flush(samen_row *r);

static inline void samen_row_begin(samen_row *r, FILE *fp)
{
    r->fp = fp;
    r->n = 0;
}

static inline void samen_row_char(samen_row *r, char c)
{
    if (r->n == sizeof r->buf)
        samen_row_flush(r);
    r->buf[r->n++] = c;
}

/* n bytes as they are. */
void samen_row_bytes(samen_row *r, const char *s, size_t n);

/* A text field as samen_csv_text writes it; NULL writes nothing. */
void samen_row_text(samen_row *r, const char *s);

/* A number as samen_fmt_num writes it (v finite). */
void samen_row_num(samen_row *r, double v);

/* A whole number as samen_fmt_int writes it. */
void samen_row_int(samen_row *r, long v);

/* The newline, then the whole row to the stream. */
static inline void samen_row_end(samen_row *r)
{
    samen_row_char(r, '\n');
    samen_row_flush(r);
}

#endif
