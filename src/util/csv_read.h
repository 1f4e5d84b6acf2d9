/* csv_read.h: reading a CSV input file (an organisations or ties file, a
 * table of the CSV tools) record by record in strict RFC 4180, with the
 * line each record starts on, so that errors name it. */
#ifndef SAMEN_UTIL_CSV_READ_H
#define SAMEN_UTIL_CSV_READ_H

#include "samen/error.h"

/* Called for each record: line is the CSV line the record starts on; the
 * first record is the header. Returns SAMEN_OK or an error code. */
typedef int (*samen_csv_row_fn)(void *user, int line, char **fields,
                                int n, samen_error *err);

/* Reads path (util/input.h: a regular file or a pipe) and calls fn for
 * each record. Returns SAMEN_OK, fn's code, or an error code with err
 * naming the file and line. */
int samen_csv_read(const char *path, samen_csv_row_fn fn, void *user,
                   samen_error *err);

#endif
