/* fuzz_ties.c: the ties CSV reader, through a fixed small scenario
 * (fuzz.h) with fixed organisations whose [ties] file is the input. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        fuzz_fixed_scenario("mini.orgs.csv", "f.ties.csv");
        ready = 1;
    }
    fuzz_write("f.ties.csv", data, size);
    fuzz_load("s.ini");
    return 0;
}
