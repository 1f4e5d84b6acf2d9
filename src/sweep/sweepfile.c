/* sweepfile.c: the sweep file (FORMATS.md "Sweep file"): read with
 * util/ini_reader.c, validated against the base scenario, resolved into
 * points and seeds, and written back as sweep.ini. */
#include "sweep/design.h"
#include "sweep/parts.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "samen/samen.h"
#include "scenario/scenario_tools.h"
#include "util/grow.h"
#include "util/hindex.h"
#include "util/ini_reader.h"
#include "util/outfile.h"
#include "util/parse.h"

/* ---- reading: the raw entries of each section, with their lines ---- */

enum { SEC_SWEEP, SEC_SET, SEC_VARY, SEC_SAMEN, N_SEC };
static const char *const sec_names[N_SEC] = {"sweep", "set", "vary", "samen"};

typedef struct entry {
    char *name, *value;
    int line;
} entry;

typedef struct section {
    entry *e;
    int n;
    size_t cap;
    int line;              /* of its header; 0 when absent */
} section;

typedef struct reader {
    const char *path;
    int cur;               /* current section, -1 before the first */
    section sec[N_SEC];
} reader;

/* One section header or key from util/ini_reader.c. */
static int on_item(void *user, const samen_ini_item *it, samen_error *err)
{
    reader *r = user;
    if (!it->key) {
        for (int s = 0; s < N_SEC; s++)
            if (!strcmp(it->section, sec_names[s])) {
                if (it->first_line)
                    return samen_error_set(err, SAMEN_EINPUT, r->path, it->line, NULL,
                                           "section [%s] given twice (first on line %d)",
                                           sec_names[s], it->first_line);
                r->sec[s].line = it->line;
                r->cur = s;
                return SAMEN_OK;
            }
        if (!strcmp(it->section, "fit") || !strcmp(it->section, "prior"))
            return samen_error_set(err, SAMEN_EINPUT, r->path, it->line, NULL,
                                   "[%s] belongs to a fit file, not a sweep file: run it "
                                   "with samen fit", it->section);
        return samen_error_set(err, SAMEN_EINPUT, r->path, it->line, NULL,
                               "unknown section [%s]; a sweep file has [sweep], [set], "
                               "[vary] and (written by samen) [samen]", it->section);
    }
    if (r->cur < 0)
        return samen_error_set(err, SAMEN_EINPUT, r->path, it->line, it->key,
                               "key before any section; put it under [sweep] or [vary]");
    if (it->first_line)
        return samen_error_set(err, SAMEN_EINPUT, r->path, it->line, it->key,
                               "key given twice (first on line %d)", it->first_line);
    section *s = &r->sec[r->cur];
    entry *grown = samen_grow(s->e, (size_t)s->n, &s->cap, sizeof *grown, 8);
    if (!grown)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    s->e = grown;
    entry *e = &s->e[s->n];
    e->name = strdup(it->key);
    e->value = strdup(it->value);
    e->line = it->line;
    if (!e->name || !e->value) {
        free(e->name);
        free(e->value);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    s->n++;
    return SAMEN_OK;
}

static void reader_free(reader *r)
{
    for (int s = 0; s < N_SEC; s++) {
        for (int i = 0; i < r->sec[s].n; i++) {
            free(r->sec[s].e[i].name);
            free(r->sec[s].e[i].value);
        }
        free(r->sec[s].e);
    }
}

static int read_file(reader *r, const char *path, samen_error *err)
{
    memset(r, 0, sizeof *r);
    r->path = path;
    r->cur = -1;
    return samen_ini_read_file(path, "sweep file", on_item, r, err);
}

static const entry *find(const reader *r, int s, const char *name)
{
    for (int i = 0; i < r->sec[s].n; i++)
        if (!strcmp(r->sec[s].e[i].name, name))
            return &r->sec[s].e[i];
    return NULL;
}

/* Refuses keys of section s that are not in known[] (NULL-terminated),
 * naming the nearest one. */
static int check_known(const reader *r, int s, const char *const *known,
                       samen_error *err)
{
    for (int i = 0; i < r->sec[s].n; i++) {
        const entry *e = &r->sec[s].e[i];
        int found = 0;
        for (const char *const *k = known; *k && !found; k++)
            found = !strcmp(*k, e->name);
        if (!found)
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "unknown key in [%s]; did you mean '%s'?",
                                   sec_names[s], samen_nearest(e->name, known));
    }
    return SAMEN_OK;
}

/* ---- resolving ---- */

static int whole_value(const reader *r, const entry *e, double lo, double hi,
                       double *out, samen_error *err)
{
    char msg[256];
    double v;
    if (samen_parse_number(e->value, &v, msg, sizeof msg) != 0)
        return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                               "%s", msg);
    if (v != floor(v) || v < lo || v > hi)
        return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                               "'%s' must be a whole number from %.0f to %.0f",
                               e->value, lo, hi);
    *out = v;
    return SAMEN_OK;
}

/* The scenario path: relative to the sweep file's folder, then absolute so
 * that sweep.ini names it wherever it is read from. */
static char *scenario_path(const char *sweep_path, const char *value, int resolve)
{
    char *joined;
    const char *slash = strrchr(sweep_path, '/');
    if (value[0] == '/' || !slash) {
        joined = strdup(value);
    } else {
        size_t n = (size_t)(slash - sweep_path) + strlen(value) + 2;
        joined = malloc(n);
        if (joined)
            snprintf(joined, n, "%.*s/%s", (int)(slash - sweep_path), sweep_path, value);
    }
    if (!joined || !resolve)
        return joined;
    char *abs = realpath(joined, NULL);
    if (abs) {
        free(joined);
        return abs;
    }
    return joined; /* the loader will say what is wrong with it */
}

