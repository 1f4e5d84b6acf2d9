/* region.c: a synthetic Flemish region of Brede School-like networks over
 * one pool of organisations, written as a scenario (FORMATS.md "Scenario
 * file") and its organisations file. */
#include "generate/region.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "model/attraction.h"
#include "scenario/scenario_int.h"
#include "util/outfile.h"

/*
 * The region, and why it looks the way it does.
 *
 * Geography. A Flemish region is a few municipalities (Flanders: about 300
 * municipalities, 6.7 million people, so some 22,000 people each), each
 * split into school catchment neighbourhoods. A Brede School is rooted in
 * one neighbourhood: its partners are the schools, care, clubs and
 * centres around the school, the municipality-wide services (secondary
 * schools, academies and libraries, parenting support) and a few
 * region-wide services (CLB, CAW) that serve many schools. So each
 * organisation has a scope:
 *   neighbourhood  primary schools, childcare, out-of-school care, sport
 *                  clubs, youth work, community centres, health centres;
 *   municipality   secondary schools, culture, parenting support (Huis van
 *                  het Kind), and the municipality itself (one each);
 *   region         welfare (CAW), pupil guidance (CLB), education support
 *                  (pedagogical support services, local consultation
 *                  platforms).
 * The number of municipalities is the municipality sector's count (3 % of
 * the pool: a municipality holds some 33 organisations of these kinds).
 * Neighbourhoods hold about LOCAL_PER_NB neighbourhood-scope organisations
 * each (about two to three primary schools, as in Flemish catchment areas),
 * at least one per municipality, and never more than there are primary
 * schools or care providers, since every neighbourhood gets one of each.
 * Municipalities differ in size (a town and its villages): each gets one
 * neighbourhood, and the rest go to municipalities drawn with lognormal
 * weights (sigma MUN_SIZE_SIGMA).
 *
 * Sector shares of the pool (the organisations that take part in Brede
 * School work, not all organisations of the region) are our assumptions,
 * set from two things. Which kinds take part: the workshop report
 * (seed/samenwerken-over-sectoren-heen.txt) names schools, out-of-school
 * care (IBO), neighbourhood sport, cultural organisations, youth work
 * (Scouts en Gidsen), work with vulnerable youth, a community centre,
 * parenting support (Opvoedingswinkel), CLBs, municipalities and
 * education support (OCB, the city's education service) around Brede
 * Schools. How common each kind is, roughly: Flanders has some 2,300
 * primary and 1,000 secondary schools for 6.7 million people, many
 * childcare and out-of-school care locations, thousands of sport clubs
 * and youth groups of which only the active, locally rooted ones work with
 * schools, and few CLBs (some 40) and CAWs (11, with local branches).
 * Primary schools are the largest group, sport, culture and youth work
 * next, then care, and the services last.
 * Each sector has a mission profile over the themes (learning, childcare,
 * leisure, welfare, parents, language, health, culture): an organisation's
 * mission is its sector's profile plus normal noise (sd MISSION_SD), and
 * with probability SIDE_PROB a side interest (one random theme raised by
 * uniform(0.2, 0.5)), clipped to [0,1]. Capacity (effort units, compared
 * with a network's effort; a membership uses about model.join_cost = 0.5)
 * is lognormal around the sector's median (sigma CAP_SIGMA): large
 * professional organisations (municipality, CLB, secondary schools) have
 * more, volunteer clubs less. The mandate is "decision" with the sector's
 * share: school heads and volunteers' boards often decide at the table,
 * municipal officials and large welfare organisations report back. Latency
 * (steps an internal decision takes, >= 1) is 1 + gamma(2, (L - 1) / 2)
 * around the sector's mean L: a staff meeting takes a week or two, a
 * municipal college or a club board that meets monthly takes longer.
 * Guard (how actively the organisation keeps in touch with its person) is
 * beta with the sector's mean and concentration GUARD_CONC: professional
 * hierarchies guard more than volunteer organisations. Patience (steps) is
 * gamma(PAT_SHAPE, P / PAT_SHAPE) around the sector's mean P, at least 4:
 * schools and public services plan over school years, clubs less so.
 *
 * Networks. Each network is hosted by one neighbourhood; neighbourhoods
 * take turns (a random order, repeated) so that with more networks than
 * neighbourhoods some host two, whose networks then share organisations
 * and their capacity; municipality and region services are shared by
 * every network that lists them. The first network of a neighbourhood is a
 * Brede School network (type network) with probability 0.85, else an ad hoc
 * project (0.10) or a consultation (0.05); a second network of the same
 * neighbourhood is a network with probability 0.5, adhoc 0.3, overleg 0.2.
 * The initiator is a primary school of the neighbourhood (a community
 * centre with probability 0.1, or 0.5 for an overleg, where one exists).
 * Necessary actors, as an initiator would choose them: the initiating
 * school (for a community centre initiator, a primary school), with
 * probability 0.5 a second primary school, and one care provider of the
 * neighbourhood (out-of-school care with probability 0.7 where there is
 * one, else childcare): 2 or 3 in all. The initiator knows its
 * neighbourhood, so of each kind it picks the one it expects most from:
 * the largest fit of mission to issue times need (1 - capacity / effort),
 * the terms of MODEL.md 4.1 that differ between partners. A necessary
 * actor (other than the initiator, who is always there) that could never
 * join at the start under the model's defaults (samen_can_join_start:
 * attraction with the ask bonus below model.attraction_min, or capacity
 * below model.join_cost) would make the network dissolve
 * (necessary-actor-missing) whatever the run, which tells nothing about
 * collaboration: an initiator does not count on a partner it cannot
 * interest. Such an actor is replaced by the candidate of the same kind
 * (a primary school for a school, a childcare or out-of-school care
 * provider for a care provider) that can join with the largest attraction,
 * else it is no longer necessary: the necessary actors stay the schools
 * and care the initiator needs, never a partner of another kind the
 * initiator has no reason to require (MODEL.md section 7, reading 26).
 * Ties go to the first in the organisations file, and nothing is drawn,
 * so the rest of the region stays as drawn. Framing actors:
 * the neighbourhood's municipality and, with probability 0.5, an education
 * support centre; they are never candidates. Candidates: every organisation
 * of the neighbourhood, the municipality's services (not the municipality
 * itself) sited in it or in a neighbouring one (SERVICE_REACH; the
 * neighbourhoods of a municipality are numbered along a line, so a large
 * town's academy is not a candidate in its every corner), one CLB and one
 * or (with probability 0.5) two CAW branches of the region. A network thus
 * weighs some 10 to 25 candidates, of whom those its issue attracts join,
 * so that member counts can land where C3 puts them (MODEL.md section 1:
 * 8 partners on average, 4 to 22), not at the size of the whole pool.
 * Issues: a Brede School issue around learning, leisure and parents with
 * one theme stressed (uniform(0.1, 0.25) extra); an ad hoc project around
 * one of a few typical projects (holiday play, homework and language
 * support, a healthy school, a culture week, a parents' cafe); a
 * consultation spread over all themes; every weight multiplied by
 * exp(ISSUE_SIGMA * N(0,1)), then scaled to sum 1, rounded to 0.01, and
 * weights under 0.03 left out. Concreteness is beta(12,12) (mean 0.5, sd
 * 0.1), beta(14,10) for ad hoc projects, which are more concrete. Effort
 * is lognormal with median 6 (network), 4 (adhoc) or 3 (overleg) and sigma
 * 0.35. Networks start at a uniform step over the first three years (the
 * Flemish pilots started between 2006 and 2009), or the first third of
 * the run if that is shorter. Framing actors are informed every 4 (p 0.25),
 * 8 (0.45) or 13 (0.3) steps; an ad hoc project runs 13 (0.2), 26 (0.4),
 * 39 (0.25) or 52 (0.15) executing steps (a term to a school year).
 *
 * All draws come from one gsl_rng_mt19937 seeded with the seed, the
 * organisations first, so the pool does not depend on --networks.
 */

