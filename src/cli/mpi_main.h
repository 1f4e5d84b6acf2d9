/* mpi_main.h: the main of samen-mpi, the MPI build (make MPI=1). */
#ifndef SAMEN_MPI_MAIN_H
#define SAMEN_MPI_MAIN_H

/* `samen-mpi sweep ...` spreads the runs over the MPI ranks: rank 0 hands
 * them out one at a time, the other ranks run them. Every other command
 * runs on rank 0 as in the plain binary. Returns the exit status. */
int samen_mpi_main(int argc, char **argv);

#endif
