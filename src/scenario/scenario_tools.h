/* scenario_tools.h: what samen's own commands use of the scenario module
 * beyond the public API of include/samen/scenario.h: run.ini written and
 * printed, an override checked without loading, a run's provenance, and
 * the parameter table as `samen describe` lists it. */
#ifndef SAMEN_SCENARIO_TOOLS_H
#define SAMEN_SCENARIO_TOOLS_H

#include <stdio.h>

#include "samen/scenario.h"

/* Writes the resolved scenario into dir as run.ini (every parameter, each
 * number as the shortest text that reads back as the same double),
 * with input-organisations.csv and input-ties.csv beside it, each under a
 * temporary name in dir then renamed. `samen run DIR/run.ini` reproduces the
 * run byte for byte. If tmp_only is nonzero the files are left under their
 * temporary names (suffix ".tmp") for the caller to rename with
 * samen_scenario_commit_ini, so that a run's outputs all appear together. */
int samen_scenario_write_ini(const samen_scenario *sc, const char *dir,
                             int tmp_only, samen_error *err);
int samen_scenario_commit_ini(const char *dir, int has_ties, samen_error *err);

/* Writes the text of run.ini (the resolved scenario, as written by
 * samen_scenario_write_ini, naming the organisations and ties files
 * input-organisations.csv and input-ties.csv) to fp; `samen check` prints it. */
int samen_scenario_print(const samen_scenario *sc, FILE *fp);

/* Checks, without loading anything, that KEY (as for --set: `section.name`
 * or `network.NAME.key`) is a key of this scenario and VALUE a valid value
 * for it. *is_whole (if not NULL) tells whether the key takes whole numbers,
 * *is_numeric whether it takes a plain number (for lhs/sobol ranges).
 * Returns SAMEN_OK or SAMEN_EINPUT with err naming the key and the rule
 * (file and line are left for the caller to fill). */
int samen_scenario_check_override(const samen_scenario *sc, const char *key,
                                  const char *value, int *is_numeric,
                                  int *is_whole, samen_error *err);

/* 1 if KEY (as for --set) takes part in a rule between keys, so that
 * samen_scenario_check_override of its value alone cannot tell whether a
 * scenario with it loads: the keys whose definition says joint, and an
 * organisation's columns (its mission values must not all be 0). A sweep
 * that varies such a key loads each point whole. */
int samen_scenario_key_joint(const char *key);

/* As samen_scenario_print, with a header for reading (samen check). */
int samen_scenario_print_short(const samen_scenario *sc, FILE *fp);

/* Records where a run comes from, for the [samen] section of its run.ini:
 * source (the scenario file), command ("samen" and argv, argv[0] being the
 * command's name) and set (the keys of the overrides, "KEY=VALUE"). A
 * scenario file that records them itself (a run.ini) keeps its own when
 * there are no overrides, so that its run writes the same run.ini. Returns
 * SAMEN_OK, or SAMEN_EIO (out of memory) with err filled. */
int samen_scenario_set_provenance(samen_scenario *sc, int argc, char **argv,
                                  const char *const *overrides, int n_overrides,
                                  samen_error *err);

/* Prints every parameter (key, default, allowed range, meaning) to fp,
 * one line each. */
void samen_params_describe(FILE *fp);

/* One scenario parameter as `samen describe` lists it. */
typedef struct samen_param_text {
    char key[80];        /* section.name, or network.NAME.name */
    const char *def;     /* the default, "required" or "(empty)" */
    char range[160];     /* the allowed values */
    const char *meaning; /* with the MODEL.md section in brackets */
} samen_param_text;

/* Fills out with the i-th parameter (from 0) and returns 1, or returns 0
 * past the last. */
int samen_param_describe(int i, samen_param_text *out);

#endif
