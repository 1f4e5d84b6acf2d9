/* gexf.c: network.gexf for Gephi (GEXF 1.3, FORMATS.md "samen export"): a
 * dynamic graph with steps as times, members present over their spells,
 * ties over the snapshot steps they are present with their trust as a
 * dynamic attribute, so that Gephi's timeline plays the run. A node's
 * label is the organisation's name and its attribute `name` its id, as in
 * the GraphML. */
#include "export/export.h"

#include <stdio.h>

#include "export/xmlfile.h"
#include "samen/samen.h"

/* Closed intervals may not overlap in Gephi: a node's spells are merged
 * by the loader, and a tie's trust at a snapshot holds up to the step
 * before the next snapshot in which the tie is still present. */

static void meta(samen_xml *x, const samen_export_run *r)
{
    char desc[512];
    snprintf(desc, sizeof desc, "Ties of %s%s of a samen run (seed %lu, %d steps); times "
             "are steps, ties are observed at the snapshot steps (every %d and the last)",
             r->net >= 0 ? "network " : "all networks",
             r->net >= 0 ? r->sc->nets[r->net].name : "", (unsigned long)r->sc->seed,
             r->sc->steps, r->sc->snapshot_every);
    samen_xml_start(x, "meta");
    samen_xml_element(x, "creator", "samen " SAMEN_VERSION);
    samen_xml_element(x, "description", desc);
    samen_xml_end(x);
}

static void declarations(samen_xml *x, const samen_scenario *sc)
{
    samen_xml_start(x, "attributes");
    samen_xml_attr(x, "class", "node");
    samen_xml_attr(x, "mode", "static");
    for (int c = 0; c < samen_export_n_columns(sc); c++) {
        int numeric;
        const char *name = samen_export_column(sc, c, &numeric);
        samen_xml_start(x, "attribute");
        samen_xml_attr(x, "id", name);
        samen_xml_attr(x, "title", name);
        samen_xml_attr(x, "type", numeric ? "double" : "string");
        samen_xml_end(x);
    }
    samen_xml_end(x);
    samen_xml_start(x, "attributes");
    samen_xml_attr(x, "class", "edge");
    samen_xml_attr(x, "mode", "dynamic");
    samen_xml_start(x, "attribute");
    samen_xml_attr(x, "id", "trust");
    samen_xml_attr(x, "title", "trust");
    samen_xml_attr(x, "type", "double");
    samen_xml_end(x);
    samen_xml_end(x);
}

static void spell(samen_xml *x, int start, int end)
{
    samen_xml_start(x, "spell");
    samen_xml_attr_int(x, "start", start);
    samen_xml_attr_int(x, "end", end);
    samen_xml_end(x);
}

static void nodes(samen_xml *x, const samen_export_run *r)
{
    const samen_scenario *sc = r->sc;
    char buf[32];
    samen_xml_start(x, "nodes");
    samen_xml_attr_int(x, "count", r->n_nodes);
    int s = 0;
    for (int v = 0; v < r->n_nodes; v++) {
        int org = r->node_org[v];
        samen_xml_start(x, "node");
        samen_xml_attr(x, "id", sc->orgs[org].id);
        samen_xml_attr(x, "label", sc->orgs[org].name);
        samen_xml_start(x, "attvalues");
        for (int c = 0; c < samen_export_n_columns(sc); c++) {
            int numeric;
            samen_xml_start(x, "attvalue");
            samen_xml_attr(x, "for", samen_export_column(sc, c, &numeric));
            /* `name` is the id, as in the GraphML; the name is the label */
            samen_xml_attr(x, "value", c == 0 ? sc->orgs[org].id
                                              : samen_export_value(sc, org, c, buf));
            samen_xml_end(x);
        }
        samen_xml_end(x);
        samen_xml_start(x, "spells");
        for (; s < r->n_spells && r->spells[s].node == v; s++)
            spell(x, r->spells[s].start, r->spells[s].end);
        samen_xml_end(x);
        samen_xml_end(x);
    }
    samen_xml_end(x);
}

