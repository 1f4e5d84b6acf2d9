/* fuzz.h: what the fuzz targets share: a private folder per process for
 * the files a target writes from its input (the readers take paths), the
 * small fixed scenario files the targets name, and GSL's error handler off
 * (a GSL error must come back as a return value, never abort). Each target
 * defines LLVMFuzzerTestOneInput; libFuzzer (make fuzz) or replay.c (the
 * corpus replay of make test) calls it. */
#ifndef SAMEN_FUZZ_H
#define SAMEN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "samen/samen.h"
#include "scenario/scenario_tools.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The organisations and ties of tests/data/scenario/mini.*.csv. */
static const char fuzz_orgs_csv[] =
    "id,name,sector,capacity,mandate,latency,guard,patience,learning,childcare,leisure,welfare\n"
    "school-1,\"Basisschool De Bron, Molenbeek\",education,3,decision,2,0.6,40,0.9,0.1,0.2,0.1\n"
    "ibo,\"IBO \"\"De Speelvogel\"\"\",childcare,1.5,feedback,1,0.4,30,0.2,0.9,0.3,0.1\n"
    "sport.club,Sportclub,sport,2,decision,1.5,0.5,26,0,0,1,0\n"
    "youth,Jeugdhuis,youth work,1,feedback,3,0.2,20,0.1,0,0.8,0.3\n";
static const char fuzz_ties_csv[] =
    "org_a,org_b,trust\nschool-1,ibo,0.4\nyouth,sport.club,0.55\n";

/* A scenario of the same themes naming ORGS and TIES (format arguments). */
static const char fuzz_scenario_fmt[] =
    "[simulation]\nsteps = 20\nthemes = learning, childcare, leisure, welfare\n"
    "[organisations]\nfile = %s\n[ties]\nfile = %s\n"
    "[network brede-school]\ninitiator = school-1\nissue = learning:0.5, leisure:0.5\n"
    "concreteness = 0.5\neffort = 6\nnecessary = school-1, ibo\ncandidates = *\n";

static char fuzz_dir_name[256];

static inline void fuzz_cleanup(void)
{
    static const char *const names[] = {
        "s.ini", "s.sweep.ini", "mini.ini", "run.ini", "f.orgs.csv", "f.ties.csv",
        "mini.orgs.csv", "mini.ties.csv", "input-organisations.csv", "input-ties.csv",
    };
    char p[320];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", fuzz_dir_name, names[i]);
        unlink(p);
    }
    rmdir(fuzz_dir_name);
}

/* The path of NAME in this process's folder, made at the first call (and
 * removed at exit); the returned buffer is reused by the next call. */
static inline const char *fuzz_path(const char *name)
{
    static char p[320];
    if (!fuzz_dir_name[0]) {
        const char *t = getenv("TMPDIR");
        snprintf(fuzz_dir_name, sizeof fuzz_dir_name, "%s/samen-fuzz-XXXXXX",
                 t && *t ? t : P_tmpdir);
        if (!mkdtemp(fuzz_dir_name)) {
            perror("fuzz: mkdtemp");
            abort();
        }
        atexit(fuzz_cleanup);
        /* No GSL call may abort the process: errors are return values. */
        gsl_set_error_handler_off();
    }
    snprintf(p, sizeof p, "%s/%s", fuzz_dir_name, name);
    return p;
}

/* Writes n bytes into NAME of the folder; aborts if it cannot (that is the
 * harness failing, not the code under test). */
static inline void fuzz_write(const char *name, const void *data, size_t n)
{
    FILE *fp = fopen(fuzz_path(name), "wb");
    if (!fp || fwrite(data, 1, n, fp) != n || fclose(fp) != 0) {
        perror("fuzz: write");
        abort();
    }
}

static inline void fuzz_write_str(const char *name, const char *text)
{
    fuzz_write(name, text, strlen(text));
}

/* Loads the scenario NAME of the folder; one that loads is printed as
 * run.ini (to nowhere: the printer reads every field the loader set) and
 * freed. A refusal must say why: an empty message aborts. */
static inline void fuzz_load(const char *name)
{
    samen_scenario *sc;
    samen_error err;
    samen_error_clear(&err);
    if (samen_scenario_load(&sc, fuzz_path(name), NULL, 0, &err) == SAMEN_OK) {
        FILE *null = fopen("/dev/null", "w");
        if (null) {
            samen_scenario_print(sc, null);
            fclose(null);
        }
        samen_scenario_free(sc);
    } else if (!err.msg[0]) {
        abort();
    }
}

/* One input as the CSV file FUZZED that the fixed scenario of
 * fuzz_scenario_fmt names as ORGS or TIES (written at the first call, with
 * the fixed file of the two that is not fuzzed), then the scenario loaded. */
static inline int fuzz_csv(const char *orgs, const char *ties, const char *fuzzed,
                           const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        char ini[1024];
        snprintf(ini, sizeof ini, fuzz_scenario_fmt, orgs, ties);
        fuzz_write_str("s.ini", ini);
        fuzz_write_str("mini.orgs.csv", fuzz_orgs_csv);
        fuzz_write_str("mini.ties.csv", fuzz_ties_csv);
        ready = 1;
    }
    fuzz_write(fuzzed, data, size);
    fuzz_load("s.ini");
    return 0;
}

#endif
