/* scenario_int.h: internals of the scenario module shared by its files:
 * the key table, the raw key store filled by the INI reader and by
 * overrides, value parsers, the CSV readers and the builder. */
#ifndef SAMEN_SCENARIO_INT_H
#define SAMEN_SCENARIO_INT_H

#include <stddef.h>
#include <stdio.h>

#include "samen/scenario.h"
#include "scenario/scenario_tools.h"
#include "util/csv_read.h"
#include "util/hindex.h"
#include "util/numfmt.h"
#include "util/parse.h"

/* run.ini wraps long values onto indented lines before this width. */
#define SAMEN_INI_WRAP 150
/* Room for a section name or a full key as --set gives it: a longer one
 * names no known key (network names are at most SAMEN_MAX_NET_NAME). */
#define SAMEN_MAX_KEY_TEXT 199
/* Longest organisation id, theme name and network name, so that every
 * list item of run.ini fits on one line. */
#define SAMEN_MAX_ID 100
#define SAMEN_MAX_THEME_NAME 64
#define SAMEN_MAX_NET_NAME 100
/* Largest whole number a count key takes: keeps step arithmetic in int. */
#define SAMEN_MAX_WHOLE 1000000000.0
/* The decision queue is allocated once per network and member slot: a
 * bound keeps that memory sane (64 by default). */
#define SAMEN_MAX_QUEUE 10000.0

/* ---- the key table (params.c) ---- */

typedef enum {
    SAMEN_PT_REAL,        /* a number in [lo, hi] */
    SAMEN_PT_WHOLE,       /* a whole number in [lo, hi], stored as int */
    SAMEN_PT_SEED,        /* a whole number in [lo, hi], stored as uint32_t */
    SAMEN_PT_DIST,        /* a distribution (dist.c) */
    SAMEN_PT_THEMES,      /* simulation.themes */
    SAMEN_PT_DETAIL,      /* output.detail */
    SAMEN_PT_PATH,        /* a file path (organisations.file, ties.file) */
    SAMEN_PT_IGNORED,     /* samen.version: accepted, not used */
    SAMEN_PT_NETTYPE,     /* network.NAME.type */
    SAMEN_PT_ORG,         /* one organisation id */
    SAMEN_PT_ORGLIST,     /* organisation ids, possibly none */
    SAMEN_PT_CANDIDATES,  /* `*` or organisation ids */
    SAMEN_PT_ISSUE,       /* theme:weight pairs */
    SAMEN_PT_DIST_POS,    /* a distribution of positive numbers (field.effort) */
    SAMEN_PT_REACH,       /* field.reach: area or all, stored as int */
    SAMEN_PT_LABEL        /* free text of at most SAMEN_MAX_LABEL bytes */
} samen_ptype;

/* Where a value is stored: offset is into this struct. */
typedef enum { SAMEN_IN_NONE, SAMEN_IN_PARAMS, SAMEN_IN_SCENARIO,
               SAMEN_IN_NET } samen_pwhere;

typedef struct samen_param_def {
    const char *section;   /* "model", ..., "network" for network.NAME.* */
    const char *name;
    samen_ptype type;
    const char *def;       /* default as text; NULL: required */
    double lo, hi;         /* numeric range */
    unsigned char lo_open, hi_open;
    const char *range;     /* range text where lo/hi do not say it all */
    const char *meaning;
    samen_pwhere where;
    size_t offset;
    /* 1: the key takes part in a rule between keys (validate.c checks its
     * value against other keys or the input files), so its value alone
     * says nothing of a scenario: a sweep that varies it loads every
     * point whole (samen_scenario_key_joint). */
    unsigned char joint;
} samen_param_def;

extern const samen_param_def samen_param_table[];
extern const int samen_param_count;

/* Section names in the order run.ini writes them ("network" last). */
extern const char *const samen_param_sections[];
extern const int samen_param_nsections;

/* The definition of section.name, or NULL. */
const samen_param_def *samen_param_find(const char *section, const char *name);

/* The key of `section` nearest to name by edit distance (never NULL for a
 * known section). */
const char *samen_param_nearest(const char *section, const char *name);

/* Nonzero if section is one of samen_param_sections (without "network"). */
int samen_param_is_section(const char *section);

/* The allowed range of d as text, e.g. "[0, 1]" or "whole, >= 1". */
const char *samen_param_range(const samen_param_def *d, char *buf, size_t n);

/* ---- values (params.c, dist.c) ---- */

/* Checks a number against d's range (and wholeness). Returns 0 or -1. */
int samen_check_range(const samen_param_def *d, double v, char *msg, size_t n);

int samen_dist_parse(const char *s, samen_dist *out, char *msg, size_t n);
/* The same for a distribution of positive numbers (field.effort): a bare
 * number > 0, uniform(a,b) with 0 < a <= b, or beta(a,b). */
int samen_dist_parse_pos(const char *s, samen_dist *out, char *msg, size_t n);
/* Writes the canonical text (its numbers as the shortest text that reads
 * back as the same double) into buf of n bytes. */
void samen_dist_format(const samen_dist *d, char *buf, size_t n);

