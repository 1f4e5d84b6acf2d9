/* field.h: the graph of the whole field at one snapshot step (FORMATS.md
 * graph.csv): every organisation a node, every pair that the step's tie
 * rows list (in any network) an edge; its measures come from igraph. */
#ifndef SAMEN_GRAPH_FIELD_H
#define SAMEN_GRAPH_FIELD_H

#include "samen/error.h"
#include "samen/scenario.h"

/* One row of graph.csv, without its step. */
typedef struct samen_field_stats {
    long orgs, ties;
    double density;              /* 2 ties / (orgs (orgs - 1)); 0 below 2 orgs */
    long components;             /* isolated organisations included */
    double largest_component;    /* share of the organisations in the largest */
    double transitivity;         /* 3 triangles / connected triples; 0 without triples */
    double mean_degree;          /* 2 ties / orgs */
    double degree_centralization;/* Freeman's; 0 below 3 orgs */
    long bridging_orgs;          /* in the rows of two or more networks */
    double mean_trust;           /* over edges, of the pair's largest trust; 0 without */
} samen_field_stats;

typedef struct samen_field samen_field;

/* A field of n_orgs organisations and n_nets networks, known by their ids
 * and names (the strings are copied). Allocates everything the steps need
 * but the edges, whose buffer grows to the largest step and is then
 * reused. Returns NULL with err filled when out of memory or when an id
 * or name repeats. igraph's error handler is the program's (process-wide
 * state the library leaves alone): samen's main sets
 * igraph_error_handler_ignore, under which a failing igraph call returns
 * its code and the field's functions SAMEN_EIO; under igraph's default
 * handler such a failure (out of memory) aborts the process. */
samen_field *samen_field_new(int n_orgs, const char *const *org_ids, int n_nets,
                             const char *const *net_names, samen_error *err);

/* samen_field_new over the organisations and networks of sc. */
samen_field *samen_field_new_scenario(const samen_scenario *sc, samen_error *err);

/* Opens the field to a run's growth (MODEL.md 4.14-4.15): tie rows of a
 * network it was not given are accepted (a founded network). */
void samen_field_open(samen_field *f);

/* Adds an organisation created during the run (a merged network's, 4.15)
 * as a node from now on. Returns SAMEN_OK or SAMEN_EIO (err filled). */
int samen_field_add_org(samen_field *f, const char *id, samen_error *err);

/* Frees the field; NULL is a no-op. */
void samen_field_free(samen_field *f);

/* Adds one tie row of the current step: the pair org_a, org_b of network.
 * Returns SAMEN_OK, SAMEN_EINPUT (err filled) for an organisation or
 * network the field does not know or a pair of one organisation, or
 * SAMEN_EIO when out of memory. */
int samen_field_add(samen_field *f, const char *network, const char *org_a,
                    const char *org_b, double trust, samen_error *err);

/* The two halves of samen_field_add, for graph.csv over the field network
 * (--detail graph,field: FORMATS.md): a tie row that only counts towards
 * bridging_orgs, and an edge (a field.csv row) that belongs to no network. */
int samen_field_add_seen(samen_field *f, const char *network, const char *org_a,
                         const char *org_b, samen_error *err);
int samen_field_add_edge(samen_field *f, const char *org_a, const char *org_b, double trust,
                         samen_error *err);

/* Measures the graph of the rows added since the last measure (or since
 * new) into *st and forgets them, ready for the next step. Returns
 * SAMEN_OK, or SAMEN_EIO with err filled when igraph fails. */
int samen_field_measure(samen_field *f, samen_field_stats *st, samen_error *err);

#endif
