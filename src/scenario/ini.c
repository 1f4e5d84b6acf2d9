/* ini.c: reads a scenario file into the raw key store with inih. Our own
 * reader hands inih one whole line at a time, so that we know the line
 * number of every handler call, refuse lines inih would cut, see section
 * headers (inih does not report them) and tell continuation lines apart. */
#include "scenario/scenario_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "util/input.h"

/* ---- the raw store ---- */

void samen_raw_free(samen_raw *raw)
{
    for (int i = 0; i < raw->n; i++) {
        free(raw->e[i].section);
        free(raw->e[i].name);
        free(raw->e[i].value);
    }
    for (int i = 0; i < raw->ns; i++) {
        free(raw->s[i].name);
        free(raw->s[i].net);
    }
    free(raw->e);
    free(raw->s);
    free(raw->path);
    samen_hindex_free(&raw->e_index);
    samen_hindex_free(&raw->s_index);
    memset(raw, 0, sizeof *raw);
}

typedef struct entry_key {
    const samen_raw *raw;
    const char *section, *name;
} entry_key;

static uint64_t entry_hash(const char *section, const char *name)
{
    return samen_hash_str(samen_hash_str(SAMEN_HASH_START, section), name);
}

static int entry_match(const void *ctx, int rec)
{
    const entry_key *k = ctx;
    const samen_raw_entry *e = &k->raw->e[rec];
    return !strcmp(e->section, k->section) && !strcmp(e->name, k->name);
}

samen_raw_entry *samen_raw_get(const samen_raw *raw, const char *section,
                               const char *name)
{
    entry_key k = {raw, section, name};
    int i = samen_hindex_find(&raw->e_index, entry_hash(section, name), entry_match, &k);
    return i < 0 ? NULL : &raw->e[i];
}

typedef struct section_key {
    const samen_raw *raw;
    const char *name;
} section_key;

static int section_match(const void *ctx, int rec)
{
    const section_key *k = ctx;
    return !strcmp(k->raw->s[rec].name, k->name);
}

const samen_raw_section *samen_raw_section_get(const samen_raw *raw,
                                               const char *name)
{
    section_key k = {raw, name};
    int i = samen_hindex_find(&raw->s_index, samen_hash_str(SAMEN_HASH_START, name),
                              section_match, &k);
    return i < 0 ? NULL : &raw->s[i];
}

int samen_raw_add(samen_raw *raw, const char *section, const char *name,
                  const char *value, const char *file, int line)
{
    if (raw->n == raw->cap) {
        int cap = raw->cap ? 2 * raw->cap : 32;
        samen_raw_entry *e = realloc(raw->e, (size_t)cap * sizeof *e);
        if (!e)
            return -1;
        raw->e = e;
        raw->cap = cap;
    }
    samen_raw_entry *e = &raw->e[raw->n];
    e->section = strdup(section);
    e->name = strdup(name);
    e->value = strdup(value);
    e->file = file;
    e->line = line;
    if (!e->section || !e->name || !e->value ||
        samen_hindex_add(&raw->e_index, entry_hash(section, name), raw->n) != 0) {
        free(e->section);
        free(e->name);
        free(e->value);
        return -1;
    }
    raw->n++;
    return 0;
}

int samen_raw_add_section(samen_raw *raw, const char *name, const char *net,
                          int line)
{
    if (raw->ns == raw->caps) {
        int cap = raw->caps ? 2 * raw->caps : 16;
        samen_raw_section *s = realloc(raw->s, (size_t)cap * sizeof *s);
        if (!s)
            return -1;
        raw->s = s;
        raw->caps = cap;
    }
    samen_raw_section *s = &raw->s[raw->ns];
    s->name = strdup(name);
    s->net = net ? strdup(net) : NULL;
    s->line = line;
    if (!s->name || (net && !s->net) ||
        samen_hindex_add(&raw->s_index, samen_hash_str(SAMEN_HASH_START, name),
                         raw->ns) != 0) {
        free(s->name);
        free(s->net);
        return -1;
    }
    raw->ns++;
    return 0;
}

