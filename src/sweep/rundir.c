/* rundir.c: a sweep's output folder: sweep.ini, the lock, run folders built
 * under temporary names and renamed when complete, failures, resuming. */
#include "sweep/sweep.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "samen/samen.h"
#include "util/outfile.h"

#define TMP_PREFIX ".tmp-"

void samen_run_dir(char *buf, size_t n, const char *out, size_t run)
{
    snprintf(buf, n, "%s/runs/%06zu", out, run);
}

static void host_name(char *buf, size_t n)
{
    if (gethostname(buf, n) != 0 || !buf[0])
        snprintf(buf, n, "localhost");
    buf[n - 1] = '\0';
    for (char *p = buf; *p; p++)
        if (*p == '/')
            *p = '_';
}

/* OUT/runs/.tmp-NNNNNN.HOST.PID: the folder a run is built in; the owner
 * in the name lets --resume tell a dead owner's leftovers from a live
 * one's. */
static void tmp_dir(char *buf, size_t n, const char *out, size_t run, long pid)
{
    char host[256];
    host_name(host, sizeof host);
    snprintf(buf, n, "%s/runs/" TMP_PREFIX "%06zu.%s.%ld", out, run, host, pid);
}

/* Parses a temporary folder's name; returns 0 if it is one. host gets
 * at least 256 bytes. */
static int parse_tmp(const char *name, size_t *run, char *host, long *pid)
{
    if (strncmp(name, TMP_PREFIX, strlen(TMP_PREFIX)))
        return -1;
    const char *p = name + strlen(TMP_PREFIX);
    char *end;
    errno = 0;
    unsigned long long r = strtoull(p, &end, 10);
    const char *last = strrchr(p, '.');
    if (end == p || *end != '.' || errno || !last || last <= end)
        return -1;
    size_t hl = (size_t)(last - end - 1);
    if (hl == 0 || hl > 255)
        return -1;
    memcpy(host, end + 1, hl);
    host[hl] = '\0';
    long v = strtol(last + 1, &end, 10);
    if (*end || v <= 0)
        return -1;
    *run = (size_t)r;
    *pid = v;
    return 0;
}

/* Removes a run folder (run outputs are flat: files only). */
static int remove_dir(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return errno == ENOENT ? 0 : -1;
    struct dirent *de;
    char file[4096];
    while ((de = readdir(d)))
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
            snprintf(file, sizeof file, "%s/%s", path, de->d_name);
            unlink(file);
        }
    closedir(d);
    return rmdir(path) == 0 || errno == ENOENT ? 0 : -1;
}

samen_run_status samen_run_status_of(const char *out, size_t run)
{
    char dir[4096], file[4200];
    struct stat st;
    samen_run_dir(dir, sizeof dir, out, run);
    if (stat(dir, &st) != 0)
        return SAMEN_RUN_PENDING;
    snprintf(file, sizeof file, "%s/failed", dir);
    return stat(file, &st) == 0 ? SAMEN_RUN_FAILED : SAMEN_RUN_DONE;
}

