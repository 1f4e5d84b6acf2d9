/* events_out.c: rows of events.csv, one per event in the order they happen;
 * org, person, reason and value stay empty where an event has none. */
#include "output/output.h"

int samen_out_event(void *user, const samen_event *ev)
{
    samen_outputs *o = user;
    enum { F = SAMEN_OUT_EVENTS };
    FILE *fp = o->file[F].fp;
    if (o->prefix)
        fputs(o->prefix, fp);
    samen_csv_int(fp, ev->step);
    fputc(',', fp);
    samen_csv_text(fp, ev->network);
    fputc(',', fp);
    samen_csv_text(fp, ev->org);
    fputc(',', fp);
    if (ev->person != 0) /* person ids start at 1 (MODEL.md section 2) */
        samen_csv_int(fp, ev->person);
    fputc(',', fp);
    samen_csv_text(fp, ev->event);
    fputc(',', fp);
    samen_csv_text(fp, ev->reason);
    if (ev->has_value) {
        int rc = samen_outputs_num(o, F, "value", ev->step, ev->value);
        if (rc)
            return rc;
    } else {
        fputc(',', fp);
    }
    fputc('\n', fp);
    return samen_outputs_check(o, F);
}
