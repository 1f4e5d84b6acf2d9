/* params.c: the one table of every scenario key (section, name, type,
 * default, range, meaning, where it is stored), read by the parser, by
 * `samen describe` and by run.ini, so that a key is declared once; plus
 * the key hints and the ranges as text. */
#include "scenario/scenario_int.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define INF HUGE_VAL
#define P(f) SAMEN_IN_PARAMS, offsetof(samen_params, f), 0
#define S(f) SAMEN_IN_SCENARIO, offsetof(samen_scenario, f), 0
#define N(f) SAMEN_IN_NET, offsetof(samen_net_spec, f), 0
#define NONE SAMEN_IN_NONE, 0, 0
/* The same for a key that takes part in a rule between keys (validate.c:
 * samen_param_def's joint). */
#define P_JOINT(f) SAMEN_IN_PARAMS, offsetof(samen_params, f), 1
#define NONE_JOINT SAMEN_IN_NONE, 0, 1

/* Ranges follow FORMATS.md "Scenario file": shares, probabilities and
 * amounts of trust or progress lost in [0,1]; form.rate, exec.engage_rate,
 * goal.speed, framing.decay in [0,1]; other rates >= 0. */
#define UNIT 0, 1, 0, 0, NULL
#define NONNEG 0, INF, 0, 0, NULL
#define POS 0, INF, 1, 0, NULL
#define COUNT 1, SAMEN_MAX_WHOLE, 0, 0, NULL
#define COUNT0 0, SAMEN_MAX_WHOLE, 0, 0, NULL
#define REAL SAMEN_PT_REAL
#define WHOLE SAMEN_PT_WHOLE

