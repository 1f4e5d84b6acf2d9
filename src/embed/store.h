/* store.h: the columns of one output table held in memory, filled record
 * by record from the table's descriptor (samen/tables.h): the sink of
 * samen_run_tables (memory.c). */
#ifndef SAMEN_EMBED_STORE_H
#define SAMEN_EMBED_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "samen/memory.h"
#include "samen/tables.h"
#include "util/hindex.h"

/* One column: ints, nums or codes by its kind; missing is allocated at the
 * first empty cell. A text column keeps its distinct texts (levels, each
 * its own copy) and an index of them; last/last_code remember the pointer
 * of the previous cell, which most often comes again (a network's name). */
typedef struct samen_store_col {
    samen_kind kind;
    int64_t *ints;
    double *nums;
    int32_t *codes;
    uint8_t *missing;
    char **levels;
    size_t n_levels, cap_levels;
    samen_hindex index;
    const char *last;
    int32_t last_code;
} samen_store_col;

typedef struct samen_store {
    const samen_table *table;
    int used;               /* the run produces this table */
    size_t rows, cap;
    samen_store_col *cols;  /* table->ncolumns */
} samen_store;

/* The kind a descriptor column has in memory. */
samen_kind samen_store_kind(const samen_column *c);

/* Prepares s for table t (zeroed first). Returns SAMEN_OK or SAMEN_EIO. */
int samen_store_open(samen_store *s, const samen_table *t, samen_error *err);

/* Appends the record rec of the table as a row. Returns SAMEN_OK, or
 * SAMEN_EIO with err filled (out of memory, or a number that is not
 * finite: a model bug, reported as the CSV writer does). */
int samen_store_add(samen_store *s, const void *rec, samen_error *err);

/* Frees what s holds; safe on a zeroed record. */
void samen_store_free(samen_store *s);

#endif
