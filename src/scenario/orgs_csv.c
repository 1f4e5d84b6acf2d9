/* orgs_csv.c: the organisations file (FORMATS.md): the fixed columns and
 * one mission column per theme, matched by name in any order; an
 * organisation's attribute overridden as org.ID.COLUMN (--set, a sweep's
 * [set] or [vary]) takes the place of its field, checked by the same rules. */
#include "scenario/scenario_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

enum { C_ID, C_NAME, C_SECTOR, C_CAPACITY, C_MANDATE, C_LATENCY, C_GUARD,
       C_PATIENCE, C_AREA, C_FIXED };

/* area is the one optional column (MODEL.md 4.14: founding reaches within
 * an organisation's area). */
static const char *const cols[C_FIXED] = {
    "id", "name", "sector", "capacity", "mandate", "latency", "guard", "patience", "area",
};

typedef struct orgs_ctx {
    samen_scenario *sc;
    int ncols;
    int *role;         /* per column: C_* or C_FIXED + theme index */
    int header_done;
    size_t cap;
    int id_col;        /* the column of the ids */
    samen_raw_entry **ov; /* the org.ID.COLUMN overrides */
    int n_ov;
    int *ov_col;       /* per override: its column in the file */
    unsigned char *ov_used;
} orgs_ctx;

static const char *col_name(const orgs_ctx *c, int role)
{
    return role < C_FIXED ? cols[role] : c->sc->themes[role - C_FIXED];
}

/* The role of a column name (a fixed column or a theme), or -1. */
static int role_of(const samen_scenario *sc, const char *name)
{
    for (int k = 0; k < C_FIXED; k++)
        if (!strcmp(name, cols[k]))
            return k;
    for (int k = 0; k < sc->n_themes; k++)
        if (!strcmp(name, sc->themes[k]))
            return C_FIXED + k;
    return -1;
}

/* The range rule a value of the column breaks, or NULL. */
static const char *column_rule(int role, double v)
{
    switch (role) {
    case C_CAPACITY:
    case C_PATIENCE:
        return v > 0 ? NULL : "> 0";
    case C_LATENCY:
        return v >= 1 ? NULL : ">= 1 (steps an internal decision takes)";
    default: /* guard and mission values */
        return v >= 0 && v <= 1 ? NULL : "[0, 1]";
    }
}

/* The key of override k as the user wrote it: org.ID.COLUMN. */
static void ov_key(const orgs_ctx *c, int k, char *buf, size_t n)
{
    snprintf(buf, n, "org.%s.%s", c->ov[k]->section + 4, c->ov[k]->name);
}

static int header(orgs_ctx *c, int line, char **f, int n, samen_error *err)
{
    samen_scenario *sc = c->sc;
    int total = C_FIXED + sc->n_themes;
    int seen[C_FIXED + SAMEN_MAX_THEMES];
    for (int r = 0; r < total; r++)
        seen[r] = 0;
    c->role = malloc((size_t)n * sizeof *c->role);
    if (!c->role)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    c->ncols = n;
    for (int i = 0; i < n; i++) {
        int r = -1;
        for (int k = 0; k < total && r < 0; k++)
            if (!strcmp(f[i], col_name(c, k)))
                r = k;
        if (r < 0) {
            samen_near near;
            samen_near_start(&near, f[i]);
            for (int k = 0; k < total; k++)
                samen_near_offer(&near, col_name(c, k));
            return samen_error_set(err, SAMEN_EINPUT, sc->orgs_path, line, f[i],
                                   "unknown column '%s'; the columns are id, name, "
                                   "sector, capacity, mandate, latency, guard, patience "
                                   "and one per theme of simulation.themes (did you "
                                   "mean '%s'?)", f[i], near.best);
        }
        if (seen[r])
            return samen_error_set(err, SAMEN_EINPUT, sc->orgs_path, line, f[i],
                                   "column '%s' given twice", f[i]);
        seen[r] = 1;
        c->role[i] = r;
        if (r == C_ID)
            c->id_col = i;
    }
    sc->has_area = seen[C_AREA];
    for (int r = 0; r < total; r++)
        if (!seen[r] && r != C_AREA)
            return samen_error_set(err, SAMEN_EINPUT, sc->orgs_path, line,
                                   col_name(c, r), "missing column '%s'%s",
                                   col_name(c, r),
                                   r >= C_FIXED ? " (a theme of simulation.themes: "
                                                  "one mission column per theme)"
                                                : "");
    for (int k = 0; k < c->n_ov; k++) {
        int r = role_of(sc, c->ov[k]->name);
        c->ov_col[k] = -1;
        for (int i = 0; i < n; i++)
            if (c->role[i] == r)
                c->ov_col[k] = i;
        if (c->ov_col[k] < 0) { /* only the optional area can be absent */
            char key[SAMEN_MAX_ID + 200];
            ov_key(c, k, key, sizeof key);
            return samen_error_set(err, SAMEN_EINPUT, "--set", 0, key,
                                   "the organisations file has no column '%s' to set",
                                   c->ov[k]->name);
        }
    }
    c->header_done = 1;
    return SAMEN_OK;
}


