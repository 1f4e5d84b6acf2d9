/* ties_out.c: rows of ties.csv, one per member pair and snapshot. */
#include "output/output.h"

int samen_out_tie_row(void *user, const samen_tie_row *r)
{
    samen_outputs *o = user;
    enum { F = SAMEN_OUT_TIES };
    FILE *fp = o->file[F].fp;
    if (o->prefix)
        fputs(o->prefix, fp);
    samen_csv_int(fp, r->step);
    fputc(',', fp);
    samen_csv_text(fp, r->network);
    fputc(',', fp);
    samen_csv_text(fp, r->org_a);
    fputc(',', fp);
    samen_csv_text(fp, r->org_b);
    int rc = samen_outputs_num(o, F, "trust", r->step, r->trust);
    if (rc)
        return rc;
    fputc(',', fp);
    samen_csv_int(fp, r->since);
    fputc('\n', fp);
    return samen_outputs_check(o, F);
}
