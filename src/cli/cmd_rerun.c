/* cmd_rerun.c: `samen rerun DIR RUN`: one run of a sweep run again into a
 * folder of its own, exactly as `samen run` writes it (every table, and
 * run.ini, which reproduces it), from the copy of the base scenario that
 * the sweep keeps in DIR/inputs. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "samen/samen.h"
#include "scenario/scenario_tools.h"
#include "sweep/tables.h"

static const char usage[] =
    "usage: samen rerun DIR RUN [--out DIR2] [--detail LIST] [--force] [--quiet]\n"
    "\n"
    "Runs run RUN (0-based, as in DIR/manifest.csv) of the sweep in DIR again\n"
    "and writes a run folder as `samen run` does: network.csv, events.csv,\n"
    "ties.csv (whatever tables the sweep kept), orgs.csv, persons.csv and\n"
    "graph.csv as the detail asks, and run.ini, so that `samen run DIR2/run.ini`\n"
    "reproduces it. Its rows are the run's rows in the sweep's collected files.\n"
    "\n"
    "options:\n"
    "  --out DIR2     output folder (default DIR/rerun-RUN)\n"
    "  --detail LIST  orgs, persons, both, graph or empty: as samen run --detail\n"
    "  --force        write into a folder that holds outputs already\n"
    "  --quiet        print nothing but errors\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 done, 1 the run failed (I/O), 2 bad input or usage.\n";

enum { OPT_OUT, OPT_DETAIL, OPT_FORCE, OPT_QUIET };

static const samen_optspec opts[] = {
    {"--out", NULL, "DIR2", OPT_OUT},
    {"--detail", NULL, "LIST", OPT_DETAIL},
    {"--force", NULL, NULL, OPT_FORCE},
    {"--quiet", "-q", NULL, OPT_QUIET},
    {0},
};

static int rerun(const char *dir, long long run, const char *out, const char *detail,
                 int force, int quiet, int argc, char **argv)
{
    char path[4200], def_out[4300];
    snprintf(path, sizeof path, "%s/sweep.ini", dir);
    samen_error err;
    samen_error_clear(&err);
    samen_sweep *sw = NULL;
    samen_scenario *sc = NULL;
    int status = -1;
    if (samen_sweep_load(&sw, path, SAMEN_SWEEP_TRUSTED, &err)
        || samen_sweep_run_scenario(sw, dir, run, detail, &sc, &err)) {
        samen_error_print(&err, stderr);
        status = err.code;
    }
    if (!out) {
        snprintf(def_out, sizeof def_out, "%s/rerun-%06lld", dir, run);
        out = def_out;
    }
    char **rec = status < 0 ? malloc(((size_t)argc + 1) * sizeof *rec) : NULL;
    if (status < 0 && !rec) {
        fputs("samen: out of memory\n", stderr);
        status = 1;
    }
    /* The run's overrides, as the sweep gives them, are what it sets. */
    char **ov = NULL;
    int n_ov = status < 0 ? samen_sweep_overrides(sw, (size_t)run, &ov) : 0;
    if (status < 0 && n_ov < 0) {
        fputs("samen: out of memory\n", stderr);
        status = 1;
    }
    if (status < 0 && samen_scenario_set_provenance(sc, samen_args_recorded(argc, argv, rec),
                                                    rec, (const char *const *)ov, n_ov,
                                                    &err)) {
        samen_error_print(&err, stderr);
        status = err.code;
    }
    if (n_ov > 0)
        samen_sweep_overrides_free(ov, n_ov);
    free(rec);
    if (status < 0)
        status = samen_prepare_out_dir(out, force);
    if (status < 0) {
        status = samen_run_to_dir(sc, out, NULL, &err);
        if (status)
            samen_error_print(&err, stderr);
        else if (!quiet)
            printf("samen rerun: run %lld (point %zu, replicate %zu, seed %lu) of %s in %s/\n",
                   run, samen_sweep_point_of(sw, (size_t)run),
                   samen_sweep_replicate_of(sw, (size_t)run),
                   (unsigned long)samen_sweep_seed_of(sw, (size_t)run), dir, out);
    }
    samen_scenario_free(sc);
    samen_sweep_free(sw);
    return status;
}

int samen_cmd_rerun(int argc, char **argv)
{
    samen_args a;
    samen_args_init(&a, "rerun", usage, opts, argc, argv);
    const char *dir = NULL, *run_text = NULL, *out = NULL, *detail = NULL, *v;
    int id, force = 0, quiet = 0;
    while ((id = samen_args_next(&a, &v)) != SAMEN_ARG_END) {
        switch (id) {
        case SAMEN_ARG_HELP: return 0;
        case SAMEN_ARG_ERROR: return 2;
        case SAMEN_ARG_POSITIONAL:
            if (!dir)
                dir = v;
            else if (!run_text)
                run_text = v;
            else
                return samen_args_error(&a, "unexpected argument '%s': give the sweep "
                                        "folder and one run number", v);
            break;
        case OPT_OUT:
            if (!*v)
                return samen_args_error(&a, "--out: the folder name is empty");
            out = v;
            break;
        case OPT_DETAIL: detail = v; break;
        case OPT_FORCE: force = 1; break;
        case OPT_QUIET: quiet = 1; break;
        }
    }
    if (!dir || !run_text)
        return samen_args_error(&a, "give the sweep folder and a run number, e.g. "
                                "samen rerun results/mysweep 12");
    long long run;
    int rc = samen_args_whole(&a, "RUN", run_text, 0, LLONG_MAX, &run);
    if (rc)
        return rc;
    return rerun(dir, run, out, detail, force, quiet, argc, argv);
}
