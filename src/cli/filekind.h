/* filekind.h: whether an INI file is a sweep file, a fit file or a scenario, from its
 * section headers, so that a command given the other kind can say so. */
#ifndef SAMEN_FILEKIND_H
#define SAMEN_FILEKIND_H

enum {
    SAMEN_FILE_SWEEP = 1,    /* has a [sweep] section */
    SAMEN_FILE_SCENARIO = 2, /* has [simulation], [organisations] or [network NAME] */
    SAMEN_FILE_FIT = 4       /* has a [fit] section */
};

/* The SAMEN_FILE_* bits of the file at path; 0 when it cannot be read (the
 * loader then says why). */
int samen_file_kind(const char *path);

#endif
