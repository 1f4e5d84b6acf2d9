/* rerun.c: the scenario of one run of a sweep, rebuilt from the sweep's
 * folder alone (`samen rerun`, `samen export --run`), with another
 * output detail where asked. */
#include "sweep/tables.h"

#include <stdio.h>

#include "samen/samen.h"

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
    /* --detail goes last: the last setting of a key wins */
    char kv[4200];
    const char *extra[1] = {kv};
    if (detail)
        snprintf(kv, sizeof kv, "output.detail=%s", detail);
    return samen_sweep_load_run(sw, dir, (size_t)run, extra, detail ? 1 : 0, sc, err);
}
