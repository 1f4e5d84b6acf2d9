/* events_out.c: rows of events.csv, one per event in the order they happen;
 * org, person, reason and value stay empty where an event has none. */
#include "output/output.h"

int samen_out_event(void *user, const samen_event *ev)
{
    samen_outputs *o = user;
    enum { F = SAMEN_OUT_EVENTS };
    samen_row row;
    samen_outputs_net_row(o, F, &row, ev->step, ev->network);
    samen_row_char(&row, ',');
    samen_row_text(&row, ev->org);
    samen_row_char(&row, ',');
    if (ev->person != 0) /* person ids start at 1 (MODEL.md section 2) */
        samen_row_int(&row, ev->person);
    samen_row_char(&row, ',');
    samen_row_text(&row, ev->event);
    samen_row_char(&row, ',');
    samen_row_text(&row, ev->reason);
    if (ev->has_value) {
        static const char *const cols[] = { "value" };
        int rc = samen_outputs_nums(o, F, &row, ev->step, cols, &ev->value, 1);
        if (rc)
            return rc;
    } else {
        samen_row_char(&row, ',');
    }
    return samen_outputs_end(o, F, &row);
}
