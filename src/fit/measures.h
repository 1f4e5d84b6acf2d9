/* measures.h: the measures a fit's target can name (FORMATS.md "Fit
 * file"), each computed once per run from what the run wrote: its
 * networks' summary rows and, for trust_age_corr, its ties at the last
 * step. The calibration targets C1-C5 of docs/MODEL.md section 1 are
 * among them. Internal to samen. */
#ifndef SAMEN_FIT_MEASURES_H
#define SAMEN_FIT_MEASURES_H

#include <stddef.h>
#include <stdio.h>

#include "sweep/tables.h"

/* One run as the measures see it. Networks nobody joined (largest member
 * count below 2: among them those nobody can join, which `samen check`
 * warns of) are left out of every measure: their ending says nothing of
 * collaboration. */
typedef struct samen_run_view {
    const samen_net_outcome *net;   /* n_nets summary rows */
    int n_nets;
    int last_step;                  /* simulation.steps - 1 */
    const double *trust, *age;      /* the ties of the last snapshot */
    size_t n_pairs;
    const double *degree;           /* field degrees at the last snapshot of
                                     * field.csv, every organisation (n_nodes) */
    size_t n_nodes;
    double repeat_or, closure_or;   /* N1, N2 (field_odds.c); NAN without */
    double *time;                   /* n_nets of room, for Kaplan-Meier */
    int *event;
} samen_run_view;

/* Steps in a year (a step is a week): the field measures count by year,
 * and N1 and N2 need field.csv at every multiple of it. */
#define SAMEN_FIELD_YEAR 52

typedef struct samen_measure {
    const char *name;
    const char *meaning;
    int needs_ties;                 /* reads the ties table (1), field.csv (2),
                                     * field.csv and events.csv by year (4) */
    double (*fn)(const samen_run_view *v);
} samen_measure;

/* The measures, in the order FORMATS.md lists them; NULL-named at the end. */
extern const samen_measure samen_measures[];

/* Room a run's view needs beyond the outcomes, kept from run to run;
 * zero-initialise, free with samen_measure_scratch_free. */
typedef struct samen_measure_scratch {
    double *trust, *age;
    size_t cap;
    double *time;
    int *event;
    int n_nets;
    double *degree;                 /* field degrees, by organisation */
    size_t cap_degree;
    samen_run_outcomes run;         /* the run's summary rows */
    int n_orgs;                     /* the scenario's organisations */
    samen_scenario *sc;             /* the runs' scenario (areas), or NULL;
                                     * owned */
} samen_measure_scratch;

/* Loads into s the scenario of run 0 of the sweep in dir, as its runs get
 * it: the organisations and areas every run shares, which N1-N3 need. */
int samen_measure_scratch_load(samen_measure_scratch *s, const samen_sweep *sw,
                               const char *dir, samen_error *err);

/* The needs_ties bits of the sweep's tables: which measures it can give. */
int samen_measure_tables(const samen_sweep *sw);

/* N1 and N2 of run `run` of the sweep in dir (field_odds.c): the odds
 * ratios of co-membership, from its field and events parts; NAN where the
 * scenario has no areas or field.csv lacks the first step of a year 3-10. */
int samen_field_odds(const samen_scenario *sc, const char *dir, samen_sweep_index *idx,
                     size_t run, double *repeat, double *closure, samen_error *err);

/* Fills v with run `run` (done) of the sweep in dir: its networks'
 * summary rows and what the bits of ties ask (needs_ties): the ties of
 * its last snapshot, its field degrees, N1 and N2 (the sweep must keep
 * those tables). v points into s. Returns SAMEN_OK or an error. */
int samen_run_view_read(samen_run_view *v, samen_sweep_index *idx, const char *dir, size_t run,
                        int last_step, int ties, samen_measure_scratch *s,
                        samen_error *err);
void samen_measure_scratch_free(samen_measure_scratch *s);

/* Room for row n of two arrays that grow together: *a of width doubles a
 * row, *b of one; both doubled (from 256 rows) when n reaches *cap.
 * Returns 0, or -1 out of memory (the arrays still valid). */
int samen_fit_grow_rows(double **a, size_t width, double **b, size_t n, size_t *cap);

/* Writes OUT/measures.csv for `samen summarise`: per point of the sweep
 * and measure (trust_age_corr only where the sweep keeps ties), the runs
 * done where the measure has a value, their mean and its t 95 % interval.
 * *n_rows gets the rows. */
int samen_measures_write(const samen_sweep *sw, const char *out, samen_sweep_index *idx,
                         size_t *n_rows, samen_error *err);

/* The measure called name, or NULL. */
const samen_measure *samen_measure_find(const char *name);

/* The names, separated by ", ", into buf of n bytes (for messages). */
void samen_measure_list(char *buf, size_t n);

#endif
