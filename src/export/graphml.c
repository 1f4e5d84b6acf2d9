/* graphml.c: network.graphml (FORMATS.md "samen export"): the ties of the
 * last step ties.csv lists for the networks kept (the run's last snapshot,
 * or a network's end) as one undirected graph over every organisation that
 * was ever a member, for igraph's read_graph and networkx's read_graphml. */
#include "export/export.h"

#include <stdio.h>

#include "export/xmlfile.h"

static void key(samen_xml *x, const char *id, const char *for_, const char *name,
                const char *type)
{
    samen_xml_start(x, "key");
    samen_xml_attr(x, "id", id);
    samen_xml_attr(x, "for", for_);
    samen_xml_attr(x, "attr.name", name);
    samen_xml_attr(x, "attr.type", type);
    samen_xml_end(x);
}

static void data(samen_xml *x, const char *key, const char *value)
{
    samen_xml_start(x, "data");
    samen_xml_attr(x, "key", key);
    samen_xml_text(x, value);
    samen_xml_end(x);
}

/* A node attribute's key id: "v" and the column's number, so that no
 * column name can clash with the other keys. */
static const char *node_key(char *buf, size_t n, int c)
{
    snprintf(buf, n, "v%d", c);
    return buf;
}

int samen_export_graphml(const samen_export_run *r, const char *path, samen_error *err)
{
    const samen_scenario *sc = r->sc;
    int step = r->last_tie_step >= 0 ? r->last_tie_step : sc->steps - 1;
    samen_xml x;
    int rc = samen_xml_open(&x, path, err);
    if (rc)
        return rc;
    char id[32], buf[32];
    samen_xml_start(&x, "graphml");
    samen_xml_attr(&x, "xmlns", "http://graphml.graphdrawing.org/xmlns");
    samen_xml_attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    samen_xml_attr(&x, "xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns "
                   "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
    key(&x, "step", "graph", "step", "int");
    key(&x, "network", "graph", "network", "string");
    for (int c = 0; c < samen_export_n_columns(sc); c++) {
        int numeric;
        const char *name = samen_export_column(sc, c, &numeric);
        key(&x, node_key(id, sizeof id, c), "node", name, numeric ? "double" : "string");
    }
    key(&x, "trust", "edge", "trust", "double");

    samen_xml_start(&x, "graph");
    samen_xml_attr(&x, "id", "samen");
    samen_xml_attr(&x, "edgedefault", "undirected");
    snprintf(buf, sizeof buf, "%d", step);
    data(&x, "step", buf);
    data(&x, "network", r->net >= 0 ? sc->nets[r->net].name : "");
    for (int v = 0; v < r->n_nodes; v++) {
        int org = r->node_org[v];
        samen_xml_start(&x, "node");
        samen_xml_attr(&x, "id", sc->orgs[org].id);
        for (int c = 0; c < samen_export_n_columns(sc); c++)
            data(&x, node_key(id, sizeof id, c), samen_export_value(sc, org, c, buf));
        samen_xml_end(&x);
    }
    for (size_t i = 0; i < r->n_ties; i++) {
        const samen_xtie *t = &r->ties[i];
        if (t->step != step)
            continue;
        samen_xml_start(&x, "edge");
        samen_xml_attr(&x, "source", sc->orgs[r->node_org[t->a]].id);
        samen_xml_attr(&x, "target", sc->orgs[r->node_org[t->b]].id);
        data(&x, "trust", samen_fmt_num(buf, t->trust));
        samen_xml_end(&x);
    }
    samen_xml_end(&x);
    samen_xml_end(&x);
    return samen_xml_commit(&x, err);
}
