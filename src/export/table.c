/* table.c: reading one of a run's tables (events.csv, ties.csv) for the
 * exports: the columns found by name in its header, and the start every
 * row shares, its step and network checked against the run. */
#include "export/export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "stats/columns.h"

int samen_export_header(samen_export_table *t, int line, char **f, int n,
                        const char *const *need, int n_need, samen_error *err)
{
    for (int i = 0; i < n_need; i++)
        if ((t->col[i] = samen_stats_find_col(f, n, need[i])) < 0) {
            char names[128] = "";
            for (int k = 0; k < n_need; k++)
                snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
                         k ? "," : "", need[k]);
            return samen_error_set(err, SAMEN_EINPUT, t->path, line, need[i],
                                   "no such column: the header needs %s", names);
        }
    t->n_cols = n;
    return SAMEN_OK;
}

/* A step column's value: a whole number in [0, steps). Returns 0 or -1. */
static int step_of(const char *text, int steps, int *step)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (end == text || *end || errno || v < 0 || v >= steps)
        return -1;
    *step = (int)v;
    return 0;
}

int samen_export_step(const samen_export_table *t, const samen_export_run *r, int line,
                      char **f, int n, int *step, samen_error *err)
{
    if (n != t->n_cols)
        return samen_error_set(err, SAMEN_EINPUT, t->path, line, NULL,
                               "%d fields where the header has %d", n, t->n_cols);
    const char *s = f[t->col[0]];
    if (step_of(s, r->sc->steps, step) != 0)
        return samen_error_set(err, SAMEN_EINPUT, t->path, line, "step",
                               "'%s' is not a step of this run (0 to %d)", s,
                               r->sc->steps - 1);
    return SAMEN_OK;
}

int samen_export_row(const samen_export_table *t, const samen_export_run *r,
                     const samen_name_index *nets, int line, char **f, int n,
                     int *step, int *net, samen_error *err)
{
    int rc = samen_export_step(t, r, line, f, n, step, err);
    if (rc)
        return rc;
    const char *w = f[t->col[1]];
    *net = samen_name_index_find(nets, w);
    /* a network founded during the run (MODEL.md 4.14: f<step>.<id>, a
     * name no declared network has): SAMEN_EXPORT_FOUNDED, kept unless
     * one declared network is asked for */
    if (*net < 0 && strchr(w, '.')) {
        *net = r->net >= 0 ? -1 : SAMEN_EXPORT_FOUNDED;
        return SAMEN_OK;
    }
    if (*net < 0)
        return samen_error_set(err, SAMEN_EINPUT, t->path, line, "network",
                               "'%s' is not a network of this run's run.ini", w);
    if (r->net >= 0 && *net != r->net)
        *net = -1;
    return SAMEN_OK;
}
