/* cmd_run.c: `samen run SCENARIO ...`, one run into an output folder with
 * progress on stderr and a short summary per network on stdout. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/warn.h"
#include "output/output.h"
#include "samen/samen.h"
#include "scenario/scenario_tools.h"

static const char usage[] =
    "usage: samen run SCENARIO [--out DIR] [--force] [--seed N] [--steps N]\n"
    "                 [--set KEY=VALUE]... [--detail orgs,persons,graph]\n"
    "                 [--snapshot-every N] [--quiet] [--progress]\n"
    "\n"
    "Runs one scenario and writes network.csv, events.csv, ties.csv (orgs.csv,\n"
    "persons.csv and graph.csv with --detail) and run.ini into DIR; `samen run\n"
    "DIR/run.ini` reproduces the run byte for byte.\n"
    "\n"
    "options:\n"
    "  --out DIR           output folder, created if missing\n"
    "                      (default results/NAME-SEED/)\n"
    "  --force             overwrite the outputs of an earlier run in DIR\n"
    "  --seed N            short for --set simulation.seed=N (1 to 4294967295)\n"
    "  --steps N           short for --set simulation.steps=N\n"
    "  --set KEY=VALUE     set any scenario key (`samen describe` lists them),\n"
    "                      recorded in run.ini; the last setting of a key wins\n"
    "  --detail LIST       short for --set output.detail=LIST: a list of orgs,\n"
    "                      persons and graph (the field's network at each\n"
    "                      snapshot, graph.csv), or empty\n"
    "  --snapshot-every N  short for --set output.snapshot_every=N: the steps\n"
    "                      between ties.csv and graph.csv snapshots (13)\n"
    "  --quiet             print nothing but errors\n"
    "  --progress          report progress on stderr even when it is not a\n"
    "                      terminal (for batch logs)\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 done, 1 the run failed (I/O), 2 bad input or usage.\n";

enum { OPT_OUT, OPT_FORCE, OPT_SEED, OPT_STEPS, OPT_SET, OPT_DETAIL,
       OPT_SNAPSHOT, OPT_QUIET, OPT_PROGRESS };

/* In the order of the enum: parse() names an option by opts[id]. */
static const samen_optspec opts[] = {
    {"--out", NULL, "DIR", OPT_OUT},
    {"--force", NULL, NULL, OPT_FORCE},
    {"--seed", NULL, "N", OPT_SEED},
    {"--steps", NULL, "N", OPT_STEPS},
    {"--set", NULL, "KEY=VALUE", OPT_SET},
    {"--detail", NULL, "LIST", OPT_DETAIL},
    {"--snapshot-every", NULL, "N", OPT_SNAPSHOT},
    {"--quiet", "-q", NULL, OPT_QUIET},
    {"--progress", NULL, NULL, OPT_PROGRESS},
    {0},
};

typedef struct run_opts {
    const char *scenario, *out;
    int force, quiet, progress;
    samen_overrides ov;
    int argc;          /* the command line, for run.ini's provenance */
    char **argv;
} run_opts;

/* The scenario key a shorthand option stands for. */
static const char *shorthand_key(int id)
{
    switch (id) {
    case OPT_SEED: return "simulation.seed";
    case OPT_STEPS: return "simulation.steps";
    case OPT_DETAIL: return "output.detail";
    case OPT_SNAPSHOT: return "output.snapshot_every";
    default: return NULL;
    }
}

/* Fills ro from the arguments. Returns -1 to go on, else the exit status. */
static int parse(int argc, char **argv, run_opts *ro)
{
    samen_args a;
    samen_args_init(&a, "run", usage, opts, argc, argv);
    const char *v;
    long long n;
    for (;;) {
        int id = samen_args_next(&a, &v);
        int rc = 0;
        switch (id) {
        case SAMEN_ARG_END:
            if (!ro->scenario)
                return samen_args_error(&a, "no scenario file given");
            return -1;
        case SAMEN_ARG_HELP:
            return 0;
        case SAMEN_ARG_ERROR:
            return 2;
        case SAMEN_ARG_POSITIONAL:
            if (ro->scenario)
                return samen_args_error(&a, "one scenario at a time: unexpected "
                                        "argument '%s'", v);
            ro->scenario = v;
            break;
        case OPT_OUT:
            if (!*v)
                return samen_args_error(&a, "--out: the folder name is empty");
            ro->out = v;
            break;
        case OPT_FORCE: ro->force = 1; break;
        case OPT_QUIET: ro->quiet = 1; break;
        case OPT_PROGRESS: ro->progress = 1; break;
        case OPT_SET:
            rc = samen_overrides_add_set(&a, &ro->ov, v);
            break;
        case OPT_SEED:
        case OPT_STEPS:
        case OPT_SNAPSHOT:
            /* Only the form is checked here; the range is the scenario's
             * rule, reported with the key by samen_scenario_load. */
            rc = samen_args_whole(&a, opts[id].name, v, LLONG_MIN, LLONG_MAX, &n);
            if (!rc)
                rc = samen_overrides_add(&ro->ov, shorthand_key(id), v);
            break;
        case OPT_DETAIL:
            rc = samen_overrides_add(&ro->ov, shorthand_key(id), v);
            break;
        }
        if (rc)
            return rc;
    }
}

typedef struct progress_state {
    const char *name;
    int tty, last, show;
} progress_state;

