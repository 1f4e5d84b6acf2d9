/* grow.h: room for one more element at the end of an array that doubles
 * when full, for the readers and buffers that append row by row. */
#ifndef SAMEN_GROW_H
#define SAMEN_GROW_H

#include <stddef.h>
#include <stdlib.h>

/* Returns buf, holding n elements of size, with room for one more: buf
 * itself while n < *cap, else buf reallocated to twice *cap elements
 * (first when *cap is 0) with *cap updated. NULL when out of memory, buf
 * then still valid and *cap unchanged. */
static inline void *samen_grow(void *buf, size_t n, size_t *cap, size_t size, size_t first)
{
    if (n < *cap)
        return buf;
    size_t c = *cap ? 2 * *cap : first;
    void *p = realloc(buf, c * size);
    if (p)
        *cap = c;
    return p;
}

#endif
