/* abc.c: the ABC-SMC engine (abc.h): proposals, acceptance in index order,
 * population Monte Carlo weights, the kernel, epsilon and the weighted
 * summaries of a generation. Random numbers, distributions, the Cholesky
 * factor and quantiles are GSL's. */
#include "fit/abc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "sweep/design.h"

uint32_t samen_abc_seed(uint32_t seed, long t, size_t i, unsigned stream)
{
    /* Each input is folded into the state between two SplitMix64 steps, so
     * that neighbouring (t, i) give unrelated seeds. */
    uint64_t s = seed;
    s = samen_splitmix64_next(&s) ^ (uint64_t)t;
    s = samen_splitmix64_next(&s) ^ (uint64_t)i;
    s = samen_splitmix64_next(&s) ^ (uint64_t)stream;
    uint32_t v = (uint32_t)samen_splitmix64_next(&s);
    return v ? v : 1;
}

double samen_prior_to_u(const samen_prior *p, double x)
{
    return p->kind == SAMEN_PRIOR_LOGUNIFORM ? log(x) : x;
}

double samen_prior_from_u(const samen_prior *p, double u)
{
    return p->kind == SAMEN_PRIOR_LOGUNIFORM ? exp(u) : u;
}

static int inside(const samen_prior *p, double x)
{
    return x >= p->a && x <= p->b;
}

double samen_abc_distance(const samen_abc_config *cfg, const double *stats)
{
    double sum = 0;
    for (int k = 0; k < cfg->n_stats; k++) {
        if (!isfinite(stats[k]))
            return HUGE_VAL;
        double z = (stats[k] - cfg->observed[k]) / cfg->scale[k];
        sum += z * z;
    }
    return sqrt(sum);
}

size_t samen_abc_max_candidates(const samen_abc_config *cfg)
{
    return (size_t)ceil((double)cfg->particles / cfg->min_acceptance - 1e-9);
}

int samen_weighted_quantile(const double *x, const double *w, size_t n, double p,
                            double *out)
{
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!order)
        return -1;
    gsl_sort_index(order, x, 1, n);
    double cum = 0;
    *out = n ? x[order[n - 1]] : NAN;
    for (size_t j = 0; j < n; j++) {
        cum += w[order[j]];
        /* 1e-12: weights that sum to p up to rounding reach it */
        if (cum >= p - 1e-12) {
            *out = x[order[j]];
            break;
        }
    }
    free(order);
    return 0;
}

/* The kernel's covariance: twice the weighted covariance of prev's
 * particles in the transformed scale, as its lower Cholesky factor. */
static int build_kernel(samen_abc_gen *g, const samen_abc_gen *prev)
{
    const samen_abc_config *cfg = g->cfg;
    int nk = cfg->n_keys;
    size_t n = prev->n;
    double *mean = g->work;
    for (int a = 0; a < nk; a++) {
        mean[a] = 0;
        for (size_t j = 0; j < n; j++)
            mean[a] += prev->weight[j] *
                       samen_prior_to_u(&cfg->prior[a], prev->theta[j * (size_t)nk + (size_t)a]);
    }
    gsl_matrix_view m = gsl_matrix_view_array(g->chol, (size_t)nk, (size_t)nk);
    for (int a = 0; a < nk; a++)
        for (int b = 0; b <= a; b++) {
            double c = 0;
            for (size_t j = 0; j < n; j++) {
                const double *th = &prev->theta[j * (size_t)nk];
                c += prev->weight[j] * (samen_prior_to_u(&cfg->prior[a], th[a]) - mean[a]) *
                     (samen_prior_to_u(&cfg->prior[b], th[b]) - mean[b]);
            }
            gsl_matrix_set(&m.matrix, (size_t)a, (size_t)b, 2 * c);
            gsl_matrix_set(&m.matrix, (size_t)b, (size_t)a, 2 * c);
        }
    /* A population collapsed onto a line (or a point) has a singular
     * covariance: a little of each prior's width keeps the kernel proper. */
    gsl_error_handler_t *old = gsl_set_error_handler_off();
    int rc = GSL_EDOM;
    for (int tries = 0; tries < 8 && rc; tries++) {
        double *copy = malloc((size_t)(nk * nk) * sizeof *copy);
        if (!copy) {
            gsl_set_error_handler(old);
            return -1;
        }
        memcpy(copy, g->chol, (size_t)(nk * nk) * sizeof *copy);
        rc = gsl_linalg_cholesky_decomp1(&m.matrix);
        if (rc) {
            memcpy(g->chol, copy, (size_t)(nk * nk) * sizeof *copy);
            for (int a = 0; a < nk; a++) {
                const samen_prior *p = &cfg->prior[a];
                double wdt = samen_prior_to_u(p, p->b) - samen_prior_to_u(p, p->a);
                g->chol[a * nk + a] += 1e-9 * pow(10, tries) * wdt * wdt;
            }
        }
        free(copy);
    }
    gsl_set_error_handler(old);
    if (rc)
        return -1;
    /* keep L alone: zero what lies above the diagonal */
    double logdet = 0;
    for (int a = 0; a < nk; a++) {
        logdet += log(g->chol[a * nk + a]);
        for (int b = a + 1; b < nk; b++)
            g->chol[a * nk + b] = 0;
    }
    g->log_norm = -0.5 * nk * log(2 * M_PI) - logdet;
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int samen_abc_gen_begin(samen_abc_gen *g, const samen_abc_config *cfg, long t,
                        const samen_abc_gen *prev, samen_error *err)
{
    memset(g, 0, sizeof *g);
    g->cfg = cfg;
    g->t = t;
    g->prev = prev;
    g->epsilon = HUGE_VAL;
    size_t np = cfg->particles, nk = (size_t)cfg->n_keys;
    g->theta = malloc(np * nk * sizeof *g->theta);
    g->stats = malloc(np * (size_t)(cfg->n_stats ? cfg->n_stats : 1) * sizeof *g->stats);
    g->distance = malloc(np * sizeof *g->distance);
    g->weight = malloc(np * sizeof *g->weight);
    g->chol = malloc(nk * nk * sizeof *g->chol);
    g->work = malloc(3 * nk * sizeof *g->work);
    if (!g->theta || !g->stats || !g->distance || !g->weight || !g->chol || !g->work)
        goto oom;
    if (!prev)
        return SAMEN_OK;
    double *d = malloc(prev->n * sizeof *d);
    if (!d)
        goto oom;
    memcpy(d, prev->distance, prev->n * sizeof *d);
    qsort(d, prev->n, sizeof *d, cmp_double);
    g->epsilon = gsl_stats_quantile_from_sorted_data(d, 1, prev->n, cfg->quantile);
    free(d);
    if (!(g->pick = gsl_ran_discrete_preproc(prev->n, prev->weight)) || build_kernel(g, prev))
        goto oom;
    return SAMEN_OK;
oom:
    samen_abc_gen_free(g);
    return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL,
                           "out of memory building generation %ld of the fit", t);
}

