/* parse.h: text helpers that several modules share in reading their
 * inputs (the scenario, the sweep file, the CSV tools): the strict number,
 * comma lists, names, the nearest known name for a hint, and the check that
 * a line is UTF-8 text. */
#ifndef SAMEN_UTIL_PARSE_H
#define SAMEN_UTIL_PARSE_H

#include <stddef.h>

/* Strict number: the whole text (spaces around allowed), finite, decimal.
 * Returns 0 or -1 with msg filled. */
int samen_parse_number(const char *s, double *out, char *msg, size_t n);

/* A malloc'd copy of s[0..len) without the white space around it, or NULL
 * out of memory. */
char *samen_trim_dup(const char *s, size_t len);

/* Splits a comma list into trimmed items (malloc'd array of malloc'd
 * strings). Empty text gives 0 items; an empty item is an error.
 * Returns 0, -1 with msg filled, or -2 out of memory. */
int samen_split_list(const char *s, char ***items, int *n, char *msg, size_t msgn);
void samen_free_list(char **items, int n);

/* Nonzero if s matches [A-Za-z0-9_.-]+ (dot allowed only if allow_dot). */
int samen_valid_name(const char *s, int allow_dot);

/* Levenshtein distance (strings cut at 128 bytes). */
int samen_edit_distance(const char *a, const char *b);

/* The name of the NULL-terminated list names nearest to name by edit
 * distance (the first of equals), for a "did you mean" hint; NULL if the
 * list is empty. */
const char *samen_nearest(const char *name, const char *const *names);

/* samen_nearest over candidates offered one at a time, where they are not
 * one list (fields of records, a filtered table, two tables): start, offer
 * each, then best is the nearest (NULL if none was offered). */
typedef struct samen_near {
    const char *name;      /* the name looked for */
    const char *best;      /* the nearest candidate so far */
    int dist;              /* its distance */
} samen_near;

void samen_near_start(samen_near *n, const char *name);

/* Offers cand at its edit distance to the name; returns 1 if it is the
 * name itself. */
int samen_near_offer(samen_near *n, const char *cand);

/* Offers cand at a distance the caller chose (a prefix counting as 0);
 * returns 1 if it is now the nearest. */
int samen_near_offer_at(samen_near *n, const char *cand, int dist);

/* Returns NULL if buf[0..len) is UTF-8 text without NUL or control bytes
 * other than tab, CR and LF, else what is wrong. */
const char *samen_text_problem(const char *buf, size_t len);

#endif
