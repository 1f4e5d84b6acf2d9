/* columns.h: what the CSV tools samen-stats and samen-km share in reading
 * their input: a table with a header line, and its columns found by name. */
#ifndef SAMEN_STATS_COLUMNS_H
#define SAMEN_STATS_COLUMNS_H

#include "samen/error.h"
#include "util/csv_read.h"

/* The index of the first of the n header fields equal to name, or -1. */
int samen_stats_find_col(char **fields, int n, const char *name);

/* Reads the CSV file path record by record with fn (samen_csv_read); then
 * *n_cols, the header's field count that fn sets, must not be 0: a file
 * without a header line is SAMEN_EINPUT. */
int samen_stats_read_table(const char *path, samen_csv_row_fn fn, void *user,
                           const int *n_cols, samen_error *err);

#endif