#define N_THEMES 8
#define LOCAL_PER_NB 10.0
#define MUN_SIZE_SIGMA 0.6
#define MISSION_SD 0.1
#define SIDE_PROB 0.2
#define CAP_SIGMA 0.3
#define GUARD_CONC 8.0
#define PAT_SHAPE 6.0
#define ISSUE_SIGMA 0.4
#define EFFORT_SIGMA 0.35
#define START_SPREAD 156   /* three years of weeks */
#define SERVICE_REACH 1    /* neighbourhoods a municipality service reaches on each side */
#define WRAP 96            /* list lines are wrapped, for reading by eye */

static const char *const theme_names[N_THEMES] = {
    "learning", "childcare", "leisure", "welfare", "parents", "language",
    "health", "culture"
};

enum { SCOPE_NB, SCOPE_MUN, SCOPE_REGION };

enum { S_PRIMARY, S_SECONDARY, S_CHILDCARE, S_AFTERSCHOOL, S_SPORT,
       S_CULTURE, S_YOUTH, S_WELFARE, S_CLB, S_PARENTING, S_COMMUNITY,
       S_HEALTH, S_MUNICIPALITY, S_EDSUPPORT, N_SECTORS };

typedef struct sector_def {
    const char *label;   /* sector column */
    const char *tag;     /* part of the ids */
    const char *noun;    /* part of the names */
    double share;
    int scope;
    double capacity;     /* median */
    double decision;     /* share with a decision mandate */
    double latency;      /* mean steps, >= 1 */
    double guard;        /* mean */
    double patience;     /* mean steps */
    double mission[N_THEMES]; /* learning childcare leisure welfare parents language health culture */
} sector_def;

/* label, id tag, name, share, scope; capacity (median), decision share,
 * latency, guard and patience (means); mission profile. See above. */
static const sector_def sectors[N_SECTORS] = {
    {"primary-school", "primary", "Primary school", 0.16, SCOPE_NB,
     2.5, 0.6, 2.0, 0.5, 104, {0.9, 0.2, 0.2, 0.2, 0.5, 0.6, 0.2, 0.3}},
    {"secondary-school", "secondary", "Secondary school", 0.06, SCOPE_MUN,
     4.0, 0.4, 3.0, 0.6, 78, {0.9, 0.0, 0.2, 0.3, 0.2, 0.4, 0.2, 0.3}},
    {"childcare", "childcare", "Childcare centre", 0.09, SCOPE_NB,
     1.5, 0.4, 2.0, 0.5, 78, {0.3, 0.9, 0.2, 0.1, 0.5, 0.3, 0.3, 0.1}},
    {"out-of-school-care", "afterschool", "Out-of-school care", 0.06, SCOPE_NB,
     1.5, 0.4, 2.0, 0.5, 78, {0.2, 0.9, 0.6, 0.1, 0.3, 0.1, 0.1, 0.2}},
    {"sport", "sport", "Sport club", 0.15, SCOPE_NB,
     1.0, 0.5, 4.0, 0.3, 52, {0.1, 0.0, 0.9, 0.1, 0.1, 0.0, 0.6, 0.0}},
    {"culture", "culture", "Cultural organisation", 0.10, SCOPE_MUN,
     2.0, 0.5, 3.0, 0.4, 78, {0.4, 0.0, 0.5, 0.0, 0.1, 0.3, 0.0, 0.9}},
    {"youth-work", "youth", "Youth work", 0.10, SCOPE_NB,
     1.0, 0.6, 3.0, 0.3, 52, {0.2, 0.0, 0.9, 0.3, 0.1, 0.0, 0.1, 0.3}},
    {"welfare", "welfare", "Welfare centre (CAW)", 0.05, SCOPE_REGION,
     3.0, 0.3, 4.0, 0.6, 104, {0.1, 0.1, 0.0, 0.9, 0.5, 0.2, 0.3, 0.0}},
    {"pupil-guidance", "clb", "Pupil guidance centre (CLB)", 0.02, SCOPE_REGION,
     4.0, 0.3, 3.0, 0.6, 104, {0.6, 0.0, 0.0, 0.7, 0.5, 0.2, 0.6, 0.0}},
    {"parenting-support", "parenting", "Parenting support", 0.03, SCOPE_MUN,
     2.0, 0.4, 2.0, 0.5, 78, {0.2, 0.4, 0.0, 0.5, 0.9, 0.3, 0.3, 0.0}},
    {"community-centre", "community", "Community centre", 0.06, SCOPE_NB,
     2.0, 0.6, 2.0, 0.4, 104, {0.3, 0.0, 0.5, 0.4, 0.4, 0.5, 0.0, 0.5}},
    {"health", "health", "Health centre", 0.06, SCOPE_NB,
     1.5, 0.4, 2.0, 0.4, 78, {0.0, 0.2, 0.0, 0.4, 0.3, 0.0, 0.9, 0.0}},
    {"municipality", "municipality", "Municipality", 0.03, SCOPE_MUN,
     8.0, 0.2, 6.0, 0.7, 156, {0.5, 0.5, 0.5, 0.6, 0.4, 0.4, 0.4, 0.5}},
    {"education-support", "edsupport", "Education support centre", 0.03, SCOPE_REGION,
     4.0, 0.4, 3.0, 0.6, 104, {0.9, 0.0, 0.0, 0.2, 0.2, 0.3, 0.0, 0.0}},
};

static const char *const scope_names[] = {"neighbourhood", "municipality", "region"};

enum { T_OVERLEG, T_ADHOC, T_NETWORK };
static const char *const type_names[] = {"overleg", "adhoc", "network"};
static const char *const type_nouns[] = {"overleg", "project", "brede-school"};

/* Issue profiles (before noise). A Brede School is about learning,
 * leisure and parents first; the stressed theme gives neighbourhoods their
 * own accent (language in a diverse city, health, culture ...). */
static const double issue_network[N_THEMES] = {0.30, 0.10, 0.20, 0.05, 0.15, 0.10, 0.05, 0.05};
static const double issue_focus[N_THEMES] = {0.20, 0.10, 0.20, 0.05, 0.15, 0.15, 0.10, 0.05};
static const double issue_overleg[N_THEMES] = {0.20, 0.12, 0.12, 0.12, 0.15, 0.12, 0.10, 0.10};
#define N_PROJECTS 5
static const double issue_adhoc[N_PROJECTS][N_THEMES] = {
    {0.10, 0.40, 0.40, 0.00, 0.05, 0.00, 0.05, 0.00}, /* holiday play */
    {0.50, 0.00, 0.00, 0.00, 0.10, 0.40, 0.00, 0.00}, /* homework, language */
    {0.10, 0.00, 0.30, 0.00, 0.10, 0.00, 0.50, 0.00}, /* healthy school */
    {0.30, 0.00, 0.20, 0.00, 0.00, 0.00, 0.00, 0.50}, /* culture week */
    {0.10, 0.00, 0.00, 0.30, 0.50, 0.20, 0.00, 0.00}, /* parents' cafe */
};

