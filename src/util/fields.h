/* fields.h: the fields of a row of a part file or output table, split at
 * its commas without copying (no field is quoted: FORMATS.md keeps ids and
 * names plain), for the readers that take a few columns of many rows. */
#ifndef SAMEN_FIELDS_H
#define SAMEN_FIELDS_H

#include <stddef.h>

/* Splits line[0..len) into its first fields, at most max: f[i] and
 * flen[i] the start and length of field i. Returns their count. */
int samen_split_fields(const char *line, size_t len, const char **f, size_t *flen, int max);

#endif
