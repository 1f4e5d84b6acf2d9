/* organisations_out.c: organisations.csv (FORMATS.md), the organisations
 * created during a run by mergers (MODEL.md 4.15): the organisations
 * file's columns, area included, then the step and the network each was
 * created from. Written after the run, only when there are some. */
#include "output/output.h"

#include "samen/samen.h"

int samen_write_created_orgs(const samen_sim *sim, const samen_scenario *sc,
                             samen_outfile *f, const char *dir, samen_error *err)
{
    if (samen_sim_n_orgs(sim) == sc->n_orgs)
        return SAMEN_OK;
    int rc = samen_outfile_open(f, dir, SAMEN_CREATED_ORGS_FILE, err);
    if (rc)
        return rc;
    fputs("id,name,sector,capacity,mandate,latency,guard,patience,area", f->fp);
    for (int k = 0; k < sc->n_themes; k++) {
        fputc(',', f->fp);
        samen_csv_text(f->fp, sc->themes[k]);
    }
    fputs(",step,network\n", f->fp);
    for (int i = sc->n_orgs; i < samen_sim_n_orgs(sim); i++) {
        int step;
        const char *net;
        const samen_org *o = samen_sim_org(sim, i, &step, &net);
        samen_row r;
        samen_row_begin(&r, f->fp);
        samen_row_text(&r, o->id);
        samen_row_char(&r, ',');
        samen_row_text(&r, o->name);
        samen_row_char(&r, ',');
        samen_row_text(&r, o->sector);
        samen_row_char(&r, ',');
        samen_row_num(&r, o->capacity);
        samen_row_char(&r, ',');
        samen_row_text(&r, o->mandate == SAMEN_DECISION ? "decision" : "feedback");
        samen_row_char(&r, ',');
        samen_row_num(&r, o->latency);
        samen_row_char(&r, ',');
        samen_row_num(&r, o->guard);
        samen_row_char(&r, ',');
        samen_row_num(&r, o->patience);
        samen_row_char(&r, ',');
        samen_row_text(&r, o->area);
        for (int k = 0; k < sc->n_themes; k++) {
            samen_row_char(&r, ',');
            samen_row_num(&r, o->mission[k]);
        }
        samen_row_char(&r, ',');
        samen_row_int(&r, step);
        samen_row_char(&r, ',');
        samen_row_text(&r, net);
        samen_row_end(&r);
    }
    return samen_outfile_close(f, err);
}
