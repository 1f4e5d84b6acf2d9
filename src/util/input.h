/* input.h: opening a file that samen reads (a scenario, an organisations
 * or ties file, a sweep file): a regular file of at most SAMEN_INPUT_MAX
 * bytes, or a pipe, read once; never a device, a folder or a socket. */
#ifndef SAMEN_INPUT_H
#define SAMEN_INPUT_H

#include <stdio.h>

/* The largest input file samen reads: 1 GiB (an organisations file of a
 * million organisations is about 150 MB). */
#define SAMEN_INPUT_MAX (1UL << 30)

typedef struct samen_input {
    FILE *fp;
    char *buf;         /* a pipe's bytes, read whole */
    int code;          /* on failure: SAMEN_EINPUT, or SAMEN_EIO (memory) */
    char why[160];     /* on failure: what is wrong, for "cannot open: WHY" */
} samen_input;

/* Opens path for reading. Returns 0, or -1 with code and why filled. A
 * pipe is read here, whole, so that nothing reads it twice. */
int samen_input_open(samen_input *in, const char *path);

/* Whether path could be opened, without opening it (a pipe must not be
 * read by a probe). Returns 0, or -1 with code and why filled. */
int samen_input_check(samen_input *in, const char *path);

void samen_input_close(samen_input *in);

#endif
