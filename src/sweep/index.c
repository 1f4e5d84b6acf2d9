/* index.c: what a sweep folder holds, read from the logs of all its
 * writers: for each run whether it is done (and where its rows are),
 * failed (and why) or pending. Readers trust nothing but complete log
 * lines whose ranges still match their checksums, so a writer killed at
 * any byte, or data lost on disk, costs only the runs concerned. */
#include "sweep/parts.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/grow.h"
#include "util/readfile.h"

#define READ_PIECE (1024 * 1024)

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int oom(samen_error *err)
{
    return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
}

/* The writers: parts/NAME.log, sorted so that every reader picks the same
 * done line of a run that two writers ran. */
static int list_writers(samen_sweep_index *idx, const char *out, samen_error *err)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/parts", out);
    DIR *d = opendir(dir);
    if (!d)
        return errno == ENOENT ? SAMEN_OK
                               : samen_error_set(err, SAMEN_EIO, dir, 0, NULL,
                                                 "cannot read folder: %s", strerror(errno));
    struct dirent *de;
    size_t cap = 0;
    int rc = SAMEN_OK;
    while (rc == SAMEN_OK && (de = readdir(d))) {
        size_t n = strlen(de->d_name);
        if (n <= 4 || strcmp(de->d_name + n - 4, ".log") || de->d_name[0] == '.')
            continue;
        char **grown = samen_grow(idx->writers, (size_t)idx->n_writers, &cap, sizeof *grown, 16);
        if (!grown) {
            rc = oom(err);
            break;
        }
        idx->writers = grown;
        if (!(idx->writers[idx->n_writers] = strndup(de->d_name, n - 4)))
            rc = oom(err);
        else
            idx->n_writers++;
    }
    closedir(d);
    if (rc == SAMEN_OK && idx->n_writers > 1)
        qsort(idx->writers, (size_t)idx->n_writers, sizeof *idx->writers, cmp_name);
    return rc;
}

/* The part file of writer wi, opened on first use and kept open. Returns
 * the descriptor, -1 with err filled, or -2 (err untouched) when
 * the file is gone, which the caller reads as a file cut short. */
static int part_fd(samen_sweep_index *idx, const char *out, int wi, int part,
                   samen_error *err)
{
    int *fd = &idx->fds[(size_t)wi * SAMEN_PART_COUNT + (size_t)part];
    if (*fd >= 0)
        return *fd;
    char path[4600];
    samen_part_path(path, sizeof path, out, idx->writers[wi], part);
    *fd = open(path, O_RDONLY | O_CLOEXEC);
    if (*fd >= 0)
        return *fd;
    int e = errno;
    if (e == ENOENT)
        return -2;
    samen_error_set(err, SAMEN_EIO, path, 0, NULL, "cannot open file: %s", strerror(e));
    return -1;
}

/* Reads len bytes at off of a part file into the index's buffer. Returns
 * 0, 1 when the file is shorter or gone (err untouched), or -1 with err
 * filled. */
static int read_range(samen_sweep_index *idx, const char *out, int wi, int part,
                      uint64_t off, uint64_t len, samen_error *err)
{
    if (len > idx->cap) {
        char *grown = realloc(idx->buf, (size_t)len);
        if (!grown) {
            oom(err);
            return -1;
        }
        idx->buf = grown;
        idx->cap = (size_t)len;
    }
    int fd = part_fd(idx, out, wi, part, err);
    if (fd < 0)
        return fd == -2 ? 1 : -1;
    for (uint64_t done = 0; done < len;) {
        ssize_t k = pread(fd, idx->buf + done, (size_t)(len - done), (off_t)(off + done));
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            int e = errno;
            char path[4600];
            samen_part_path(path, sizeof path, out, idx->writers[wi], part);
            samen_error_set(err, SAMEN_EIO, path, 0, NULL, "cannot read file: %s", strerror(e));
            return -1;
        }
        if (k == 0)
            return 1;
        done += (uint64_t)k;
    }
    return 0;
}

/* The parts every done line of this sweep names. */
static unsigned expected_parts(const samen_sweep *sw)
{
    return (sw->tables & ((1u << SAMEN_OUT_COUNT) - 1)) | (1u << SAMEN_PART_SUMMARY);
}

