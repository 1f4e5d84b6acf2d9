/* rows.c: a row of any output table written from its record, column by
 * column as the table lists them (include/samen/tables.h): the one row
 * writer of network.csv, events.csv, ties.csv, orgs.csv, persons.csv,
 * graph.csv and a sweep's summary rows. */
#include "output/output.h"

#include <math.h>
#include <string.h>

#include "samen/samen.h"
#include "output/descriptors.h"

/* 1 if the column leaves this record's field empty (rare: checked only
 * for columns that can be). */
static int empty_field(const samen_column *c, const char *base)
{
    if (c->empty == SAMEN_EMPTY_UNLESS) {
        int flag;
        memcpy(&flag, base + c->when, sizeof flag);
        return !flag;
    }
    long v;
    if (c->kind == SAMEN_COL_INT) {
        int i;
        memcpy(&i, base + c->offset, sizeof i);
        v = i;
    } else {
        memcpy(&v, base + c->offset, sizeof v);
    }
    return c->empty == SAMEN_EMPTY_NEGATIVE ? v < 0 : v == 0;
}

int samen_row_record(samen_row *r, const samen_table *t, const void *rec)
{
    const char *base = rec;
    const samen_column *c = t->columns, *end = c + t->ncolumns;
    for (; c < end; c++) {
        if (c != t->columns)
            samen_row_char(r, ',');
        if (c->empty != SAMEN_EMPTY_NEVER && empty_field(c, base))
            continue;
        const void *p = base + c->offset;
        switch (c->kind) {
        case SAMEN_COL_INT:
            samen_row_int(r, *(const int *)p);
            break;
        case SAMEN_COL_LONG:
            samen_row_int(r, *(const long *)p);
            break;
        case SAMEN_COL_NUM: {
            double v = *(const double *)p;
            if (!isfinite(v))
                return (int)(c - t->columns);
            samen_row_num(r, v);
            break;
        }
        case SAMEN_COL_TEXT:
            samen_row_text(r, *(const char *const *)p);
            break;
        case SAMEN_COL_TYPE:
            samen_row_text(r, samen_type_name(*(const samen_net_type *)p));
            break;
        case SAMEN_COL_PHASE:
            samen_row_text(r, samen_phase_name(*(const samen_phase *)p));
            break;
        }
    }
    return -1;
}

int samen_outputs_write(samen_outputs *o, int which, const void *rec)
{
    const samen_table *t = &samen_tables[which];
    samen_row row;
    samen_outputs_row(o, which, &row);
    int bad = samen_row_record(&row, t, rec);
    if (bad >= 0) {
        /* every table's first column is its step */
        int step;
        memcpy(&step, (const char *)rec + t->columns[0].offset, sizeof step);
        double v;
        memcpy(&v, (const char *)rec + t->columns[bad].offset, sizeof v);
        return samen_error_set(o->err, SAMEN_EIO, o->file[which].final_path, 0,
                               t->columns[bad].name, "step %d: the model produced %g, "
                               "not a finite number; no output was kept", step, v);
    }
    samen_row_end(&row);
    return samen_outputs_check(o, which);
}