/* ---- sweep.ini ---- */

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n + 4096 > cap) {
            char *grown = realloc(buf, cap = 2 * cap + 8192);
            if (!grown) {
                free(buf);
                fclose(fp);
                return NULL;
            }
            buf = grown;
        }
        got = fread(buf + n, 1, cap - n - 1, fp);
        n += got;
    } while (got > 0);
    int bad = ferror(fp);
    fclose(fp);
    if (bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Tells which line of two texts differs first, for the message. */
static int first_diff_line(const char *a, const char *b)
{
    int line = 1;
    for (; *a && *a == *b; a++, b++)
        if (*a == '\n')
            line++;
    return line;
}

int samen_sweep_claim(const samen_sweep *sw, const char *out, samen_error *err)
{
    char path[4096], tmp[4400], runs[4200];
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
    snprintf(runs, sizeof runs, "%s/runs", out);
    if (mkdir(runs, 0777) != 0 && errno != EEXIST)
        return samen_error_set(err, SAMEN_EIO, runs, 0, NULL,
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
    host_name(host, sizeof host);
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
        char *old = read_all(path, &olen);
        if (!old)
            rc = samen_error_set(err, SAMEN_EIO, path, 0, NULL, "cannot read file: %s",
                                 strerror(errno));
        else if (olen != len || memcmp(old, text, len))
            rc = samen_error_set(err, SAMEN_EINPUT, path, first_diff_line(old, text), NULL,
                                 "this folder holds another sweep (or the same one "
                                 "with a changed scenario or samen version); give "
                                 "another --out, or resume that sweep with its own file");
        free(old);
    }
    free(text);
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

/* ---- one process's runs ---- */

static int in_shard(const samen_sweep_job *job, size_t run)
{
    return run % job->shard_n == job->shard_i;
}

int samen_sweep_prepare(samen_sweep_job *job, size_t *todo, size_t *total,
                        samen_error *err)
{
    char path[4200];
    job->next = job->shard_i;
    if (job->resume) {
        char host[256], tmp_host[256];
        host_name(host, sizeof host);
        snprintf(path, sizeof path, "%s/runs", job->out);
        DIR *d = opendir(path);
        if (!d)
            return samen_error_set(err, SAMEN_EIO, path, 0, NULL, "cannot read folder: %s",
                                   strerror(errno));
        struct dirent *de;
        while ((de = readdir(d))) {
            size_t run;
            long pid;
            if (parse_tmp(de->d_name, &run, tmp_host, &pid) != 0)
                continue;
            /* Only leftovers nobody is still writing: of a dead process
             * on this machine, or of this shard's own runs. */
            int dead = !strcmp(tmp_host, host) && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
            if (dead || (run < job->sw->n_runs && in_shard(job, run))) {
                char dir[4600];
                snprintf(dir, sizeof dir, "%s/%s", path, de->d_name);
                if (remove_dir(dir) != 0) {
                    int e = errno;
                    closedir(d);
                    return samen_error_set(err, SAMEN_EIO, dir, 0, NULL,
                                           "cannot remove an unfinished run: %s", strerror(e));
                }
            }
        }
        closedir(d);
    }
    *todo = *total = 0;
    for (size_t i = job->shard_i; i < job->sw->n_runs; i += job->shard_n) {
        samen_run_status st = samen_run_status_of(job->out, i);
        (*total)++;
        if (st != SAMEN_RUN_DONE)
            (*todo)++;
        if (st != SAMEN_RUN_PENDING && !job->resume) {
            samen_run_dir(path, sizeof path, job->out, i);
            return samen_error_set(err, SAMEN_EINPUT, path, 0, NULL,
                                   "run %zu already exists: add --resume to finish "
                                   "the sweep in this folder, or give another --out", i);
        }
    }
    return SAMEN_OK;
}

long samen_sweep_next(samen_sweep_job *job, samen_error *err)
{
    for (; job->next < job->sw->n_runs; job->next += job->shard_n) {
        size_t i = job->next;
        samen_run_status st = samen_run_status_of(job->out, i);
        if (st == SAMEN_RUN_DONE)
            continue;
        job->next += job->shard_n;
        if (st == SAMEN_RUN_FAILED) {
            /* Moved aside first, so runs/NNNNNN never exists incomplete. */
            char dir[4096], aside[4400];
            samen_run_dir(dir, sizeof dir, job->out, i);
            tmp_dir(aside, sizeof aside, job->out, i, (long)getpid());
            if (rename(dir, aside) != 0 || remove_dir(aside) != 0) {
                samen_error_set(err, SAMEN_EIO, dir, 0, NULL,
                                "cannot remove the failed run: %s", strerror(errno));
                return -2;
            }
        }
        return (long)i;
    }
    return -1;
}

/* Writes DIR/failed holding the reason. */
static int write_failed(const char *dir, const char *reason, samen_error *err)
{
    samen_outfile f;
    int rc = samen_outfile_open(&f, dir, "failed", err);
    if (rc)
        return rc;
    fprintf(f.fp, "%s\n", reason);
    return samen_outfile_commit(&f, err);
}

/* Moves a finished temporary folder into place. A run folder that is
 * already there was made by another process running the same run (an
 * overlapping resume): the same bytes, so ours is dropped. */
static int put_in_place(const char *tmp, const char *dir, samen_error *err)
{
    if (rename(tmp, dir) == 0)
        return SAMEN_OK;
    int e = errno;
    if (e == EEXIST || e == ENOTEMPTY) {
        remove_dir(tmp);
        return SAMEN_OK;
    }
    remove_dir(tmp);
    return samen_error_set(err, SAMEN_EIO, dir, 0, NULL, "cannot rename %s into place: %s",
                           tmp, strerror(e));
}

/* Names run's temporary folder of process pid and its final folder, and
 * makes the temporary folder afresh: one left by an earlier, killed
 * attempt with the same process id goes. */
static int fresh_tmp(char *tmp, size_t ntmp, char *dir, size_t ndir, const char *out,
                     size_t run, long pid, samen_error *err)
{
    tmp_dir(tmp, ntmp, out, run, pid);
    samen_run_dir(dir, ndir, out, run);
    remove_dir(tmp);
    if (mkdir(tmp, 0777) != 0)
        return samen_error_set(err, SAMEN_EIO, tmp, 0, NULL, "cannot create folder: %s",
                               strerror(errno));
    return SAMEN_OK;
}

static int record_failed(const char *out, size_t run, long pid, const char *reason,
                         samen_error *err)
{
    char tmp[4400], dir[4096];
    int rc = fresh_tmp(tmp, sizeof tmp, dir, sizeof dir, out, run, pid, err);
    if (rc)
        return rc;
    rc = write_failed(tmp, reason, err);
    if (rc) {
        remove_dir(tmp);
        return rc;
    }
    return put_in_place(tmp, dir, err);
}

/* The error as one line, as samen_error_print writes it. */
static void error_line(const samen_error *e, char *buf, size_t n)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (mem) {
        samen_error_print(e, mem);
        fclose(mem);
    }
    const char *line = text ? text : e->msg;
    if (!strncmp(line, "samen: ", 7))
        line += 7;
    snprintf(buf, n, "%s", line);
    free(text);
    size_t l = strlen(buf);
    if (l && buf[l - 1] == '\n')
        buf[l - 1] = '\0';
}

int samen_sweep_run_one(const samen_sweep *sw, const char *out, size_t run,
                        samen_error *err)
{
    char tmp[4400], dir[4096];
    long pid = (long)getpid();
    int rc = fresh_tmp(tmp, sizeof tmp, dir, sizeof dir, out, run, pid, err);
    if (rc)
        return rc;
    char **ov;
    int n = samen_sweep_overrides(sw, run, &ov);
    if (n < 0) {
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    } else {
        samen_scenario *sc = NULL;
        rc = samen_scenario_load(&sc, sw->scenario, (const char *const *)ov, n, err);
        if (rc == SAMEN_OK)
            rc = samen_run_to_dir(sc, tmp, NULL, err);
        samen_scenario_free(sc);
        samen_sweep_overrides_free(ov, n);
    }
    if (rc == SAMEN_OK)
        return put_in_place(tmp, dir, err);

    /* The reason names the run's folder, not the temporary one. */
    size_t tl = strlen(tmp);
    if (!strncmp(err->file, tmp, tl)) {
        char file[4608];
        snprintf(file, sizeof file, "%s%s", dir, err->file + tl);
        snprintf(err->file, sizeof err->file, "%.511s", file);
    }
    char reason[2048];
    error_line(err, reason, sizeof reason);
    remove_dir(tmp);
    samen_error e2;
    samen_error_clear(&e2);
    if (record_failed(out, run, pid, reason, &e2) != SAMEN_OK)
        snprintf(err->msg + strlen(err->msg), sizeof err->msg - strlen(err->msg),
                 " (and the failure could not be recorded: %s)", e2.msg);
    return rc;
}

int samen_sweep_record_failure(const char *out, size_t run, long pid,
                               const char *reason, samen_error *err)
{
    samen_sweep_remove_unfinished(out, run, pid);
    return record_failed(out, run, (long)getpid(), reason, err);
}

int samen_sweep_remove_unfinished(const char *out, size_t run, long pid)
{
    char tmp[4400];
    tmp_dir(tmp, sizeof tmp, out, run, pid);
    return remove_dir(tmp);
}

int samen_run_failure_reason(const char *out, size_t run, char *buf, size_t n)
{
    char path[4200];
    samen_run_dir(path, sizeof path, out, run);
    strncat(path, "/failed", sizeof path - strlen(path) - 1);
    size_t len = 0;
    char *text = read_all(path, &len);
    if (!text)
        return -1;
    while (len && (text[len - 1] == '\n' || text[len - 1] == '\r'))
        text[--len] = '\0';
    snprintf(buf, n, "%s", text);
    free(text);
    return 0;
}
