/* nameindex.h: finding one name among many (organisation ids, network
 * names) by binary search over the names in byte order, for readers that
 * meet the same names row after row. */
#ifndef SAMEN_NAMEINDEX_H
#define SAMEN_NAMEINDEX_H

typedef struct samen_name_entry {
    const char *name;
    int index;
} samen_name_entry;

/* The caller owns the record and the names, which must outlive it. */
typedef struct samen_name_index {
    samen_name_entry *e;
    int n;
} samen_name_index;

/* Indexes names[0..n). Returns 0, or -1 when out of memory (x zeroed). */
int samen_name_index_init(samen_name_index *x, const char *const *names, int n);

/* The index in names of name, or -1. */
int samen_name_index_find(const samen_name_index *x, const char *name);

/* A name given more than once, or NULL. */
const char *samen_name_index_repeat(const samen_name_index *x);

/* Frees the entries; safe on a zeroed record. */
void samen_name_index_free(samen_name_index *x);

#endif
