/* commands.h: one entry point per `samen` command, each in its own file
 * (cmd_<name>.c). Each takes the arguments after the command name
 * (argv[0] is the command name) and returns the exit status:
 * 0 done, 1 a run failed, 2 bad input or usage. */
#ifndef SAMEN_COMMANDS_H
#define SAMEN_COMMANDS_H

int samen_cmd_run(int argc, char **argv);
int samen_cmd_sweep(int argc, char **argv);
int samen_cmd_fit(int argc, char **argv);
int samen_cmd_predict(int argc, char **argv);
int samen_cmd_collect(int argc, char **argv);
int samen_cmd_rerun(int argc, char **argv);
int samen_cmd_summarise(int argc, char **argv);
int samen_cmd_analyse(int argc, char **argv);
int samen_cmd_export(int argc, char **argv);
int samen_cmd_check(int argc, char **argv);
int samen_cmd_describe(int argc, char **argv);
int samen_cmd_generate(int argc, char **argv);
int samen_cmd_version(int argc, char **argv);

/* `samen check` on a sweep file (one with a [sweep] section) is handed to
 * this, with the same arguments. */
int samen_cmd_check_sweep(int argc, char **argv);
/* `samen check FIT`: validates a fit file and prints it resolved (cmd_fit.c). */
int samen_check_fit(const char *file);

/* One command: its name, entry point and line of the usage. */
typedef struct samen_command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
} samen_command;

/* Every command, in the order of the usage; ends with a NULL name. */
extern const samen_command samen_commands[];

/* `PROG COMMAND ...` (argv[0] PROG): runs the command of samen_commands,
 * or prints the usage (--help, no command: status 2) or the version.
 * Returns the exit status. */
int samen_dispatch(const char *prog, int argc, char **argv);

#endif
