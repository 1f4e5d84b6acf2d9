/* outfile.h: output files that appear whole or not at all (written as
 * NAME.tmp in the target folder, renamed to NAME when complete), with a
 * large stdio buffer and CSV field helpers (numbers as numfmt.h formats
 * them, RFC 4180 quoting only where needed). */
#ifndef SAMEN_OUTFILE_H
#define SAMEN_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

#include "samen/error.h"
#include "util/numfmt.h"

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

/* Whether the text s (n bytes) must be quoted in a CSV field: it holds a
 * comma, quote, CR or LF, or begins or ends with white space. */
int samen_csv_needs_quotes(const char *s, size_t n);

/* Writes a text field, quoted only if it holds a comma, quote, CR or LF
 * or begins or ends with white space (libcsv's csv_fwrite does the
 * quoting). NULL writes an empty field. */
void samen_csv_text(FILE *fp, const char *s);

/* Writes a number field with samen_fmt_num (numfmt.h). */
void samen_csv_num(FILE *fp, double v);

#endif
