/* graph_out.c: rows of graph.csv (--detail graph), one per snapshot step:
 * an observer in front of the run's writers that gathers the step's tie
 * rows into the field's graph (src/graph/field.c) and hands its measures
 * on when the step ends (to graph.csv, or to memory.h's tables). */
#include "output/output.h"

#include <string.h>

/* The callbacks hand every row on to the observer behind. */
static int net_row(void *user, const samen_net_row *row)
{
    samen_graph_out *g = user;
    return g->inner.network_row(g->inner.user, row);
}

static int event(void *user, const samen_event *ev)
{
    samen_graph_out *g = user;
    /* an organisation created by a merger is a node from its step (4.15) */
    if (!strcmp(ev->event, "org-founded")) {
        int rc = samen_field_add_org(g->field, ev->org, g->err);
        if (rc)
            return rc;
    }
    return g->inner.event ? g->inner.event(g->inner.user, ev) : SAMEN_OK;
}

static int org_row(void *user, const samen_org_row *row)
{
    samen_graph_out *g = user;
    return g->inner.org_row(g->inner.user, row);
}

static int person_row(void *user, const samen_person_row *row)
{
    samen_graph_out *g = user;
    return g->inner.person_row(g->inner.user, row);
}

static int tie_row(void *user, const samen_tie_row *row)
{
    samen_graph_out *g = user;
    if (g->inner.tie_row) {
        int rc = g->inner.tie_row(g->inner.user, row);
        if (rc)
            return rc;
    }
    /* a network's end-step snapshot off the regular steps is not the field's */
    if (!samen_snapshot_step(g->sc, row->step))
        return SAMEN_OK;
    /* with field.csv the edges are the field network's (its rows below) */
    if (g->sc->detail & SAMEN_DETAIL_FIELD)
        return samen_field_add_seen(g->field, row->network, row->org_a, row->org_b, g->err);
    return samen_field_add(g->field, row->network, row->org_a, row->org_b, row->trust,
                           g->err);
}

static int field_row(void *user, const samen_field_row *row)
{
    samen_graph_out *g = user;
    if (g->inner.field_row) {
        int rc = g->inner.field_row(g->inner.user, row);
        if (rc)
            return rc;
    }
    return samen_field_add_edge(g->field, row->org_a, row->org_b, row->trust, g->err);
}

int samen_graph_out_open(samen_graph_out *g, const samen_scenario *sc,
                         samen_graph_write_fn write, void *write_user,
                         const samen_observer *inner, samen_observer *obs,
                         samen_error *err)
{
    memset(g, 0, sizeof *g);
    g->write = write;
    g->write_user = write_user;
    g->err = err;
    g->inner = *inner;
    g->sc = sc;
    if (!(g->field = samen_field_new_scenario(sc, err)))
        return err->code ? err->code : SAMEN_EIO;
    samen_field_open(g->field); /* networks founded in the run (4.14) */
    memset(obs, 0, sizeof *obs);
    obs->user = g;
    obs->network_row = inner->network_row ? net_row : NULL;
    obs->event = event; /* org-founded adds a node */
    obs->org_row = inner->org_row ? org_row : NULL;
    obs->person_row = inner->person_row ? person_row : NULL;
    obs->tie_row = tie_row; /* the graph needs the tie rows in any case */
    /* graph.csv over the field network: its rows are the edges */
    obs->field_row = (sc->detail & SAMEN_DETAIL_FIELD) ? field_row : NULL;
    return SAMEN_OK;
}

int samen_graph_out_step(samen_graph_out *g, int step)
{
    if (!samen_snapshot_step(g->sc, step))
        return SAMEN_OK;
    samen_graph_row row = {.step = step};
    int rc = samen_field_measure(g->field, &row.st, g->err);
    if (rc)
        return rc;
    return g->write(g->write_user, &row);
}

void samen_graph_out_close(samen_graph_out *g)
{
    samen_field_free(g->field);
    g->field = NULL;
}
