/* sort.h: qsort for arrays that may be empty, whose pointer is then NULL
 * (a table that gathered nothing): qsort's arguments must be valid
 * pointers even for no element. */
#ifndef SAMEN_SORT_H
#define SAMEN_SORT_H

#include <stddef.h>
#include <stdlib.h>

static inline void samen_sort(void *base, size_t n, size_t size,
                              int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

#endif