void samen_abc_gen_free(samen_abc_gen *g)
{
    free(g->theta);
    free(g->stats);
    free(g->distance);
    free(g->weight);
    free(g->chol);
    free(g->work);
    if (g->pick)
        gsl_ran_discrete_free(g->pick);
    g->theta = g->stats = g->distance = g->weight = g->chol = g->work = NULL;
    g->pick = NULL;
}

int samen_abc_propose(const samen_abc_gen *g, size_t i, double *theta)
{
    const samen_abc_config *cfg = g->cfg;
    int nk = cfg->n_keys;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!rng)
        return -1;
    gsl_rng_set(rng, samen_abc_seed(cfg->seed, g->t, i, 0));
    int rc = 0;
    if (!g->prev) {
        for (int k = 0; k < nk; k++) {
            const samen_prior *p = &cfg->prior[k];
            double lo = samen_prior_to_u(p, p->a), hi = samen_prior_to_u(p, p->b);
            theta[k] = samen_prior_from_u(p, lo + (hi - lo) * gsl_rng_uniform(rng));
            /* exp(log(b)) may round just past b */
            theta[k] = fmin(fmax(theta[k], p->a), p->b);
        }
    } else {
        gsl_matrix_const_view l = gsl_matrix_const_view_array(g->chol, (size_t)nk, (size_t)nk);
        double *mu = g->work + nk, *z = g->work + 2 * nk;
        gsl_vector_view vmu = gsl_vector_view_array(mu, (size_t)nk);
        gsl_vector_view vz = gsl_vector_view_array(z, (size_t)nk);
        rc = -1;
        for (long tries = 0; tries < 1000000 && rc; tries++) {
            size_t j = gsl_ran_discrete(rng, g->pick);
            for (int k = 0; k < nk; k++)
                mu[k] = samen_prior_to_u(&cfg->prior[k], g->prev->theta[j * (size_t)nk + (size_t)k]);
            gsl_ran_multivariate_gaussian(rng, &vmu.vector, &l.matrix, &vz.vector);
            rc = 0;
            for (int k = 0; k < nk && !rc; k++) {
                theta[k] = samen_prior_from_u(&cfg->prior[k], z[k]);
                if (!inside(&cfg->prior[k], theta[k]))
                    rc = -1;
            }
        }
    }
    gsl_rng_free(rng);
    return rc;
}