/* 1 when every range of e still holds the bytes it was logged with. */
static int ranges_match(samen_sweep_index *idx, const char *out, int wi,
                        const samen_log_entry *e, samen_error *err)
{
    for (int p = 0; p < SAMEN_PART_COUNT; p++) {
        if (!(e->parts & (1u << p)))
            continue;
        uint32_t crc = 0;
        for (uint64_t done = 0; done < e->range[p].len;) {
            uint64_t piece = e->range[p].len - done;
            if (piece > READ_PIECE)
                piece = READ_PIECE;
            int r = read_range(idx, out, wi, p, e->range[p].off + done, piece, err);
            if (r != 0)
                return r < 0 ? -1 : 0;
            crc = samen_crc32(crc, idx->buf, (size_t)piece);
            done += piece;
        }
        if (crc != e->range[p].crc)
            return 0;
    }
    return 1;
}

static int take_line(samen_sweep_index *idx, const samen_sweep *sw, const char *out,
                     int wi, const char *line, size_t len, samen_error *err)
{
    samen_log_entry e;
    if (samen_log_parse(line, len, &e) != 0 || e.run >= idx->n_runs)
        return SAMEN_OK; /* cut or damaged: says nothing */
    size_t run = e.run;
    if (idx->status[run] == SAMEN_RUN_DONE)
        return SAMEN_OK;
    if (e.status == SAMEN_RUN_FAILED) {
        char *why = strndup(e.reason, e.reason_len);
        if (!why)
            return oom(err);
        free(idx->reason[run]);
        idx->reason[run] = why;
        idx->status[run] = SAMEN_RUN_FAILED;
        return SAMEN_OK;
    }
    if (e.parts != expected_parts(sw))
        return SAMEN_OK;
    int ok = ranges_match(idx, out, wi, &e, err);
    if (ok < 0)
        return err->code;
    if (!ok) {
        idx->corrupt[run] = 1;
        return SAMEN_OK;
    }
    idx->status[run] = SAMEN_RUN_DONE;
    idx->corrupt[run] = 0;
    idx->writer[run] = wi;
    free(idx->reason[run]);
    idx->reason[run] = NULL;
    for (int p = 0; p < SAMEN_PART_COUNT; p++)
        if (idx->slot[p] >= 0) {
            samen_range *r = &idx->range[run * (size_t)idx->n_slots + (size_t)idx->slot[p]];
            *r = e.range[p];
        }
    return SAMEN_OK;
}

int samen_sweep_index_read(const samen_sweep *sw, const char *out,
                           samen_sweep_index *idx, samen_error *err)
{
    memset(idx, 0, sizeof *idx);
    idx->n_runs = sw->n_runs;
    for (int p = 0; p < SAMEN_PART_COUNT; p++)
        idx->slot[p] = expected_parts(sw) & (1u << p) ? idx->n_slots++ : -1;
    size_t n = sw->n_runs;
    idx->status = calloc(n, 1);
    idx->corrupt = calloc(n, 1);
    idx->writer = malloc(n * sizeof *idx->writer);
    idx->range = calloc(n * (size_t)idx->n_slots, sizeof *idx->range);
    idx->reason = calloc(n, sizeof *idx->reason);
    if (!idx->status || !idx->corrupt || !idx->writer || !idx->range || !idx->reason) {
        samen_sweep_index_free(idx);
        return oom(err);
    }
    for (size_t i = 0; i < n; i++)
        idx->writer[i] = -1;
    int rc = list_writers(idx, out, err);
    if (rc == SAMEN_OK && idx->n_writers > 0) {
        idx->fds = malloc((size_t)idx->n_writers * SAMEN_PART_COUNT * sizeof *idx->fds);
        if (!idx->fds)
            rc = oom(err);
        for (int i = 0; rc == SAMEN_OK && i < idx->n_writers * SAMEN_PART_COUNT; i++)
            idx->fds[i] = -1;
    }
    for (int wi = 0; rc == SAMEN_OK && wi < idx->n_writers; wi++) {
        char path[4600];
        size_t len;
        samen_part_path(path, sizeof path, out, idx->writers[wi], -1);
        char *log = samen_read_file(path, &len, err);
        if (!log) {
            rc = err->code;
            break;
        }
        /* A last line without its newline is a writer cut off mid-line. */
        for (size_t a = 0; rc == SAMEN_OK && a < len;) {
            char *nl = memchr(log + a, '\n', len - a);
            if (!nl)
                break;
            rc = take_line(idx, sw, out, wi, log + a, (size_t)(nl - (log + a)), err);
            a = (size_t)(nl - log) + 1;
        }
        free(log);
    }
    if (rc) {
        samen_sweep_index_free(idx);
        return rc;
    }
    for (size_t i = 0; i < n; i++)
        idx->counts[idx->status[i]]++;
    return SAMEN_OK;
}