const samen_param_def samen_param_table[] = {
    {"simulation", "steps", WHOLE, "520", COUNT,
     "steps to simulate; a step is one week (2)", S(steps)},
    {"simulation", "seed", SAMEN_PT_SEED, "1", 1, 4294967295.0, 0, 0, NULL,
     "seed of the run's gsl_rng_mt19937; 0 is refused (6)", S(seed)},
    {"simulation", "themes", SAMEN_PT_THEMES, NULL, 0, 0, 0, 0,
     "1 to 16 names, no , : ; # \" = [ ]",
     "theme names; one mission column each in the organisations file (2)",
     NONE_JOINT},

    {"output", "detail", SAMEN_PT_DETAIL, "", 0, 0, 0, 0,
     "a list of orgs, persons, both, graph; or empty",
     "extra outputs: orgs.csv, persons.csv, graph.csv", NONE},
    {"output", "snapshot_every", WHOLE, "13", COUNT,
     "steps between ties.csv and graph.csv snapshots", S(snapshot_every)},

    {"model", "ask_bonus", REAL, "1", NONNEG,
     "attraction bonus of necessary actors, asked by the initiator (4.1)",
     P(model.ask_bonus)},
    {"model", "appeal_alpha", REAL, "1", NONNEG,
     "alpha of the appeal curve of concreteness, a(k) (4.1)", P(model.appeal_alpha)},
    {"model", "appeal_beta", REAL, "1", NONNEG,
     "beta of the appeal curve of concreteness, a(k) (4.1)", P(model.appeal_beta)},
    {"model", "room_exp", REAL, "2", POS,
     "exponent of room for contribution, 1 - k^room_exp (4.1)", P(model.room_exp)},
    {"model", "max_members", WHOLE, "40", COUNT,
     "largest number of members of a network, initiator included (4.1)",
     P(model.max_members)},
    {"model", "attraction_min", REAL, "0.35", NONNEG,
     "least attraction at which a candidate considers joining (4.1)",
     P(model.attraction_min)},
    {"model", "join_cost", REAL, "0.5", NONNEG,
     "capacity a membership takes, times (0.5 + engagement) (4.1, 4.12)",
     P(model.join_cost)},
    {"model", "join_rate", REAL, "0.3", NONNEG,
     "rate of joining, times attraction, per recruiting step (4.1)", P(model.join_rate)},
    {"model", "trust0", REAL, "0.2", UNIT,
     "trust of a new pair without a prior tie (4.1)", P(model.trust0)},
    {"model", "recruit_steps", WHOLE, "12", COUNT,
     "rounds of recruitment, the start step the first (4.1)", P(model.recruit_steps)},
    /* bounded: GSL's Poisson sampler takes time growing with the mean */
    {"model", "decision_rate", REAL, "0.5", 0, 1e6, 0, 0, NULL,
     "mean decision items arriving per step, Poisson (4.2)", P(model.decision_rate)},
    {"model", "formal_share", REAL, "0.3", UNIT,
     "probability that an item is formal: organisations only (4.2)",
     P(model.formal_share)},
    {"model", "queue_max", WHOLE, "64", 1, SAMEN_MAX_QUEUE, 0, 0, NULL,
     "most open decision items; more are lost (4.2)", P(model.queue_max)},
    {"model", "reverse_prob", REAL, "0.5", UNIT,
     "probability that a detected overreach is reversed (4.2)", P(model.reverse_prob)},
    {"model", "overreach_trust_loss", REAL, "0.1", UNIT,
     "trust lost by each pair of a member whose overreach is reversed (4.2)",
     P(model.overreach_trust_loss)},
    {"model", "guard_raise", REAL, "0.1", UNIT,
     "extra guard of a membership after a reversed overreach (4.2)",
     P(model.guard_raise)},
    {"model", "overreach_scale", REAL, "0.05", UNIT,
     "scale of the overreach probability, sigma c_pn (1 - c_po) (4.2)",
     P(model.overreach_scale)},
    {"model", "decision_window", WHOLE, "26", COUNT,
     "steps over which the share of resolved items s_dec is taken (4.2)",
     P(model.decision_window)},
    {"model", "necessary_quorum", REAL, "1", UNIT,
     "share of the necessary actors that must be present (4.9)",
     P(model.necessary_quorum)},
    {"model", "necessary_grace", WHOLE, "8", COUNT,
     "steps below the necessary quorum before dissolution (4.9)",
     P(model.necessary_grace)},

    {"comm", "net_gain", REAL, "0.05", NONNEG,
     "rate at which persons talk more with the network (4.3)", P(comm.net_gain)},
    {"comm", "base", REAL, "0.2", NONNEG,
     "drive to talk with the network before any maturity (4.3)", P(comm.base)},
    {"comm", "net_decay", REAL, "0.01", NONNEG,
     "rate at which person-network communication fades (4.3)", P(comm.net_decay)},
    {"comm", "org_drift", REAL, "0.04", NONNEG,
     "rate at which a maturing network draws persons from their organisation (4.3)",
     P(comm.org_drift)},
    {"comm", "guard_gain", REAL, "0.05", NONNEG,
     "rate at which an organisation's guard restores person-organisation talk (4.3)",
     P(comm.guard_gain)},

    {"trust", "gain", REAL, "0.3", NONNEG,
     "rate of trust building between two members (4.4)", P(trust.gain)},
    {"trust", "decay", REAL, "0.002", NONNEG,
     "rate at which trust fades (4.4)", P(trust.decay)},
    {"trust", "exit_loss", REAL, "0.02", UNIT,
     "trust every remaining pair loses when a member leaves (4.4)", P(trust.exit_loss)},

    {"goal", "speed", REAL, "0.3", UNIT,
     "rate at which goal consensus grows (4.5)", P(goal.speed)},
    {"goal", "threshold", REAL, "0.8", UNIT,
     "consensus at which the shared goal is agreed (4.5)", P(goal.threshold)},
    {"goal", "max_steps", WHOLE, "104", COUNT,
     "steps of goal formulation before dissolution (4.5)", P(goal.max_steps)},

    {"exec", "engage_rate", REAL, "0.05", UNIT,
     "rate at which engagement follows its target (4.6)", P(exec.engage_rate)},
    {"exec", "speed", REAL, "0.02", NONNEG,
     "rate of progress while executing (4.7)", P(exec.speed)},

    {"framing", "decay", REAL, "0.05", UNIT,
     "rate at which a framing actor's information fades (4.8)", P(framing.decay)},
    {"framing", "need_rate", REAL, "0.02", NONNEG,
     "rate at which a framing actor is needed (4.8)", P(framing.need_rate)},
    {"framing", "help", REAL, "0.02", UNIT,
     "progress an informed framing actor adds when needed (4.8)", P(framing.help)},
    {"framing", "setback", REAL, "0.1", UNIT,
     "progress lost in a framing setback (4.8)", P(framing.setback)},
    {"framing", "trust_loss", REAL, "0.02", UNIT,
     "trust every pair loses in a framing setback (4.8)", P(framing.trust_loss)},

    {"drop", "impatience", REAL, "0.1", NONNEG,
     "drop-out hazard per unit of interest below interest_min (4.9)",
     P(drop.impatience)},
    {"drop", "interest_min", REAL, "0.2", UNIT,
     "interest below which impatience sets in (4.9)", P(drop.interest_min)},
    {"drop", "misfit", REAL, "1", NONNEG,
     "drop-out hazard per unit of fit lost from issue to goal (4.9)", P(drop.misfit)},
    {"drop", "disengaged", REAL, "0.05", NONNEG,
     "drop-out hazard per unit of engagement below engagement_min (4.9)",
     P(drop.disengaged)},
    {"drop", "engagement_min", REAL, "0.15", UNIT,
     "engagement below which disengagement sets in (4.9)", P(drop.engagement_min)},
    {"drop", "overcommit", REAL, "0.1", NONNEG,
     "drop-out hazard per unit of load over capacity (4.9)", P(drop.overcommit)},
    {"drop", "base", REAL, "0.0017", NONNEG,
     "drop-out hazard of every member but the initiator (4.9)", P(drop.base)},

    {"turnover", "trust_loss", REAL, "0.5", UNIT,
     "share of trust and engagement lost with a person not anchored (4.10)",
     P(turnover.trust_loss)},

    {"persons", "c_po0", REAL, "0.8", UNIT,
     "a new person's communication with its organisation (4.1)", P(persons.c_po0)},
    {"persons", "c_pn0", REAL, "0.1", UNIT,
     "a new person's communication with the network (4.1)", P(persons.c_pn0)},
    {"persons", "self_interest", SAMEN_PT_DIST, "beta(2, 5)", 0, 0, 0, 0,
     "number in [0,1], uniform(a,b), beta(a,b), normal(mu,sd)",
     "distribution of a new person's self-interest sigma (2)",
     P(persons.self_interest)},
    {"persons", "uncertainty", SAMEN_PT_DIST, "uniform(0, 0.6)", 0, 0, 0, 0,
     "number in [0,1], uniform(a,b), beta(a,b), normal(mu,sd)",
     "distribution of a new person's uncertainty u (2)", P(persons.uncertainty)},
    {"persons", "tenure", REAL, "156", POS,
     "mean steps a person stays in the role (4.10)", P(persons.tenure)},

    {"form", "rate", REAL, "0.05", UNIT,
     "rate at which the six dimensions follow their targets (4.11)", P(form.rate)},
    {"form", "depth_overleg", REAL, "0.4", UNIT,
     "how far an overleg means to invest (4.11)", P(form.depth_overleg)},
    {"form", "depth_adhoc", REAL, "0.8", UNIT,
     "how far an adhoc network means to invest (4.11)", P(form.depth_adhoc)},
    {"form", "depth_network", REAL, "1", UNIT,
     "how far a network means to invest (4.11)", P(form.depth_network)},
    {"form", "hysteresis", REAL, "0.02", UNIT,
     "margin around band edges before the form changes (4.11)", P(form.hysteresis)},
    {"form", "adhoc_at", REAL, "0.25", 0, 1, 0, 0, "[0, 1], < form.network_at",
     "form index at which the adhoc band begins (4.11)", P_JOINT(form.adhoc_at)},
    {"form", "network_at", REAL, "0.5", 0, 1, 0, 0, "[0, 1], <= form.merger_at",
     "form index at which the network band begins (4.11)", P_JOINT(form.network_at)},
    {"form", "merger_at", REAL, "0.85", 0, 1, 0, 0, "[0, 1], >= form.network_at",
     "form index from which a network may merge (4.11)", P_JOINT(form.merger_at)},
    {"form", "merger_dims", REAL, "0.85", UNIT,
     "least formal and identification dimensions for a merger (4.11)",
     P(form.merger_dims)},
    {"form", "merger_steps", WHOLE, "26", COUNT,
     "steps in a row at merger level before the network merges (4.11)",
     P(form.merger_steps)},

    {"field", "memory_half_life", REAL, "260", NONNEG,
     "steps for remembered trust to fade halfway to model.trust0; 0 = no memory (4.13)",
     P(field.memory_half_life)},
    {"field", "tie_min", REAL, "0.25", UNIT,
     "remembered trust at which a pair not live counts as a field tie (4.13)",
     P(field.tie_min)},
    {"field", "found_rate", REAL, "0", NONNEG,
     "networks founded per organisation and step at full spare capacity; 0 = none (4.14)",
     P(field.found_rate)},
    {"field", "share_overleg", REAL, "0.15", 0, 1, 0, 0,
     "[0, 1], share_overleg + share_adhoc <= 1",
     "share of founded networks that are overleg (4.14)", P(field.share_overleg)},
    {"field", "share_adhoc", REAL, "0.35", 0, 1, 0, 0,
     "[0, 1], share_overleg + share_adhoc <= 1",
     "share of founded networks that are adhoc (4.14)", P(field.share_adhoc)},
    {"field", "issue_breadth", REAL, "0.3", UNIT,
     "noise mixed into the founder's mission to make the issue, nu (4.14)",
     P(field.issue_breadth)},
    {"field", "concreteness", SAMEN_PT_DIST, "beta(4, 4)", 0, 0, 0, 0,
     "number in [0,1], uniform(a,b), beta(a,b), normal(mu,sd)",
     "distribution of a founded issue's concreteness (4.14)", P(field.concreteness)},
    {"field", "effort", SAMEN_PT_DIST_POS, "uniform(2, 4)", 0, 0, 0, 0,
     "number > 0, uniform(a,b) with 0 < a <= b, beta(a,b)",
     "founded issue's effort in units of the founder's capacity (4.14)",
     P(field.effort)},
    {"field", "necessary", WHOLE, "2", COUNT0,
     "necessary actors a founder identifies (4.14)", P(field.necessary)},
    {"field", "candidates", WHOLE, "6", COUNT0,
     "further candidates a founder approaches (4.14)", P(field.candidates)},
    {"field", "familiarity", REAL, "1", NONNEG,
     "weight of field trust in a founder's choice of partners (4.14)",
     P(field.familiarity)},
    {"field", "closure", REAL, "0.5", NONNEG,
     "weight of a common partner in a founder's choice of partners (4.14)",
     P(field.closure)},
    {"field", "prominence", REAL, "0.025", NONNEG,
     "weight of a candidate's field degree, relative to the reach's mean (4.14)",
     P(field.prominence)},
    {"field", "reach", SAMEN_PT_REACH, "area", 0, 0, 0, 0, "area or all",
     "whom a founder reaches: its area (with the area column) or all, and its field ties "
     "(4.14)", P(field.reach_all)},
    {"field", "framing_sector", SAMEN_PT_LABEL, "", 0, 0, 0, 0,
     "a sector label, or empty",
     "sector whose best-fitting organisation in reach frames a founded network (4.14)",
     P(field.framing_sector)},
    {"field", "merger_org", WHOLE, "1", 0, 1, 0, 0, NULL,
     "1: a merged network becomes an organisation; 0: it ends (4.15)",
     P(field.merger_org)},

    {"organisations", "file", SAMEN_PT_PATH, NULL, 0, 0, 0, 0,
     "a CSV file, relative to the scenario file",
     "organisations: id,name,sector,capacity,mandate,latency,guard,patience,themes (5)",
     NONE_JOINT},
    {"ties", "file", SAMEN_PT_PATH, "", 0, 0, 0, 0,
     "a CSV file, relative to the scenario file, or empty",
     "optional prior trust: org_a,org_b,trust (5)", NONE_JOINT},
    {"samen", "version", SAMEN_PT_IGNORED, "", 0, 0, 0, 0, "any text",
     "samen version that wrote this run.ini; accepted and ignored", NONE},
    {"samen", "source", SAMEN_PT_IGNORED, "", 0, 0, 0, 0, "any text",
     "run.ini: the scenario file the run was loaded from; ignored", NONE},
    {"samen", "command", SAMEN_PT_IGNORED, "", 0, 0, 0, 0, "any text",
     "run.ini: the command line of the run; ignored", NONE},
    {"samen", "set", SAMEN_PT_IGNORED, "", 0, 0, 0, 0, "any text",
     "run.ini: the keys the command line set (--set, --seed, ...); ignored", NONE},

    {"network", "type", SAMEN_PT_NETTYPE, "network", 0, 0, 0, 0,
     "overleg, adhoc or network", "kind of collaboration (2)", NONE},
    {"network", "initiator", SAMEN_PT_ORG, NULL, 0, 0, 0, 0,
     "an organisation id", "the organisation that starts the network (4.1)", NONE_JOINT},
    {"network", "issue", SAMEN_PT_ISSUE, NULL, 0, 0, 0, 0,
     "theme:weight pairs, weights in [0,1], not all 0",
     "the issue: weight of each theme; themes left out weigh 0 (2)", NONE},
    {"network", "concreteness", REAL, NULL, UNIT,
     "concreteness of the issue (4.1)", N(concreteness)},
    {"network", "effort", REAL, NULL, POS,
     "capacity units the issue needs (4.1)", N(effort)},
    {"network", "necessary", SAMEN_PT_ORGLIST, "", 0, 0, 0, 0,
     "organisation ids, or empty",
     "necessary actors: always candidates, needed for the goal (4.9)", NONE_JOINT},
    {"network", "framing", SAMEN_PT_ORGLIST, "", 0, 0, 0, 0,
     "organisation ids, or empty",
     "framing actors: never members, to keep informed (4.8)", NONE_JOINT},
    {"network", "candidates", SAMEN_PT_CANDIDATES, "*", 0, 0, 0, 0,
     "* or organisation ids",
     "organisations that may join (* all but framing actors) (4.1)", NONE_JOINT},
    {"network", "start", WHOLE, "0", COUNT0,
     "step at which the network starts (2)", N(start)},
    {"network", "inform_every", WHOLE, "8", COUNT0,
     "steps between informing the framing actors; 0 never (4.8)",
     N(inform_every)},
    {"network", "horizon", WHOLE, "26", COUNT,
     "executing steps of an adhoc network (4.7)", N(horizon)},
};

