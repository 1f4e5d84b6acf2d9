/* descriptors.h: the table descriptors themselves and the functions
 * that read them, for the library's own code. Not exported from
 * libsamen.so: an exported array would change size with each table
 * added; programs use the samen_schema_* functions (samen/memory.h). */
#ifndef SAMEN_DESCRIPTORS_H
#define SAMEN_DESCRIPTORS_H

#include <stdio.h>

#include "samen/tables.h"

/* Indexed by SAMEN_OUT_* and SAMEN_TABLE_SUMMARY. */
extern const samen_table samen_tables[SAMEN_TABLE_COUNT];

/* The index of the column called name, or -1. */
int samen_table_column(const samen_table *t, const char *name);

/* The SAMEN_DETAIL_* bit of output.detail that asks for table `which`
 * (SAMEN_OUT_*), or 0 for a table every run writes; and whether a run
 * with the detail bits `detail` writes it. */
int samen_table_detail_bit(int which);
int samen_table_wanted(int which, int detail);

/* 1 if column i holds numbers (whole or not), else 0. */
int samen_column_numeric(const samen_table *t, int i);

/* Writes the header's column names, comma-separated, without newline. */
void samen_table_header(FILE *fp, const samen_table *t);

#endif