static int hash_file(uint64_t *h, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return -1;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        *h = samen_hash_bytes(*h, buf, n);
    int bad = ferror(fp);
    fclose(fp);
    return bad ? -1 : 0;
}

/* A digest of the resolved base scenario and its input files, so that
 * shards and resumed sweeps refuse a scenario that changed meanwhile. */
static int scenario_digest(const samen_scenario *sc, char out[17], samen_error *err)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    int rc = samen_scenario_print(sc, mem);
    if (fclose(mem) != 0 || rc != 0) {
        free(text);
        return samen_error_set(err, SAMEN_EIO, sc->path, 0, NULL,
                               "cannot print the resolved scenario");
    }
    uint64_t h = samen_hash_bytes(SAMEN_HASH_START, text, len);
    free(text);
    if (hash_file(&h, sc->orgs_path) != 0 || (sc->ties_path && hash_file(&h, sc->ties_path) != 0))
        return samen_error_set(err, SAMEN_EIO, sc->ties_path ? sc->ties_path : sc->orgs_path,
                               0, NULL, "cannot read the scenario's input files");
    snprintf(out, 17, "%016llx", (unsigned long long)h);
    return SAMEN_OK;
}

/* Checks one value of a [vary] key against the base scenario; errors name
 * the sweep file, the line and the key. */
static int check_value(const reader *r, const samen_scenario *sc,
                       const entry *e, const char *key, const char *value,
                       int *is_numeric, int *is_whole, samen_error *err)
{
    samen_error e2;
    samen_error_clear(&e2);
    if (samen_scenario_check_override(sc, key, value, is_numeric, is_whole, &e2) == SAMEN_OK)
        return SAMEN_OK;
    return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                           "value '%s': %s%s", value, e2.msg, strchr(value, ':')
                           ? " (a grid range is start:stop:step, three numbers)" : "");
}

static int in_list(const char *list, const char *name)
{
    char **items;
    size_t n;
    if (!list || samen_vary_split(list, &items, &n) != 0)
        return 0;
    int found = 0;
    for (size_t i = 0; i < n; i++)
        found |= !strcmp(items[i], name);
    samen_vary_free(items, n);
    return found;
}

/* One [vary] key: its values (grid) or its range (lhs, sobol). sc is NULL
 * for a trusted sweep.ini. */
static int resolve_key(const reader *r, samen_sweep *sw, const samen_scenario *sc,
                       const entry *e, const char *whole_list, samen_sweep_key *k,
                       samen_error *err)
{
    char buf[64];
    int numeric = 1;
    k->key = strdup(e->name);
    k->text = strdup(e->value);
    k->line = e->line;
    if (!k->key || !k->text)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    if (!strcmp(e->name, "simulation.seed"))
        return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                               "a sweep gives each run its own seed (MODEL.md "
                               "section 6); set [sweep] seed instead of varying it");
    if ((!strcmp(e->name, "output.detail") && sw->detail)
        || (!strcmp(e->name, "output.snapshot_every") && sw->snapshot_every))
        return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                               "also set in [sweep]; give it in one place");
    if (!sc)
        k->is_whole = in_list(whole_list, e->name);

    if (sw->design != SAMEN_DESIGN_GRID) {
        if (!samen_parse_minmax(e->value, &k->min, &k->max))
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "'%s': design = %s takes a range min..max, "
                                   "e.g. 0.1..0.9", e->value,
                                   samen_design_names[sw->design]);
        if (k->min > k->max)
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "'%s': min is larger than max", e->value);
        if (sc) {
            snprintf(buf, sizeof buf, "%.17g", k->min);
            int rc = check_value(r, sc, e, e->name, buf, &numeric, &k->is_whole, err);
            if (rc == SAMEN_OK && numeric) {
                snprintf(buf, sizeof buf, "%.17g", k->max);
                rc = check_value(r, sc, e, e->name, buf, &numeric, &k->is_whole, err);
            }
            if (rc == SAMEN_OK && !numeric)
                return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                       "takes no plain number, so it cannot be "
                                       "sampled from a range; use design = grid with a list");
            if (rc)
                return rc;
        }
        return SAMEN_OK;
    }

    if (samen_parse_range(e->value, &k->start, &k->stop, &k->step)) {
        long n = samen_range_count(k->start, k->stop, k->step);
        if (n < 1)
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "'%s': start:stop:step needs a step that is "
                                   "not 0 and leads from start to stop", e->value);
        /* Before each value is checked: a range of a billion would take
         * hours to check and could never run. */
        if ((unsigned long)n > SAMEN_SWEEP_MAX_RUNS)
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "'%s' gives %ld values; the grid has more than "
                                   "%lu points", e->value, n, SAMEN_SWEEP_MAX_RUNS);
        k->is_range = 1;
        k->n_values = (size_t)n;
        if (sc)
            for (long i = 0; i < n; i++) {
                snprintf(buf, sizeof buf, "%.15g", samen_range_value(k->start, k->step, i));
                int rc = check_value(r, sc, e, e->name, buf, &numeric, &k->is_whole, err);
                if (rc)
                    return rc;
                if (!numeric)
                    return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                           "'%s' is a range start:stop:step, but the key "
                                           "takes no plain number; quote it (\"%s\") to "
                                           "give it as one value", e->value, e->value);
            }
        return SAMEN_OK;
    }
    int rc = samen_vary_split(e->value, &k->values, &k->n_values);
    if (rc == -1)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    if (rc == -2)
        return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                               "'%s': unbalanced parentheses or quotes", e->value);
    for (size_t i = 0; i < k->n_values; i++) {
        if (!k->values[i][0])
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "'%s': an empty value in the list (a start:stop:step "
                                   "range or values separated by commas)", e->value);
        if (sc && (rc = check_value(r, sc, e, e->name, k->values[i], &numeric, &k->is_whole, err)))
            return rc;
    }
    return SAMEN_OK;
}

