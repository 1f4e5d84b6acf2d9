/* fuzz_ties.c: the ties CSV reader, through a fixed small scenario
 * (fuzz.h) with fixed organisations whose [ties] file is the input. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_csv("mini.orgs.csv", "f.ties.csv", "f.ties.csv", data, size);
}
