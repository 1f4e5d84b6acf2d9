/* orgs_out.c: rows of orgs.csv (--detail orgs), one per membership and step. */
#include "output/output.h"

int samen_out_org_row(void *user, const samen_org_row *r)
{
    samen_outputs *o = user;
    enum { F = SAMEN_OUT_ORGS };
    FILE *fp = o->file[F].fp;
    if (o->prefix)
        fputs(o->prefix, fp);
    samen_csv_int(fp, r->step);
    fputc(',', fp);
    samen_csv_text(fp, r->network);
    fputc(',', fp);
    samen_csv_text(fp, r->org);
    fputc(',', fp);
    samen_csv_text(fp, r->role);

    static const char *const cols[] = {
        "interest", "engagement", "fit_issue", "fit_goal", "c_po", "c_pn", "link",
    };
    const double v[] = {
        r->interest, r->engagement, r->fit_issue, r->fit_goal, r->c_po,
        r->c_pn, r->link,
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        int rc = samen_outputs_num(o, F, cols[i], r->step, v[i]);
        if (rc)
            return rc;
    }
    fputc(',', fp);
    samen_csv_text(fp, r->mandate);
    fputc('\n', fp);
    return samen_outputs_check(o, F);
}
