/* ini.c: reads a scenario file into the raw key store: the sections and
 * keys that util/ini_reader.c hands on, each checked against the key
 * table (params.c) where it is read, so that errors name its line. */
#include "scenario/scenario_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/grow.h"
#include "util/ini_reader.h"

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
    samen_raw_entry *grown = samen_grow(raw->e, (size_t)raw->n, &raw->cap, sizeof *grown, 32);
    if (!grown)
        return -1;
    raw->e = grown;
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
    samen_raw_section *grown = samen_grow(raw->s, (size_t)raw->ns, &raw->caps, sizeof *grown, 16);
    if (!grown)
        return -1;
    raw->s = grown;
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
    const char *path;
    int section;     /* index into raw->s, -1 before the first header */
} ini_ctx;

#define FAIL(c, err, line, key, ...) \
    samen_error_set(err, SAMEN_EINPUT, (c)->path, line, key, __VA_ARGS__)

/* The sections a scenario may have, for the hint of an unknown one. */
static const char *nearest_section(const char *name)
{
    /* "network" is offered first and named as its header is written. */
    samen_near near;
    samen_near_start(&near, name);
    samen_near_offer_at(&near, "network NAME", samen_edit_distance(name, "network"));
    for (int i = 0; i < samen_param_nsections; i++)
        if (strcmp(samen_param_sections[i], "network"))
            samen_near_offer(&near, samen_param_sections[i]);
    return near.best;
}

/* A section header; its name comes trimmed, inner white space as one
 * space, so "[network  a]" and "[network a]" are the same network. */
static int section_header(ini_ctx *c, const samen_ini_item *it, samen_error *err)
{
    const char *name = it->section;
    const char *net = NULL;
    if (!strncmp(name, "network", 7) && (!name[7] || name[7] == ' ')) {
        net = name[7] ? name + 8 : name + 7;
        if (!*net)
            return FAIL(c, err, it->line, NULL,
                        "a network section needs a name: [network NAME]");
        if (!samen_valid_name(net, 0))
            return FAIL(c, err, it->line, NULL, "network name '%s' is not allowed: "
                        "use letters, digits, '_' and '-'", net);
        if (strlen(net) > SAMEN_MAX_NET_NAME)
            return FAIL(c, err, it->line, NULL, "network name longer than %d characters",
                        SAMEN_MAX_NET_NAME);
    } else {
        if (!strcmp(name, "sweep") || !strcmp(name, "vary"))
            return FAIL(c, err, it->line, NULL, "[%s] belongs to a sweep file, not a "
                        "scenario: run it with samen sweep (samen check tells the two "
                        "apart)", name);
        if (!strcmp(name, "fit") || !strcmp(name, "prior"))
            return FAIL(c, err, it->line, NULL, "[%s] belongs to a fit file, not a "
                        "scenario: run it with samen fit (samen check validates it)", name);
        if (!samen_param_is_section(name))
            return FAIL(c, err, it->line, NULL,
                        "unknown section [%s]; did you mean [%s]? (sections: samen, "
                        "simulation, output, model, comm, trust, goal, exec, framing, "
                        "drop, turnover, persons, form, organisations, ties, network NAME)",
                        name, nearest_section(name));
    }
    if (it->first_line)
        return FAIL(c, err, it->line, NULL, "section [%s] given twice (first on line %d); "
                    "put all its keys in one section", name, it->first_line);
    if (samen_raw_add_section(c->raw, name, net, it->line) != 0)
        return samen_error_set(err, SAMEN_EIO, c->path, it->line, NULL, "out of memory");
    c->section = c->raw->ns - 1;
    return SAMEN_OK;
}

static int on_item(void *user, const samen_ini_item *it, samen_error *err)
{
    ini_ctx *c = user;
    samen_raw *raw = c->raw;
    if (!it->key)
        return section_header(c, it, err);
    if (c->section < 0)
        return FAIL(c, err, it->line, it->key, "key before any [section]; put it in its "
                    "section, e.g. [simulation]");
    const samen_raw_section *s = &raw->s[c->section];
    const char *defsec = s->net ? "network" : s->name;
    /* The full key, for errors: err->key holds at most 159 characters. */
    char key[sizeof err->key];
    if (s->net)
        snprintf(key, sizeof key, "network.%s.%s", s->net, it->key);
    else
        snprintf(key, sizeof key, "%s.%s", s->name, it->key);
    if (!samen_param_find(defsec, it->key))
        return FAIL(c, err, it->line, key, "unknown key '%s' in [%s]; did you mean '%s'? "
                    "(samen describe lists every key; keys are case-sensitive)",
                    it->key, s->name, samen_param_nearest(defsec, it->key));
    if (it->first_line)
        return FAIL(c, err, it->line, key, "key given twice (first on line %d); a list "
                    "may continue on lines indented by white space", it->first_line);
    if (samen_raw_add(raw, s->name, it->key, it->value, c->path, it->line) != 0)
        return samen_error_set(err, SAMEN_EIO, c->path, it->line, NULL, "out of memory");
    return SAMEN_OK;
}

int samen_ini_read(samen_raw *raw, const char *path, const char *text,
                   samen_error *err)
{
    ini_ctx c = {.raw = raw, .path = raw->path, .section = -1};
    int rc;
    if (text) {
        /* glibc's fmemopen refuses a buffer of 0 bytes: "" reads as "\n" */
        size_t n = strlen(text);
        FILE *fp = n ? fmemopen((void *)text, n, "r") : fmemopen((void *)"\n", 1, "r");
        if (!fp)
            return samen_error_set(err, SAMEN_EIO, path, 0, NULL, "out of memory");
        rc = samen_ini_read_stream(fp, path, on_item, &c, err);
        fclose(fp);
    } else {
        rc = samen_ini_read_file(path, "scenario file", on_item, &c, err);
    }
    if (rc)
        return rc;
    if (raw->n == 0 && raw->ns == 0)
        return samen_error_set(err, SAMEN_EINPUT, path, 0, NULL,
                               "the scenario file is empty; it needs at least "
                               "[simulation] themes, [organisations] file and "
                               "one [network NAME] section");
    return SAMEN_OK;
}