const int samen_param_count =
    (int)(sizeof samen_param_table / sizeof samen_param_table[0]);

const char *const samen_param_sections[] = {
    "samen", "simulation", "output", "model", "comm", "trust", "goal", "exec",
    "framing", "drop", "turnover", "persons", "form", "organisations", "ties",
    "field", "network",
};

const int samen_param_nsections =
    (int)(sizeof samen_param_sections / sizeof samen_param_sections[0]);

const samen_param_def *samen_param_find(const char *section, const char *name)
{
    for (int i = 0; i < samen_param_count; i++)
        if (!strcmp(samen_param_table[i].section, section) &&
            !strcmp(samen_param_table[i].name, name))
            return &samen_param_table[i];
    return NULL;
}

int samen_param_is_section(const char *section)
{
    for (int i = 0; i < samen_param_nsections; i++)
        if (strcmp(samen_param_sections[i], "network") &&
            !strcmp(samen_param_sections[i], section))
            return 1;
    return 0;
}

const char *samen_param_nearest(const char *section, const char *name)
{
    samen_near near;
    samen_near_start(&near, name);
    for (int i = 0; i < samen_param_count; i++)
        if (!strcmp(samen_param_table[i].section, section))
            samen_near_offer(&near, samen_param_table[i].name);
    return near.best;
}

