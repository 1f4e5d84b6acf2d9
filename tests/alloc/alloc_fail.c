/* alloc_fail.c: allocation failure as a test (SQLite's way): a small run
 * (tests/data/scenario/mini.ini, few steps, every output) through
 * samen_scenario_load and samen_run_to_dir, repeated with the k-th
 * allocation failing for every k the run makes. Each must end in SAMEN_EIO
 * with a message about memory and leave its output folder empty: no
 * output file and no *.tmp. The same run into memory (samen_run_tables,
 * every table) is swept likewise. The loads of a sobol and an lhs sweep file
 * (GSL's generators) are swept the same way, and so is a second start in
 * a sweep folder with a run done (sweep.ini read back and compared, the
 * writers' logs read into the index).
 *
 * What fails: linked with -Wl,--wrap=... (tests/alloc/alloc.mk), every
 * call that samen's own code makes to malloc, calloc, realloc, strdup,
 * strndup, gsl_rng_alloc and gsl_qrng_alloc goes through the wrappers
 * below, which count calls once armed. Not covered: allocations inside
 * libc (fopen's buffer, getline, open_memstream, realpath), libcsv,
 * inih and zlib; their failures come back as the error returns samen
 * already checks (fopen NULL, getline -1 with ENOMEM), not from here.
 * Each k is run twice: the k-th call fails once (the later calls succeed,
 * so that an error that is swallowed shows as a run that succeeds), then
 * every call from the k-th on fails (so that the cleanup after a failure
 * is tested out of memory too). */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_rng.h>

#include "samen/memory.h"
#include "samen/samen.h"
#include "sweep/parts.h"

/* ---- the failing allocator ---- */

static int armed;          /* counting: between arm() and disarm() */
static long calls;         /* allocations since arm() */
static long fail_at;       /* the call that fails; 0: none */
static int persist;        /* and every call after it fails too */

static long abort_at;      /* ALLOC_ABORT_AT=k: abort at call k of the
                            * counting run, for its stack (handle_abort=1) */

static int fail_now(void)
{
    if (!armed)
        return 0;
    ++calls;
    if (calls == abort_at && !fail_at)
        abort();
    return fail_at && (calls == fail_at || (persist && calls > fail_at));
}

void *__real_malloc(size_t n);
void *__real_calloc(size_t m, size_t n);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
gsl_rng *__real_gsl_rng_alloc(const gsl_rng_type *t);
gsl_qrng *__real_gsl_qrng_alloc(const gsl_qrng_type *t, unsigned d);

void *__wrap_malloc(size_t n) { return fail_now() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t m, size_t n) { return fail_now() ? NULL : __real_calloc(m, n); }
void *__wrap_realloc(void *p, size_t n) { return fail_now() ? NULL : __real_realloc(p, n); }
char *__wrap_strdup(const char *s) { return fail_now() ? NULL : __real_strdup(s); }
char *__wrap_strndup(const char *s, size_t n) { return fail_now() ? NULL : __real_strndup(s, n); }

gsl_rng *__wrap_gsl_rng_alloc(const gsl_rng_type *t)
{
    return fail_now() ? NULL : __real_gsl_rng_alloc(t);
}

gsl_qrng *__wrap_gsl_qrng_alloc(const gsl_qrng_type *t, unsigned d)
{
    return fail_now() ? NULL : __real_gsl_qrng_alloc(t, d);
}

static void arm(long k, int from_k_on)
{
    calls = 0;
    fail_at = k;
    persist = from_k_on;
    armed = 1;
}

static void disarm(void)
{
    armed = 0;
}

/* ---- the run ---- */

static const char *const overrides[] = {
    "simulation.steps=6", "output.snapshot_every=2", "output.detail=both",
};

/* One load and run of the scenario into out; returns the status, err
 * filled. */
static int job_run(const char *scenario, const char *out, samen_error *err)
{
    samen_scenario *sc;
    samen_error_clear(err);
    int rc = samen_scenario_load(&sc, scenario, overrides,
                                 (int)(sizeof overrides / sizeof overrides[0]), err);
    if (rc == SAMEN_OK) {
        rc = samen_run_to_dir(sc, out, NULL, err);
        samen_scenario_free(sc);
    }
    return rc;
}

