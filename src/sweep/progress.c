/* progress.c: the progress line of a sweep (done/total, failures, rate,
 * ETA), redrawn in place on a terminal, a line now and then in a log. */
#include "sweep/jobs.h"

#include "util/clock.h"

/* Seconds between lines in a log; between redraws on a terminal. */
#define LOG_EVERY 10.0
#define TTY_EVERY 0.2

void samen_progress_start(samen_progress *p, FILE *fp, int tty, size_t total)
{
    p->fp = fp;
    p->tty = tty;
    p->total = total;
    p->done = p->failed = 0;
    p->t0 = p->last = samen_now();
}

static void draw(samen_progress *p, double t)
{
    size_t finished = p->done + p->failed;
    double elapsed = t - p->t0;
    double rate = elapsed > 0 ? (double)finished / elapsed : 0.0;
    fprintf(p->fp, "%ssamen sweep: %zu/%zu runs done, %zu failed, %.1f runs/s",
            p->tty ? "\r" : "", p->done, p->total, p->failed, rate);
    if (finished < p->total && rate > 0) {
        long eta = (long)((double)(p->total - finished) / rate + 0.5);
        fprintf(p->fp, ", ETA %ld:%02ld:%02ld", eta / 3600, eta / 60 % 60, eta % 60);
    } else if (finished >= p->total) {
        long el = (long)(elapsed + 0.5);
        fprintf(p->fp, ", took %ld:%02ld:%02ld", el / 3600, el / 60 % 60, el % 60);
    }
    fputs(p->tty ? "\033[K" : "\n", p->fp);
    fflush(p->fp);
    p->last = t;
}

void samen_progress_update(samen_progress *p, int force)
{
    if (!p || !p->fp)
        return;
    double t = samen_now();
    if (force || t - p->last >= (p->tty ? TTY_EVERY : LOG_EVERY))
        draw(p, t);
}

void samen_progress_finish(samen_progress *p)
{
    if (!p || !p->fp)
        return;
    draw(p, samen_now());
    if (p->tty)
        fputc('\n', p->fp);
    fflush(p->fp);
}