/* A number in the range of the column, or an error naming line and column. */
static int number(const orgs_ctx *c, int line, int role, const char *text, double *out,
                  samen_error *err)
{
    char msg[300];
    const char *name = col_name(c, role);
    if (samen_parse_number(text, out, msg, sizeof msg) != 0)
        return samen_error_set(err, SAMEN_EINPUT, c->sc->orgs_path, line, name, "%s", msg);
    double v = *out;
    const char *rule = column_rule(role, v);
    char nb[32];
    if (rule)
        return samen_error_set(err, SAMEN_EINPUT, c->sc->orgs_path, line, name,
                               "%s is out of range; allowed: %s",
                               samen_num_text(v, nb, sizeof nb), rule);
    return SAMEN_OK;
}

static int row(void *user, int line, char **f, int n, samen_error *err)
{
    orgs_ctx *c = user;
    samen_scenario *sc = c->sc;
    if (!c->header_done)
        return header(c, line, f, n, err);
    if (n != c->ncols)
        return samen_error_set(err, SAMEN_EINPUT, sc->orgs_path, line, NULL,
                               "%d fields on this line, but the header has %d columns "
                               "(a field with a comma must be in double quotes)",
                               n, c->ncols);
    samen_org *grown = samen_grow(sc->orgs, (size_t)sc->n_orgs, &c->cap, sizeof *grown, 32);
    if (!grown)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    sc->orgs = grown;
    samen_org *o = &sc->orgs[sc->n_orgs];
    memset(o, 0, sizeof *o);
    sc->n_orgs++; /* counted at once so that free finds its strings */
    /* An override replaces its field before any rule is checked. */
    int from_ov[C_FIXED + SAMEN_MAX_THEMES];
    for (int i = 0; i < n && i < C_FIXED + SAMEN_MAX_THEMES; i++)
        from_ov[i] = -1;
    for (int k = 0; k < c->n_ov; k++)
        if (!strcmp(c->ov[k]->section + 4, f[c->id_col])) {
            from_ov[c->ov_col[k]] = k;
            c->ov_used[k] = 1;
        }
    for (int i = 0; i < n; i++) {
        int r = c->role[i];
        const char *v = from_ov[i] >= 0 ? c->ov[from_ov[i]]->value : f[i];
        int rc = SAMEN_OK;
        switch (r) {
        case C_ID:
            if (!samen_valid_name(v, 1) || strlen(v) > SAMEN_MAX_ID)
                return samen_error_set(err, SAMEN_EINPUT, sc->orgs_path, line, "id",
                                       "id '%s' is not allowed: use at most %d letters, "
                                       "digits, '_', '.' and '-'", v, SAMEN_MAX_ID);
            if (samen_scenario_org_index(sc, v) >= 0)
                return samen_error_set(err, SAMEN_EINPUT, sc->orgs_path, line, "id",
                                       "id '%s' given twice; ids must be unique", v);
            o->id = strdup(v);
            if (!o->id || samen_scenario_index_org(sc, sc->n_orgs - 1) != 0)
                rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
            break;
        case C_NAME:
        case C_SECTOR:
            if (!(*(r == C_NAME ? &o->name : &o->sector) = strdup(v)))
                rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
            break;
        case C_AREA:
            if (!*v)
                rc = samen_error_set(err, SAMEN_EINPUT, sc->orgs_path, line, "area",
                                     "empty area of '%s'; every organisation needs an "
                                     "area when the file has the column (a municipality, "
                                     "a district)", f[c->id_col]);
            else if (!(o->area = strdup(v)))
                rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
            break;
        case C_MANDATE:
            if (!strcmp(v, "feedback"))
                o->mandate = SAMEN_FEEDBACK;
            else if (!strcmp(v, "decision"))
                o->mandate = SAMEN_DECISION;
            else
                rc = samen_error_set(err, SAMEN_EINPUT, sc->orgs_path, line, "mandate",
                                     "'%s' is not a mandate; allowed: feedback or decision",
                                     v);
            break;
        case C_CAPACITY:
            rc = number(c, line, r, v, &o->capacity, err);
            break;
        case C_LATENCY:
            rc = number(c, line, r, v, &o->latency, err);
            break;
        case C_GUARD:
            rc = number(c, line, r, v, &o->guard, err);
            break;
        case C_PATIENCE:
            rc = number(c, line, r, v, &o->patience, err);
            break;
        default:
            rc = number(c, line, r, v, &o->mission[r - C_FIXED], err);
            break;
        }
        if (rc && from_ov[i] >= 0 && rc == SAMEN_EINPUT) {
            /* Blamed on the override, where the user can change it. */
            char key[sizeof err->key];
            ov_key(c, from_ov[i], key, sizeof key);
            char msg[sizeof err->msg];
            snprintf(msg, sizeof msg, "%s", err->msg);
            return samen_error_set(err, SAMEN_EINPUT, "--set", 0, key, "%s", msg);
        }
        if (rc)
            return rc;
    }
    double sum = 0;
    for (int k = 0; k < sc->n_themes; k++)
        sum += o->mission[k];
    if (!(sum > 0))
        return samen_error_set(err, SAMEN_EINPUT, sc->orgs_path, line, "mission",
                               "every mission value of '%s' is 0; at least one theme "
                               "column must be > 0", o->id);
    return SAMEN_OK;
}