/* ---- reading ---- */

typedef struct ini_ctx {
    samen_raw *raw;
    FILE *fp;
    const char *path;
    char *buf;
    size_t cap;
    int lineno;
    int section;     /* index into raw->s, -1 before the first header */
    int has_prev;    /* inih remembers a key name in this section */
    int cont;        /* the current line continues the previous key */
    int last;        /* raw entry of the previous key, -1 none */
    int failed;      /* the error code once something failed */
    samen_error *err;
} ini_ctx;

#define FAIL(c, line, key, ...)                                              \
    do {                                                                     \
        samen_error_set((c)->err, SAMEN_EINPUT, (c)->path, line, key,        \
                        __VA_ARGS__);                                        \
        (c)->failed = SAMEN_EINPUT;                                          \
    } while (0)

static void oom(ini_ctx *c)
{
    samen_error_set(c->err, SAMEN_EIO, c->path, c->lineno, NULL, "out of memory");
    c->failed = SAMEN_EIO;
}

/* The sections a scenario may have, for the hint of an unknown one. */
static const char *nearest_section(const char *name)
{
    const char *best = "network NAME";
    int bestd = samen_edit_distance(name, "network");
    for (int i = 0; i < samen_param_nsections; i++) {
        if (!strcmp(samen_param_sections[i], "network"))
            continue;
        int d = samen_edit_distance(name, samen_param_sections[i]);
        if (d < bestd) {
            best = samen_param_sections[i];
            bestd = d;
        }
    }
    return best;
}

static void section_header(ini_ctx *c, const char *t)
{
    /* Like inih: the header ends at ']' unless an inline comment comes
     * first. */
    const char *q = t + 1;
    int was_space = 0;
    while (*q && *q != ']' && !(was_space && *q == ';')) {
        was_space = isspace((unsigned char)*q);
        q++;
    }
    if (*q != ']') {
        FAIL(c, c->lineno, NULL, "section header without ']': write [name]");
        return;
    }
    const char *after = q + 1;
    while (isspace((unsigned char)*after))
        after++;
    if (*after && *after != ';' && *after != '#') {
        FAIL(c, c->lineno, NULL,
             "unexpected text '%s' after ']'; a comment starts with ';'", after);
        return;
    }
    const char *a = t + 1;
    while (a < q && isspace((unsigned char)*a))
        a++;
    const char *b = q;
    while (b > a && isspace((unsigned char)b[-1]))
        b--;
    size_t len = (size_t)(b - a);
    char name[SAMEN_INI_MAX_LINE + 1];
    memcpy(name, a, len);
    name[len] = '\0';

    char full[SAMEN_INI_MAX_LINE + 16];
    const char *net = NULL;
    if (!strncmp(name, "network", 7) && (!name[7] || isspace((unsigned char)name[7]))) {
        net = name + 7;
        while (isspace((unsigned char)*net))
            net++;
        if (!*net) {
            FAIL(c, c->lineno, NULL, "a network section needs a name: [network NAME]");
            return;
        }
        if (!samen_valid_name(net, 0)) {
            FAIL(c, c->lineno, NULL,
                 "network name '%s' is not allowed: use letters, digits, '_' and '-'", net);
            return;
        }
        if (strlen(net) > SAMEN_MAX_NET_NAME) {
            FAIL(c, c->lineno, NULL, "network name longer than %d characters",
                 SAMEN_MAX_NET_NAME);
            return;
        }
        snprintf(full, sizeof full, "network %s", net);
    } else {
        if (!strcmp(name, "sweep") || !strcmp(name, "vary")) {
            FAIL(c, c->lineno, NULL, "[%s] belongs to a sweep file, not a scenario: "
                 "run it with samen sweep (samen check tells the two apart)", name);
            return;
        }
        if (!samen_param_is_section(name)) {
            FAIL(c, c->lineno, NULL,
                 "unknown section [%s]; did you mean [%s]? (sections: samen, "
                 "simulation, output, model, comm, trust, goal, exec, framing, "
                 "drop, turnover, persons, form, organisations, ties, network NAME)",
                 name, nearest_section(name));
            return;
        }
        snprintf(full, sizeof full, "%s", name);
    }
    const samen_raw_section *old = samen_raw_section_get(c->raw, full);
    if (old) {
        FAIL(c, c->lineno, NULL, "section [%s] given twice (first on line %d); "
             "put all its keys in one section", full, old->line);
        return;
    }
    if (samen_raw_add_section(c->raw, full, net, c->lineno) != 0) {
        oom(c);
        return;
    }
    c->section = c->raw->ns - 1;
    c->has_prev = 0;
    c->last = -1;
}

