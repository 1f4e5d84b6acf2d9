/* pool.c: runs a sweep's runs N at a time on one machine in N worker
 * processes forked once and fed run numbers over pipes (a fork per run
 * costs more than a run); a worker that dies fails only its current run
 * and is replaced. Stops cleanly on SIGINT, SIGTERM or SIGHUP. */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "sweep/jobs.h"

#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
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

/* One worker process and its two pipes: run numbers in, statuses out. */
typedef struct worker {
    pid_t pid;             /* 0: a free slot */
    int to, from;          /* the parent's ends */
    int busy;
    size_t run;
} worker;

/* 1 when all n bytes went, else 0. */
static int write_full(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return 0;
        p += w;
        n -= (size_t)w;
    }
    return 1;
}

/* 1 when all n bytes came, 0 at end of file or on an error. */
static int read_full(int fd, void *buf, size_t n)
{
    char *p = buf;
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return 0;
        p += r;
        n -= (size_t)r;
    }
    return 1;
}

/* What a worker answers for each run: its samen_work_status, then the
 * length and text of the reason. */
static int send_status(int fd, int code, const char *reason)
{
    int len = reason ? (int)strlen(reason) : 0;
    return write_full(fd, &code, sizeof code) && write_full(fd, &len, sizeof len)
           && write_full(fd, reason ? reason : "", (size_t)len);
}

/* The worker: runs the runs it is sent, in-process, until its pipe closes,
 * appending their rows to its own part files; each run frees all it
 * allocates, so memory stays flat. */
static void worker_main(samen_sweep_job *job, const worker *ws, int jobs,
                        int in, int out, pid_t parent, const sigset_t *old_mask)
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    sigprocmask(SIG_SETMASK, old_mask, NULL);
#ifdef __linux__
    /* A sweep killed with SIGKILL takes its runs along, so nothing is left
     * writing into the folder when it is resumed. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() != parent)
        _exit(3);
    /* The other workers' pipes must close when they die, not stay open
     * here. */
    for (int i = 0; i < jobs; i++)
        if (ws[i].pid) {
            close(ws[i].to);
            close(ws[i].from);
        }
    samen_error err;
    samen_error_clear(&err);
    /* A writer that cannot be made answers its run with the reason, which
     * stops the sweep with it, rather than dying without one. */
    samen_part_writer *w = samen_part_writer_new(job->sw, job->out, &err);
    uint64_t run;
    char reason[SAMEN_REASON_MAX];
    while (read_full(in, &run, sizeof run)) {
        int code = samen_sweep_work(w, &err, (size_t)run, reason);
        if (!send_status(out, code, reason))
            _exit(1);
    }
    /* Closing what the log already vouches for: a failure here loses no
     * run, and the parent has stopped listening. */
    samen_error_clear(&err);
    _exit(samen_part_writer_free(w, &err) == SAMEN_OK ? 0 : 1);
}

/* Forks a worker into the free slot. Returns 0, or -1 with errno set. */
static int spawn(samen_sweep_job *job, worker *ws, int jobs, int slot,
                 pid_t parent, const sigset_t *old, samen_progress *prog)
{
    int cmd[2], st[2];
    if (pipe(cmd) != 0)
        return -1;
    if (pipe(st) != 0) {
        int e = errno;
        close(cmd[0]);
        close(cmd[1]);
        errno = e;
        return -1;
    }
    /* Our buffered output must not be written twice by the worker. */
    if (prog && prog->fp)
        fflush(prog->fp);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(cmd[0]);
        close(cmd[1]);
        close(st[0]);
        close(st[1]);
        errno = e;
        return -1;
    }
    if (pid == 0) {
        close(cmd[1]);
        close(st[0]);
        worker_main(job, ws, jobs, cmd[0], st[1], parent, old);
    }
    close(cmd[0]);
    close(st[1]);
    ws[slot] = (worker){.pid = pid, .to = cmd[1], .from = st[0]};
    return 0;
}

/* A run ended: its worker reported code with reason (sig < 0), or died
 * of signal sig (sig > 0) or with exit status code (sig 0). Counts the
 * run; a run whose worker died is logged failed by this process. */
static void ended(samen_sweep_job *job, size_t run, int sig, int code,
                  const char *reason, int stopping, samen_pool_result *res)
{
    if (sig < 0 && code == SAMEN_WORK_DONE) {
        res->done++;
        return;
    }
    if (stopping && sig > 0)
        return; /* stopped by us: the run stays pending, for --resume */
    res->failed++;
    char why[2300];
    if (sig < 0)
        snprintf(why, sizeof why, "%s", reason);
    else if (sig > 0)
        snprintf(why, sizeof why, "the run's process was killed by signal %d (%s)", sig,
                 strsignal(sig));
    else
        snprintf(why, sizeof why, "the run's process ended with status %d "
                 "without recording why", code);
    if (sig >= 0) {
        samen_error err;
        samen_error_clear(&err);
        if (samen_sweep_record_failure(job, run, why, &err) != SAMEN_OK)
            snprintf(why + strlen(why), sizeof why - strlen(why), "; not recorded: %.120s",
                     err.msg);
    }
    if (job->on_failure)
        job->on_failure(job->user, run, why);
}

/* A worker's pipe closed: it died, or, idle, ended. Reaps it, counts the
 * run it had and frees its slot. */
