/* sim.h: the simulation of one run (MODEL.md sections 3 and 4) and the
 * observer through which it reports rows and events. The model never writes
 * files: output modules implement the observer. */
#ifndef SAMEN_SIM_H
#define SAMEN_SIM_H

#include "samen/api.h"

#include "samen/scenario.h"

typedef enum {
    SAMEN_PHASE_PENDING, SAMEN_PHASE_RECRUITING, SAMEN_PHASE_FORMULATING,
    SAMEN_PHASE_EXECUTING, SAMEN_PHASE_COMPLETED, SAMEN_PHASE_DISSOLVED,
    SAMEN_PHASE_MERGED
} samen_phase;

/* Text names as written in the outputs. */
SAMEN_API const char *samen_phase_name(samen_phase ph);
SAMEN_API const char *samen_type_name(samen_net_type t);   /* also the form names */
          
          /* One row of network.csv (FORMATS.md), values at the end of the step. */
          typedef struct samen_net_row {
              int step;
    const char *network;
    samen_net_type type;
    samen_phase phase;
    samen_net_type form;
    int members, necessary_present;
    double trust, consensus, progress;
    double d[6]; /* interests, factual, formal, resources, commitment, identification */
    double c_po, c_pn, link, person_dependency;
    int decisions_open;
    long decisions_resolved, overreach, dropouts;
} samen_net_row;

/* One event of events.csv. org is NULL and person 0 where none; reason NULL
 * where none; has_value 0 where the value column stays empty. */
typedef struct samen_event {
    int step;
    const char *network;
    const char *org;
    long person;
    const char *event;
    const char *reason;
    int has_value;
    double value;
} samen_event;

/* One row of ties.csv; org_a < org_b in byte order. */
typedef struct samen_tie_row {
    int step;
    const char *network, *org_a, *org_b;
    double trust;
    int since;
} samen_tie_row;

/* One row of orgs.csv. */
typedef struct samen_org_row {
    int step;
    const char *network, *org, *role, *mandate;
    double interest, engagement, fit_issue, fit_goal, c_po, c_pn, link;
} samen_org_row;

/* One row of persons.csv. */
typedef struct samen_person_row {
    int step;
    const char *network, *org;
    long person;
    double c_po, c_pn, self_interest, uncertainty;
    int tenure;
} samen_person_row;

/* 1 if step is a snapshot step of sc: a multiple of output.snapshot_every
 * or the run's last step. ties.csv lists every live network's ties there
 * (and a network's at its end step too), graph.csv has a row there and an
 * export's waves are these steps. */
SAMEN_API int samen_snapshot_step(const samen_scenario *sc, int step);

/* One row of field.csv: a field tie at a snapshot step; org_a < org_b in
 * byte order; trust the largest current T where the pair is live, else
 * R_eff; shared k_ab; live the live networks the pair shares. */
typedef struct samen_field_row {
    int step;
    const char *org_a, *org_b;
    double trust;
    int shared, live;
} samen_field_row;

/* Callbacks return 0 on success; a nonzero return stops the run and is
 * returned by samen_sim_step. Any callback may be NULL (not wanted).
 * org_row and person_row are called only when the flags ask for them;
 * tie rows at every snapshot step and at a network's end step. At each
 * step the networks report one after the other: a network's events, its
 * row, then its tie, org and person rows, no other network's rows between
 * (an observer may decide a network's detail rows by its row). */
typedef struct samen_observer {
    void *user;
    int (*network_row)(void *user, const samen_net_row *row);
    int (*event)(void *user, const samen_event *ev);
    int (*tie_row)(void *user, const samen_tie_row *row);
    int (*org_row)(void *user, const samen_org_row *row);
    int (*person_row)(void *user, const samen_person_row *row);
    /* field.csv (MODEL.md 4.13): the field network after each snapshot
     * step, called by the run when not NULL */
    int (*field_row)(void *user, const samen_field_row *row);
} samen_observer;

typedef struct samen_sim samen_sim;

/* What samen_sim_step returns when what grows during a run (a founded
 * network, a merged network's organisation, a pair's first memory: MODEL.md
 * 4.13-4.15) finds no memory; observers return other nonzero values. */
#define SAMEN_SIM_NOMEM (-2)

/* Allocates all run state once (the step loop never allocates) and seeds the
 * run's one gsl_rng_mt19937 with sc->seed. sc must outlive the sim.
 * Returns NULL with err filled on failure. */
SAMEN_API samen_sim *samen_sim_new(const samen_scenario *sc, samen_error *err);

/* Frees the sim; NULL is a no-op. */
SAMEN_API void samen_sim_free(samen_sim *sim);

/* Runs the next step (section 3), reporting to obs. Returns 0, or the first
 * nonzero observer return. */
SAMEN_API int samen_sim_step(samen_sim *sim, const samen_observer *obs);

/* Runs all remaining steps of the scenario. Same return as samen_sim_step. */
SAMEN_API int samen_sim_run(samen_sim *sim, const samen_observer *obs);

/* The next step to run (0 before the first). */
SAMEN_API int samen_sim_current_step(const samen_sim *sim);

/* End-of-run facts per network, for summaries. */
typedef struct samen_net_summary {
    const char *network;
    samen_net_type type, form;
    samen_phase phase;
    int members;       /* at the end */
    int max_members;   /* the largest count it reached */
    int agreed_step;   /* -1 if never agreed */
    int end_step;      /* -1 if still live */
    const char *end_reason; /* reason of completed/dissolved, "merger", or NULL */
    int dropouts;
    int dropouts_by_reason[5]; /* impatience, goal-misfit, disengaged, overcommitted, base */
    int start_step;    /* the step it started (or starts) */
    const char *founder; /* the founding organisation's id; NULL declared */
} samen_net_summary;

/* The networks of the run so far: the scenario's, then those founded
 * during the run (MODEL.md 4.14), in founding order. */
SAMEN_API int samen_sim_n_nets(const samen_sim *sim);

SAMEN_API void samen_sim_summary(const samen_sim *sim, int net, samen_net_summary *out);

/* The organisations of the run so far: the scenario's, then those created
 * by mergers (MODEL.md 4.15) in creation order. samen_sim_org gives
 * organisation i, with (for a created one) the step and the network it
 * was created from; *step is -1 and *network NULL for the scenario's. */
SAMEN_API int samen_sim_n_orgs(const samen_sim *sim);
SAMEN_API const samen_org *samen_sim_org(const samen_sim *sim, int i, int *step,
                                         const char **network);

/* The factors of an organisation's attraction to a network's issue
 * (MODEL.md 4.1), as recruitment computes them. */
typedef struct samen_attraction_terms {
    double fit;        /* TAAK: f(m_o, q_n) */
    double appeal;     /* IK: a(kappa_n) */
    double need;       /* WIJ: 1 - min(1, C_o / E_n) */
    double bonus;      /* 1 + model.ask_bonus for a necessary actor, else 1 */
    double attraction; /* A_o(q_n): fit x appeal x need x bonus */
} samen_attraction_terms;

/* The attraction of organisation org (an index into sc->orgs) to the issue
 * of network net (an index into sc->nets) when the network starts: what
 * recruitment compares with model.attraction_min. Needs no simulation. */
SAMEN_API void samen_start_attraction(const samen_scenario *sc, int net, int org,
                                      samen_attraction_terms *t);

/* Drop-out reasons in the order of MODEL.md 4.9. */
SAMEN_API extern const char *const samen_dropout_reasons[5];

#endif
