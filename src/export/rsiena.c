/* rsiena.c: the folder rsiena/ (FORMATS.md "samen export") for RSiena's
 * sienaDependent and sienaCompositionChange: one 0/1 adjacency matrix per
 * wave (the snapshot steps, or those --waves picks, less those at which no
 * actor is present), the actors, their membership spells in wave units
 * (none of zero length), and the steps of the waves. The folder appears
 * whole or not at all: it is written under a temporary name beside its
 * place and renamed. */
#include "export/export.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/outfile.h"

/* A 1 of a wave's matrix: row and column nodes. */
typedef struct cell {
    int wave, row, col;
} cell;

static int by_cell(const void *x, const void *y)
{
    const cell *p = x, *q = y;
    if (p->wave != q->wave)
        return p->wave < q->wave ? -1 : 1;
    if (p->row != q->row)
        return p->row < q->row ? -1 : 1;
    return (p->col > q->col) - (p->col < q->col);
}

static int oom(samen_error *err)
{
    return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
}

/* The waves written: their steps, ascending, and each step's wave. */
typedef struct waves {
    int n;
    int *step;
    int *of_step;          /* r->sc->steps entries: the wave, or -1 */
} waves;

/* Whether some actor is present at step (inside a spell, ends included). */
static int anyone_at(const samen_export_run *r, int step)
{
    for (int i = 0; i < r->n_spells; i++)
        if (r->spells[i].start <= step && step <= r->spells[i].end)
            return 1;
    return 0;
}

/* One candidate wave: kept if an actor is present, else noted in rep. */
static void consider(const samen_export_run *r, int step, waves *w, samen_export_report *rep)
{
    if (anyone_at(r, step)) {
        w->of_step[step] = w->n;
        w->step[w->n++] = step;
    } else {
        if (rep->n_empty < (int)(sizeof rep->empty_step / sizeof rep->empty_step[0]))
            rep->empty_step[rep->n_empty] = step;
        rep->n_empty++;
    }
}

/* The waves: every snapshot step, or A, A+E, ... up to B (each must be a
 * snapshot step), less those where no actor is present. */
static int pick_waves(const samen_export_run *r, const samen_export_opts *o, waves *w,
                      samen_export_report *rep, samen_error *err)
{
    int steps = r->sc->steps;
    w->step = malloc(((size_t)r->n_waves + 1) * sizeof *w->step);
    w->of_step = malloc((size_t)steps * sizeof *w->of_step);
    if (!w->step || !w->of_step)
        return oom(err);
    for (int s = 0; s < steps; s++)
        w->of_step[s] = -1;
    if (o->waves_every < 1) {
        for (int i = 0; i < r->n_waves; i++)
            consider(r, r->wave_step[i], w, rep);
    } else {
        for (long s = o->waves_from; s <= o->waves_to; s += o->waves_every) {
            if (s >= steps || r->step_wave[s] < 0)
                return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--waves",
                                       "%d:%d:%d picks step %ld, which is not a snapshot "
                                       "step of this run (those are every %d steps from "
                                       "0, and the last, %d)", o->waves_from, o->waves_to,
                                       o->waves_every, s, r->sc->snapshot_every, steps - 1);
            consider(r, (int)s, w, rep);
        }
    }
    if (w->n == 0)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--waves",
                               "no actor is present at any wave picked: nothing to export");
    rep->n_waves = w->n;
    return SAMEN_OK;
}

/* A step in wave units (sienaCompositionChange): 1 at the first wave's
 * step (and before it), w + its fraction of the way at a step between
 * waves w and w+1, the last wave's number at and after its step. */
static double wave_time(const waves *wv, int step)
{
    int w = 0;
    if (step <= wv->step[0])
        return 1;
    while (w + 1 < wv->n && wv->step[w + 1] <= step)
        w++;
    if (w + 1 == wv->n || step == wv->step[w])
        return w + 1;
    return w + 1 + (double)(step - wv->step[w]) / (double)(wv->step[w + 1] - wv->step[w]);
}