/* The unit-scale points of a design made for analysis. */
static int unit_design(const samen_sweep *sw, double *unit)
{
    if (sw->design == SAMEN_DESIGN_SALTELLI)
        return samen_design_saltelli((size_t)sw->samples, sw->n_keys, unit);
    return samen_design_morris(sw->seed, (size_t)sw->trajectories, sw->n_keys,
                               sw->levels, unit);
}

static int build_design(const reader *r, samen_sweep *sw, samen_error *err)
{
    int nk = sw->n_keys;
    size_t n = sw->n_points;
    int analysed = sw->design == SAMEN_DESIGN_SALTELLI || sw->design == SAMEN_DESIGN_MORRIS;
    double *min = malloc((size_t)(nk ? nk : 1) * sizeof *min);
    double *max = malloc((size_t)(nk ? nk : 1) * sizeof *max);
    sw->matrix = malloc(n * (size_t)nk * sizeof *sw->matrix);
    if (analysed)
        sw->unit = malloc(n * (size_t)nk * sizeof *sw->unit);
    if (!min || !max || !sw->matrix || (analysed && !sw->unit)) {
        free(min);
        free(max);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    for (int j = 0; j < nk; j++) {
        min[j] = sw->keys[j].min;
        max[j] = sw->keys[j].max;
    }
    int rc;
    if (analysed) {
        /* The unit points stay: samen analyse reads the steps of Morris'
         * trajectories from them. */
        rc = unit_design(sw, sw->unit);
        if (rc == 0)
            samen_design_scale(n, nk, sw->unit, min, max, sw->matrix);
    } else if (sw->design == SAMEN_DESIGN_LHS) {
        rc = samen_design_lhs(sw->seed, n, nk, min, max, sw->matrix);
    } else {
        rc = samen_design_sobol(n, nk, min, max, sw->matrix);
    }
    free(min);
    free(max);
    if (rc == -2) /* the key counts were checked before: sobol's */
        return samen_error_set(err, SAMEN_EINPUT, r->path, r->sec[SEC_VARY].line, NULL,
                               "design = sobol takes at most %d keys in [vary]",
                               SAMEN_SOBOL_MAX_KEYS);
    if (rc)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    for (size_t i = 0; i < n; i++)
        for (int j = 0; j < nk; j++)
            if (sw->keys[j].is_whole) {
                double *v = &sw->matrix[i * (size_t)nk + (size_t)j];
                *v = round(*v) + 0.0; /* + 0.0 folds -0 */
            }
    return SAMEN_OK;
}

/* The points of a design other than a grid: their number (checked against
 * the limits) and their values. */
static int design_points(const reader *r, samen_sweep *sw, samen_error *err)
{
    const char *name = samen_design_names[sw->design];
    if (sw->n_keys == 0)
        return samen_error_set(err, SAMEN_EINPUT, r->path, find(r, SEC_SWEEP, "design")->line,
                               "design", "design = %s needs at least one key in "
                               "[vary]", name);
    if (sw->design == SAMEN_DESIGN_POINTS)
        return samen_design_points_read(sw, err);
    size_t per = 1, rows = (size_t)sw->samples;
    if (sw->design == SAMEN_DESIGN_SALTELLI) {
        if (sw->n_keys > SAMEN_SALTELLI_MAX_KEYS) {
            const samen_sweep_key *k = &sw->keys[SAMEN_SALTELLI_MAX_KEYS];
            return samen_error_set(err, SAMEN_EINPUT, r->path, k->line, k->key,
                                   "design = saltelli takes at most %d keys in [vary] "
                                   "(GSL's Sobol sequence has 40 dimensions, two per "
                                   "key); this is key %d: use design = morris to "
                                   "screen more keys", SAMEN_SALTELLI_MAX_KEYS,
                                   SAMEN_SALTELLI_MAX_KEYS + 1);
        }
        per = (size_t)sw->n_keys + 2;
    } else if (sw->design == SAMEN_DESIGN_MORRIS) {
        per = (size_t)sw->n_keys + 1;
        rows = (size_t)sw->trajectories;
    }
    if (rows > SAMEN_SWEEP_MAX_RUNS / per) {
        const entry *e = find(r, SEC_SWEEP, sw->design == SAMEN_DESIGN_MORRIS
                                                ? "trajectories" : "samples");
        return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                               "design = %s would have more than %lu points", name,
                               SAMEN_SWEEP_MAX_RUNS);
    }
    sw->n_points = rows * per;
    return build_design(r, sw, err);
}

