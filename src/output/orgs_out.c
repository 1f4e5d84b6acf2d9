/* orgs_out.c: rows of orgs.csv (--detail orgs), one per membership and step. */
#include "output/output.h"

int samen_out_org_row(void *user, const samen_org_row *r)
{
    samen_outputs *o = user;
    enum { F = SAMEN_OUT_ORGS };
    samen_row row;
    samen_outputs_net_row(o, F, &row, r->step, r->network);
    samen_row_char(&row, ',');
    samen_row_text(&row, r->org);
    samen_row_char(&row, ',');
    samen_row_text(&row, r->role);

    static const char *const cols[] = {
        "interest", "engagement", "fit_issue", "fit_goal", "c_po", "c_pn", "link",
    };
    const double v[] = {
        r->interest, r->engagement, r->fit_issue, r->fit_goal, r->c_po,
        r->c_pn, r->link,
    };
    int rc = samen_outputs_nums(o, F, &row, r->step, cols, v, sizeof v / sizeof v[0]);
    if (rc)
        return rc;
    samen_row_char(&row, ',');
    samen_row_text(&row, r->mandate);
    return samen_outputs_end(o, F, &row);
}
