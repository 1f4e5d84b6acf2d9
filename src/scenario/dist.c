/* dist.c: distribution strings of FORMATS.md (a bare number, uniform(a,b),
 * beta(a,b), normal(mu,sd)), parsed strictly and written back exactly. */
#include "scenario/scenario_int.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

static const struct {
    const char *name;
    samen_dist_kind kind;
} dist_names[] = {
    {"uniform", SAMEN_DIST_UNIFORM},
    {"beta", SAMEN_DIST_BETA},
    {"normal", SAMEN_DIST_NORMAL},
};

#define FORMS_01 "a number in [0,1], uniform(a,b), beta(a,b) or normal(mu,sd)"
#define FORMS_POS "a number > 0, uniform(a,b) with 0 < a <= b, or beta(a,b)"

/* pos: a distribution of positive numbers (field.effort, MODEL.md 4.14),
 * not limited to [0,1]; normal, clipped to [0,1], could give 0. */
static int parse(const char *s, int pos, samen_dist *out, char *msg, size_t n)
{
    const char *FORMS = pos ? FORMS_POS : FORMS_01;
    const char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    if (!isalpha((unsigned char)*p)) {
        double v;
        if (samen_parse_number(p, &v, msg, n) != 0) {
            snprintf(msg, n, "'%s' is not a distribution; allowed: %s", s, FORMS);
            return -1;
        }
        if (pos ? !(v > 0 && v < HUGE_VAL) : !(v >= 0 && v <= 1)) {
            char nb[32];
            snprintf(msg, n, "%s is out of range; allowed: %s",
                     samen_num_text(v, nb, sizeof nb), FORMS);
            return -1;
        }
        out->kind = SAMEN_DIST_CONST;
        out->a = v;
        out->b = 0;
        return 0;
    }
    const char *w = p;
    while (isalpha((unsigned char)*p))
        p++;
    size_t wl = (size_t)(p - w);
    int k = -1;
    for (int i = 0; i < 3; i++)
        if (strlen(dist_names[i].name) == wl && !strncmp(dist_names[i].name, w, wl))
            k = i;
    while (isspace((unsigned char)*p))
        p++;
    const char *close = strrchr(p, ')');
    const char *after = close ? close + 1 : NULL;
    while (after && isspace((unsigned char)*after))
        after++;
    if (k < 0 || *p != '(' || !close || *after) {
        snprintf(msg, n, "'%s' is not a distribution; allowed: %s", s, FORMS);
        return -1;
    }
    /* The two arguments between the parentheses, split at the one comma. */
    char args[2][64];
    const char *a0 = p + 1;
    const char *comma = memchr(a0, ',', (size_t)(close - a0));
    if (!comma || memchr(comma + 1, ',', (size_t)(close - comma - 1)) ||
        (size_t)(comma - a0) >= sizeof args[0] ||
        (size_t)(close - comma - 1) >= sizeof args[1]) {
        snprintf(msg, n, "'%s' needs two arguments, e.g. %s(2, 5)", s, dist_names[k].name);
        return -1;
    }
    memcpy(args[0], a0, (size_t)(comma - a0));
    args[0][comma - a0] = '\0';
    memcpy(args[1], comma + 1, (size_t)(close - comma - 1));
    args[1][close - comma - 1] = '\0';
    double v[2];
    char sub[256];
    for (int i = 0; i < 2; i++)
        if (samen_parse_number(args[i], &v[i], sub, sizeof sub) != 0) {
            snprintf(msg, n, "in '%s': %s", s, sub);
            return -1;
        }
    samen_dist_kind kind = dist_names[k].kind;
    if (pos && kind == SAMEN_DIST_NORMAL) {
        snprintf(msg, n, "'%s': normal(mu,sd) is not allowed here; allowed: %s", s, FORMS);
        return -1;
    }
    if (pos && kind == SAMEN_DIST_UNIFORM && !(v[0] > 0 && v[0] <= v[1] && v[1] < HUGE_VAL)) {
        snprintf(msg, n, "'%s': uniform(a,b) needs 0 < a <= b", s);
        return -1;
    }
    if (kind == SAMEN_DIST_UNIFORM && !pos && !(v[0] >= 0 && v[0] <= v[1] && v[1] <= 1)) {
        snprintf(msg, n, "'%s': uniform(a,b) needs 0 <= a <= b <= 1", s);
        return -1;
    }
    if (kind == SAMEN_DIST_BETA && !(v[0] > 0 && v[1] > 0)) {
        snprintf(msg, n, "'%s': beta(a,b) needs a > 0 and b > 0", s);
        return -1;
    }
    if (kind == SAMEN_DIST_NORMAL && !(v[1] >= 0)) {
        snprintf(msg, n, "'%s': normal(mu,sd) needs sd >= 0", s);
        return -1;
    }
    out->kind = kind;
    out->a = v[0];
    out->b = v[1];
    return 0;
}

int samen_dist_parse(const char *s, samen_dist *out, char *msg, size_t n)
{
    return parse(s, 0, out, msg, n);
}

int samen_dist_parse_pos(const char *s, samen_dist *out, char *msg, size_t n)
{
    return parse(s, 1, out, msg, n);
}

void samen_dist_format(const samen_dist *d, char *buf, size_t n)
{
    const char *name = NULL;
    char a[32], b[32];
    for (int i = 0; i < 3; i++)
        if (dist_names[i].kind == d->kind)
            name = dist_names[i].name;
    if (!name)
        snprintf(buf, n, "%s", samen_num_text(d->a, a, sizeof a));
    else
        snprintf(buf, n, "%s(%s, %s)", name, samen_num_text(d->a, a, sizeof a),
                 samen_num_text(d->b, b, sizeof b));
}
