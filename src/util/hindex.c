/* hindex.c: the open-addressing hash index of hindex.h, with linear
 * probing in a table kept at most half full. */
#include "util/hindex.h"

#include <stdlib.h>
#include <string.h>

#define FNV_PRIME UINT64_C(1099511628211)

uint64_t samen_hash_bytes(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= FNV_PRIME;
    }
    return h;
}

uint64_t samen_hash_str(uint64_t h, const char *s)
{
    return samen_hash_bytes(h, s, strlen(s) + 1); /* the NUL too */
}

/* FNV's low bits alone mix poorly; fold the high half in. */
static size_t home(uint64_t hash, size_t cap)
{
    return (size_t)(hash ^ (hash >> 32)) & (cap - 1);
}

int samen_hindex_find(const samen_hindex *x, uint64_t hash, samen_hindex_match match,
                      const void *ctx)
{
    if (x->cap == 0)
        return -1;
    /* Not the first match but the lowest: after a resize the probe order
     * of equal keys no longer follows the order they were added in. */
    int best = -1;
    for (size_t i = home(hash, x->cap); x->rec[i] >= 0; i = (i + 1) & (x->cap - 1))
        if (x->hash[i] == hash && (best < 0 || x->rec[i] < best) && match(ctx, x->rec[i]))
            best = x->rec[i];
    return best;
}

static void put(samen_hindex *x, uint64_t hash, int rec)
{
    size_t i = home(hash, x->cap);
    while (x->rec[i] >= 0)
        i = (i + 1) & (x->cap - 1);
    x->hash[i] = hash;
    x->rec[i] = rec;
}

int samen_hindex_add(samen_hindex *x, uint64_t hash, int rec)
{
    if (2 * (x->n + 1) > x->cap) {
        size_t cap = x->cap ? 2 * x->cap : 16;
        samen_hindex bigger = {malloc(cap * sizeof *bigger.hash),
                               malloc(cap * sizeof *bigger.rec), cap, x->n};
        if (!bigger.hash || !bigger.rec) {
            samen_hindex_free(&bigger);
            return -1;
        }
        for (size_t i = 0; i < cap; i++)
            bigger.rec[i] = -1;
        for (size_t i = 0; i < x->cap; i++)
            if (x->rec[i] >= 0)
                put(&bigger, x->hash[i], x->rec[i]);
        samen_hindex_free(x);
        *x = bigger;
    }
    put(x, hash, rec);
    x->n++;
    return 0;
}

uint64_t samen_hash_text(const char *s, size_t n)
{
    return samen_hash_bytes(samen_hash_bytes(SAMEN_HASH_START, s, n), "", 1);
}

/* The text sought by samen_hindex_find_text. */
struct sought_text {
    char *const *text;
    const char *s;
    size_t n;
};

static int text_match(const void *ctx, int rec)
{
    const struct sought_text *k = ctx;
    const char *t = k->text[rec];
    return strncmp(t, k->s, k->n) == 0 && t[k->n] == '\0';
}

int samen_hindex_find_text(const samen_hindex *x, char *const *text, const char *s, size_t n)
{
    struct sought_text k = {text, s, n};
    return samen_hindex_find(x, samen_hash_text(s, n), text_match, &k);
}

void samen_hindex_free(samen_hindex *x)
{
    free(x->hash);
    free(x->rec);
    x->hash = NULL;
    x->rec = NULL;
    x->cap = 0;
    x->n = 0;
}