/* The org.ID.COLUMN overrides of raw, with their columns checked. */
static int find_overrides(orgs_ctx *c, const samen_raw *raw, samen_error *err)
{
    for (int i = 0; raw && i < raw->n; i++)
        if (!strncmp(raw->e[i].section, "org ", 4))
            c->n_ov++;
    if (!c->n_ov)
        return SAMEN_OK;
    c->ov = calloc((size_t)c->n_ov, sizeof *c->ov);
    c->ov_col = calloc((size_t)c->n_ov, sizeof *c->ov_col);
    c->ov_used = calloc((size_t)c->n_ov, 1);
    if (!c->ov || !c->ov_col || !c->ov_used)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    int k = 0;
    for (int i = 0; i < raw->n; i++)
        if (!strncmp(raw->e[i].section, "org ", 4))
            c->ov[k++] = &raw->e[i];
    for (k = 0; k < c->n_ov; k++) {
        char key[SAMEN_MAX_ID + 200];
        ov_key(c, k, key, sizeof key);
        int r = role_of(c->sc, c->ov[k]->name);
        if (r == C_ID)
            return samen_error_set(err, SAMEN_EINPUT, "--set", 0, key,
                                   "an organisation's id cannot be overridden");
        if (r < 0) {
            samen_near near;
            samen_near_start(&near, c->ov[k]->name);
            for (int j = 1; j < C_FIXED + c->sc->n_themes; j++)
                samen_near_offer(&near, col_name(c, j));
            return samen_error_set(err, SAMEN_EINPUT, "--set", 0, key,
                                   "unknown column '%s' of an organisation (did you mean "
                                   "'%s'?); the columns are name, sector, capacity, "
                                   "mandate, latency, guard, patience and the themes",
                                   c->ov[k]->name, near.best);
        }
    }
    return SAMEN_OK;
}

