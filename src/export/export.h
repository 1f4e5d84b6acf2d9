/* export.h: `samen export` (FORMATS.md "samen export"): the ties of a run
 * folder read back as nodes with membership spells and ties per snapshot
 * step, and written for network tools: GEXF 1.3 for Gephi, GraphML for
 * igraph and networkx, a folder of waves for RSiena. */
#ifndef SAMEN_EXPORT_H
#define SAMEN_EXPORT_H

#include <stddef.h>

#include "samen/scenario.h"
#include "util/nameindex.h"

typedef enum { SAMEN_EXPORT_GEPHI, SAMEN_EXPORT_GRAPHML,
               SAMEN_EXPORT_RSIENA } samen_export_format;

/* The format names of --to, in the order of the enum, and the file or
 * folder each writes (network.gexf, network.graphml, rsiena). */
extern const char *const samen_export_formats[3];
extern const char *const samen_export_names[3];

/* The format named name (a --to value): its index, or -1 with *nearest
 * set to the nearest name. */
int samen_export_format_of(const char *name, const char **nearest);

/* A node's presence: a member from the end of step start to step end
 * (its departure, or the run's last step), both inclusive. */
typedef struct samen_spell {
    int node;
    int start, end;
} samen_spell;

/* A pair's tie at one step: nodes a < b, its largest trust there. */
typedef struct samen_xtie {
    int a, b;
    int step;
    double trust;
} samen_xtie;

/* A run folder as the exports see it. */
typedef struct samen_export_run {
    samen_scenario *sc;     /* run.ini, loaded */
    int net;                /* the network kept, or -1: all */
    int n_nodes;            /* the organisations that were ever members (GEXF's and
                               RSiena's nodes; GraphML's are all of sc's) */
    int *node_org;          /* node -> organisation of sc, in the file's order */
    int n_waves;            /* the snapshot steps: multiples of snapshot_every, the last step */
    int *wave_step;         /* ascending */
    int *step_wave;         /* step -> wave (0-based), or -1; sc->steps entries */
    int n_spells;
    samen_spell *spells;    /* by node, then start; overlaps merged */
    size_t n_ties;
    samen_xtie *ties;       /* every step ties.csv lists; by a, b, step */
    int last_tie_step;      /* the last step with a tie, or -1 */
} samen_export_run;

/* What the writers are asked beyond the run (the options of `samen
 * export`); samen_export_opts_default gives the defaults. */
typedef struct samen_export_opts {
    double threshold;       /* rsiena: a 1 where the trust is at least this */
    int step;               /* graphml: the step drawn; -1: the run's last */
    int waves_from, waves_to, waves_every; /* rsiena --waves A:B:E; every 0: all */
} samen_export_opts;

/* threshold 0.5, the last step, every snapshot step as a wave. */
samen_export_opts samen_export_opts_default(void);

/* Parses --waves A:B:E (whole numbers, A <= B, E >= 1) into o. Returns
 * SAMEN_OK, or SAMEN_EINPUT with err saying what is allowed. */
int samen_export_parse_waves(const char *text, samen_export_opts *o, samen_error *err);

/* What a writer did, for the command's report: the waves written and
 * those left out for want of an actor present (rsiena), the step drawn
 * (graphml). */
typedef struct samen_export_report {
    int n_waves, n_empty;
    int empty_step[8];      /* the first steps left out */
    int step;
} samen_export_report;

/* Whether step is one that graph.csv or ties.csv has (a snapshot step, or
 * a step with a tie: a network's end). Returns SAMEN_OK, or SAMEN_EINPUT
 * with err (key --step) naming the nearest such steps. */
int samen_export_check_step(const samen_export_run *r, int step, samen_error *err);

/* Whether node v is a member of a network kept at step (inside one of its
 * spells, both ends included, as its ties at that step are). */
int samen_export_member_at(const samen_export_run *r, int v, int step);

/* The index of network name in sc; otherwise SAMEN_EINPUT with err naming
 * the nearest network (file names the run.ini given as where). */