typedef struct org {
    char id[48];
    char name[96];
    int sector, mun, nb;     /* nb -1 above neighbourhood scope, mun -1 for region */
    int near;                /* a service's home neighbourhood, else -1 */
    double capacity, latency, guard, patience;
    int decision;
    double mission[N_THEMES];
} org;

typedef struct net {
    char name[48];
    int order;               /* draw order, for a stable sort */
    int type, nb, initiator;
    int n_nec, nec[3];
    int n_fr, fr[2];
    int n_cand, *cand;       /* ascending org indices */
    double issue[N_THEMES], concreteness, effort;
    int start, inform_every, horizon;
} net;

typedef struct region {
    int count[N_SECTORS];
    int n_mun, n_nb;
    int *nb_mun;             /* municipality of each neighbourhood */
    int *nb_first, *nb_end;  /* org range of each neighbourhood */
    int *mun_org;            /* the municipality organisation */
    int *mun_first, *mun_end;/* org range of its municipality-scope services */
    int sec_first[N_SECTORS], sec_end[N_SECTORS]; /* region-scope ranges */
    int n_orgs;
    org *orgs;
    int n_nets;
    net *nets;
    int n_shared_nb;         /* neighbourhoods hosting more than one network */
    samen_params model;      /* the model's defaults, for who can join */
    int n_replaced, n_dropped; /* necessary actors nobody could have joined as */
} region;

int samen_region_n_sectors(void)
{
    return N_SECTORS;
}

const char *samen_region_sector_label(int i)
{
    return i >= 0 && i < N_SECTORS ? sectors[i].label : NULL;
}

double samen_region_sector_share(int i)
{
    return i >= 0 && i < N_SECTORS ? sectors[i].share : 0.0;
}

void samen_region_opts_default(samen_region_opts *o)
{
    o->n_orgs = 400;
    o->n_nets = 40;
    o->seed = 1;
    o->steps = 520;
    o->field = 0;
}

/* --field's founding rate: networks founded per organisation and step at
 * full spare capacity, so that the field founds about --networks networks
 * in ten years (520 steps) of spare organisations; spare capacity is a
 * little below 1 on average, so slightly fewer. Three digits. */
static double field_found_rate(const samen_region_opts *o)
{
    double r = (double)o->n_nets / ((double)o->n_orgs * 520.0);
    double scale = pow(10, 2 - floor(log10(r)));
    return round(r * scale) / scale;
}


int samen_region_check_opts(const samen_region_opts *o, samen_error *err)
{
    if (o->n_orgs < SAMEN_REGION_MIN_ORGS || o->n_orgs > SAMEN_REGION_MAX_ORGS)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--orgs",
                               "must be a whole number from %d to %d, not %d",
                               SAMEN_REGION_MIN_ORGS, SAMEN_REGION_MAX_ORGS, o->n_orgs);
    if (o->n_nets < 1 || o->n_nets > o->n_orgs)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--networks",
                               "must be a whole number from 1 to --orgs (%d), not %d",
                               o->n_orgs, o->n_nets);
    if (o->seed == 0)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--seed",
                               "must be a whole number from 1 to 4294967295, not 0");
    if (o->steps < 1 || o->steps > 1000000)
        return samen_error_set(err, SAMEN_EINPUT, NULL, 0, "--steps",
                               "must be a whole number from 1 to 1000000, not %d", o->steps);
    return SAMEN_OK;
}

static double round_to(double v, double unit)
{
    return round(v / unit) * unit;
}

