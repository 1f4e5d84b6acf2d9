/* rerun.c: the scenario of one run of a sweep, rebuilt from the sweep's
 * folder alone: its overrides and seed on the copy of the base scenario in
 * DIR/inputs (`samen rerun`, `samen export --run`). */
#include "sweep/sweep.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "samen/samen.h"

/* A varied or set input file is named relative to the base scenario, so
 * such a run is loaded from there; any other from the folder's copy. */
static int names_a_file(char **ov, int n)
{
    for (int i = 0; i < n; i++)
        if (!strncmp(ov[i], "organisations.file=", 19) || !strncmp(ov[i], "ties.file=", 10))
            return 1;
    return 0;
}

int samen_sweep_run_scenario(const samen_sweep *sw, const char *dir, long long run,
                             const char *detail, samen_scenario **sc, samen_error *err)
{
    *sc = NULL;
    if (run < 0 || (unsigned long long)run >= sw->n_runs) {
        char path[4200];
        snprintf(path, sizeof path, "%s/sweep.ini", dir);
        return samen_error_set(err, SAMEN_EINPUT, path, 0, NULL,
                               "run %lld is not in the sweep: its runs are 0 to %zu",
                               run, sw->n_runs - 1);
    }
    char **ov = NULL;
    int n = samen_sweep_overrides(sw, (size_t)run, &ov);
    if (n < 0)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    /* --detail goes last: the last setting of a key wins */
    const char **list = malloc(((size_t)n + 1) * sizeof *list);
    char *extra = NULL;
    int rc = SAMEN_OK;
    if (!list || (detail && !(extra = malloc(strlen(detail) + 16))))
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    if (rc == SAMEN_OK) {
        for (int i = 0; i < n; i++)
            list[i] = ov[i];
        if (extra)
            sprintf(extra, "output.detail=%s", detail);
        list[n] = extra;
        char inputs[4200];
        samen_sweep_inputs_path(inputs, sizeof inputs, dir);
        const char *from = names_a_file(ov, n) || access(inputs, R_OK) != 0 ? sw->scenario
                                                                           : inputs;
        rc = samen_scenario_load(sc, from, list, n + (extra != NULL), err);
    }
    free(extra);
    free(list);
    samen_sweep_overrides_free(ov, n);
    return rc;
}
