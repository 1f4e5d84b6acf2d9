/* collect.c: `samen collect`: one CSV per table for a whole sweep, rows in
 * run order with run,point,replicate and the varied values first, so that
 * one read.csv call loads everything; the same bytes whatever -j, shards,
 * MPI ranks or resumes wrote the parts. */
#include "sweep/tables.h"

#include <stdlib.h>
#include <string.h>

#include "samen/sim.h"
#include "util/outfile.h"
#include "output/descriptors.h"

typedef struct collector {
    FILE *fp;
    const char *prefix;    /* the run's leading fields and comma */
    size_t prefix_len;
    samen_collect_mode mode;
    long every;
    long last_step;        /* --last: the run's last step, found first */
    int finding_last;
    int step_col, phase_col; /* network.csv's, by name */
} collector;

/* Field i (0-based) of a row, as a number; -1 where it is not one. */
static long field_number(const char *line, size_t len, int i, const char **text,
                         size_t *text_len)
{
    const char *p = line, *end = line + len;
    for (; i > 0 && p < end; i--) {
        const char *c = memchr(p, ',', (size_t)(end - p));
        p = c ? c + 1 : end;
    }
    const char *c = memchr(p, ',', (size_t)(end - p));
    if (text) {
        *text = p;
        *text_len = (size_t)((c ? c : end) - p);
    }
    return strtol(p, NULL, 10);
}

/* A network.csv row whose phase is one of the ends (completed, dissolved,
 * merged: the phases from SAMEN_PHASE_COMPLETED on). */
static int ended(const collector *c, const char *line, size_t len)
{
    const char *ph;
    size_t n;
    field_number(line, len, c->phase_col, &ph, &n);
    for (samen_phase end = SAMEN_PHASE_COMPLETED; end <= SAMEN_PHASE_MERGED; end++) {
        const char *name = samen_phase_name(end);
        if (strlen(name) == n && !memcmp(ph, name, n))
            return 1;
    }
    return 0;
}

static int row(void *user, const char *line, size_t len, samen_error *err)
{
    collector *c = user;
    (void)err;
    if (c->mode == SAMEN_COLLECT_LAST) {
        long step = field_number(line, len, c->step_col, NULL, NULL);
        if (c->finding_last) {
            if (step > c->last_step)
                c->last_step = step;
            return SAMEN_OK;
        }
        /* A network's rows run to its end step, or to the run's last. */
        if (step != c->last_step && !ended(c, line, len))
            return SAMEN_OK;
    } else if (c->mode == SAMEN_COLLECT_EVERY) {
        if (field_number(line, len, c->step_col, NULL, NULL) % c->every != 0)
            return SAMEN_OK;
    }
    fwrite(c->prefix, 1, c->prefix_len, c->fp);
    fwrite(line, 1, len, c->fp);
    fputc('\n', c->fp);
    return SAMEN_OK;
}

/* Writes OUT/NAME from part p of every run done. */
static int collect_part(const samen_sweep *sw, const char *out, samen_sweep_index *idx,
                        int p, const char *name, samen_collect_mode mode, long every,
                        samen_error *err)
{
    samen_outfile f;
    int rc = samen_outfile_open(&f, out, name, err);
    if (rc)
        return rc;
    fputs("run,point,replicate", f.fp);
    samen_sweep_write_key_names(f.fp, sw);
    fputc(',', f.fp);
    samen_table_header(f.fp, &samen_tables[p]);
    fputc('\n', f.fp);
    collector c = {.fp = f.fp, .mode = mode, .every = every,
                   .step_col = samen_table_column(&samen_tables[p], "step"),
                   .phase_col = samen_table_column(&samen_tables[p], "phase")};
    for (size_t run = 0; rc == SAMEN_OK && run < sw->n_runs; run++) {
        if (idx->status[run] != SAMEN_RUN_DONE)
            continue;
        char *prefix = samen_sweep_run_prefix(sw, run, 0, &c.prefix_len);
        if (!prefix) {
            rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
            break;
        }
        c.prefix = prefix;
        if (mode == SAMEN_COLLECT_LAST) {
            /* Two passes over the range, read once: the last step, then
             * the rows at it (or at a network's end). */
            c.finding_last = 1;
            c.last_step = -1;
            rc = samen_sweep_read_range(out, idx, run, p, row, &c, err);
            c.finding_last = 0;
            if (rc == SAMEN_OK)
                rc = samen_sweep_range_again(idx, run, p, row, &c, err);
        } else {
            rc = samen_sweep_read_range(out, idx, run, p, row, &c, err);
        }
        free(prefix);
    }
    if (rc) {
        samen_outfile_discard(&f);
        return rc;
    }
    return samen_outfile_commit(&f, err);
}

int samen_sweep_collect(const samen_sweep *sw, const char *out,
                        samen_sweep_index *idx, samen_collect_mode mode,
                        long every, size_t *n_runs, samen_error *err)
{
    *n_runs = idx->counts[SAMEN_RUN_DONE];
    if (mode == SAMEN_COLLECT_LAST)
        return collect_part(sw, out, idx, SAMEN_OUT_NETWORK, "network-last.csv", mode, 0, err);
    if (mode == SAMEN_COLLECT_EVERY) {
        char name[64];
        snprintf(name, sizeof name, "network-every-%ld.csv", every);
        return collect_part(sw, out, idx, SAMEN_OUT_NETWORK, name, mode, every, err);
    }
    int rc = SAMEN_OK;
    char name[64];
    for (int p = 0; p < SAMEN_OUT_COUNT && rc == SAMEN_OK; p++)
        if (sw->tables & (1u << p)) {
            snprintf(name, sizeof name, "%s", samen_tables[p].file);
            rc = collect_part(sw, out, idx, p, name, mode, 0, err);
        }
    return rc;
}
