/* writer.c: one writer of a sweep (a worker process of -j, an MPI rank):
 * it runs runs and appends their rows to its own part files in OUT/parts,
 * then a log line with each run's byte ranges and checksums. Nothing else
 * writes these files, so writers on many machines share one folder
 * without locks; a writer killed mid-run leaves bytes that no log line
 * covers, which every reader ignores. */
#include "sweep/parts.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "samen/samen.h"
#include "util/outfile.h"
#include "output/descriptors.h"

/* stdio buffer of each part file, and the piece read back for checksums. */
#define PART_BUF (256 * 1024)

struct samen_part_writer {
    const samen_sweep *sw;
    char *out;
    char name[320];
    int opened;                 /* the part files exist */
    int broken;                 /* a write failed: no more runs */
    int log_fd;                 /* -1 until the first log line */
    char log_path[4600];
    FILE *fp[SAMEN_PART_COUNT]; /* NULL: a part the sweep does not keep */
    char *path[SAMEN_PART_COUNT];
    char *iobuf[SAMEN_PART_COUNT];
    uint64_t size[SAMEN_PART_COUNT]; /* bytes up to the last logged run */
    char *readback;
    samen_outputs rows;         /* the row writers of src/output, over fp[] */
    char prefix[32];            /* "RUN," */
    int last_step;              /* the run's last step, for `every` */
    int keep_detail;            /* the last network row was kept: its org and
                                 * person rows follow it (sim.h's order) */
};

samen_part_writer *samen_part_writer_new(const samen_sweep *sw, const char *out,
                                         samen_error *err)
{
    samen_part_writer *w = calloc(1, sizeof *w);
    if (!w || !(w->out = strdup(out))) {
        free(w);
        samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        return NULL;
    }
    w->sw = sw;
    w->log_fd = -1;
    return w;
}

void samen_part_path(char *buf, size_t n, const char *out, const char *writer, int part)
{
    if (part < 0)
        snprintf(buf, n, "%s/parts/%s.log", out, writer);
    else
        snprintf(buf, n, "%s/parts/%s.%s.csv", out, writer, samen_part_name(part));
}

static int io_error(samen_part_writer *w, const char *path, int e, samen_error *err)
{
    w->broken = 1;
    return samen_error_set(err, SAMEN_EIO, path, 0, NULL, "cannot write file: %s",
                           strerror(e));
}

/* The log, created first and exclusively: its name is the writer's. The
 * host, process and start time make it unique across machines and
 * attempts; a counter settles the rest. */
static int open_log(samen_part_writer *w, samen_error *err)
{
    char host[256];
    struct timeval tv;
    samen_host_name(host, sizeof host);
    gettimeofday(&tv, NULL);
    for (int k = 0; k < 1000; k++) {
        snprintf(w->name, sizeof w->name, "%s-%ld-%lld%06ld-%d", host, (long)getpid(),
                 (long long)tv.tv_sec, (long)tv.tv_usec, k);
        samen_part_path(w->log_path, sizeof w->log_path, w->out, w->name, -1);
        w->log_fd = open(w->log_path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0666);
        if (w->log_fd >= 0)
            return SAMEN_OK;
        if (errno != EEXIST)
            return io_error(w, w->log_path, errno, err);
    }
    return io_error(w, w->log_path, EEXIST, err);
}

static int wanted(const samen_part_writer *w, int part)
{
    return part == SAMEN_PART_SUMMARY || (w->sw->tables & (1u << part));
}

static int open_parts(samen_part_writer *w, samen_error *err)
{
    if (w->log_fd < 0 && open_log(w, err))
        return SAMEN_EIO;
    char path[4600];
    for (int p = 0; p < SAMEN_PART_COUNT; p++) {
        if (!wanted(w, p))
            continue;
        samen_part_path(path, sizeof path, w->out, w->name, p);
        int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0)
            return io_error(w, path, errno, err);
        w->fp[p] = fdopen(fd, "w+");
        w->path[p] = strdup(path);
        w->iobuf[p] = malloc(PART_BUF);
        if (!w->fp[p] || !w->path[p] || !w->iobuf[p]) {
            if (!w->fp[p])
                close(fd);
            w->broken = 1;
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        }
        setvbuf(w->fp[p], w->iobuf[p], _IOFBF, PART_BUF);
        samen_part_header(w->fp[p], p);
        if (fflush(w->fp[p]) != 0)
            return io_error(w, path, errno, err);
        w->size[p] = (uint64_t)ftello(w->fp[p]);
        if (p < SAMEN_OUT_COUNT) {
            w->rows.file[p].fp = w->fp[p];
            w->rows.file[p].final_path = w->path[p];
        }
    }
    if (!(w->readback = malloc(PART_BUF))) {
        w->broken = 1;
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    w->rows.prefix = w->prefix;
    w->opened = 1;
    return SAMEN_OK;
}

