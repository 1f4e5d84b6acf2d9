/* scenario.h: a validated, immutable scenario (MODEL.md sections 2 and 5,
 * FORMATS.md "Scenario file"), loaded from INI + CSV files plus overrides. */
#ifndef SAMEN_SCENARIO_H
#define SAMEN_SCENARIO_H

#include "samen/api.h"

#include <stdint.h>

#include "samen/error.h"

#define SAMEN_MAX_THEMES 16
/* Longest field.framing_sector. */
#define SAMEN_MAX_LABEL 100

struct samen_hindex;

/* A distribution of FORMATS.md: a bare number, uniform(a,b), beta(a,b) or
 * normal(mu,sd) clipped to [0,1]. */
typedef enum { SAMEN_DIST_CONST, SAMEN_DIST_UNIFORM, SAMEN_DIST_BETA,
               SAMEN_DIST_NORMAL } samen_dist_kind;

typedef struct samen_dist {
    samen_dist_kind kind;
    double a, b; /* CONST: a is the value */
} samen_dist;

/* Every global parameter of MODEL.md, by section. Whole-number keys are int. */
typedef struct samen_params {
    struct {
        double ask_bonus, appeal_alpha, appeal_beta, room_exp;
        int max_members;
        double attraction_min, join_cost, join_rate, trust0;
        int recruit_steps;
        double decision_rate, formal_share;
        int queue_max;
        double reverse_prob, overreach_trust_loss, guard_raise, overreach_scale;
        int decision_window;
        double necessary_quorum;
        int necessary_grace;
    } model;
    struct { double net_gain, base, net_decay, org_drift, guard_gain; } comm;
    struct { double gain, decay, exit_loss; } trust;
    struct { double speed, threshold; int max_steps; } goal;
    struct { double engage_rate, speed; } exec;
    struct { double decay, need_rate, help, setback, trust_loss; } framing;
    struct {
        double impatience, interest_min, misfit, disengaged, engagement_min,
               overcommit, base;
    } drop;
    struct { double trust_loss; } turnover;
    struct {
        double c_po0, c_pn0;
        samen_dist self_interest, uncertainty;
        double tenure;
    } persons;
    struct {
        double rate, depth_overleg, depth_adhoc, depth_network, hysteresis,
               adhoc_at, network_at, merger_at, merger_dims;
        int merger_steps;
    } form;
    /* model version 3 (MODEL.md 4.13-4.15): relationship memory, founding,
     * merger into an organisation */
    struct {
        double memory_half_life, tie_min, found_rate, share_overleg, share_adhoc,
               issue_breadth;
        samen_dist concreteness, effort;
        int necessary, candidates;
        double familiarity, closure, prominence;
        int reach_all;                /* field.reach: 0 area, 1 all */
        char framing_sector[SAMEN_MAX_LABEL + 1]; /* empty: none */
        int merger_org;
    } field;
} samen_params;

typedef enum { SAMEN_FEEDBACK = 0, SAMEN_DECISION = 1 } samen_mandate;

/* One row of the organisations file; mission is in the order of
 * scenario->themes whatever the column order of the file. */
typedef struct samen_org {
    char *id, *name, *sector;
    char *area;          /* the optional area column; NULL without it */
    double capacity;
    samen_mandate mandate;
    double latency, guard, patience;
    double mission[SAMEN_MAX_THEMES];
} samen_org;

/* A prior tie; a and b are organisation indices, a != b. */
typedef struct samen_tie {
    int a, b;
    double trust;
} samen_tie;

typedef enum { SAMEN_TYPE_OVERLEG = 0, SAMEN_TYPE_ADHOC = 1,
               SAMEN_TYPE_NETWORK = 2 } samen_net_type;

/* One [network NAME] section. Organisation references are indices into
 * scenario->orgs. candidates lists the candidate set resolved in the order
 * of the organisations file (with `*`: every organisation but the framing
 * actors; necessary actors are always added; the initiator may be in it). */
typedef struct samen_net_spec {
    char *name;
    samen_net_type type;
    int initiator;
    double issue[SAMEN_MAX_THEMES];
    double concreteness, effort;
    int n_necessary, *necessary;     /* in the order of the key */
    int n_framing, *framing;         /* in the order of the key */
    int n_candidates, *candidates;   /* in the order of the organisations file */
    int candidates_all;              /* the key was `*` */
    int start, inform_every, horizon;
} samen_net_spec;

#define SAMEN_DETAIL_ORGS 1
#define SAMEN_DETAIL_PERSONS 2
#define SAMEN_DETAIL_GRAPH 4
#define SAMEN_DETAIL_FIELD 8

typedef struct samen_scenario {
    char *path;              /* the scenario file as given */
    char *name;              /* file name without directory and .ini */
    uint32_t seed;
    int steps;
    int n_themes;
    char *themes[SAMEN_MAX_THEMES];
    int detail;              /* SAMEN_DETAIL_* bits */
    int snapshot_every;
    samen_params p;
    int n_orgs;
    samen_org *orgs;
    int has_area;            /* the organisations file has an area column */
    struct samen_hindex *org_index; /* ids, for samen_scenario_org_index */
    char *orgs_path;         /* resolved path of the organisations file */
    int n_ties;
    samen_tie *ties;
    char *ties_path;         /* NULL when there is no [ties] section */
    int n_nets;
    samen_net_spec *nets;    /* in declaration order */
    char *provenance;        /* run.ini's [samen] lines after version (where the
                              * run came from), or NULL: see
                              * samen_scenario_set_provenance */
} samen_scenario;

/* Loads and validates a scenario file, then applies the overrides
 * ("KEY=VALUE", any scenario key, the last of a key wins; they win over the
 * file). Returns SAMEN_OK and sets *out, or an error code with err filled
 * (file, line, key, rule) and *out NULL; nothing is left allocated. */
SAMEN_API int samen_scenario_load(samen_scenario **out, const char *path,
                                  const char *const *overrides, int n_overrides,
                                  samen_error *err);

/* Frees a scenario; NULL is a no-op. */
SAMEN_API void samen_scenario_free(samen_scenario *sc);

/* Index of the organisation with this id, or -1. */
SAMEN_API int samen_scenario_org_index(const samen_scenario *sc, const char *id);

/* What samen's own commands use beyond this (writing run.ini, printing,
 * checking an override, describe) is declared in src/scenario/
 * scenario_tools.h: not part of the API a program embedding samen uses. */

#endif
