/* test_export.c: `samen export` (src/export/): a run of two networks with
 * drop-outs and a dissolution, exported to GEXF, GraphML and RSiena and
 * read back by parsers of those formats (libxml2 for the XML, the project's
 * CSV reader for the rest); every tie, spell and wave checked against the
 * run's own ties.csv and events.csv, read here independently; names with
 * &, <, quotes and UTF-8 through the XML; whole-or-nothing writes; the
 * loader's errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "export/export.h"
#include "fixture.h"
#include "samen/samen.h"
#include "scenario/scenario_int.h"
#include "util/outfile.h"

static int exists(const char *path);

/* ---- the run: two networks over eight organisations ---- */

static const char run_ini[] =
    "[simulation]\nsteps = 120\nseed = 5\nthemes = a, b\n"
    "[output]\nsnapshot_every = 10\n"
    "[drop]\nbase = 0.02\n"
    "[organisations]\nfile = orgs.csv\n"
    "[network alpha]\ninitiator = s1\nissue = a:0.7, b:0.3\nconcreteness = 0.5\neffort = 6\n"
    "[network beta]\ninitiator = s2\nissue = a:0.4, b:0.6\nconcreteness = 0.6\neffort = 6\n";

/* The names XML must escape (& < > ") and UTF-8 beyond ASCII. */
#define NAME_S1 "Crèche \"De Zon\" & <Maan>"
#define NAME_S2 "Ŝkolo, ‘la unua’ > één"
#define SECTOR_S1 "jeugd & sport"

static const char run_orgs[] =
    "id,name,sector,capacity,mandate,latency,guard,patience,a,b\n"
    "s1,\"Crèche \"\"De Zon\"\" & <Maan>\"," SECTOR_S1 ",3,feedback,2,0.5,80,1,0.4\n"
    "s2,\"" NAME_S2 "\",school,3,decision,2,0.5,80,0.8,0.7\n"
    "o3,Three,sport,3,feedback,2,0.5,80,0.6,0.9\n"
    "o4,Four,culture,3,decision,2,0.5,80,0.7,1\n"
    "o5,Five,welfare,3,feedback,2,0.5,80,0.9,0.8\n"
    "o6,Six,youth,3,decision,2,0.5,80,0.5,0.6\n"
    "o7,Seven,health,3,feedback,2,0.5,80,0.8,0.5\n"
    "o8,Eight,care,3,decision,2,0.5,80,0.6,0.6\n";

enum { STEPS = 120, EVERY = 10, N_WAVES = 13 }; /* 0, 10, ..., 110 and 119 */
static const char *const org_ids[] = {"s1", "s2", "o3", "o4", "o5", "o6", "o7", "o8"};
enum { N_ORGS = 8 };

static char work[64];     /* the folder of the test: s.ini, orgs.csv, run/ */
static char run_dir[128];

typedef struct row row;
static row *t, *e;        /* the run's ties.csv and events.csv, read once */
static int nt, ne;
static row *read_rows(const char *name, int kind, int *n);

static int setup(void **state)
{
    (void)state;
    snprintf(work, sizeof work, "/tmp/samen-export-test-XXXXXX");
    if (!mkdtemp(work))
        return -1;
    if (fx_write(work, "s.ini", run_ini) || fx_write(work, "orgs.csv", run_orgs))
        return -1;
    snprintf(run_dir, sizeof run_dir, "%s/run", work);
    char path[512];
    snprintf(path, sizeof path, "%s/s.ini", work);
    samen_scenario *sc;
    samen_error err;
    samen_error_clear(&err);
    if (mkdir(run_dir, 0777) || samen_scenario_load(&sc, path, NULL, 0, &err))
        return -1;
    int rc = samen_run_to_dir(sc, run_dir, NULL, &err);
    samen_scenario_free(sc);
    if (rc == SAMEN_OK) {
        t = read_rows("ties.csv", 't', &nt);
        e = read_rows("events.csv", 'e', &ne);
    }
    return rc;
}

/* Removes what a test left in the work folder, then the folder. */
static int teardown(void **state)
{
    (void)state;
    free(t);
    free(e);
    char path[512];
    static const char *const subs[] = {"run/rsiena", "run/rsiena-beta", "out/rsiena", "out",
                                       "run"};
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", work, subs[i]);
        samen_remove_folder(path);
    }
    return samen_remove_folder(work);
}

static int org_of(const char *id)
{
    int o = 0;
    while (o < N_ORGS && strcmp(org_ids[o], id))
        o++;
    if (o == N_ORGS)
        fail_msg("unknown organisation '%s'", id);
    return o < N_ORGS ? o : 0; /* fail_msg does not return */
}

