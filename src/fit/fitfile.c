/* fitfile.c: the fit file (fitfile.h): read with util/ini_reader.c into
 * its sections, then validated against the base scenario, with every
 * error naming the file, the line and the key. */
#include "fit/fitfile.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "samen/samen.h"
#include "scenario/scenario_tools.h"
#include "util/grow.h"
#include "util/ini_reader.h"
#include "util/parse.h"

/* The raw file: each section's keys with their lines. */
typedef struct kv_list {
    samen_fit_kv *kv;
    int n;
    size_t cap;
    int line;                /* of the header; 0 when absent */
} kv_list;

typedef struct raw_target {
    char *name;
    kv_list keys;
} raw_target;

enum { SEC_FIT, SEC_SET, SEC_PRIOR, SEC_TARGET };

typedef struct raw {
    const char *path;
    int cur;                 /* SEC_*, or -1 before the first header */
    kv_list sec[3];          /* [fit], [set], [prior] */
    raw_target *targets;
    int n_targets;
    size_t cap_targets;
} raw;

static int add_kv(kv_list *l, const samen_ini_item *it, samen_error *err)
{
    samen_fit_kv *g = samen_grow(l->kv, (size_t)l->n, &l->cap, sizeof *g, 8);
    if (!g)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    l->kv = g;
    samen_fit_kv *kv = &l->kv[l->n];
    kv->key = strdup(it->key);
    kv->value = strdup(it->value);
    kv->line = it->line;
    if (!kv->key || !kv->value) {
        free(kv->key);
        free(kv->value);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    l->n++;
    return SAMEN_OK;
}

static int on_header(raw *r, const samen_ini_item *it, samen_error *err)
{
    static const char *const names[] = {"fit", "set", "prior"};
    if (it->first_line)
        return samen_error_set(err, SAMEN_EINPUT, r->path, it->line, NULL,
                               "section [%s] given twice (first on line %d)", it->section,
                               it->first_line);
    for (int s = 0; s < 3; s++)
        if (!strcmp(it->section, names[s])) {
            r->cur = s;
            r->sec[s].line = it->line;
            return SAMEN_OK;
        }
    if (!strncmp(it->section, "target ", 7) && samen_valid_name(it->section + 7, 0)) {
        raw_target *g = samen_grow(r->targets, (size_t)r->n_targets, &r->cap_targets,
                                   sizeof *g, 4);
        if (!g)
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        r->targets = g;
        raw_target *t = &g[r->n_targets++];
        memset(t, 0, sizeof *t);
        t->keys.line = it->line;
        if (!(t->name = strdup(it->section + 7)))
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        r->cur = SEC_TARGET;
        return SAMEN_OK;
    }
    return samen_error_set(err, SAMEN_EINPUT, r->path, it->line, NULL,
                           "unknown section [%s]; a fit file has [fit], [set], [prior] "
                           "and one [target NAME] per target (NAME of letters, digits, "
                           "_ and -)", it->section);
}

static int on_item(void *user, const samen_ini_item *it, samen_error *err)
{
    raw *r = user;
    if (!it->key)
        return on_header(r, it, err);
    if (r->cur < 0)
        return samen_error_set(err, SAMEN_EINPUT, r->path, it->line, it->key,
                               "key before any section; put it under [fit]");
    if (it->first_line)
        return samen_error_set(err, SAMEN_EINPUT, r->path, it->line, it->key,
                               "key given twice (first on line %d)", it->first_line);
    kv_list *l = r->cur == SEC_TARGET ? &r->targets[r->n_targets - 1].keys : &r->sec[r->cur];
    return add_kv(l, it, err);
}

static void kv_free(samen_fit_kv *kv, int n)
{
    for (int i = 0; i < n; i++) {
        free(kv[i].key);
        free(kv[i].value);
    }
    free(kv);
}

static void raw_free(raw *r)
{
    for (int s = 0; s < 3; s++)
        kv_free(r->sec[s].kv, r->sec[s].n);
    for (int t = 0; t < r->n_targets; t++) {
        free(r->targets[t].name);
        kv_free(r->targets[t].keys.kv, r->targets[t].keys.n);
    }
    free(r->targets);
}

static const samen_fit_kv *lookup(const kv_list *l, const char *key)
{
    for (int i = 0; i < l->n; i++)
        if (!strcmp(l->kv[i].key, key))
            return &l->kv[i];
    return NULL;
}

static int known_keys(const raw *r, const kv_list *l, const char *sec,
                      const char *const *known, samen_error *err)
{
    for (int i = 0; i < l->n; i++) {
        int found = 0;
        for (const char *const *k = known; *k && !found; k++)
            found = !strcmp(*k, l->kv[i].key);
        if (!found)
            return samen_error_set(err, SAMEN_EINPUT, r->path, l->kv[i].line, l->kv[i].key,
                                   "unknown key in [%s]; did you mean '%s'?", sec,
                                   samen_nearest(l->kv[i].key, known));
    }
    return SAMEN_OK;
}

/* A number of kv within [lo, hi] (whole if asked); *out untouched when
 * the key is absent. */
static int number(const raw *r, const kv_list *l, const char *key, double lo, double hi,
                  int whole, int open, double *out, samen_error *err)
{
    const samen_fit_kv *kv = lookup(l, key);
    if (!kv)
        return SAMEN_OK;
    char msg[256];
    double v;
    if (samen_parse_number(kv->value, &v, msg, sizeof msg))
        return samen_error_set(err, SAMEN_EINPUT, r->path, kv->line, key, "%s", msg);
    if ((whole && v != floor(v)) || v < lo || v > hi || (open && (v == lo || v == hi)))
        return samen_error_set(err, SAMEN_EINPUT, r->path, kv->line, key,
                               "'%s' must be %s %s %g %s %g", kv->value,
                               whole ? "a whole number" : "a number",
                               open ? "strictly between" : "from", lo, open ? "and" : "to", hi);
    *out = v;
    return SAMEN_OK;
}

static int resolve_fit(const raw *r, samen_fit *f, samen_error *err)
{
    static const char *const keys[] = {"scenario", "particles", "replicates", "generations",
                                       "quantile", "min_acceptance", "seed", NULL};
    const kv_list *l = &r->sec[SEC_FIT];
    if (!l->line)
        return samen_error_set(err, SAMEN_EINPUT, r->path, 0, NULL,
                               "no [fit] section: a fit file names its scenario there "
                               "(scenario = FILE.ini)");
    int rc = known_keys(r, l, "fit", keys, err);
    if (rc)
        return rc;
    const samen_fit_kv *kv = lookup(l, "scenario");
    if (!kv || !kv->value[0])
        return samen_error_set(err, SAMEN_EINPUT, r->path, kv ? kv->line : l->line, "scenario",
                               "missing: name the base scenario, e.g. scenario = "
                               "../flanders-region.ini (relative to the fit file)");
    const char *slash = strrchr(r->path, '/');
    size_t n = strlen(r->path) + strlen(kv->value) + 2;
    char *joined = malloc(n);
    if (!joined)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    if (kv->value[0] == '/' || !slash)
        snprintf(joined, n, "%s", kv->value);
    else
        snprintf(joined, n, "%.*s/%s", (int)(slash - r->path), r->path, kv->value);
    f->scenario = realpath(joined, NULL);
    if (!f->scenario) {
        rc = samen_error_set(err, SAMEN_EINPUT, r->path, kv->line, "scenario",
                             "cannot read the scenario %s: %s (a relative path is taken "
                             "from the fit file's folder)", joined, strerror(errno));
        free(joined);
        return rc;
    }
    free(joined);
    double v;
    v = 100;
    if ((rc = number(r, l, "particles", 20, 1e6, 1, 0, &v, err)))
        return rc;
    f->particles = (long)v;
    v = 1;
    if ((rc = number(r, l, "replicates", 1, 1000, 1, 0, &v, err)))
        return rc;
    f->replicates = (long)v;
    v = 10;
    if ((rc = number(r, l, "generations", 1, 1000, 1, 0, &v, err)))
        return rc;
    f->generations = (long)v;
    f->quantile = 0.5;
    if ((rc = number(r, l, "quantile", 0, 1, 0, 1, &f->quantile, err)))
        return rc;
    f->min_acceptance = 0.02;
    if ((rc = number(r, l, "min_acceptance", 0, 1, 0, 0, &f->min_acceptance, err)))
        return rc;
    if (f->min_acceptance <= 0)
        return samen_error_set(err, SAMEN_EINPUT, r->path, lookup(l, "min_acceptance")->line,
                               "min_acceptance", "must be above 0 (at most 1): a "
                               "generation of %ld particles may take up to %ld / "
                               "min_acceptance candidates", f->particles, f->particles);
    v = 1;
    if ((rc = number(r, l, "seed", 1, 4294967295.0, 1, 0, &v, err)))
        return rc;
    f->seed = (uint32_t)v;
    return SAMEN_OK;
}

/* A key the fit gives itself, or that no run may change. */
static int reserved(const raw *r, const samen_fit_kv *kv, const char *sec, samen_error *err)
{
    if (!strcmp(kv->key, "simulation.seed"))
        return samen_error_set(err, SAMEN_EINPUT, r->path, kv->line, kv->key,
                               "a fit gives each run its own seed (from [fit] seed, the "
                               "generation and the candidate); set [fit] seed instead");
    if (!strncmp(kv->key, "output.", 7))
        return samen_error_set(err, SAMEN_EINPUT, r->path, kv->line, kv->key,
                               "a fit chooses what its runs write (the rows its measures "
                               "read); leave output keys out of a fit file");
    if (!strcmp(kv->key, "simulation.steps") && !strcmp(sec, "prior"))
        return samen_error_set(err, SAMEN_EINPUT, r->path, kv->line, kv->key,
                               "the run length is fixed for a fit (C2 censors at the last "
                               "step); give it in [set]");
    return SAMEN_OK;
}

static int check_value(const raw *r, const samen_scenario *sc, const samen_fit_kv *kv,
                       const char *value, int *numeric, int *whole, samen_error *err)
{
    samen_error e2;
    samen_error_clear(&e2);
    if (samen_scenario_check_override(sc, kv->key, value, numeric, whole, &e2) == SAMEN_OK)
        return SAMEN_OK;
    return samen_error_set(err, SAMEN_EINPUT, r->path, kv->line, kv->key, "'%s': %s", value,
                           e2.msg);
}

/* uniform(a, b) or loguniform(a, b). */
static int parse_prior(const raw *r, const samen_fit_kv *kv, samen_prior *p, samen_error *err)
{
    const char *v = kv->value, *open = strchr(v, '('), *close = strrchr(v, ')');
    const char *comma = open ? strchr(open, ',') : NULL;
    size_t name_len = open ? (size_t)(open - v) : 0;
    while (name_len > 0 && (v[name_len - 1] == ' ' || v[name_len - 1] == '\t'))
        name_len--;
    int kind = -1;
    if (name_len == 7 && !strncmp(v, "uniform", 7))
        kind = SAMEN_PRIOR_UNIFORM;
    else if (name_len == 10 && !strncmp(v, "loguniform", 10))
        kind = SAMEN_PRIOR_LOGUNIFORM;
    char a[64], b[64], msg[200];
    int ok = kind >= 0 && comma && close && close > comma && !close[1 + strspn(close + 1, " \t")]
             && (size_t)(comma - open - 1) < sizeof a && (size_t)(close - comma - 1) < sizeof b;
    if (ok) {
        snprintf(a, sizeof a, "%.*s", (int)(comma - open - 1), open + 1);
        snprintf(b, sizeof b, "%.*s", (int)(close - comma - 1), comma + 1);
        ok = !samen_parse_number(a, &p->a, msg, sizeof msg) &&
             !samen_parse_number(b, &p->b, msg, sizeof msg);
    }
    if (!ok)
        return samen_error_set(err, SAMEN_EINPUT, r->path, kv->line, kv->key,
                               "'%s': a prior is uniform(a, b) or loguniform(a, b), a and "
                               "b numbers", v);
    p->kind = (samen_prior_kind)kind;
    if (p->a >= p->b)
        return samen_error_set(err, SAMEN_EINPUT, r->path, kv->line, kv->key,
                               "'%s': a must be below b", v);
    if (kind == SAMEN_PRIOR_LOGUNIFORM && p->a <= 0)
        return samen_error_set(err, SAMEN_EINPUT, r->path, kv->line, kv->key,
                               "'%s': loguniform(a, b) needs 0 < a (it is uniform in log); "
                               "use uniform for a range that reaches 0", v);
    return SAMEN_OK;
}

static int resolve_priors(const raw *r, samen_fit *f, const samen_scenario *sc,
                          samen_error *err)
{
    const kv_list *l = &r->sec[SEC_PRIOR];
    if (l->n == 0)
        return samen_error_set(err, SAMEN_EINPUT, r->path, l->line, NULL,
                               "no prior: list the keys to fit in [prior], e.g. drop.base "
                               "= loguniform(0.0001, 0.01)");
    f->prior = calloc((size_t)l->n, sizeof *f->prior);
    f->is_whole = calloc((size_t)l->n, sizeof *f->is_whole);
    f->keys = calloc((size_t)l->n, sizeof *f->keys);
    if (!f->prior || !f->is_whole || !f->keys)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    for (int i = 0; i < l->n; i++) {
        const samen_fit_kv *kv = &l->kv[i];
        samen_fit_kv *k = &f->keys[f->n_keys++];
        k->line = kv->line;
        if (!(k->key = strdup(kv->key)) || !(k->value = strdup(kv->value)))
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        int rc = reserved(r, kv, "prior", err);
        if (rc)
            return rc;
        const samen_fit_kv *both = lookup(&r->sec[SEC_SET], kv->key);
        if (both)
            return samen_error_set(err, SAMEN_EINPUT, r->path, kv->line, kv->key,
                                   "also fixed in [set] (line %d); a key is fixed or "
                                   "fitted, not both", both->line);
        if ((rc = parse_prior(r, kv, &f->prior[i], err)))
            return rc;
        char buf[64];
        int numeric = 1;
        for (int end = 0; end < 2 && numeric; end++) {
            snprintf(buf, sizeof buf, "%.17g", end ? f->prior[i].b : f->prior[i].a);
            if ((rc = check_value(r, sc, kv, buf, &numeric, &f->is_whole[i], err))) {
                /* the key's own rule, as the scenario words it */
                char *colon = strstr(err->msg, "': ");
                if (colon)
                    memmove(err->msg, colon + 3, strlen(colon + 3) + 1);
                return samen_error_set(err, SAMEN_EINPUT, r->path, kv->line, kv->key,
                                       "the prior's %s end %s is outside the key's valid "
                                       "range: %.700s", end ? "upper" : "lower", buf,
                                       err->msg);
            }
        }
        if (!numeric)
            return samen_error_set(err, SAMEN_EINPUT, r->path, kv->line, kv->key,
                                   "takes no plain number, so it cannot be fitted");
    }
    return SAMEN_OK;
}

static int resolve_targets(const raw *r, samen_fit *f, samen_error *err)
{
    static const char *const keys[] = {"measure", "observed", "scale", NULL};
    if (r->n_targets == 0)
        return samen_error_set(err, SAMEN_EINPUT, r->path, 0, NULL,
                               "no target: add a [target NAME] section with measure, "
                               "observed and scale");
    f->targets = calloc((size_t)r->n_targets, sizeof *f->targets);
    f->observed = calloc((size_t)r->n_targets, sizeof *f->observed);
    f->scale = calloc((size_t)r->n_targets, sizeof *f->scale);
    if (!f->targets || !f->observed || !f->scale)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    for (int t = 0; t < r->n_targets; t++) {
        const raw_target *rt = &r->targets[t];
        samen_fit_target *ft = &f->targets[f->n_targets++];
        ft->line = rt->keys.line;
        if (!(ft->name = strdup(rt->name)))
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        char sec[200];
        snprintf(sec, sizeof sec, "target %s", rt->name);
        int rc = known_keys(r, &rt->keys, sec, keys, err);
        if (rc)
            return rc;
        for (int k = 0; keys[k]; k++)
            if (!lookup(&rt->keys, keys[k]))
                return samen_error_set(err, SAMEN_EINPUT, r->path, rt->keys.line, keys[k],
                                       "missing in [%s]: a target has measure, observed "
                                       "and scale", sec);
        const samen_fit_kv *m = lookup(&rt->keys, "measure");
        char list[600];
        samen_measure_list(list, sizeof list);
        if (!(ft->measure = samen_measure_find(m->value)))
            return samen_error_set(err, SAMEN_EINPUT, r->path, m->line, "measure",
                                   "unknown measure '%s'; the measures are: %s", m->value,
                                   list);
        f->needs_ties |= ft->measure->needs_ties;
        f->scale[t] = NAN;
        if ((rc = number(r, &rt->keys, "observed", -1e300, 1e300, 0, 0, &f->observed[t],
                         err)) ||
            (rc = number(r, &rt->keys, "scale", 0, 1e300, 0, 0, &f->scale[t], err)))
            return rc;
        if (!(f->scale[t] > 0))
            return samen_error_set(err, SAMEN_EINPUT, r->path,
                                   lookup(&rt->keys, "scale")->line, "scale",
                                   "must be above 0: the distance divides the difference "
                                   "by it");
    }
    return SAMEN_OK;
}

static int resolve(const raw *r, samen_fit *f, samen_error *err)
{
    int rc = resolve_fit(r, f, err);
    if (rc)
        return rc;
    samen_scenario *sc = NULL;
    if ((rc = samen_scenario_load(&sc, f->scenario, NULL, 0, err)))
        return rc;
    const kv_list *set = &r->sec[SEC_SET];
    const char **ov = calloc((size_t)(set->n ? set->n : 1), sizeof *ov);
    if (!ov || (set->n && !(f->set = calloc((size_t)set->n, sizeof *f->set))))
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    for (int i = 0; !rc && i < set->n; i++) {
        const samen_fit_kv *kv = &set->kv[i];
        samen_fit_kv *s = &f->set[f->n_set++];
        s->line = kv->line;
        size_t n = strlen(kv->key) + strlen(kv->value) + 2;
        if (!(s->key = strdup(kv->key)) || !(s->value = strdup(kv->value)) ||
            !(ov[i] = malloc(n)))
            rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        else if (!(rc = reserved(r, kv, "set", err)))
            rc = check_value(r, sc, kv, kv->value, NULL, NULL, err);
        if (ov[i])
            snprintf((char *)ov[i], n, "%s=%s", kv->key, kv->value);
    }
    if (!rc)
        rc = resolve_priors(r, f, sc, err);
    samen_scenario_free(sc);
    sc = NULL;
    /* the run length after [set]: C2 censors live networks at the last step */
    if (!rc && (rc = samen_scenario_load(&sc, f->scenario, ov, set->n, err)) == SAMEN_OK)
        f->last_step = sc->steps - 1;
    samen_scenario_free(sc);
    for (int i = 0; ov && i < set->n; i++)
        free((char *)ov[i]);
    free(ov);
    if (!rc)
        rc = resolve_targets(r, f, err);
    return rc;
}

int samen_fit_load(samen_fit **out, const char *path, samen_error *err)
{
    *out = NULL;
    raw r;
    memset(&r, 0, sizeof r);
    r.path = path;
    r.cur = -1;
    int rc = samen_ini_read_file(path, "fit file", on_item, &r, err);
    samen_fit *f = calloc(1, sizeof *f);
    if (!rc && (!f || !(f->path = strdup(path))))
        rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    if (!rc)
        rc = resolve(&r, f, err);
    raw_free(&r);
    if (rc) {
        samen_fit_free(f);
        return rc;
    }
    *out = f;
    return SAMEN_OK;
}

void samen_fit_free(samen_fit *f)
{
    if (!f)
        return;
    kv_free(f->set, f->n_set);
    kv_free(f->keys, f->n_keys);
    for (int t = 0; t < f->n_targets; t++)
        free(f->targets[t].name);
    free(f->targets);
    free(f->prior);
    free(f->is_whole);
    free(f->observed);
    free(f->scale);
    free(f->path);
    free(f->scenario);
    free(f);
}

void samen_fit_config(const samen_fit *f, samen_abc_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->n_keys = f->n_keys;
    cfg->prior = f->prior;
    cfg->n_stats = f->n_targets;
    cfg->observed = f->observed;
    cfg->scale = f->scale;
    cfg->particles = (size_t)f->particles;
    cfg->quantile = f->quantile;
    cfg->min_acceptance = f->min_acceptance;
    cfg->generations = f->generations;
    cfg->seed = f->seed;
}

void samen_fit_write_resolved(const samen_fit *f, FILE *fp)
{
    fprintf(fp, "; The fit as resolved by samen; another fit is refused in this folder.\n"
                "[fit]\nscenario = %s\nparticles = %ld\nreplicates = %ld\n"
                "generations = %ld\nquantile = %.17g\nmin_acceptance = %.17g\nseed = %lu\n",
            f->scenario, f->particles, f->replicates, f->generations, f->quantile,
            f->min_acceptance, (unsigned long)f->seed);
    if (f->n_set)
        fputs("\n[set]\n", fp);
    for (int i = 0; i < f->n_set; i++)
        fprintf(fp, "%s = %s\n", f->set[i].key, f->set[i].value);
    fputs("\n[prior]\n", fp);
    for (int i = 0; i < f->n_keys; i++)
        fprintf(fp, "%s = %s(%.17g, %.17g)\n", f->keys[i].key,
                f->prior[i].kind == SAMEN_PRIOR_LOGUNIFORM ? "loguniform" : "uniform",
                f->prior[i].a, f->prior[i].b);
    for (int t = 0; t < f->n_targets; t++)
        fprintf(fp, "\n[target %s]\nmeasure = %s\nobserved = %.17g\nscale = %.17g\n",
                f->targets[t].name, f->targets[t].measure->name, f->observed[t],
                f->scale[t]);
}
