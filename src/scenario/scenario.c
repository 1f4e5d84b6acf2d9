/* scenario.c: the entry points of the scenario module: load (file or text, then
 * overrides, then one validation of all values), free, organisation lookup. */
#include "scenario/scenario_int.h"

#include <stdlib.h>
#include <string.h>

#include "samen/memory.h"
#include "util/hindex.h"

/* The file path, or the text (when not NULL) that goes by that name. */
static int load(samen_scenario **out, const char *path, const char *text,
                const char *const *overrides, int n_overrides, samen_error *err)
{
    *out = NULL;
    samen_raw raw;
    memset(&raw, 0, sizeof raw);
    raw.path = strdup(path);
    if (!raw.path)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    int rc = samen_ini_read(&raw, path, text, err);
    for (int i = 0; i < n_overrides && !rc; i++)
        rc = samen_apply_override(&raw, overrides[i], err);
    if (!rc)
        rc = samen_scenario_build(&raw, out, err);
    samen_raw_free(&raw);
    return rc;
}

int samen_scenario_load(samen_scenario **out, const char *path,
                        const char *const *overrides, int n_overrides,
                        samen_error *err)
{
    return load(out, path, NULL, overrides, n_overrides, err);
}

int samen_scenario_load_text(samen_scenario **out, const char *text, const char *path,
                             const char *const *overrides, int n_overrides,
                             samen_error *err)
{
    if (!text || !path) {
        *out = NULL;
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "samen_scenario_load_text needs the text and a name for it");
    }
    return load(out, path, text, overrides, n_overrides, err);
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
        free(sc->orgs[i].area);
    }
    free(sc->orgs);
    if (sc->org_index)
        samen_hindex_free(sc->org_index);
    free(sc->org_index);
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

typedef struct id_key {
    const samen_scenario *sc;
    const char *id;
} id_key;

static int id_match(const void *ctx, int rec)
{
    const id_key *k = ctx;
    return !strcmp(k->sc->orgs[rec].id, k->id);
}

int samen_scenario_org_index(const samen_scenario *sc, const char *id)
{
    if (sc->org_index) {
        id_key k = {sc, id};
        return samen_hindex_find(sc->org_index, samen_hash_str(SAMEN_HASH_START, id),
                                 id_match, &k);
    }
    /* a scenario put together by hand, without the reader's index */
    for (int i = 0; i < sc->n_orgs; i++)
        if (sc->orgs[i].id && !strcmp(sc->orgs[i].id, id))
            return i;
    return -1;
}

int samen_scenario_index_org(samen_scenario *sc, int i)
{
    if (!sc->org_index && !(sc->org_index = calloc(1, sizeof *sc->org_index)))
        return -1;
    return samen_hindex_add(sc->org_index, samen_hash_str(SAMEN_HASH_START, sc->orgs[i].id),
                            i);
}