static void lost(samen_sweep_job *job, worker *w, int stopping,
                 samen_pool_result *res)
{
    int status = 0;
    /* Harmless on a worker that is already ending (its status stays), and
     * a worker whose pipe misbehaved must not be waited for forever. */
    kill(w->pid, SIGKILL);
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    close(w->to);
    close(w->from);
    if (w->busy) {
        if (WIFSIGNALED(status))
            ended(job, w->run, WTERMSIG(status), 0, NULL, stopping, res);
        else
            ended(job, w->run, 0, WIFEXITED(status) ? WEXITSTATUS(status) : 1, NULL,
                  stopping, res);
    }
    memset(w, 0, sizeof *w);
}

int samen_sweep_pool(samen_sweep_job *job, int jobs, samen_progress *prog,
                     samen_pool_result *res, samen_error *err)
{
    memset(res, 0, sizeof *res);
    if (jobs < 1)
        jobs = 1;
    worker *ws = calloc((size_t)jobs, sizeof *ws);
    struct pollfd *pfd = calloc((size_t)jobs, sizeof *pfd);
    int *slot_of = calloc((size_t)jobs, sizeof *slot_of);
    if (!ws || !pfd || !slot_of) {
        free(ws);
        free(pfd);
        free(slot_of);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    /* Signals are taken synchronously with sigtimedwait, so no handler and
     * no global flag are needed. SIGPIPE (a write to a worker that just
     * died) is taken the same way: the worker's closed pipe tells. */
    sigset_t mask, old;
    sigemptyset(&mask);
    sigaddset(&mask, SIGCHLD);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGHUP);
    sigaddset(&mask, SIGPIPE);
    sigprocmask(SIG_BLOCK, &mask, &old);

    pid_t parent = getpid();
    int busy = 0, more = 1, stopping = 0, rc = SAMEN_OK;
    for (;;) {
        while (!stopping && more && busy < jobs) {
            long run = samen_sweep_next(job);
            if (run < 0) {
                more = 0;
                break;
            }
            /* The next run goes to an idle worker, or a new one. */
            int slot = -1;
            for (int i = 0; i < jobs && slot < 0; i++)
                if (ws[i].pid && !ws[i].busy)
                    slot = i;
            if (slot < 0) {
                for (int i = 0; i < jobs && slot < 0; i++)
                    if (!ws[i].pid)
                        slot = i;
                if (spawn(job, ws, jobs, slot, parent, &old, prog) != 0) {
                    rc = samen_error_set(err, SAMEN_EIO, NULL, 0, NULL,
                                         "cannot start a run's process: %s", strerror(errno));
                    stopping = 1;
                    break;
                }
            }
            ws[slot].busy = 1;
            ws[slot].run = (size_t)run;
            busy++;
            /* A write to a worker that has just died fails; its closed
             * pipe then fails the run as its death. */
            uint64_t r = (uint64_t)run;
            (void)write_full(ws[slot].to, &r, sizeof r);
        }
        if (busy == 0)
            break;

        int n = 0;
        for (int i = 0; i < jobs; i++)
            if (ws[i].pid) {
                pfd[n] = (struct pollfd){.fd = ws[i].from, .events = POLLIN};
                slot_of[n++] = i;
            }
        int ready = poll(pfd, (nfds_t)n, 250);

        /* Signals before the pipes: a Ctrl-C reaches the workers too, and
         * their deaths are then a stop, not failed runs. */
        struct timespec now = {0, 0};
        siginfo_t info;
        int sig;
        while ((sig = sigtimedwait(&mask, &info, &now)) > 0) {
            if ((sig == SIGINT || sig == SIGTERM || sig == SIGHUP) && !stopping) {
                stopping = 1;
                res->interrupted = sig;
                for (int i = 0; i < jobs; i++)
                    if (ws[i].pid)
                        kill(ws[i].pid, SIGTERM);
            }
        }
        for (int k = 0; ready > 0 && k < n; k++) {
            if (!pfd[k].revents)
                continue;
            worker *w = &ws[slot_of[k]];
            int code, len;
            char reason[SAMEN_REASON_MAX + 1];
            if (w->busy && read_full(w->from, &code, sizeof code)
                && read_full(w->from, &len, sizeof len) && len >= 0
                && len < (int)sizeof reason && read_full(w->from, reason, (size_t)len)) {
                reason[len] = '\0';
                w->busy = 0;
                busy--;
                if (code == SAMEN_WORK_UNWRITTEN) {
                    /* A full disk: no run is counted that is not written
                     * whole, and no more are started. */
                    if (rc == SAMEN_OK)
                        rc = samen_sweep_stopped(err, reason);
                    stopping = 1;
                    continue;
                }
                ended(job, w->run, -1, code, reason, res->interrupted != 0, res);
            } else {
                if (w->busy)
                    busy--;
                lost(job, w, res->interrupted != 0, res);
            }
        }
        if (prog && prog->fp) {
            prog->done = res->done;
            prog->failed = res->failed;
            samen_progress_update(prog, 0);
        }
    }
    /* All idle: a closed pipe ends each worker. */
    for (int i = 0; i < jobs; i++)
        if (ws[i].pid) {
            close(ws[i].to);
            while (waitpid(ws[i].pid, NULL, 0) < 0 && errno == EINTR)
                ;
            close(ws[i].from);
        }
    /* A SIGPIPE or SIGCHLD left pending must not reach the caller. */
    sigset_t quiet;
    sigemptyset(&quiet);
    sigaddset(&quiet, SIGCHLD);
    sigaddset(&quiet, SIGPIPE);
    struct timespec now = {0, 0};
    while (sigtimedwait(&quiet, NULL, &now) > 0)
        ;
    sigprocmask(SIG_SETMASK, &old, NULL);
    free(ws);
    free(pfd);
    free(slot_of);
    return rc;
}
