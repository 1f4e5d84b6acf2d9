/* abc.h: the ABC-SMC engine of `samen fit` (FORMATS.md "Fit file"): Toni
 * et al. (2009) with population Monte Carlo weights and a Gaussian kernel
 * of twice the weighted covariance (Beaumont et al. 2009), in the log of
 * loguniform keys; epsilon from a quantile of the previous generation's
 * distances (Del Moral et al. 2012). The engine knows nothing of runs: a
 * caller proposes candidates, runs them however it likes, and offers their
 * statistics back in index order, so the result does not depend on how
 * many ran at once. Internal to samen. */
#ifndef SAMEN_FIT_ABC_H
#define SAMEN_FIT_ABC_H

#include <stddef.h>
#include <stdint.h>

#include "samen/error.h"

typedef enum { SAMEN_PRIOR_UNIFORM, SAMEN_PRIOR_LOGUNIFORM } samen_prior_kind;

/* uniform(a, b) or loguniform(a, b), a < b (and 0 < a for loguniform). */
typedef struct samen_prior {
    samen_prior_kind kind;
    double a, b;
} samen_prior;

typedef struct samen_abc_config {
    int n_keys;
    const samen_prior *prior;     /* n_keys */
    int n_stats;                  /* the targets */
    const double *observed;       /* n_stats */
    const double *scale;          /* n_stats, > 0 */
    size_t particles;             /* accepted per generation, >= 1 */
    double quantile;              /* in (0, 1) */
    double min_acceptance;        /* in (0, 1] */
    long generations;             /* >= 1 */
    uint32_t seed;
} samen_abc_config;

/* One generation: its particles in acceptance order, and what the next
 * generation proposes from (the kernel, built by samen_abc_gen_begin from
 * the previous generation). */
typedef struct samen_abc_gen {
    const samen_abc_config *cfg;
    long t;
    double epsilon;         /* accepted: distance <= epsilon (HUGE_VAL at t = 0) */
    size_t n;               /* particles accepted */
    size_t candidates;      /* candidates offered */
    double *theta;          /* particles x n_keys, the keys' own scale */
    double *stats;          /* particles x n_stats */
    double *distance;       /* particles */
    double *weight;         /* particles; summing to 1 after samen_abc_gen_end */
    double acceptance, ess; /* set by samen_abc_gen_end */
    /* the proposal: from the previous generation (NULL at t = 0) */
    const struct samen_abc_gen *prev;
    double *chol;           /* n_keys x n_keys: lower Cholesky factor of the
                             * kernel's covariance, in the transformed scale */
    double log_norm;        /* log of the kernel density's constant */
    void *pick;             /* gsl_ran_discrete_t over prev's weights */
    double *work;           /* 3 n_keys */
} samen_abc_gen;

/* The seed of draw `stream` of candidate i of generation t: SplitMix64
 * (MODEL.md section 6) over (seed, t, i, stream), low 32 bits, never 0.
 * Stream 0 draws the candidate's parameters; stream 1 + r seeds its
 * replicate r. */
uint32_t samen_abc_seed(uint32_t seed, long t, size_t i, unsigned stream);

/* The key's value in the kernel's scale: the log for loguniform. */
double samen_prior_to_u(const samen_prior *p, double x);
double samen_prior_from_u(const samen_prior *p, double u);

/* sqrt(sum_k ((stats_k - observed_k) / scale_k)^2); HUGE_VAL when a
 * statistic is not a finite number (a failed run, a measure with no
 * value). */
double samen_abc_distance(const samen_abc_config *cfg, const double *stats);

/* Generation t from prev (NULL for t = 0): epsilon is the cfg->quantile
 * quantile of prev's distances, the kernel twice prev's weighted
 * covariance in the transformed scale (a diagonal of 1e-9 of the prior's
 * width squared added where it is singular). Returns SAMEN_OK, or
 * SAMEN_EIO (out of memory) with err filled. */
int samen_abc_gen_begin(samen_abc_gen *g, const samen_abc_config *cfg, long t,
                        const samen_abc_gen *prev, samen_error *err);
void samen_abc_gen_free(samen_abc_gen *g);

/* Candidate i's parameters (n_keys) into theta: from the prior at t = 0,
 * else a particle of prev drawn by weight and moved by the kernel, drawn
 * again while outside the prior's support. Depends on (seed, t, i) and
 * prev alone. Returns 0, or -1 (out of memory, or no proposal inside the
 * support after a million tries). */
int samen_abc_propose(const samen_abc_gen *g, size_t i, double *theta);

/* Offers candidate g->candidates (the next in index order) with its
 * statistics; accepts it when its distance is finite and <= epsilon, with
 * its unnormalised weight. Returns 1 when the generation is now full, 0
 * when not, -1 when it already was. */
int samen_abc_offer(samen_abc_gen *g, const double *theta, const double *stats);

/* The log of the unnormalised weight of theta at generation t > 0: the
 * prior's density over sum_j w_j K(u - u_j), in the transformed scale
 * where every prior is uniform (so only the denominator varies). */
double samen_abc_log_weight(const samen_abc_gen *g, const double *theta);

/* Normalises the weights, sets acceptance (n / candidates) and ess
 * (1 / sum w^2). */
void samen_abc_gen_end(samen_abc_gen *g);

/* The most candidates a generation may take: ceil(particles /
 * min_acceptance); one that needs more stops the fit, unfilled. */
size_t samen_abc_max_candidates(const samen_abc_config *cfg);

/* Whether the fit goes on after generation g (full): fewer than
 * cfg->generations made and acceptance >= min_acceptance. */
int samen_abc_more(const samen_abc_gen *g);

/* Weighted summary of key k of a full generation: mean, sd (sqrt of
 * sum w (x - mean)^2, the weights summing to 1), and the weighted 2.5 %,
 * 50 % and 97.5 % quantiles (the smallest value whose cumulative weight
 * reaches p). Returns 0 or -1 (memory). */
typedef struct samen_abc_summary {
    double mean, sd, median, low, high;
} samen_abc_summary;
int samen_abc_summarise(const samen_abc_gen *g, int k, samen_abc_summary *s);

/* The weighted p quantile of n values x with weights w (summing to 1):
 * the smallest x whose cumulative weight reaches p. Returns 0 or -1. */
int samen_weighted_quantile(const double *x, const double *w, size_t n, double p,
                            double *out);

/* A simulator for samen_abc_run: the statistics of theta (n_stats) from a
 * run seeded with seed; non-zero when the run failed. */
typedef int (*samen_abc_sim)(void *user, const double *theta, uint32_t seed,
                             double *stats);

/* The whole fit in process, one candidate at a time (the unit tests; the
 * command runs candidates in sweeps): gens gets cfg->generations slots,
 * *n_gens the full generations made. Returns SAMEN_OK or SAMEN_EIO. */
int samen_abc_run(const samen_abc_config *cfg, samen_abc_sim sim, void *user,
                  samen_abc_gen *gens, long *n_gens, samen_error *err);

#endif