static void fmt_bound(char *buf, size_t n, double v)
{
    snprintf(buf, n, "%.15g", v);
}

const char *samen_param_range(const samen_param_def *d, char *buf, size_t n)
{
    if (d->range) {
        snprintf(buf, n, "%s", d->range);
        return buf;
    }
    char lo[32], hi[32];
    fmt_bound(lo, sizeof lo, d->lo);
    fmt_bound(hi, sizeof hi, d->hi);
    const char *whole = d->type == SAMEN_PT_REAL ? "" : "whole, ";
    if (isinf(d->hi))
        snprintf(buf, n, "%s%s %s", whole, d->lo_open ? ">" : ">=", lo);
    else if (d->type == SAMEN_PT_REAL)
        snprintf(buf, n, "%s%s, %s%s", d->lo_open ? "(" : "[", lo, hi,
                 d->hi_open ? ")" : "]");
    else
        snprintf(buf, n, "whole, %s to %s", lo, hi);
    return buf;
}

int samen_check_range(const samen_param_def *d, double v, char *msg, size_t n)
{
    char rb[160], nb[32];
    int whole = d->type == SAMEN_PT_WHOLE || d->type == SAMEN_PT_SEED;
    if (whole && v != floor(v)) {
        snprintf(msg, n, "%s is not a whole number; allowed: %s",
                 samen_num_text(v, nb, sizeof nb),
                 samen_param_range(d, rb, sizeof rb));
        return -1;
    }
    int bad = d->lo_open ? !(v > d->lo) : !(v >= d->lo);
    bad = bad || (d->hi_open ? !(v < d->hi) : !(v <= d->hi));
    if (bad) {
        snprintf(msg, n, "%s is out of range; allowed: %s",
                 samen_num_text(v, nb, sizeof nb),
                 samen_param_range(d, rb, sizeof rb));
        return -1;
    }
    return 0;
}

