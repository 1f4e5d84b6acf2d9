/* run.h: one complete run written to an output folder (FORMATS.md
 * "Outputs"), the unit that `samen run` and every sweep run use. */
#ifndef SAMEN_RUN_H
#define SAMEN_RUN_H

#include "samen/api.h"

#include "samen/sim.h"

/* Runs sc and writes network.csv, events.csv, ties.csv, orgs.csv and
 * persons.csv (as sc->detail asks) and run.ini with its input copies into
 * dir, which must exist. Every file is written under a temporary name and
 * all are renamed only when the run completed, so outputs appear whole or
 * not at all; on failure the temporaries are removed. If summary is not
 * NULL it receives sc->n_nets entries (network names point into sc).
 * Returns SAMEN_OK or an error code with err filled. graph.csv (detail
 * graph) is measured with igraph, whose error handler the library leaves
 * to the program: under igraph_error_handler_ignore (samen's own main
 * sets it) an igraph failure comes back as SAMEN_EIO; under igraph's
 * default handler it aborts the process. */
SAMEN_API int samen_run_to_dir(const samen_scenario *sc, const char *dir,
                               samen_net_summary *summary, samen_error *err);

/* The names of the files samen_run_to_dir may write, NULL-terminated;
 * `samen run` refuses an --out holding any of them unless --force. */
SAMEN_API extern const char *const samen_run_files[];

#endif
