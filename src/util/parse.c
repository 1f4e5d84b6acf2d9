/* parse.c: the text helpers of util/parse.h: the strict number parser,
 * comma lists, names, nearest-name hints and the UTF-8 text check, shared
 * by the scenario, the sweep file and the CSV tools. */
#include "util/parse.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int samen_parse_number(const char *s, double *out, char *msg, size_t n)
{
    while (isspace((unsigned char)*s))
        s++;
    if (!*s) {
        snprintf(msg, n, "empty value; a number is needed");
        return -1;
    }
    /* strtod also reads hex, inf and nan: none is a scenario number. */
    for (const char *p = s; *p; p++)
        if (!strchr("0123456789+-.eE \t", *p)) {
            const char *comma = strchr(s, ',');
            if (comma && comma > s && isdigit((unsigned char)comma[-1]) &&
                isdigit((unsigned char)comma[1]) && !strchr(comma + 1, ','))
                snprintf(msg, n, "'%s' has a decimal comma; write a decimal point "
                         "(%.*s.%s)", s, (int)(comma - s), s, comma + 1);
            else
                snprintf(msg, n, "'%s' is not a number (write e.g. 0.25 or 1e-3)", s);
            return -1;
        }
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    while (isspace((unsigned char)*end))
        end++;
    if (end == s || *end) {
        snprintf(msg, n, "'%s' is not a number (write e.g. 0.25 or 1e-3)", s);
        return -1;
    }
    if (!isfinite(v)) {
        snprintf(msg, n, "'%s' is too large a number", s);
        return -1;
    }
    *out = v == 0.0 ? 0.0 : v; /* folds -0 */
    return 0;
}

char *samen_trim_dup(const char *s, size_t len)
{
    while (len && isspace((unsigned char)*s)) {
        s++;
        len--;
    }
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    char *r = malloc(len + 1);
    if (r) {
        memcpy(r, s, len);
        r[len] = '\0';
    }
    return r;
}

void samen_free_list(char **items, int n)
{
    if (!items)
        return;
    for (int i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

int samen_split_list(const char *s, char ***items, int *n, char *msg, size_t msgn)
{
    *items = NULL;
    *n = 0;
    const char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    if (!*p)
        return 0;
    int cap = 1;
    for (const char *q = s; *q; q++)
        cap += *q == ',';
    char **v = calloc((size_t)cap, sizeof *v);
    if (!v)
        return -2;
    int k = 0;
    const char *start = s;
    for (;;) {
        const char *comma = strchr(start, ',');
        size_t len = comma ? (size_t)(comma - start) : strlen(start);
        v[k] = samen_trim_dup(start, len);
        if (!v[k]) {
            samen_free_list(v, k);
            return -2;
        }
        if (!v[k][0]) {
            snprintf(msg, msgn, "empty item %d in list '%s'", k + 1, s);
            samen_free_list(v, k + 1);
            return -1;
        }
        k++;
        if (!comma)
            break;
        start = comma + 1;
    }
    *items = v;
    *n = k;
    return 0;
}

int samen_valid_name(const char *s, int allow_dot)
{
    if (!*s)
        return 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c > 127 || !(isalnum(c) || c == '_' || c == '-' || (allow_dot && c == '.')))
            return 0;
    }
    return 1;
}

int samen_edit_distance(const char *a, const char *b)
{
    enum { MAXL = 128 };
    int row[MAXL + 1];
    size_t la = strlen(a), lb = strlen(b);
    if (la > MAXL)
        la = MAXL;
    if (lb > MAXL)
        lb = MAXL;
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            int best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

void samen_near_start(samen_near *n, const char *name)
{
    n->name = name;
    n->best = NULL;
    n->dist = 0;
}

int samen_near_offer_at(samen_near *n, const char *cand, int dist)
{
    if (n->best && dist >= n->dist)
        return 0;
    n->best = cand;
    n->dist = dist;
    return 1;
}

int samen_near_offer(samen_near *n, const char *cand)
{
    if (!strcmp(cand, n->name)) {
        samen_near_offer_at(n, cand, 0);
        return 1;
    }
    samen_near_offer_at(n, cand, samen_edit_distance(n->name, cand));
    return 0;
}

const char *samen_nearest(const char *name, const char *const *names)
{
    samen_near n;
    samen_near_start(&n, name);
    for (const char *const *k = names; *k; k++)
        samen_near_offer(&n, *k);
    return n.best;
}

const char *samen_text_problem(const char *buf, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)buf[i];
        if (c == 0)
            return "a NUL byte: this is not a text file";
        if (c < 0x20 && c != '\t' && c != '\r' && c != '\n')
            return "a control character: this is not a text file";
        if (c == 0x7f)
            return "a control character: this is not a text file";
        if (c < 0x80) {
            i++;
            continue;
        }
        /* UTF-8: lead byte, then 1-3 continuation bytes; no overlongs. */
        int more;
        unsigned int cp;
        if (c >= 0xc2 && c <= 0xdf) {
            more = 1;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            more = 2;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            more = 3;
            cp = c & 0x07;
        } else {
            return "a byte that is not UTF-8 text (save the file as UTF-8)";
        }
        if (i + (size_t)more >= len)
            return "a byte that is not UTF-8 text (save the file as UTF-8)";
        for (int k = 1; k <= more; k++) {
            unsigned char cc = (unsigned char)buf[i + (size_t)k];
            if ((cc & 0xc0) != 0x80)
                return "a byte that is not UTF-8 text (save the file as UTF-8)";
            cp = (cp << 6) | (cc & 0x3f);
        }
        if ((more == 2 && cp < 0x800) || (more == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return "a byte that is not UTF-8 text (save the file as UTF-8)";
        i += (size_t)more + 1;
    }
    return NULL;
}
