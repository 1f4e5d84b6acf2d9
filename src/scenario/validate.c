/* validate.c: turns the raw keys (file values, then overrides) into a
 * checked samen_scenario: one value parser for every key type, used for
 * file values, --set overrides and samen_scenario_check_override alike. */
#include "scenario/scenario_int.h"

#include "util/input.h"

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const fixed_cols[] = {
    "id", "name", "sector", "capacity", "mandate", "latency", "guard", "patience",
    "area", /* optional (MODEL.md 4.14) */
};

static const char *const type_names[] = {"overleg", "adhoc", "network"};

void samen_value_free(samen_value *v)
{
    free(v->ids);
    samen_free_list(v->items, v->n_items);
    memset(v, 0, sizeof *v);
}

static char *trimmed(const char *s)
{
    return samen_trim_dup(s, strlen(s));
}

/* Index of an organisation id, or -1 with msg naming the nearest id. */
static int org_ref(const samen_scenario *sc, const char *id, char *msg, size_t n)
{
    int k = samen_scenario_org_index(sc, id);
    if (k >= 0)
        return k;
    samen_near near;
    samen_near_start(&near, id);
    for (int i = 0; i < sc->n_orgs; i++)
        samen_near_offer(&near, sc->orgs[i].id);
    if (near.best)
        snprintf(msg, n, "unknown organisation '%s' (not an id in %s; did you mean '%s'?)",
                 id, sc->orgs_path ? sc->orgs_path : "the organisations file", near.best);
    else
        snprintf(msg, n, "unknown organisation '%s'", id);
    return -1;
}

typedef struct listed_key {
    const samen_value *v;
    int org;
} listed_key;

static int listed_match(const void *ctx, int rec)
{
    const listed_key *k = ctx;
    return k->v->ids[rec] == k->org;
}

static uint64_t int_hash(int k)
{
    return (uint64_t)(unsigned)k * UINT64_C(0x9E3779B97F4A7C15);
}

static int parse_ids(const samen_scenario *sc, char **items, int n, samen_value *v,
                     char *msg, size_t mn)
{
    if (n == 0)
        return 0;
    v->ids = malloc((size_t)n * sizeof *v->ids);
    /* repeats are found as they come, so the first error in the list is
     * the one reported, in time linear in the list and not in the pool */
    samen_hindex seen = {0};
    int rc = v->ids ? 0 : -2;
    for (int i = 0; i < n && !rc; i++) {
        int k = org_ref(sc, items[i], msg, mn);
        listed_key key = {v, k};
        if (k < 0) {
            rc = -1;
        } else if (samen_hindex_find(&seen, int_hash(k), listed_match, &key) >= 0) {
            snprintf(msg, mn, "organisation '%s' listed twice", items[i]);
            rc = -1;
        } else if (samen_hindex_add(&seen, int_hash(k), v->n_ids) != 0) {
            rc = -2;
        } else {
            v->ids[v->n_ids++] = k;
        }
    }
    samen_hindex_free(&seen);
    return rc;
}

static int theme_index(const samen_scenario *sc, const char *name)
{
    for (int k = 0; k < sc->n_themes; k++)
        if (!strcmp(sc->themes[k], name))
            return k;
    return -1;
}

static int parse_issue(const samen_scenario *sc, char **items, int n, samen_value *v,
                       char *msg, size_t mn)
{
    int given[SAMEN_MAX_THEMES] = {0};
    if (n == 0) {
        snprintf(msg, mn, "an issue needs theme:weight pairs, e.g. %s:1",
                 sc->n_themes ? sc->themes[0] : "learning");
        return -1;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
        char *colon = strrchr(items[i], ':');
        if (!colon) {
            snprintf(msg, mn, "'%s' is not a theme:weight pair", items[i]);
            return -1;
        }
        *colon = '\0';
        char *theme = trimmed(items[i]);
        *colon = ':';
        if (!theme)
            return -2;
        int k = theme_index(sc, theme);
        if (k < 0) {
            char list[600] = "";
            for (int t = 0; t < sc->n_themes; t++) {
                size_t l = strlen(list);
                snprintf(list + l, sizeof list - l, "%s%s", t ? ", " : "", sc->themes[t]);
            }
            snprintf(msg, mn, "unknown theme '%s'; the themes of simulation.themes are: %s",
                     theme, list);
            free(theme);
            return -1;
        }
        if (given[k]) {
            snprintf(msg, mn, "theme '%s' given twice", theme);
            free(theme);
            return -1;
        }
        given[k] = 1;
        double w;
        char sub[300];
        if (samen_parse_number(colon + 1, &w, sub, sizeof sub) != 0) {
            snprintf(msg, mn, "weight of theme '%s': %s", theme, sub);
            free(theme);
            return -1;
        }
        if (!(w >= 0 && w <= 1)) {
            char nb[32];
            snprintf(msg, mn, "weight %s of theme '%s' is out of range; allowed: [0, 1]",
                     samen_num_text(w, nb, sizeof nb), theme);
            free(theme);
            return -1;
        }
        free(theme);
        v->issue[k] = w;
        sum += w;
    }
    if (!(sum > 0)) {
        snprintf(msg, mn, "every weight is 0; at least one theme must weigh more than 0");
        return -1;
    }
    return 0;
}

