/* args.h: command-line parsing shared by the samen commands: a small
 * option iterator (--opt VALUE, --opt=VALUE, --, --help), strict whole
 * numbers, --set collection and usage errors that end in exit status 2. */
#ifndef SAMEN_ARGS_H
#define SAMEN_ARGS_H

#include "samen/scenario.h"

/* One option a command accepts; a table of them ends with a zeroed entry. */
typedef struct samen_optspec {
    const char *name;     /* long form, "--out" */
    const char *alias;    /* short form, "-j", or NULL */
    const char *metavar;  /* the value's name for messages ("DIR"); NULL for a flag */
    int id;               /* returned by samen_args_next; must be >= 0 */
} samen_optspec;

/* The iterator over one command's arguments (argv[0] is the command name). */
typedef struct samen_args {
    const char *cmd;           /* "run": messages say "samen run: ..." */
    const char *usage;         /* printed to stdout on --help */
    const samen_optspec *opts;
    int argc;
    char **argv;
    int i;                     /* next argument to read */
    int positional_only;       /* after "--" */
} samen_args;

/* What samen_args_next returns besides an option id. */
enum {
    SAMEN_ARG_END = -1,        /* no more arguments */
    SAMEN_ARG_POSITIONAL = -2, /* *value is the argument */
    SAMEN_ARG_HELP = -3,       /* --help or -h: usage printed to stdout; exit 0 */
    SAMEN_ARG_ERROR = -4       /* message and hint printed to stderr; exit 2 */
};

void samen_args_init(samen_args *a, const char *cmd, const char *usage,
                     const samen_optspec *opts, int argc, char **argv);

/* Reads the next argument. For an option returns its id and sets *value to
 * its value (NULL for a flag); "--name=value" is accepted for options with
 * a value. An unknown option, a missing value or a value given to a flag
 * prints a message with a usage hint and returns SAMEN_ARG_ERROR. */
int samen_args_next(samen_args *a, const char **value);

/* Prints "samen CMD: MESSAGE" and a hint to run --help to stderr; returns
 * 2, the exit status for bad usage. */
int samen_args_error(const samen_args *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Parses s strictly as a whole number: optional '-', decimal digits only,
 * nothing before or after, within [min, max]. Returns 0 and sets *out, or
 * -1 when s is not a whole number, -2 when it is out of range. */
/* For commands that take no arguments: parses argv (handling --help).
 * Returns -1 when the command should go on, else the exit status. */
int samen_args_none(const char *cmd, const char *usage, int argc, char **argv);

int samen_parse_whole(const char *s, long long min, long long max,
                      long long *out);

/* samen_parse_whole for the value of option opt, with a message naming the
 * option and the allowed range on failure. Returns 0, or 2 (printed). */
int samen_args_whole(const samen_args *a, const char *opt, const char *s,
                     long long min, long long max, long long *out);

/* The one positional argument WHAT (a "sweep file", a "folder"): takes v
 * into *slot, or refuses a second one. Returns 0, or 2 (printed). */
int samen_args_one(const samen_args *a, const char **slot, const char *v,
                   const char *what);

/* For commands that read a sweep folder: samen_args_one for it. */
int samen_args_folder(const samen_args *a, const char **dir, const char *v);

/* Refuses a command line without its sweep folder, or with a run folder
 * in its place. Returns 0, or 2 (printed). */
int samen_args_need_folder(const samen_args *a, const char *dir);

/* For commands that take one sweep folder and no options: parses argv
 * (handling --help) into *dir. Returns -1 when the command should go on,
 * else the exit status. */
int samen_args_folder_only(const char *cmd, const char *usage, int argc, char **argv,
                           const char **dir);

/* Scenario overrides "KEY=VALUE" in command-line order, owned copies, for
 * samen_scenario_load (the last of a key wins there). Zero-initialise. */
typedef struct samen_overrides {
    int n;
    size_t cap;
    char **items;
} samen_overrides;

/* Appends "key=value". Returns 0, or 1 when out of memory (printed). */
int samen_overrides_add(samen_overrides *o, const char *key, const char *value);

/* Appends the value of a --set option after checking it has the form
 * KEY=VALUE with a non-empty KEY. Returns 0, or 2 / 1 (printed). */
int samen_overrides_add_set(const samen_args *a, samen_overrides *o,
                            const char *kv);

/* The overrides as samen_scenario_load takes them. */
const char *const *samen_overrides_list(const samen_overrides *o);

void samen_overrides_free(samen_overrides *o);

/* Copies into out (room for argc pointers) the arguments of a command as
 * run.ini records them: without the options that only say where and how
 * it reports (--out DIR, --force, --quiet, --progress), so that the same
 * run into another folder records the same run.ini. Returns their number. */
int samen_args_recorded(int argc, char **argv, char **out);

/* Creates a folder and its missing parents (mkdir -p, mode 0777 less the
 * umask). Returns 0, or -1 with errno set (ENOTDIR when a part of the path
 * is not a folder). */
int samen_mkdir_p(const char *path);

/* Creates dir and refuses it (exit 2) if it holds the outputs of a run or
 * a sweep, unless force. Returns -1 to go on, else the exit status. */
int samen_prepare_out_dir(const char *dir, int force);

#endif
