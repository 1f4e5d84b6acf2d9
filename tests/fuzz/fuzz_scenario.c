/* fuzz_scenario.c: the scenario reader (samen_scenario_load) on a
 * scenario file made of the input, beside the organisations and ties files
 * of tests/data/scenario/mini.ini (mini.orgs.csv, mini.ties.csv). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        fuzz_write_str("mini.orgs.csv", fuzz_orgs_csv);
        fuzz_write_str("mini.ties.csv", fuzz_ties_csv);
        ready = 1;
    }
    fuzz_write("s.ini", data, size);
    fuzz_load("s.ini");
    return 0;
}
