/* outfile.h: output files that appear whole or not at all (written as
 * NAME.tmp in the target folder, renamed to NAME when complete), with a
 * large stdio buffer and CSV field helpers (%.6g numbers, whole numbers,
 * RFC 4180 quoting only where needed). */
#ifndef SAMEN_OUTFILE_H
#define SAMEN_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

#include "samen/error.h"

typedef struct samen_outfile {
    FILE *fp;
    char *tmp_path;    /* DIR/NAME.tmp */
    char *final_path;  /* DIR/NAME */
    char *buf;         /* stdio buffer, owned */
} samen_outfile;

/* Creates DIR/NAME.tmp for writing. Returns SAMEN_OK or SAMEN_EIO. */
int samen_outfile_open(samen_outfile *f, const char *dir, const char *name,
                       samen_error *err);

/* Flushes and closes, checking every error; the file keeps its temporary
 * name. On failure the temporary file is removed. */
int samen_outfile_close(samen_outfile *f, samen_error *err);

/* Renames a closed file to its final name and frees the record. */
int samen_outfile_commit(samen_outfile *f, samen_error *err);

/* Closes (if open) and removes the temporary file; frees the record.
 * Safe on a zeroed or already discarded record. */
void samen_outfile_discard(samen_outfile *f);

/* Removes the plain files in dir, then dir: a folder of outputs that was
 * only a temporary. Returns 0, or -1 with errno set. */
int samen_remove_folder(const char *dir);

/* Formats v with %.6g; -0 becomes 0. v must be finite (asserted). buf must
 * hold 32 bytes. Returns buf. */
char *samen_fmt_num(char *buf, double v);

/* samen_fmt_num returning the length instead, for callers that would
 * otherwise measure the string. */
size_t samen_fmt_num_len(char *buf, double v);

/* The contract itself: %.6g by snprintf, -0 written 0; the fallback of
 * the fast path, and what tests compare it with. Returns the length. */
size_t samen_fmt_num_printf(char *buf, double v);

/* The fast path of samen_fmt_num (buf of 32 bytes too): the same bytes,
 * or 0 (buf unspecified) where it cannot be sure of them (subnormals,
 * near-ties after an inexact scaling) and snprintf must do the work.
 * Exposed for the tests. */
size_t samen_fmt_num_fast(char *buf, double v);

/* Whether the text s (n bytes) must be quoted in a CSV field: it holds a
 * comma, quote, CR or LF, or begins or ends with white space. */
int samen_csv_needs_quotes(const char *s, size_t n);

/* Writes a text field, quoted only if it holds a comma, quote, CR or LF
 * or begins or ends with white space (libcsv's csv_fwrite does the
 * quoting). NULL writes an empty field. */
void samen_csv_text(FILE *fp, const char *s);

/* Writes a number field with samen_fmt_num. */
void samen_csv_num(FILE *fp, double v);

/* Formats v as %ld does, into buf of 24 bytes; returns the length. Rows
 * write their counts and steps with it: printf parsing its format for
 * every field was a tenth of a region run. */
size_t samen_fmt_int(char *buf, long v);

#endif
