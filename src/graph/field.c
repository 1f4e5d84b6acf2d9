/* field.c: the field's graph at one snapshot step (FORMATS.md graph.csv):
 * tie rows gathered into a reused buffer, reduced to distinct pairs, and
 * measured with igraph (components, transitivity, degree centralization). */
#include "graph/field.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "util/grow.h"
#include "util/nameindex.h"

/* igraph as Debian builds it is not thread-safe (IGRAPH_THREAD_SAFE is 0:
 * its stack of what to free on an error is one for the process), so runs
 * in threads (memory.h) take turns at its calls: the one lock of the
 * library, held while a field's vectors are made and a snapshot is
 * measured. */
static pthread_mutex_t igraph_lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct pair {
    int a, b;       /* organisation indices, a < b */
    double trust;
} pair;

struct samen_field {
    int n_orgs, n_nets;
    char **ids, **nets;          /* copies, in the order given */
    samen_name_index id_index, net_index;
    int last_net;                /* the network of the last row: rows come grouped */
    /* open (samen_field_open): networks not given are founded ones (MODEL.md
     * 4.14), numbered after the given ones, one number per group of rows:
     * a network's rows of a step come together, so a group is a network */
    int open, next_net;
    const char *last_name;       /* the unknown network of the last group */
    int n_scen;                  /* organisations given; then those added */
    int cap_orgs;
    /* this step */
    int *first_net;              /* per organisation: its first network, or -1 */
    unsigned char *bridging;     /* per organisation: seen in a second network */
    int *touched;                /* organisations whose first_net is set */
    int n_touched;
    long n_bridging;
    pair *pairs;                 /* grows to the largest step, then reused */
    size_t n_pairs, cap_pairs;
    igraph_integer_t *edges;     /* 2 per distinct pair; capacity 2 cap_pairs */
    igraph_vector_int_t csize;   /* component sizes, kept between steps */
    igraph_vector_t degrees;     /* centralization's scores, kept too */
    int igraph_ready;
};

static int by_pair(const void *x, const void *y)
{
    const pair *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

/* Copies names and indexes them; a repeated name is an error. */
static int names_copy(char ***out, samen_name_index *x, int n, const char *const *names,
                      const char *what, samen_error *err)
{
    if (!(*out = calloc((size_t)n + 1, sizeof **out)))
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    for (int i = 0; i < n; i++)
        if (!((*out)[i] = strdup(names[i])))
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    if (samen_name_index_init(x, (const char *const *)*out, n) != 0)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    const char *twice = samen_name_index_repeat(x);
    if (twice)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL, "%s '%s' is given twice",
                               what, twice);
    return SAMEN_OK;
}

