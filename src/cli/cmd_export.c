/* cmd_export.c: `samen export DIR --to gephi|graphml|rsiena`: the ties of a
 * run folder, or of one run of a sweep folder (run again into a temporary
 * folder, as `samen rerun` would), written for network tools. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "export/export.h"
#include "samen/samen.h"
#include "sweep/tables.h"
#include "util/outfile.h"

static const char usage[] =
    "usage: samen export DIR --to gephi|graphml|rsiena [--network NAME]\n"
    "                    [--ties live|field] [--step N] [--waves A:B:E]\n"
    "                    [--threshold T] [--run N] [--out PATH] [--quiet]\n"
    "\n"
    "Writes the ties of the run in DIR (a folder of `samen run`), or of one run\n"
    "of the sweep in DIR, for network tools. Nodes are the organisations that\n"
    "were ever members (gephi, rsiena) or every organisation of the scenario,\n"
    "as graph.csv counts them (graphml), with the organisations file's columns\n"
    "as attributes, `name` being the id and `label` the name; a pair has a tie\n"
    "at a snapshot step where ties.csv lists it.\n"
    "  gephi    network.gexf: GEXF 1.3, dynamic, steps as times: members over\n"
    "           their spells (join to departure), ties over the snapshot\n"
    "           steps they are present, trust a dynamic edge attribute\n"
    "  graphml  network.graphml: the ties of one step (--step) with trust, and\n"
    "           `member` (1: in a network at that step); its measures are\n"
    "           graph.csv's row of that step\n"
    "  rsiena   rsiena/: wave-01.csv, ... (0/1 adjacency per wave), actors.csv,\n"
    "           composition.csv (spells in wave units), waves.csv; a wave at\n"
    "           which no actor is present is left out, with a note\n"
    "\n"
    "options:\n"
    "  --to FORMAT     gephi, graphml or rsiena\n"
    "  --network NAME  one network's ties (default: all networks, a pair's tie\n"
    "                  being its largest trust in the networks it shares)\n"
    "  --ties live|field  live: the ties of ties.csv; field: the field network\n"
    "                  of field.csv (--detail field: pairs live in a network and\n"
    "                  pairs remembered, MODEL.md 4.13; every organisation with\n"
    "                  a field tie a node); default field where the run has\n"
    "                  field.csv and no --network is given, else live\n"
    "  --step N        graphml: the step drawn, one that graph.csv or ties.csv\n"
    "                  has (default: the run's last step)\n"
    "  --waves A:B:E   rsiena: the snapshot steps A, A+E, ... up to B as waves\n"
    "                  (default: every snapshot step)\n"
    "  --threshold T   rsiena: a 1 where the trust is at least T (default 0.5)\n"
    "  --run N         the run of a sweep folder (default 0), run again as\n"
    "                  `samen rerun` does\n"
    "  --out PATH      the file (gephi, graphml; into it if it is a folder) or\n"
    "                  the folder (rsiena) to write; default in DIR, or in\n"
    "                  DIR/export-NNNNNN for run NNNNNN of a sweep\n"
    "  --quiet         print nothing but errors and notes\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit status: 0 done, 1 I/O error, 2 bad input or usage.\n";

enum { OPT_TO, OPT_NETWORK, OPT_STEP, OPT_WAVES, OPT_THRESHOLD, OPT_RUN, OPT_OUT,
       OPT_QUIET, OPT_TIES };

static const samen_optspec opts[] = {
    {"--to", NULL, "FORMAT", OPT_TO},
    {"--network", NULL, "NAME", OPT_NETWORK},
    {"--ties", NULL, "live|field", OPT_TIES},
    {"--step", NULL, "N", OPT_STEP},
    {"--waves", NULL, "A:B:E", OPT_WAVES},
    {"--threshold", NULL, "T", OPT_THRESHOLD},
    {"--run", NULL, "N", OPT_RUN},
    {"--out", NULL, "PATH", OPT_OUT},
    {"--quiet", "-q", NULL, OPT_QUIET},
    {0},
};

/* The options that only some formats take: the option, and the bit of
 * each format (1 << samen_export_format) that takes it. */
typedef struct format_only {
    const char *opt;
    unsigned formats;
    int given;
} format_only;

typedef struct request {
    const char *dir, *network, *out;
    int format;
    samen_export_opts x;     /* what the writers are asked */
    format_only only[3];     /* --step, --waves, --threshold */
    long long run;
    int run_given, quiet;
    int ties;                /* 0: as the run has it, 1: live, 2: field */
} request;

enum { ONLY_STEP, ONLY_WAVES, ONLY_THRESHOLD };

