/* runini.c: writes the resolved scenario back as run.ini (every key, each
 * number as the shortest text that reads back as the same double) with
 * copies of its organisations and ties, so that loading run.ini gives the
 * same scenario; long lists wrap onto indented continuation lines, so
 * that run.ini stays readable. `samen check` prints the same text. */
#include "scenario/scenario_int.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "samen/samen.h"
#include "util/outfile.h"

#define ORGS_FILE "input-organisations.csv"
#define TIES_FILE "input-ties.csv"
#define RUN_FILE "run.ini"

/* List lines are wrapped before this width: one item is at most about 130
 * characters (an id of 100 or a theme of 64 with a %.17g weight). */
#define WRAP SAMEN_INI_WRAP

static const char *const type_names[] = {"overleg", "adhoc", "network"};

samen_list_out samen_list_begin(FILE *fp, const char *name)
{
    samen_list_out l = {fp, 0, 0};
    l.col = fprintf(fp, "%s =", name);
    return l;
}

void samen_list_item(samen_list_out *l, const char *item)
{
    int len = (int)strlen(item);
    if (l->n > 0 && l->col + len + 2 > WRAP) {
        fputs(",\n   ", l->fp);
        l->col = 3;
    } else if (l->n > 0) {
        fputc(',', l->fp);
        l->col++;
    }
    l->col += fprintf(l->fp, " %s", item);
    l->n++;
}

void samen_list_end(samen_list_out *l)
{
    fputc('\n', l->fp);
}

static void put_ids(FILE *fp, const samen_scenario *sc, const char *name,
                    const int *ids, int n)
{
    samen_list_out l = samen_list_begin(fp, name);
    for (int i = 0; i < n; i++)
        samen_list_item(&l, sc->orgs[ids[i]].id);
    samen_list_end(&l);
}

static void put_issue(FILE *fp, const samen_scenario *sc, const double *issue)
{
    samen_list_out l = samen_list_begin(fp, "issue");
    for (int k = 0; k < sc->n_themes; k++) {
        char buf[SAMEN_MAX_THEME_NAME + 40], nb[32];
        snprintf(buf, sizeof buf, "%s:%s", sc->themes[k],
                 samen_num_text(issue[k], nb, sizeof nb));
        samen_list_item(&l, buf);
    }
    samen_list_end(&l);
}