/* design, samples, trajectories and levels: which keys each design takes. */
static int resolve_design(const reader *r, samen_sweep *sw, samen_error *err)
{
    const entry *e, *d = find(r, SEC_SWEEP, "design");
    double v;
    int rc;
    sw->design = SAMEN_DESIGN_GRID;
    if (d) {
        int found = 0;
        for (int i = 0; i < SAMEN_DESIGN_COUNT && !found; i++)
            if (!strcmp(d->value, samen_design_names[i])) {
                sw->design = (samen_design)i;
                found = 1;
            }
        if (!found)
            return samen_error_set(err, SAMEN_EINPUT, r->path, d->line, d->name,
                                   "unknown design '%s'; use grid, lhs, sobol, saltelli, "
                                   "morris or points", d->value);
    }
    const char *name = samen_design_names[sw->design];
    int morris = sw->design == SAMEN_DESIGN_MORRIS;
    int listed = sw->design == SAMEN_DESIGN_POINTS;
    if ((e = find(r, SEC_SWEEP, "points")) && !listed)
        return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                               "points is for design = points, not %s", name);
    if (listed) {
        if (!e || !e->value[0])
            return samen_error_set(err, SAMEN_EINPUT, r->path, d->line, "points",
                                   "missing: design = points needs points = FILE.csv "
                                   "(point, then each [vary] key)");
        if ((e = find(r, SEC_SWEEP, "samples")))
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "design = points has one point per row of its points "
                                   "file; samples is for design = lhs, sobol or saltelli");
        if (!(sw->points = scenario_path(r->path, find(r, SEC_SWEEP, "points")->value, 1)))
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    if ((e = find(r, SEC_SWEEP, "samples"))) {
        if (sw->design == SAMEN_DESIGN_GRID)
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "a grid takes every combination of its values; "
                                   "samples is for design = lhs, sobol or saltelli");
        if (morris)
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "design = morris takes trajectories = r (and levels "
                                   "= p), not samples");
        if ((rc = whole_value(r, e, 1, (double)SAMEN_SWEEP_MAX_RUNS, &v, err)))
            return rc;
        sw->samples = (long)v;
    } else if (sw->design != SAMEN_DESIGN_GRID && !morris && !listed) {
        return samen_error_set(err, SAMEN_EINPUT, r->path, d->line, "samples",
                               "missing: design = %s needs samples = N (%s)", name,
                               sw->design == SAMEN_DESIGN_SALTELLI
                                   ? "the base rows; the sweep has N(k+2) points"
                                   : "the number of points");
    }
    static const char *const morris_keys[] = {"trajectories", "levels"};
    for (int i = 0; i < 2; i++)
        if (!morris && (e = find(r, SEC_SWEEP, morris_keys[i])))
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "%s is for design = morris, not %s", e->name, name);
    if (!morris)
        return SAMEN_OK;
    if (!(e = find(r, SEC_SWEEP, "trajectories")))
        return samen_error_set(err, SAMEN_EINPUT, r->path, d->line, "trajectories",
                               "missing: design = morris needs trajectories = r (the "
                               "sweep has r(k+1) points)");
    /* sigma, the spread of the elementary effects, needs two. */
    if ((rc = whole_value(r, e, 2, (double)SAMEN_SWEEP_MAX_RUNS, &v, err)))
        return rc;
    sw->trajectories = (long)v;
    sw->levels = 4;
    if ((e = find(r, SEC_SWEEP, "levels"))) {
        if ((rc = whole_value(r, e, 2, 1000, &v, err)))
            return rc;
        if ((long)v % 2)
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "'%s' must be even (Morris 1991): with p levels the "
                                   "step p/(2(p-1)) takes each of the lower p/2 levels "
                                   "to one of the upper", e->value);
        sw->levels = (int)v;
    }
    return SAMEN_OK;
}

static const char *const sweep_keys[] = {"scenario", "replicates", "design",
    "samples", "trajectories", "levels", "points", "seed", "seeds", "detail", "snapshot_every", "tables", "every", NULL};

/* The detail bits a [output] detail text asks for (a valid one). */
static unsigned detail_tables(const char *text)
{
    unsigned t = 0;
    if (strstr(text, "orgs") || strstr(text, "both"))
        t |= 1u << SAMEN_OUT_ORGS;
    if (strstr(text, "persons") || strstr(text, "both"))
        t |= 1u << SAMEN_OUT_PERSONS;
    if (strstr(text, "graph"))
        t |= 1u << SAMEN_OUT_GRAPH;
    if (strstr(text, "field"))
        t |= 1u << SAMEN_OUT_FIELD;
    return t;
}

/* tables = a list of the per-step tables to keep. */
static int parse_tables(const reader *r, const entry *e, unsigned *tables, samen_error *err)
{
    char **items;
    size_t n;
    if (samen_vary_split(e->value, &items, &n) != 0)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    int rc = SAMEN_OK;
    *tables = 0;
    if (n == 0)
        rc = samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                             "empty: name the tables to keep, e.g. network, events, ties");
    for (size_t i = 0; rc == SAMEN_OK && i < n; i++) {
        int found = -1;
        samen_near near;
        samen_near_start(&near, items[i]);
        for (int p = 0; p < SAMEN_OUT_COUNT && found < 0; p++)
            if (samen_near_offer(&near, samen_part_name(p)))
                found = p;
        if (found < 0)
            rc = samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                 "unknown table '%s' (did you mean '%s'?); the tables are "
                                 "network, events, ties, orgs, persons and graph", items[i],
                                 near.best);
        else if (*tables & (1u << found))
            rc = samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                 "table '%s' is listed twice", items[i]);
        else
            *tables |= 1u << found;
    }
    samen_vary_free(items, n);
    return rc;
}

/* [set]: fixed overrides for every run, each a key --set takes. */
static int resolve_set(const reader *r, samen_sweep *sw, const samen_scenario *sc,
                       samen_error *err)
{
    const section *set = &r->sec[SEC_SET];
    if (set->n > 0 && !(sw->set = calloc((size_t)set->n, sizeof *sw->set)))
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    for (int i = 0; i < set->n; i++) {
        const entry *e = &set->e[i];
        samen_sweep_set *s = &sw->set[sw->n_set++];
        s->line = e->line;
        if (!(s->key = strdup(e->name)) || !(s->value = strdup(e->value)))
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        if (!strcmp(e->name, "simulation.seed"))
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "a sweep gives each run its own seed (MODEL.md "
                                   "section 6); set [sweep] seed instead");
        if ((!strcmp(e->name, "output.detail") && find(r, SEC_SWEEP, "detail"))
            || (!strcmp(e->name, "output.snapshot_every") && find(r, SEC_SWEEP, "snapshot_every")))
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "also set in [sweep]; give it in one place");
        const entry *v = find(r, SEC_VARY, e->name);
        if (v)
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "both set here and varied in [vary] (line %d); a key "
                                   "is fixed or varied, not both", v->line);
        if (sc) {
            int rc = check_value(r, sc, e, e->name, e->value, NULL, NULL, err);
            if (rc)
                return rc;
        }
    }
    return SAMEN_OK;
}

