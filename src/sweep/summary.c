/* summary.c: summary.csv, one row per run and network with how the
 * network ended, rebuilt from each run's run.ini, network.csv and
 * events.csv (so that it needs nothing but the run folders). */
#include "sweep/sweep.h"

#include <stdlib.h>
#include <string.h>

#include "scenario/scenario_int.h"
#include "util/outfile.h"

typedef struct net_end {
    const char *name, *type;   /* point into the run.ini store */
    char phase[32], form[32], members[24], dropouts[24];
    char agreed[24], end[24], reason[48];
} net_end;

typedef struct run_read {
    const char *path;          /* the file being read, for messages */
    int n_nets;
    net_end *nets;
    int col[8];                /* indices of the columns wanted, by name */
    const char *const *names;  /* their names */
    int n_cols;
    int last;                  /* the network of the previous row */
} run_read;

static net_end *find_net(run_read *r, const char *name)
{
    if (r->last >= 0 && !strcmp(r->nets[r->last].name, name))
        return &r->nets[r->last];
    for (int i = 0; i < r->n_nets; i++)
        if (!strcmp(r->nets[i].name, name)) {
            r->last = i;
            return &r->nets[i];
        }
    return NULL;
}

static void copy(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src);
}

/* The header: finds each wanted column by its name. */
static int header(run_read *r, int line, char **f, int n, samen_error *err)
{
    for (int c = 0; c < r->n_cols; c++) {
        r->col[c] = -1;
        for (int i = 0; i < n; i++)
            if (!strcmp(f[i], r->names[c]))
                r->col[c] = i;
        if (r->col[c] < 0)
            return samen_error_set(err, SAMEN_EINPUT, r->path, line, r->names[c],
                                   "column missing");
    }
    return SAMEN_OK;
}

static int field_count_ok(run_read *r, int line, int n, samen_error *err)
{
    for (int c = 0; c < r->n_cols; c++)
        if (r->col[c] >= n)
            return samen_error_set(err, SAMEN_EINPUT, r->path, line, NULL,
                                   "the row has %d fields, fewer than the header", n);
    return SAMEN_OK;
}

/* What every row handler does first: the header row finds the columns;
 * a data row must reach all of them. *data says whether the row is data. */
static int row_start(run_read *r, int line, char **f, int n, int *data, samen_error *err)
{
    *data = line != 1;
    if (line == 1)
        return header(r, line, f, n, err);
    return field_count_ok(r, line, n, err);
}

/* The network a row names, which must be one of the run's. */
static int row_net(run_read *r, int line, const char *name, net_end **e, samen_error *err)
{
    if ((*e = find_net(r, name)))
        return SAMEN_OK;
    return samen_error_set(err, SAMEN_EINPUT, r->path, line, "network",
                           "network '%s' is not in the run's run.ini", name);
}

static const char *const net_cols[] = {"network", "type", "phase", "form", "members",
                                       "dropouts"};

static int network_row(void *user, int line, char **f, int n, samen_error *err)
{
    run_read *r = user;
    int data, rc = row_start(r, line, f, n, &data, err);
    if (rc || !data)
        return rc;
    net_end *e;
    if ((rc = row_net(r, line, f[r->col[0]], &e, err)))
        return rc;
    /* The last row of each network holds its end state. */
    copy(e->phase, sizeof e->phase, f[r->col[2]]);
    copy(e->form, sizeof e->form, f[r->col[3]]);
    copy(e->members, sizeof e->members, f[r->col[4]]);
    copy(e->dropouts, sizeof e->dropouts, f[r->col[5]]);
    return SAMEN_OK;
}

static const char *const event_cols[] = {"step", "network", "event", "reason"};

