/* tables.h: the columns of every output table (FORMATS.md "Outputs"), in
 * one place: the header lines, the row writers, a sweep's part files,
 * collect and the readers all take them from here. A column added to a
 * table is one line of src/output/tables.c (after the listed ones: the
 * columns are a public contract). */
#ifndef SAMEN_TABLES_H
#define SAMEN_TABLES_H

#include <stddef.h>

/* The per-step CSV files of a run, in the order they are committed; then
 * the columns that a sweep's summary.csv gives each run and network, after
 * run,point,replicate,seed and the varied keys (a sweep's summary part). */
enum {
    SAMEN_OUT_NETWORK,
    SAMEN_OUT_EVENTS,
    SAMEN_OUT_TIES,
    SAMEN_OUT_ORGS,
    SAMEN_OUT_PERSONS,
    SAMEN_OUT_GRAPH,
    SAMEN_OUT_FIELD,     /* field.csv, --detail field (MODEL.md 4.13) */
    SAMEN_OUT_COUNT,
    SAMEN_TABLE_SUMMARY = SAMEN_OUT_COUNT,
    SAMEN_TABLE_COUNT
};

/* What a column holds in its row record, and so how it is written. */
typedef enum {
    SAMEN_COL_INT,    /* int: a whole number */
    SAMEN_COL_LONG,   /* long: a whole number */
    SAMEN_COL_NUM,    /* double: %.6g; never NaN or infinite */
    SAMEN_COL_TEXT,   /* const char *: quoted where CSV needs it; NULL empty */
    SAMEN_COL_TYPE,   /* samen_net_type: its name (also the form names) */
    SAMEN_COL_PHASE   /* samen_phase: its name */
} samen_column_kind;

/* When a field is left empty. */
typedef enum {
    SAMEN_EMPTY_NEVER,
    SAMEN_EMPTY_NEGATIVE, /* an int below 0 (a step that never came) */
    SAMEN_EMPTY_ZERO,     /* a whole number 0 (no person: ids start at 1) */
    SAMEN_EMPTY_UNLESS    /* the int at offset `when` is 0 */
} samen_column_empty;

typedef struct samen_column {
    const char *name;
    samen_column_kind kind;
    size_t offset;           /* of the value in the table's row record */
    samen_column_empty empty;
    size_t when;             /* SAMEN_EMPTY_UNLESS: the flag's offset */
} samen_column;

/* A table: its name (a sweep's part and `tables =` item), its file and
 * its columns. The row record of each: network samen_net_row, events
 * samen_event, ties samen_tie_row, orgs samen_org_row, persons
 * samen_person_row, field samen_field_row (sim.h); graph the writer's own
 * (src/output); the
 * summary samen_net_summary. */
typedef struct samen_table {
    const char *name;
    const char *file;
    const samen_column *columns;
    int ncolumns;
} samen_table;

#endif
