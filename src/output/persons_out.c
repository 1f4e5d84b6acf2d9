/* persons_out.c: rows of persons.csv (--detail persons), one per person and
 * step. */
#include "output/output.h"

int samen_out_person_row(void *user, const samen_person_row *r)
{
    samen_outputs *o = user;
    enum { F = SAMEN_OUT_PERSONS };
    FILE *fp = o->file[F].fp;
    if (o->prefix)
        fputs(o->prefix, fp);
    samen_csv_int(fp, r->step);
    fputc(',', fp);
    samen_csv_text(fp, r->network);
    fputc(',', fp);
    samen_csv_text(fp, r->org);
    fputc(',', fp);
    samen_csv_int(fp, r->person);

    static const char *const cols[] = {
        "c_po", "c_pn", "self_interest", "uncertainty",
    };
    const double v[] = { r->c_po, r->c_pn, r->self_interest, r->uncertainty };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        int rc = samen_outputs_num(o, F, cols[i], r->step, v[i]);
        if (rc)
            return rc;
    }
    fputc(',', fp);
    samen_csv_int(fp, r->tenure);
    fputc('\n', fp);
    return samen_outputs_check(o, F);
}