/* The run into memory with every table; out stays empty. */
static int job_tables(const char *scenario, const char *out, samen_error *err)
{
    (void)out;
    static const char *const ovr[] = {
        "simulation.steps=6", "output.snapshot_every=2", "output.detail=orgs,persons,graph",
    };
    samen_scenario *sc;
    samen_error_clear(err);
    int rc = samen_scenario_load(&sc, scenario, ovr, (int)(sizeof ovr / sizeof ovr[0]), err);
    if (rc == SAMEN_OK) {
        samen_result *res;
        rc = samen_run_tables(sc, &res, err);
        if (rc == SAMEN_OK)
            samen_result_free(res);
        samen_scenario_free(sc);
    }
    return rc;
}

/* The loads of a sobol and an lhs sweep file over the scenario (written
 * into out by prepare_sweeps), which allocate GSL's generators; a sweep
 * load writes nothing, so out holds only the two files it reads. */
static int job_sweeps(const char *scenario, const char *out, samen_error *err)
{
    (void)scenario;
    static const char *const files[] = {"sobol.sweep.ini", "lhs.sweep.ini"};
    int rc = SAMEN_OK;
    for (int i = 0; i < 2 && rc == SAMEN_OK; i++) {
        char path[700];
        snprintf(path, sizeof path, "%s/%s", out, files[i]);
        samen_sweep *sw;
        samen_error_clear(err);
        rc = samen_sweep_load(&sw, path, 0, err);
        if (rc == SAMEN_OK)
            samen_sweep_free(sw);
    }
    return rc;
}

/* Writes the sweep files of job_sweeps into dir; returns how many files. */
static int prepare_sweeps(const char *scenario, const char *dir)
{
    static const char *const body[] = {
        "design = sobol\nsamples = 8\n[vary]\ntrust.gain = 0..1\ncomm.base = 0.1..0.9\n",
        "design = lhs\nsamples = 8\n[vary]\ntrust.gain = 0..1\ngoal.max_steps = 10..50\n",
    };
    static const char *const files[] = {"sobol.sweep.ini", "lhs.sweep.ini"};
    char *abs = realpath(scenario, NULL);
    for (int i = 0; i < 2 && abs; i++) {
        char path[700];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        FILE *fp = fopen(path, "w");
        if (fp) {
            fprintf(fp, "[sweep]\nscenario = %s\n%s", abs, body[i]);
            fclose(fp);
        }
    }
    free(abs);
    return 2;
}

/* A sweep folder in dir with run 0 of 2 done, made by prepare_folder:
 * its sweep.ini loaded as the folder's own record, the folder claimed
 * again (sweep.ini written aside, found to exist, read back and compared)
 * and its index read (each writer's log whole, each range checked). */
static int job_folder(const char *scenario, const char *out, samen_error *err)
{
    (void)scenario;
    char path[700];
    snprintf(path, sizeof path, "%s/sweep.ini", out);
    samen_sweep *sw;
    samen_error_clear(err);
    int rc = samen_sweep_load(&sw, path, SAMEN_SWEEP_TRUSTED, err);
    if (rc != SAMEN_OK)
        return rc;
    rc = samen_sweep_claim(sw, out, err);
    samen_sweep_free(sw);
    samen_sweep_index idx;
    if (rc == SAMEN_OK && (rc = samen_sweep_open(out, &sw, &idx, err)) == SAMEN_OK) {
        if (idx.counts[SAMEN_RUN_DONE] != 1)
            rc = samen_error_set(err, SAMEN_EINPUT, out, 0, NULL, "run 0 is not done");
        samen_sweep_index_free(&idx);
        samen_sweep_free(sw);
    }
    return rc;
}

/* Makes the sweep folder of job_folder in dir: folder.sweep.ini, then
 * sweep.ini, inputs/ and parts/ with run 0 done. Returns the number of
 * entries it leaves in dir, or -1. */
static int prepare_folder(const char *scenario, const char *dir)
{
    char path[700];
    char *abs = realpath(scenario, NULL);
    snprintf(path, sizeof path, "%s/folder.sweep.ini", dir);
    FILE *fp = abs ? fopen(path, "w") : NULL;
    if (fp) {
        fprintf(fp, "[sweep]\nscenario = %s\nreplicates = 2\n[set]\nsimulation.steps = 6\n",
                abs);
        fclose(fp);
    }
    free(abs);
    samen_error err;
    samen_sweep *sw;
    int logged;
    if (!fp || samen_sweep_load(&sw, path, 0, &err) != SAMEN_OK)
        return -1;
    samen_part_writer *w = NULL;
    int ok = samen_sweep_claim(sw, dir, &err) == SAMEN_OK
             && (w = samen_part_writer_new(sw, dir, &err))
             && samen_part_writer_run(w, 0, &logged, &err) == SAMEN_OK;
    ok = samen_part_writer_free(w, &err) == SAMEN_OK && ok;
    samen_sweep_free(sw);
    if (!ok)
        samen_error_print(&err, stderr);
    return ok ? 4 : -1;
}