static int parse_themes(char **items, int n, char *msg, size_t mn)
{
    if (n < 1 || n > SAMEN_MAX_THEMES) {
        snprintf(msg, mn, "%d themes given; allowed: 1 to %d names", n, SAMEN_MAX_THEMES);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        if (!samen_valid_theme(items[i])) {
            snprintf(msg, mn, "theme name '%s' is not allowed: use at most %d characters, "
                     "none of , : ; # \" = [ ] nor control characters", items[i],
                     SAMEN_MAX_THEME_NAME);
            return -1;
        }
        for (int j = 0; j < 9; j++)
            if (!strcmp(items[i], fixed_cols[j])) {
                snprintf(msg, mn, "theme name '%s' is a column of the organisations "
                         "file; choose another name", items[i]);
                return -1;
            }
        for (int j = 0; j < i; j++)
            if (!strcmp(items[i], items[j])) {
                snprintf(msg, mn, "theme '%s' given twice", items[i]);
                return -1;
            }
    }
    return 0;
}

int samen_parse_value(const samen_scenario *sc, const samen_param_def *d,
                      const char *text, samen_value *v, char *msg, size_t n)
{
    memset(v, 0, sizeof *v);
    char **items = NULL;
    int ni = 0, rc = 0;
    switch (d->type) {
    case SAMEN_PT_REAL:
    case SAMEN_PT_WHOLE:
    case SAMEN_PT_SEED:
        if (samen_parse_number(text, &v->num, msg, n) != 0 ||
            samen_check_range(d, v->num, msg, n) != 0)
            return -1;
        return 0;
    case SAMEN_PT_DIST:
        return samen_dist_parse(text, &v->dist, msg, n);
    case SAMEN_PT_DIST_POS:
        return samen_dist_parse_pos(text, &v->dist, msg, n);
    case SAMEN_PT_REACH: {
        char *t = trimmed(text);
        if (!t)
            return -2;
        v->code = !strcmp(t, "area") ? 0 : !strcmp(t, "all") ? 1 : -1;
        if (v->code < 0)
            snprintf(msg, n, "'%s' is not a reach; allowed: area or all", t);
        free(t);
        return v->code < 0 ? -1 : 0;
    }
    case SAMEN_PT_LABEL: {
        char *t = trimmed(text);
        if (!t)
            return -2;
        int bad = strlen(t) > SAMEN_MAX_LABEL;
        if (bad)
            snprintf(msg, n, "a label of %zu bytes; allowed: at most %d", strlen(t),
                     SAMEN_MAX_LABEL);
        else
            strcpy(v->label, t);
        free(t);
        return bad ? -1 : 0;
    }
    case SAMEN_PT_IGNORED:
        return 0;
    case SAMEN_PT_PATH:
        if (!d->def && !*text) {
            snprintf(msg, n, "a file name is needed");
            return -1;
        }
        return 0;
    case SAMEN_PT_NETTYPE: {
        char *t = trimmed(text);
        if (!t)
            return -2;
        v->code = -1;
        for (int i = 0; i < 3; i++)
            if (!strcmp(t, type_names[i]))
                v->code = i;
        if (v->code < 0)
            snprintf(msg, n, "'%s' is not a type; allowed: overleg, adhoc or network", t);
        free(t);
        return v->code < 0 ? -1 : 0;
    }
    case SAMEN_PT_CANDIDATES: {
        char *t = trimmed(text);
        if (!t)
            return -2;
        v->all = !strcmp(t, "*");
        free(t);
        if (v->all)
            return 0;
        break;
    }
    default:
        break;
    }
    /* The list types. */
    rc = samen_split_list(text, &items, &ni, msg, n);
    if (rc != 0)
        return rc;
    switch (d->type) {
    case SAMEN_PT_THEMES:
        rc = parse_themes(items, ni, msg, n);
        if (rc == 0) {
            v->items = items;
            v->n_items = ni;
            items = NULL;
        }
        break;
    case SAMEN_PT_DETAIL:
        for (int i = 0; i < ni && rc == 0; i++) {
            if (!strcmp(items[i], "orgs"))
                v->code |= SAMEN_DETAIL_ORGS;
            else if (!strcmp(items[i], "persons"))
                v->code |= SAMEN_DETAIL_PERSONS;
            else if (!strcmp(items[i], "both"))
                v->code |= SAMEN_DETAIL_ORGS | SAMEN_DETAIL_PERSONS;
            else if (!strcmp(items[i], "graph"))
                v->code |= SAMEN_DETAIL_GRAPH;
            else if (!strcmp(items[i], "field"))
                v->code |= SAMEN_DETAIL_FIELD;
            else {
                snprintf(msg, n, "'%s' is not a detail; allowed: orgs, persons, both, "
                         "graph, field or empty", items[i]);
                rc = -1;
            }
        }
        break;
    case SAMEN_PT_ORG:
        if (ni != 1) {
            snprintf(msg, n, "one organisation id is needed, %d given", ni);
            rc = -1;
        } else {
            rc = parse_ids(sc, items, ni, v, msg, n);
        }
        break;
    case SAMEN_PT_ORGLIST:
    case SAMEN_PT_CANDIDATES:
        for (int i = 0; i < ni; i++)
            if (!strcmp(items[i], "*")) {
                snprintf(msg, n, "'*' must stand alone%s",
                         d->type == SAMEN_PT_CANDIDATES ? ""
                                                         : "; it is allowed only in candidates");
                rc = -1;
                break;
            }
        if (rc == 0)
            rc = parse_ids(sc, items, ni, v, msg, n);
        break;
    case SAMEN_PT_ISSUE:
        rc = parse_issue(sc, items, ni, v, msg, n);
        break;
    default:
        break;
    }
    samen_free_list(items, ni);
    return rc;
}

