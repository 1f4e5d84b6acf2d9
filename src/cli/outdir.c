/* outdir.c: the output folder of one run (`samen run`, `samen rerun`):
 * created if missing, refused if it holds a run's or a sweep's outputs
 * unless --force. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/args.h"
#include "samen/samen.h"

/* The first of names present in dir, or NULL. */
static const char *first_present(const char *dir, const char *const *names)
{
    for (int i = 0; names[i]; i++) {
        char p[4400];
        struct stat st;
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        if (lstat(p, &st) == 0)
            return names[i];
    }
    return NULL;
}

int samen_prepare_out_dir(const char *dir, int force)
{
    if (samen_mkdir_p(dir) != 0) {
        int e = errno;
        fprintf(stderr, "samen: %s: cannot create the output folder: %s\n",
                dir, strerror(e));
        return e == ENOTDIR ? 2 : 1;
    }
    if (force)
        return -1;
    /* A sweep's folder too: collect writes its network.csv and events.csv. */
    static const char *const sweep_files[] = {"sweep.ini", "manifest.csv", NULL};
    const char *f = first_present(dir, sweep_files);
    if (f) {
        fprintf(stderr, "samen: %s holds a sweep (%s); use --force to write a "
                "run into it or choose another --out\n", dir, f);
        return 2;
    }
    if ((f = first_present(dir, samen_run_files))) {
        fprintf(stderr, "samen: %s already holds the outputs of a run (%s); "
                "use --force to overwrite them or choose another --out\n", dir, f);
        return 2;
    }
    return -1;
}