/* Theme names: printable text without the characters that separate
 * lists, pairs and comments (params.c). */
int samen_valid_theme(const char *s);

/* ---- the raw store: every key as text, before validation ---- */

typedef struct samen_raw_entry {
    char *section;         /* "model", "network NAME", ... */
    char *name;
    char *value;
    const char *file;      /* the scenario path or "--set" */
    int line;              /* 0 for overrides */
} samen_raw_entry;

typedef struct samen_raw_section {
    char *name;            /* as in the header, trimmed */
    char *net;             /* NAME of [network NAME], else NULL */
    int line;
} samen_raw_section;

/* All zero is an empty store. Entries and sections are found through the
 * two indexes: a region of thousands of networks has tens of thousands of
 * keys, each looked up when read and when validated. */
typedef struct samen_raw {
    char *path;            /* the scenario file, as given */
    samen_raw_entry *e;
    int n;
    size_t cap;
    samen_raw_section *s;
    int ns;
    size_t caps;
    samen_hindex e_index;  /* entries by (section, name) */
    samen_hindex s_index;  /* sections by name */
} samen_raw;

void samen_raw_free(samen_raw *raw);
samen_raw_entry *samen_raw_get(const samen_raw *raw, const char *section,
                               const char *name);
const samen_raw_section *samen_raw_section_get(const samen_raw *raw,
                                               const char *name);
/* Appends an entry (copies all strings). Returns 0 or -1 out of memory. */
int samen_raw_add(samen_raw *raw, const char *section, const char *name,
                  const char *value, const char *file, int line);
int samen_raw_add_section(samen_raw *raw, const char *name, const char *net,
                          int line);

/* Reads the INI file path into raw, or the text (when not NULL) that goes
 * by that name (ini.c). */
int samen_ini_read(samen_raw *raw, const char *path, const char *text,
                   samen_error *err);

/* Applies one "KEY=VALUE" override to raw (validate.c). */
int samen_apply_override(samen_raw *raw, const char *kv, samen_error *err);

/* Splits a full key ("trust.gain", "network.X.type") into the section of
 * the raw store ("trust", "network X") and its definition. nearest_net(ctx,
 * NAME) returns NULL when the network exists, else the nearest network name
 * ("" when there is none). Returns 0, or -1 with msg naming the nearest
 * known key or network. */
int samen_resolve_key(const char *key,
                      const char *(*nearest_net)(const void *ctx, const char *name),
                      const void *ctx, char *section, size_t n,
                      const samen_param_def **def, char *msg, size_t msgn);

/* One value parsed and checked (validate.c); which fields are set depends
 * on the type. */
typedef struct samen_value {
    double num;                          /* REAL, WHOLE, SEED */
    samen_dist dist;                     /* DIST */
    int code;                            /* NETTYPE, DETAIL bits, REACH */
    char label[SAMEN_MAX_LABEL + 1];     /* LABEL */
    int all;                             /* CANDIDATES: `*` */
    int n_ids, *ids;                     /* ORG, ORGLIST, CANDIDATES */
    double issue[SAMEN_MAX_THEMES];      /* ISSUE */
    int n_items;                         /* THEMES */
    char **items;
} samen_value;

/* Parses and checks text as a value of d. Organisation ids and themes are
 * checked against sc (its themes and orgs must be set for those types).
 * Returns 0, -1 with msg filled, or -2 out of memory; free v with
 * samen_value_free in every case. */
int samen_parse_value(const samen_scenario *sc, const samen_param_def *d,
                      const char *text, samen_value *v, char *msg, size_t n);
void samen_value_free(samen_value *v);

/* Builds the scenario from raw (validate.c). */
int samen_scenario_build(samen_raw *raw, samen_scenario **out, samen_error *err);

/* ---- CSV files (orgs_csv.c, ties_csv.c; read with util/csv_read.h) ---- */

/* Reads the organisations file; raw's org.ID.COLUMN overrides (sections
 * "org ID") replace their fields. */
int samen_orgs_read(samen_scenario *sc, const samen_raw *raw, samen_error *err);

/* Checks an override org.ID.COLUMN=VALUE against a loaded scenario (VALUE
 * NULL: the key alone). Returns 0, or -1 with msg filled. */
int samen_org_override_check(const samen_scenario *sc, const char *id,
                             const char *column, const char *value, int *is_numeric,
                             char *msg, size_t n);
/* Adds organisation i, its id set, to the index of samen_scenario_org_index
 * (scenario.c). Returns 0 or -1 out of memory. */
int samen_scenario_index_org(samen_scenario *sc, int i);
int samen_ties_read(samen_scenario *sc, samen_error *err);

/* ---- writing run.ini (runini.c) ---- */

/* "name = a, b, c" wrapped onto indented continuation lines before
 * SAMEN_INI_WRAP columns: samen_list_begin, then samen_list_item per item,
 * then samen_list_end. */
typedef struct samen_list_out {
    FILE *fp;
    int col, n;
} samen_list_out;

samen_list_out samen_list_begin(FILE *fp, const char *name);
void samen_list_item(samen_list_out *l, const char *item);
void samen_list_end(samen_list_out *l);

#endif