/* ---- keys ---- */

int samen_resolve_key(const char *key,
                      const char *(*nearest_net)(const void *ctx, const char *name),
                      const void *ctx, char *section, size_t n,
                      const samen_param_def **def, char *msg, size_t msgn)
{
    *def = NULL;
    if (!strncmp(key, "network.", 8)) {
        const char *rest = key + 8;
        const char *dot = strrchr(rest, '.');
        if (!dot || dot == rest) {
            snprintf(msg, msgn, "'%s' is not a key; a network key is network.NAME.key", key);
            return -1;
        }
        size_t nl = (size_t)(dot - rest);
        char name[SAMEN_MAX_KEY_TEXT + 1];
        if (nl >= sizeof name)
            nl = sizeof name - 1;
        memcpy(name, rest, nl);
        name[nl] = '\0';
        *def = samen_param_find("network", dot + 1);
        const char *near = nearest_net(ctx, name);
        if (!*def) {
            snprintf(msg, msgn, "unknown key '%s'; did you mean 'network.%s.%s'? "
                     "(samen describe lists every key)", key, near && *near ? near : name,
                     samen_param_nearest("network", dot + 1));
            return -1;
        }
        if (near) {
            snprintf(msg, msgn, "the scenario has no [network %s] section%s%s%s", name,
                     *near ? " (did you mean '" : "", near, *near ? "'?)" : "");
            *def = NULL;
            return -1;
        }
        snprintf(section, n, "network %s", name);
        return 0;
    }
    const char *dot = strchr(key, '.');
    char sec[64] = "";
    if (dot && (size_t)(dot - key) < sizeof sec) {
        memcpy(sec, key, (size_t)(dot - key));
        sec[dot - key] = '\0';
    }
    if (dot && samen_param_is_section(sec)) {
        *def = samen_param_find(sec, dot + 1);
        if (*def) {
            snprintf(section, n, "%s", sec);
            return 0;
        }
        snprintf(msg, msgn, "unknown key '%s'; did you mean '%s.%s'? (samen describe "
                 "lists every key; keys are case-sensitive)", key, sec,
                 samen_param_nearest(sec, dot + 1));
        return -1;
    }
    /* Unknown section: the nearest whole key. */
    const samen_param_def *best = NULL;
    samen_near near;
    samen_near_start(&near, key);
    for (int i = 0; i < samen_param_count; i++) {
        const samen_param_def *d = &samen_param_table[i];
        char full[128];
        snprintf(full, sizeof full, "%s.%s", d->section, d->name);
        /* full is rebuilt for each key: the definition marks the nearest */
        if (samen_near_offer_at(&near, d->name, samen_edit_distance(key, full)))
            best = d;
    }
    if (!strcmp(best->section, "network"))
        snprintf(msg, msgn, "unknown key '%s'; did you mean 'network.NAME.%s'? (samen "
                 "describe lists every key)", key, best->name);
    else
        snprintf(msg, msgn, "unknown key '%s'; did you mean '%s.%s'? (keys are "
                 "section.name or network.NAME.key; samen describe lists every key)",
                 key, best->section, best->name);
    return -1;
}

