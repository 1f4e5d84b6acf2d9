/* outputs.c: the set of CSV files of one run, opened, closed, renamed into
 * place or removed together, so a run's outputs appear whole or not at all;
 * and the observer's callbacks that write their rows. */
#include "output/output.h"
#include "output/descriptors.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


int samen_outputs_open(samen_outputs *o, const char *dir, int detail,
                       samen_error *err)
{
    memset(o, 0, sizeof *o);
    o->err = err;
    for (int i = 0; i < SAMEN_OUT_COUNT; i++) {
        if (!samen_table_wanted(i, detail))
            continue;
        int rc = samen_outfile_open(&o->file[i], dir, samen_tables[i].file, err);
        if (rc) {
            samen_outputs_discard(o);
            return rc;
        }
        samen_table_header(o->file[i].fp, &samen_tables[i]);
        fputc('\n', o->file[i].fp);
        rc = samen_outputs_check(o, i);
        if (rc) {
            samen_outputs_discard(o);
            return rc;
        }
    }
    return SAMEN_OK;
}

void samen_outputs_observer(samen_outputs *o, samen_observer *obs)
{
    memset(obs, 0, sizeof *obs);
    obs->user = o;
    if (o->file[SAMEN_OUT_NETWORK].fp)
        obs->network_row = samen_out_network_row;
    if (o->file[SAMEN_OUT_EVENTS].fp)
        obs->event = samen_out_event;
    if (o->file[SAMEN_OUT_TIES].fp)
        obs->tie_row = samen_out_tie_row;
    if (o->file[SAMEN_OUT_ORGS].fp)
        obs->org_row = samen_out_org_row;
    if (o->file[SAMEN_OUT_PERSONS].fp)
        obs->person_row = samen_out_person_row;
    if (o->file[SAMEN_OUT_FIELD].fp)
        obs->field_row = samen_out_field_row;
}

int samen_outputs_close(samen_outputs *o, samen_error *err)
{
    for (int i = 0; i < SAMEN_OUT_COUNT; i++) {
        int rc = samen_outfile_close(&o->file[i], err);
        if (rc) {
            samen_outputs_discard(o);
            return rc;
        }
    }
    return SAMEN_OK;
}

int samen_outputs_commit(samen_outputs *o, samen_error *err)
{
    /* The final paths are kept so that a failed rename can take back the
     * files already renamed: a half set of outputs must not stay. */
    char *done[SAMEN_OUT_COUNT] = {0};
    int rc = SAMEN_OK;
    for (int i = 0; i < SAMEN_OUT_COUNT && !rc; i++) {
        if (!o->file[i].tmp_path)
            continue;
        done[i] = strdup(o->file[i].final_path);
        if (!done[i]) {
            rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
            break;
        }
        rc = samen_outfile_commit(&o->file[i], err);
        if (rc) {
            free(done[i]);
            done[i] = NULL;
        }
    }
    for (int i = 0; i < SAMEN_OUT_COUNT; i++) {
        if (rc && done[i])
            unlink(done[i]);
        free(done[i]);
    }
    if (rc)
        samen_outputs_discard(o);
    return rc;
}

void samen_outputs_discard(samen_outputs *o)
{
    for (int i = 0; i < SAMEN_OUT_COUNT; i++)
        samen_outfile_discard(&o->file[i]);
}

int samen_outputs_check(samen_outputs *o, int which)
{
    samen_outfile *f = &o->file[which];
    if (!ferror(f->fp))
        return SAMEN_OK;
    int e = errno;
    return samen_error_set(o->err, SAMEN_EIO, f->final_path, 0, NULL,
                           "cannot write file: %s", strerror(e));
}

void samen_outputs_row(samen_outputs *o, int which, samen_row *r)
{
    samen_row_begin(r, o->file[which].fp);
    if (o->prefix)
        samen_row_bytes(r, o->prefix, strlen(o->prefix));
}

/* The observer's callbacks: each row as its table's columns say. */
int samen_out_field_row(void *user, const samen_field_row *row)
{
    return samen_outputs_write(user, SAMEN_OUT_FIELD, row);
}

int samen_out_network_row(void *user, const samen_net_row *row)
{
    return samen_outputs_write(user, SAMEN_OUT_NETWORK, row);
}

int samen_out_event(void *user, const samen_event *ev)
{
    return samen_outputs_write(user, SAMEN_OUT_EVENTS, ev);
}

int samen_out_tie_row(void *user, const samen_tie_row *row)
{
    return samen_outputs_write(user, SAMEN_OUT_TIES, row);
}

int samen_out_org_row(void *user, const samen_org_row *row)
{
    return samen_outputs_write(user, SAMEN_OUT_ORGS, row);
}

int samen_out_person_row(void *user, const samen_person_row *row)
{
    return samen_outputs_write(user, SAMEN_OUT_PERSONS, row);
}