static int write_log(samen_part_writer *w, const samen_log_entry *e, samen_error *err)
{
    char line[4096];
    size_t n = samen_log_format(line, sizeof line, e);
    if (n == 0)
        return samen_error_set(err, SAMEN_EIO, w->log_path, 0, NULL, "log line too long");
    /* One write of the whole line (O_APPEND): a reader sees it whole or
     * cut, and a cut line fails its checksum. */
    const char *p = line;
    while (n > 0) {
        ssize_t k = write(w->log_fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return io_error(w, w->log_path, k < 0 ? errno : ENOSPC, err);
        p += k;
        n -= (size_t)k;
    }
    return SAMEN_OK;
}

int samen_part_writer_fail(samen_part_writer *w, size_t run, const char *reason,
                           samen_error *err)
{
    if (w->broken)
        return samen_error_set(err, SAMEN_EIO, w->log_path, 0, NULL,
                               "the sweep's log could not be written before");
    if (w->log_fd < 0 && open_log(w, err))
        return SAMEN_EIO;
    samen_log_entry e = {.run = run, .status = SAMEN_RUN_FAILED, .reason = reason,
                         .reason_len = strlen(reason)};
    if (e.reason_len > 2000)
        e.reason_len = 2000;
    return write_log(w, &e, err);
}

/* ---- the observer: the rows the sweep keeps ---- */

static int net_row(void *user, const samen_net_row *r)
{
    samen_part_writer *w = user;
    /* `every` keeps each network's last row: the one of its end, or of the
     * run's last step. */
    w->keep_detail = w->sw->every <= 1 || r->step % w->sw->every == 0
                     || r->phase >= SAMEN_PHASE_COMPLETED || r->step == w->last_step;
    if (!w->keep_detail || !w->fp[SAMEN_OUT_NETWORK])
        return 0;
    return samen_out_network_row(&w->rows, r);
}

static int org_row(void *user, const samen_org_row *r)
{
    samen_part_writer *w = user;
    return w->keep_detail ? samen_out_org_row(&w->rows, r) : 0;
}

static int person_row(void *user, const samen_person_row *r)
{
    samen_part_writer *w = user;
    return w->keep_detail ? samen_out_person_row(&w->rows, r) : 0;
}

static int event(void *user, const samen_event *ev)
{
    return samen_out_event(&((samen_part_writer *)user)->rows, ev);
}

static int tie_row(void *user, const samen_tie_row *r)
{
    return samen_out_tie_row(&((samen_part_writer *)user)->rows, r);
}

static int field_row(void *user, const samen_field_row *r)
{
    return samen_out_field_row(&((samen_part_writer *)user)->rows, r);
}

static void observer(samen_part_writer *w, samen_observer *obs)
{
    memset(obs, 0, sizeof *obs);
    obs->user = w;
    w->keep_detail = 1;
    if (w->fp[SAMEN_OUT_NETWORK] || w->sw->every > 1)
        obs->network_row = net_row;
    if (w->fp[SAMEN_OUT_EVENTS])
        obs->event = event;
    if (w->fp[SAMEN_OUT_TIES])
        obs->tie_row = tie_row;
    if (w->fp[SAMEN_OUT_ORGS])
        obs->org_row = org_row;
    if (w->fp[SAMEN_OUT_PERSONS])
        obs->person_row = person_row;
    if (w->fp[SAMEN_OUT_FIELD])
        obs->field_row = field_row;
}

/* summary.csv's columns of one network, after the run (none is a
 * number that could fail to be finite). */
static void summary_row(samen_part_writer *w, const samen_net_summary *s)
{
    samen_row row;
    samen_row_begin(&row, w->fp[SAMEN_PART_SUMMARY]);
    samen_row_bytes(&row, w->prefix, strlen(w->prefix));
    samen_row_record(&row, &samen_tables[SAMEN_TABLE_SUMMARY], s);
    samen_row_end(&row);
}

/* Runs sc into the part files. Returns SAMEN_OK or the run's error. */
static int simulate(samen_part_writer *w, const samen_scenario *sc, samen_error *err)
{
    samen_sim *sim = samen_sim_new(sc, err);
    if (!sim)
        return err->code ? err->code : SAMEN_EIO;
    samen_observer obs;
    observer(w, &obs);
    w->rows.err = err;
    w->last_step = sc->steps - 1;
    int rc = samen_outputs_simulate(sim, sc, &w->rows, &obs, NULL, NULL, err);
    if (!rc) {
        samen_net_summary s;
        /* the declared networks, then those founded in the run (4.14) */
        for (int i = 0; i < samen_sim_n_nets(sim); i++) {
            samen_sim_summary(sim, i, &s);
            summary_row(w, &s);
        }
    }
    samen_sim_free(sim);
    return rc;
}

/* Takes back what a run that did not finish wrote. */
static int rewind_parts(samen_part_writer *w, samen_error *err)
{
    for (int p = 0; p < SAMEN_PART_COUNT; p++) {
        if (!w->fp[p])
            continue;
        fflush(w->fp[p]);
        clearerr(w->fp[p]);
        if (ftruncate(fileno(w->fp[p]), (off_t)w->size[p]) != 0
            || fseeko(w->fp[p], (off_t)w->size[p], SEEK_SET) != 0)
            return io_error(w, w->path[p], errno, err);
    }
    return SAMEN_OK;
}

/* Flushes every part and fills the run's ranges with their checksums,
 * read back from the files as they now are. */
static int seal(samen_part_writer *w, samen_log_entry *e, samen_error *err)
{
    for (int p = 0; p < SAMEN_PART_COUNT; p++) {
        if (!w->fp[p])
            continue;
        if (fflush(w->fp[p]) != 0 || ferror(w->fp[p]))
            return io_error(w, w->path[p], errno ? errno : EIO, err);
        off_t end = ftello(w->fp[p]);
        if (end < 0)
            return io_error(w, w->path[p], errno, err);
        samen_range *r = &e->range[p];
        r->off = w->size[p];
        r->len = (uint64_t)end - w->size[p];
        r->crc = 0;
        for (uint64_t done = 0; done < r->len;) {
            size_t want = r->len - done > PART_BUF ? PART_BUF : (size_t)(r->len - done);
            ssize_t k = pread(fileno(w->fp[p]), w->readback, want, (off_t)(r->off + done));
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0)
                return samen_error_set(err, SAMEN_EIO, w->path[p], 0, NULL,
                                       "cannot read back file: %s",
                                       k < 0 ? strerror(errno) : "it is shorter than written");
            r->crc = samen_crc32(r->crc, w->readback, (size_t)k);
            done += (uint64_t)k;
        }
        e->parts |= 1u << p;
    }
    return SAMEN_OK;
}

