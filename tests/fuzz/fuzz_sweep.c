/* fuzz_sweep.c: the sweep file reader (samen_sweep_load) on a sweep file
 * made of the input, whose scenario may name mini.ini beside it (a fixed
 * scenario, fuzz.h). An input with a [samen] section is read as a resolved
 * sweep.ini (SAMEN_SWEEP_TRUSTED), the way collect reads a sweep folder. */
#define _GNU_SOURCE /* memmem */
#include "fuzz.h"

#include "sweep/design.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        char ini[1024];
        snprintf(ini, sizeof ini, fuzz_scenario_fmt, "mini.orgs.csv", "mini.ties.csv");
        fuzz_write_str("mini.ini", ini);
        fuzz_write_str("mini.orgs.csv", fuzz_orgs_csv);
        fuzz_write_str("mini.ties.csv", fuzz_ties_csv);
        ready = 1;
    }
    fuzz_write("s.sweep.ini", data, size);
    int trusted = memmem(data, size, "[samen]", 7) != NULL;
    samen_sweep *sw;
    samen_error err;
    samen_error_clear(&err);
    if (samen_sweep_load(&sw, fuzz_path("s.sweep.ini"), trusted ? SAMEN_SWEEP_TRUSTED : 0,
                         &err) == SAMEN_OK)
        samen_sweep_free(sw);
    else if (!err.msg[0])
        abort();
    return 0;
}
