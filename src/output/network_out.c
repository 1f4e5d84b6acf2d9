/* network_out.c: rows of network.csv, one per network and step. */
#include "output/output.h"

int samen_out_network_row(void *user, const samen_net_row *r)
{
    samen_outputs *o = user;
    enum { F = SAMEN_OUT_NETWORK };
    samen_row row;
    samen_outputs_net_row(o, F, &row, r->step, r->network);
    samen_row_char(&row, ',');
    samen_row_text(&row, samen_type_name(r->type));
    samen_row_char(&row, ',');
    samen_row_text(&row, samen_phase_name(r->phase));
    samen_row_char(&row, ',');
    samen_row_text(&row, samen_type_name(r->form));
    samen_row_char(&row, ',');
    samen_row_int(&row, r->members);
    samen_row_char(&row, ',');
    samen_row_int(&row, r->necessary_present);

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
    int rc = samen_outputs_nums(o, F, &row, r->step, cols, v, sizeof v / sizeof v[0]);
    if (rc)
        return rc;
    const long counts[] = { r->decisions_open, r->decisions_resolved, r->overreach, r->dropouts };
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        samen_row_char(&row, ',');
        samen_row_int(&row, counts[i]);
    }
    return samen_outputs_end(o, F, &row);
}