/* The number of entries of dir; the first is named in first. */
static int entries(const char *dir, char *first, size_t n)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int count = 0;
    first[0] = '\0';
    while (d && (de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        if (!count++)
            snprintf(first, n, "%s", de->d_name);
    }
    if (d)
        closedir(d);
    return count;
}

/* Removes dir and what is in it, folders too. */
static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    while (d && (de = readdir(d))) {
        char p[900];
        snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..") && unlink(p) != 0)
            remove_dir(p);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

typedef int (*job_fn)(const char *scenario, const char *out, samen_error *err);

/* What a job is given in its folder before it runs; returns the number
 * of entries it leaves there, or -1. */
typedef int (*prepare_fn)(const char *scenario, const char *dir);

/* Runs job once whole (it must succeed; it counts the allocations), then
 * for every k with the k-th failing, once and from it on. Each of those
 * must end in SAMEN_EIO saying memory and leave in out no more than the
 * entries prepare (NULL: none) gave it. Returns the number of wrong runs. */
static int sweep_job(const char *what, job_fn job, prepare_fn prepare, const char *scenario,
                     const char *root)
{
    char out[600], name[256];
    samen_error err;
    snprintf(out, sizeof out, "%s/whole", root);
    mkdir(out, 0777);
    int keep = prepare ? prepare(scenario, out) : 0;
    if (keep < 0) {
        fprintf(stderr, "alloc_fail: %s: cannot prepare its folder\n", what);
        return 1;
    }
    arm(0, 0);
    int rc = job(scenario, out, &err);
    disarm();
    long total = calls;
    remove_dir(out);
    if (rc != SAMEN_OK) {
        samen_error_print(&err, stderr);
        return 1;
    }
    int bad = 0;
    for (long i = 0; i < 2 * total; i++) {
        long k = i % total + 1;
        int from_k_on = i >= total;
        snprintf(out, sizeof out, "%s/k%ld", root, k);
        mkdir(out, 0777);
        if (prepare)
            prepare(scenario, out);
        arm(k, from_k_on);
        rc = job(scenario, out, &err);
        disarm();
        int left = entries(out, name, sizeof name) - keep;
        if (rc != SAMEN_EIO || !strcasestr(err.msg, "memory") || left) {
            char line[1600];
            samen_error_line(&err, line, sizeof line);
            fprintf(stderr, "alloc_fail: %s: allocation %ld of %ld failing%s: status %d, "
                    "\"%s\", %d files left%s%s\n", what, k, total,
                    from_k_on ? " (and on)" : "", rc, line, left, left ? ", such as " : "",
                    left ? name : "");
            bad++;
        }
        remove_dir(out);
    }
    printf("alloc_fail: %s: %ld allocations, each failed once and from it on: %d wrong\n",
           what, total, bad);
    return bad;
}

int main(int argc, char **argv)
{
    gsl_set_error_handler_off();
    abort_at = getenv("ALLOC_ABORT_AT") ? atol(getenv("ALLOC_ABORT_AT")) : 0;
    const char *scenario = argc > 1 ? argv[1] : "tests/data/scenario/mini.ini";
    const char *tmp = getenv("TMPDIR");
    char root[512];
    snprintf(root, sizeof root, "%s/samen-alloc-XXXXXX", tmp && *tmp ? tmp : P_tmpdir);
    if (!mkdtemp(root)) {
        perror("alloc_fail: mkdtemp");
        return 1;
    }
    int bad = sweep_job("run", job_run, NULL, scenario, root);
    bad += sweep_job("run in memory", job_tables, NULL, scenario, root);
    bad += sweep_job("sweep files", job_sweeps, prepare_sweeps, scenario, root);
    bad += sweep_job("sweep folder", job_folder, prepare_folder, scenario, root);
    rmdir(root);
    return bad ? 1 : 0;
}
