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
    double *time;                   /* n_nets of room, for Kaplan-Meier */
    int *event;
} samen_run_view;

typedef struct samen_measure {
    const char *name;
    const char *meaning;
    int needs_ties;                 /* reads the ties table */
    double (*fn)(const samen_run_view *v);
} samen_measure;

/* The measures, in the order FORMATS.md lists them; NULL-named at the end. */
extern const samen_measure samen_measures[];

/* The measure called name, or NULL. */
const samen_measure *samen_measure_find(const char *name);

/* The names, separated by ", ", into buf of n bytes (for messages). */
void samen_measure_list(char *buf, size_t n);

#endif