/* Decides, as inih will, what the line is. */
static void classify(ini_ctx *c)
{
    const char *t = c->buf;
    c->cont = 0;
    while (isspace((unsigned char)*t))
        t++;
    if (!*t || *t == ';' || *t == '#')
        return;
    if (t > c->buf && c->has_prev) {
        /* No list item holds '=' or starts with '[': an indented key or
         * header would else be glued to the list above it. */
        const char *q = t;
        while (*q && *q != '=' && !(q > t && *q == ';' && isspace((unsigned char)q[-1])))
            q++;
        /* [samen] holds run.ini's provenance, text (a command line) that
         * may hold '=' or start with '[', and is never used. */
        int samen = c->section >= 0 && !strcmp(c->raw->s[c->section].name, "samen");
        if ((*t == '[' || *q == '=') && !samen) {
            FAIL(c, c->lineno, NULL,
                 "this line is indented, so it would continue the list of the key "
                 "above; start a key or a [section] at the beginning of the line");
            return;
        }
        c->cont = 1;
        return;
    }
    if (*t == '[') {
        section_header(c, t);
        return;
    }
    const char *q = t;
    int was_space = 0;
    while (*q && *q != '=' && *q != ':' && !(was_space && *q == ';')) {
        was_space = isspace((unsigned char)*q);
        q++;
    }
    if (*q != '=' && *q != ':') {
        FAIL(c, c->lineno, NULL,
             "expected 'key = value', a [section] header or a comment");
        return;
    }
    c->has_prev = 1;
}

static char *reader(char *str, int num, void *stream)
{
    ini_ctx *c = stream;
    if (c->failed)
        return NULL;
    errno = 0;
    ssize_t len = getline(&c->buf, &c->cap, c->fp);
    if (len < 0) {
        if (ferror(c->fp))
            FAIL(c, 0, NULL, "cannot read the file: %s", strerror(errno));
        else if (errno == ENOMEM)
            oom(c);
        return NULL;
    }
    c->lineno++;
    const char *bad = samen_text_problem(c->buf, (size_t)len);
    if (bad) {
        FAIL(c, c->lineno, NULL, "the line holds %s", bad);
        return NULL;
    }
    size_t l = (size_t)len;
    if (l && c->buf[l - 1] == '\n')
        l--;
    if (l && c->buf[l - 1] == '\r')
        l--;
    c->buf[l] = '\0';
    if (c->lineno == 1 && !strncmp(c->buf, "\xef\xbb\xbf", 3)) {
        memmove(c->buf, c->buf + 3, l - 2);
        l -= 3;
    }
    size_t limit = SAMEN_INI_MAX_LINE;
    if (num > 0 && (size_t)num - 1 < limit)
        limit = (size_t)num - 1;
    if (l > limit) {
        const char *t = c->buf + strspn(c->buf, " \t");
        int comment = *t == ';' || *t == '#';
        FAIL(c, c->lineno, NULL,
             "the line is %zu characters long; at most %zu are read: %s", l, limit,
             comment ? "split the comment over several lines"
                     : "continue a long list on indented lines");
        return NULL;
    }
    classify(c);
    if (c->failed)
        return NULL;
    memcpy(str, c->buf, l + 1);
    return str;
}

