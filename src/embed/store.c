/* store.c: an output table's columns in memory, appended record by record
 * as the table's descriptor reads them (the same cells as rows.c writes
 * to the CSV file, kept at full precision). */
#include "embed/store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "samen/sim.h"

samen_kind samen_store_kind(const samen_column *c)
{
    switch (c->kind) {
    case SAMEN_COL_INT:
    case SAMEN_COL_LONG:
        return SAMEN_KIND_INT;
    case SAMEN_COL_NUM:
        return SAMEN_KIND_NUM;
    default:
        return SAMEN_KIND_TEXT;
    }
}

static int oom(samen_error *err)
{
    return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
}

int samen_store_open(samen_store *s, const samen_table *t, samen_error *err)
{
    memset(s, 0, sizeof *s);
    s->table = t;
    s->used = 1;
    s->cols = calloc((size_t)t->ncolumns, sizeof *s->cols);
    if (!s->cols)
        return oom(err);
    for (int i = 0; i < t->ncolumns; i++)
        s->cols[i].kind = samen_store_kind(&t->columns[i]);
    return SAMEN_OK;
}

/* Room for one more row in every column (all grow together). */
static int reserve(samen_store *s)
{
    if (s->rows < s->cap)
        return 0;
    size_t cap = s->cap ? 2 * s->cap : 256;
    for (int i = 0; i < s->table->ncolumns; i++) {
        samen_store_col *c = &s->cols[i];
        void **p = c->kind == SAMEN_KIND_INT ? (void **)&c->ints
                   : c->kind == SAMEN_KIND_NUM ? (void **)&c->nums : (void **)&c->codes;
        size_t size = c->kind == SAMEN_KIND_INT ? sizeof *c->ints
                      : c->kind == SAMEN_KIND_NUM ? sizeof *c->nums : sizeof *c->codes;
        void *q = realloc(*p, cap * size);
        if (!q)
            return -1;
        *p = q;
        if (c->missing) {
            uint8_t *m = realloc(c->missing, cap);
            if (!m)
                return -1;
            memset(m + s->cap, 0, cap - s->cap);
            c->missing = m;
        }
    }
    s->cap = cap;
    return 0;
}

static int mark_missing(samen_store *s, samen_store_col *c)
{
    if (!c->missing && !(c->missing = calloc(s->cap, 1)))
        return -1;
    c->missing[s->rows] = 1;
    return 0;
}

typedef struct level_key {
    const samen_store_col *c;
    const char *text;
} level_key;

static int level_match(const void *ctx, int rec)
{
    const level_key *k = ctx;
    return !strcmp(k->c->levels[rec], k->text);
}

/* The code of text in column c, added as a new level when first met. */
static int32_t level_of(samen_store_col *c, const char *text)
{
    /* the pointer alone could be a buffer refilled since: compare too */
    if (c->last == text && c->n_levels && !strcmp(c->levels[c->last_code], text))
        return c->last_code;
    uint64_t h = samen_hash_str(SAMEN_HASH_START, text);
    level_key k = {c, text};
    int found = samen_hindex_find(&c->index, h, level_match, &k);
    if (found < 0) {
        if (c->n_levels == c->cap_levels) {
            size_t cap = c->cap_levels ? 2 * c->cap_levels : 16;
            char **l = realloc(c->levels, cap * sizeof *l);
            if (!l)
                return -2;
            c->levels = l;
            c->cap_levels = cap;
        }
        char *copy = strdup(text);
        if (!copy)
            return -2;
        found = (int)c->n_levels;
        if (samen_hindex_add(&c->index, h, found) != 0) {
            free(copy);
            return -2;
        }
        c->levels[c->n_levels++] = copy;
    }
    c->last = text;
    c->last_code = found;
    return found;
}

/* A whole-number cell the column leaves empty (as rows.c writes it). */
static int empty_whole(const samen_column *d, long v)
{
    return (d->empty == SAMEN_EMPTY_NEGATIVE && v < 0)
           || (d->empty == SAMEN_EMPTY_ZERO && v == 0);
}

int samen_store_add(samen_store *s, const void *rec, samen_error *err)
{
    if (reserve(s) != 0)
        return oom(err);
    const char *base = rec;
    const samen_table *t = s->table;
    size_t r = s->rows;
    for (int i = 0; i < t->ncolumns; i++) {
        const samen_column *d = &t->columns[i];
        samen_store_col *c = &s->cols[i];
        const char *p = base + d->offset;
        int empty = 0;
        if (d->empty == SAMEN_EMPTY_UNLESS) {
            int flag;
            memcpy(&flag, base + d->when, sizeof flag);
            empty = !flag;
        }
        const char *text = NULL;
        switch (d->kind) {
        case SAMEN_COL_INT: {
            int v;
            memcpy(&v, p, sizeof v);
            empty = empty || empty_whole(d, v);
            c->ints[r] = empty ? 0 : v;
            break;
        }
        case SAMEN_COL_LONG: {
            long v;
            memcpy(&v, p, sizeof v);
            empty = empty || empty_whole(d, v);
            c->ints[r] = empty ? 0 : v;
            break;
        }
        case SAMEN_COL_NUM: {
            double v;
            memcpy(&v, p, sizeof v);
            if (!empty && !isfinite(v)) {
                int step;
                memcpy(&step, base + t->columns[0].offset, sizeof step);
                return samen_error_set(err, SAMEN_EIO, t->file, 0, d->name,
                                       "step %d: the model produced %g, not a finite "
                                       "number; no output was kept", step, v);
            }
            c->nums[r] = empty ? NAN : v;
            break;
        }
        case SAMEN_COL_TEXT:
            memcpy(&text, p, sizeof text);
            break;
        case SAMEN_COL_TYPE: {
            samen_net_type v;
            memcpy(&v, p, sizeof v);
            text = samen_type_name(v);
            break;
        }
        case SAMEN_COL_PHASE: {
            samen_phase v;
            memcpy(&v, p, sizeof v);
            text = samen_phase_name(v);
            break;
        }
        }
        if (c->kind == SAMEN_KIND_TEXT) {
            int32_t code = empty || !text || !*text ? -1 : level_of(c, text);
            if (code == -2)
                return oom(err);
            c->codes[r] = code;
        } else if (empty && mark_missing(s, c) != 0) {
            return oom(err);
        }
    }
    s->rows++;
    return SAMEN_OK;
}

void samen_store_free(samen_store *s)
{
    for (int i = 0; s->cols && i < s->table->ncolumns; i++) {
        samen_store_col *c = &s->cols[i];
        free(c->ints);
        free(c->nums);
        free(c->codes);
        free(c->missing);
        for (size_t k = 0; k < c->n_levels; k++)
            free(c->levels[k]);
        free(c->levels);
        samen_hindex_free(&c->index);
    }
    free(s->cols);
    memset(s, 0, sizeof *s);
}
