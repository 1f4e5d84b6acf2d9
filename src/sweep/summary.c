/* summary.c: summary.csv, one row per run and network with how the
 * network ended, from the summary rows that each run's writer kept. */
#include "sweep/tables.h"

#include <stdlib.h>

#include "util/outfile.h"
#include "output/descriptors.h"

typedef struct summary_ctx {
    FILE *fp;
    const char *prefix;    /* the run's leading fields and comma */
    size_t prefix_len;
} summary_ctx;

static int row(void *user, const char *line, size_t len, samen_error *err)
{
    summary_ctx *c = user;
    (void)err;
    fwrite(c->prefix, 1, c->prefix_len, c->fp);
    fwrite(line, 1, len, c->fp);
    fputc('\n', c->fp);
    return SAMEN_OK;
}

int samen_sweep_write_summary(const samen_sweep *sw, const char *out,
                              samen_sweep_index *idx, samen_error *err)
{
    samen_outfile f;
    int rc = samen_outfile_open(&f, out, "summary.csv", err);
    if (rc)
        return rc;
    fputs("run,point,replicate,seed", f.fp);
    samen_sweep_write_key_names(f.fp, sw);
    fputc(',', f.fp);
    samen_table_header(f.fp, &samen_tables[SAMEN_TABLE_SUMMARY]);
    fputc('\n', f.fp);
    summary_ctx c = {.fp = f.fp};
    for (size_t run = 0; rc == SAMEN_OK && run < sw->n_runs; run++) {
        if (idx->status[run] != SAMEN_RUN_DONE)
            continue;
        char *prefix = samen_sweep_run_prefix(sw, run, 1, &c.prefix_len);
        if (!prefix) {
            rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
            break;
        }
        c.prefix = prefix;
        rc = samen_sweep_read_range(out, idx, run, SAMEN_PART_SUMMARY, row, &c, err);
        free(prefix);
    }
    if (rc) {
        samen_outfile_discard(&f);
        return rc;
    }
    return samen_outfile_commit(&f, err);
}