/* ---- the run's rows, read independently of src/export ---- */

struct row {
    int step;
    char net[16], a[16], b[16], event[32];
    double trust;
};

/* ties.csv (kind 't': step,net,a,b,trust) or events.csv ('e':
 * step,net,org as a,person,event); none of their fields needs quoting. */
static row *read_rows(const char *name, int kind, int *n)
{
    char path[512], line[512];
    snprintf(path, sizeof path, "%s/%s", run_dir, name);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    row *r = calloc(4096, sizeof *r);
    assert_non_null(r);
    *n = 0;
    assert_non_null(fgets(line, sizeof line, fp));
    while (fgets(line, sizeof line, fp)) {
        assert_true(*n < 4096);
        row *x = &r[*n];
        char *f[8] = {0};
        int k = 0;
        for (char *p = line, *c; k < 8 && p; p = c ? c + 1 : NULL, k++) {
            c = strpbrk(p, ",\n");
            f[k] = p;
            if (c)
                *c = '\0';
        }
        x->step = atoi(f[0]);
        snprintf(x->net, sizeof x->net, "%s", f[1]);
        snprintf(x->a, sizeof x->a, "%s", f[2]);
        if (kind == 't') {
            snprintf(x->b, sizeof x->b, "%s", f[3]);
            x->trust = atof(f[4]);
        } else {
            snprintf(x->event, sizeof x->event, "%s", f[4]);
        }
        (*n)++;
    }
    fclose(fp);
    return r;
}

/* The largest trust of pair a-b at step in net (NULL: any), or -1. */
static double tie_at(const row *t, int n, const char *net, const char *a, const char *b,
                     int step)
{
    double best = -1;
    for (int i = 0; i < n; i++)
        if (t[i].step == step && (!net || !strcmp(t[i].net, net))
            && ((!strcmp(t[i].a, a) && !strcmp(t[i].b, b))
                || (!strcmp(t[i].a, b) && !strcmp(t[i].b, a))))
            best = fmax(best, t[i].trust);
    return best;
}

static int wave_step(int w)
{
    return w == N_WAVES - 1 ? STEPS - 1 : w * EVERY;
}

/* Membership of one network from the events: per organisation, the step
 * of its join and of its departure (a dropout, the network's end, or the
 * last step); -1 never joined. One spell each here (no one rejoins). */
static void spells_of(const row *e, int n, const char *net, int join[N_ORGS],
                      int leave[N_ORGS])
{
    for (int i = 0; i < N_ORGS; i++)
        join[i] = leave[i] = -1;
    for (int i = 0; i < n; i++) {
        if (strcmp(e[i].net, net))
            continue;
        if (!strcmp(e[i].event, "join"))
            join[org_of(e[i].a)] = e[i].step;
        else if (!strcmp(e[i].event, "dropout"))
            leave[org_of(e[i].a)] = e[i].step;
        else if (!strcmp(e[i].event, "dissolved") || !strcmp(e[i].event, "completed")
                 || !strcmp(e[i].event, "merger"))
            for (int o = 0; o < N_ORGS; o++)
                if (join[o] >= 0 && leave[o] < 0)
                    leave[o] = e[i].step;
    }
    for (int o = 0; o < N_ORGS; o++)
        if (join[o] >= 0 && leave[o] < 0)
            leave[o] = STEPS - 1;
}

/* ---- XML helpers ---- */

static const char *attr(xmlNode *node, const char *name)
{
    static char buf[8][512];
    static int k;
    xmlChar *v = xmlGetProp(node, BAD_CAST name);
    if (!v)
        return NULL;
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], "%s", (const char *)v);
    xmlFree(v);
    return buf[k];
}