/* On a terminal one line is redrawn at every percent; in a log a line is
 * written at every tenth of the run. */
/* Set by SIGINT, SIGTERM or SIGHUP: the run stops after its step and its
 * temporary files are removed, so no half-written output stays. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

static int progress(void *user, int done, int total)
{
    progress_state *ps = user;
    if (interrupted)
        return 1;
    if (!ps->show)
        return 0;
    int pct = total > 0 ? (int)(100LL * done / total) : 100;
    int mark = ps->tty ? pct : pct / 10;
    if (mark == ps->last && done != total)
        return 0;
    ps->last = mark;
    if (ps->tty)
        fprintf(stderr, "\rsamen: %s: step %d/%d (%d%%)%s", ps->name, done,
                total, pct, done == total ? "\n" : "");
    else
        fprintf(stderr, "samen: %s: step %d/%d (%d%%)\n", ps->name, done,
                total, pct);
    fflush(stderr);
    return 0;
}

static void print_summary(const samen_scenario *sc, const char *dir,
                          const samen_net_summary *s)
{
    printf("samen: %d steps, seed %u; results in %s/\n", sc->steps,
           (unsigned)sc->seed, dir);
    for (int i = 0; i < sc->n_nets; i++, s++) {
        printf("  %s (%s): %s", s->network, samen_type_name(s->type),
               samen_phase_name(s->phase));
        if (s->end_step >= 0) {
            printf(" at step %d", s->end_step);
            if (s->end_reason)
                printf(" (%s)", s->end_reason);
        }
        printf(", form %s, %d member%s, ", samen_type_name(s->form), s->members,
               s->members == 1 ? "" : "s");
        /* an overleg never formulates a shared goal (MODEL.md 4.5) */
        if (s->agreed_step >= 0)
            printf("goal agreed at step %d, ", s->agreed_step);
        else if (s->type != SAMEN_TYPE_OVERLEG)
            printf("goal never agreed, ");
        if (s->dropouts == 0) {
            printf("no drop-outs\n");
            continue;
        }
        printf("%d drop-out%s (", s->dropouts, s->dropouts == 1 ? "" : "s");
        const char *sep = "";
        for (int r = 0; r < 5; r++) {
            if (s->dropouts_by_reason[r] == 0)
                continue;
            printf("%s%s %d", sep, samen_dropout_reasons[r],
                   s->dropouts_by_reason[r]);
            sep = ", ";
        }
        printf(")\n");
    }
}

static int run(const run_opts *ro)
{
    samen_error err;
    samen_error_clear(&err);
    samen_scenario *sc = NULL;
    if (samen_scenario_load(&sc, ro->scenario, samen_overrides_list(&ro->ov),
                            ro->ov.n, &err)) {
        samen_error_print(&err, stderr);
        return err.code ? err.code : 2;
    }
    samen_warn_scenario(sc, ro->quiet);
    char **rec = malloc(((size_t)ro->argc + 1) * sizeof *rec);
    if (!rec || samen_scenario_set_provenance(sc, samen_args_recorded(ro->argc, ro->argv, rec),
                                              rec, samen_overrides_list(&ro->ov), ro->ov.n,
                                              &err)) {
        if (rec)
            samen_error_print(&err, stderr);
        else
            fputs("samen: out of memory\n", stderr);
        free(rec);
        samen_scenario_free(sc);
        return rec ? err.code : 1;
    }
    free(rec);

    int status = 0;
    char *dir = NULL;
    samen_net_summary *summary = NULL;
    if (ro->out) {
        dir = strdup(ro->out);
    } else {
        size_t n = strlen(sc->name) + 32;
        dir = malloc(n);
        if (dir)
            snprintf(dir, n, "results/%s-%u", sc->name, (unsigned)sc->seed);
    }
    summary = calloc((size_t)sc->n_nets + 1, sizeof *summary);
    if (!dir || !summary) {
        fputs("samen: out of memory\n", stderr);
        status = 1;
        goto done;
    }
    /* A trailing '/' would show up doubled in messages and paths. */
    for (size_t n = strlen(dir); n > 1 && dir[n - 1] == '/'; n--)
        dir[n - 1] = '\0';

    status = samen_prepare_out_dir(dir, ro->force);
    if (status >= 0)
        goto done;
    status = 0;

    progress_state ps = {sc->name, isatty(STDERR_FILENO), -1, 0};
    int show = !ro->quiet && (ro->progress || ps.tty);
    ps.show = show;
    catch_signals();
    if (samen_run_to_dir_progress(sc, dir, summary, progress, &ps, &err)) {
        if (show && ps.tty && ps.last >= 0)
            fputc('\n', stderr);
        samen_error_print(&err, stderr);
        status = err.code ? err.code : 1;
        goto done;
    }
    if (!ro->quiet) {
        print_summary(sc, dir, summary);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "samen: cannot write to standard output: %s\n",
                    strerror(errno));
            status = 1;
        }
    }
done:
    free(summary);
    free(dir);
    samen_scenario_free(sc);
    return status;
}

int samen_cmd_run(int argc, char **argv)
{
    run_opts ro;
    memset(&ro, 0, sizeof ro);
    ro.argc = argc;
    ro.argv = argv;
    int status = parse(argc, argv, &ro);
    if (status < 0)
        status = run(&ro);
    samen_overrides_free(&ro.ov);
    return status;
}