int samen_part_writer_run(samen_part_writer *w, size_t run, int *logged,
                          samen_error *err)
{
    *logged = 0;
    if (w->broken)
        return samen_error_set(err, SAMEN_EIO, w->log_path, 0, NULL,
                               "an earlier write of this sweep's parts failed");
    if (!w->opened && open_parts(w, err))
        return SAMEN_EIO;
    snprintf(w->prefix, sizeof w->prefix, "%zu,", run);
    /* From the base scenario itself, which sweep.ini's digest vouches for,
     * not from its copy in inputs/ as samen_sweep_load_run reads it for a
     * rerun: run.ini's form (every key, 17 digits) takes some 8 % longer
     * to read, once per run. Both give the same runs. */
    char **ov;
    int n = samen_sweep_overrides(w->sw, run, &ov);
    if (n < 0)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    samen_scenario *sc = NULL;
    int rc = samen_scenario_load(&sc, w->sw->scenario, (const char *const *)ov, n, err);
    samen_sweep_overrides_free(ov, n);
    if (rc == SAMEN_OK)
        rc = simulate(w, sc, err);
    samen_scenario_free(sc);

    samen_log_entry e = {.run = run, .status = SAMEN_RUN_DONE};
    if (rc == SAMEN_OK) {
        if (seal(w, &e, err) != SAMEN_OK) {
            rewind_parts(w, err);
            w->broken = 1;
            return SAMEN_EIO;
        }
        if (write_log(w, &e, err) != SAMEN_OK)
            return SAMEN_EIO;
        for (int p = 0; p < SAMEN_PART_COUNT; p++)
            w->size[p] += e.range[p].len;
        *logged = 1;
        return SAMEN_OK;
    }
    /* A write that failed stops the sweep; any other failure is the run's. */
    for (int p = 0; p < SAMEN_PART_COUNT; p++)
        if (w->fp[p] && ferror(w->fp[p])) {
            samen_error e2;
            rewind_parts(w, &e2);
            w->broken = 1;
            return SAMEN_EIO;
        }
    samen_error e2;
    samen_error_clear(&e2);
    if (rewind_parts(w, &e2) != SAMEN_OK) {
        *err = e2;
        return SAMEN_EIO;
    }
    char reason[2048];
    samen_error_line(err, reason, sizeof reason);
    if (samen_part_writer_fail(w, run, reason, &e2) != SAMEN_OK) {
        *err = e2;
        return SAMEN_EIO;
    }
    *logged = 1;
    return rc;
}

int samen_part_writer_free(samen_part_writer *w, samen_error *err)
{
    if (!w)
        return SAMEN_OK;
    int rc = SAMEN_OK;
    for (int p = 0; p < SAMEN_PART_COUNT; p++) {
        if (w->fp[p] && fclose(w->fp[p]) != 0 && rc == SAMEN_OK && !w->broken)
            rc = samen_error_set(err, SAMEN_EIO, w->path[p], 0, NULL,
                                 "cannot write file: %s", strerror(errno));
        free(w->path[p]);
        free(w->iobuf[p]);
    }
    if (w->log_fd >= 0 && close(w->log_fd) != 0 && rc == SAMEN_OK && !w->broken)
        rc = samen_error_set(err, SAMEN_EIO, w->log_path, 0, NULL, "cannot write file: %s",
                             strerror(errno));
    free(w->readback);
    free(w->out);
    free(w);
    return rc;
}