static int is(xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* The first element child of n named name (from after `after`), or NULL. */
static xmlNode *child(xmlNode *n, const char *name, xmlNode *after)
{
    for (xmlNode *c = after ? after->next : n->children; c; c = c->next)
        if (is(c, name))
            return c;
    return NULL;
}

static xmlDoc *parse(const char *path)
{
    xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    if (!doc)
        fail_msg("%s is not well-formed XML", path);
    return doc;
}

static void assert_ns(xmlNode *root, const char *name, const char *ns)
{
    assert_true(is(root, name));
    assert_non_null(root->ns);
    assert_string_equal((const char *)root->ns->href, ns);
}

/* Exports the run in the given format with opts o (NULL: the defaults);
 * rep (may be NULL) gets the writer's report. */
static void export_with(int format, const char *network, const char *path,
                        const samen_export_opts *o, samen_export_report *rep)
{
    samen_export_run r;
    samen_error err;
    samen_error_clear(&err);
    samen_export_opts d = samen_export_opts_default();
    if (!o)
        o = &d;
    if (samen_export_load(&r, run_dir, network, &err))
        fail_msg("load: %s: %s", err.file, err.msg);
    int rc = format == SAMEN_EXPORT_GEPHI     ? samen_export_gexf(&r, path, &err)
             : format == SAMEN_EXPORT_GRAPHML ? samen_export_graphml(&r, path, o, rep, &err)
                                              : samen_export_rsiena(&r, path, o, rep, &err);
    if (rc)
        fail_msg("export: %s: %s", err.file, err.msg);
    samen_export_free(&r);
}

static void export_ok(int format, const char *network, const char *path, double threshold)
{
    samen_export_opts o = samen_export_opts_default();
    o.threshold = threshold;
    export_with(format, network, path, &o, NULL);
}

/* ---- GEXF ---- */

/* Every tie at a snapshot step is an attvalue of its edge (start = the
 * step, the largest trust), nothing else is; spells cover exactly the
 * snapshot steps of the pair; nodes carry their names and spells. */
static void gexf_dynamic(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/network.gexf", run_dir);
    export_ok(SAMEN_EXPORT_GEPHI, NULL, path, 0.5);

    xmlDoc *doc = parse(path);
    xmlNode *root = xmlDocGetRootElement(doc);
    assert_ns(root, "gexf", "http://gexf.net/1.3");
    assert_string_equal(attr(root, "version"), "1.3");
    xmlNode *graph = child(root, "graph", NULL);
    assert_non_null(graph);
    assert_string_equal(attr(graph, "mode"), "dynamic");
    assert_string_equal(attr(graph, "timeformat"), "double");
    assert_string_equal(attr(graph, "defaultedgetype"), "undirected");
    /* declarations before nodes before edges (the GEXF grammar's order) */
    xmlNode *na = child(graph, "attributes", NULL), *ea = child(graph, "attributes", na);
    assert_string_equal(attr(na, "class"), "node");
    assert_string_equal(attr(ea, "class"), "edge");
    assert_string_equal(attr(ea, "mode"), "dynamic");
    xmlNode *trust_decl = child(ea, "attribute", NULL);
    assert_string_equal(attr(trust_decl, "title"), "trust");
    assert_string_equal(attr(trust_decl, "type"), "double");
    xmlNode *nodes = child(graph, "nodes", ea), *edges = child(graph, "edges", nodes);
    assert_non_null(nodes);
    assert_non_null(edges);

    /* nodes: the members of either network; spells the union of both */
    int ja[N_ORGS], la[N_ORGS], jb[N_ORGS], lb[N_ORGS], seen[N_ORGS] = {0};
    spells_of(e, ne, "alpha", ja, la);
    spells_of(e, ne, "beta", jb, lb);
    int n_nodes = 0;
    for (xmlNode *v = child(nodes, "node", NULL); v; v = child(nodes, "node", v)) {
        int o = org_of(attr(v, "id"));
        seen[o] = 1;
        n_nodes++;
        if (o == 0)
            assert_string_equal(attr(v, "label"), NAME_S1);
        if (o == 1)
            assert_string_equal(attr(v, "label"), NAME_S2);
        xmlNode *av = child(v, "attvalues", NULL);
        for (xmlNode *a = child(av, "attvalue", NULL); a; a = child(av, "attvalue", a)) {
            if (o == 0 && !strcmp(attr(a, "for"), "sector"))
                assert_string_equal(attr(a, "value"), SECTOR_S1);
            /* `name` is the id, as in the GraphML; the name is the label */
            if (!strcmp(attr(a, "for"), "name"))
                assert_string_equal(attr(a, "value"), org_ids[o]);
        }
        /* each step of the run: inside a spell iff a member of a network */
        xmlNode *sp = child(v, "spells", av);
        assert_non_null(sp);
        for (int s = 0; s < STEPS; s++) {
            int in = 0;
            for (xmlNode *x = child(sp, "spell", NULL); x; x = child(sp, "spell", x))
                in |= atoi(attr(x, "start")) <= s && s <= atoi(attr(x, "end"));
            int member = (ja[o] >= 0 && ja[o] <= s && s <= la[o])
                         || (jb[o] >= 0 && jb[o] <= s && s <= lb[o]);
            if (in != member)
                fail_msg("%s at step %d: spell %d, member %d", org_ids[o], s, in, member);
        }
    }
    for (int o = 0; o < N_ORGS; o++)
        assert_int_equal(seen[o], ja[o] >= 0 || jb[o] >= 0);
    assert_int_equal(atoi(attr(nodes, "count")), n_nodes);

    /* edges: one per pair; an attvalue per snapshot step it is present */
    int n_values = 0, want_values = 0;
    for (xmlNode *x = child(edges, "edge", NULL); x; x = child(edges, "edge", x)) {
        char a[64], b[64]; /* attr's buffers are reused */
        snprintf(a, sizeof a, "%s", attr(x, "source"));
        snprintf(b, sizeof b, "%s", attr(x, "target"));
        xmlNode *av = child(x, "attvalues", NULL), *sp = child(x, "spells", av);
        assert_non_null(sp);
        for (xmlNode *v = child(av, "attvalue", NULL); v; v = child(av, "attvalue", v)) {
            int step = atoi(attr(v, "start"));
            double want = tie_at(t, nt, NULL, a, b, step);
            char buf[32];
            if (want < 0)
                fail_msg("edge %s-%s has a trust at step %d, where ties.csv has none", a, b,
                         step);
            assert_string_equal(attr(v, "value"), samen_fmt_num(buf, want));
            assert_int_equal(step % EVERY == 0 || step == STEPS - 1, 1);
            n_values++;
        }
        for (int w = 0; w < N_WAVES; w++) {
            int s = wave_step(w), in = 0;
            for (xmlNode *y = child(sp, "spell", NULL); y; y = child(sp, "spell", y))
                in |= atoi(attr(y, "start")) <= s && s <= atoi(attr(y, "end"));
            assert_int_equal(in, tie_at(t, nt, NULL, a, b, s) >= 0);
        }
    }
    /* ... and as many as ties.csv has distinct pairs at snapshot steps */
    for (int w = 0; w < N_WAVES; w++)
        for (int i = 0; i < N_ORGS; i++)
            for (int j = i + 1; j < N_ORGS; j++)
                want_values += tie_at(t, nt, NULL, org_ids[i], org_ids[j], wave_step(w)) >= 0;
    assert_true(want_values > 0);
    assert_int_equal(n_values, want_values);
    xmlFreeDoc(doc);
}

/* ---- GraphML ---- */

/* A GraphML file read back: the graph's step, and per node (in the
 * organisations' order) its name, label and member data; edges. */
typedef struct gml {
    int step, n_nodes, n_edges;
    char name[N_ORGS][64], label[N_ORGS][128];
    int member[N_ORGS], seen[N_ORGS];
    char a[64][16], b[64][16];
    char trust[64][32];
} gml;

static void text_of(xmlNode *d, char *buf, size_t n)
{
    xmlChar *s = xmlNodeGetContent(d);
    snprintf(buf, n, "%s", (const char *)s);
    xmlFree(s);
}

static gml *read_graphml(const char *path)
{
    gml *g = calloc(1, sizeof *g);
    assert_non_null(g);
    xmlDoc *doc = parse(path);
    xmlNode *root = xmlDocGetRootElement(doc);
    assert_ns(root, "graphml", "http://graphml.graphdrawing.org/xmlns");
    /* keys first, each with its domain, name and type: the key ids of the
     * attributes looked at */
    char k_name[32] = "", k_label[32] = "", k_member[32] = "", k_trust[32] = "",
         k_step[32] = "";
    for (xmlNode *k = child(root, "key", NULL); k; k = child(root, "key", k)) {
        char id[32], for_[16], nm[32];
        snprintf(id, sizeof id, "%s", attr(k, "id"));
        snprintf(for_, sizeof for_, "%s", attr(k, "for"));
        snprintf(nm, sizeof nm, "%s", attr(k, "attr.name"));
        assert_non_null(attr(k, "attr.type"));
        char *slot = !strcmp(for_, "node") && !strcmp(nm, "name")     ? k_name
                     : !strcmp(for_, "node") && !strcmp(nm, "label")  ? k_label
                     : !strcmp(for_, "node") && !strcmp(nm, "member") ? k_member
                     : !strcmp(for_, "edge") && !strcmp(nm, "trust")  ? k_trust
                     : !strcmp(for_, "graph") && !strcmp(nm, "step")  ? k_step
                                                                      : NULL;
        if (slot) {
            assert_string_equal(slot, ""); /* one key per attribute */
            snprintf(slot, 32, "%s", id);
        }
    }
    assert_true(*k_name && *k_label && *k_member && *k_trust && *k_step);
    xmlNode *graph = child(root, "graph", NULL);
    assert_string_equal(attr(graph, "edgedefault"), "undirected");
    char buf[128];
    g->step = -1;
    for (xmlNode *d = child(graph, "data", NULL); d; d = child(graph, "data", d))
        if (!strcmp(attr(d, "key"), k_step)) {
            text_of(d, buf, sizeof buf);
            g->step = atoi(buf);
        }
    for (xmlNode *v = child(graph, "node", NULL); v; v = child(graph, "node", v)) {
        int o = org_of(attr(v, "id"));
        assert_false(g->seen[o]);
        g->seen[o] = 1;
        g->n_nodes++;
        g->member[o] = -1;
        for (xmlNode *d = child(v, "data", NULL); d; d = child(v, "data", d)) {
            char key[32];
            snprintf(key, sizeof key, "%s", attr(d, "key"));
            if (!strcmp(key, k_name))
                text_of(d, g->name[o], sizeof g->name[o]);
            if (!strcmp(key, k_label))
                text_of(d, g->label[o], sizeof g->label[o]);
            if (!strcmp(key, k_member)) {
                text_of(d, buf, sizeof buf);
                g->member[o] = atoi(buf);
            }
        }
    }
    for (xmlNode *x = child(graph, "edge", NULL); x; x = child(graph, "edge", x)) {
        assert_true(g->n_edges < 64);
        snprintf(g->a[g->n_edges], 16, "%s", attr(x, "source"));
        snprintf(g->b[g->n_edges], 16, "%s", attr(x, "target"));
        xmlNode *d = child(x, "data", NULL);
        assert_string_equal(attr(d, "key"), k_trust);
        text_of(d, g->trust[g->n_edges], 32);
        g->n_edges++;
    }
    xmlFreeDoc(doc);
    return g;
}

/* The GraphML of step over network net (NULL: both) against the run's
 * rows: every organisation a node, keyed by id (`name`) with its name as
 * `label`; `member` 1 just where a spell of the network(s) covers step;
 * the edges the pairs ties.csv lists at step, with their largest trust. */
static void check_graphml(const char *path, const char *net, int step)
{
    gml *g = read_graphml(path);
    assert_int_equal(g->step, step);
    assert_int_equal(g->n_nodes, N_ORGS);
    int ja[N_ORGS], la[N_ORGS], jb[N_ORGS], lb[N_ORGS];
    spells_of(e, ne, "alpha", ja, la);
    spells_of(e, ne, "beta", jb, lb);
    int members = 0;
    for (int o = 0; o < N_ORGS; o++) {
        assert_string_equal(g->name[o], org_ids[o]);
        if (o <= 1)
            assert_string_equal(g->label[o], o == 0 ? NAME_S1 : NAME_S2);
        int in_a = (!net || !strcmp(net, "alpha")) && ja[o] >= 0 && ja[o] <= step
                   && step <= la[o];
        int in_b = (!net || !strcmp(net, "beta")) && jb[o] >= 0 && jb[o] <= step
                   && step <= lb[o];
        if (g->member[o] != (in_a || in_b))
            fail_msg("%s at step %d: member %d, spells say %d", org_ids[o], step,
                     g->member[o], in_a || in_b);
        members += g->member[o];
    }
    assert_true(members > 0);
    for (int i = 0; i < g->n_edges; i++) {
        double want = tie_at(t, nt, net, g->a[i], g->b[i], step);
        char buf[32];
        assert_true(want >= 0);
        assert_string_equal(g->trust[i], samen_fmt_num(buf, want));
    }
    int want_edges = 0;
    for (int i = 0; i < N_ORGS; i++)
        for (int j = i + 1; j < N_ORGS; j++)
            want_edges += tie_at(t, nt, net, org_ids[i], org_ids[j], step) >= 0;
    assert_int_equal(g->n_edges, want_edges);
    free(g);
}

/* By default the run's last step, over both networks; --step picks a
 * snapshot step or a network's end (beta dissolves off the snapshot
 * steps), and a step neither graph.csv nor ties.csv has is refused with
 * the nearest ones. */
static void graphml_steps(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/network.graphml", run_dir);
    samen_export_report rep = {0};
    export_with(SAMEN_EXPORT_GRAPHML, NULL, path, NULL, &rep);
    assert_int_equal(rep.step, STEPS - 1);
    check_graphml(path, NULL, STEPS - 1);

    samen_export_opts o = samen_export_opts_default();
    o.step = 30;
    export_with(SAMEN_EXPORT_GRAPHML, NULL, path, &o, NULL);
    check_graphml(path, NULL, 30);

    /* beta's end: the last step ties.csv lists it, not a snapshot step */
    int end = -1;
    for (int i = 0; i < nt; i++)
        if (!strcmp(t[i].net, "beta") && t[i].step > end)
            end = t[i].step;
    assert_true(end > 0 && end < STEPS - 1);
    snprintf(path, sizeof path, "%s/beta.graphml", run_dir);
    o.step = end;
    export_with(SAMEN_EXPORT_GRAPHML, "beta", path, &o, NULL);
    check_graphml(path, "beta", end);

    /* a step between snapshots with no tie row: refused, nothing written */
    int off = EVERY + 1;
    for (int i = 0; i < nt; i++)
        assert_true(t[i].step != off);
    samen_export_run r;
    samen_error err;
    samen_error_clear(&err);
    assert_int_equal(samen_export_load(&r, run_dir, NULL, &err), SAMEN_OK);
    snprintf(path, sizeof path, "%s/off.graphml", run_dir);
    o.step = off;
    assert_int_equal(samen_export_graphml(&r, path, &o, NULL, &err), SAMEN_EINPUT);
    assert_string_equal(err.key, "--step");
    assert_non_null(strstr(err.msg, "nearest is 10 or 20"));
    o.step = STEPS;
    assert_int_equal(samen_export_check_step(&r, STEPS, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "nearest is 119"));
    assert_int_equal(samen_export_check_step(&r, end, &err), SAMEN_OK);
    assert_false(exists(path));
    samen_export_free(&r);
}

/* ---- RSiena ---- */

typedef struct csv_rows {
    int n;
    char cell[64][16][64];
} csv_rows;

static int keep_row(void *user, int line, char **f, int n, samen_error *err)
{
    (void)line;
    (void)err;
    csv_rows *c = user;
    assert_true(c->n < 64 && n <= 16);
    for (int i = 0; i < n; i++)
        snprintf(c->cell[c->n][i], sizeof c->cell[c->n][i], "%s", f[i]);
    c->n++;
    return 0;
}

static csv_rows *read_csv(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    csv_rows *c = calloc(1, sizeof *c);
    assert_non_null(c);
    samen_error err;
    if (samen_csv_read(path, keep_row, c, &err))
        fail_msg("%s: %s", path, err.msg);
    return c;
}

/* sienaCompositionChange's time of a step, worked out here: wave w + the
 * fraction of the way to the next wave's step. */
static double wave_time(int step)
{
    for (int w = N_WAVES - 1; w >= 0; w--)
        if (wave_step(w) <= step)
            return w == N_WAVES - 1
                       ? N_WAVES
                       : w + 1 + (double)(step - wave_step(w)) / (wave_step(w + 1) - wave_step(w));
    return 1;
}

/* Network alpha with threshold 0.3: waves.csv, actors (names through CSV
 * quoting), composition = its join and drop-out events in wave units, and
 * every matrix symmetric with a zero diagonal, its 1s the ties of that
 * snapshot with trust >= 0.3. */
static void rsiena_waves(void **state)
{
    (void)state;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/rsiena", run_dir);
    export_ok(SAMEN_EXPORT_RSIENA, "alpha", dir, 0.3);
    int ja[N_ORGS], la[N_ORGS];
    spells_of(e, ne, "alpha", ja, la);

    csv_rows *w = read_csv(dir, "waves.csv");
    assert_int_equal(w->n, 1 + N_WAVES);
    assert_string_equal(w->cell[0][0], "wave");
    for (int i = 0; i < N_WAVES; i++) {
        assert_int_equal(atoi(w->cell[1 + i][0]), i + 1);
        assert_int_equal(atoi(w->cell[1 + i][1]), wave_step(i));
    }
    csv_rows *a = read_csv(dir, "actors.csv");
    static const char *const cols[] = {"id", "name", "sector", "capacity", "mandate",
                                       "latency", "guard", "patience", "a", "b"};
    for (int c = 0; c < 10; c++)
        assert_string_equal(a->cell[0][c], cols[c]);
    int actor[N_ORGS], n = a->n - 1; /* actor index -> organisation */
    for (int i = 0; i < n; i++) {
        actor[i] = org_of(a->cell[1 + i][0]);
        assert_true(ja[actor[i]] >= 0);
        if (actor[i] == 0)
            assert_string_equal(a->cell[1 + i][1], NAME_S1);
        if (actor[i] == 1)
            assert_string_equal(a->cell[1 + i][1], NAME_S2);
    }
    csv_rows *cp = read_csv(dir, "composition.csv");
    assert_int_equal(cp->n - 1, n);
    for (int i = 1; i < cp->n; i++) {
        int o = org_of(cp->cell[i][0]);
        assert_close(atof(cp->cell[i][1]), wave_time(ja[o]), 0, 1e-5);
        assert_close(atof(cp->cell[i][2]), wave_time(la[o]), 0, 1e-5);
    }
    for (int k = 0; k < N_WAVES; k++) {
        char name[32], path[600];
        snprintf(name, sizeof name, "wave-%02d.csv", k + 1);
        snprintf(path, sizeof path, "%s/%s", dir, name);
        FILE *fp = fopen(path, "r");
        assert_non_null(fp);
        int m[N_ORGS][N_ORGS];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                assert_int_equal(fscanf(fp, "%d", &m[i][j]), 1);
        int extra;
        assert_int_equal(fscanf(fp, "%d", &extra), EOF);
        fclose(fp);
        for (int i = 0; i < n; i++) {
            assert_int_equal(m[i][i], 0);
            for (int j = 0; j < n; j++) {
                assert_int_equal(m[i][j], m[j][i]);
                if (i == j)
                    continue;
                double tr = tie_at(t, nt, "alpha", org_ids[actor[i]], org_ids[actor[j]],
                                   wave_step(k));
                assert_int_equal(m[i][j], tr >= 0.3);
            }
        }
    }
    free(w);
    free(a);
    free(cp);
}

/* The waves the export should keep of the candidate steps cand[0..n) for
 * network net: those where a spell covers the step. */
static int kept_waves(const char *net, const int *cand, int n, int *kept)
{
    int j[N_ORGS], l[N_ORGS], k = 0;
    spells_of(e, ne, net, j, l);
    for (int i = 0; i < n; i++) {
        int any = 0;
        for (int o = 0; o < N_ORGS; o++)
            any |= j[o] >= 0 && j[o] <= cand[i] && cand[i] <= l[o];
        if (any)
            kept[k++] = cand[i];
    }
    return k;
}

/* A step in units of the waves kept[0..n): clamped to 1 before the first
 * and to n after the last, worked out here independently. */
static double time_in(const int *kept, int n, int step)
{
    if (step <= kept[0])
        return 1;
    for (int w = 0; w + 1 < n; w++)
        if (step < kept[w + 1])
            return w + 1 + (double)(step - kept[w]) / (kept[w + 1] - kept[w]);
    return n;
}

/* waves.csv, composition.csv and the wave files of the export in dir
 * against the waves kept and the spells of net. */
static void check_rsiena_waves(const char *dir, const char *net, const int *kept, int n)
{
    csv_rows *w = read_csv(dir, "waves.csv");
    assert_int_equal(w->n, 1 + n);
    for (int i = 0; i < n; i++) {
        assert_int_equal(atoi(w->cell[1 + i][0]), i + 1);
        assert_int_equal(atoi(w->cell[1 + i][1]), kept[i]);
    }
    char path[600];
    snprintf(path, sizeof path, "%s/wave-%02d.csv", dir, n);
    assert_true(exists(path));
    snprintf(path, sizeof path, "%s/wave-%02d.csv", dir, n + 1);
    assert_false(exists(path));
    /* one row per spell of positive length in wave units, none other */
    int j[N_ORGS], l[N_ORGS], want = 0;
    spells_of(e, ne, net, j, l);
    csv_rows *cp = read_csv(dir, "composition.csv");
    for (int o = 0; o < N_ORGS; o++) {
        if (j[o] < 0)
            continue;
        double join = time_in(kept, n, j[o]), leave = time_in(kept, n, l[o]);
        int found = 0;
        for (int i = 1; i < cp->n; i++)
            if (!strcmp(cp->cell[i][0], org_ids[o])) {
                found++;
                assert_close(atof(cp->cell[i][1]), join, 0, 1e-5);
                assert_close(atof(cp->cell[i][2]), leave, 0, 1e-5);
            }
        assert_int_equal(found, leave > join);
        want += leave > join;
    }
    assert_int_equal(cp->n - 1, want);
    for (int i = 1; i < cp->n; i++)
        assert_true(atof(cp->cell[i][2]) > atof(cp->cell[i][1]));
    free(w);
    free(cp);
}

/* A network that ends early (beta dissolves before step 60): the snapshot
 * steps after its end have no actor present and are left out, reported;
 * the spells are in units of the waves kept; --waves picks snapshot steps
 * and refuses others; nothing present at any wave is an error. */
static void rsiena_early_end(void **state)
{
    (void)state;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/rsiena-beta", run_dir);
    samen_export_report rep = {0};
    export_with(SAMEN_EXPORT_RSIENA, "beta", dir, NULL, &rep);
    int cand[N_WAVES], kept[N_WAVES];
    for (int w = 0; w < N_WAVES; w++)
        cand[w] = wave_step(w);
    int n = kept_waves("beta", cand, N_WAVES, kept);
    assert_true(n > 1 && n < N_WAVES - 4);
    assert_int_equal(rep.n_waves, n);
    assert_int_equal(rep.n_empty, N_WAVES - n);
    assert_int_equal(rep.empty_step[0], kept[n - 1] + EVERY);
    check_rsiena_waves(dir, "beta", kept, n);
    samen_remove_folder(dir);

    /* --waves 10:110:20 of alpha: steps 10, 30, ..., 110 */
    samen_export_opts o = samen_export_opts_default();
    samen_error err;
    samen_error_clear(&err);
    assert_int_equal(samen_export_parse_waves("10:110:20", &o, &err), SAMEN_OK);
    export_with(SAMEN_EXPORT_RSIENA, "alpha", dir, &o, &rep);
    const int picked[] = {10, 30, 50, 70, 90, 110};
    n = kept_waves("alpha", picked, 6, kept);
    assert_true(n >= 2);
    assert_int_equal(rep.n_waves, n);
    check_rsiena_waves(dir, "alpha", kept, n);
    samen_remove_folder(dir);

    /* --waves that is not A:B:E, or that picks a step between snapshots */
    static const char *const bad[] = {"10:110", "10:5:1", "0:10:0", "a:b:c", "0:10:2:1",
                                      "-1:10:1", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(samen_export_parse_waves(bad[i], &o, &err), SAMEN_EINPUT);
        assert_string_equal(err.key, "--waves");
    }
    samen_export_run r;
    assert_int_equal(samen_export_load(&r, run_dir, "beta", &err), SAMEN_OK);
    assert_int_equal(samen_export_parse_waves("0:40:5", &o, &err), SAMEN_OK);
    assert_int_equal(samen_export_rsiena(&r, dir, &o, NULL, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "picks step 5, which is not a snapshot step"));
    /* after beta's end nobody is present */
    assert_int_equal(samen_export_parse_waves("100:110:10", &o, &err), SAMEN_OK);
    assert_int_equal(samen_export_rsiena(&r, dir, &o, NULL, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "no actor is present"));
    assert_false(exists(dir));
    samen_export_free(&r);
}

/* ---- whole or nothing, and the loader's errors ---- */

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void whole_or_nothing(void **state)
{
    (void)state;
    samen_export_run r;
    samen_error err;
    samen_error_clear(&err);
    assert_int_equal(samen_export_load(&r, run_dir, NULL, &err), SAMEN_OK);
    char out[128], path[600];
    snprintf(out, sizeof out, "%s/out", work);
    /* a folder that is not there: an I/O error, nothing written */
    snprintf(path, sizeof path, "%s/network.gexf", out);
    assert_int_equal(samen_export_gexf(&r, path, &err), SAMEN_EIO);
    assert_false(exists(out));
    /* rsiena into a folder of other files: refused, the folder untouched */
    assert_int_equal(mkdir(out, 0777), 0);
    assert_int_equal(fx_write(out, "notes.txt", "mine\n"), 0);
    samen_export_opts d = samen_export_opts_default(), d9 = d;
    d9.threshold = 0.9;
    assert_int_equal(samen_export_rsiena(&r, out, &d, NULL, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "notes.txt"));
    assert_true(exists(path) == 0);
    snprintf(path, sizeof path, "%s/notes.txt", out);
    assert_true(exists(path));
    unlink(path);
    /* an earlier export is replaced whole */
    snprintf(path, sizeof path, "%s/rsiena", out);
    assert_int_equal(samen_export_rsiena(&r, path, &d, NULL, &err), SAMEN_OK);
    assert_int_equal(samen_export_rsiena(&r, path, &d9, NULL, &err), SAMEN_OK);
    snprintf(path, sizeof path, "%s/rsiena/wave-13.csv", out);
    assert_true(exists(path));
    samen_export_free(&r);
}

static void load_errors(void **state)
{
    (void)state;
    samen_export_run r;
    samen_error err;
    samen_error_clear(&err);
    /* the work folder holds a scenario, not a run */
    assert_int_equal(samen_export_load(&r, work, NULL, &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "not a run folder"));
    /* a network that is not there, with the nearest one */
    assert_int_equal(samen_export_load(&r, run_dir, "alfa", &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "did you mean 'alpha'"));
    assert_int_equal(samen_export_load(&r, run_dir, "bet", &err), SAMEN_EINPUT);
    assert_non_null(strstr(err.msg, "did you mean 'beta'"));
    /* --to names */
    const char *nearest;
    assert_int_equal(samen_export_format_of("graphml", &nearest), SAMEN_EXPORT_GRAPHML);
    assert_int_equal(samen_export_format_of("gefi", &nearest), -1);
    assert_string_equal(nearest, "gephi");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gexf_dynamic),
        cmocka_unit_test(graphml_steps),
        cmocka_unit_test(rsiena_waves),
        cmocka_unit_test(rsiena_early_end),
        cmocka_unit_test(whole_or_nothing),
        cmocka_unit_test(load_errors),
    };
    int rc = cmocka_run_group_tests(tests, setup, teardown);
    xmlCleanupParser();
    return rc;
}
