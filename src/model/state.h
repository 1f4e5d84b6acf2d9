/* state.h: the whole state of one run, allocated once by samen_sim_new
 * (state.c), and the sub-models of MODEL.md section 4 that act on it, one
 * file each. Internal to the model. */
#ifndef SAMEN_MODEL_STATE_H
#define SAMEN_MODEL_STATE_H

#include <gsl/gsl_rng.h>

#include "samen/sim.h"
#include "model/attraction.h"
#include "util/hindex.h"

/* Role of a membership (MODEL.md 2; initiator wins over necessary). */
enum { ROLE_INITIATOR, ROLE_NECESSARY, ROLE_MEMBER };

/* Consent of one member to one decision item (MODEL.md 4.2). */
enum { CONSENT_NONE, CONSENT_GIVEN, CONSENT_OVERREACH, CONSENT_OVERREACH_CHECKED };

/* One membership slot: the membership and its current person. */
typedef struct member {
    int org;            /* organisation index; -1 when the slot is free */
    int cand;           /* its position among the network's possible members */
    int role;
    int join_step;
    double interest, engagement;
    double xguard;      /* extra guard x_j, raised after a reversed overreach */
    double load_share;  /* share of load_o this membership is counted with */
    /* the organisation's mandate and latency, copied at the join: 4.2
     * reads them for every member and item, and the organisations are
     * too many to stay in the cache */
    int feedback;
    double latency;
    double attract_q;   /* A_o(q_n), the attraction when it was asked */
    double fit_goal;    /* f(m_o, g_n): set at the join and each time the
                         * goal moves (goal.c), so that the sub-models that
                         * read it every step do not compute it again */
    /* current person */
    long person;
    int person_step;    /* step the person was created */
    int tenure;
    double c_po, c_pn, sigma, u;
} member;

typedef struct decision_item {
    int arrival;        /* step it arrived */
    int formal;
    int row;            /* its row of consent and consent_seq */
} decision_item;

/* End-of-step report of what happened, for the row and the summary. */
typedef struct net {
    const samen_net_spec *spec;
    samen_net_spec *own_spec;   /* a founded network's spec (4.14), else NULL */
    int founder;                /* the founding organisation, -1 declared */
    samen_phase phase;
    samen_net_type form;

    int slots;          /* capacity of m; never exceeded by |M| */
    member *m;
    int *order, n;      /* member slots in join order; n = |M| */
    int max_members;    /* the largest |M| so far, for the summary */
    double *trust;      /* slots x slots, [lo*slots+hi] for slot lo < hi */
    int *since;         /* same layout: step each pair began */

    /* The possible members, by position: the spec's candidates in their
     * order, then the initiator if it is not one of them. What the network
     * knows of an organisation is kept per position, so a network costs
     * memory and set-up time for its candidates, not for the whole pool. */
    int n_cand;
    int init_cand;            /* position of the initiator */
    int *nec_cand;            /* position of each necessary actor, key order */
    unsigned char *left;      /* per position: left this network */
    unsigned char *was_member;/* per position: ever a member */
    unsigned char *member_now;/* per position: a member now */
    unsigned char *necessary; /* per position: in N_n */
    double *attract_q;  /* per position: A_o(q_n) with the ask bonus */
    double *fit_q;      /* per position: f(m_o, q_n) */

    double qhat[SAMEN_MAX_THEMES];
    double goal[SAMEN_MAX_THEMES]; /* g_n, a unit vector */
    double gamma, progress;
    double d[6];        /* dimensions, MODEL.md 4.11 order */
    int recruit_round;  /* recruitment rounds done */
    int t_form;         /* steps spent formulating */
    int t_exec;         /* executing steps */
    int grace;          /* necessary-actor grace counter */
    int merger_run;     /* steps in a row meeting the merger condition */
    int agreed_step, end_step;
    const char *end_reason;

    /* decisions (4.2) */
    decision_item *queue;
    int qn;
    unsigned char *consent;   /* queue_max rows x slots, a row per item */
    long *consent_seq;        /* queue_max rows x slots: order of overreach consents */
    int *free_rows, n_free;   /* rows no item holds: an item that goes frees
                               * its row, and no row is moved */
    int overreach_open;       /* consents now CONSENT_OVERREACH: 0 skips 4.2's
                               * detection scan */
    long next_seq;
    int win_buckets;          /* min(decision_window, steps): no item is older */
    int *win_stamp;           /* buckets by step % decision_window */
    long (*win)[6];           /* arrived all/nonformal/formal, resolved same */
    long resolved, overreach_count, dropouts;
    int dropouts_by_reason[5];

    double *iota;       /* per framing actor */
} net;

