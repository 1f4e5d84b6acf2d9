/* rows.c: a row of any output table written from its record, column by
 * column as the table lists them (include/samen/tables.h): the one row
 * writer of network.csv, events.csv, ties.csv, orgs.csv, persons.csv,
 * graph.csv and a sweep's summary rows. */
#include "output/output.h"

#include <math.h>
#include <string.h>

#include "samen/samen.h"

/* A whole-number field that the column leaves empty. */
static int empty_whole(const samen_column *c, long v)
{
    return (c->empty == SAMEN_EMPTY_NEGATIVE && v < 0)
           || (c->empty == SAMEN_EMPTY_ZERO && v == 0);
}

int samen_row_record(samen_row *r, const samen_table *t, const void *rec)
{
    const char *base = rec;
    for (int i = 0; i < t->ncolumns; i++) {
        const samen_column *c = &t->columns[i];
        const char *p = base + c->offset;
        if (i)
            samen_row_char(r, ',');
        if (c->empty == SAMEN_EMPTY_UNLESS) {
            int flag;
            memcpy(&flag, base + c->when, sizeof flag);
            if (!flag)
                continue;
        }
        switch (c->kind) {
        case SAMEN_COL_INT: {
            int v;
            memcpy(&v, p, sizeof v);
            if (!empty_whole(c, v))
                samen_row_int(r, v);
            break;
        }
        case SAMEN_COL_LONG: {
            long v;
            memcpy(&v, p, sizeof v);
            if (!empty_whole(c, v))
                samen_row_int(r, v);
            break;
        }
        case SAMEN_COL_NUM: {
            double v;
            memcpy(&v, p, sizeof v);
            if (!isfinite(v))
                return i;
            samen_row_num(r, v);
            break;
        }
        case SAMEN_COL_TEXT: {
            const char *s;
            memcpy(&s, p, sizeof s);
            samen_row_text(r, s);
            break;
        }
        case SAMEN_COL_TYPE: {
            samen_net_type v;
            memcpy(&v, p, sizeof v);
            samen_row_text(r, samen_type_name(v));
            break;
        }
        case SAMEN_COL_PHASE: {
            samen_phase v;
            memcpy(&v, p, sizeof v);
            samen_row_text(r, samen_phase_name(v));
            break;
        }
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
