/* numfmt.h: every way samen writes a number as text, each a contract of
 * its own (bytes that outputs, run.ini, sweep.ini and messages keep):
 * the %.6g of the output tables with its fast path, whole numbers, the
 * shortest text that reads back (messages, samen check), run.ini's %.17g,
 * and a sweep's values as given to its runs and written to its tables. */
#ifndef SAMEN_NUMFMT_H
#define SAMEN_NUMFMT_H

#include <stddef.h>

/* ---- the output tables: %.6g ---- */

/* Formats v with %.6g; -0 becomes 0. v must be finite (asserted). buf must
 * hold 32 bytes. Returns buf. */
char *samen_fmt_num(char *buf, double v);

/* samen_fmt_num returning the length instead, for callers that would
 * otherwise measure the string. */
size_t samen_fmt_num_len(char *buf, double v);

/* The contract itself: %.6g by snprintf, -0 written 0; the fallback of
 * the fast path, and what tests compare it with. Returns the length. */
size_t samen_fmt_num_printf(char *buf, double v);

/* The fast path of samen_fmt_num (buf of 32 bytes too): the same bytes,
 * or 0 (buf unspecified) where it cannot be sure of them (subnormals,
 * near-ties after an inexact scaling) and snprintf must do the work.
 * Exposed for the tests. */
size_t samen_fmt_num_fast(char *buf, double v);

/* Formats v as %ld does, into buf of 24 bytes; returns the length. Rows
 * write their counts and steps with it: printf parsing its format for
 * every field was a tenth of a region run. */
size_t samen_fmt_int(char *buf, long v);

/* ---- exact and shortest ---- */

/* The shortest of %.15g, %.16g, %.17g that reads back as v (messages). */
const char *samen_num_text(double v, char *buf, size_t n);

/* v as run.ini writes it, %.17g (the contract: the same bytes in every
 * run.ini), or with shortest as samen_num_text (samen check). */
const char *samen_num_format(double v, int shortest, char *buf, size_t n);

/* ---- a sweep's values (samen_sweep_value, samen_sweep_csv_value) ---- */

/* How a sweep gives a value to its run: a grid range's value with %.15g
 * (so 0.1:0.9:0.1 gives 0.3, not 0.30000000000000004; -0 as 0), a
 * design's value with %.17g (the point itself), a whole key's value as an
 * integer (%.0f). */
typedef enum { SAMEN_NUM_RANGE, SAMEN_NUM_DESIGN, SAMEN_NUM_WHOLE } samen_num_kind;

/* v written the way kind says into buf of n bytes; returns buf. */
const char *samen_num_value(double v, samen_num_kind kind, char *buf, size_t n);

/* A sweep's number in a CSV field (design.csv, manifest.csv, the varied
 * keys' columns): a whole number under 1e15 as an integer, another with
 * samen_fmt_num. buf must hold 32 bytes; returns the length. */
size_t samen_fmt_value(char *buf, double v);

#endif
