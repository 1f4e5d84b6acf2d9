/* parts.h: a sweep's output folder (sweep.ini, inputs/, parts/, the
 * lock), the part files and logs each writer appends its runs to, and the
 * index of what all logs say of each run. Internal to samen. */
#ifndef SAMEN_SWEEP_PARTS_H
#define SAMEN_SWEEP_PARTS_H

#include <stddef.h>
#include <stdint.h>

#include "output/output.h"
#include "samen/error.h"
#include "sweep/design.h"
#include "output/descriptors.h"

/* ---- folder.c: the output folder: sweep.ini, inputs/, parts/, the lock ---- */

typedef enum { SAMEN_RUN_PENDING, SAMEN_RUN_DONE,
               SAMEN_RUN_FAILED } samen_run_status;

/* Writes OUT/sweep.ini or, when it exists (another shard, an earlier
 * start), refuses it unless it is the same sweep; creates OUT/parts and
 * OUT/inputs (one copy of the base scenario and its input files). */
int samen_sweep_claim(const samen_sweep *sw, const char *out, samen_error *err);

/* Takes and drops the lock (on OUT/sweep.ini) that serialises rebuilding
 * the manifest, summary and collected files between shards. */
int samen_sweep_lock(const char *out, int *fd, samen_error *err);
void samen_sweep_unlock(int fd);

/* "OUT/inputs/scenario.ini": the base scenario as resolved at claim time. */
void samen_sweep_inputs_path(char *buf, size_t n, const char *out);

/* Loads the scenario of run `run` of the sweep in OUT with its overrides
 * and then the n_extra given ("KEY=VALUE"): from the sweep's own copy in
 * OUT/inputs, unless the run names an input file (organisations.file,
 * ties.file), which is relative to the base scenario, or the copy is
 * missing. Returns SAMEN_OK with *sc set, or an error with err filled. */
int samen_sweep_load_run(const samen_sweep *sw, const char *out, size_t run,
                         const char *const *extra, int n_extra,
                         samen_scenario **sc, samen_error *err);

/* This machine's name as it may stand in a file name. */
void samen_host_name(char *buf, size_t n);

/* ---- partlog.c: a writer's log line: one per run it ran ---- */

/* The parts of a writer: the per-step tables (SAMEN_OUT_*) and the
 * summary rows. */
enum { SAMEN_PART_SUMMARY = SAMEN_TABLE_SUMMARY, SAMEN_PART_COUNT = SAMEN_TABLE_COUNT };

/* The table of part p: samen_tables[p]. */
const samen_table *samen_part_table(int part);

/* "network", "events", "ties", "orgs", "persons", "graph", "summary". */
static inline const char *samen_part_name(int part)
{
    return samen_part_table(part)->name;
}

/* Writes the header line (newline included) of part p's files. */
void samen_part_header(FILE *fp, int part);

/* The bytes of one run in one part file. */
typedef struct samen_range {
    uint64_t off;
    uint64_t len;
    uint32_t crc;
} samen_range;

/* One log line, parsed: `RUN done NAME=OFF+LEN/CRC ... crc=CRC` or
 * `RUN failed reason=TEXT crc=CRC`. */
typedef struct samen_log_entry {
    size_t run;
    samen_run_status status;
    unsigned parts;                      /* bit p: range[p] given */
    samen_range range[SAMEN_PART_COUNT];
    const char *reason;                  /* failed: into the parsed line */
    size_t reason_len;
} samen_log_entry;

/* Formats a log line (newline included) into buf of n bytes; returns its
 * length, or 0 if it does not fit. Control bytes in reason become spaces. */
size_t samen_log_format(char *buf, size_t n, const samen_log_entry *e);

/* Parses one line (without its newline); 0 if it is whole and its own
 * checksum matches, else -1. */
int samen_log_parse(const char *line, size_t len, samen_log_entry *e);

