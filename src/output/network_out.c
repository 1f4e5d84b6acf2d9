/* network_out.c: rows of network.csv, one per network and step. */
#include "output/output.h"

int samen_out_network_row(void *user, const samen_net_row *r)
{
    samen_outputs *o = user;
    enum { F = SAMEN_OUT_NETWORK };
    FILE *fp = o->file[F].fp;
    if (o->prefix)
        fputs(o->prefix, fp);
    samen_csv_int(fp, r->step);
    fputc(',', fp);
    samen_csv_text(fp, r->network);
    fputc(',', fp);
    samen_csv_text(fp, samen_type_name(r->type));
    fputc(',', fp);
    samen_csv_text(fp, samen_phase_name(r->phase));
    fputc(',', fp);
    samen_csv_text(fp, samen_type_name(r->form));
    fputc(',', fp);
    samen_csv_int(fp, r->members);
    fputc(',', fp);
    samen_csv_int(fp, r->necessary_present);

    static const char *const cols[] = {
        "trust", "consensus", "progress", "d_interests", "d_factual",
        "d_formal", "d_resources", "d_commitment", "d_identification",
        "c_po", "c_pn", "link", "person_dependency",
    };
    const double v[] = {
        r->trust, r->consensus, r->progress, r->d[0], r->d[1], r->d[2],
        r->d[3], r->d[4], r->d[5], r->c_po, r->c_pn, r->link,
        r->person_dependency,
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        int rc = samen_outputs_num(o, F, cols[i], r->step, v[i]);
        if (rc)
            return rc;
    }
    const long counts[] = { r->decisions_open, r->decisions_resolved, r->overreach, r->dropouts };
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        fputc(',', fp);
        samen_csv_int(fp, counts[i]);
    }
    fputc('\n', fp);
    return samen_outputs_check(o, F);
}
