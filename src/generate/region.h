/* region.h: the synthetic region generator behind `samen generate`: many
 * Brede School-like networks over one pool of organisations. */
#ifndef SAMEN_GENERATE_REGION_H
#define SAMEN_GENERATE_REGION_H

#include <stdint.h>
#include <stdio.h>

#include "samen/error.h"

/* The smallest pool that still gives every sector at least one
 * organisation and every neighbourhood a school and a care provider. */
#define SAMEN_REGION_MIN_ORGS 30
#define SAMEN_REGION_MAX_ORGS 100000

typedef struct samen_region_opts {
    int n_orgs;     /* organisations, SAMEN_REGION_MIN_ORGS .. MAX_ORGS */
    int n_nets;     /* networks, 1 .. n_orgs */
    uint32_t seed;  /* 1 .. 4294967295; also the scenario's simulation.seed */
    int steps;      /* simulation.steps, 1 .. 1000000 */
    int field;      /* --field: organisations with their area, no declared
                     * networks, founding on (MODEL.md 4.14) */
} samen_region_opts;

/* The sectors of the pool, in the generator's order: how many there are,
 * the label of sector i (as written in the sector column) and its share of
 * the organisations (the shares add up to 1). i out of range gives NULL
 * and 0. */
int samen_region_n_sectors(void);
const char *samen_region_sector_label(int i);
double samen_region_sector_share(int i);

/* Fills o with the defaults of `samen generate`: 400 organisations, 40
 * networks, seed 1, 520 steps. */
void samen_region_opts_default(samen_region_opts *o);

/* Checks every option against its range. Returns SAMEN_OK or SAMEN_EINPUT
 * with err naming the option (key "--orgs", ...) and the allowed range. */
int samen_region_check_opts(const samen_region_opts *o, samen_error *err);

/* Generates the region for o and writes the scenario text to ini and the
 * organisations CSV to csv. orgs_name is the value of [organisations] file
 * (a path relative to the scenario file); out_name is the --out shown in the
 * header's command line. The same options give the same bytes. Returns
 * SAMEN_OK, SAMEN_EINPUT (bad options) or SAMEN_EIO (out of memory); write
 * errors are left on the streams for the caller to check. */
int samen_region_write(const samen_region_opts *o, const char *out_name,
                       const char *orgs_name, FILE *ini, FILE *csv,
                       samen_error *err);

/* Writes the scenario to ini_path (which must end in ".ini") and its
 * organisations to the same path with ".ini" replaced by ".orgs.csv", each
 * as a temporary file renamed into place only when both are complete (the
 * organisations file first, so a scenario never names a missing file).
 * Existing files are replaced: refusing to overwrite is the caller's
 * choice. Returns SAMEN_OK, SAMEN_EINPUT or SAMEN_EIO with err filled. */
int samen_region_generate(const samen_region_opts *o, const char *ini_path,
                          samen_error *err);

/* The organisations file path for a scenario path ending in ".ini", newly
 * allocated (caller frees), or NULL if the path does not end in ".ini" or
 * memory runs out. */
char *samen_region_orgs_path(const char *ini_path);

#endif