/* An override whose organisation is not in the file. */
static int unmatched(const orgs_ctx *c, samen_error *err)
{
    for (int k = 0; k < c->n_ov; k++) {
        if (c->ov_used[k])
            continue;
        const char *id = c->ov[k]->section + 4;
        samen_near near;
        samen_near_start(&near, id);
        for (int i = 0; i < c->sc->n_orgs; i++)
            samen_near_offer(&near, c->sc->orgs[i].id);
        char key[SAMEN_MAX_ID + 200];
        ov_key(c, k, key, sizeof key);
        return samen_error_set(err, SAMEN_EINPUT, "--set", 0, key,
                               "no organisation '%s' in %s (did you mean '%s'?)", id,
                               c->sc->orgs_path, near.best ? near.best : "");
    }
    return SAMEN_OK;
}

int samen_org_override_check(const samen_scenario *sc, const char *id,
                             const char *column, const char *value, int *is_numeric,
                             char *msg, size_t n)
{
    if (samen_scenario_org_index(sc, id) < 0) {
        samen_near near;
        samen_near_start(&near, id);
        for (int i = 0; i < sc->n_orgs; i++)
            samen_near_offer(&near, sc->orgs[i].id);
        snprintf(msg, n, "no organisation '%s' in %s (did you mean '%s'?)", id,
                 sc->orgs_path, near.best);
        return -1;
    }
    int r = role_of(sc, column);
    if (r < 0 || r == C_ID) {
        snprintf(msg, n, "'%s' is not a column an organisation's value can be set for: "
                 "name, sector, capacity, mandate, latency, guard, patience or a theme",
                 column);
        return -1;
    }
    if (is_numeric)
        *is_numeric = r >= C_CAPACITY && r != C_MANDATE && r != C_AREA;
    if (r == C_AREA && !sc->has_area) {
        snprintf(msg, n, "the organisations file has no area column to set");
        return -1;
    }
    if (r == C_AREA && value && !*value) {
        snprintf(msg, n, "an area may not be empty");
        return -1;
    }
    if (!value || r == C_NAME || r == C_SECTOR || r == C_AREA)
        return 0;
    if (r == C_MANDATE) {
        if (strcmp(value, "feedback") && strcmp(value, "decision")) {
            snprintf(msg, n, "'%s' is not a mandate; allowed: feedback or decision", value);
            return -1;
        }
        return 0;
    }
    double v;
    if (samen_parse_number(value, &v, msg, n) != 0)
        return -1;
    const char *rule = column_rule(r, v);
    if (rule) {
        char nb[32];
        snprintf(msg, n, "%s is out of range; allowed: %s", samen_num_text(v, nb, sizeof nb),
                 rule);
        return -1;
    }
    return 0;
}

int samen_orgs_read(samen_scenario *sc, const samen_raw *raw, samen_error *err)
{
    orgs_ctx c = {.sc = sc};
    int rc = find_overrides(&c, raw, err);
    if (rc == SAMEN_OK)
        rc = samen_csv_read(sc->orgs_path, row, &c, err);
    if (rc == SAMEN_OK && c.header_done)
        rc = unmatched(&c, err);
    free(c.role);
    free(c.ov);
    free(c.ov_col);
    free(c.ov_used);
    if (rc)
        return rc;
    if (!c.header_done)
        return samen_error_set(err, SAMEN_EINPUT, sc->orgs_path, 0, NULL,
                               "the file is empty; it needs a header line id,name,"
                               "sector,capacity,mandate,latency,guard,patience and the "
                               "themes, then one line per organisation");
    if (sc->n_orgs == 0)
        return samen_error_set(err, SAMEN_EINPUT, sc->orgs_path, 0, NULL,
                               "no organisations: the file has only its header");
    return SAMEN_OK;
}
