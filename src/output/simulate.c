/* simulate.c: the step loop of one run with its sinks, shared by
 * `samen run` (run.c), a sweep's writers and memory.h's runs: graph rows
 * after each step where they are wanted, and the progress hook. */
#include "output/output.h"

int samen_simulate(samen_sim *sim, const samen_scenario *sc, const samen_observer *obs,
                   samen_graph_write_fn graph_write, void *graph_user,
                   samen_progress_fn progress, void *progress_user, samen_error *err)
{
    samen_graph_out graph = {0};
    samen_observer wrapped;
    int rc = SAMEN_OK;
    if (graph_write) {
        rc = samen_graph_out_open(&graph, sc, graph_write, graph_user, obs, &wrapped, err);
        obs = &wrapped;
    }
    while (!rc && samen_sim_current_step(sim) < sc->steps) {
        rc = samen_sim_step(sim, obs);
        int done = samen_sim_current_step(sim);
        if (!rc && graph.field)
            rc = samen_graph_out_step(&graph, done - 1);
        if (!rc && progress && progress(progress_user, done, sc->steps))
            rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL,
                                 "interrupted at step %d; nothing was written", done);
    }
    samen_graph_out_close(&graph);
    if (rc) {
        /* Only the writers stop a run, and they fill err; anything else is
         * still a failed run, not bad input. */
        if (err->code == SAMEN_OK && rc == SAMEN_SIM_NOMEM)
            samen_error_set(err, SAMEN_EIO, NULL, 0, NULL,
                            "out of memory at step %d of the run",
                            samen_sim_current_step(sim));
        else if (err->code == SAMEN_OK)
            samen_error_set(err, SAMEN_EIO, NULL, 0, NULL,
                            "the run was stopped by its output (code %d)", rc);
        rc = err->code;
    }
    return rc;
}

static int graph_csv(void *user, const samen_graph_row *row)
{
    return samen_outputs_write(user, SAMEN_OUT_GRAPH, row);
}

int samen_outputs_simulate(samen_sim *sim, const samen_scenario *sc,
                           samen_outputs *out, const samen_observer *obs,
                           samen_progress_fn progress, void *progress_user,
                           samen_error *err)
{
    return samen_simulate(sim, sc, obs, out->file[SAMEN_OUT_GRAPH].fp ? graph_csv : NULL,
                          out, progress, progress_user, err);
}
