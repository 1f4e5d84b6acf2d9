/* ini_reader.h: the one reader of samen's INI dialect (FORMATS.md
 * "Scenario file"), used by the scenario, run.ini and the sweep file. It
 * hands its caller each section header and each key with its whole value
 * and line numbers; what the sections and keys mean is the caller's.
 * docs/INPUT.md gives the rules and why samen has its own reader. */
#ifndef SAMEN_UTIL_INI_READER_H
#define SAMEN_UTIL_INI_READER_H

#include <stdio.h>

#include "samen/error.h"

/* The longest line read, in bytes, its line end not counted: 1 MiB, far
 * above FORMATS.md's 64 KiB (a network listing thousands of candidates on
 * one line). A longer line is an error naming it, never a cut value. */
#define SAMEN_INI_MAX_LINE (1 << 20)

/* One section header (key NULL) or one key. The strings live until the
 * callback returns. */
typedef struct samen_ini_item {
    /* The current section's name: trimmed, each run of spaces and tabs
     * inside as one space ("[network  a]" is "network a"). NULL for a key
     * before the first header. */
    const char *section;
    int section_line;   /* the line of that section's header; 0 if none */
    const char *key;    /* trimmed; NULL for a section header */
    const char *value;  /* trimmed, continuation lines joined with ","; NULL
                           for a section header */
    int line;           /* the header's line, or the key's first line */
    /* Nonzero when this section, or this key in this section, was given
     * before: the line where it was first given. */
    int first_line;
} samen_ini_item;

/* Called for each item in file order; a key is handed once its last
 * continuation line is read. Returns SAMEN_OK to go on, or an error code
 * (err filled) that stops the reading. */
typedef int (*samen_ini_fn)(void *user, const samen_ini_item *item, samen_error *err);

/* Reads the INI text of fp; path names it in errors. Returns SAMEN_OK,
 * the callback's code, SAMEN_EINPUT for a line that is not INI (err names
 * the line) or SAMEN_EIO (a read error, out of memory). */
int samen_ini_read_stream(FILE *fp, const char *path, samen_ini_fn fn, void *user,
                          samen_error *err);

/* Opens path as an input (util/input.h: a regular file or a pipe) and
 * reads it; what names the file in "cannot open the WHAT: why". */
int samen_ini_read_file(const char *path, const char *what, samen_ini_fn fn,
                        void *user, samen_error *err);

#endif
