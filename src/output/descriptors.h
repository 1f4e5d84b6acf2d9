/* descriptors.h: the table descriptors themselves, for the library's own
 * code. Not exported from libsamen.so: an exported array would change
 * size with each table added; programs use the samen_schema_* functions
 * (samen/memory.h). */
#ifndef SAMEN_DESCRIPTORS_H
#define SAMEN_DESCRIPTORS_H

#include "samen/tables.h"

/* Indexed by SAMEN_OUT_* and SAMEN_TABLE_SUMMARY. */
extern const samen_table samen_tables[SAMEN_TABLE_COUNT];

#endif