static int handler(void *user, const char *section, const char *name,
                   const char *value)
{
    ini_ctx *c = user;
    samen_raw *raw = c->raw;
    (void)section; /* inih cuts section names at 49 characters; ours are whole */
    if (c->failed)
        return 0;
    if (c->cont && c->last >= 0) {
        /* inih calls again with the same key for a continuation line, and
         * (Debian's build) leaves its inline comment on: cut it here. */
        samen_raw_entry *e = &raw->e[c->last];
        size_t vl = strlen(value);
        for (size_t i = 1; i < vl; i++)
            if (value[i] == ';' && isspace((unsigned char)value[i - 1])) {
                vl = i;
                break;
            }
        while (vl && isspace((unsigned char)value[vl - 1]))
            vl--;
        size_t ol = strlen(e->value);
        int comma = ol && e->value[ol - 1] != ',';
        char *v = malloc(ol + (size_t)comma + vl + 1);
        if (!v) {
            oom(c);
            return 0;
        }
        memcpy(v, e->value, ol);
        if (comma)
            v[ol] = ',';
        memcpy(v + ol + (size_t)comma, value, vl);
        v[ol + (size_t)comma + vl] = '\0';
        free(e->value);
        e->value = v;
        return 1;
    }
    if (c->section < 0) {
        FAIL(c, c->lineno, name, "key before any [section]; put it in its section, "
             "e.g. [simulation]");
        return 0;
    }
    const samen_raw_section *s = &raw->s[c->section];
    const char *defsec = s->net ? "network" : s->name;
    char key[SAMEN_INI_MAX_LINE + 80];
    if (s->net)
        snprintf(key, sizeof key, "network.%s.%s", s->net, name);
    else
        snprintf(key, sizeof key, "%s.%s", s->name, name);
    if (!samen_param_find(defsec, name)) {
        FAIL(c, c->lineno, key, "unknown key '%s' in [%s]; did you mean '%s'? "
             "(samen describe lists every key; keys are case-sensitive)",
             name, s->name, samen_param_nearest(defsec, name));
        return 0;
    }
    const samen_raw_entry *old = samen_raw_get(raw, s->name, name);
    if (old) {
        FAIL(c, c->lineno, key, "key given twice (first on line %d); a list may "
             "continue on lines indented by white space", old->line);
        return 0;
    }
    if (samen_raw_add(raw, s->name, name, value, c->path, c->lineno) != 0) {
        oom(c);
        return 0;
    }
    c->last = raw->n - 1;
    return 1;
}

int samen_ini_read(samen_raw *raw, const char *path, samen_error *err)
{
    ini_ctx c = {.raw = raw, .path = raw->path, .section = -1, .last = -1,
                 .err = err};
    samen_input in;
    if (samen_input_open(&in, path) != 0)
        return samen_error_set(err, in.code, path, 0, NULL,
                               "cannot open the scenario file: %s", in.why);
    c.fp = in.fp;
    int rc = ini_parse_stream(reader, &c, handler, &c);
    free(c.buf);
    samen_input_close(&in);
    if (c.failed)
        return c.failed;
    if (rc == -2)
        return samen_error_set(err, SAMEN_EIO, path, 0, NULL, "out of memory");
    if (rc != 0)
        return samen_error_set(err, SAMEN_EINPUT, path, rc, NULL,
                               "cannot read this line: expected 'key = value', "
                               "a [section] header or a comment");
    if (raw->n == 0 && raw->ns == 0)
        return samen_error_set(err, SAMEN_EINPUT, path, 0, NULL,
                               "the scenario file is empty; it needs at least "
                               "[simulation] themes, [organisations] file and "
                               "one [network NAME] section");
    return SAMEN_OK;
}
