/* readfile.h: the whole of a file the program wrote itself (a sweep's
 * sweep.ini, a writer's log) read into memory, with the real cause of a
 * failure in the error record. */
#ifndef SAMEN_UTIL_READFILE_H
#define SAMEN_UTIL_READFILE_H

#include <stddef.h>

#include "samen/error.h"

/* The bytes of path, NUL-terminated (the NUL not counted in *len), in a
 * malloc'd buffer. NULL on failure with err filled: SAMEN_EIO and "cannot
 * open file: WHY", "cannot read file: WHY" or "out of memory". */
char *samen_read_file(const char *path, size_t *len, samen_error *err);

#endif