/* Theme names are CSV columns and list items of the INI file: anything
 * printable (UTF-8 included, spaces inside) but the characters that
 * separate lists, pairs, comments and quoted fields. */
int samen_valid_theme(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > SAMEN_MAX_THEME_NAME || s[0] == ' ' || s[n - 1] == ' ')
        return 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == 0x7f || strchr(",:;#\"=[]", c))
            return 0;
    }
    return 1;
}

int samen_param_describe(int i, samen_param_text *out)
{
    if (i < 0 || i >= samen_param_count)
        return 0;
    const samen_param_def *d = &samen_param_table[i];
    if (!strcmp(d->section, "network"))
        snprintf(out->key, sizeof out->key, "network.NAME.%s", d->name);
    else
        snprintf(out->key, sizeof out->key, "%s.%s", d->section, d->name);
    out->def = !d->def ? "required" : !d->def[0] ? "(empty)" : d->def;
    samen_param_range(d, out->range, sizeof out->range);
    out->meaning = d->meaning;
    return 1;
}

/* `samen describe` as a table: one line per key, key, default, range,
 * meaning; the range column as wide as its longest entry, so the meanings
 * line up. */
void samen_params_describe(FILE *fp)
{
    samen_param_text t;
    int w = (int)strlen("range");
    for (int i = 0; samen_param_describe(i, &t); i++)
        if ((int)strlen(t.range) > w)
            w = (int)strlen(t.range);
    fprintf(fp, "%-36s %-16s %-*s %s\n", "# key", "default", w, "range",
            "meaning (MODEL.md section)");
    for (int i = 0; samen_param_describe(i, &t); i++)
        fprintf(fp, "%-36s %-16s %-*s %s\n", t.key, t.def, w, t.range, t.meaning);
}