/* What the field remembers of a pair of organisations (MODEL.md 4.13). */
typedef struct pair_mem {
    int a, b;           /* organisation indices, a < b */
    double r;           /* R_ab */
    int t;              /* t_ab, the step R_ab was written */
    int k;              /* k_ab, collaborations the pair ended together */
    int live;           /* live networks in which the pair is a trust pair */
    int has;            /* R_ab is set: a tie of the ties file, or a write */
} pair_mem;

/* A list of ints that grows (memory.c). */
typedef struct int_list {
    int *v;
    int n, cap;
} int_list;

struct samen_sim {
    const samen_scenario *sc;
    const samen_params *p;
    gsl_rng *rng;
    int step;
    long next_person;
    int K;
    /* The organisations: the scenario's (copied, their strings shared),
     * then those created by mergers (4.15), whose strings are the sim's. */
    samen_org *orgs;
    int n_orgs, cap_orgs;
    int *created_net;   /* per organisation: the network it was created
                         * from, -1 for the scenario's */
    int *created_step;
    double *load;       /* per organisation, MODEL.md 4.12 */
    int *org_rank;      /* per organisation: its id's place in strcmp order,
                         * so that a tie row orders its pair by an int */
    const samen_org **by_id; /* workspace of rank_ids */
    /* relationship memory (memory.c): one record per pair that has a tie
     * in the ties file or has been a trust pair, found by samen_hindex */
    pair_mem *mem;
    size_t n_mem, cap_mem;
    samen_hindex mem_index;
    int_list *adj;      /* per organisation: its records in mem */
    int_list *memb;     /* per organisation: the live networks it is in */
    /* areas (founding's reach, 4.14) */
    int *area_of;       /* per organisation: its area's number, 0 without */
    int n_areas;
    int *area_start, *area_orgs; /* the scenario's organisations by area */
    /* founding's workspace, per organisation */
    double *f_score, *f_fit, *f_phi;
    int *f_stamp, *f_tie, *f_reach, stamp;
    /* field.csv's workspace (field_ties.c), per memory record */
    double *ft_trust;
    struct tie_key *ft_order;
    size_t ft_cap;
    net *nets;
    int n_nets, cap_nets;
    int *perm;          /* visiting order of this step */
    int *wake;          /* per network: the first step it is visited again;
                         * its start while pending, INT_MAX once its end row
                         * is written. Beside the networks, not in them: a
                         * step reads one int for a network it skips, not a
                         * cache line of its state */
    int *scratch;       /* workspace: at least max slots ints */
    int has_output_error;
};

/* The consent of the member in slot to the q-th open item. */
static inline unsigned char *samen_consent(net *nw, int q, int slot)
{
    return &nw->consent[(size_t)nw->queue[q].row * (size_t)nw->slots + (size_t)slot];
}

/* fit.c: pure functions of the model (MODEL.md section 2 notation, 4.1). */
double samen_fit(const double *a, const double *b, int k);
double samen_appeal(double kappa, double alpha, double beta);
double samen_room(double kappa, double room_exp);
double samen_rate_prob(double h);
void samen_unit(double *v, int k);

/* persons.c */
double samen_dist_draw(const samen_dist *d, gsl_rng *r);
void samen_person_new(samen_sim *sim, member *mb);

/* memory.c: relationship memory (MODEL.md 4.13). */
int samen_memory_init(samen_sim *sim);
void samen_memory_free(samen_sim *sim);
/* The record of pair {a, b}, or NULL. */
pair_mem *samen_memory_find(const samen_sim *sim, int a, int b);
/* R_eff of a record at step t: trust0 + (R - trust0) 2^(-(t - t_ab)/h);
 * with h = 0 the ties file's trust, never faded. */
double samen_memory_reff(const samen_params *p, const pair_mem *m, int t);
/* The trust a new trust pair starts at: R_eff if the pair has a memory,
 * else model.trust0 (4.1). */
double samen_memory_start_trust(const samen_sim *sim, int a, int b);
/* A trust pair began (live + 1; the record is made if there is none);
 * ended with trust T (live - 1, and the write of 4.13). -1 out of memory. */
int samen_memory_pair_begins(samen_sim *sim, int a, int b);
void samen_memory_pair_ends(samen_sim *sim, int a, int b, double trust);
/* Sets R(a, b) = r at step t with k = 1 (the merged organisation, 4.15). */
int samen_memory_set(samen_sim *sim, int a, int b, double r, int k);
/* Whether a record is a field tie at step t (4.13), and the field degree
 * of organisation o. */
int samen_memory_is_tie(const samen_sim *sim, const pair_mem *m, int t);
int samen_field_degree(const samen_sim *sim, int o);
int samen_int_list_add(int_list *l, int v);
void samen_int_list_remove(int_list *l, int v);

