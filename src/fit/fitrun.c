/* fitrun.c: `samen fit` through the sweep machinery (fitrun.h). Each
 * generation's candidates are drawn up front (they depend on the seed,
 * the generation, the index and the previous generation alone), written
 * as the points of a sweep, and run in batches in index order; the runs'
 * measures are offered to the engine in index order until it is full, so
 * what -j, shards, MPI or resumes ran never changes the result: runs past
 * the last accepted candidate are wasted, never used. */
#include "fit/fitrun.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "sweep/parts.h"
#include "sweep/tables.h"
#include "util/clock.h"
#include "util/outfile.h"
#include "util/readfile.h"

uint32_t samen_fit_generation_seed(const samen_fit *f, long t)
{
    /* candidate index SIZE_MAX: a stream no candidate uses */
    return samen_abc_seed(f->seed, t, (size_t)-1, 0);
}

/* ---- files ---- */

/* DIR/NAME whole: written under a name of this process's own, then
 * renamed, as shards that start together write the same bytes into one
 * folder. */
static int write_text(const char *dir, const char *name, const char *text, samen_error *err)
{
    char host[256], own[512], from[4800], to[4800];
    samen_host_name(host, sizeof host);
    snprintf(own, sizeof own, ".%s.%s.%ld", name, host, (long)getpid());
    samen_outfile of;
    int rc = samen_outfile_open(&of, dir, own, err);
    if (rc)
        return rc;
    fputs(text, of.fp);
    if ((rc = samen_outfile_commit(&of, err)))
        return rc;
    snprintf(from, sizeof from, "%s/%s", dir, own);
    snprintf(to, sizeof to, "%s/%s", dir, name);
    if (rename(from, to) != 0) {
        rc = samen_error_set(err, SAMEN_EIO, to, 0, NULL, "cannot rename %s into place: %s",
                             from, strerror(errno));
        unlink(from);
    }
    return rc;
}

/* fit.ini: written once; a later start must be the same fit, and resume
 * it (or be another shard of it). */
