/* run.c: one complete run written to a folder (FORMATS.md "Outputs"):
 * CSV writers and run.ini under temporary names, renamed only when all of
 * the run succeeded. */
#include "output/output.h"
#include "scenario/scenario_tools.h"
#include "output/descriptors.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *const samen_run_files[] = {
    "network.csv", "events.csv", "ties.csv", "orgs.csv", "persons.csv", "graph.csv",
    "field.csv", "organisations.csv",
    "run.ini", "input-organisations.csv", "input-ties.csv", NULL,
};

/* The files samen_scenario_write_ini writes, beside the CSV outputs. */
static const char *const ini_files[] = {
    "run.ini", "input-organisations.csv", "input-ties.csv",
};

/* No allocation here: this cleans up after a run that ran out of memory,
 * and a cleanup that could fail the same way would leave *.tmp behind. */
static void unlink_in(const char *dir, const char *name, const char *suffix)
{
    char p[PATH_MAX];
    int n = snprintf(p, sizeof p, "%s/%s%s", dir, name, suffix);
    if (n > 0 && (size_t)n < sizeof p)
        unlink(p);
}

static void remove_ini_files(const char *dir, const char *suffix)
{
    for (size_t i = 0; i < sizeof ini_files / sizeof ini_files[0]; i++)
        unlink_in(dir, ini_files[i], suffix);
}

/* After a run is in place, outputs of an earlier run (--force) that this
 * run does not write would be taken for its own: remove them. */
static void remove_stale(const samen_scenario *sc, const char *dir)
{
    if (!(sc->detail & SAMEN_DETAIL_ORGS))
        unlink_in(dir, samen_tables[SAMEN_OUT_ORGS].file, "");
    if (!(sc->detail & SAMEN_DETAIL_PERSONS))
        unlink_in(dir, samen_tables[SAMEN_OUT_PERSONS].file, "");
    if (!(sc->detail & SAMEN_DETAIL_GRAPH))
        unlink_in(dir, samen_tables[SAMEN_OUT_GRAPH].file, "");
    if (!(sc->detail & SAMEN_DETAIL_FIELD))
        unlink_in(dir, samen_tables[SAMEN_OUT_FIELD].file, "");
    if (!sc->ties_path)
        unlink_in(dir, "input-ties.csv", "");
}

static int simulate(const samen_scenario *sc, samen_outputs *out,
                    samen_net_summary *summary, samen_progress_fn progress,
                    void *progress_user, samen_outfile *created, const char *dir,
                    samen_error *err)
{
    samen_sim *sim = samen_sim_new(sc, err);
    if (!sim)
        return err->code ? err->code : SAMEN_EIO;
    samen_observer obs;
    samen_outputs_observer(out, &obs);
    int rc = samen_outputs_simulate(sim, sc, out, &obs, progress, progress_user, err);
    if (!rc && summary) {
        for (int i = 0; i < sc->n_nets; i++)
            samen_sim_summary(sim, i, &summary[i]);
    }
    if (!rc)
        rc = samen_write_created_orgs(sim, sc, created, dir, err);
    samen_sim_free(sim);
    return rc;
}

int samen_run_to_dir_progress(const samen_scenario *sc, const char *dir,
                              samen_net_summary *summary,
                              samen_progress_fn progress, void *progress_user,
                              samen_error *err)
{
    samen_error local;
    if (!err)
        err = &local;
    samen_error_clear(err);

    /* A run killed before it renamed its files (SIGKILL, a power cut)
     * leaves NAME.tmp behind: those names are ours, and go. */
    for (int i = 0; samen_run_files[i]; i++)
        unlink_in(dir, samen_run_files[i], ".tmp");
    samen_outputs out;
    int rc = samen_outputs_open(&out, dir, sc->detail, err);
    if (rc)
        return rc;
    samen_outfile created;
    memset(&created, 0, sizeof created);
    rc = simulate(sc, &out, summary, progress, progress_user, &created, dir, err);
    if (!rc)
        rc = samen_outputs_close(&out, err);
    if (!rc) {
        rc = samen_scenario_write_ini(sc, dir, 1, err);
        if (rc)
            remove_ini_files(dir, ".tmp");
    }
    if (rc) {
        samen_outputs_discard(&out);
        samen_outfile_discard(&created);
        return rc;
    }

    int opened[SAMEN_OUT_COUNT];
    for (int i = 0; i < SAMEN_OUT_COUNT; i++)
        opened[i] = out.file[i].tmp_path != NULL;
    rc = samen_outputs_commit(&out, err);
    if (rc) {
        remove_ini_files(dir, ".tmp");
        samen_outfile_discard(&created);
        return rc;
    }
    int with_created = created.tmp_path != NULL;
    if (with_created && (rc = samen_outfile_commit(&created, err))) {
        for (int i = 0; i < SAMEN_OUT_COUNT; i++)
            if (opened[i])
                unlink_in(dir, samen_tables[i].file, "");
        remove_ini_files(dir, ".tmp");
        return rc;
    }
    rc = samen_scenario_commit_ini(dir, sc->ties_path != NULL, err);
    if (rc) {
        /* The CSVs are in place but run.ini is not: take them back so
         * that no incomplete set of outputs stays. */
        for (int i = 0; i < SAMEN_OUT_COUNT; i++)
            if (opened[i])
                unlink_in(dir, samen_tables[i].file, "");
        if (with_created)
            unlink_in(dir, SAMEN_CREATED_ORGS_FILE, "");
        remove_ini_files(dir, ".tmp");
        remove_ini_files(dir, "");
        return rc;
    }
    remove_stale(sc, dir);
    if (!with_created)
        unlink_in(dir, SAMEN_CREATED_ORGS_FILE, "");
    return SAMEN_OK;
}

int samen_run_to_dir(const samen_scenario *sc, const char *dir,
                     samen_net_summary *summary, samen_error *err)
{
    return samen_run_to_dir_progress(sc, dir, summary, NULL, NULL, err);
}
