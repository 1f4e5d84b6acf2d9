/* fields.c: the fields of a row, split at its commas (fields.h). */
#include "util/fields.h"

#include <string.h>

int samen_split_fields(const char *line, size_t len, const char **f, size_t *flen, int max)
{
    int n = 0;
    const char *p = line, *end = line + len;
    while (n < max) {
        const char *c = memchr(p, ',', (size_t)(end - p));
        f[n] = p;
        flen[n] = (size_t)((c ? c : end) - p);
        n++;
        if (!c)
            break;
        p = c + 1;
    }
    return n;
}
