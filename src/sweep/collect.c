/* collect.c: `samen collect`: one network.csv and one events.csv for a
 * whole sweep, with run,point,replicate and the varied values before every
 * row, so that one read.csv call loads everything. */
#include "sweep/sweep.h"

#include <stdlib.h>
#include <string.h>

#include "scenario/scenario_int.h"
#include "util/outfile.h"

typedef struct last_row {
    char *network;
    int line;
} last_row;

typedef struct collector {
    FILE *fp;
    const samen_sweep *sw;
    size_t run;
    const char *path;          /* the run file being read */
    char **header;             /* of the first run's file, owned */
    int n_header;
    samen_collect_mode mode;
    long every;
    int col_step, col_net;
    int finding_last;          /* --last, first pass over a file */
    last_row *last;
    int n_last, cap_last;
} collector;

static int same_header(collector *c, int line, char **f, int n, samen_error *err)
{
    if (!c->header) {
        if (!(c->header = calloc((size_t)n, sizeof *c->header)))
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        for (int i = 0; i < n; i++)
            if (!(c->header[i] = strdup(f[i])))
                return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        c->n_header = n;
        c->col_step = c->col_net = -1;
        for (int i = 0; i < n; i++) {
            if (!strcmp(f[i], "step"))
                c->col_step = i;
            if (!strcmp(f[i], "network"))
                c->col_net = i;
        }
        if (c->col_step < 0 || c->col_net < 0)
            return samen_error_set(err, SAMEN_EINPUT, c->path, line,
                                   c->col_step < 0 ? "step" : "network", "column missing");
        fputs("run,point,replicate", c->fp);
        samen_sweep_write_key_names(c->fp, c->sw);
        for (int i = 0; i < n; i++) {
            fputc(',', c->fp);
            samen_csv_text(c->fp, f[i]);
        }
        fputc('\n', c->fp);
        return SAMEN_OK;
    }
    int same = n == c->n_header;
    for (int i = 0; same && i < n; i++)
        same = !strcmp(f[i], c->header[i]);
    if (!same)
        return samen_error_set(err, SAMEN_EINPUT, c->path, line, NULL,
                               "its columns differ from those of the sweep's first "
                               "finished run; runs of one sweep must share their columns");
    return SAMEN_OK;
}

static last_row *find_last(collector *c, const char *network)
{
    for (int i = 0; i < c->n_last; i++)
        if (!strcmp(c->last[i].network, network))
            return &c->last[i];
    return NULL;
}

static int remember_last(collector *c, const char *network, int line, samen_error *err)
{
    last_row *l = find_last(c, network);
    if (!l) {
        if (c->n_last == c->cap_last) {
            int cap = c->cap_last ? 2 * c->cap_last : 8;
            last_row *grown = realloc(c->last, (size_t)cap * sizeof *grown);
            if (!grown)
                return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
            c->last = grown;
            c->cap_last = cap;
        }
        l = &c->last[c->n_last];
        if (!(l->network = strdup(network)))
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        c->n_last++;
    }
    l->line = line;
    return SAMEN_OK;
}

static void forget_last(collector *c)
{
    for (int i = 0; i < c->n_last; i++)
        free(c->last[i].network);
    c->n_last = 0;
}

static int row(void *user, int line, char **f, int n, samen_error *err)
{
    collector *c = user;
    if (line == 1)
        return same_header(c, line, f, n, err);
    if (n != c->n_header)
        return samen_error_set(err, SAMEN_EINPUT, c->path, line, NULL,
                               "the row has %d fields; the header has %d", n, c->n_header);
    if (c->mode == SAMEN_COLLECT_LAST) {
        if (c->finding_last)
            return remember_last(c, f[c->col_net], line, err);
        const last_row *l = find_last(c, f[c->col_net]);
        if (!l || l->line != line)
            return SAMEN_OK;
    } else if (c->mode == SAMEN_COLLECT_EVERY) {
        if (strtol(f[c->col_step], NULL, 10) % c->every != 0)
            return SAMEN_OK;
    }
    samen_sweep_write_run_fields(c->fp, c->sw, c->run, 0);
    for (int i = 0; i < n; i++) {
        fputc(',', c->fp);
        samen_csv_text(c->fp, f[i]);
    }
    fputc('\n', c->fp);
    return SAMEN_OK;
}

/* Writes OUT/NAME from runs/NNNNNN/NAME of every finished run. */
static int collect_file(const samen_sweep *sw, const char *out, const char *name,
                        samen_collect_mode mode, long every, size_t *n_runs,
                        samen_error *err)
{
    samen_outfile f;
    int rc = samen_outfile_open(&f, out, name, err);
    if (rc)
        return rc;
    collector c = {.fp = f.fp, .sw = sw, .mode = mode, .every = every};
    char path[4200];
    *n_runs = 0;
    for (size_t run = 0; rc == SAMEN_OK && run < sw->n_runs; run++) {
        if (samen_run_status_of(out, run) != SAMEN_RUN_DONE)
            continue;
        samen_run_dir(path, sizeof path, out, run);
        strncat(path, "/", sizeof path - strlen(path) - 1);
        strncat(path, name, sizeof path - strlen(path) - 1);
        c.run = run;
        c.path = path;
        if (mode == SAMEN_COLLECT_LAST) {
            /* Two passes keep memory to one line number per network. */
            c.finding_last = 1;
            rc = samen_csv_read(path, row, &c, err);
            c.finding_last = 0;
        }
        if (rc == SAMEN_OK)
            rc = samen_csv_read(path, row, &c, err);
        forget_last(&c);
        (*n_runs)++;
    }
    /* With no finished run there is no header to copy: the file holds the
     * leading columns only. */
    if (rc == SAMEN_OK && !c.header) {
        fputs("run,point,replicate", f.fp);
        samen_sweep_write_key_names(f.fp, sw);
        fputc('\n', f.fp);
    }
    for (int i = 0; i < c.n_header; i++)
        free(c.header[i]);
    free(c.header);
    free(c.last);
    if (rc) {
        samen_outfile_discard(&f);
        return rc;
    }
    return samen_outfile_commit(&f, err);
}

int samen_sweep_collect(const samen_sweep *sw, const char *out,
                        samen_collect_mode mode, long every, size_t *n_runs,
                        samen_error *err)
{
    int fd;
    int rc = samen_sweep_lock(out, &fd, err);
    if (rc)
        return rc;
    size_t n_events;
    rc = collect_file(sw, out, "network.csv", mode, every, n_runs, err);
    if (rc == SAMEN_OK)
        /* Events are few and each matters: all of them, whatever the mode. */
        rc = collect_file(sw, out, "events.csv", SAMEN_COLLECT_ALL, 0, &n_events, err);
    samen_sweep_unlock(fd);
    return rc;
}
