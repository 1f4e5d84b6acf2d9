/* nameindex.c: names found by binary search; see nameindex.h. */
#include "util/nameindex.h"

#include <stdlib.h>
#include <string.h>

static int by_name(const void *x, const void *y)
{
    const samen_name_entry *a = x, *b = y;
    int c = strcmp(a->name, b->name);
    /* equal names keep their order, so a repeat names the later one */
    return c ? c : (a->index > b->index) - (a->index < b->index);
}

int samen_name_index_init(samen_name_index *x, const char *const *names, int n)
{
    x->n = 0;
    x->e = malloc(((size_t)n + 1) * sizeof *x->e);
    if (!x->e)
        return -1;
    for (int i = 0; i < n; i++)
        x->e[i] = (samen_name_entry){.name = names[i], .index = i};
    qsort(x->e, (size_t)n, sizeof *x->e, by_name);
    x->n = n;
    return 0;
}

int samen_name_index_find(const samen_name_index *x, const char *name)
{
    int lo = 0, hi = x->n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(name, x->e[mid].name);
        if (c == 0)
            return x->e[mid].index;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return -1;
}

const char *samen_name_index_repeat(const samen_name_index *x)
{
    for (int i = 1; i < x->n; i++)
        if (!strcmp(x->e[i - 1].name, x->e[i].name))
            return x->e[i].name;
    return NULL;
}

void samen_name_index_free(samen_name_index *x)
{
    free(x->e);
    x->e = NULL;
    x->n = 0;
}