static int is_file(const char *dir, const char *name)
{
    char p[4200];
    struct stat st;
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Run `run` of the sweep in q->dir again into a new temporary folder
 * (tmp, of 4096 bytes). Returns SAMEN_OK or an error code with err filled. */
static int rerun(const request *q, char *tmp, samen_error *err)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/sweep.ini", q->dir);
    samen_sweep *sw = NULL;
    samen_scenario *sc = NULL;
    int net, rc = samen_sweep_load(&sw, path, SAMEN_SWEEP_TRUSTED, err);
    if (!rc)
        rc = samen_sweep_run_scenario(sw, q->dir, q->run, NULL, &sc, err);
    /* a wrong name is told before the run is run */
    if (!rc && q->network)
        rc = samen_export_find_network(sc, q->network, path, &net, err);
    if (!rc) {
        const char *t = getenv("TMPDIR");
        snprintf(tmp, 4096, "%s/samen-export-XXXXXX", t && *t ? t : "/tmp");
        if (!mkdtemp(tmp))
            rc = samen_error_set(err, SAMEN_EIO, tmp, 0, NULL,
                                 "cannot create a temporary folder: %s", strerror(errno));
        else if ((rc = samen_run_to_dir(sc, tmp, NULL, err)))
            samen_remove_folder(tmp);
    }
    if (rc)
        tmp[0] = '\0';
    samen_scenario_free(sc);
    samen_sweep_free(sw);
    return rc;
}

static int write_format(const request *q, const samen_export_run *r, const char *path,
                        samen_export_report *rep, samen_error *err)
{
    switch (q->format) {
    case SAMEN_EXPORT_GEPHI: return samen_export_gexf(r, path, err);
    case SAMEN_EXPORT_GRAPHML: return samen_export_graphml(r, path, &q->x, rep, err);
    default: return samen_export_rsiena(r, path, &q->x, rep, err);
    }
}

/* What was written, on stdout; the waves left out, on stderr. */
static void report(const request *q, const samen_export_run *r, const char *path,
                   const samen_export_report *rep)
{
    if (rep->n_empty > 0) {
        fprintf(stderr, "samen export: note: %d snapshot step%s with no actor present "
                "left out of the waves (step", rep->n_empty, rep->n_empty > 1 ? "s" : "");
        int shown = rep->n_empty < 8 ? rep->n_empty : 8;
        for (int i = 0; i < shown; i++)
            fprintf(stderr, "%s%d", i ? ", " : " ", rep->empty_step[i]);
        fprintf(stderr, "%s)\n", rep->n_empty > shown ? ", ..." : "");
    }
    if (q->quiet)
        return;
    const char *net = q->network ? q->network : "";
    const char *sep = q->network ? ", network " : "";
    switch (q->format) {
    case SAMEN_EXPORT_GEPHI:
        printf("samen export: %s (%d organisations, %d snapshot steps%s%s)\n", path,
               r->n_nodes, r->n_waves, sep, net);
        break;
    case SAMEN_EXPORT_GRAPHML:
        printf("samen export: %s (%d organisations, step %d%s%s)\n", path, r->sc->n_orgs,
               rep->step, sep, net);
        break;
    default:
        printf("samen export: %s (%d actors, %d waves%s%s)\n", path, r->n_nodes,
               rep->n_waves, sep, net);
    }
}

static int run_export(const request *q)
{
    samen_error err;
    samen_error_clear(&err);
    int sweep = !is_file(q->dir, "run.ini") && is_file(q->dir, "sweep.ini");
    if (q->run_given && !sweep) {
        fprintf(stderr, "samen export: --run is for a sweep folder, and %s holds no "
                "sweep.ini\n", q->dir);
        return 2;
    }
    char tmp[4096] = "", outdir[4200] = "", path[4400];
    int made_outdir = 0;
    int rc = sweep ? rerun(q, tmp, &err) : SAMEN_OK;
    samen_export_run r;
    {
        const char *from = sweep ? tmp : q->dir;
        int field = q->ties == 2 || (q->ties == 0 && !q->network && is_file(from, "field.csv"));
        if (!rc && field && q->network)
            rc = samen_error_set(&err, SAMEN_EINPUT, NULL, 0, "--ties",
                                 "field: the field network belongs to no one network; "
                                 "leave out --network, or use --ties live");
        if (!rc)
            rc = samen_export_load_ties(&r, from, q->network, field, &err);
    }
    /* a step that does not fit the run is told before anything is made */
    if (!rc && q->format == SAMEN_EXPORT_GRAPHML && q->x.step >= 0
        && (rc = samen_export_check_step(&r, q->x.step, &err)))
        samen_export_free(&r);
    if (!rc) {
        struct stat st;
        if (sweep)
            snprintf(outdir, sizeof outdir, "%s/export-%06lld", q->dir, q->run);
        else
            snprintf(outdir, sizeof outdir, "%s", q->dir);
        if (q->out && (q->format == SAMEN_EXPORT_RSIENA || stat(q->out, &st) != 0
                       || !S_ISDIR(st.st_mode)))
            snprintf(path, sizeof path, "%s", q->out);
        else
            snprintf(path, sizeof path, "%s/%s", q->out ? q->out : outdir,
                     samen_export_names[q->format]);
        if (!q->out && sweep && mkdir(outdir, 0777) == 0)
            made_outdir = 1;
        samen_export_report rep = {.step = -1};
        rc = write_format(q, &r, path, &rep, &err);
        if (!rc)
            report(q, &r, path, &rep);
        samen_export_free(&r);
    }
    if (rc)
        samen_error_print(&err, stderr);
    if (rc && made_outdir)
        rmdir(outdir);
    if (tmp[0])
        samen_remove_folder(tmp);
    return rc;
}

