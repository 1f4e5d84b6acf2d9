/* main.c: the main of `samen` (and, built with -DSAMEN_MPI, of
 * samen-mpi): what the program sets for the whole process, which the
 * library leaves alone, then the command (commands.c). */
#include <stdio.h>
#include <sys/resource.h>

#include <gsl/gsl_errno.h>
#include <igraph.h>

#include "cli/commands.h"
#ifdef SAMEN_MPI
#include "cli/mpi_main.h"
#endif

/* A sweep's index keeps each writer's part files open while it reads a
 * folder (parts.h): allow as many as the hard limit does. */
static void more_files(void)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

int main(int argc, char **argv)
{
    /* GSL's and igraph's default handlers abort the process (gsl_rng_alloc
     * out of memory, say); samen checks every return, so errors come back
     * as values and end in a message and exit 1. */
    gsl_set_error_handler_off();
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    more_files();
#ifdef SAMEN_MPI
    return samen_mpi_main(argc, argv);
#else
    return samen_dispatch("samen", argc, argv);
#endif
}