static double clamp01(double v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* Index drawn from a small discrete distribution (weights add up to 1). */
static int draw_discrete(gsl_rng *r, const double *p, int n)
{
    double u = gsl_rng_uniform(r), acc = 0;
    for (int i = 0; i < n - 1; i++) {
        acc += p[i];
        if (u < acc)
            return i;
    }
    return n - 1;
}

/* Sector counts by the largest remainder of share * n, every sector at
 * least one (taken from the largest sector). */
static void sector_counts(int n, int *count)
{
    double frac[N_SECTORS];
    int total = 0;
    for (int s = 0; s < N_SECTORS; s++) {
        double x = sectors[s].share * n;
        count[s] = (int)floor(x);
        frac[s] = x - count[s];
        total += count[s];
    }
    while (total < n) {
        int best = 0;
        for (int s = 1; s < N_SECTORS; s++)
            if (frac[s] > frac[best])
                best = s;
        count[best]++;
        frac[best] = -1;
        total++;
    }
    for (int s = 0; s < N_SECTORS; s++) {
        if (count[s] > 0)
            continue;
        int big = 0;
        for (int t = 1; t < N_SECTORS; t++)
            if (count[t] > count[big])
                big = t;
        count[big]--;
        count[s]++;
    }
}

static void region_free(region *rg)
{
    if (!rg)
        return;
    free(rg->nb_mun);
    free(rg->nb_first);
    free(rg->nb_end);
    free(rg->mun_org);
    free(rg->mun_first);
    free(rg->mun_end);
    free(rg->orgs);
    if (rg->nets)
        for (int i = 0; i < rg->n_nets; i++)
            free(rg->nets[i].cand);
    free(rg->nets);
    free(rg);
}

static int digits(int n)
{
    int d = 1;
    while (n >= 10) {
        n /= 10;
        d++;
    }
    return d;
}

/* v zero-padded to w digits (ids sort the way they are numbered). */
static char *padnum(char buf[16], int w, int v)
{
    char tmp[16];
    int len = snprintf(tmp, sizeof tmp, "%d", v);
    int pad = w > len && w < 15 ? w - len : 0;
    memset(buf, '0', (size_t)pad);
    memcpy(buf + pad, tmp, (size_t)len + 1);
    return buf;
}

/* Draws the attributes of one organisation of sector s. */
static void draw_org(gsl_rng *r, org *o, int s)
{
    const sector_def *d = &sectors[s];
    o->sector = s;
    o->capacity = round_to(d->capacity * exp(CAP_SIGMA * gsl_ran_gaussian(r, 1.0)), 0.1);
    if (o->capacity < 0.1)
        o->capacity = 0.1;
    o->decision = gsl_rng_uniform(r) < d->decision;
    o->latency = round_to(1.0 + gsl_ran_gamma(r, 2.0, (d->latency - 1.0) / 2.0), 0.1);
    if (o->latency < 1.0)
        o->latency = 1.0;
    o->guard = round_to(gsl_ran_beta(r, d->guard * GUARD_CONC, (1 - d->guard) * GUARD_CONC), 0.01);
    o->patience = round(gsl_ran_gamma(r, PAT_SHAPE, d->patience / PAT_SHAPE));
    if (o->patience < 4)
        o->patience = 4;
    double any = 0;
    for (int k = 0; k < N_THEMES; k++) {
        o->mission[k] = round_to(clamp01(d->mission[k] + gsl_ran_gaussian(r, MISSION_SD)), 0.01);
        any += o->mission[k];
    }
    if (gsl_rng_uniform(r) < SIDE_PROB) {
        int k = (int)gsl_rng_uniform_int(r, N_THEMES);
        o->mission[k] = round_to(clamp01(o->mission[k] + gsl_ran_flat(r, 0.2, 0.5)), 0.01);
        any += o->mission[k];
    }
    if (any <= 0) { /* all noise pulled to zero: keep the sector's main theme */
        int best = 0;
        for (int k = 1; k < N_THEMES; k++)
            if (d->mission[k] > d->mission[best])
                best = k;
        o->mission[best] = d->mission[best];
    }
}

/* Lays out municipalities and neighbourhoods and draws every organisation,
 * written in the order municipality by municipality (the municipality, its
 * services, then its neighbourhoods), then the region-wide services. */
static int build_orgs(region *rg, gsl_rng *r, int n)
{
    sector_counts(n, rg->count);
    int M = rg->count[S_MUNICIPALITY];
    int n_local = 0;
    for (int s = 0; s < N_SECTORS; s++)
        if (sectors[s].scope == SCOPE_NB)
            n_local += rg->count[s];
    int n_care = rg->count[S_CHILDCARE] + rg->count[S_AFTERSCHOOL];
    int B = (int)lround(n_local / LOCAL_PER_NB);
    if (B < M)
        B = M;
    if (B > rg->count[S_PRIMARY])
        B = rg->count[S_PRIMARY];
    if (B > n_care)
        B = n_care;
    if (B < M)  /* cannot happen with the shares above, kept for safety */
        M = B;
    rg->n_mun = M;
    rg->n_nb = B;

    rg->nb_mun = calloc((size_t)B, sizeof(int));
    rg->nb_first = calloc((size_t)B, sizeof(int));
    rg->nb_end = calloc((size_t)B, sizeof(int));
    rg->mun_org = calloc((size_t)M, sizeof(int));
    rg->mun_first = calloc((size_t)M, sizeof(int));
    rg->mun_end = calloc((size_t)M, sizeof(int));
    rg->orgs = calloc((size_t)n, sizeof(org));
    int *nb_count = calloc((size_t)M, sizeof(int));
    double *w = calloc((size_t)M, sizeof(double));
    int *cnt = calloc((size_t)(B > M ? B : M) * N_SECTORS, sizeof(int));
    int *care = calloc((size_t)n_care, sizeof(int));
    int *perm = calloc((size_t)B, sizeof(int));
    int ok = rg->nb_mun && rg->nb_first && rg->nb_end && rg->mun_org && rg->mun_first &&
             rg->mun_end && rg->orgs && nb_count && w && cnt && care && perm;
    if (!ok)
        goto done;

    /* Municipality sizes: one neighbourhood each, the rest by lognormal weights. */
    for (int m = 0; m < M; m++) {
        w[m] = exp(MUN_SIZE_SIGMA * gsl_ran_gaussian(r, 1.0));
        nb_count[m] = 1;
    }
    gsl_ran_discrete_t *dt = gsl_ran_discrete_preproc((size_t)M, w);
    if (!dt) {
        ok = 0;
        goto done;
    }
    for (int b = M; b < B; b++)
        nb_count[gsl_ran_discrete(r, dt)]++;
    gsl_ran_discrete_free(dt);
    for (int m = 0, b = 0; m < M; m++)
        for (int i = 0; i < nb_count[m]; i++)
            rg->nb_mun[b++] = m;

    /* Locations: cnt[b * N_SECTORS + s] counts sector s in neighbourhood b
     * (for a municipality service, its home neighbourhood). A sector's
     * first B organisations go to distinct neighbourhoods (primary schools
     * in order, so that every neighbourhood has one; other sectors in a
     * random order), the rest anywhere: no neighbourhood hoards a kind of
     * organisation, and sizes still vary. The municipalities themselves
     * are one each and not counted here. */
    for (int s = 0; s < N_SECTORS; s++) {
        if (sectors[s].scope == SCOPE_REGION || s == S_MUNICIPALITY ||
            s == S_CHILDCARE || s == S_AFTERSCHOOL)
            continue; /* care is placed together below */
        for (int b = 0; b < B; b++)
            perm[b] = b;
        if (s != S_PRIMARY)
            gsl_ran_shuffle(r, perm, (size_t)B, sizeof(int));
        for (int i = 0; i < rg->count[s]; i++) {
            int where = i < B ? perm[i] : (int)gsl_rng_uniform_int(r, (unsigned long)B);
            cnt[where * N_SECTORS + s]++;
        }
    }
    /* Every neighbourhood gets a care provider: the shuffled care
     * organisations fill the neighbourhoods first, the rest fall anywhere. */
    for (int i = 0; i < n_care; i++)
        care[i] = i < rg->count[S_CHILDCARE] ? S_CHILDCARE : S_AFTERSCHOOL;
    gsl_ran_shuffle(r, care, (size_t)n_care, sizeof(int));
    for (int i = 0; i < n_care; i++) {
        int where = i < B ? i : (int)gsl_rng_uniform_int(r, (unsigned long)B);
        cnt[where * N_SECTORS + care[i]]++;
    }

    /* Emit in file order, drawing attributes as we go. */
    int wm = digits(M), wb = digits(B), k = 0;
    char pm[16], pb[16];
    for (int m = 0, b = 0; m < M; m++) {
        org *o = &rg->orgs[k];
        draw_org(r, o, S_MUNICIPALITY);
        o->mun = m;
        o->nb = -1;
        o->near = -1;
        snprintf(o->id, sizeof o->id, "m%s-municipality", padnum(pm, wm, m + 1));
        snprintf(o->name, sizeof o->name, "Municipality %d", m + 1);
        rg->mun_org[m] = k++;
        rg->mun_first[m] = k;
        for (int s = 0; s < N_SECTORS; s++) {
            if (sectors[s].scope != SCOPE_MUN || s == S_MUNICIPALITY)
                continue;
            for (int nb = b, i = 0; nb < b + nb_count[m]; nb++)
                for (int j = 0; j < cnt[nb * N_SECTORS + s]; j++, i++) {
                    o = &rg->orgs[k++];
                    draw_org(r, o, s);
                    o->mun = m;
                    o->nb = -1;
                    o->near = nb;
                    snprintf(o->id, sizeof o->id, "m%s-%s-%d", pm, sectors[s].tag, i + 1);
                    snprintf(o->name, sizeof o->name, "%s %d in municipality %d (neighbourhood %d)",
                             sectors[s].noun, i + 1, m + 1, nb + 1);
                }
        }
        rg->mun_end[m] = k;
        /* its neighbourhoods (numbered municipality by municipality) */
        for (; b < B && rg->nb_mun[b] == m; b++) {
            rg->nb_first[b] = k;
            for (int s = 0; s < N_SECTORS; s++) {
                if (sectors[s].scope != SCOPE_NB)
                    continue;
                for (int i = 0; i < cnt[b * N_SECTORS + s]; i++) {
                    o = &rg->orgs[k++];
                    draw_org(r, o, s);
                    o->mun = m;
                    o->nb = b;
                    o->near = -1;
                    snprintf(o->id, sizeof o->id, "n%s-%s-%d", padnum(pb, wb, b + 1),
                             sectors[s].tag, i + 1);
                    snprintf(o->name, sizeof o->name, "%s %d in neighbourhood %d (municipality %d)",
                             sectors[s].noun, i + 1, b + 1, m + 1);
                }
            }
            rg->nb_end[b] = k;
        }
    }
    for (int s = 0; s < N_SECTORS; s++) {
        if (sectors[s].scope != SCOPE_REGION)
            continue;
        rg->sec_first[s] = k;
        for (int i = 0; i < rg->count[s]; i++) {
            org *o = &rg->orgs[k++];
            draw_org(r, o, s);
            o->mun = -1;
            o->nb = -1;
            o->near = -1;
            snprintf(o->id, sizeof o->id, "%s-%d", sectors[s].tag, i + 1);
            snprintf(o->name, sizeof o->name, "%s %d", sectors[s].noun, i + 1);
        }
        rg->sec_end[s] = k;
    }
    rg->n_orgs = k;
done:
    free(nb_count);
    free(w);
    free(cnt);
    free(care);
    free(perm);
    return ok ? SAMEN_OK : SAMEN_EIO;
}

/* Organisations of sector s in neighbourhood b, into out (at most max). */
static int nb_sector(const region *rg, int b, int s, int *out, int max)
{
    int n = 0;
    for (int i = rg->nb_first[b]; i < rg->nb_end[b] && n < max; i++)
        if (rg->orgs[i].sector == s)
            out[n++] = i;
    return n;
}

static int pick(gsl_rng *r, const int *v, int n)
{
    return v[gsl_rng_uniform_int(r, (unsigned long)n)];
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_net(const void *a, const void *b)
{
    const net *x = a, *y = b;
    if (x->start != y->start)
        return (x->start > y->start) - (x->start < y->start);
    return (x->order > y->order) - (x->order < y->order);
}

static void draw_issue(gsl_rng *r, net *nt)
{
    double w[N_THEMES], sum = 0;
    if (nt->type == T_NETWORK) {
        memcpy(w, issue_network, sizeof w);
        w[draw_discrete(r, issue_focus, N_THEMES)] += gsl_ran_flat(r, 0.10, 0.25);
    } else if (nt->type == T_ADHOC) {
        memcpy(w, issue_adhoc[gsl_rng_uniform_int(r, N_PROJECTS)], sizeof w);
    } else {
        memcpy(w, issue_overleg, sizeof w);
    }
    for (int k = 0; k < N_THEMES; k++) {
        w[k] *= exp(ISSUE_SIGMA * gsl_ran_gaussian(r, 1.0));
        sum += w[k];
    }
    for (int k = 0; k < N_THEMES; k++) {
        double v = round_to(w[k] / sum, 0.01);
        nt->issue[k] = v < 0.03 ? 0 : v;
    }
}

/* What an initiator weighs when it picks a necessary partner: how well
 * the partner's mission fits the issue and how much it needs others to
 * realise it (MODEL.md 4.1, TAAK and WIJ; the appeal of the issue is the
 * same for every partner). */
static double expected_pull(const org *o, const net *nt)
{
    double dot = 0, mm = 0, qq = 0;
    for (int k = 0; k < N_THEMES; k++) {
        dot += o->mission[k] * nt->issue[k];
        mm += o->mission[k] * o->mission[k];
        qq += nt->issue[k] * nt->issue[k];
    }
    double fit = mm > 0 && qq > 0 ? dot / sqrt(mm * qq) : 0;
    double need = 1 - (o->capacity < nt->effort ? o->capacity / nt->effort : 1);
    return fit * need;
}

/* The organisation of v (n > 0) other than skip with the largest pull,
 * the first of equals; -1 if there is none. */
static int best_partner(const region *rg, const net *nt, const int *v, int n, int skip)
{
    int best = -1;
    double bp = -1;
    for (int i = 0; i < n; i++) {
        if (v[i] == skip)
            continue;
        double p = expected_pull(&rg->orgs[v[i]], nt);
        if (p > bp) {
            bp = p;
            best = v[i];
        }
    }
    return best;
}

/* Whether organisation i, as a necessary actor of nt, can join it at the
 * start under the model's defaults (MODEL.md 4.1), with its attraction in
 * *a: the terms `samen check` computes from the written scenario, whose
 * numbers are these (already rounded) values. */
static int can_join(const region *rg, const net *nt, int i, double *a)
{
    samen_org o = {0};
    o.capacity = rg->orgs[i].capacity;
    memcpy(o.mission, rg->orgs[i].mission, sizeof rg->orgs[i].mission);
    samen_net_spec sp = {0};
    sp.concreteness = nt->concreteness;
    sp.effort = nt->effort;
    samen_attraction_terms t;
    *a = samen_attraction_of(&rg->model, &o, &sp, 1, nt->issue, N_THEMES, &t);
    return samen_can_join_start(&rg->model, &o, &t);
}

/* The kind of a necessary actor: its sector, the two care sectors one. */
static int kind_of(int s)
{
    return s == S_AFTERSCHOOL ? S_CHILDCARE : s;
}

/* The candidate of nt of kind kind, neither the initiator nor necessary,
 * that can join as a necessary actor with the largest attraction, the
 * first of equals; -1 if none can. */
static int best_joining(const region *rg, const net *nt, int kind)
{
    int best = -1;
    double ba = -1;
    for (int c = 0; c < nt->n_cand; c++) {
        int i = nt->cand[c], taken = i == nt->initiator;
        for (int j = 0; j < nt->n_nec; j++)
            taken |= nt->nec[j] == i;
        double a;
        if (taken || kind_of(rg->orgs[i].sector) != kind || !can_join(rg, nt, i, &a))
            continue;
        if (a > ba) {
            ba = a;
            best = i;
        }
    }
    return best;
}

/* Replaces each necessary actor that can never join (see the top of the
 * file); draws nothing. */
static void fix_necessary(region *rg, net *nt)
{
    for (int j = 0; j < nt->n_nec;) {
        int o = nt->nec[j];
        double a;
        if (o == nt->initiator || can_join(rg, nt, o, &a)) {
            j++;
            continue;
        }
        int by = best_joining(rg, nt, kind_of(rg->orgs[o].sector));
        if (by >= 0) {
            nt->nec[j++] = by;
            rg->n_replaced++;
        } else {
            memmove(&nt->nec[j], &nt->nec[j + 1], (size_t)(nt->n_nec - j - 1) * sizeof(int));
            nt->n_nec--;
            rg->n_dropped++;
        }
    }
}

/* Draws a network hosted by neighbourhood b as its rank-th network. */
static int draw_net(region *rg, gsl_rng *r, net *nt, int b, int rank, int steps)
{
    static const double type_first[3] = {0.05, 0.10, 0.85};  /* overleg, adhoc, network */
    static const double type_next[3] = {0.20, 0.30, 0.50};
    static const double inform_p[3] = {0.25, 0.45, 0.30};
    static const int inform_v[3] = {4, 8, 13};
    static const double horizon_p[4] = {0.20, 0.40, 0.25, 0.15};
    static const int horizon_v[4] = {13, 26, 39, 52};
    int m = rg->nb_mun[b];
    int size = rg->nb_end[b] - rg->nb_first[b];
    int n_mun = rg->mun_end[m] - rg->mun_first[m];
    int *prim = malloc((size_t)size * sizeof(int));
    int *comm = malloc((size_t)size * sizeof(int));
    int *cc = malloc((size_t)size * sizeof(int));
    int *as = malloc((size_t)size * sizeof(int));
    nt->cand = malloc((size_t)(size + n_mun + 3) * sizeof(int));
    if (!prim || !comm || !cc || !as || !nt->cand) {
        free(prim);
        free(comm);
        free(cc);
        free(as);
        return SAMEN_EIO;
    }
    int np = nb_sector(rg, b, S_PRIMARY, prim, size);
    int nc = nb_sector(rg, b, S_COMMUNITY, comm, size);
    int ncc = nb_sector(rg, b, S_CHILDCARE, cc, size);
    int nas = nb_sector(rg, b, S_AFTERSCHOOL, as, size);

    nt->nb = b;
    nt->type = draw_discrete(r, rank == 0 ? type_first : type_next, 3);
    draw_issue(r, nt);
    double c = nt->type == T_ADHOC ? gsl_ran_beta(r, 14, 10) : gsl_ran_beta(r, 12, 12);
    nt->concreteness = round_to(c < 0.05 ? 0.05 : c > 0.95 ? 0.95 : c, 0.01);
    double median = nt->type == T_NETWORK ? 6 : nt->type == T_ADHOC ? 4 : 3;
    nt->effort = round_to(median * exp(EFFORT_SIGMA * gsl_ran_gaussian(r, 1.0)), 0.1);
    if (nt->effort < 0.5)
        nt->effort = 0.5;

    /* Initiator: a school of the neighbourhood, now and then a community
     * centre. Necessary actors, as the initiator would pick them: its own
     * (or, for a centre, the best-placed) school, perhaps a second school,
     * and the care provider it expects most from. */
    double p_comm = nt->type == T_OVERLEG ? 0.5 : 0.1;
    int school;
    if (nc > 0 && gsl_rng_uniform(r) < p_comm) {
        nt->initiator = pick(r, comm, nc);
        school = best_partner(rg, nt, prim, np, -1);
    } else {
        nt->initiator = pick(r, prim, np);
        school = nt->initiator;
    }
    nt->n_nec = 0;
    nt->nec[nt->n_nec++] = school;
    if (gsl_rng_uniform(r) < 0.5 && np > 1)
        nt->nec[nt->n_nec++] = best_partner(rg, nt, prim, np, school);
    if (nas > 0 && (ncc == 0 || gsl_rng_uniform(r) < 0.7))
        nt->nec[nt->n_nec++] = best_partner(rg, nt, as, nas, -1);
    else
        nt->nec[nt->n_nec++] = best_partner(rg, nt, cc, ncc, -1);

    /* framing actors: the municipality, perhaps an education support centre */
    nt->n_fr = 0;
    nt->fr[nt->n_fr++] = rg->mun_org[m];
    if (gsl_rng_uniform(r) < 0.5)
        nt->fr[nt->n_fr++] = rg->sec_first[S_EDSUPPORT] +
            (int)gsl_rng_uniform_int(r, (unsigned long)rg->count[S_EDSUPPORT]);

    /* candidates: the neighbourhood, the municipality's services in or next
     * to it, one CLB, one or two CAW branches */
    int n = 0;
    for (int i = rg->nb_first[b]; i < rg->nb_end[b]; i++)
        nt->cand[n++] = i;
    for (int i = rg->mun_first[m]; i < rg->mun_end[m]; i++)
        if (abs(rg->orgs[i].near - b) <= SERVICE_REACH)
            nt->cand[n++] = i;
    nt->cand[n++] = rg->sec_first[S_CLB] +
        (int)gsl_rng_uniform_int(r, (unsigned long)rg->count[S_CLB]);
    int caw = rg->sec_first[S_WELFARE] +
        (int)gsl_rng_uniform_int(r, (unsigned long)rg->count[S_WELFARE]);
    nt->cand[n++] = caw;
    if (gsl_rng_uniform(r) < 0.5 && rg->count[S_WELFARE] > 1) {
        int caw2;
        do
            caw2 = rg->sec_first[S_WELFARE] +
                   (int)gsl_rng_uniform_int(r, (unsigned long)rg->count[S_WELFARE]);
        while (caw2 == caw);
        nt->cand[n++] = caw2;
    }
    qsort(nt->cand, (size_t)n, sizeof(int), cmp_int);
    nt->n_cand = n;
    fix_necessary(rg, nt);

    int spread = steps / 3 < START_SPREAD ? steps / 3 : START_SPREAD;
    if (spread < 1)
        spread = 1;
    nt->start = (int)gsl_rng_uniform_int(r, (unsigned long)spread);
    nt->inform_every = inform_v[draw_discrete(r, inform_p, 3)];
    nt->horizon = nt->type == T_ADHOC ? horizon_v[draw_discrete(r, horizon_p, 4)] : 26;
    free(prim);
    free(comm);
    free(cc);
    free(as);
    return SAMEN_OK;
}

/* Hosts networks in neighbourhoods taking turns in a random order,
 * repeated; then sorts them by start step and names them. */
static int build_nets(region *rg, gsl_rng *r, int n, int steps)
{
    int B = rg->n_nb;
    rg->nets = calloc((size_t)n, sizeof(net));
    int *perm = malloc((size_t)B * sizeof(int));
    int *rank = calloc((size_t)B, sizeof(int));
    if (!rg->nets || !perm || !rank) {
        free(perm);
        free(rank);
        return SAMEN_EIO;
    }
    rg->n_nets = n;
    int rc = SAMEN_OK;
    for (int j = 0; j < n && rc == SAMEN_OK; j++) {
        if (j % B == 0) {
            for (int b = 0; b < B; b++)
                perm[b] = b;
            gsl_ran_shuffle(r, perm, (size_t)B, sizeof(int));
        }
        int b = perm[j % B];
        rg->n_shared_nb += rank[b] == 1;
        rg->nets[j].order = j;
        rc = draw_net(rg, r, &rg->nets[j], b, rank[b]++, steps);
    }
    free(perm);
    free(rank);
    if (rc)
        return rc;
    qsort(rg->nets, (size_t)n, sizeof(net), cmp_net);
    /* names: neighbourhood and kind, numbered from the second of a kind */
    int *same_count = calloc((size_t)B * 3, sizeof(int));
    if (!same_count)
        return SAMEN_EIO;
    int wb = digits(B);
    char pb[16];
    for (int j = 0; j < n; j++) {
        net *nt = &rg->nets[j];
        padnum(pb, wb, nt->nb + 1);
        int same = same_count[nt->nb * 3 + nt->type]++;
        if (same)
            snprintf(nt->name, sizeof nt->name, "n%s-%s-%d", pb, type_nouns[nt->type], same + 1);
        else
            snprintf(nt->name, sizeof nt->name, "n%s-%s", pb, type_nouns[nt->type]);
    }
    free(same_count);
    return SAMEN_OK;
}

/* The model keys who-can-join depends on, at their defaults (the table of
 * scenario/params.c, so a changed default reaches the generator). */
static double model_default(const char *name)
{
    const samen_param_def *d = samen_param_find("model", name);
    return d && d->def ? strtod(d->def, NULL) : 0;
}

static void model_defaults(samen_params *p)
{
    p->model.attraction_min = model_default("attraction_min");
    p->model.join_cost = model_default("join_cost");
    p->model.appeal_alpha = model_default("appeal_alpha");
    p->model.appeal_beta = model_default("appeal_beta");
    p->model.ask_bonus = model_default("ask_bonus");
}

static int region_build(region **out, const samen_region_opts *o, samen_error *err)
{
    *out = NULL;
    int rc = samen_region_check_opts(o, err);
    if (rc)
        return rc;
    region *rg = calloc(1, sizeof *rg);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    if (!rg || !r) {
        free(rg);
        gsl_rng_free(r);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    gsl_rng_set(r, o->seed);
    model_defaults(&rg->model);
    rc = build_orgs(rg, r, o->n_orgs);
    if (rc == SAMEN_OK)
        rc = build_nets(rg, r, o->n_nets, o->steps);
    gsl_rng_free(r);
    if (rc) {
        region_free(rg);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    *out = rg;
    return SAMEN_OK;
}

/* Writes "key = a, b, c" wrapped onto indented continuation lines, which
 * the loader joins with "," (FORMATS.md); no line ends in a comma. */
static void write_list(FILE *fp, const char *key, const char *const *items, int n)
{
    int col = fprintf(fp, "%s =", key);
    for (int i = 0; i < n; i++) {
        int len = (int)strlen(items[i]);
        if (i > 0 && col + len + 2 > WRAP) {
            fputs("\n   ", fp);
            col = 3;
        } else if (i > 0) {
            fputc(',', fp);
            col++;
        }
        col += fprintf(fp, " %s", items[i]);
    }
    fputc('\n', fp);
}

static void write_org_list(FILE *fp, const region *rg, const char *key, const int *idx, int n,
                           const char **buf)
{
    for (int i = 0; i < n; i++)
        buf[i] = rg->orgs[idx[i]].id;
    write_list(fp, key, buf, n);
}

/* The three largest themes of a sector's profile, for the header. */
static void top_themes(const double *m, char *out, size_t size)
{
    int used[N_THEMES] = {0};
    out[0] = '\0';
    for (int t = 0; t < 3; t++) {
        int best = -1;
        for (int k = 0; k < N_THEMES; k++)
            if (!used[k] && m[k] > 0 && (best < 0 || m[k] > m[best]))
                best = k;
        if (best < 0)
            break;
        used[best] = 1;
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s%s", t ? ", " : "", theme_names[best]);
    }
}

static void write_header(FILE *fp, const region *rg, const samen_region_opts *o,
                         const char *out_name, const char *orgs_name)
{
    char buf[32];
    int types[3] = {0};
    double cand = 0;
    for (int j = 0; j < rg->n_nets; j++) {
        types[rg->nets[j].type]++;
        cand += rg->nets[j].n_cand;
    }

    fprintf(fp,
        "; A synthetic Flemish region: %d Brede School-like networks over one pool of %d\n"
        "; organisations (%s). Made by\n"
        ";   samen generate --orgs %d --networks %d --seed %lu --steps %d --out %s\n"
        "; which writes these same bytes again; change the generator (src/generate/region.c,\n"
        "; where every assumption is documented), not this file.\n;\n",
        rg->n_nets, rg->n_orgs, orgs_name, o->n_orgs, o->n_nets, (unsigned long)o->seed,
        o->steps, out_name);
    fprintf(fp,
        "; Geography: %d municipalities split into %d neighbourhoods (school catchment areas).\n"
        "; Each organisation serves a neighbourhood, a municipality or the whole region\n"
        "; (its id starts with nNN-, mNN- or neither; its name says where it is).\n;\n",
        rg->n_mun, rg->n_nb);
    fprintf(fp,
        "; Organisations: sectors in fixed shares of the pool. Mission = the sector's profile\n"
        "; over the themes + normal noise (sd %.2g), sometimes a side interest; capacity\n"
        "; lognormal around the median; mandate `decision` with the given share; latency,\n"
        "; guard and patience drawn around the sector's mean.\n"
        ";   sector             count share scope          capacity decision latency guard patience"
        "  mission stresses\n",
        MISSION_SD);
    for (int s = 0; s < N_SECTORS; s++) {
        char top[64];
        top_themes(sectors[s].mission, top, sizeof top);
        fprintf(fp, ";   %-18s %5d %5.2f %-14s %8.1f %8.1f %7.1f %5.1f %8.0f  %s%s\n",
                sectors[s].label, rg->count[s], sectors[s].share, scope_names[sectors[s].scope],
                sectors[s].capacity, sectors[s].decision, sectors[s].latency,
                sectors[s].guard, sectors[s].patience, top,
                s == S_MUNICIPALITY || s == S_EDSUPPORT ? " (framing)" : "");
    }
    fprintf(fp,
        ";\n"
        "; Networks: %d network, %d adhoc, %d overleg; %d neighbourhoods host more than one,\n"
        "; whose networks share organisations and so their capacity. Each has a school (or a\n"
        "; community centre) as initiator; as necessary actors the initiating school, perhaps a\n"
        "; second school, and a childcare or out-of-school care provider of its neighbourhood;\n"
        "; as framing actors its municipality and perhaps an education support centre (never\n"
        "; candidates); as candidates its neighbourhood's organisations, its municipality's\n"
        "; services in or next to it, one CLB and one or two CAW branches (%s on average).\n"
        "; Issues stress learning, leisure and parents (ad hoc projects: one typical project;\n"
        "; overleg: all themes), with noise; concreteness around 0.5; starts spread over the\n"
        "; first %d steps. A necessary actor that could never join at the model's defaults\n"
        "; (MODEL.md 4.1) is replaced by the one of its kind (school; care) that can join with\n"
        "; the largest attraction, else is no longer necessary: %d replaced, %d dropped.\n\n",
        types[T_NETWORK], types[T_ADHOC], types[T_OVERLEG], rg->n_shared_nb,
        samen_fmt_num(buf, round_to(cand / (rg->n_nets > 0 ? rg->n_nets : 1), 0.1)),
        o->steps / 3 < START_SPREAD ? (o->steps / 3 > 1 ? o->steps / 3 : 1) : START_SPREAD,
        rg->n_replaced, rg->n_dropped);
}

/* --field: an organisation's area, its municipality's number (as in the
 * ids: m01); a regional service gets the municipality of its seat, the
 * municipalities in turn. */
static void area_label(const region *rg, int i, char *out, size_t n)
{
    int m = rg->orgs[i].mun >= 0 ? rg->orgs[i].mun : i % rg->n_mun;
    char pm[16];
    snprintf(out, n, "m%s", padnum(pm, digits(rg->n_mun), m + 1));
}

/* --field's header: the pool as for a region, no networks. */
static void write_field_header(FILE *fp, const region *rg, const samen_region_opts *o,
                               const char *out_name, const char *orgs_name)
{
    char buf[32];
    fprintf(fp,
        "; A synthetic Flemish field: a pool of %d organisations (%s) in %d\n"
        "; municipalities, each with its area (its municipality; a regional service the\n"
        "; municipality of its seat), and no declared networks: organisations found them\n"
        "; (MODEL.md 4.14) at field.found_rate %s, so that about %d are founded in ten\n"
        "; years. Made by\n"
        ";   samen generate --field --orgs %d --networks %d --seed %lu --steps %d --out %s\n"
        "; which writes these same bytes again; change the generator (src/generate/region.c),\n"
        "; not this file.\n\n",
        rg->n_orgs, orgs_name, rg->n_mun, samen_fmt_num(buf, field_found_rate(o)), o->n_nets,
        o->n_orgs, o->n_nets, (unsigned long)o->seed, o->steps, out_name);
}

static void write_ini(FILE *fp, const region *rg, const samen_region_opts *o,
                      const char *out_name, const char *orgs_name, const char **buf)
{
    char num[32];
    if (o->field)
        write_field_header(fp, rg, o, out_name, orgs_name);
    else
        write_header(fp, rg, o, out_name, orgs_name);
    fprintf(fp, "[simulation]\nsteps = %d\nseed = %lu\n", o->steps, (unsigned long)o->seed);
    write_list(fp, "themes", theme_names, N_THEMES);
    fprintf(fp, "\n[organisations]\nfile = %s\n", orgs_name);
    if (o->field) {
        /* the municipality frames, as in the region's declared networks */
        fprintf(fp, "\n[field]\nfound_rate = %s\nframing_sector = %s\n",
                samen_fmt_num(num, field_found_rate(o)), sectors[S_MUNICIPALITY].label);
        return;
    }
    for (int j = 0; j < rg->n_nets; j++) {
        const net *nt = &rg->nets[j];
        fprintf(fp, "\n; neighbourhood %d of municipality %d, %d candidates\n",
                nt->nb + 1, rg->nb_mun[nt->nb] + 1, nt->n_cand);
        fprintf(fp, "[network %s]\ntype = %s\ninitiator = %s\n", nt->name,
                type_names[nt->type], rg->orgs[nt->initiator].id);
        char pairs[N_THEMES][48];
        const char *items[N_THEMES];
        int n = 0;
        for (int k = 0; k < N_THEMES; k++) {
            if (nt->issue[k] <= 0)
                continue;
            snprintf(pairs[n], sizeof pairs[n], "%s:%s", theme_names[k],
                     samen_fmt_num(num, nt->issue[k]));
            items[n] = pairs[n];
            n++;
        }
        write_list(fp, "issue", items, n);
        fprintf(fp, "concreteness = %s\n", samen_fmt_num(num, nt->concreteness));
        fprintf(fp, "effort = %s\n", samen_fmt_num(num, nt->effort));
        write_org_list(fp, rg, "necessary", nt->nec, nt->n_nec, buf);
        write_org_list(fp, rg, "framing", nt->fr, nt->n_fr, buf);
        write_org_list(fp, rg, "candidates", nt->cand, nt->n_cand, buf);
        fprintf(fp, "start = %d\ninform_every = %d\n", nt->start, nt->inform_every);
        if (nt->type == T_ADHOC)
            fprintf(fp, "horizon = %d\n", nt->horizon);
    }
}

static void write_csv(FILE *fp, const region *rg, int field)
{
    fputs("id,name,sector,capacity,mandate,latency,guard,patience", fp);
    if (field)
        fputs(",area", fp);
    for (int k = 0; k < N_THEMES; k++)
        fprintf(fp, ",%s", theme_names[k]);
    fputc('\n', fp);
    for (int i = 0; i < rg->n_orgs; i++) {
        const org *o = &rg->orgs[i];
        samen_csv_text(fp, o->id);
        fputc(',', fp);
        samen_csv_text(fp, o->name);
        fputc(',', fp);
        samen_csv_text(fp, sectors[o->sector].label);
        fputc(',', fp);
        samen_csv_num(fp, o->capacity);
        fputs(o->decision ? ",decision," : ",feedback,", fp);
        samen_csv_num(fp, o->latency);
        fputc(',', fp);
        samen_csv_num(fp, o->guard);
        fputc(',', fp);
        samen_csv_num(fp, o->patience);
        if (field) {
            char area[32];
            area_label(rg, i, area, sizeof area);
            fputc(',', fp);
            samen_csv_text(fp, area);
        }
        for (int k = 0; k < N_THEMES; k++) {
            fputc(',', fp);
            samen_csv_num(fp, o->mission[k]);
        }
        fputc('\n', fp);
    }
}

int samen_region_write(const samen_region_opts *o, const char *out_name,
                       const char *orgs_name, FILE *ini, FILE *csv,
                       samen_error *err)
{
    region *rg;
    int rc = region_build(&rg, o, err);
    if (rc)
        return rc;
    const char **buf = malloc((size_t)rg->n_orgs * sizeof(char *));
    if (!buf) {
        region_free(rg);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    write_ini(ini, rg, o, out_name, orgs_name, buf);
    write_csv(csv, rg, o->field);
    free(buf);
    region_free(rg);
    return SAMEN_OK;
}

char *samen_region_orgs_path(const char *ini_path)
{
    size_t n = strlen(ini_path);
    if (n < 4 || strcmp(ini_path + n - 4, ".ini") != 0)
        return NULL;
    char *p = malloc(n - 4 + sizeof ".orgs.csv");
    if (p) {
        memcpy(p, ini_path, n - 4);
        strcpy(p + n - 4, ".orgs.csv");
    }
    return p;
}

int samen_region_generate(const samen_region_opts *o, const char *ini_path,
                          samen_error *err)
{
    int rc = samen_region_check_opts(o, err);
    if (rc)
        return rc;   /* before any file is created */
    char *orgs_path = samen_region_orgs_path(ini_path);
    size_t n = strlen(ini_path);
    if (!orgs_path) {
        if (n < 4 || strcmp(ini_path + n - 4, ".ini") != 0)
            return samen_error_set(err, SAMEN_EINPUT, ini_path, 0, "--out",
                                   "must name a scenario file ending in .ini");
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    /* split into folder and file names for the outfile helpers */
    const char *slash = strrchr(ini_path, '/');
    char *dir = slash ? strndup(ini_path, (size_t)(slash - ini_path) + (slash == ini_path))
                      : strdup(".");
    const char *ini_name = slash ? slash + 1 : ini_path;
    const char *orgs_slash = strrchr(orgs_path, '/');
    const char *orgs_name = orgs_slash ? orgs_slash + 1 : orgs_path;
    if (!dir) {
        free(orgs_path);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    if (!*ini_name || !strcmp(ini_name, ".ini")) {
        free(dir);
        free(orgs_path);
        return samen_error_set(err, SAMEN_EINPUT, ini_path, 0, "--out",
                               "must name a scenario file ending in .ini");
    }
    samen_outfile fi, fc;
    memset(&fi, 0, sizeof fi);
    memset(&fc, 0, sizeof fc);
    rc = samen_outfile_open(&fi, dir, ini_name, err);
    if (rc == SAMEN_OK)
        rc = samen_outfile_open(&fc, dir, orgs_name, err);
    if (rc == SAMEN_OK)
        rc = samen_region_write(o, ini_path, orgs_name, fi.fp, fc.fp, err);
    if (rc == SAMEN_OK)
        rc = samen_outfile_close(&fi, err);
    if (rc == SAMEN_OK)
        rc = samen_outfile_close(&fc, err);
    if (rc == SAMEN_OK)
        rc = samen_outfile_commit(&fc, err);
    if (rc == SAMEN_OK)
        rc = samen_outfile_commit(&fi, err);
    samen_outfile_discard(&fi);
    samen_outfile_discard(&fc);
    free(dir);
    free(orgs_path);
    return rc;
}