/* One table key of a global section or of a network. */
static void put_key(FILE *fp, const samen_scenario *sc, const samen_param_def *d,
                    const samen_net_spec *net)
{
    const char *base = d->where == SAMEN_IN_PARAMS     ? (const char *)&sc->p
                       : d->where == SAMEN_IN_SCENARIO ? (const char *)sc
                                                       : (const char *)net;
    /* A key that is not a stored value (themes, a path) has no base for a
     * global key: NULL + offset is undefined behaviour, so no pointer. */
    const char *p = base ? base + d->offset : NULL;
    char buf[128];
    switch (d->type) {
    case SAMEN_PT_REAL: {
        double v;
        memcpy(&v, p, sizeof v);
        fprintf(fp, "%s = %s\n", d->name, samen_num_text(v, buf, sizeof buf));
        break;
    }
    case SAMEN_PT_WHOLE: {
        int v;
        memcpy(&v, p, sizeof v);
        fprintf(fp, "%s = %d\n", d->name, v);
        break;
    }
    case SAMEN_PT_SEED: {
        uint32_t v;
        memcpy(&v, p, sizeof v);
        fprintf(fp, "%s = %" PRIu32 "\n", d->name, v);
        break;
    }
    case SAMEN_PT_DIST:
    case SAMEN_PT_DIST_POS: {
        samen_dist v;
        memcpy(&v, p, sizeof v);
        samen_dist_format(&v, buf, sizeof buf);
        fprintf(fp, "%s = %s\n", d->name, buf);
        break;
    }
    case SAMEN_PT_THEMES:
    {
        samen_list_out l = samen_list_begin(fp, d->name);
        for (int k = 0; k < sc->n_themes; k++)
            samen_list_item(&l, sc->themes[k]);
        samen_list_end(&l);
        break;
    }
    case SAMEN_PT_DETAIL: {
        /* orgs and persons keep their old spelling ("both"), so that the
         * run.ini of a run without graph is the same bytes as before */
        static const char *const detail[] = {"", " orgs", " persons", " both"};
        int graph = (sc->detail & SAMEN_DETAIL_GRAPH) != 0;
        int field = (sc->detail & SAMEN_DETAIL_FIELD) != 0;
        fprintf(fp, "%s =%s%s%s%s%s\n", d->name, detail[sc->detail & 3],
                graph && (sc->detail & 3) ? "," : "", graph ? " graph" : "",
                field && (sc->detail & 7) ? "," : "", field ? " field" : "");
        break;
    }
    case SAMEN_PT_REACH: {
        int v;
        memcpy(&v, p, sizeof v);
        fprintf(fp, "%s = %s\n", d->name, v ? "all" : "area");
        break;
    }
    case SAMEN_PT_LABEL:
        fprintf(fp, "%s =%s%s\n", d->name, *p ? " " : "", p);
        break;
    case SAMEN_PT_PATH:
        fprintf(fp, "%s = %s\n", d->name,
                !strcmp(d->section, "ties") ? TIES_FILE : ORGS_FILE);
        break;
    case SAMEN_PT_IGNORED:
        /* the other [samen] keys are the provenance, after the table's */
        if (!strcmp(d->name, "version"))
            fprintf(fp, "%s = %s\n", d->name, SAMEN_VERSION);
        break;
    case SAMEN_PT_NETTYPE:
        fprintf(fp, "%s = %s\n", d->name, type_names[net->type]);
        break;
    case SAMEN_PT_ORG:
        fprintf(fp, "%s = %s\n", d->name, sc->orgs[net->initiator].id);
        break;
    case SAMEN_PT_ISSUE:
        put_issue(fp, sc, net->issue);
        break;
    case SAMEN_PT_ORGLIST:
        if (!strcmp(d->name, "necessary"))
            put_ids(fp, sc, d->name, net->necessary, net->n_necessary);
        else
            put_ids(fp, sc, d->name, net->framing, net->n_framing);
        break;
    case SAMEN_PT_CANDIDATES:
        if (net->candidates_all)
            fprintf(fp, "%s = *\n", d->name);
        else
            put_ids(fp, sc, d->name, net->candidates, net->n_candidates);
        break;
    }
}

static int print(const samen_scenario *sc, FILE *fp, int for_check)
{
    if (for_check)
        fputs("; The resolved scenario: every parameter, as `samen run` records it in\n"
              "; run.ini.\n", fp);
    else
        fprintf(fp, "; run.ini: the resolved scenario, written by samen %s. Every\n"
                    "; parameter is listed; `samen run run.ini` repeats the run.\n",
                SAMEN_VERSION);
    for (int s = 0; s < samen_param_nsections; s++) {
        const char *sec = samen_param_sections[s];
        if (!strcmp(sec, "network") || (!strcmp(sec, "ties") && !sc->ties_path))
            continue;
        fprintf(fp, "\n[%s]\n", sec);
        for (int i = 0; i < samen_param_count; i++)
            if (!strcmp(samen_param_table[i].section, sec))
                put_key(fp, sc, &samen_param_table[i], NULL);
        if (!strcmp(sec, "samen") && sc->provenance)
            fputs(sc->provenance, fp);
    }
    for (int n = 0; n < sc->n_nets; n++) {
        fprintf(fp, "\n[network %s]\n", sc->nets[n].name);
        for (int i = 0; i < samen_param_count; i++)
            if (!strcmp(samen_param_table[i].section, "network"))
                put_key(fp, sc, &samen_param_table[i], &sc->nets[n]);
    }
    return ferror(fp) ? SAMEN_EIO : SAMEN_OK;
}

int samen_scenario_print(const samen_scenario *sc, FILE *fp)
{
    return print(sc, fp, 0);
}

int samen_scenario_print_short(const samen_scenario *sc, FILE *fp)
{
    return print(sc, fp, 1);
}

static void put_num(FILE *fp, double v)
{
    fprintf(fp, ",%.17g", v);
}

