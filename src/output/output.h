/* output.h: the CSV writers of one run (FORMATS.md "Outputs") behind the
 * samen_observer of sim.h, and the run driver with a progress hook. */
#ifndef SAMEN_OUTPUT_H
#define SAMEN_OUTPUT_H

#include "graph/field.h"
#include "samen/run.h"
#include "samen/tables.h"
#include "util/outfile.h"
#include "util/row.h"

/* The open writers of one run. err is where a failing callback reports; it
 * must outlive the writers. A file whose fp is NULL is not written. */
typedef struct samen_outputs {
    samen_outfile file[SAMEN_OUT_COUNT];
    samen_error *err;
    const char *prefix;    /* written before every row (a sweep's "RUN,"); NULL none */
} samen_outputs;

/* Creates network.csv, events.csv and ties.csv (plus orgs.csv, persons.csv
 * and graph.csv as the SAMEN_DETAIL_* bits of detail ask) under temporary
 * names in dir and writes their header lines. On failure nothing is left
 * behind and o is zeroed. */
int samen_outputs_open(samen_outputs *o, const char *dir, int detail,
                       samen_error *err);

/* Fills obs with the writers' callbacks (user = o); the callbacks of files
 * not open are NULL. */
void samen_outputs_observer(samen_outputs *o, samen_observer *obs);

/* Flushes and closes every file, still under its temporary name. On
 * failure every temporary file is removed. */
int samen_outputs_close(samen_outputs *o, samen_error *err);

/* Renames every closed file into place. If a rename fails, the files
 * already renamed by this call and the remaining temporaries are removed. */
int samen_outputs_commit(samen_outputs *o, samen_error *err);

/* Removes every temporary file; safe on a zeroed or committed record. */
void samen_outputs_discard(samen_outputs *o);

/* Called by a writer after its row: SAMEN_OK, or SAMEN_EIO with o->err
 * filled when the stream of file `which` has failed. */
int samen_outputs_check(samen_outputs *o, int which);

/* Starts in r a row of file `which`: the sweep's prefix, if any. */
void samen_outputs_row(samen_outputs *o, int which, samen_row *r);

/* Appends the fields of one record of table t (row.h), as its columns
 * say. Returns -1, or the index of the first number that is not finite
 * (the row is then incomplete and must not be ended). */
int samen_row_record(samen_row *r, const samen_table *t, const void *rec);

/* Writes rec as a row of file `which`, after the prefix: SAMEN_OK, or
 * SAMEN_EIO with o->err filled when the stream has failed or a number is
 * not finite (a model bug that must not become "nan" in a CSV). */
int samen_outputs_write(samen_outputs *o, int which, const void *rec);

/* The observer callbacks, one per file (user is a samen_outputs). */
int samen_out_network_row(void *user, const samen_net_row *row);
int samen_out_event(void *user, const samen_event *ev);
int samen_out_tie_row(void *user, const samen_tie_row *row);
int samen_out_org_row(void *user, const samen_org_row *row);
int samen_out_field_row(void *user, const samen_field_row *row);
int samen_out_person_row(void *user, const samen_person_row *row);

/* Called after each step with the number of steps done and in total; a
 * nonzero return stops the run (an interrupt), which then writes nothing. */
typedef int (*samen_progress_fn)(void *user, int done, int total);

/* ---- graph_out.c: graph.csv, the field's graph at each snapshot ---- */

/* A row record of graph.csv. */
typedef struct samen_graph_row {
    int step;
    samen_field_stats st;
} samen_graph_row;

/* Where a run's graph rows go (graph.csv, or memory.h's tables): returns
 * SAMEN_OK, or an error code with the sink's error filled. */
typedef int (*samen_graph_write_fn)(void *user, const samen_graph_row *row);

/* An observer in front of another: it hands every callback on and
 * gathers the tie rows of each snapshot step (samen_snapshot_step) into
 * the field, whose row it hands to write when the step ends. */
typedef struct samen_graph_out {
    samen_field *field;
    samen_graph_write_fn write;
    void *write_user;
    samen_error *err;
    samen_observer inner;
    const samen_scenario *sc;
} samen_graph_out;

/* Sets up g in front of inner (copied) for a run of sc whose graph rows go
 * to write(write_user, row), and fills obs with its callbacks. err, where
 * the callbacks report, must outlive g. Returns SAMEN_OK, or SAMEN_EIO
 * with err filled. */
int samen_graph_out_open(samen_graph_out *g, const samen_scenario *sc,
                         samen_graph_write_fn write, void *write_user,
                         const samen_observer *inner, samen_observer *obs,
                         samen_error *err);

/* After step: hands on its graph row if it is a snapshot step. Returns
 * SAMEN_OK or an error code with err filled. */
int samen_graph_out_step(samen_graph_out *g, int step);

/* Frees what open allocated; safe on a zeroed record. */
void samen_graph_out_close(samen_graph_out *g);

/* Runs sim to its last step, reporting to obs, with graph rows to
 * graph(graph_user, row) (NULL: none), and progress after each step
 * (NULL: none). Returns SAMEN_OK or an error code with err filled (a
 * stopped run that did not say why is SAMEN_EIO). */
int samen_simulate(samen_sim *sim, const samen_scenario *sc, const samen_observer *obs,
                   samen_graph_write_fn graph, void *graph_user,
                   samen_progress_fn progress, void *progress_user, samen_error *err);

/* samen_simulate writing to out: graph.csv rows when its file is open. */
int samen_outputs_simulate(samen_sim *sim, const samen_scenario *sc,
                           samen_outputs *out, const samen_observer *obs,
                           samen_progress_fn progress, void *progress_user,
                           samen_error *err);

/* samen_run_to_dir with a progress callback (NULL for none). */
int samen_run_to_dir_progress(const samen_scenario *sc, const char *dir,
                              samen_net_summary *summary,
                              samen_progress_fn progress, void *progress_user,
                              samen_error *err);

/* organisations.csv (organisations_out.c): the organisations the run
 * created (MODEL.md 4.15), written into f under a temporary name in dir
 * and closed; nothing when the run created none (f stays closed). */
#define SAMEN_CREATED_ORGS_FILE "organisations.csv"
int samen_write_created_orgs(const samen_sim *sim, const samen_scenario *sc,
                             samen_outfile *f, const char *dir, samen_error *err);

#endif