/* An option given with a format that does not take it is a usage error. */
static int check_format_only(const samen_args *a, const request *q)
{
    for (size_t i = 0; i < sizeof q->only / sizeof q->only[0]; i++) {
        const format_only *o = &q->only[i];
        if (o->given && !(o->formats & (1u << q->format))) {
            const char *takes = o->formats == 1u << SAMEN_EXPORT_GRAPHML ? "graphml"
                                                                          : "rsiena";
            return samen_args_error(a, "%s is for --to %s, not %s", o->opt, takes,
                                    samen_export_formats[q->format]);
        }
    }
    return 0;
}

int samen_cmd_export(int argc, char **argv)
{
    samen_args a;
    samen_args_init(&a, "export", usage, opts, argc, argv);
    request q = {
        .format = -1,
        .x = samen_export_opts_default(),
        .only = {
            [ONLY_STEP] = {"--step", 1u << SAMEN_EXPORT_GRAPHML, 0},
            [ONLY_WAVES] = {"--waves", 1u << SAMEN_EXPORT_RSIENA, 0},
            [ONLY_THRESHOLD] = {"--threshold", 1u << SAMEN_EXPORT_RSIENA, 0},
        },
    };
    const char *v, *to = NULL;
    int id, rc;
    long long step;
    samen_error err;
    while ((id = samen_args_next(&a, &v)) != SAMEN_ARG_END) {
        switch (id) {
        case SAMEN_ARG_HELP: return 0;
        case SAMEN_ARG_ERROR: return 2;
        case SAMEN_ARG_POSITIONAL:
            if (samen_args_one(&a, &q.dir, v, "folder"))
                return 2;
            break;
        case OPT_TO: to = v; break;
        case OPT_NETWORK: q.network = v; break;
        case OPT_TIES:
            if (!strcmp(v, "live"))
                q.ties = 1;
            else if (!strcmp(v, "field"))
                q.ties = 2;
            else
                return samen_args_error(&a, "--ties: '%s' is not live or field", v);
            break;
        case OPT_STEP:
            if ((rc = samen_args_whole(&a, "--step", v, 0, INT_MAX, &step)))
                return rc;
            q.x.step = (int)step;
            q.only[ONLY_STEP].given = 1;
            break;
        case OPT_WAVES:
            if (samen_export_parse_waves(v, &q.x, &err))
                return samen_args_error(&a, "--waves: %s", err.msg);
            q.only[ONLY_WAVES].given = 1;
            break;
        case OPT_THRESHOLD: {
            char *end;
            errno = 0;
            q.x.threshold = strtod(v, &end);
            if (end == v || *end || errno || !(q.x.threshold >= 0 && q.x.threshold <= 1))
                return samen_args_error(&a, "--threshold: '%s' is not a number in [0, 1]", v);
            q.only[ONLY_THRESHOLD].given = 1;
            break;
        }
        case OPT_RUN:
            if ((rc = samen_args_whole(&a, "--run", v, 0, LLONG_MAX, &q.run)))
                return rc;
            q.run_given = 1;
            break;
        case OPT_OUT:
            if (!*v)
                return samen_args_error(&a, "--out: the path is empty");
            q.out = v;
            break;
        case OPT_QUIET: q.quiet = 1; break;
        }
    }
    if (!q.dir)
        return samen_args_error(&a, "no folder given: a run folder (samen run --out) or a "
                                "sweep folder (samen sweep --out)");
    if (!to)
        return samen_args_error(&a, "--to is required: gephi, graphml or rsiena");
    const char *nearest;
    if ((q.format = samen_export_format_of(to, &nearest)) < 0)
        return samen_args_error(&a, "--to: unknown format '%s' (did you mean '%s'?); the "
                                "formats are gephi, graphml and rsiena", to, nearest);
    if ((rc = check_format_only(&a, &q)))
        return rc;
    return run_export(&q);
}