static int event_row(void *user, int line, char **f, int n, samen_error *err)
{
    run_read *r = user;
    int data, rc = row_start(r, line, f, n, &data, err);
    if (rc || !data)
        return rc;
    const char *ev = f[r->col[2]];
    if (strcmp(ev, "goal-agreed") && strcmp(ev, "completed") && strcmp(ev, "dissolved")
        && strcmp(ev, "merger"))
        return SAMEN_OK;
    net_end *e;
    if ((rc = row_net(r, line, f[r->col[1]], &e, err)))
        return rc;
    if (!strcmp(ev, "goal-agreed")) {
        if (!e->agreed[0])
            copy(e->agreed, sizeof e->agreed, f[r->col[0]]);
    } else {
        copy(e->end, sizeof e->end, f[r->col[0]]);
        copy(e->reason, sizeof e->reason, !strcmp(ev, "merger") ? "merger" : f[r->col[3]]);
    }
    return SAMEN_OK;
}

/* Reads one finished run and writes its rows. */
static int summarise_run(FILE *fp, const samen_sweep *sw, const char *out, size_t run,
                         samen_error *err)
{
    char dir[4096], path[4200];
    samen_run_dir(dir, sizeof dir, out, run);
    samen_raw raw = {0};
    snprintf(path, sizeof path, "%s/run.ini", dir);
    if (!(raw.path = strdup(path)))
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    int rc = samen_ini_read(&raw, path, err);
    run_read r = {.last = -1};
    if (rc == SAMEN_OK && raw.ns > 0 && !(r.nets = calloc((size_t)raw.ns, sizeof *r.nets)))
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    for (int i = 0; rc == SAMEN_OK && i < raw.ns; i++) {
        if (!raw.s[i].net)
            continue;
        net_end *e = &r.nets[r.n_nets++];
        const samen_raw_entry *t = samen_raw_get(&raw, raw.s[i].name, "type");
        e->name = raw.s[i].net;
        e->type = t ? t->value : "network";
        /* A network that never started has no rows; every network starts
         * as an overleg, whatever its type (MODEL.md section 2). */
        copy(e->phase, sizeof e->phase, "pending");
        copy(e->form, sizeof e->form, "overleg");
        copy(e->members, sizeof e->members, "0");
        copy(e->dropouts, sizeof e->dropouts, "0");
    }
    if (rc == SAMEN_OK) {
        snprintf(path, sizeof path, "%s/network.csv", dir);
        r.path = path;
        r.names = net_cols;
        r.n_cols = 6;
        rc = samen_csv_read(path, network_row, &r, err);
    }
    if (rc == SAMEN_OK) {
        snprintf(path, sizeof path, "%s/events.csv", dir);
        r.names = event_cols;
        r.n_cols = 4;
        rc = samen_csv_read(path, event_row, &r, err);
    }
    for (int i = 0; rc == SAMEN_OK && i < r.n_nets; i++) {
        const net_end *e = &r.nets[i];
        samen_sweep_write_run_fields(fp, sw, run, 1);
        fputc(',', fp);
        samen_csv_text(fp, e->name);
        fprintf(fp, ",%s,%s,%s,%s,%s,%s,%s,", e->type, e->phase, e->form, e->members,
                e->agreed, e->dropouts, e->end);
        samen_csv_text(fp, e->reason);
        fputc('\n', fp);
    }
    free(r.nets);
    samen_raw_free(&raw);
    return rc;
}

int samen_sweep_write_summary(const samen_sweep *sw, const char *out,
                              samen_error *err)
{
    samen_outfile f;
    int rc = samen_outfile_open(&f, out, "summary.csv", err);
    if (rc)
        return rc;
    fputs("run,point,replicate,seed", f.fp);
    samen_sweep_write_key_names(f.fp, sw);
    fputs(",network,type,final_phase,final_form,members,agreed_step,dropouts,"
          "end_step,end_reason\n", f.fp);
    for (size_t run = 0; rc == SAMEN_OK && run < sw->n_runs; run++)
        if (samen_run_status_of(out, run) == SAMEN_RUN_DONE)
            rc = summarise_run(f.fp, sw, out, run, err);
    if (rc) {
        samen_outfile_discard(&f);
        return rc;
    }
    return samen_outfile_commit(&f, err);
}