int samen_export_find_network(const samen_scenario *sc, const char *name,
                              const char *where, int *net, samen_error *err);

/* Reads the run folder dir (run.ini with its input copies, events.csv,
 * ties.csv), keeping network only (NULL: all). A folder without these
 * files, an unknown network or rows that do not fit the run are
 * SAMEN_EINPUT, with err naming the file and line. On failure r is freed. */
int samen_export_load(samen_export_run *r, const char *dir, const char *network,
                      samen_error *err);
/* The same with the ties of field.csv (field 1: `--ties field`, the field
 * network of MODEL.md 4.13, no --network) instead of ties.csv's. */
int samen_export_load_ties(samen_export_run *r, const char *dir, const char *network,
                           int field, samen_error *err);
void samen_export_free(samen_export_run *r);

/* The organisations file's columns after id (name, sector, capacity,
 * mandate, latency, guard, patience, then the themes): how many, and
 * column c's name and whether it is a number. */
int samen_export_n_columns(const samen_scenario *sc);
const char *samen_export_column(const samen_scenario *sc, int c, int *numeric);

/* Column c of organisation org as text: a number as %.6g into buf (32
 * bytes), text as it is. */
const char *samen_export_value(const samen_scenario *sc, int org, int c, char *buf);

/* The writers: the file or folder at path appears whole or not at all
 * (written under a temporary name, renamed into place; a folder that
 * holds anything but an earlier RSiena export is refused). rep (may be
 * NULL) gets what was written. Return SAMEN_OK or an error code with err
 * filled (SAMEN_EINPUT for a --step or --waves that does not fit the
 * run). */
int samen_export_gexf(const samen_export_run *r, const char *path, samen_error *err);
int samen_export_graphml(const samen_export_run *r, const char *path,
                         const samen_export_opts *o, samen_export_report *rep,
                         samen_error *err);
int samen_export_rsiena(const samen_export_run *r, const char *path,
                        const samen_export_opts *o, samen_export_report *rep,
                        samen_error *err);

/* ---- the loader's parts (runfolder.c, table.c, spells.c, ties_in.c) ---- */

/* One of the run's tables being read (table.c): its header's columns. */
typedef struct samen_export_table {
    const char *path;
    int n_cols;            /* the header's fields; 0 until it is read */
    int col[5];            /* the columns named by need[], in its order */
} samen_export_table;

/* Reads the header f[0..n): the column of each of need[0..n_need) (at
 * most 5; the first two are the step and the network). A missing one is
 * SAMEN_EINPUT naming the file, line and column. */
int samen_export_header(samen_export_table *t, int line, char **f, int n,
                        const char *const *need, int n_need, samen_error *err);

/* What samen_export_row gives as the network of a row of a network
 * founded during the run (not in run.ini). */
#define SAMEN_EXPORT_FOUNDED (-2)

/* A row's step only (field.csv has no network column). */
int samen_export_step(const samen_export_table *t, const samen_export_run *r, int line,
                      char **f, int n, int *step, samen_error *err);

/* The start of row f[0..n): as many fields as the header, a step of the
 * run and one of its networks. Returns SAMEN_OK with *step and *net set
 * (*net -1: a network the export does not keep), or SAMEN_EINPUT with err
 * naming the file, line and column. */
int samen_export_row(const samen_export_table *t, const samen_export_run *r,
                     const samen_name_index *nets, int line, char **f, int n,
                     int *step, int *net, samen_error *err);

/* events.csv -> r->spells, node being the organisation's index until the
 * loader numbers the nodes; *member (n_orgs bytes) marks who joined. */
int samen_export_read_events(samen_export_run *r, const char *path,
                             const samen_name_index *orgs,
                             const samen_name_index *nets,
                             unsigned char *member, samen_error *err);

/* ties.csv -> r->ties over the nodes of org_node (organisation -> node). */
int samen_export_read_ties(samen_export_run *r, const char *path,
                           const samen_name_index *orgs,
                           const samen_name_index *nets, const int *org_node, int field,
                           samen_error *err);

#endif
