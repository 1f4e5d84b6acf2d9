/* sweep_command.h: `samen sweep` (cmd_sweep.c) and `samen fit`
 * (cmd_fit.c) with the executor of their runs given, so that samen-mpi
 * (mpi_main_mpi.c) runs the same commands with its ranks. */
#ifndef SAMEN_CLI_SWEEP_COMMAND_H
#define SAMEN_CLI_SWEEP_COMMAND_H

#include "sweep/jobs.h"

/* `samen sweep` with its arguments (argv[0] "sweep"): loads and checks the
 * sweep, claims the folder, runs the runs with exec (NULL: the local
 * pool), rebuilds manifest and summary. Returns the exit status. */
int samen_sweep_command(int argc, char **argv, samen_sweep_executor exec,
                        void *exec_ctx);

/* `samen fit` likewise (argv[0] "fit"): every batch of every generation
 * is run by exec (NULL: the local pool of -j processes). */
int samen_fit_command(int argc, char **argv, samen_sweep_executor exec, void *exec_ctx);

#endif
