/* schema.c: the public schema of memory.h (tables, columns, kinds) read
 * from the one descriptor of each output table (samen/tables.h), so the
 * in-memory tables have the CSV files' columns by construction. */
#include "samen/memory.h"

#include <string.h>

#include "embed/store.h"
#include "samen/tables.h"
#include "output/descriptors.h"

static const samen_column *column(int table, int col)
{
    if (table < 0 || table >= SAMEN_OUT_COUNT || col < 0
        || col >= samen_tables[table].ncolumns)
        return NULL;
    return &samen_tables[table].columns[col];
}

int samen_schema_tables(void)
{
    return SAMEN_OUT_COUNT;
}

const char *samen_schema_table(int table)
{
    return table >= 0 && table < SAMEN_OUT_COUNT ? samen_tables[table].name : NULL;
}

int samen_schema_find(const char *name)
{
    for (int t = 0; name && t < SAMEN_OUT_COUNT; t++)
        if (!strcmp(samen_tables[t].name, name))
            return t;
    return -1;
}

const char *samen_schema_detail(int table)
{
    /* a detail table is asked for by its own name (FORMATS.md --detail) */
    return samen_table_detail_bit(table) ? samen_tables[table].name : NULL;
}

int samen_schema_columns(int table)
{
    return table >= 0 && table < SAMEN_OUT_COUNT ? samen_tables[table].ncolumns : -1;
}

const char *samen_schema_column(int table, int col)
{
    const samen_column *c = column(table, col);
    return c ? c->name : NULL;
}

int samen_schema_kind(int table, int col)
{
    const samen_column *c = column(table, col);
    return c ? (int)samen_store_kind(c) : -1;
}

int samen_schema_nullable(int table, int col)
{
    const samen_column *c = column(table, col);
    if (!c)
        return -1;
    return c->kind == SAMEN_COL_TEXT || c->empty != SAMEN_EMPTY_NEVER;
}