double samen_abc_log_weight(const samen_abc_gen *g, const double *theta)
{
    const samen_abc_config *cfg = g->cfg;
    const samen_abc_gen *prev = g->prev;
    int nk = cfg->n_keys;
    double *y = g->work + nk, *u = g->work + 2 * nk;
    for (int k = 0; k < nk; k++)
        u[k] = samen_prior_to_u(&cfg->prior[k], theta[k]);
    /* log sum_j w_j N(u; u_j, L L'), summed from the largest term down
     * (log-sum-exp): far particles underflow otherwise */
    double best = -HUGE_VAL, sum = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t j = 0; j < prev->n; j++) {
            if (prev->weight[j] <= 0)
                continue;
            /* solve L y = u - u_j by forward substitution */
            double q = 0;
            for (int a = 0; a < nk; a++) {
                double r = u[a] - samen_prior_to_u(&cfg->prior[a],
                                                   prev->theta[j * (size_t)nk + (size_t)a]);
                for (int b = 0; b < a; b++)
                    r -= g->chol[a * nk + b] * y[b];
                y[a] = r / g->chol[a * nk + a];
                q += y[a] * y[a];
            }
            double lt = log(prev->weight[j]) + g->log_norm - 0.5 * q;
            if (pass == 0)
                best = fmax(best, lt);
            else
                sum += exp(lt - best);
        }
    }
    return -(best + log(sum));
}

int samen_abc_offer(samen_abc_gen *g, const double *theta, const double *stats)
{
    const samen_abc_config *cfg = g->cfg;
    if (g->n >= cfg->particles)
        return -1;
    g->candidates++;
    double d = samen_abc_distance(cfg, stats);
    if (!isfinite(d) || d > g->epsilon)
        return 0;
    size_t nk = (size_t)cfg->n_keys, ns = (size_t)cfg->n_stats;
    memcpy(&g->theta[g->n * nk], theta, nk * sizeof *theta);
    memcpy(&g->stats[g->n * ns], stats, ns * sizeof *stats);
    g->distance[g->n] = d;
    /* kept as a log until gen_end, which normalises */
    g->weight[g->n] = g->prev ? samen_abc_log_weight(g, theta) : 0;
    g->n++;
    return g->n == cfg->particles;
}

void samen_abc_gen_end(samen_abc_gen *g)
{
    double best = -HUGE_VAL, sum = 0, sq = 0;
    for (size_t j = 0; j < g->n; j++)
        best = fmax(best, g->weight[j]);
    for (size_t j = 0; j < g->n; j++)
        sum += (g->weight[j] = exp(g->weight[j] - best));
    for (size_t j = 0; j < g->n; j++) {
        g->weight[j] /= sum;
        sq += g->weight[j] * g->weight[j];
    }
    g->acceptance = g->candidates ? (double)g->n / (double)g->candidates : 0;
    g->ess = sq > 0 ? 1 / sq : 0;
}

int samen_abc_more(const samen_abc_gen *g)
{
    return g->n == g->cfg->particles && g->t + 1 < g->cfg->generations &&
           g->acceptance >= g->cfg->min_acceptance;
}

int samen_abc_summarise(const samen_abc_gen *g, int k, samen_abc_summary *s)
{
    size_t nk = (size_t)g->cfg->n_keys;
    double *x = malloc((g->n ? g->n : 1) * sizeof *x);
    if (!x)
        return -1;
    double mean = 0, var = 0;
    for (size_t j = 0; j < g->n; j++) {
        x[j] = g->theta[j * nk + (size_t)k];
        mean += g->weight[j] * x[j];
    }
    for (size_t j = 0; j < g->n; j++)
        var += g->weight[j] * (x[j] - mean) * (x[j] - mean);
    s->mean = mean;
    s->sd = sqrt(var);
    int rc = samen_weighted_quantile(x, g->weight, g->n, 0.5, &s->median) ||
             samen_weighted_quantile(x, g->weight, g->n, 0.025, &s->low) ||
             samen_weighted_quantile(x, g->weight, g->n, 0.975, &s->high);
    free(x);
    return rc ? -1 : 0;
}

int samen_abc_run(const samen_abc_config *cfg, samen_abc_sim sim, void *user,
                  samen_abc_gen *gens, long *n_gens, samen_error *err)
{
    *n_gens = 0;
    size_t cap = samen_abc_max_candidates(cfg);
    int nk = cfg->n_keys;
    double *theta = malloc((size_t)nk * sizeof *theta);
    double *stats = malloc((size_t)(cfg->n_stats ? cfg->n_stats : 1) * sizeof *stats);
    if (!theta || !stats) {
        free(theta);
        free(stats);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    int rc = SAMEN_OK;
    for (long t = 0; t < cfg->generations; t++) {
        samen_abc_gen *g = &gens[t];
        if ((rc = samen_abc_gen_begin(g, cfg, t, t ? &gens[t - 1] : NULL, err)))
            break;
        int full = 0;
        for (size_t i = 0; i < cap && !full; i++) {
            if (samen_abc_propose(g, i, theta)) {
                rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL,
                                     "generation %ld: no proposal inside the prior", t);
                break;
            }
            if (sim(user, theta, samen_abc_seed(cfg->seed, t, i, 1), stats))
                for (int s = 0; s < cfg->n_stats; s++)
                    stats[s] = NAN;
            full = samen_abc_offer(g, theta, stats) == 1;
        }
        if (rc)
            break;
        samen_abc_gen_end(g);
        if (!full) {
            samen_abc_gen_free(g);
            break;
        }
        *n_gens = t + 1;
        if (!samen_abc_more(g))
            break;
    }
    free(theta);
    free(stats);
    return rc;
}
