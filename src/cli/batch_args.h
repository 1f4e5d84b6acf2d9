/* batch_args.h: the options shared by `samen sweep` and `samen fit`
 * (batch_args.c). */
#ifndef SAMEN_CLI_BATCH_ARGS_H
#define SAMEN_CLI_BATCH_ARGS_H

typedef struct samen_batch_opts {
    const char *file;
    char *out;            /* owned */
    long long jobs;
    int resume, quiet, progress;
    long long shard_i, shard_n;
} samen_batch_opts;

/* Parses FILE [--out DIR] [-j N] [--resume] [--shard I/N] [--quiet]
 * [--progress] (argv[0] the command, cmd, whose usage --help prints; what
 * names FILE in messages). The default --out is results/NAME followed by
 * suffix, NAME the file's name without .ini; the default -j the CPUs this
 * process may use. Returns -1 to go on (free o->out), else the exit
 * status. */
int samen_batch_args(const char *cmd, const char *usage, const char *what,
                     const char *suffix, int argc, char **argv, samen_batch_opts *o);

/* Copies argv into split (room for 2 argc) with "-j4" as "-j" "4", as
 * make users type it; returns the new count. */
int samen_split_jobs(int argc, char **argv, char **split);

#endif
