/* error.h: the error record every library call fills instead of printing. */
#ifndef SAMEN_ERROR_H
#define SAMEN_ERROR_H

#include "samen/api.h"

#include <stdio.h>

/* Codes double as the process exit status chosen by main (FORMATS.md). */
enum samen_status {
    SAMEN_OK = 0,
    SAMEN_EIO = 1,    /* a run failed: I/O, resources */
    SAMEN_EINPUT = 2  /* bad input or usage */
};

/* Where and why something failed. file/key may be empty; line 0 means none. */
typedef struct samen_error {
    int code;
    int line;
    char file[512];
    char key[160];
    char msg[1024];
} samen_error;

/* Clears the record to SAMEN_OK. */
SAMEN_API void samen_error_clear(samen_error *err);

/* Fills err (if not NULL) and returns code, so callers can write
 * `return samen_error_set(err, SAMEN_EINPUT, file, line, key, "...", ...)`.
 * file and key may be NULL. */
SAMEN_API int samen_error_set(samen_error *err, int code, const char *file, int line,
                              const char *key, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Writes "samen: FILE:LINE: KEY: MESSAGE\n" (parts that are empty left out). */
SAMEN_API void samen_error_print(const samen_error *err, FILE *fp);

/* The error as samen_error_print writes it, without "samen: " and the
 * newline, into buf of n bytes: one line, as a sweep logs a failed run. */
SAMEN_API void samen_error_line(const samen_error *err, char *buf, size_t n);

#endif
