/* scenario.h: a validated, immutable scenario (MODEL.md sections 2 and 5,
 * FORMATS.md "Scenario file"), loaded from INI + CSV files plus overrides. */
#ifndef SAMEN_SCENARIO_H
#define SAMEN_SCENARIO_H

#include <stdint.h>

#include "samen/error.h"

#define SAMEN_MAX_THEMES 16

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
} samen_params;

typedef enum { SAMEN_FEEDBACK = 0, SAMEN_DECISION = 1 } samen_mandate;

/* One row of the organisations file; mission is in the order of
 * scenario->themes whatever the column order of the file. */
typedef struct samen_org {
    char *id, *name, *sector;
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
int samen_scenario_load(samen_scenario **out, const char *path,
                        const char *const *overrides, int n_overrides,
                        samen_error *err);

/* Frees a scenario; NULL is a no-op. */
void samen_scenario_free(samen_scenario *sc);

/* Index of the organisation with this id, or -1. */
int samen_scenario_org_index(const samen_scenario *sc, const char *id);

/* Writes the resolved scenario into dir as run.ini (every parameter, %.17g),
 * with input-organisations.csv and input-ties.csv beside it, each under a
 * temporary name in dir then renamed. `samen run DIR/run.ini` reproduces the
 * run byte for byte. If tmp_only is nonzero the files are left under their
 * temporary names (suffix ".tmp") for the caller to rename with
 * samen_scenario_commit_ini, so that a run's outputs all appear together. */
int samen_scenario_write_ini(const samen_scenario *sc, const char *dir,
                             int tmp_only, samen_error *err);
int samen_scenario_commit_ini(const char *dir, int has_ties, samen_error *err);

/* Writes the text of run.ini (the resolved scenario, as written by
 * samen_scenario_write_ini, naming the organisations and ties files
 * input-organisations.csv and input-ties.csv) to fp; `samen check` prints it. */
int samen_scenario_print(const samen_scenario *sc, FILE *fp);

/* Checks, without loading anything, that KEY (as for --set: `section.name`
 * or `network.NAME.key`) is a key of this scenario and VALUE a valid value
 * for it. *is_whole (if not NULL) tells whether the key takes whole numbers,
 * *is_numeric whether it takes a plain number (for lhs/sobol ranges).
 * Returns SAMEN_OK or SAMEN_EINPUT with err naming the key and the rule
 * (file and line are left for the caller to fill). */
int samen_scenario_check_override(const samen_scenario *sc, const char *key,
                                  const char *value, int *is_numeric,
                                  int *is_whole, samen_error *err);

/* v as the shortest of %.15g, %.16g and %.17g that reads back as the same
 * double, into buf of n bytes (32 suffice); returns buf. For messages and
 * `samen check`, where run.ini writes %.17g. */
const char *samen_num_text(double v, char *buf, size_t n);

/* As samen_scenario_print, for reading: every number as the shortest text
 * that reads back as the same double (run.ini keeps %.17g). */
int samen_scenario_print_short(const samen_scenario *sc, FILE *fp);

/* Records where a run comes from, for the [samen] section of its run.ini:
 * source (the scenario file), command ("samen" and argv, argv[0] being the
 * command's name) and set (the keys of the overrides, "KEY=VALUE"). A
 * scenario file that records them itself (a run.ini) keeps its own when
 * there are no overrides, so that its run writes the same run.ini. Returns
 * SAMEN_OK, or SAMEN_EIO (out of memory) with err filled. */
int samen_scenario_set_provenance(samen_scenario *sc, int argc, char **argv,
                                  const char *const *overrides, int n_overrides,
                                  samen_error *err);

/* Prints every parameter (key, default, allowed range, meaning) to fp,
 * one line each. */
void samen_params_describe(FILE *fp);

/* One scenario parameter as `samen describe` lists it. */
typedef struct samen_param_text {
    char key[80];        /* section.name, or network.NAME.name */
    const char *def;     /* the default, "required" or "(empty)" */
    char range[160];     /* the allowed values */
    const char *meaning; /* with the MODEL.md section in brackets */
} samen_param_text;

/* Fills out with the i-th parameter (from 0) and returns 1, or returns 0
 * past the last. */
int samen_param_describe(int i, samen_param_text *out);

#endif
