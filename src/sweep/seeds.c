/* seeds.c: the seeds of a sweep's runs (MODEL.md section 6): SplitMix64
 * from the sweep seed, low 32 bits, 0 and repeats skipped. */
#include "sweep/design.h"

#include <stdlib.h>
#include <string.h>

uint64_t samen_splitmix64_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Multiplicative hashing into a power-of-two open-addressing table; 0 marks
 * an empty slot, which works because 0 is never kept. */
static size_t slot_of(uint32_t v, size_t mask)
{
    return (size_t)((v * 2654435769u) ^ (v >> 16)) & mask;
}

int samen_sweep_seeds(uint64_t sweep_seed, size_t n, uint32_t *out)
{
    if (n == 0)
        return 0;
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    uint32_t *table = calloc(cap, sizeof *table);
    if (!table)
        return -1;
    size_t mask = cap - 1;
    uint64_t state = sweep_seed;
    size_t kept = 0;
    while (kept < n) {
        uint32_t v = (uint32_t)samen_splitmix64_next(&state);
        if (v == 0)
            continue;
        size_t s = slot_of(v, mask);
        while (table[s] && table[s] != v)
            s = (s + 1) & mask;
        if (table[s] == v)
            continue; /* a repeat: section 6 skips it */
        table[s] = v;
        out[kept++] = v;
    }
    free(table);
    return 0;
}
