/* outputs.c: the set of CSV files of one run, opened, closed, renamed into
 * place or removed together, so a run's outputs appear whole or not at all. */
#include "output/output.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *const samen_out_names[SAMEN_OUT_COUNT] = {
    "network.csv", "events.csv", "ties.csv", "orgs.csv", "persons.csv", "graph.csv",
};

/* The leading columns are a public contract (FORMATS.md "Outputs"). A
 * header split over lines is in parentheses: one element, not a missing
 * comma (clang's -Wstring-concatenation). */
const char *const samen_out_headers[SAMEN_OUT_COUNT] = {
    ("step,network,type,phase,form,members,necessary_present,trust,consensus,"
     "progress,d_interests,d_factual,d_formal,d_resources,d_commitment,"
     "d_identification,c_po,c_pn,link,person_dependency,decisions_open,"
     "decisions_resolved,overreach,dropouts"),
    "step,network,org,person,event,reason,value",
    "step,network,org_a,org_b,trust,since",
    ("step,network,org,role,interest,engagement,fit_issue,fit_goal,c_po,c_pn,"
     "link,mandate"),
    "step,network,org,person,c_po,c_pn,self_interest,uncertainty,tenure",
    "step,orgs,ties,density,components,largest_component,transitivity,mean_degree,"
    "degree_centralization,bridging_orgs,mean_trust",
};

static int wanted(int which, int detail)
{
    if (which == SAMEN_OUT_ORGS)
        return (detail & SAMEN_DETAIL_ORGS) != 0;
    if (which == SAMEN_OUT_PERSONS)
        return (detail & SAMEN_DETAIL_PERSONS) != 0;
    if (which == SAMEN_OUT_GRAPH)
        return (detail & SAMEN_DETAIL_GRAPH) != 0;
    return 1;
}

int samen_outputs_open(samen_outputs *o, const char *dir, int detail,
                       samen_error *err)
{
    memset(o, 0, sizeof *o);
    o->err = err;
    for (int i = 0; i < SAMEN_OUT_COUNT; i++) {
        if (!wanted(i, detail))
            continue;
        int rc = samen_outfile_open(&o->file[i], dir, samen_out_names[i], err);
        if (rc) {
            samen_outputs_discard(o);
            return rc;
        }
        fputs(samen_out_headers[i], o->file[i].fp);
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

void samen_outputs_net_row(samen_outputs *o, int which, samen_row *r, int step,
                           const char *network)
{
    samen_outputs_row(o, which, r);
    samen_row_int(r, step);
    samen_row_char(r, ',');
    samen_row_text(r, network);
}

int samen_outputs_nums(samen_outputs *o, int which, samen_row *r, int step,
                       const char *const *cols, const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(v[i]))
            return samen_error_set(o->err, SAMEN_EIO, o->file[which].final_path, 0,
                                   cols[i], "step %d: the model produced %g, not a "
                                   "finite number; no output was kept", step, v[i]);
        samen_row_char(r, ',');
        samen_row_num(r, v[i]);
    }
    return SAMEN_OK;
}

int samen_outputs_end(samen_outputs *o, int which, samen_row *r)
{
    samen_row_end(r);
    return samen_outputs_check(o, which);
}