/* The tables the runs keep: as given, or network, events and ties with
 * orgs, persons and graph where the runs' detail asks for them. */
static int resolve_tables(const reader *r, samen_sweep *sw, const samen_scenario *sc,
                          samen_error *err)
{
    const entry *e = find(r, SEC_SWEEP, "tables");
    unsigned detail = 0;
    const entry *vd = find(r, SEC_VARY, "output.detail");
    const entry *sd = find(r, SEC_SET, "output.detail");
    if (vd)
        detail = 1u << SAMEN_OUT_ORGS | 1u << SAMEN_OUT_PERSONS | 1u << SAMEN_OUT_GRAPH
                 | 1u << SAMEN_OUT_FIELD;
    else if (sw->detail)
        detail = detail_tables(sw->detail);
    else if (sd)
        detail = detail_tables(sd->value);
    else if (sc)
        detail = (sc->detail & SAMEN_DETAIL_ORGS ? 1u << SAMEN_OUT_ORGS : 0)
                 | (sc->detail & SAMEN_DETAIL_PERSONS ? 1u << SAMEN_OUT_PERSONS : 0)
                 | (sc->detail & SAMEN_DETAIL_GRAPH ? 1u << SAMEN_OUT_GRAPH : 0)
                 | (sc->detail & SAMEN_DETAIL_FIELD ? 1u << SAMEN_OUT_FIELD : 0);
    if (!e) {
        sw->tables = 1u << SAMEN_OUT_NETWORK | 1u << SAMEN_OUT_EVENTS | 1u << SAMEN_OUT_TIES
                     | detail;
        return SAMEN_OK;
    }
    sw->tables_given = 1;
    int rc = parse_tables(r, e, &sw->tables, err);
    if (rc)
        return rc;
    /* A trusted sweep.ini lists what its runs write. */
    static const int detail_parts[] = {SAMEN_OUT_ORGS, SAMEN_OUT_PERSONS, SAMEN_OUT_GRAPH,
                                       SAMEN_OUT_FIELD};
    int n_parts = (int)(sizeof detail_parts / sizeof detail_parts[0]);
    unsigned need = 0;
    for (int i = 0; i < n_parts; i++)
        need |= 1u << detail_parts[i];
    unsigned missing = sc ? sw->tables & ~detail & need : 0;
    if (missing) {
        /* the detail that would keep every table listed */
        char want[64] = "";
        const char *first = NULL;
        for (int i = 0; i < n_parts; i++) {
            unsigned bit = 1u << detail_parts[i];
            if (!((missing | (sw->tables & detail)) & bit))
                continue;
            if (!first && (missing & bit))
                first = samen_part_name(detail_parts[i]);
            snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s",
                     want[0] ? ", " : "", samen_part_name(detail_parts[i]));
        }
        return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                               "table '%s' needs its detail: add detail = %s to [sweep]",
                               first, want);
    }
    return SAMEN_OK;
}
static const char *const samen_keys[] = {"version", "scenario_digest", "whole", NULL};