/* The first of t[i..n) at a snapshot step, or n. */
static size_t snapshot(const samen_export_run *r, const samen_xtie *t, size_t i, size_t n)
{
    while (i < n && r->step_wave[t[i].step] < 0)
        i++;
    return i;
}

/* Whether t[j] (j < n) is at the snapshot after that of t[i]. */
static int follows(const samen_export_run *r, const samen_xtie *t, size_t i, size_t j,
                   size_t n)
{
    return j < n && r->step_wave[t[j].step] == r->step_wave[t[i].step] + 1;
}

/* The ties of one pair, t[0..n), by step; those at snapshot steps count.
 * Writes the edge if there is one. */
static void edge(samen_xml *x, const samen_export_run *r, const samen_xtie *t, size_t n,
                 long *id)
{
    size_t first = snapshot(r, t, 0, n);
    if (first == n)
        return;
    const samen_scenario *sc = r->sc;
    samen_xml_start(x, "edge");
    samen_xml_attr_int(x, "id", (*id)++);
    samen_xml_attr(x, "source", sc->orgs[r->node_org[t[0].a]].id);
    samen_xml_attr(x, "target", sc->orgs[r->node_org[t[0].b]].id);
    samen_xml_start(x, "attvalues");
    for (size_t i = first, j; i < n; i = j) {
        j = snapshot(r, t, i + 1, n);
        int w = r->step_wave[t[i].step];
        samen_xml_start(x, "attvalue");
        samen_xml_attr(x, "for", "trust");
        samen_xml_attr_num(x, "value", t[i].trust);
        samen_xml_attr_int(x, "start", t[i].step);
        samen_xml_attr_int(x, "end", follows(r, t, i, j, n) ? r->wave_step[w + 1] - 1
                                                            : t[i].step);
        samen_xml_end(x);
    }
    samen_xml_end(x);
    samen_xml_start(x, "spells");
    /* one spell per run of consecutive snapshots */
    for (size_t i = first, j; i < n; i = j) {
        size_t last = i;
        j = snapshot(r, t, i + 1, n);
        while (follows(r, t, last, j, n)) {
            last = j;
            j = snapshot(r, t, j + 1, n);
        }
        spell(x, t[i].step, t[last].step);
    }
    samen_xml_end(x);
    samen_xml_end(x);
}

static void edges(samen_xml *x, const samen_export_run *r)
{
    samen_xml_start(x, "edges");
    long id = 0;
    for (size_t i = 0; i < r->n_ties;) {
        size_t j = i;
        while (j < r->n_ties && r->ties[j].a == r->ties[i].a && r->ties[j].b == r->ties[i].b)
            j++;
        edge(x, r, &r->ties[i], j - i, &id);
        i = j;
    }
    samen_xml_end(x);
}

int samen_export_gexf(const samen_export_run *r, const char *path, samen_error *err)
{
    samen_xml x;
    int rc = samen_xml_open(&x, path, err);
    if (rc)
        return rc;
    samen_xml_start(&x, "gexf");
    samen_xml_attr(&x, "xmlns", "http://gexf.net/1.3");
    samen_xml_attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    samen_xml_attr(&x, "xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd");
    samen_xml_attr(&x, "version", "1.3");
    meta(&x, r);
    samen_xml_start(&x, "graph");
    samen_xml_attr(&x, "mode", "dynamic");
    samen_xml_attr(&x, "defaultedgetype", "undirected");
    samen_xml_attr(&x, "timeformat", "double");
    samen_xml_attr(&x, "timerepresentation", "interval");
    samen_xml_attr_int(&x, "start", 0);
    samen_xml_attr_int(&x, "end", r->sc->steps - 1);
    declarations(&x, r->sc);
    nodes(&x, r);
    edges(&x, r);
    samen_xml_end(&x);
    samen_xml_end(&x);
    return samen_xml_commit(&x, err);
}
