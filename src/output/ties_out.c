/* ties_out.c: rows of ties.csv, one per member pair and snapshot. */
#include "output/output.h"

int samen_out_tie_row(void *user, const samen_tie_row *r)
{
    samen_outputs *o = user;
    enum { F = SAMEN_OUT_TIES };
    samen_row row;
    samen_outputs_net_row(o, F, &row, r->step, r->network);
    samen_row_char(&row, ',');
    samen_row_text(&row, r->org_a);
    samen_row_char(&row, ',');
    samen_row_text(&row, r->org_b);
    static const char *const cols[] = { "trust" };
    int rc = samen_outputs_nums(o, F, &row, r->step, cols, &r->trust, 1);
    if (rc)
        return rc;
    samen_row_char(&row, ',');
    samen_row_int(&row, r->since);
    return samen_outputs_end(o, F, &row);
}
