/* fuzz_orgs.c: the organisations CSV reader, through a fixed small
 * scenario (fuzz.h) whose [organisations] file is the input. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_csv("f.orgs.csv", "mini.ties.csv", "f.orgs.csv", data, size);
}