static void print_orgs(const samen_scenario *sc, FILE *fp)
{
    fputs("id,name,sector,capacity,mandate,latency,guard,patience", fp);
    if (sc->has_area)
        fputs(",area", fp);
    for (int k = 0; k < sc->n_themes; k++) {
        fputc(',', fp);
        samen_csv_text(fp, sc->themes[k]);
    }
    fputc('\n', fp);
    for (int i = 0; i < sc->n_orgs; i++) {
        const samen_org *o = &sc->orgs[i];
        samen_csv_text(fp, o->id);
        fputc(',', fp);
        samen_csv_text(fp, o->name);
        fputc(',', fp);
        samen_csv_text(fp, o->sector);
        put_num(fp, o->capacity);
        fputs(o->mandate == SAMEN_DECISION ? ",decision" : ",feedback", fp);
        put_num(fp, o->latency);
        put_num(fp, o->guard);
        put_num(fp, o->patience);
        if (sc->has_area) {
            fputc(',', fp);
            samen_csv_text(fp, o->area);
        }
        for (int k = 0; k < sc->n_themes; k++)
            put_num(fp, o->mission[k]);
        fputc('\n', fp);
    }
}

static void print_ties(const samen_scenario *sc, FILE *fp)
{
    fputs("org_a,org_b,trust\n", fp);
    for (int i = 0; i < sc->n_ties; i++) {
        samen_csv_text(fp, sc->orgs[sc->ties[i].a].id);
        fputc(',', fp);
        samen_csv_text(fp, sc->orgs[sc->ties[i].b].id);
        put_num(fp, sc->ties[i].trust);
        fputc('\n', fp);
    }
}

/* Frees an outfile record whose closed file keeps its temporary name. */
static void forget(samen_outfile *f)
{
    free(f->tmp_path);
    free(f->final_path);
    free(f->buf);
    memset(f, 0, sizeof *f);
}

int samen_scenario_write_ini(const samen_scenario *sc, const char *dir,
                             int tmp_only, samen_error *err)
{
    samen_outfile f[3];
    memset(f, 0, sizeof f);
    int nf = sc->ties_path ? 3 : 2;
    int rc = samen_outfile_open(&f[0], dir, ORGS_FILE, err);
    if (!rc) {
        print_orgs(sc, f[0].fp);
        rc = samen_outfile_close(&f[0], err);
    }
    if (!rc && nf == 3) {
        rc = samen_outfile_open(&f[2], dir, TIES_FILE, err);
        if (!rc) {
            print_ties(sc, f[2].fp);
            rc = samen_outfile_close(&f[2], err);
        }
    }
    if (!rc) {
        rc = samen_outfile_open(&f[1], dir, RUN_FILE, err);
        if (!rc) {
            samen_scenario_print(sc, f[1].fp);
            rc = samen_outfile_close(&f[1], err);
        }
    }
    if (rc) {
        for (int i = 0; i < 3; i++)
            samen_outfile_discard(&f[i]);
        return rc;
    }
    if (tmp_only) {
        for (int i = 0; i < 3; i++)
            forget(&f[i]);
        return SAMEN_OK;
    }
    /* run.ini last: it names the other two. */
    int order[3] = {0, 2, 1};
    for (int i = 0; i < 3; i++) {
        samen_outfile *o = &f[order[i]];
        if (!o->tmp_path)
            continue;
        if (!rc)
            rc = samen_outfile_commit(o, err);
        else
            samen_outfile_discard(o);
    }
    return rc;
}

int samen_scenario_commit_ini(const char *dir, int has_ties, samen_error *err)
{
    const char *names[3] = {ORGS_FILE, TIES_FILE, RUN_FILE};
    for (int i = 0; i < 3; i++) {
        if (i == 1 && !has_ties)
            continue;
        size_t n = strlen(dir) + strlen(names[i]) + 8;
        char *from = malloc(n), *to = malloc(n);
        if (!from || !to) {
            free(from);
            free(to);
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        }
        snprintf(from, n, "%s/%s.tmp", dir, names[i]);
        snprintf(to, n, "%s/%s", dir, names[i]);
        int bad = rename(from, to) != 0;
        int e = errno;
        free(from);
        free(to);
        if (bad)
            return samen_error_set(err, SAMEN_EIO, dir, 0, NULL,
                                   "cannot rename %s.tmp into place: %s", names[i],
                                   strerror(e));
    }
    return SAMEN_OK;
}
