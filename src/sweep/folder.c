/* folder.c: a sweep's output folder: sweep.ini (claimed once, compared
 * by every later shard or attempt), inputs/ (one copy of the base
 * scenario), parts/ (the writers' files) and the lock that serialises
 * rebuilding the manifest, summary and collected files. */
#include "sweep/parts.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "samen/samen.h"
#include "scenario/scenario_tools.h"
#include "util/outfile.h"
#include "util/readfile.h"

void samen_host_name(char *buf, size_t n)
{
    if (gethostname(buf, n) != 0 || !buf[0])
        snprintf(buf, n, "localhost");
    buf[n - 1] = '\0';
    /* Dots separate the parts of a writer's file names. */
    for (char *p = buf; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
              || *p == '-'))
            *p = '_';
}

/* ---- sweep.ini ---- */

/* Tells which line of two texts differs first, for the message. */
static int first_diff_line(const char *a, const char *b)
{
    int line = 1;
    for (; *a && *a == *b; a++, b++)
        if (*a == '\n')
            line++;
    return line;
}

void samen_sweep_inputs_path(char *buf, size_t n, const char *out)
{
    snprintf(buf, n, "%s/inputs/scenario.ini", out);
}

/* A varied or set input file is named relative to the base scenario. */
static int names_a_file(char **ov, int n)
{
    for (int i = 0; i < n; i++)
        if (!strncmp(ov[i], "organisations.file=", 19) || !strncmp(ov[i], "ties.file=", 10))
            return 1;
    return 0;
}