static int resolve(const reader *r, samen_sweep *sw, int flags, samen_error *err)
{
    int rc;
    const entry *e;
    double v;
    if (!r->sec[SEC_SWEEP].line)
        return samen_error_set(err, SAMEN_EINPUT, r->path, 0, NULL,
                               "no [sweep] section: a sweep file names its "
                               "scenario there (scenario = FILE.ini)");
    if ((rc = check_known(r, SEC_SWEEP, sweep_keys, err))
        || (rc = check_known(r, SEC_SAMEN, samen_keys, err)))
        return rc;

    if (!(e = find(r, SEC_SWEEP, "scenario")) || !e->value[0])
        return samen_error_set(err, SAMEN_EINPUT, r->path, e ? e->line : r->sec[SEC_SWEEP].line,
                               "scenario", "missing: name the base scenario, "
                               "e.g. scenario = molenbeek.ini");
    if (!(sw->scenario = scenario_path(r->path, e->value, !(flags & SAMEN_SWEEP_TRUSTED))))
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");

    sw->replicates = 1;
    if ((e = find(r, SEC_SWEEP, "replicates"))) {
        if ((rc = whole_value(r, e, 1, 1e9, &v, err)))
            return rc;
        sw->replicates = (long)v;
    }
    if ((rc = resolve_design(r, sw, err)))
        return rc;
    sw->seed = 1;
    if ((e = find(r, SEC_SWEEP, "seed"))) {
        if ((rc = whole_value(r, e, 1, 4294967295.0, &v, err)))
            return rc;
        sw->seed = (uint32_t)v;
    }
    if ((e = find(r, SEC_SWEEP, "seeds"))) {
        if (!strcmp(e->value, "common"))
            sw->seeds_common = 1;
        else if (strcmp(e->value, "per-run"))
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "unknown value '%s'; use per-run or common", e->value);
    }
    sw->every = 1;
    if ((e = find(r, SEC_SWEEP, "every"))) {
        if ((rc = whole_value(r, e, 1, 1e9, &v, err)))
            return rc;
        sw->every = (long)v;
    }
    if (((e = find(r, SEC_SWEEP, "detail")) && !(sw->detail = strdup(e->value)))
        || ((e = find(r, SEC_SWEEP, "snapshot_every")) && !(sw->snapshot_every = strdup(e->value))))
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");

    samen_scenario *sc = NULL;
    if (!(flags & SAMEN_SWEEP_TRUSTED)) {
        if (access(sw->scenario, R_OK) != 0) {
            e = find(r, SEC_SWEEP, "scenario");
            return samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                   "cannot read the scenario %s: %s (a relative path "
                                   "is taken from the sweep file's folder)", sw->scenario,
                                   strerror(errno));
        }
        if ((rc = samen_scenario_load(&sc, sw->scenario, NULL, 0, err)))
            return rc;
        if ((e = find(r, SEC_SWEEP, "detail")))
            rc = check_value(r, sc, e, "output.detail", e->value, NULL, NULL, err);
        if (!rc && (e = find(r, SEC_SWEEP, "snapshot_every")))
            rc = check_value(r, sc, e, "output.snapshot_every", e->value, NULL, NULL, err);
        if (!rc)
            rc = scenario_digest(sc, sw->digest, err);
        if (!rc && (e = find(r, SEC_SAMEN, "scenario_digest")) && strcmp(e->value, sw->digest))
            rc = samen_error_set(err, SAMEN_EINPUT, r->path, e->line, e->name,
                                 "the scenario %s or its input files changed since "
                                 "this sweep.ini was written", sw->scenario);
    } else if ((e = find(r, SEC_SAMEN, "scenario_digest"))) {
        snprintf(sw->digest, sizeof sw->digest, "%s", e->value);
    }

    if (!rc)
        rc = resolve_set(r, sw, sc, err);
    if (!rc)
        rc = resolve_tables(r, sw, sc, err);
    const section *vary = &r->sec[SEC_VARY];
    if (!rc && vary->n > 0 && !(sw->keys = calloc((size_t)vary->n, sizeof *sw->keys)))
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    const entry *whole = find(r, SEC_SAMEN, "whole");
    for (int i = 0; !rc && i < vary->n; i++) {
        sw->n_keys++;
        rc = resolve_key(r, sw, sc, &vary->e[i], whole ? whole->value : NULL,
                         &sw->keys[i], err);
    }
    samen_scenario_free(sc);
    if (rc)
        return rc;

    if (sw->design == SAMEN_DESIGN_GRID) {
        sw->n_points = 1;
        for (int i = 0; i < sw->n_keys; i++) {
            if (sw->keys[i].n_values > SAMEN_SWEEP_MAX_RUNS / sw->n_points)
                return samen_error_set(err, SAMEN_EINPUT, r->path, sw->keys[i].line,
                                       sw->keys[i].key, "the grid has more than %lu "
                                       "points", SAMEN_SWEEP_MAX_RUNS);
            sw->n_points *= sw->keys[i].n_values;
        }
    } else if ((rc = design_points(r, sw, err))) {
        return rc;
    }
    if ((size_t)sw->replicates > SAMEN_SWEEP_MAX_RUNS / sw->n_points)
        return samen_error_set(err, SAMEN_EINPUT, r->path, r->sec[SEC_SWEEP].line,
                               "replicates", "the sweep has more than %lu runs",
                               SAMEN_SWEEP_MAX_RUNS);
    sw->n_runs = sw->n_points * (size_t)sw->replicates;
    size_t n_seeds = sw->seeds_common ? (size_t)sw->replicates : sw->n_runs;
    if (!(sw->seeds = malloc(n_seeds * sizeof *sw->seeds))
        || samen_sweep_seeds(sw->seed, n_seeds, sw->seeds) != 0)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    return SAMEN_OK;
}

int samen_sweep_load(samen_sweep **out, const char *path, int flags,
                     samen_error *err)
{
    *out = NULL;
    reader r;
    int rc = read_file(&r, path, err);
    samen_sweep *sw = calloc(1, sizeof *sw);
    if (!rc && (!sw || !(sw->path = strdup(path))))
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    if (!rc)
        rc = resolve(&r, sw, flags, err);
    reader_free(&r);
    if (rc) {
        samen_sweep_free(sw);
        return rc;
    }
    *out = sw;
    return SAMEN_OK;
}

void samen_sweep_free(samen_sweep *sw)
{
    if (!sw)
        return;
    for (int i = 0; i < sw->n_keys; i++) {
        free(sw->keys[i].key);
        free(sw->keys[i].text);
        if (sw->keys[i].values)
            samen_vary_free(sw->keys[i].values, sw->keys[i].n_values);
    }
    free(sw->keys);
    for (int i = 0; i < sw->n_set; i++) {
        free(sw->set[i].key);
        free(sw->set[i].value);
    }
    free(sw->set);
    free(sw->path);
    free(sw->scenario);
    free(sw->detail);
    free(sw->snapshot_every);
    free(sw->matrix);
    free(sw->unit);
    free(sw->points);
    free(sw->seeds);
    free(sw);
}

/* ---- points, values and overrides ---- */

uint32_t samen_sweep_seed_of(const samen_sweep *sw, size_t run)
{
    return sw->seeds[sw->seeds_common ? samen_sweep_replicate_of(sw, run) : run];
}

const char *samen_sweep_value(const samen_sweep *sw, size_t point, int k,
                              char *buf)
{
    const samen_sweep_key *key = &sw->keys[k];
    if (sw->design != SAMEN_DESIGN_GRID) {
        double v = sw->matrix[point * (size_t)sw->n_keys + (size_t)k];
        return samen_num_value(v, key->is_whole ? SAMEN_NUM_WHOLE : SAMEN_NUM_DESIGN, buf,
                               SAMEN_VALUE_MAX);
    }
    /* Mixed radix, the first key varying slowest. */
    size_t idx = point;
    for (int j = sw->n_keys - 1; j > k; j--)
        idx /= sw->keys[j].n_values;
    idx %= key->n_values;
    if (!key->is_range)
        return key->values[idx];
    return samen_num_value(samen_range_value(key->start, key->step, (long)idx),
                           SAMEN_NUM_RANGE, buf, SAMEN_VALUE_MAX);
}

void samen_sweep_csv_value(FILE *fp, const char *value)
{
    double v;
    char msg[128];
    if (samen_parse_number(value, &v, msg, sizeof msg) != 0) {
        samen_csv_text(fp, value);
    } else {
        char buf[32];
        fwrite(buf, 1, samen_fmt_value(buf, v), fp);
    }
}

