/* memory.c: samen_run_tables, a run whose observer keeps every row in
 * memory (store.c) instead of writing CSV files, and the accessors of its
 * result. */
#include "samen/memory.h"

#include <gsl/gsl_errno.h>
#include <igraph.h>
#include <stdlib.h>
#include <string.h>

#include "embed/store.h"
#include "output/output.h"
#include "samen/sim.h"
#include "output/descriptors.h"

struct samen_result {
    samen_store table[SAMEN_OUT_COUNT];
};

int samen_library_init(samen_error *err)
{
    (void)err;
    gsl_set_error_handler_off();
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    return SAMEN_OK;
}

/* The observer: each callback appends its record to its table. */
typedef struct sink {
    samen_result *res;
    samen_error *err;
} sink;

static int add(void *user, int table, const void *rec)
{
    sink *k = user;
    return samen_store_add(&k->res->table[table], rec, k->err);
}

static int net_row(void *user, const samen_net_row *row)
{
    return add(user, SAMEN_OUT_NETWORK, row);
}

static int event(void *user, const samen_event *ev)
{
    return add(user, SAMEN_OUT_EVENTS, ev);
}

static int tie_row(void *user, const samen_tie_row *row)
{
    return add(user, SAMEN_OUT_TIES, row);
}

static int org_row(void *user, const samen_org_row *row)
{
    return add(user, SAMEN_OUT_ORGS, row);
}

static int person_row(void *user, const samen_person_row *row)
{
    return add(user, SAMEN_OUT_PERSONS, row);
}

static int field_row(void *user, const samen_field_row *row)
{
    return add(user, SAMEN_OUT_FIELD, row);
}

static int graph_row(void *user, const samen_graph_row *row)
{
    return add(user, SAMEN_OUT_GRAPH, row);
}

static int open_tables(samen_result *res, int detail, samen_error *err)
{
    for (int t = 0; t < SAMEN_OUT_COUNT; t++) {
        if (!samen_table_wanted(t, detail))
            continue;
        int rc = samen_store_open(&res->table[t], &samen_tables[t], err);
        if (rc)
            return rc;
    }
    return SAMEN_OK;
}

int samen_run_tables(const samen_scenario *sc, samen_result **out, samen_error *err)
{
    samen_error local;
    if (!err)
        err = &local;
    samen_error_clear(err);
    if (!out || !sc) {
        if (out)
            *out = NULL;
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, NULL,
                               "samen_run_tables needs a scenario and a place for its result");
    }
    *out = NULL;
    samen_result *res = calloc(1, sizeof *res);
    if (!res)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    int rc = open_tables(res, sc->detail, err);
    samen_sim *sim = NULL;
    if (!rc) {
        sim = samen_sim_new(sc, err);
        if (!sim)
            rc = err->code ? err->code : SAMEN_EIO;
    }
    if (!rc) {
        sink k = {res, err};
        samen_observer obs = {
            .user = &k, .network_row = net_row, .event = event, .tie_row = tie_row,
            .org_row = res->table[SAMEN_OUT_ORGS].used ? org_row : NULL,
            .person_row = res->table[SAMEN_OUT_PERSONS].used ? person_row : NULL,
            .field_row = res->table[SAMEN_OUT_FIELD].used ? field_row : NULL,
        };
        rc = samen_simulate(sim, sc, &obs,
                            res->table[SAMEN_OUT_GRAPH].used ? graph_row : NULL, &k,
                            NULL, NULL, err);
    }
    samen_sim_free(sim);
    if (rc) {
        samen_result_free(res);
        return err->code ? err->code : rc;
    }
    *out = res;
    return SAMEN_OK;
}

void samen_result_free(samen_result *res)
{
    if (!res)
        return;
    for (int t = 0; t < SAMEN_OUT_COUNT; t++)
        samen_store_free(&res->table[t]);
    free(res);
}

static const samen_store *table(const samen_result *res, int t)
{
    if (!res || t < 0 || t >= SAMEN_OUT_COUNT || !res->table[t].used)
        return NULL;
    return &res->table[t];
}

static const samen_store_col *col(const samen_result *res, int t, int c, samen_kind kind)
{
    const samen_store *s = table(res, t);
    if (!s || c < 0 || c >= s->table->ncolumns || s->cols[c].kind != kind)
        return NULL;
    return &s->cols[c];
}

int samen_result_has(const samen_result *res, int t)
{
    return table(res, t) != NULL;
}

int64_t samen_result_rows(const samen_result *res, int t)
{
    const samen_store *s = table(res, t);
    return s ? (int64_t)s->rows : 0;
}

const int64_t *samen_result_ints(const samen_result *res, int t, int c)
{
    const samen_store_col *x = col(res, t, c, SAMEN_KIND_INT);
    return x ? x->ints : NULL;
}

const double *samen_result_nums(const samen_result *res, int t, int c)
{
    const samen_store_col *x = col(res, t, c, SAMEN_KIND_NUM);
    return x ? x->nums : NULL;
}

const int32_t *samen_result_codes(const samen_result *res, int t, int c)
{
    const samen_store_col *x = col(res, t, c, SAMEN_KIND_TEXT);
    return x ? x->codes : NULL;
}

int32_t samen_result_levels(const samen_result *res, int t, int c)
{
    const samen_store_col *x = col(res, t, c, SAMEN_KIND_TEXT);
    return x ? (int32_t)x->n_levels : 0;
}

const char *samen_result_level(const samen_result *res, int t, int c, int32_t level)
{
    const samen_store_col *x = col(res, t, c, SAMEN_KIND_TEXT);
    if (!x || level < 0 || (size_t)level >= x->n_levels)
        return NULL;
    return x->levels[level];
}

const uint8_t *samen_result_missing(const samen_result *res, int t, int c)
{
    const samen_store *s = table(res, t);
    if (!s || c < 0 || c >= s->table->ncolumns)
        return NULL;
    return s->cols[c].missing;
}
