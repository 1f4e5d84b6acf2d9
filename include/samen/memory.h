/* memory.h: a scenario run in memory (FORMATS.md "Embedding"): the output
 * tables handed back as columns instead of CSV files, with their schema,
 * for programs and language bindings that embed samen. Nothing here keeps
 * global state: threads may run scenarios at once, each its own. */
#ifndef SAMEN_MEMORY_H
#define SAMEN_MEMORY_H

#include "samen/api.h"

#include <stdint.h>

#include "samen/error.h"
#include "samen/scenario.h"

/* Sets what an embedding program needs before its first run, which the
 * samen program sets in its main: GSL's error handler off and igraph's
 * error and warning handlers to ones that return (the libraries' own abort
 * the process, e.g. when memory runs out). These are process-wide
 * settings of those libraries, so the library never sets them behind a
 * program's back: call this once at start (the Python and R bindings do
 * when loaded), or set them yourself. Returns SAMEN_OK. */
SAMEN_API int samen_library_init(samen_error *err);

/* samen_scenario_load for a scenario given as text: path is the name the
 * text goes by (errors name it, and the file names in it are read
 * relative to its folder); it need not exist. */
SAMEN_API int samen_scenario_load_text(samen_scenario **out, const char *text,
                                       const char *path,
                                       const char *const *overrides, int n_overrides,
                                       samen_error *err);

/* ---- the schema: the output tables and their columns, as the CSV files
 * of FORMATS.md "Outputs" have them, in the same order ---- */

/* What a column holds, whatever its width in the model: a whole number
 * (int64_t), a number (double) or text. */
typedef enum { SAMEN_KIND_INT = 0, SAMEN_KIND_NUM = 1, SAMEN_KIND_TEXT = 2 } samen_kind;

/* The number of tables; a table is an index below it. */
SAMEN_API int samen_schema_tables(void);

/* The table's name ("network", "events", ...; its file is NAME.csv), or
 * NULL for an index out of range. */
SAMEN_API const char *samen_schema_table(int table);

/* The index of the table called name, or -1. */
SAMEN_API int samen_schema_find(const char *name);

/* The word of output.detail (--detail) that asks for the table ("orgs",
 * "persons", "graph"), or NULL for a table every run has. */
SAMEN_API const char *samen_schema_detail(int table);

/* The number of columns of the table, or -1 for a bad index. */
SAMEN_API int samen_schema_columns(int table);

/* Column col of the table: its name, its samen_kind, and 1 if its cells
 * can be empty (a text column, events.person, events.value, ...). NULL or
 * -1 for a bad index. */
SAMEN_API const char *samen_schema_column(int table, int col);
SAMEN_API int samen_schema_kind(int table, int col);
SAMEN_API int samen_schema_nullable(int table, int col);

/* ---- a run into memory ---- */

typedef struct samen_result samen_result;

/* Runs sc (its seed, steps and output.detail) and returns every table the
 * run would write (network, events, ties; orgs, persons and graph as
 * output.detail asks) in *out, to be freed with samen_result_free. No
 * file is written. Returns SAMEN_OK, or an error code with err filled as
 * samen run reports it, and *out NULL. */
SAMEN_API int samen_run_tables(const samen_scenario *sc, samen_result **out,
                               samen_error *err);

/* Frees a result; NULL is a no-op. */
SAMEN_API void samen_result_free(samen_result *res);

/* 1 if the run produced the table (a detail table only when asked). */
SAMEN_API int samen_result_has(const samen_result *res, int table);

/* The table's row count: 0 for a table not produced or a bad index. */
SAMEN_API int64_t samen_result_rows(const samen_result *res, int table);

/* The cells of a column, one per row, valid until samen_result_free;
 * NULL for a column of another kind, a table not produced or a bad index.
 * An empty cell is 0 in ints, NaN in nums, and -1 in codes. */
SAMEN_API const int64_t *samen_result_ints(const samen_result *res, int table, int col);
SAMEN_API const double *samen_result_nums(const samen_result *res, int table, int col);

/* A text column as codes into its distinct texts (the levels, in the
 * order first met): what pandas' categories and R's factors are made of. */
SAMEN_API const int32_t *samen_result_codes(const samen_result *res, int table, int col);
SAMEN_API int32_t samen_result_levels(const samen_result *res, int table, int col);
SAMEN_API const char *samen_result_level(const samen_result *res, int table, int col,
                                         int32_t level);

/* For a whole-number or number column: one byte per row, 1 where the cell
 * is empty; NULL when no cell of the column is empty. */
SAMEN_API const uint8_t *samen_result_missing(const samen_result *res, int table, int col);

#endif