samen_field *samen_field_new(int n_orgs, const char *const *org_ids, int n_nets,
                             const char *const *net_names, samen_error *err)
{
    samen_field *f = calloc(1, sizeof *f);
    if (!f) {
        samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        return NULL;
    }
    f->n_orgs = n_orgs;
    f->n_scen = n_orgs;
    f->cap_orgs = n_orgs + 1;
    f->n_nets = n_nets;
    f->last_net = -1;
    size_t n = (size_t)n_orgs + 1;
    int rc = names_copy(&f->ids, &f->id_index, n_orgs, org_ids, "organisation", err);
    if (rc == SAMEN_OK)
        rc = names_copy(&f->nets, &f->net_index, n_nets, net_names, "network", err);
    if (rc == SAMEN_OK) {
        f->first_net = malloc(n * sizeof *f->first_net);
        f->bridging = calloc(n, 1);
        f->touched = malloc(n * sizeof *f->touched);
        /* a first capacity, so that the edge view never has a NULL buffer */
        f->cap_pairs = 256;
        f->pairs = malloc(f->cap_pairs * sizeof *f->pairs);
        f->edges = malloc(2 * f->cap_pairs * sizeof *f->edges);
        if (!f->first_net || !f->bridging || !f->touched || !f->pairs || !f->edges)
            rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    if (rc == SAMEN_OK) {
        for (int i = 0; i < n_orgs; i++)
            f->first_net[i] = -1;
        /* an allocation that fails here reaches igraph's error stack */
        pthread_mutex_lock(&igraph_lock);
        if (igraph_vector_int_init(&f->csize, 0) != IGRAPH_SUCCESS)
            rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        else if (igraph_vector_init(&f->degrees, 0) != IGRAPH_SUCCESS) {
            igraph_vector_int_destroy(&f->csize);
            rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        } else {
            f->igraph_ready = 1;
        }
        pthread_mutex_unlock(&igraph_lock);
    }
    if (rc != SAMEN_OK) {
        samen_field_free(f);
        return NULL;
    }
    return f;
}

samen_field *samen_field_new_scenario(const samen_scenario *sc, samen_error *err)
{
    const char **ids = malloc(((size_t)sc->n_orgs + 1) * sizeof *ids);
    const char **nets = malloc(((size_t)sc->n_nets + 1) * sizeof *nets);
    samen_field *f = NULL;
    if (!ids || !nets) {
        samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    } else {
        for (int i = 0; i < sc->n_orgs; i++)
            ids[i] = sc->orgs[i].id;
        for (int i = 0; i < sc->n_nets; i++)
            nets[i] = sc->nets[i].name;
        f = samen_field_new(sc->n_orgs, ids, sc->n_nets, nets, err);
    }
    free(ids);
    free(nets);
    return f;
}

static void free_names(char **names, int n)
{
    for (int i = 0; names && i < n; i++)
        free(names[i]);
    free(names);
}

void samen_field_free(samen_field *f)
{
    if (!f)
        return;
    free_names(f->ids, f->n_orgs);
    free_names(f->nets, f->n_nets);
    samen_name_index_free(&f->id_index);
    samen_name_index_free(&f->net_index);
    free(f->first_net);
    free(f->bridging);
    free(f->touched);
    free(f->pairs);
    free(f->edges);
    if (f->igraph_ready) {
        igraph_vector_int_destroy(&f->csize);
        igraph_vector_destroy(&f->degrees);
    }
    free(f);
}

/* Notes that org appears in network net at this step. */
static void seen(samen_field *f, int org, int net)
{
    if (f->first_net[org] < 0) {
        f->first_net[org] = net;
        f->touched[f->n_touched++] = org;
    } else if (f->first_net[org] != net && !f->bridging[org]) {
        f->bridging[org] = 1;
        f->n_bridging++;
    }
}

void samen_field_open(samen_field *f)
{
    f->open = 1;
    f->next_net = f->n_nets;
}

int samen_field_add_org(samen_field *f, const char *id, samen_error *err)
{
    if (f->n_orgs + 1 > f->cap_orgs) {
        int cap = 2 * f->cap_orgs;
        char **ids = realloc(f->ids, ((size_t)cap + 1) * sizeof *ids);
        if (ids)
            f->ids = ids;
        int *fn = realloc(f->first_net, (size_t)cap * sizeof *fn);
        if (fn)
            f->first_net = fn;
        unsigned char *br = realloc(f->bridging, (size_t)cap);
        if (br)
            f->bridging = br;
        int *to = realloc(f->touched, (size_t)cap * sizeof *to);
        if (to)
            f->touched = to;
        if (!ids || !fn || !br || !to)
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        f->cap_orgs = cap;
    }
    char *copy = strdup(id);
    if (!copy)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    f->ids[f->n_orgs] = copy;
    f->first_net[f->n_orgs] = -1;
    f->bridging[f->n_orgs] = 0;
    f->n_orgs++;
    return SAMEN_OK;
}

/* The node of an organisation id: a given one by the index, an added one
 * (a merged network's, 4.15: few) by a scan. -1 if unknown. */
static int org_node(const samen_field *f, const char *id)
{
    int k = samen_name_index_find(&f->id_index, id);
    for (int i = f->n_scen; k < 0 && i < f->n_orgs; i++)
        if (!strcmp(f->ids[i], id))
            k = i;
    return k;
}

/* The number of network `network`: a given one's, or in an open field a
 * new one for each group of rows of a network not given; -1 if unknown. */
static int net_number(samen_field *f, const char *network)
{
    if (f->last_net >= 0 && f->last_net < f->n_nets && !strcmp(f->nets[f->last_net], network))
        return f->last_net;
    if (f->last_net >= f->n_nets && f->last_name && !strcmp(f->last_name, network))
        return f->last_net;
    int net = samen_name_index_find(&f->net_index, network);
    if (net < 0 && f->open) {
        net = f->next_net++;
        f->last_name = network; /* the row's text lives while its group is added */
    }
    return net;
}

/* The nodes of a pair, or an error naming the one not known. */
static int pair_nodes(samen_field *f, const char *org_a, const char *org_b, int *a, int *b,
                      samen_error *err)
{
    *a = org_node(f, org_a);
    *b = org_node(f, org_b);
    if (*a < 0 || *b < 0)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, *a < 0 ? "org_a" : "org_b",
                               "'%s' is not an organisation of the field",
                               *a < 0 ? org_a : org_b);
    if (*a == *b)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "org_b",
                               "a tie of '%s' with itself", org_a);
    return SAMEN_OK;
}

static int add_edge(samen_field *f, int a, int b, double trust, samen_error *err)
{
    /* The pairs and their edges (two ends each) grow together, each from
     * the same capacity. */
    size_t cap = f->cap_pairs;
    pair *p = samen_grow(f->pairs, f->n_pairs, &cap, sizeof *p, 256);
    if (!p)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    f->pairs = p;
    igraph_integer_t *e = samen_grow(f->edges, f->n_pairs, &f->cap_pairs, 2 * sizeof *e, 256);
    if (!e)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    f->edges = e;
    f->pairs[f->n_pairs++] = (pair){.a = a < b ? a : b, .b = a < b ? b : a, .trust = trust};
    return SAMEN_OK;
}

/* A tie row: the pair's networks for bridging_orgs, and an edge unless
 * edge is 0. */
