/* options.c: what `samen export` may be asked beyond the run: the step
 * of the GraphML (one that graph.csv or ties.csv has), the waves of the
 * RSiena folder (--waves A:B:E), and who is a member at a step. */
#include "export/export.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>

samen_export_opts samen_export_opts_default(void)
{
    return (samen_export_opts){.threshold = 0.5, .step = -1};
}

/* One whole number of A:B:E at *p, up to the next ':' or the end. */
static int whole(const char **p, long *v)
{
    char *end;
    errno = 0;
    *v = strtol(*p, &end, 10);
    if (end == *p || errno || *v < 0 || *v > INT_MAX || (*end && *end != ':'))
        return -1;
    *p = *end ? end + 1 : end;
    return 0;
}

int samen_export_parse_waves(const char *text, samen_export_opts *o, samen_error *err)
{
    const char *p = text;
    long a, b, e;
    if (whole(&p, &a) || p[-1] != ':' || whole(&p, &b) || p[-1] != ':' || whole(&p, &e)
        || *p || a > b || e < 1)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--waves",
                               "'%s' is not A:B:E, whole steps with A <= B and E >= 1 "
                               "(e.g. 0:519:13: the snapshot steps from 0 to 519, every "
                               "13 steps)", text);
    o->waves_from = (int)a;
    o->waves_to = (int)b;
    o->waves_every = (int)e;
    return SAMEN_OK;
}

/* 1 if some tie of the run is at step (r->ties is by pair, then step). */
static int has_tie(const samen_export_run *r, int step)
{
    for (size_t i = 0; i < r->n_ties; i++)
        if (r->ties[i].step == step)
            return 1;
    return 0;
}

static int listed(const samen_export_run *r, int step)
{
    return step >= 0 && step < r->sc->steps && (r->step_wave[step] >= 0 || has_tie(r, step));
}

int samen_export_check_step(const samen_export_run *r, int step, samen_error *err)
{
    if (listed(r, step))
        return SAMEN_OK;
    int below = step < r->sc->steps ? step : r->sc->steps;
    while (below >= 0 && !listed(r, below))
        below--;
    int above = step + 1;
    while (above < r->sc->steps && !listed(r, above))
        above++;
    char near[64];
    if (below >= 0 && above < r->sc->steps)
        snprintf(near, sizeof near, "%d or %d", below, above);
    else
        snprintf(near, sizeof near, "%d", below >= 0 ? below : above);
    return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--step",
                           "step %d is not one that graph.csv or ties.csv has (the "
                           "snapshot steps, every %d and the last, %d, and the steps at "
                           "which a network ended); the nearest is %s", step,
                           r->sc->snapshot_every, r->sc->steps - 1, near);
}

int samen_export_member_at(const samen_export_run *r, int v, int step)
{
    /* the spells are by node, then start; few per node */
    for (int i = 0; i < r->n_spells; i++)
        if (r->spells[i].node == v && r->spells[i].start <= step && step <= r->spells[i].end)
            return 1;
    return 0;
}