/* CRC-32 (zlib's) of n bytes, continuing crc (0 to start). */
uint32_t samen_crc32(uint32_t crc, const void *data, size_t n);

/* ---- writer.c: one writer's part files: the rows of the runs it ran ---- */

typedef struct samen_part_writer samen_part_writer;

/* A writer of the sweep in OUT; its files are created with its first run
 * (or failure), under a name unique across processes and machines. */
samen_part_writer *samen_part_writer_new(const samen_sweep *sw, const char *out,
                                         samen_error *err);

/* Runs run and appends its rows to the part files, then its log line. A
 * run that fails (bad input at its point, a model error) is logged as
 * failed: returns its code with err filled and *logged set. A write that
 * fails (a full disk) leaves the run unlogged: returns SAMEN_EIO with
 * *logged 0, and the sweep must stop. */
int samen_part_writer_run(samen_part_writer *w, size_t run, int *logged,
                          samen_error *err);

/* Logs run as failed with reason (a worker that died). */
int samen_part_writer_fail(samen_part_writer *w, size_t run, const char *reason,
                           samen_error *err);

/* Closes the files, checking every error. NULL is a no-op. */
int samen_part_writer_free(samen_part_writer *w, samen_error *err);

/* ---- index.c: what the logs of all writers say of each run ---- */

typedef struct samen_sweep_index {
    size_t n_runs;
    unsigned char *status;   /* per run: samen_run_status */
    unsigned char *corrupt;  /* per run: a done line whose rows no longer match */
    int *writer;             /* per run: writer of its done line, or -1 */
    samen_range *range;      /* per run: n_slots ranges */
    char **reason;           /* per run: why it failed, or NULL */
    char **writers;          /* writer names (parts/NAME.log), sorted */
    int n_writers;
    size_t counts[3];        /* runs pending, done, failed */
    int slot[SAMEN_PART_COUNT]; /* a part's place in range[], or -1 */
    int n_slots;             /* ranges per run: the parts the sweep keeps */
    int *fds;                /* n_writers x SAMEN_PART_COUNT, opened on use */
    char *buf;               /* one range read */
    size_t cap;
} samen_sweep_index;

/* Reads every log in OUT/parts: a run is done when a complete log line
 * says so and each of its ranges still matches its checksum (verify), or
 * failed when a log says that and none says done. The part files stay
 * open while the index lives, up to SAMEN_PART_COUNT per writer: a
 * program that reads folders of many writers raises its RLIMIT_NOFILE
 * (samen's main raises it to the hard limit); the library does not. */
int samen_sweep_index_read(const samen_sweep *sw, const char *out,
                           samen_sweep_index *idx, samen_error *err);
void samen_sweep_index_free(samen_sweep_index *idx);

/* Loads DIR/sweep.ini (trusted: the folder's own record of its sweep)
 * and reads the index of its runs, for the commands that read a sweep
 * folder. On failure *sw is NULL and idx zeroed. */
int samen_sweep_open(const char *dir, samen_sweep **sw, samen_sweep_index *idx,
                     samen_error *err);

/* "OUT/parts/WRITER.PART.csv" or "OUT/parts/WRITER.log" (part < 0). */
void samen_part_path(char *buf, size_t n, const char *out, const char *writer,
                     int part);

/* Copies the bytes of run's range of part p to fn, a line at a time
 * (without the leading "RUN,"). Returns SAMEN_OK, or what fn returned. */
typedef int (*samen_part_line_fn)(void *user, const char *line, size_t len,
                                  samen_error *err);
int samen_sweep_read_range(const char *out, samen_sweep_index *idx,
                           size_t run, int part, samen_part_line_fn fn,
                           void *user, samen_error *err);
/* The lines of the range samen_sweep_read_range last read for run and part
 * to fn again, from memory: a second pass (collect --last) reads no file. */
int samen_sweep_range_again(const samen_sweep_index *idx, size_t run, int part,
                            samen_part_line_fn fn, void *user, samen_error *err);

#endif
