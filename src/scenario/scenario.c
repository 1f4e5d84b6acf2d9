/* scenario.c: the entry points of the scenario module: load (file, then
 * overrides, then one validation of all values), free, organisation lookup. */
#include "scenario/scenario_int.h"

#include <stdlib.h>
#include <string.h>

int samen_scenario_load(samen_scenario **out, const char *path,
                        const char *const *overrides, int n_overrides,
                        samen_error *err)
{
    *out = NULL;
    samen_raw raw;
    memset(&raw, 0, sizeof raw);
    raw.path = strdup(path);
    if (!raw.path)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    int rc = samen_ini_read(&raw, path, err);
    for (int i = 0; i < n_overrides && !rc; i++)
        rc = samen_apply_override(&raw, overrides[i], err);
    if (!rc)
        rc = samen_scenario_build(&raw, out, err);
    samen_raw_free(&raw);
    return rc;
}

void samen_scenario_free(samen_scenario *sc)
{
    if (!sc)
        return;
    free(sc->path);
    free(sc->name);
    for (int k = 0; k < SAMEN_MAX_THEMES; k++)
        free(sc->themes[k]);
    for (int i = 0; i < sc->n_orgs; i++) {
        free(sc->orgs[i].id);
        free(sc->orgs[i].name);
        free(sc->orgs[i].sector);
    }
    free(sc->orgs);
    free(sc->orgs_path);
    free(sc->ties);
    free(sc->ties_path);
    for (int i = 0; i < sc->n_nets; i++) {
        free(sc->nets[i].name);
        free(sc->nets[i].necessary);
        free(sc->nets[i].framing);
        free(sc->nets[i].candidates);
    }
    free(sc->nets);
    free(sc->provenance);
    free(sc);
}

int samen_scenario_org_index(const samen_scenario *sc, const char *id)
{
    for (int i = 0; i < sc->n_orgs; i++)
        if (sc->orgs[i].id && !strcmp(sc->orgs[i].id, id))
            return i;
    return -1;
}