static int tie(samen_field *f, const char *network, const char *org_a, const char *org_b,
               double trust, int edge, samen_error *err)
{
    int net = net_number(f, network);
    if (net < 0)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "network",
                               "'%s' is not a network of the field", network);
    f->last_net = net;
    int a, b;
    int rc = pair_nodes(f, org_a, org_b, &a, &b, err);
    if (!rc && edge)
        rc = add_edge(f, a, b, trust, err);
    if (rc)
        return rc;
    seen(f, a, net);
    seen(f, b, net);
    return SAMEN_OK;
}

int samen_field_add(samen_field *f, const char *network, const char *org_a,
                    const char *org_b, double trust, samen_error *err)
{
    return tie(f, network, org_a, org_b, trust, 1, err);
}

int samen_field_add_seen(samen_field *f, const char *network, const char *org_a,
                         const char *org_b, samen_error *err)
{
    return tie(f, network, org_a, org_b, 0, 0, err);
}

int samen_field_add_edge(samen_field *f, const char *org_a, const char *org_b, double trust,
                         samen_error *err)
{
    int a, b;
    int rc = pair_nodes(f, org_a, org_b, &a, &b, err);
    return rc ? rc : add_edge(f, a, b, trust, err);
}

/* Sorts the step's pairs and keeps each once with its largest trust, its
 * ends into f->edges. Returns the number of distinct pairs; *trust_sum
 * gets the sum of their trusts. */
static size_t distinct_pairs(samen_field *f, double *trust_sum)
{
    qsort(f->pairs, f->n_pairs, sizeof *f->pairs, by_pair);
    size_t m = 0;
    double sum = 0;
    for (size_t i = 0; i < f->n_pairs;) {
        double t = f->pairs[i].trust;
        size_t j = i + 1;
        for (; j < f->n_pairs && !by_pair(&f->pairs[i], &f->pairs[j]); j++)
            if (f->pairs[j].trust > t)
                t = f->pairs[j].trust;
        f->edges[2 * m] = f->pairs[i].a;
        f->edges[2 * m + 1] = f->pairs[i].b;
        sum += t;
        m++;
        i = j;
    }
    *trust_sum = sum;
    return m;
}

/* Forgets the step's rows. */
static void reset(samen_field *f)
{
    for (int i = 0; i < f->n_touched; i++) {
        f->first_net[f->touched[i]] = -1;
        f->bridging[f->touched[i]] = 0;
    }
    f->n_touched = 0;
    f->n_bridging = 0;
    f->n_pairs = 0;
    f->last_net = -1;
    f->last_name = NULL;
}

/* igraph's measures of g into st. Returns igraph's error code. */
static igraph_error_t igraph_measures(samen_field *f, const igraph_t *g, long n,
                                      samen_field_stats *st)
{
    igraph_integer_t no = 0;
    igraph_error_t e = igraph_connected_components(g, NULL, &f->csize, &no, IGRAPH_WEAK);
    if (e != IGRAPH_SUCCESS)
        return e;
    st->components = (long)no;
    st->largest_component = n > 0 ? (double)igraph_vector_int_max(&f->csize) / (double)n : 0;
    /* ZERO: a graph without connected triples has transitivity 0 */
    e = igraph_transitivity_undirected(g, &st->transitivity, IGRAPH_TRANSITIVITY_ZERO);
    if (e != IGRAPH_SUCCESS)
        return e;
    st->degree_centralization = 0;
    if (n >= 3) {
        /* normalised by the undirected maximum (n-1)(n-2): Freeman's */
        igraph_real_t c = 0;
        e = igraph_centralization_degree(g, &f->degrees, IGRAPH_ALL, 0, &c, NULL, 1);
        if (e != IGRAPH_SUCCESS)
            return e;
        st->degree_centralization = c;
    }
    return IGRAPH_SUCCESS;
}

int samen_field_measure(samen_field *f, samen_field_stats *st, samen_error *err)
{
    memset(st, 0, sizeof *st);
    long n = f->n_orgs;
    double trust_sum;
    size_t m = distinct_pairs(f, &trust_sum);
    st->orgs = n;
    st->ties = (long)m;
    st->density = n >= 2 ? 2.0 * (double)m / ((double)n * (double)(n - 1)) : 0;
    st->mean_degree = n >= 1 ? 2.0 * (double)m / (double)n : 0;
    st->bridging_orgs = f->n_bridging;
    st->mean_trust = m > 0 ? trust_sum / (double)m : 0;
    reset(f);

    /* The graph is made anew each snapshot over the reused edge buffer (a
     * view, not a copy); igraph allocates its own structures inside. */
    igraph_vector_int_t ev;
    igraph_vector_int_view(&ev, f->edges, (igraph_integer_t)(2 * m));
    igraph_t g;
    pthread_mutex_lock(&igraph_lock);
    igraph_error_t e = igraph_create(&g, &ev, (igraph_integer_t)n, IGRAPH_UNDIRECTED);
    if (e == IGRAPH_SUCCESS) {
        e = igraph_measures(f, &g, n, st);
        igraph_destroy(&g);
    }
    pthread_mutex_unlock(&igraph_lock);
    if (e != IGRAPH_SUCCESS)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL,
                               "the field's graph could not be measured: igraph: %s",
                               igraph_strerror(e));
    return SAMEN_OK;
}
