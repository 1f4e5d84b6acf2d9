/* graphml.c: network.graphml (FORMATS.md "samen export"): the ties of one
 * step (--step, by default the run's last) as one undirected graph over
 * every organisation of the scenario, as graph.csv counts them, so that
 * igraph's and networkx's measures of the file are graph.csv's row of that
 * step; `member` says who is in a network then. Nodes are keyed by id in
 * both tools: the attribute `name` (igraph's key) holds the id, `label`
 * the organisation's name. */
#include "export/export.h"

#include <stdio.h>
#include <stdlib.h>

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

/* The organisations file's column c is written under key "v<c>"; its
 * column `name` goes to `label`, as `name` holds the id. */
static const char *column_title(const samen_scenario *sc, int c, int *numeric)
{
    const char *t = samen_export_column(sc, c, numeric);
    return c == 0 ? "label" : t;
}

int samen_export_graphml(const samen_export_run *r, const char *path,
                         const samen_export_opts *o, samen_export_report *rep,
                         samen_error *err)
{
    const samen_scenario *sc = r->sc;
    int step = o && o->step >= 0 ? o->step : sc->steps - 1;
    int rc = samen_export_check_step(r, step, err);
    if (rc)
        return rc;
    int *org_node = malloc(((size_t)sc->n_orgs + 1) * sizeof *org_node);
    if (!org_node)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    for (int org = 0; org < sc->n_orgs; org++)
        org_node[org] = -1;
    for (int v = 0; v < r->n_nodes; v++)
        org_node[r->node_org[v]] = v;
    samen_xml x;
    if ((rc = samen_xml_open(&x, path, err))) {
        free(org_node);
        return rc;
    }
    char id[32], buf[32];
    samen_xml_start(&x, "graphml");
    samen_xml_attr(&x, "xmlns", "http://graphml.graphdrawing.org/xmlns");
    samen_xml_attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    samen_xml_attr(&x, "xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns "
                   "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
    key(&x, "step", "graph", "step", "int");
    key(&x, "network", "graph", "network", "string");
    key(&x, "name", "node", "name", "string");
    for (int c = 0; c < samen_export_n_columns(sc); c++) {
        int numeric;
        const char *title = column_title(sc, c, &numeric);
        key(&x, node_key(id, sizeof id, c), "node", title, numeric ? "double" : "string");
    }
    key(&x, "member", "node", "member", "int");
    key(&x, "trust", "edge", "trust", "double");

    samen_xml_start(&x, "graph");
    samen_xml_attr(&x, "id", "samen");
    samen_xml_attr(&x, "edgedefault", "undirected");
    snprintf(buf, sizeof buf, "%d", step);
    data(&x, "step", buf);
    data(&x, "network", r->net >= 0 ? sc->nets[r->net].name : "");
    for (int org = 0; org < sc->n_orgs; org++) {
        int v = org_node[org];
        samen_xml_start(&x, "node");
        samen_xml_attr(&x, "id", sc->orgs[org].id);
        data(&x, "name", sc->orgs[org].id);
        for (int c = 0; c < samen_export_n_columns(sc); c++)
            data(&x, node_key(id, sizeof id, c), samen_export_value(sc, org, c, buf));
        data(&x, "member", v >= 0 && samen_export_member_at(r, v, step) ? "1" : "0");
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
    free(org_node);
    if (rep)
        rep->step = step;
    return samen_xml_commit(&x, err);
}
