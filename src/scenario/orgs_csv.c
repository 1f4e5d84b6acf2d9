/* orgs_csv.c: the organisations file (FORMATS.md): the fixed columns and
 * one mission column per theme, matched by name in any order. */
#include "scenario/scenario_int.h"

#include <stdlib.h>
#include <string.h>

enum { C_ID, C_NAME, C_SECTOR, C_CAPACITY, C_MANDATE, C_LATENCY, C_GUARD,
       C_PATIENCE, C_FIXED };

static const char *const cols[C_FIXED] = {
    "id", "name", "sector", "capacity", "mandate", "latency", "guard", "patience",
};

typedef struct orgs_ctx {
    samen_scenario *sc;
    int ncols;
    int *role;         /* per column: C_* or C_FIXED + theme index */
    int header_done;
    int cap;
} orgs_ctx;

static const char *col_name(const orgs_ctx *c, int role)
{
    return role < C_FIXED ? cols[role] : c->sc->themes[role - C_FIXED];
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
            const char *best = cols[0];
            int bestd = samen_edit_distance(f[i], best);
            for (int k = 1; k < total; k++) {
                int d = samen_edit_distance(f[i], col_name(c, k));
                if (d < bestd) {
                    bestd = d;
                    best = col_name(c, k);
                }
            }
            return samen_error_set(err, SAMEN_EINPUT, sc->orgs_path, line, f[i],
                                   "unknown column '%s'; the columns are id, name, "
                                   "sector, capacity, mandate, latency, guard, patience "
                                   "and one per theme of simulation.themes (did you "
                                   "mean '%s'?)", f[i], best);
        }
        if (seen[r])
            return samen_error_set(err, SAMEN_EINPUT, sc->orgs_path, line, f[i],
                                   "column '%s' given twice", f[i]);
        seen[r] = 1;
        c->role[i] = r;
    }
    for (int r = 0; r < total; r++)
        if (!seen[r])
            return samen_error_set(err, SAMEN_EINPUT, sc->orgs_path, line,
                                   col_name(c, r), "missing column '%s'%s",
                                   col_name(c, r),
                                   r >= C_FIXED ? " (a theme of simulation.themes: "
                                                  "one mission column per theme)"
                                                : "");
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
    const char *rule = NULL;
    switch (role) {
    case C_CAPACITY:
    case C_PATIENCE:
        rule = v > 0 ? NULL : "> 0";
        break;
    case C_LATENCY:
        rule = v >= 1 ? NULL : ">= 1 (steps an internal decision takes)";
        break;
    default: /* guard and mission values */
        rule = v >= 0 && v <= 1 ? NULL : "[0, 1]";
        break;
    }
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
    if (sc->n_orgs == c->cap) {
        int cap = c->cap ? 2 * c->cap : 32;
        samen_org *o = realloc(sc->orgs, (size_t)cap * sizeof *o);
        if (!o)
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        sc->orgs = o;
        c->cap = cap;
    }
    samen_org *o = &sc->orgs[sc->n_orgs];
    memset(o, 0, sizeof *o);
    sc->n_orgs++; /* counted at once so that free finds its strings */
    for (int i = 0; i < n; i++) {
        int r = c->role[i];
        const char *v = f[i];
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

int samen_orgs_read(samen_scenario *sc, samen_error *err)
{
    orgs_ctx c = {.sc = sc};
    int rc = samen_csv_read(sc->orgs_path, row, &c, err);
    free(c.role);
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