void samen_sweep_index_free(samen_sweep_index *idx)
{
    for (int i = 0; idx->fds && i < idx->n_writers * SAMEN_PART_COUNT; i++)
        if (idx->fds[i] >= 0)
            close(idx->fds[i]);
    free(idx->fds);
    for (size_t i = 0; idx->reason && i < idx->n_runs; i++)
        free(idx->reason[i]);
    free(idx->reason);
    for (int i = 0; i < idx->n_writers; i++)
        free(idx->writers[i]);
    free(idx->writers);
    free(idx->status);
    free(idx->corrupt);
    free(idx->writer);
    free(idx->range);
    free(idx->buf);
    memset(idx, 0, sizeof *idx);
}

/* Each line of buf (len bytes) to fn without its leading "RUN,". Rows never
 * hold a newline inside a field (FORMATS.md: ids and names of networks are
 * plain), so a line is a row. */
static int each_line(const char *buf, size_t len, samen_part_line_fn fn, void *user,
                     samen_error *err)
{
    const char *p = buf, *end = buf + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        const char *comma = memchr(p, ',', (size_t)(stop - p));
        const char *row = comma ? comma + 1 : stop;
        int rc = fn(user, row, (size_t)(stop - row), err);
        if (rc)
            return rc;
        p = stop + 1;
    }
    return SAMEN_OK;
}

/* Run's range of part, or NULL where the run is not done or the sweep does
 * not write the part. */
static const samen_range *done_range(const samen_sweep_index *idx, size_t run, int part)
{
    if (idx->status[run] != SAMEN_RUN_DONE || idx->slot[part] < 0)
        return NULL;
    return &idx->range[run * (size_t)idx->n_slots + (size_t)idx->slot[part]];
}

int samen_sweep_read_range(const char *out, samen_sweep_index *idx, size_t run,
                           int part, samen_part_line_fn fn, void *user,
                           samen_error *err)
{
    const samen_range *r = done_range(idx, run, part);
    if (!r)
        return SAMEN_OK;
    int got = read_range(idx, out, idx->writer[run], part, r->off, r->len, err);
    if (got < 0)
        return err->code;
    if (got > 0) {
        char path[4600];
        samen_part_path(path, sizeof path, out, idx->writers[idx->writer[run]], part);
        return samen_error_set(err, SAMEN_EIO, path, 0, NULL,
                               "run %zu: the file is gone or became shorter since its "
                               "log line was checked", run);
    }
    return each_line(idx->buf, r->len, fn, user, err);
}

int samen_sweep_range_again(const samen_sweep_index *idx, size_t run, int part,
                            samen_part_line_fn fn, void *user, samen_error *err)
{
    const samen_range *r = done_range(idx, run, part);
    return r ? each_line(idx->buf, r->len, fn, user, err) : SAMEN_OK;
}

int samen_sweep_open(const char *dir, samen_sweep **sw, samen_sweep_index *idx,
                     samen_error *err)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/sweep.ini", dir);
    memset(idx, 0, sizeof *idx);
    int rc = samen_sweep_load(sw, path, SAMEN_SWEEP_TRUSTED, err);
    if (rc == SAMEN_OK && (rc = samen_sweep_index_read(*sw, dir, idx, err))) {
        samen_sweep_free(*sw);
        *sw = NULL;
    }
    return rc;
}