static int claim(const samen_fit *f, const samen_fit_opts *o, samen_error *err)
{
    char *text = NULL, path[4200];
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    samen_fit_write_resolved(f, mem);
    if (fclose(mem) != 0) {
        free(text);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    snprintf(path, sizeof path, "%s/fit.ini", o->out);
    struct stat st;
    samen_error e2;
    size_t old_len;
    char *old = stat(path, &st) == 0 ? samen_read_file(path, &old_len, &e2) : NULL;
    if (!old && stat(path, &st) == 0) {
        free(text);
        *err = e2;
        return e2.code;
    }
    int rc = SAMEN_OK;
    if (old && strcmp(old, text)) {
        int line = 1;
        for (const char *a = old, *b = text; *a && *a == *b; a++, b++)
            line += *a == '\n';
        rc = samen_error_set(err, SAMEN_EINPUT, path, line, NULL,
                             "the folder holds another fit (its fit.ini differs from "
                             "this one's from line %d): give this fit another --out", line);
    } else if (old && !o->resume && o->shard_n == 1) {
        rc = samen_error_set(err, SAMEN_EINPUT, o->out, 0, NULL,
                             "the folder holds this fit already: add --resume to finish "
                             "it, or give another --out");
    } else if (!old) {
        snprintf(path, sizeof path, "%s/sweep.ini", o->out);
        int other = stat(path, &st) == 0;
        snprintf(path, sizeof path, "%s/run.ini", o->out);
        other |= stat(path, &st) == 0;
        if (other)
            rc = samen_error_set(err, SAMEN_EINPUT, o->out, 0, NULL,
                                 "the folder holds the outputs of a run or a sweep; give "
                                 "the fit a folder of its own with --out");
        else
            rc = write_text(o->out, "fit.ini", text, err);
    }
    free(old);
    free(text);
    return rc;
}

int samen_fit_mkdir(const char *path, samen_error *err)
{
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
        return samen_error_set(err, SAMEN_EIO, path, 0, NULL, "cannot create folder: %s",
                               strerror(errno));
    return SAMEN_OK;
}

/* DIR/candidates.csv (the points, %.17g so that the runs get exactly the
 * proposed values) and DIR/generation.ini, the sweep file. */
static int write_points(const samen_fit *f, const char *dir, const char *what,
                        uint32_t seed, const double *theta, size_t m, samen_error *err)
{
    int rc;
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    fputs("point", mem);
    for (int k = 0; k < f->n_keys; k++)
        fprintf(mem, ",%s", f->keys[k].key);
    fputc('\n', mem);
    for (size_t i = 0; i < m; i++) {
        fprintf(mem, "%zu", i);
        for (int k = 0; k < f->n_keys; k++)
            fprintf(mem, ",%.17g", theta[i * (size_t)f->n_keys + (size_t)k]);
        fputc('\n', mem);
    }
    if (fclose(mem) != 0) {
        free(text);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    rc = write_text(dir, "candidates.csv", text, err);
    free(text);
    if (rc)
        return rc;
    text = NULL;
    if (!(mem = open_memstream(&text, &len)))
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    /* only each network's last network row, and what the targets read:
     * the ties of the last snapshot, field.csv at the last step, or
     * field.csv at each year's first step with the events (N1, N2); a fit
     * runs thousands of runs */
    int need = f->needs_ties;
    fprintf(mem, "; %s of the fit in fit.ini: its candidates as a sweep\n"
                 "[sweep]\nscenario = %s\nreplicates = %ld\ndesign = points\n"
                 "points = candidates.csv\nseed = %lu\nsnapshot_every = %d\n"
                 "detail = %s\ntables = network%s%s%s\nevery = 1000000\n",
            what, f->scenario, f->replicates, (unsigned long)seed,
            need & 4 ? SAMEN_FIELD_YEAR : 1000000, need & 6 ? "field" : "",
            need & 4 ? ", events" : "", need & 1 ? ", ties" : "", need & 6 ? ", field" : "");
    if (f->n_set)
        fputs("\n[set]\n", mem);
    for (int i = 0; i < f->n_set; i++)
        fprintf(mem, "%s = %s\n", f->set[i].key, f->set[i].value);
    fputs("\n[vary]\n", mem);
    for (int k = 0; k < f->n_keys; k++)
        fprintf(mem, "%s = %.17g..%.17g\n", f->keys[k].key, f->prior[k].a, f->prior[k].b);
    if (fclose(mem) != 0) {
        free(text);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    rc = write_text(dir, "points.ini", text, err);
    free(text);
    return rc;
}

/* ---- measures of the runs ---- */

static void reading_drop(samen_fit_points *g)
{
    if (!g->have)
        return;
    samen_sweep_index_free(&g->idx);
    g->have = 0;
}

static int reading_load(samen_fit_points *g, samen_error *err)
{
    reading_drop(g);
    int rc = samen_sweep_index_read(g->sw, g->dir, &g->idx, err);
    if (rc)
        return rc;
    g->have = 1;
    return SAMEN_OK;
}

/* Candidate c's statistics: each target's measure, the mean over its
 * replicates; NAN when a run failed or a measure has no value. */
int samen_fit_points_stats(const samen_fit *f, samen_fit_points *g, size_t c,
                           double *stats, samen_error *err)
{
    for (int t = 0; t < f->n_targets; t++)
        stats[t] = 0;
    for (long r = 0; r < f->replicates; r++) {
        size_t run = c * (size_t)f->replicates + (size_t)r;
        if (g->idx.status[run] != SAMEN_RUN_DONE) {
            for (int t = 0; t < f->n_targets; t++)
                stats[t] = NAN;
            return SAMEN_OK;
        }
        samen_run_view v;
        int rc = samen_run_view_read(&v, &g->idx, g->dir, run, f->last_step,
                                     f->needs_ties, &g->scratch, err);
        if (rc)
            return rc;
        for (int t = 0; t < f->n_targets; t++)
            stats[t] += f->targets[t].measure->fn(&v) / (double)f->replicates;
    }
    return SAMEN_OK;
}

/* ---- the fit's tables ---- */

static void num(FILE *fp, double v)
{
    if (isfinite(v))
        samen_csv_num(fp, v);
    else if (isinf(v))
        fputs(v > 0 ? "inf" : "-inf", fp);
}

static int write_tables(const samen_fit *f, const samen_fit_opts *o, const samen_abc_gen *gens,
                        long n, samen_error *err)
{
    /* every shard computes the same tables: the first writes them */
    if (o->shard_i != 0)
        return SAMEN_OK;
    samen_outfile of;
    int rc = samen_outfile_open(&of, o->out, "particles.csv", err);
    if (rc)
        return rc;
    fputs("generation,particle,weight,distance", of.fp);
    for (int k = 0; k < f->n_keys; k++) {
        fputc(',', of.fp);
        samen_csv_text(of.fp, f->keys[k].key);
    }
    for (int t = 0; t < f->n_targets; t++) {
        fputc(',', of.fp);
        samen_csv_text(of.fp, f->targets[t].name);
    }
    fputc('\n', of.fp);
    for (long g = 0; g < n; g++)
        for (size_t j = 0; j < gens[g].n; j++) {
            fprintf(of.fp, "%ld,%zu,", g, j);
            num(of.fp, gens[g].weight[j]);
            fputc(',', of.fp);
            num(of.fp, gens[g].distance[j]);
            for (int k = 0; k < f->n_keys; k++) {
                fputc(',', of.fp);
                num(of.fp, gens[g].theta[j * (size_t)f->n_keys + (size_t)k]);
            }
            for (int t = 0; t < f->n_targets; t++) {
                fputc(',', of.fp);
                num(of.fp, gens[g].stats[j * (size_t)f->n_targets + (size_t)t]);
            }
            fputc('\n', of.fp);
        }
    if ((rc = samen_outfile_close(&of, err)) || (rc = samen_outfile_commit(&of, err)))
        return rc;

    if ((rc = samen_outfile_open(&of, o->out, "generations.csv", err)))
        return rc;
    fputs("generation,epsilon,accepted,candidates,acceptance,ess\n", of.fp);
    for (long g = 0; g < n; g++) {
        fprintf(of.fp, "%ld,", g);
        num(of.fp, gens[g].epsilon);
        fprintf(of.fp, ",%zu,%zu,", gens[g].n, gens[g].candidates);
        num(of.fp, gens[g].acceptance);
        fputc(',', of.fp);
        num(of.fp, gens[g].ess);
        fputc('\n', of.fp);
    }
    if ((rc = samen_outfile_close(&of, err)) || (rc = samen_outfile_commit(&of, err)))
        return rc;

    if ((rc = samen_outfile_open(&of, o->out, "posterior.csv", err)))
        return rc;
    fputs("key,mean,sd,median,low,high\n", of.fp);
    for (int k = 0; n > 0 && k < f->n_keys; k++) {
        samen_abc_summary s;
        if (samen_abc_summarise(&gens[n - 1], k, &s)) {
            samen_outfile_discard(&of);
            return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
        }
        samen_csv_text(of.fp, f->keys[k].key);
        const double v[] = {s.mean, s.sd, s.median, s.low, s.high};
        for (int i = 0; i < 5; i++) {
            fputc(',', of.fp);
            num(of.fp, v[i]);
        }
        fputc('\n', of.fp);
    }
    if ((rc = samen_outfile_close(&of, err)) || (rc = samen_outfile_commit(&of, err)))
        return rc;
    return SAMEN_OK;
}

/* ---- one generation ---- */

/* Waits until no run before end is pending: the other shards' share of
 * the batch. */
static int wait_for_shards(samen_fit_points *g, size_t end, samen_error *err)
{
    for (;;) {
        samen_sweep_index idx;
        int rc = samen_sweep_index_read(g->sw, g->dir, &idx, err);
        if (rc)
            return rc;
        size_t pending = 0;
        for (size_t i = 0; i < end; i++)
            pending += idx.status[i] == SAMEN_RUN_PENDING;
        samen_sweep_index_free(&idx);
        if (!pending)
            return SAMEN_OK;
        /* a batch of region runs takes seconds: a twentieth is fine-grained */
        struct timespec ts = {0, 50000000};
        nanosleep(&ts, NULL);
    }
}

/* The candidates of the next batch: enough, at the acceptance seen so
 * far, for the particles still missing, and a fifth more; a function of
 * the generation's state alone, so every shard cuts the same batches. */
static size_t batch_size(const samen_abc_gen *g, size_t offered, size_t max)
{
    double need = (double)(g->cfg->particles - g->n);
    double acc = g->candidates ? (double)g->n / (double)g->candidates : 1;
    acc = fmax(acc, g->cfg->min_acceptance);
    double b = ceil(1.2 * need / acc);
    b = fmax(b, 16);
    return (size_t)fmin(b, (double)(max - offered));
}

int samen_fit_points_open(const samen_fit *f, const samen_fit_opts *o, const char *dir,
                          const char *what, uint32_t seed, const double *theta, size_t m,
                          samen_fit_points *p, samen_error *err)
{
    memset(p, 0, sizeof *p);
    snprintf(p->dir, sizeof p->dir, "%s", dir);
    char path[4400];
    int rc = samen_fit_mkdir(dir, err);
    if (!rc)
        rc = write_points(f, dir, what, seed, theta, m, err);
    if (!rc) {
        snprintf(path, sizeof path, "%s/points.ini", dir);
        rc = samen_sweep_load(&p->sw, path, 0, err);
    }
    if (!rc && (f->needs_ties & 6))
        rc = samen_measure_scratch_load(&p->scratch, p->sw, dir, err);
    if (!rc)
        rc = samen_sweep_claim(p->sw, dir, err);
    p->job = (samen_sweep_job){.sw = p->sw, .out = p->dir, .shard_i = o->shard_i,
                               .shard_n = o->shard_n, .resume = 1};
    size_t todo, total;
    if (!rc)
        rc = samen_sweep_prepare(&p->job, &todo, &total, err);
    p->prepared = !rc;
    return rc;
}

int samen_fit_points_run(const samen_fit *f, const samen_fit_opts *o, samen_fit_points *p,
                         size_t end, samen_fit_result *res, samen_error *err)
{
    p->job.end = end * (size_t)f->replicates;
    samen_pool_result pr = {0};
    double t0 = samen_now();
    int rc = o->exec(o->exec_ctx, &p->job, o->prog, &pr, err);
    res->running += samen_now() - t0;
    res->failed += pr.failed;
    if (!rc && pr.interrupted)
        res->interrupted = pr.interrupted;
    if (!rc && !pr.interrupted && o->shard_n > 1)
        rc = wait_for_shards(p, p->job.end, err);
    if (!rc && !pr.interrupted)
        rc = reading_load(p, err);
    return rc;
}

int samen_fit_points_close(samen_fit_points *p, int rebuild, samen_error *err)
{
    int rc = SAMEN_OK;
    samen_error e2;
    if (p->prepared && samen_sweep_job_end(&p->job, &e2) != SAMEN_OK) {
        *err = e2;
        rc = e2.code;
    }
    if (!rc && rebuild && p->sw)
        rc = samen_sweep_rebuild(p->sw, p->dir, NULL, err);
    reading_drop(p);
    samen_measure_scratch_free(&p->scratch);
    samen_sweep_free(p->sw);
    memset(p, 0, sizeof *p);
    return rc;
}

static int run_generation(const samen_fit *f, const samen_fit_opts *o, samen_abc_gen *g,
                          samen_fit_result *res, int *full, samen_error *err)
{
    size_t m = samen_abc_max_candidates(g->cfg), nk = (size_t)f->n_keys;
    double *theta = malloc(m * nk * sizeof *theta);
    double *stats = malloc((size_t)f->n_targets * sizeof *stats);
    if (!theta || !stats) {
        free(theta);
        free(stats);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    int rc = SAMEN_OK;
    for (size_t i = 0; i < m && !rc; i++)
        if (samen_abc_propose(g, i, &theta[i * nk]))
            rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL,
                                 "generation %ld: no proposal for candidate %zu inside the "
                                 "prior after a million tries", g->t, i);
    char dir[4300], what[64];
    snprintf(dir, sizeof dir, "%s/generations", o->out);
    if (!rc)
        rc = samen_fit_mkdir(dir, err);
    snprintf(dir, sizeof dir, "%s/generations/%ld", o->out, g->t);
    snprintf(what, sizeof what, "generation %ld", g->t);
    samen_fit_points p;
    if (!rc)
        rc = samen_fit_points_open(f, o, dir, what, samen_fit_generation_seed(f, g->t), theta,
                                   m, &p, err);
    else
        memset(&p, 0, sizeof p);
    size_t offered = 0;
    *full = 0;
    while (!rc && !*full && offered < m && !res->interrupted) {
        size_t end = offered + batch_size(g, offered, m);
        rc = samen_fit_points_run(f, o, &p, end, res, err);
        for (; !rc && !res->interrupted && offered < end && !*full; offered++) {
            if ((rc = samen_fit_points_stats(f, &p, offered, stats, err)))
                break;
            *full = samen_abc_offer(g, &theta[offered * nk], stats) == 1;
        }
    }
    samen_error e2;
    if (samen_fit_points_close(&p, !rc && !res->interrupted, &e2) != SAMEN_OK && !rc) {
        *err = e2;
        rc = e2.code;
    }
    free(theta);
    free(stats);
    return rc;
}

int samen_fit_run(const samen_fit *f, const samen_fit_opts *o, samen_fit_result *res,
                  samen_error *err)
{
    memset(res, 0, sizeof *res);
    double t0 = samen_now();
    int rc = claim(f, o, err);
    if (rc)
        return rc;
    samen_abc_config cfg;
    samen_fit_config(f, &cfg);
    samen_abc_gen *gens = calloc((size_t)f->generations, sizeof *gens);
    if (!gens)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    long made = 0;
    for (long t = 0; t < f->generations && !rc; t++) {
        samen_abc_gen *g = &gens[t];
        if ((rc = samen_abc_gen_begin(g, &cfg, t, t ? &gens[t - 1] : NULL, err)))
            break;
        made = t + 1;
        int full = 0;
        rc = run_generation(f, o, g, res, &full, err);
        if (rc || res->interrupted)
            break;
        samen_abc_gen_end(g);
        if (!full) {
            if (o->report)
                fprintf(o->report, "samen fit: generation %ld stopped unfilled: %zu of %zu "
                        "particles in %zu candidates (below min_acceptance %g); the "
                        "posterior is generation %ld's\n", t, g->n, cfg.particles,
                        g->candidates, cfg.min_acceptance, t - 1);
            break;
        }
        res->generations = t + 1;
        if (o->report)
            fprintf(o->report, "samen fit: generation %ld: epsilon %g, %zu of %zu candidates "
                    "accepted (%.3g), ESS %.1f\n", t, g->epsilon, g->n, g->candidates,
                    g->acceptance, g->ess);
        if ((rc = write_tables(f, o, gens, res->generations, err)) || !samen_abc_more(g))
            break;
    }
    for (long t = 0; t < made; t++) {
        res->candidates += gens[t].candidates;
        samen_abc_gen_free(&gens[t]);
    }
    free(gens);
    res->wall = samen_now() - t0;
    return rc;
}
