/* pool.c: runs a sweep's runs N at a time on one machine, each in a forked
 * child (a crash stays in its run, memory stays flat), and stops cleanly
 * on SIGINT, SIGTERM or SIGHUP. */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "sweep/sweep.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "samen/samen.h"

int samen_cpu_count(void)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/* The child: one run, then its status as the exit code. */
static void child(samen_sweep_job *job, size_t run, pid_t parent,
                  const sigset_t *old_mask)
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    sigprocmask(SIG_SETMASK, old_mask, NULL);
#ifdef __linux__
    /* A sweep killed with SIGKILL takes its runs along, so nothing is left
     * writing into the folder when it is resumed. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() != parent)
        _exit(3);
    samen_error err;
    samen_error_clear(&err);
    int rc = samen_sweep_run_one(job->sw, job->out, run, &err);
    _exit(rc == SAMEN_OK ? 0 : rc == SAMEN_EINPUT ? 2 : 1);
}

static void report(samen_sweep_job *job, size_t run, const char *fallback)
{
    char reason[2048];
    if (!job->on_failure)
        return;
    if (samen_run_failure_reason(job->out, run, reason, sizeof reason) != 0)
        snprintf(reason, sizeof reason, "%s", fallback);
    job->on_failure(job->user, run, reason);
}

/* A child ended: count its run. */
static void reaped(samen_sweep_job *job, size_t run, pid_t pid, int status,
                   int stopping, samen_pool_result *res)
{
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        res->done++;
        return;
    }
    if (stopping && WIFSIGNALED(status)) {
        /* Stopped by us: the run stays missing, for --resume. */
        samen_sweep_remove_unfinished(job->out, run, (long)pid);
        return;
    }
    samen_run_status st = samen_run_status_of(job->out, run);
    if (st == SAMEN_RUN_DONE) {
        res->done++; /* it died after its folder was in place */
        return;
    }
    res->failed++;
    if (st == SAMEN_RUN_FAILED) {
        report(job, run, "the run failed");
        return;
    }
    char reason[256];
    if (WIFSIGNALED(status))
        snprintf(reason, sizeof reason, "the run's process was killed by signal %d (%s)",
                 WTERMSIG(status), strsignal(WTERMSIG(status)));
    else
        snprintf(reason, sizeof reason, "the run's process ended with status %d "
                 "without recording why", WEXITSTATUS(status));
    samen_error err;
    samen_error_clear(&err);
    if (samen_sweep_record_failure(job->out, run, (long)pid, reason, &err) != SAMEN_OK)
        snprintf(reason + strlen(reason), sizeof reason - strlen(reason),
                 "; not recorded: %.120s", err.msg);
    if (job->on_failure)
        job->on_failure(job->user, run, reason);
}

int samen_sweep_pool(samen_sweep_job *job, int jobs, samen_progress *prog,
                     samen_pool_result *res, samen_error *err)
{
    memset(res, 0, sizeof *res);
    if (jobs < 1)
        jobs = 1;
    pid_t *pids = calloc((size_t)jobs, sizeof *pids);
    size_t *runs = calloc((size_t)jobs, sizeof *runs);
    if (!pids || !runs) {
        free(pids);
        free(runs);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    /* Signals are taken synchronously with sigtimedwait, so no handler and
     * no global flag are needed. */
    sigset_t mask, old;
    sigemptyset(&mask);
    sigaddset(&mask, SIGCHLD);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGHUP);
    sigprocmask(SIG_BLOCK, &mask, &old);

    pid_t parent = getpid();
    int active = 0, more = 1, stopping = 0, rc = SAMEN_OK;
    for (;;) {
        while (!stopping && more && active < jobs) {
            long run = samen_sweep_next(job, err);
            if (run < 0) {
                more = 0;
                if (run == -2) {
                    rc = err->code;
                    stopping = 1;
                }
                break;
            }
            /* Our buffered output must not be written twice by the child. */
            if (prog && prog->fp)
                fflush(prog->fp);
            pid_t pid = fork();
            if (pid < 0) {
                rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL,
                                     "cannot start a run's process: %s", strerror(errno));
                stopping = 1;
                break;
            }
            if (pid == 0)
                child(job, (size_t)run, parent, &old);
            int slot = 0;
            while (pids[slot])
                slot++;
            pids[slot] = pid;
            runs[slot] = (size_t)run;
            active++;
        }
        if (active == 0)
            break;

        struct timespec wait = {0, 250000000};
        siginfo_t info;
        int sig = sigtimedwait(&mask, &info, &wait);
        if ((sig == SIGINT || sig == SIGTERM || sig == SIGHUP) && !stopping) {
            stopping = 1;
            res->interrupted = sig;
            for (int i = 0; i < jobs; i++)
                if (pids[i])
                    kill(pids[i], SIGTERM);
        }
        int status;
        pid_t pid;
        while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
            for (int i = 0; i < jobs; i++)
                if (pids[i] == pid) {
                    reaped(job, runs[i], pid, status, res->interrupted != 0, res);
                    pids[i] = 0;
                    active--;
                    break;
                }
        }
        if (prog && prog->fp) {
            prog->done = res->done;
            prog->failed = res->failed;
            samen_progress_update(prog, 0);
        }
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    free(pids);
    free(runs);
    return rc;
}