/* NULL when the network exists, else the name nearest to it ("" none). */
static const char *raw_nearest_net(const void *ctx, const char *name)
{
    const samen_raw *raw = ctx;
    samen_near near;
    samen_near_start(&near, name);
    for (int i = 0; i < raw->ns; i++)
        if (raw->s[i].net && samen_near_offer(&near, raw->s[i].net))
            return NULL;
    return near.best ? near.best : "";
}

static const char *sc_nearest_net(const void *ctx, const char *name)
{
    const samen_scenario *sc = ctx;
    samen_near near;
    samen_near_start(&near, name);
    for (int i = 0; i < sc->n_nets; i++)
        if (samen_near_offer(&near, sc->nets[i].name))
            return NULL;
    return near.best ? near.best : "";
}

int samen_apply_override(samen_raw *raw, const char *kv, samen_error *err)
{
    const char *eq = strchr(kv, '=');
    if (!eq)
        return samen_error_set(err, SAMEN_EINPUT, "--set", 0, NULL,
                               "'%s' is not KEY=VALUE (e.g. trust.gain=0.3)", kv);
    char *key = malloc((size_t)(eq - kv) + 1);
    char *value = trimmed(eq + 1);
    if (!key || !value) {
        free(key);
        free(value);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    memcpy(key, kv, (size_t)(eq - kv));
    key[eq - kv] = '\0';
    char *k = trimmed(key);
    free(key);
    if (!k) {
        free(value);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    char section[SAMEN_MAX_KEY_TEXT + 16], msg[700];
    const samen_param_def *d;
    int rc = SAMEN_OK;
    const char *dot = strrchr(k, '.');
    if (!strncmp(k, "org.", 4) && dot > k + 4) {
        /* org.ID.COLUMN: ids may hold dots, columns do not. */
        snprintf(section, sizeof section, "org %.*s", (int)(dot - k - 4), k + 4);
        samen_raw_entry *e = samen_raw_get(raw, section, dot + 1);
        if (e) {
            free(e->value);
            e->value = value;
            value = NULL;
        } else if (samen_raw_add(raw, section, dot + 1, value, "--set", 0) != 0) {
            rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        }
    } else if (samen_resolve_key(k, raw_nearest_net, raw, section, sizeof section, &d, msg,
                                 sizeof msg) != 0) {
        rc = samen_error_set(err, SAMEN_EINPUT, "--set", 0, k, "%s", msg);
    } else {
        samen_raw_entry *e = samen_raw_get(raw, section, d->name);
        if (e) {
            free(e->value);
            e->value = value;
            value = NULL;
            e->file = "--set";
            e->line = 0;
        } else if (samen_raw_add(raw, section, d->name, value, "--set", 0) != 0) {
            rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        }
    }
    free(value);
    free(k);
    return rc;
}

int samen_scenario_check_override(const samen_scenario *sc, const char *key,
                                  const char *value, int *is_numeric,
                                  int *is_whole, samen_error *err)
{
    char section[SAMEN_MAX_KEY_TEXT + 16], msg[700];
    const samen_param_def *d;
    const char *dot = strrchr(key, '.');
    if (!strncmp(key, "org.", 4) && dot > key + 4) {
        char id[SAMEN_MAX_ID + 2];
        snprintf(id, sizeof id, "%.*s", (int)(dot - key - 4), key + 4);
        if (is_whole)
            *is_whole = 0;
        if (samen_org_override_check(sc, id, dot + 1, value, is_numeric, msg, sizeof msg))
            return samen_error_set(err, SAMEN_EINPUT, NULL, 0, key, "%s", msg);
        return SAMEN_OK;
    }
    if (samen_resolve_key(key, sc_nearest_net, sc, section, sizeof section, &d, msg,
                          sizeof msg) != 0)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, key, "%s", msg);
    if (is_numeric)
        *is_numeric = d->type == SAMEN_PT_REAL || d->type == SAMEN_PT_WHOLE ||
                      d->type == SAMEN_PT_SEED || d->type == SAMEN_PT_DIST ||
                      d->type == SAMEN_PT_DIST_POS;
    if (is_whole)
        *is_whole = d->type == SAMEN_PT_WHOLE || d->type == SAMEN_PT_SEED;
    if (!value)
        return SAMEN_OK;
    samen_value v;
    int rc = samen_parse_value(sc, d, value, &v, msg, sizeof msg);
    samen_value_free(&v);
    if (rc == -2)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, key, "out of memory");
    if (rc != 0)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, key, "%s", msg);
    return SAMEN_OK;
}

