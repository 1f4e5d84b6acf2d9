/* persons_out.c: rows of persons.csv (--detail persons), one per person and
 * step. */
#include "output/output.h"

int samen_out_person_row(void *user, const samen_person_row *r)
{
    samen_outputs *o = user;
    enum { F = SAMEN_OUT_PERSONS };
    samen_row row;
    samen_outputs_net_row(o, F, &row, r->step, r->network);
    samen_row_char(&row, ',');
    samen_row_text(&row, r->org);
    samen_row_char(&row, ',');
    samen_row_int(&row, r->person);

    static const char *const cols[] = {
        "c_po", "c_pn", "self_interest", "uncertainty",
    };
    const double v[] = { r->c_po, r->c_pn, r->self_interest, r->uncertainty };
    int rc = samen_outputs_nums(o, F, &row, r->step, cols, v, sizeof v / sizeof v[0]);
    if (rc)
        return rc;
    samen_row_char(&row, ',');
    samen_row_int(&row, r->tenure);
    return samen_outputs_end(o, F, &row);
}