/* field_ties.c: field.csv's rows of the step just run (4.13). */
int samen_field_rows(samen_sim *sim, const samen_observer *obs);

/* grow.c: room for created organisations and founded networks. */
int samen_grow_orgs(samen_sim *sim, int need);
int samen_grow_nets(samen_sim *sim, int need);
int samen_rank_ids(samen_sim *sim);
int samen_net_init(samen_sim *sim, net *nw, const samen_net_spec *sp);
void samen_net_free(net *nw);

/* founding.c: MODEL.md 4.14, before the networks' visits of a step. */
int samen_found(samen_sim *sim, const samen_observer *obs);
/* One founding by organisation o (its draws and choices); the network is
 * appended and event `founded` emitted. Exposed for the tests. */
int samen_found_one(samen_sim *sim, int o, const samen_observer *obs);
/* S_x of 4.14 from its parts (the prominence term 0 when dbar is 0). */
double samen_found_score(const samen_params *p, double fit, double phi, int common,
                         int degree, double dbar);

/* merger_org.c: MODEL.md 4.15, the merged network becomes an organisation. */
int samen_merger_org(samen_sim *sim, net *nw, const samen_observer *obs);

/* Organisation at position c of a network's possible members. */
static inline int samen_cand_org(const net *nw, int c)
{
    return c < nw->spec->n_candidates ? nw->spec->candidates[c] : nw->spec->initiator;
}

/* membership.c: joining, leaving, trust pair access, ending a network.
 * Organisations are named by their position c among the possible members. */
size_t samen_pair_index(const net *nw, int sa, int sb);
double *samen_pair(net *nw, int sa, int sb);
int samen_member_join(samen_sim *sim, net *nw, int c, double attraction,
                      const char *reason, const samen_observer *obs);
int samen_member_leave(samen_sim *sim, net *nw, int pos);
int samen_net_end(samen_sim *sim, net *nw, samen_phase end, const char *event,
                  const char *reason, int has_value, double value,
                  const samen_observer *obs);
int samen_set_phase(samen_sim *sim, net *nw, samen_phase ph, const samen_observer *obs);
int samen_emit(samen_sim *sim, net *nw, int org, long person, const char *event,
               const char *reason, int has_value, double value,
               const samen_observer *obs);
int samen_is_member(const net *nw, int c);
int samen_necessary_present(const net *nw);
int samen_quorum_need(const samen_sim *sim, const net *nw);
double samen_mean_trust(const net *nw);
double samen_mean_cpn(const net *nw);
double samen_sdec(const samen_sim *sim, const net *nw, int kind, int *defined);
double samen_attraction(const samen_sim *sim, const net *nw, int c, const double *v);
double samen_benefit(const samen_sim *sim, const net *nw);

/* The sub-models of MODEL.md section 4, in schedule order (section 3). Each
 * returns 0, or an observer's nonzero return. */
int samen_capacity_loads(samen_sim *sim);                              /* 4.12 */
int samen_recruit(samen_sim *sim, net *nw, const samen_observer *obs); /* 4.1 */
int samen_recruit_start(samen_sim *sim, net *nw, const samen_observer *obs);
int samen_decisions(samen_sim *sim, net *nw, const samen_observer *obs);/* 4.2 */
void samen_comm(samen_sim *sim, net *nw);                              /* 4.3 */
void samen_trust(samen_sim *sim, net *nw);                             /* 4.4 */
int samen_goal(samen_sim *sim, net *nw, const samen_observer *obs);    /* 4.5 */
/* After g_n has changed: each member's fit_goal = f(m_o, g_n) again (4.5
 * calls it; so must anything else that sets the goal, tests included). */
void samen_goal_moved(samen_sim *sim, net *nw);
void samen_engagement(samen_sim *sim, net *nw);                        /* 4.6 */
int samen_execution(samen_sim *sim, net *nw, const samen_observer *obs);/* 4.7 */
int samen_framing(samen_sim *sim, net *nw, const samen_observer *obs); /* 4.8 */
int samen_dropout(samen_sim *sim, net *nw, const samen_observer *obs); /* 4.9 */
int samen_turnover(samen_sim *sim, net *nw, const samen_observer *obs);/* 4.10 */
int samen_form(samen_sim *sim, net *nw, const samen_observer *obs);    /* 4.11 */

/* observe.c: rows of section 3 step 12. */
int samen_observe_net(samen_sim *sim, net *nw, const samen_observer *obs);

static inline int samen_live(samen_phase ph)
{
    return ph == SAMEN_PHASE_RECRUITING || ph == SAMEN_PHASE_FORMULATING ||
           ph == SAMEN_PHASE_EXECUTING;
}

#endif