void samen_sweep_overrides_free(char **items, int n)
{
    for (int i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

static char *kv(const char *key, const char *value)
{
    size_t n = strlen(key) + strlen(value) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s=%s", key, value);
    return s;
}

int samen_sweep_overrides(const samen_sweep *sw, size_t run, char ***out)
{
    char **items = calloc((size_t)sw->n_keys + (size_t)sw->n_set + 3, sizeof *items);
    int n = 0, ok = items != NULL;
    char buf[SAMEN_VALUE_MAX];
    if (ok && sw->detail)
        ok = (items[n++] = kv("output.detail", sw->detail)) != NULL;
    if (ok && sw->snapshot_every)
        ok = (items[n++] = kv("output.snapshot_every", sw->snapshot_every)) != NULL;
    for (int i = 0; ok && i < sw->n_set; i++)
        ok = (items[n++] = kv(sw->set[i].key, sw->set[i].value)) != NULL;
    size_t point = samen_sweep_point_of(sw, run);
    for (int k = 0; ok && k < sw->n_keys; k++)
        ok = (items[n++] = kv(sw->keys[k].key, samen_sweep_value(sw, point, k, buf))) != NULL;
    if (ok) {
        snprintf(buf, sizeof buf, "%lu", (unsigned long)samen_sweep_seed_of(sw, run));
        ok = (items[n++] = kv("simulation.seed", buf)) != NULL;
    }
    if (!ok) {
        if (items)
            samen_sweep_overrides_free(items, n);
        return -1;
    }
    *out = items;
    return n;
}

/* Loads the scenario with the overrides of point p; keeps it in *keep
 * (if not NULL) when it loads. Errors name the point by its values. */
static int load_point(const samen_sweep *sw, size_t p, samen_scenario **keep,
                      samen_error *err)
{
    char **ov;
    int n = samen_sweep_overrides(sw, p * (size_t)sw->replicates, &ov);
    if (n < 0)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    samen_scenario *sc = NULL;
    samen_error e2;
    samen_error_clear(&e2);
    int rc = samen_scenario_load(&sc, sw->scenario, (const char *const *)ov, n, &e2);
    if (rc == SAMEN_OK && keep)
        *keep = sc;
    else
        samen_scenario_free(sc);
    if (rc) {
        /* Name the point by its values: that is what the user can change. */
        char vals[512] = "";
        size_t used = 0;
        for (int k = 0; k < sw->n_keys && used < sizeof vals; k++) {
            int w = snprintf(vals + used, sizeof vals - used, "%s%s", k ? ", " : "",
                             ov[k + sw->n_set + (sw->detail != NULL)
                                + (sw->snapshot_every != NULL)]);
            used += w > 0 ? (size_t)w : 0;
        }
        /* The line of the varied key if the rule names one; else where
         * the scenario check found it (another key, an input file). */
        const char *file = sw->path;
        int line = 0;
        for (int k = 0; k < sw->n_keys; k++)
            if (!strcmp(sw->keys[k].key, e2.key))
                line = sw->keys[k].line;
        for (int k = 0; k < sw->n_set; k++)
            if (!strcmp(sw->set[k].key, e2.key))
                line = sw->set[k].line;
        if (!line && e2.file[0] && strcmp(e2.file, "--set")) {
            file = e2.file;
            line = e2.line;
        }
        samen_error_set(err, rc, file, line, e2.key[0] ? e2.key : NULL,
                        "point %zu (%s): %s", p, vals, e2.msg);
    }
    samen_sweep_overrides_free(ov, n);
    return rc;
}

int samen_sweep_check_points(const samen_sweep *sw, samen_error *err)
{
    int cross = 0;
    for (int k = 0; k < sw->n_keys; k++)
        cross |= samen_scenario_key_joint(sw->keys[k].key);
    if (cross) {
        for (size_t p = 0; p < sw->n_points; p++) {
            int rc = load_point(sw, p, NULL, err);
            if (rc)
                return rc;
        }
        return SAMEN_OK;
    }
    /* No rule joins the varied keys: the first point loaded whole, then
     * each distinct value of each key on its own (a grid of 100,000 points
     * is checked in a moment, not in 15 s). */
    samen_scenario *sc = NULL;
    int rc = load_point(sw, 0, &sc, err);
    size_t stride = 1;
    for (int k = sw->n_keys - 1; k >= 0 && rc == SAMEN_OK; k--) {
        int grid = sw->design == SAMEN_DESIGN_GRID;
        size_t n = grid ? sw->keys[k].n_values : sw->n_points;
        for (size_t j = 0; j < n && rc == SAMEN_OK; j++) {
            /* A grid point where key k has its value j. */
            size_t p = grid ? j * stride : j;
            char buf[SAMEN_VALUE_MAX];
            const char *value = samen_sweep_value(sw, p, k, buf);
            samen_error e2;
            samen_error_clear(&e2);
            if (samen_scenario_check_override(sc, sw->keys[k].key, value, NULL, NULL,
                                              &e2) == SAMEN_OK)
                continue;
            /* The whole load words the error as for any point. */
            rc = load_point(sw, p, NULL, err);
            if (rc == SAMEN_OK)
                rc = samen_error_set(err, e2.code, sw->path, sw->keys[k].line,
                                     sw->keys[k].key, "point %zu: %s", p, e2.msg);
        }
        stride *= grid ? sw->keys[k].n_values : 1;
    }
    samen_scenario_free(sc);
    return rc;
}

/* ---- sweep.ini and design.csv ---- */

/* Lines of sweep.ini are wrapped at the width they always had (199), so
 * that it stays readable and its bytes do not change, though the reader
 * takes far longer lines (SAMEN_INI_MAX_LINE). */
#define SWEEP_INI_WIDTH 199

/* One "key = value" line, or the items of a list on continuation lines
 * when the line would be longer than SWEEP_INI_WIDTH. */
static int write_kv(FILE *fp, const char *key, const char *value, samen_error *err)
{
    if (strlen(key) + strlen(value) + 3 <= SWEEP_INI_WIDTH - 1) {
        fprintf(fp, "%s = %s\n", key, value);
        return 0;
    }
    char **items;
    size_t n;
    if (samen_vary_split(value, &items, &n) != 0)
        n = 0, items = NULL;
    int ok = n > 1 && strlen(key) + 3 + strlen(items[0]) <= SWEEP_INI_WIDTH - 1;
    for (size_t i = 1; ok && i < n; i++)
        ok = strlen(items[i]) + 4 <= SWEEP_INI_WIDTH - 1;
    if (ok) {
        /* Items lose enclosing quotes in the split; the raw value keeps
         * them, so cut the raw text at the same top-level commas. */
        fprintf(fp, "%s =", key);
        int depth = 0, quoted = 0;
        const char *begin = value;
        for (const char *p = value;; p++) {
            if (*p == '"')
                quoted = !quoted;
            else if (!quoted && *p == '(')
                depth++;
            else if (!quoted && *p == ')')
                depth--;
            else if (*p == '\0' || (*p == ',' && !quoted && depth == 0)) {
                while (*begin == ' ')
                    begin++;
                fprintf(fp, "%s%.*s\n", begin == value ? " " : "    ",
                        (int)(p - begin), begin);
                if (!*p)
                    break;
                begin = p + 1;
            }
        }
    }
    samen_vary_free(items, n);
    if (ok)
        return 0;
    /* No list to wrap: one long line, which the reader takes whole. */
    if (strlen(key) + strlen(value) + 3 > SAMEN_INI_MAX_LINE)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, key,
                               "value too long for one line of sweep.ini (%d "
                               "bytes at most)", SAMEN_INI_MAX_LINE);
    fprintf(fp, "%s = %s\n", key, value);
    return 0;
}

int samen_sweep_write_resolved(const samen_sweep *sw, FILE *fp, samen_error *err)
{
    fputs("; The sweep as resolved by samen; another sweep is refused in this folder.\n"
          "[sweep]\n", fp);
    if (write_kv(fp, "scenario", sw->scenario, err))
        return -1;
    fprintf(fp, "design = %s\nreplicates = %ld\n", samen_design_names[sw->design],
            sw->replicates);
    if (sw->samples > 0)
        fprintf(fp, "samples = %ld\n", sw->samples);
    if (sw->design == SAMEN_DESIGN_MORRIS)
        fprintf(fp, "trajectories = %ld\nlevels = %d\n", sw->trajectories, sw->levels);
    if (sw->points && write_kv(fp, "points", sw->points, err))
        return -1;
    fprintf(fp, "seed = %lu\nseeds = %s\n", (unsigned long)sw->seed,
            sw->seeds_common ? "common" : "per-run");
    if (sw->detail)
        fprintf(fp, "detail = %s\n", sw->detail);
    if (sw->snapshot_every)
        fprintf(fp, "snapshot_every = %s\n", sw->snapshot_every);
    fputs("tables = ", fp);
    for (int p = 0, first = 1; p < SAMEN_OUT_COUNT; p++)
        if (sw->tables & (1u << p)) {
            fprintf(fp, "%s%s", first ? "" : ", ", samen_part_name(p));
            first = 0;
        }
    fprintf(fp, "\nevery = %ld\n", sw->every);
    if (sw->n_set > 0)
        fputs("\n[set]\n", fp);
    for (int i = 0; i < sw->n_set; i++)
        if (write_kv(fp, sw->set[i].key, sw->set[i].value, err))
            return -1;
    fputs("\n[vary]\n", fp);
    size_t wlen = 1;
    for (int k = 0; k < sw->n_keys; k++) {
        if (write_kv(fp, sw->keys[k].key, sw->keys[k].text, err))
            return -1;
        wlen += strlen(sw->keys[k].key) + 2;
    }
    fprintf(fp, "\n[samen]\nversion = %s\nscenario_digest = %s\n", SAMEN_VERSION,
            sw->digest);
    char *whole = calloc(wlen, 1);
    if (!whole) {
        samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        return -1;
    }
    for (int k = 0; k < sw->n_keys; k++)
        if (sw->keys[k].is_whole) {
            if (whole[0])
                strcat(whole, ", ");
            strcat(whole, sw->keys[k].key);
        }
    int rc = whole[0] ? write_kv(fp, "whole", whole, err) : 0;
    free(whole);
    fprintf(fp, "; %zu points x %ld replicates = %zu runs\n", sw->n_points,
            sw->replicates, sw->n_runs);
    return rc ? -1 : 0;
}

int samen_sweep_write_design(const samen_sweep *sw, const char *dir,
                             samen_error *err)
{
    samen_outfile f;
    int rc = samen_outfile_open(&f, dir, "design.csv", err);
    if (rc)
        return rc;
    fputs("point", f.fp);
    for (int k = 0; k < sw->n_keys; k++) {
        fputc(',', f.fp);
        samen_csv_text(f.fp, sw->keys[k].key);
    }
    fputc('\n', f.fp);
    char buf[SAMEN_VALUE_MAX];
    for (size_t p = 0; p < sw->n_points; p++) {
        fprintf(f.fp, "%zu", p);
        for (int k = 0; k < sw->n_keys; k++) {
            fputc(',', f.fp);
            samen_sweep_csv_value(f.fp, samen_sweep_value(sw, p, k, buf));
        }
        fputc('\n', f.fp);
    }
    return samen_outfile_commit(&f, err);
}