static int write_waves(const waves *wv, const char *dir, samen_error *err)
{
    samen_outfile f;
    int rc = samen_outfile_open(&f, dir, "waves.csv", err);
    if (rc)
        return rc;
    fputs("wave,step\n", f.fp);
    for (int w = 0; w < wv->n; w++)
        fprintf(f.fp, "%d,%d\n", w + 1, wv->step[w]);
    return samen_outfile_commit(&f, err);
}

static int write_actors(const samen_export_run *r, const char *dir, samen_error *err)
{
    const samen_scenario *sc = r->sc;
    samen_outfile f;
    int rc = samen_outfile_open(&f, dir, "actors.csv", err);
    if (rc)
        return rc;
    char buf[32];
    int numeric;
    fputs("id", f.fp);
    for (int c = 0; c < samen_export_n_columns(sc); c++) {
        fputc(',', f.fp);
        samen_csv_text(f.fp, samen_export_column(sc, c, &numeric));
    }
    fputc('\n', f.fp);
    for (int v = 0; v < r->n_nodes; v++) {
        int org = r->node_org[v];
        samen_csv_text(f.fp, sc->orgs[org].id);
        for (int c = 0; c < samen_export_n_columns(sc); c++) {
            fputc(',', f.fp);
            samen_csv_text(f.fp, samen_export_value(sc, org, c, buf));
        }
        fputc('\n', f.fp);
    }
    return samen_outfile_commit(&f, err);
}

/* One row per spell in wave units; a spell of zero length there (all of
 * it before the first wave, after the last, or between two waves' steps
 * at one time) says nothing to RSiena and is left out. */
static int write_composition(const samen_export_run *r, const waves *wv, const char *dir,
                             samen_error *err)
{
    samen_outfile f;
    int rc = samen_outfile_open(&f, dir, "composition.csv", err);
    if (rc)
        return rc;
    fputs("id,join,leave\n", f.fp);
    for (int i = 0; i < r->n_spells; i++) {
        const samen_spell *s = &r->spells[i];
        double join = wave_time(wv, s->start), leave = wave_time(wv, s->end);
        if (!(leave > join))
            continue;
        samen_csv_text(f.fp, r->sc->orgs[r->node_org[s->node]].id);
        fputc(',', f.fp);
        samen_csv_num(f.fp, join);
        fputc(',', f.fp);
        samen_csv_num(f.fp, leave);
        fputc('\n', f.fp);
    }
    return samen_outfile_commit(&f, err);
}

/* The 1s of every wave, both ways round, in file order. */
static cell *ones(const samen_export_run *r, const waves *wv, double threshold, size_t *n)
{
    cell *c = malloc((2 * r->n_ties + 1) * sizeof *c);
    if (!c)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < r->n_ties; i++) {
        const samen_xtie *t = &r->ties[i];
        int w = wv->of_step[t->step];
        if (w < 0 || t->trust < threshold)
            continue;
        c[k++] = (cell){.wave = w, .row = t->a, .col = t->b};
        c[k++] = (cell){.wave = w, .row = t->b, .col = t->a};
    }
    qsort(c, k, sizeof *c, by_cell);
    *n = k;
    return c;
}

/* wave-01.csv ...: n lines of n digits separated by spaces. The digits of
 * one line sit at even offsets of a reused buffer. */
static int write_matrices(const samen_export_run *r, const waves *wv, const char *dir,
                          double threshold, samen_error *err)
{
    size_t n_ones = 0;
    cell *c = ones(r, wv, threshold, &n_ones);
    size_t n = (size_t)r->n_nodes;
    char *line = malloc(2 * n + 1);
    if (!c || !line) {
        free(c);
        free(line);
        return oom(err);
    }
    for (size_t j = 0; j < n; j++) {
        line[2 * j] = '0';
        line[2 * j + 1] = j + 1 < n ? ' ' : '\n';
    }
    /* zero-padded to one width, so that the names sort in wave order */
    unsigned width = 2;
    for (int w = wv->n; w >= 100 && width < 10; w /= 10)
        width++;
    int rc = SAMEN_OK;
    size_t k = 0;
    for (int w = 0; w < wv->n && rc == SAMEN_OK; w++) {
        char name[64];
        snprintf(name, sizeof name, "wave-%0*d.csv", (int)(width % 16), w + 1);
        samen_outfile f;
        if ((rc = samen_outfile_open(&f, dir, name, err)))
            break;
        for (size_t row = 0; row < n; row++) {
            size_t from = k;
            for (; k < n_ones && c[k].wave == w && (size_t)c[k].row == row; k++)
                line[2 * c[k].col] = '1';
            fwrite(line, 1, 2 * n, f.fp);
            for (size_t i = from; i < k; i++)
                line[2 * c[i].col] = '0';
        }
        rc = samen_outfile_commit(&f, err);
    }
    free(c);
    free(line);
    return rc;
}

