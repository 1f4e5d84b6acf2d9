/* manifest.c: manifest.csv, one row per run with its point, seed, status
 * and varied values, rebuilt from the writers' logs alone. */
#include "sweep/tables.h"

#include <stdlib.h>
#include <string.h>

#include "util/outfile.h"

static const char *const status_names[] = {"pending", "done", "failed"};

/* run,point,replicate,seed then the varied values: the start of every row
 * of the manifest, the summary and the collected files. */
void samen_sweep_write_values(FILE *fp, const samen_sweep *sw, size_t point)
{
    char buf[SAMEN_VALUE_MAX];
    for (int k = 0; k < sw->n_keys; k++) {
        fputc(',', fp);
        samen_sweep_csv_value(fp, samen_sweep_value(sw, point, k, buf));
    }
}

void samen_sweep_write_run_fields(FILE *fp, const samen_sweep *sw, size_t run,
                                  int with_seed)
{
    size_t point = samen_sweep_point_of(sw, run);
    fprintf(fp, "%zu,%zu,%zu", run, point, samen_sweep_replicate_of(sw, run));
    if (with_seed)
        fprintf(fp, ",%lu", (unsigned long)samen_sweep_seed_of(sw, run));
    samen_sweep_write_values(fp, sw, point);
}

char *samen_sweep_run_prefix(const samen_sweep *sw, size_t run, int with_seed,
                             size_t *len)
{
    char *text = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&text, &n);
    if (!m)
        return NULL;
    samen_sweep_write_run_fields(m, sw, run, with_seed);
    fputc(',', m);
    int bad = ferror(m);
    if (fclose(m) != 0 || bad) {
        free(text);
        return NULL;
    }
    *len = n;
    return text;
}

void samen_sweep_write_key_names(FILE *fp, const samen_sweep *sw)
{
    for (int k = 0; k < sw->n_keys; k++) {
        fputc(',', fp);
        samen_csv_text(fp, sw->keys[k].key);
    }
}

int samen_sweep_write_manifest(const samen_sweep *sw, const char *out,
                               const samen_sweep_index *idx, samen_error *err)
{
    samen_outfile f;
    int rc = samen_outfile_open(&f, out, "manifest.csv", err);
    if (rc)
        return rc;
    fputs("run,point,replicate,seed,status", f.fp);
    samen_sweep_write_key_names(f.fp, sw);
    fputc('\n', f.fp);
    char buf[SAMEN_VALUE_MAX];
    for (size_t run = 0; run < sw->n_runs; run++) {
        samen_run_status st = (samen_run_status)idx->status[run];
        size_t point = samen_sweep_point_of(sw, run);
        fprintf(f.fp, "%zu,%zu,%zu,%lu,%s", run, point, samen_sweep_replicate_of(sw, run),
                (unsigned long)samen_sweep_seed_of(sw, run), status_names[st]);
        for (int k = 0; k < sw->n_keys; k++) {
            fputc(',', f.fp);
            samen_sweep_csv_value(f.fp, samen_sweep_value(sw, point, k, buf));
        }
        fputc('\n', f.fp);
    }
    return samen_outfile_commit(&f, err);
}

int samen_sweep_write_tables(const samen_sweep *sw, const char *out,
                             samen_sweep_index *idx, samen_error *err)
{
    int rc = samen_sweep_write_manifest(sw, out, idx, err);
    return rc ? rc : samen_sweep_write_summary(sw, out, idx, err);
}

int samen_sweep_rebuild(const samen_sweep *sw, const char *out,
                        size_t counts[3], samen_error *err)
{
    int fd;
    int rc = samen_sweep_lock(out, &fd, err);
    if (rc)
        return rc;
    samen_sweep_index idx;
    rc = samen_sweep_index_read(sw, out, &idx, err);
    if (rc == SAMEN_OK) {
        rc = samen_sweep_write_tables(sw, out, &idx, err);
        if (counts)
            memcpy(counts, idx.counts, sizeof idx.counts);
        samen_sweep_index_free(&idx);
    }
    samen_sweep_unlock(fd);
    return rc;
}
