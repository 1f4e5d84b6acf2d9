/* clock.h: seconds on the monotonic clock, for rates and shares of wall
 * time (a sweep's progress line, a fit's candidates per second and the
 * engine's own share). */
#ifndef SAMEN_CLOCK_H
#define SAMEN_CLOCK_H

#include <time.h>

static inline double samen_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

#endif