int samen_scenario_key_joint(const char *key)
{
    const char *dot = strrchr(key, '.');
    if (!dot)
        return 0;
    if (!strncmp(key, "org.", 4))
        return 1;
    char section[SAMEN_MAX_KEY_TEXT + 16];
    if (!strncmp(key, "network.", 8)) {
        snprintf(section, sizeof section, "network");
    } else {
        snprintf(section, sizeof section, "%.*s", (int)(dot - key), key);
    }
    const samen_param_def *d = samen_param_find(section, dot + 1);
    return d && d->joint;
}

/* ---- building the scenario ---- */

typedef struct build {
    samen_raw *raw;
    samen_scenario *sc;
    samen_error *err;
} build;

static void full_key(char *buf, size_t n, const char *section, const char *name)
{
    if (!strncmp(section, "network ", 8))
        snprintf(buf, n, "network.%s.%s", section + 8, name);
    else
        snprintf(buf, n, "%s.%s", section, name);
}

static int section_line(const samen_raw *raw, const char *section)
{
    const samen_raw_section *s = samen_raw_section_get(raw, section);
    return s ? s->line : 0;
}

/* Error about the value of section.name: at its line, or at its section
 * when it is missing or a default. */
static int key_error(build *b, const char *section, const char *name,
                     const char *msg)
{
    char key[SAMEN_MAX_KEY_TEXT + 80];
    full_key(key, sizeof key, section, name);
    const samen_raw_entry *e = samen_raw_get(b->raw, section, name);
    /* "260; weeks": ';' starts a comment only after white space */
    const char *semi = e && e->line > 0 ? strchr(e->value, ';') : NULL;
    if (semi)
        return samen_error_set(b->err, SAMEN_EINPUT, e->file, e->line, key,
                               "%s (an inline comment needs white space before its ';': "
                               "%.*s ;%s)", msg, (int)(semi - e->value), e->value, semi + 1);
    if (e)
        return samen_error_set(b->err, SAMEN_EINPUT, e->file, e->line, key, "%s", msg);
    return samen_error_set(b->err, SAMEN_EINPUT, b->raw->path,
                           section_line(b->raw, section), key, "%s", msg);
}

/* key_error for a rule between keys: section.name must be declared joint
 * (params.c), or a sweep varying it would check its values alone and miss
 * the rule. */
static int joint_error(build *b, const char *section, const char *name, const char *msg)
{
    const samen_param_def *d =
        samen_param_find(strncmp(section, "network ", 8) ? section : "network", name);
    assert(d && d->joint);
    (void)d;
    return key_error(b, section, name, msg);
}

