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

#endif