int samen_sweep_load_run(const samen_sweep *sw, const char *out, size_t run,
                         const char *const *extra, int n_extra,
                         samen_scenario **sc, samen_error *err)
{
    *sc = NULL;
    char **ov = NULL;
    int n = samen_sweep_overrides(sw, run, &ov);
    const char **all = n < 0 ? NULL : malloc((size_t)(n + n_extra) * sizeof *all);
    if (!all) {
        if (n >= 0)
            samen_sweep_overrides_free(ov, n);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    for (int i = 0; i < n; i++)
        all[i] = ov[i];
    for (int i = 0; i < n_extra; i++)
        all[n + i] = extra[i];
    char inputs[4200];
    samen_sweep_inputs_path(inputs, sizeof inputs, out);
    const char *from = names_a_file(ov, n) || access(inputs, R_OK) != 0 ? sw->scenario
                                                                        : inputs;
    int rc = samen_scenario_load(sc, from, all, n + n_extra, err);
    free(all);
    samen_sweep_overrides_free(ov, n);
    return rc;
}

/* OUT/inputs: the base scenario resolved, with its organisations and ties,
 * so that `samen rerun` needs nothing outside the folder. Built under a
 * name of this process and renamed into place: shards that start together
 * race, one wins, the same bytes either way. */
static int write_inputs(const samen_sweep *sw, const char *out, samen_error *err)
{
    char dir[4096], tmp[4400], from[4500], to[4500], host[256];
    struct stat st;
    snprintf(dir, sizeof dir, "%s/inputs", out);
    if (stat(dir, &st) == 0)
        return SAMEN_OK;
    samen_host_name(host, sizeof host);
    snprintf(tmp, sizeof tmp, "%s/.inputs.%s.%ld", out, host, (long)getpid());
    (void)samen_remove_folder(tmp); /* a leftover of an earlier start, or none */
    if (mkdir(tmp, 0777) != 0)
        return samen_error_set(err, SAMEN_EIO, tmp, 0, NULL, "cannot create folder: %s",
                               strerror(errno));
    samen_scenario *sc = NULL;
    int rc = samen_scenario_load(&sc, sw->scenario, NULL, 0, err);
    if (rc == SAMEN_OK)
        rc = samen_scenario_write_ini(sc, tmp, 0, err);
    samen_scenario_free(sc);
    snprintf(from, sizeof from, "%s/run.ini", tmp);
    snprintf(to, sizeof to, "%s/scenario.ini", tmp);
    if (rc == SAMEN_OK && rename(from, to) != 0)
        rc = samen_error_set(err, SAMEN_EIO, to, 0, NULL, "cannot rename: %s", strerror(errno));
    if (rc == SAMEN_OK && rename(tmp, dir) != 0 && errno != EEXIST && errno != ENOTEMPTY)
        rc = samen_error_set(err, SAMEN_EIO, dir, 0, NULL, "cannot rename %s into place: %s",
                             tmp, strerror(errno));
    (void)samen_remove_folder(tmp);
    return rc;
}

int samen_sweep_claim(const samen_sweep *sw, const char *out, samen_error *err)
{
    char path[4096], tmp[4400], parts[4200];
    /* A folder with one run's outputs is not a sweep's: collect would
     * overwrite its network.csv and events.csv. */
    struct stat st;
    snprintf(path, sizeof path, "%s/sweep.ini", out);
    if (lstat(path, &st) != 0) {
        snprintf(path, sizeof path, "%s/run.ini", out);
        if (lstat(path, &st) == 0)
            return samen_error_set(err, SAMEN_EINPUT, out, 0, NULL,
                                   "the folder holds the outputs of a run (run.ini); "
                                   "give the sweep a folder of its own with --out");
    }
    snprintf(parts, sizeof parts, "%s/parts", out);
    if (mkdir(parts, 0777) != 0 && errno != EEXIST)
        return samen_error_set(err, SAMEN_EIO, parts, 0, NULL,
                               "cannot create folder: %s", strerror(errno));
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    int bad = samen_sweep_write_resolved(sw, mem, err);
    int closed = fclose(mem) == 0;
    if (bad || !closed) {
        free(text);
        return bad ? err->code : samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }

    /* Written whole under a name of our own, then linked into place: link
     * fails if sweep.ini exists, so shards starting together agree on one
     * and compare theirs with it. */
    snprintf(path, sizeof path, "%s/sweep.ini", out);
    char host[256];
    samen_host_name(host, sizeof host);
    snprintf(tmp, sizeof tmp, "%s/.sweep.ini.%s.%ld", out, host, (long)getpid());
    FILE *fp = fopen(tmp, "w");
    int rc = SAMEN_OK;
    if (!fp || fwrite(text, 1, len, fp) != len || fflush(fp) != 0 || fsync(fileno(fp)) != 0) {
        rc = samen_error_set(err, SAMEN_EIO, tmp, 0, NULL, "cannot write file: %s",
                             strerror(errno));
        if (fp)
            fclose(fp);
    } else if (fclose(fp) != 0) {
        rc = samen_error_set(err, SAMEN_EIO, tmp, 0, NULL, "cannot write file: %s",
                             strerror(errno));
    } else if (link(tmp, path) != 0 && errno != EEXIST) {
        rc = samen_error_set(err, SAMEN_EIO, path, 0, NULL, "cannot create file: %s",
                             strerror(errno));
    }
    unlink(tmp);
    if (rc == SAMEN_OK) {
        size_t olen = 0;
        char *old = samen_read_file(path, &olen, err);
        if (!old)
            rc = err->code;
        else if (olen != len || memcmp(old, text, len))
            rc = samen_error_set(err, SAMEN_EINPUT, path, first_diff_line(old, text), NULL,
                                 "this folder holds another sweep (or the same one "
                                 "with a changed scenario or samen version); give "
                                 "another --out, or resume that sweep with its own file");
        free(old);
    }
    free(text);
    if (rc == SAMEN_OK)
        rc = write_inputs(sw, out, err);
    return rc;
}

int samen_sweep_lock(const char *out, int *fd, samen_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/sweep.ini", out);
    *fd = open(path, O_RDWR);
    if (*fd < 0)
        return samen_error_set(err, SAMEN_EIO, path, 0, NULL,
                               "cannot open file: %s (is this a sweep folder?)",
                               strerror(errno));
    /* fcntl locks also work across machines on NFS, where shards meet. */
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    while (fcntl(*fd, F_SETLKW, &fl) != 0) {
        if (errno == EINTR)
            continue;
        int e = errno;
        close(*fd);
        *fd = -1;
        return samen_error_set(err, SAMEN_EIO, path, 0, NULL, "cannot lock file: %s",
                               strerror(e));
    }
    return SAMEN_OK;
}

void samen_sweep_unlock(int fd)
{
    if (fd >= 0)
        close(fd); /* drops the lock */
}