/* Parses section.name (its value, or its default) into v. */
static int get_value(build *b, const char *section, const samen_param_def *d,
                     samen_value *v)
{
    memset(v, 0, sizeof *v);
    const samen_raw_entry *e = samen_raw_get(b->raw, section, d->name);
    const char *text = e ? e->value : d->def;
    char msg[800];
    if (!text) {
        char rb[160];
        snprintf(msg, sizeof msg, "required key missing (%s: %s)",
                 samen_param_range(d, rb, sizeof rb), d->meaning);
        return key_error(b, section, d->name, msg);
    }
    int rc = samen_parse_value(b->sc, d, text, v, msg, sizeof msg);
    if (rc == -2)
        return samen_error_set(b->err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    if (rc != 0)
        return key_error(b, section, d->name, msg);
    return SAMEN_OK;
}

static void store(const samen_param_def *d, void *base, const samen_value *v)
{
    char *p = (char *)base + d->offset;
    switch (d->type) {
    case SAMEN_PT_REAL:
        memcpy(p, &v->num, sizeof v->num);
        break;
    case SAMEN_PT_WHOLE: {
        int i = (int)v->num;
        memcpy(p, &i, sizeof i);
        break;
    }
    case SAMEN_PT_SEED: {
        uint32_t u = (uint32_t)v->num;
        memcpy(p, &u, sizeof u);
        break;
    }
    case SAMEN_PT_DIST:
    case SAMEN_PT_DIST_POS:
        memcpy(p, &v->dist, sizeof v->dist);
        break;
    case SAMEN_PT_REACH:
        memcpy(p, &v->code, sizeof v->code);
        break;
    case SAMEN_PT_LABEL:
        memcpy(p, v->label, sizeof v->label);
        break;
    default:
        break;
    }
}

/* A path in the scenario file is relative to the scenario's folder. */
static char *resolve_path(const char *scenario, const char *file)
{
    const char *slash = strrchr(scenario, '/');
    if (file[0] == '/' || !slash)
        return strdup(file);
    size_t dl = (size_t)(slash - scenario);
    char *p = malloc(dl + strlen(file) + 2);
    if (p) {
        memcpy(p, scenario, dl);
        p[dl] = '/';
        strcpy(p + dl + 1, file);
    }
    return p;
}

/* A broken order between two [form] keys: "form.key1 (v1) must be rel
 * form.key2 (v2)", blamed on the key blame where the file sets it, else on
 * the other of the two. */
static int form_order_error(build *b, const char *key1, double v1, const char *rel,
                            const char *key2, double v2, const char *blame)
{
    char msg[300], n1[32], n2[32];
    snprintf(msg, sizeof msg, "form.%s (%s) must be %s form.%s (%s)", key1,
             samen_num_text(v1, n1, sizeof n1), rel, key2,
             samen_num_text(v2, n2, sizeof n2));
    const char *other = strcmp(blame, key1) ? key1 : key2;
    const char *name = samen_raw_get(b->raw, "form", blame) ? blame : other;
    return joint_error(b, "form", name, msg);
}

static int build_globals(build *b)
{
    samen_scenario *sc = b->sc;
    for (int i = 0; i < samen_param_count; i++) {
        const samen_param_def *d = &samen_param_table[i];
        if (!strcmp(d->section, "network"))
            continue;
        samen_value v;
        int rc = get_value(b, d->section, d, &v);
        if (rc) {
            samen_value_free(&v);
            return rc;
        }
        if (d->where == SAMEN_IN_PARAMS)
            store(d, &sc->p, &v);
        else if (d->where == SAMEN_IN_SCENARIO)
            store(d, sc, &v);
        else if (d->type == SAMEN_PT_THEMES) {
            for (int k = 0; k < v.n_items; k++) {
                sc->themes[k] = v.items[k];
                v.items[k] = NULL;
            }
            sc->n_themes = v.n_items;
        } else if (d->type == SAMEN_PT_DETAIL) {
            sc->detail = v.code;
        } else if (d->type == SAMEN_PT_PATH) {
            const samen_raw_entry *e = samen_raw_get(b->raw, d->section, d->name);
            const char *text = e ? e->value : d->def;
            char **slot = !strcmp(d->section, "ties") ? &sc->ties_path : &sc->orgs_path;
            if (*text) {
                /* An override names a file as the scenario file does. */
                *slot = resolve_path(b->raw->path, text);
                if (!*slot) {
                    samen_value_free(&v);
                    return samen_error_set(b->err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
                }
            }
        }
        samen_value_free(&v);
    }
    const samen_raw_section *ties = samen_raw_section_get(b->raw, "ties");
    if (ties && !samen_raw_get(b->raw, "ties", "file"))
        return samen_error_set(b->err, SAMEN_EINPUT, b->raw->path, ties->line, "ties.file",
                               "[ties] needs file = a CSV file of org_a,org_b,trust "
                               "(leave out the section for no prior ties)");
    /* MODEL.md 4.11: the bands of the form index must be ordered. */
    if (!(sc->p.form.adhoc_at < sc->p.form.network_at))
        return form_order_error(b, "adhoc_at", sc->p.form.adhoc_at, "below", "network_at",
                                sc->p.form.network_at, "network_at");
    if (!(sc->p.form.network_at <= sc->p.form.merger_at))
        return form_order_error(b, "merger_at", sc->p.form.merger_at, "at least",
                                "network_at", sc->p.form.network_at, "merger_at");
    /* MODEL.md 4.14: the type shares of founded networks */
    if (!(sc->p.field.share_overleg + sc->p.field.share_adhoc <= 1 + 1e-12)) {
        char msg[300], n1[32], n2[32];
        snprintf(msg, sizeof msg, "field.share_overleg (%s) + field.share_adhoc (%s) must "
                 "be at most 1 (the rest of the founded networks are of type network)",
                 samen_num_text(sc->p.field.share_overleg, n1, sizeof n1),
                 samen_num_text(sc->p.field.share_adhoc, n2, sizeof n2));
        return key_error(b, "field",
                         samen_raw_get(b->raw, "field", "share_adhoc") ? "share_adhoc"
                                                                         : "share_overleg",
                         msg);
    }
    return SAMEN_OK;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* A sorted copy of a list of organisations (never NULL unless out of
 * memory, also for an empty list). */
static int *sorted_ids(const int *ids, int n)
{
    int *s = malloc((size_t)(n > 0 ? n : 1) * sizeof *s);
    if (s && n > 0) {
        memcpy(s, ids, (size_t)n * sizeof *s);
        qsort(s, (size_t)n, sizeof *s, cmp_int);
    }
    return s;
}

static int in_sorted(const int *s, int n, int org)
{
    return n > 0 && bsearch(&org, s, (size_t)n, sizeof *s, cmp_int) != NULL;
}

/* The candidate set in the order of the organisations file: with `*` every
 * organisation but the framing actors (necessary actors are never framing
 * ones, checked before), else the union of the listed candidates and the
 * necessary actors. Sorted lists keep this linear in the lists, and in the
 * pool only for `*`. */
static int *candidate_set(const samen_scenario *sc, const samen_net_spec *net,
                          const int *fr, const int *cand, int n_cand,
                          const int *nec, int *n_out)
{
    int n = 0;
    int *out;
    if (net->candidates_all) {
        out = malloc((size_t)sc->n_orgs * sizeof *out);
        for (int o = 0, f = 0; out && o < sc->n_orgs; o++) {
            if (f < net->n_framing && fr[f] == o)
                f++;
            else
                out[n++] = o;
        }
    } else {
        int nn = net->n_necessary;
        out = malloc((size_t)(n_cand + nn > 0 ? n_cand + nn : 1) * sizeof *out);
        for (int i = 0, j = 0; out && (i < n_cand || j < nn);) {
            int o = (j >= nn || (i < n_cand && cand[i] <= nec[j])) ? cand[i] : nec[j];
            i += i < n_cand && cand[i] == o;
            j += j < nn && nec[j] == o;
            out[n++] = o;
        }
    }
    *n_out = n;
    return out;
}

static int build_net(build *b, const char *section, samen_net_spec *net)
{
    samen_scenario *sc = b->sc;
    int *cand = NULL, n_cand = 0, rc = SAMEN_OK;
    char msg[400];
    for (int i = 0; i < samen_param_count && !rc; i++) {
        const samen_param_def *d = &samen_param_table[i];
        if (strcmp(d->section, "network"))
            continue;
        samen_value v;
        rc = get_value(b, section, d, &v);
        if (rc) {
            samen_value_free(&v);
            break;
        }
        switch (d->type) {
        case SAMEN_PT_NETTYPE:
            net->type = (samen_net_type)v.code;
            break;
        case SAMEN_PT_ORG:
            net->initiator = v.ids[0];
            break;
        case SAMEN_PT_ISSUE:
            memcpy(net->issue, v.issue, sizeof net->issue);
            break;
        case SAMEN_PT_ORGLIST:
            if (!strcmp(d->name, "necessary")) {
                net->necessary = v.ids;
                net->n_necessary = v.n_ids;
            } else {
                net->framing = v.ids;
                net->n_framing = v.n_ids;
            }
            v.ids = NULL;
            break;
        case SAMEN_PT_CANDIDATES:
            net->candidates_all = v.all;
            cand = v.ids;
            n_cand = v.n_ids;
            v.ids = NULL;
            break;
        default:
            store(d, net, &v);
            break;
        }
        samen_value_free(&v);
    }
    int *nec = rc ? NULL : sorted_ids(net->necessary, net->n_necessary);
    int *fr = rc ? NULL : sorted_ids(net->framing, net->n_framing);
    int *cs = rc ? NULL : sorted_ids(cand, n_cand);
    if (!rc && (!nec || !fr || !cs))
        rc = samen_error_set(b->err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    for (int i = 0; i < net->n_framing && !rc; i++) {
        const char *id = sc->orgs[net->framing[i]].id;
        if (in_sorted(nec, net->n_necessary, net->framing[i])) {
            snprintf(msg, sizeof msg, "organisation '%s' is both necessary and framing; "
                     "a necessary actor must be a member, a framing actor never is", id);
            rc = joint_error(b, section, "framing", msg);
        } else if (net->framing[i] == net->initiator) {
            snprintf(msg, sizeof msg, "the initiator '%s' is a framing actor; framing "
                     "actors never join", id);
            rc = joint_error(b, section, "initiator", msg);
        } else if (in_sorted(cs, n_cand, net->framing[i])) {
            snprintf(msg, sizeof msg, "framing actor '%s' is listed as a candidate; "
                     "framing actors never join", id);
            rc = joint_error(b, section, "candidates", msg);
        }
    }
    if (!rc) {
        net->candidates = candidate_set(sc, net, fr, cs, n_cand, nec, &net->n_candidates);
        if (!net->candidates)
            rc = samen_error_set(b->err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    free(nec);
    free(fr);
    free(cs);
    free(cand);
    return rc;
}

static int build_nets(build *b)
{
    samen_scenario *sc = b->sc;
    int n = 0;
    for (int i = 0; i < b->raw->ns; i++)
        n += b->raw->s[i].net != NULL;
    if (n == 0 && !(sc->p.field.found_rate > 0))
        return samen_error_set(b->err, SAMEN_EINPUT, b->raw->path, 0, NULL,
                               "no [network NAME] section and no founding: a scenario "
                               "needs at least one network, or field.found_rate > 0 "
                               "so that organisations found networks (MODEL.md 4.14)");
    if (n == 0)
        return SAMEN_OK;
    sc->nets = calloc((size_t)n, sizeof *sc->nets);
    if (!sc->nets)
        return samen_error_set(b->err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    for (int i = 0; i < b->raw->ns; i++) {
        const samen_raw_section *s = &b->raw->s[i];
        if (!s->net)
            continue;
        samen_net_spec *net = &sc->nets[sc->n_nets++];
        net->name = strdup(s->net);
        if (!net->name)
            return samen_error_set(b->err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        int rc = build_net(b, s->name, net);
        if (rc)
            return rc;
    }
    return SAMEN_OK;
}

static char *scenario_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && !strcmp(base + n - 4, ".ini"))
        n -= 4;
    char *r = malloc(n + 1);
    if (r) {
        memcpy(r, base, n);
        r[n] = '\0';
    }
    return r;
}

/* A file the scenario names but that cannot be opened: the error points
 * at the line and key that name it, with the path as resolved. Checked
 * without opening it: a pipe must be read once, by its reader. */
static int input_file_opens(const build *b, const char *section, const char *path)
{
    samen_input in;
    if (samen_input_check(&in, path) == 0)
        return SAMEN_OK;
    const samen_raw_entry *en = samen_raw_get(b->raw, section, "file");
    char key[64];
    snprintf(key, sizeof key, "%s.file", section);
    /* The hint only where it can explain a surprise: a path written
     * relative. */
    int relative = en && en->value && en->value[0] != '/';
    return samen_error_set(b->err, SAMEN_EINPUT, en ? en->file : b->raw->path,
                           en ? en->line : 0, key, "cannot open '%s': %s%s", path, in.why,
                           relative ? " (a relative path is taken from the scenario "
                                      "file's folder)" : "");
}

int samen_scenario_build(samen_raw *raw, samen_scenario **out, samen_error *err)
{
    *out = NULL;
    build b = {.raw = raw, .err = err};
    b.sc = calloc(1, sizeof *b.sc);
    if (!b.sc)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    b.sc->path = strdup(raw->path);
    b.sc->name = scenario_name(raw->path);
    int rc = !b.sc->path || !b.sc->name
                 ? samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory")
                 : SAMEN_OK;
    if (!rc)
        rc = build_globals(&b);
    if (!rc)
        rc = input_file_opens(&b, "organisations", b.sc->orgs_path);
    if (!rc)
        rc = samen_orgs_read(b.sc, raw, err);
    if (!rc && b.sc->ties_path)
        rc = input_file_opens(&b, "ties", b.sc->ties_path);
    if (!rc && b.sc->ties_path)
        rc = samen_ties_read(b.sc, err);
    if (!rc)
        rc = build_nets(&b);
    if (rc) {
        samen_scenario_free(b.sc);
        return rc;
    }
    *out = b.sc;
    return SAMEN_OK;
}
