/* cmd_generate.c: `samen generate`: writes a synthetic region scenario
 * (many Brede School-like networks over one pool of organisations) and its
 * organisations file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "generate/region.h"
#include "samen/samen.h"

static const char usage[] =
    "usage: samen generate [--orgs N] [--networks N] [--seed N] [--steps N]\n"
    "                      [--field] [--out FILE.ini] [--force]\n"
    "\n"
    "Writes a synthetic Flemish region: a pool of organisations (schools,\n"
    "childcare, sport, culture, youth work, welfare, CLB, parenting support,\n"
    "community centres, health, municipalities, education support) in\n"
    "municipalities and neighbourhoods, and Brede School-like networks, each\n"
    "rooted in one neighbourhood. The scenario goes to FILE.ini, the\n"
    "organisations to FILE.orgs.csv beside it; its header says how it was\n"
    "made. The same options write the same bytes.\n"
    "\n"
    "options:\n"
    "  --orgs N      organisations in the pool, 30 to 100000 (default 400)\n"
    "  --networks N  networks, 1 to --orgs (default 40)\n"
    "  --seed N      random seed, 1 to 4294967295, also the scenario's\n"
    "                simulation.seed (default 1)\n"
    "  --steps N     simulation.steps, 1 to 1000000 (default 520)\n"
    "  --field       a field instead: organisations with their area (their\n"
    "                municipality), no declared networks, founding on with\n"
    "                field.found_rate set to found about --networks networks\n"
    "                in ten years (MODEL.md 4.14)\n"
    "  --out FILE    the scenario file, ending in .ini (default region.ini)\n"
    "  --force       replace FILE.ini and FILE.orgs.csv if they exist\n"
    "  -h, --help    show this help\n"
    "\n"
    "Exit status: 0 written, 1 a file could not be written, 2 bad usage.\n";

enum { OPT_ORGS, OPT_NETWORKS, OPT_SEED, OPT_STEPS, OPT_OUT, OPT_FORCE, OPT_FIELD };

static const samen_optspec opts[] = {
    {"--orgs", NULL, "N", OPT_ORGS},
    {"--networks", NULL, "N", OPT_NETWORKS},
    {"--seed", NULL, "N", OPT_SEED},
    {"--steps", NULL, "N", OPT_STEPS},
    {"--out", "-o", "FILE", OPT_OUT},
    {"--force", NULL, NULL, OPT_FORCE},
    {"--field", NULL, NULL, OPT_FIELD},
    {0},
};

int samen_cmd_generate(int argc, char **argv)
{
    samen_args a;
    samen_args_init(&a, "generate", usage, opts, argc, argv);
    samen_region_opts o;
    samen_region_opts_default(&o);
    const char *out = "region.ini";
    int force = 0, id;
    const char *v;
    long long x;
    while ((id = samen_args_next(&a, &v)) != SAMEN_ARG_END) {
        switch (id) {
        case SAMEN_ARG_HELP:
            return 0;
        case SAMEN_ARG_ERROR:
            return 2;
        case SAMEN_ARG_POSITIONAL:
            return samen_args_error(&a, "unexpected argument '%s'", v);
        case OPT_ORGS:
            if (samen_args_whole(&a, "--orgs", v, SAMEN_REGION_MIN_ORGS,
                                 SAMEN_REGION_MAX_ORGS, &x))
                return 2;
            o.n_orgs = (int)x;
            break;
        case OPT_NETWORKS:
            if (samen_args_whole(&a, "--networks", v, 1, SAMEN_REGION_MAX_ORGS, &x))
                return 2;
            o.n_nets = (int)x;
            break;
        case OPT_SEED:
            if (samen_args_whole(&a, "--seed", v, 1, 4294967295LL, &x))
                return 2;
            o.seed = (uint32_t)x;
            break;
        case OPT_STEPS:
            if (samen_args_whole(&a, "--steps", v, 1, 1000000, &x))
                return 2;
            o.steps = (int)x;
            break;
        case OPT_OUT:
            out = v;
            break;
        case OPT_FORCE:
            force = 1;
            break;
        case OPT_FIELD:
            o.field = 1;
            break;
        default:
            return samen_args_error(&a, "internal: unhandled option");
        }
    }
    samen_error err;
    samen_error_clear(&err);
    if (samen_region_check_opts(&o, &err))
        return samen_args_error(&a, "%s %s", err.key, err.msg);
    char *orgs = samen_region_orgs_path(out);
    if (!orgs)
        return samen_args_error(&a, "--out must name a scenario file ending in .ini, not '%s'",
                                out);
    if (!force) {
        const char *exists = access(out, F_OK) == 0 ? out : access(orgs, F_OK) == 0 ? orgs : NULL;
        if (exists) {
            fprintf(stderr, "samen generate: %s already exists; use --force to replace it\n",
                    exists);
            free(orgs);
            return 2;
        }
    }
    /* --out gen/x.ini: gen/ is made, as run and sweep make their --out */
    const char *slash = strrchr(out, '/');
    if (slash && slash > out) {
        char *dir = strndup(out, (size_t)(slash - out));
        int bad = !dir || samen_mkdir_p(dir) != 0;
        int e = errno;
        if (bad)
            fprintf(stderr, "samen generate: %s: cannot create the folder: %s\n",
                    dir ? dir : out, strerror(dir ? e : ENOMEM));
        free(dir);
        if (bad) {
            free(orgs);
            return e == ENOTDIR ? 2 : 1;
        }
    }
    int rc = samen_region_generate(&o, out, &err);
    if (rc) {
        samen_error_print(&err, stderr);
        free(orgs);
        return rc;
    }
    printf("wrote %s and %s (%d organisations, %d networks, seed %lu)\n", out, orgs,
           o.n_orgs, o.n_nets, (unsigned long)o.seed);
    free(orgs);
    return 0;
}