/* 1 if name is a file this export writes. */
static int ours(const char *name)
{
    size_t n = strlen(name);
    return !strcmp(name, "waves.csv") || !strcmp(name, "actors.csv")
           || !strcmp(name, "composition.csv")
           || (!strncmp(name, "wave-", 5) && n > 9 && !strcmp(name + n - 4, ".csv"));
}

/* An existing path is replaced only if it is an earlier export. */
static int replaceable(const char *path, int *exists, samen_error *err)
{
    struct stat st;
    *exists = 0;
    if (stat(path, &st) != 0)
        return errno == ENOENT ? SAMEN_OK
                               : samen_error_set(err, SAMEN_EIO, path, 0, NULL, "%s",
                                                 strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return samen_error_set(err, SAMEN_EINPUT, path, 0, NULL,
                               "exists and is not a folder; choose another --out");
    DIR *d = opendir(path);
    if (!d)
        return samen_error_set(err, SAMEN_EIO, path, 0, NULL, "%s", strerror(errno));
    struct dirent *e;
    int rc = SAMEN_OK;
    while (rc == SAMEN_OK && (e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && !ours(e->d_name))
            rc = samen_error_set(err, SAMEN_EINPUT, path, 0, NULL,
                                 "holds %s, which an RSiena export does not write; "
                                 "choose another --out", e->d_name);
    closedir(d);
    *exists = 1;
    return rc;
}

int samen_export_rsiena(const samen_export_run *r, const char *path,
                        const samen_export_opts *o, samen_export_report *rep,
                        samen_error *err)
{
    samen_export_report own = {0};
    if (!rep)
        rep = &own;
    *rep = (samen_export_report){.step = -1};
    waves wv = {0};
    int exists;
    int rc = pick_waves(r, o, &wv, rep, err);
    if (!rc)
        rc = replaceable(path, &exists, err);
    if (rc) {
        free(wv.step);
        free(wv.of_step);
        return rc;
    }
    size_t n = strlen(path) + 32;
    char *tmp = malloc(n), *old = malloc(n);
    if (!tmp || !old) {
        free(tmp);
        free(old);
        free(wv.step);
        free(wv.of_step);
        return oom(err);
    }
    snprintf(tmp, n, "%s.tmp-XXXXXX", path);
    snprintf(old, n, "%s.old-XXXXXX", path);
    if (!mkdtemp(tmp)) {
        rc = samen_error_set(err, SAMEN_EIO, path, 0, NULL,
                             "cannot create a folder beside it: %s", strerror(errno));
        free(tmp);
        free(old);
        free(wv.step);
        free(wv.of_step);
        return rc;
    }
    rc = write_waves(&wv, tmp, err);
    if (!rc)
        rc = write_actors(r, tmp, err);
    if (!rc)
        rc = write_composition(r, &wv, tmp, err);
    if (!rc)
        rc = write_matrices(r, &wv, tmp, o->threshold, err);
    /* An earlier export moves aside (rename cannot replace a folder that
     * holds files), the new one takes its place, the old one goes. */
    if (!rc && exists && (!mkdtemp(old) || rename(path, old) != 0))
        rc = samen_error_set(err, SAMEN_EIO, path, 0, NULL,
                             "cannot move the earlier export aside: %s", strerror(errno));
    if (!rc && rename(tmp, path) != 0) {
        rc = samen_error_set(err, SAMEN_EIO, path, 0, NULL, "cannot rename %s into place: %s",
                             tmp, strerror(errno));
        if (exists)
            rename(old, path);
    }
    if (rc)
        samen_remove_folder(tmp);
    else if (exists)
        samen_remove_folder(old);
    free(tmp);
    free(old);
    free(wv.step);
    free(wv.of_step);
    return rc;
}
