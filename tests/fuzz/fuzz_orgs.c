/* fuzz_orgs.c: the organisations CSV reader, through a fixed small
 * scenario (fuzz.h) whose [organisations] file is the input. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        fuzz_fixed_scenario("f.orgs.csv", "mini.ties.csv");
        ready = 1;
    }
    fuzz_write("f.orgs.csv", data, size);
    fuzz_load("s.ini");
    return 0;
}
