/* args.c: command-line parsing shared by the samen commands. */
#include "cli/args.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/grow.h"

void samen_args_init(samen_args *a, const char *cmd, const char *usage,
                     const samen_optspec *opts, int argc, char **argv)
{
    memset(a, 0, sizeof *a);
    a->cmd = cmd;
    a->usage = usage;
    a->opts = opts;
    a->argc = argc;
    a->argv = argv;
    a->i = 1;
}

int samen_args_error(const samen_args *a, const char *fmt, ...)
{
    fprintf(stderr, "samen %s: ", a->cmd);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'samen %s --help' for usage.\n", a->cmd);
    return 2;
}

/* The option named by arg (its first n bytes), or NULL. */
static const samen_optspec *find_opt(const samen_args *a, const char *arg,
                                     size_t n)
{
    for (const samen_optspec *o = a->opts; o && o->name; o++) {
        if (strlen(o->name) == n && !strncmp(o->name, arg, n))
            return o;
        if (o->alias && strlen(o->alias) == n && !strncmp(o->alias, arg, n))
            return o;
    }
    return NULL;
}

int samen_args_next(samen_args *a, const char **value)
{
    *value = NULL;
    if (a->i >= a->argc)
        return SAMEN_ARG_END;
    const char *arg = a->argv[a->i++];
    if (a->positional_only || arg[0] != '-' || !strcmp(arg, "-")) {
        *value = arg;
        return SAMEN_ARG_POSITIONAL;
    }
    if (!strcmp(arg, "--")) {
        a->positional_only = 1;
        return samen_args_next(a, value);
    }
    if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
        fputs(a->usage, stdout);
        return SAMEN_ARG_HELP;
    }
    const char *eq = !strncmp(arg, "--", 2) ? strchr(arg, '=') : NULL;
    size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
    const samen_optspec *o = find_opt(a, arg, n);
    if (!o) {
        samen_args_error(a, "unknown option '%.*s'", (int)n, arg);
        return SAMEN_ARG_ERROR;
    }
    if (!o->metavar) {
        if (eq) {
            samen_args_error(a, "option %s takes no value", o->name);
            return SAMEN_ARG_ERROR;
        }
        return o->id;
    }
    if (eq) {
        *value = eq + 1;
    } else if (a->i < a->argc) {
        *value = a->argv[a->i++];
    } else {
        samen_args_error(a, "option %s needs a value: %s %s", o->name,
                         o->name, o->metavar);
        return SAMEN_ARG_ERROR;
    }
    return o->id;
}

int samen_parse_whole(const char *s, long long min, long long max,
                      long long *out)
{
    const char *p = s;
    if (*p == '-')
        p++;
    if (!isdigit((unsigned char)*p))
        return -1;
    for (const char *q = p; *q; q++)
        if (!isdigit((unsigned char)*q))
            return -1;
    errno = 0;
    long long v = strtoll(s, NULL, 10);
    if (errno == ERANGE || v < min || v > max)
        return -2;
    *out = v;
    return 0;
}

int samen_args_whole(const samen_args *a, const char *opt, const char *s,
                     long long min, long long max, long long *out)
{
    int rc = samen_parse_whole(s, min, max, out);
    if (rc == -1)
        return samen_args_error(a, "%s: '%s' is not a whole number (only "
                                "digits, optionally a leading -)", opt, s);
    if (rc == -2)
        return samen_args_error(a, "%s: %s is out of range: it must be a whole "
                                "number from %lld to %lld", opt, s, min, max);
    return 0;
}

int samen_overrides_add(samen_overrides *o, const char *key, const char *value)
{
    char **items = samen_grow(o->items, (size_t)o->n, &o->cap, sizeof *items, 8);
    if (!items)
        goto oom;
    o->items = items;
    size_t len = strlen(key) + strlen(value) + 2;
    char *s = malloc(len);
    if (!s)
        goto oom;
    snprintf(s, len, "%s=%s", key, value);
    o->items[o->n++] = s;
    return 0;
oom:
    fputs("samen: out of memory\n", stderr);
    return 1;
}

int samen_overrides_add_set(const samen_args *a, samen_overrides *o,
                            const char *kv)
{
    const char *eq = strchr(kv, '=');
    if (!eq || eq == kv)
        return samen_args_error(a, "--set '%s': expected KEY=VALUE, e.g. "
                                "--set trust.gain=0.2 (samen describe lists "
                                "the keys)", kv);
    size_t n = (size_t)(eq - kv);
    char *key = malloc(n + 1);
    if (!key) {
        fputs("samen: out of memory\n", stderr);
        return 1;
    }
    memcpy(key, kv, n);
    key[n] = '\0';
    int rc = samen_overrides_add(o, key, eq + 1);
    free(key);
    return rc;
}

const char *const *samen_overrides_list(const samen_overrides *o)
{
    return (const char *const *)o->items;
}

void samen_overrides_free(samen_overrides *o)
{
    for (int i = 0; i < o->n; i++)
        free(o->items[i]);
    free(o->items);
    memset(o, 0, sizeof *o);
}

int samen_mkdir_p(const char *path)
{
    size_t len = strlen(path);
    char *p = malloc(len + 1);
    if (!p) {
        errno = ENOMEM;
        return -1;
    }
    memcpy(p, path, len + 1);
    /* Each prefix ending before a '/' is created in turn; one that exists
     * must be a folder. */
    for (size_t i = 1; i <= len; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        if (p[i - 1] == '/')
            continue;
        char c = p[i];
        p[i] = '\0';
        struct stat st;
        if (mkdir(p, 0777) != 0) {
            int e = errno;
            if (e != EEXIST || stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
                free(p);
                errno = (e == EEXIST) ? ENOTDIR : e;
                return -1;
            }
        }
        p[i] = c;
    }
    free(p);
    return 0;
}

int samen_args_none(const char *cmd, const char *usage, int argc, char **argv)
{
    static const samen_optspec none[] = {{0}};
    samen_args a;
    samen_args_init(&a, cmd, usage, none, argc, argv);
    const char *v;
    switch (samen_args_next(&a, &v)) {
    case SAMEN_ARG_END:
        return -1;
    case SAMEN_ARG_HELP:
        return 0;
    case SAMEN_ARG_POSITIONAL:
        return samen_args_error(&a, "takes no arguments, got '%s'", v);
    default:
        return 2;
    }
}

int samen_args_one(const samen_args *a, const char **slot, const char *v,
                   const char *what)
{
    if (*slot)
        return samen_args_error(a, "one %s only (got '%s' and '%s')", what, *slot, v);
    *slot = v;
    return 0;
}

int samen_args_folder(const samen_args *a, const char **dir, const char *v)
{
    return samen_args_one(a, dir, v, "sweep folder");
}

/* 1 if dir/name is a regular file. */
static int has_file(const char *dir, const char *name)
{
    char path[4200];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int samen_args_need_folder(const samen_args *a, const char *dir)
{
    if (!dir)
        return samen_args_error(a, "no sweep folder given (the --out of `samen sweep`)");
    /* a run folder is a likely slip: say what it is rather than that it
     * lacks sweep.ini */
    if (has_file(dir, "run.ini") && !has_file(dir, "sweep.ini")) {
        fprintf(stderr, "samen %s: %s is a run folder (it holds run.ini), not a sweep: "
                "give the --out of `samen sweep`; a run's own results are its "
                "network.csv and events.csv\n", a->cmd, dir);
        return 2;
    }
    return 0;
}

int samen_args_folder_only(const char *cmd, const char *usage, int argc, char **argv,
                           const char **dir)
{
    static const samen_optspec none[] = {{0}};
    samen_args a;
    samen_args_init(&a, cmd, usage, none, argc, argv);
    const char *v;
    int id;
    *dir = NULL;
    while ((id = samen_args_next(&a, &v)) != SAMEN_ARG_END) {
        if (id == SAMEN_ARG_HELP)
            return 0;
        if (id != SAMEN_ARG_POSITIONAL || samen_args_folder(&a, dir, v))
            return 2;
    }
    return samen_args_need_folder(&a, *dir) ? 2 : -1;
}

int samen_args_recorded(int argc, char **argv, char **out)
{
    /* where and how a command reports, not what it runs */
    static const char *const flags[] = {"--force", "--quiet", "-q", "--progress", NULL};
    int n = 0;
    for (int i = 0; i < argc; i++) {
        int skip = 0;
        for (int k = 0; flags[k]; k++)
            skip |= !strcmp(argv[i], flags[k]);
        if (!strcmp(argv[i], "--out"))
            skip = 1 + (i + 1 < argc);
        else if (!strncmp(argv[i], "--out=", 6))
            skip = 1;
        if (skip) {
            i += skip - 1;
            continue;
        }
        out[n++] = argv[i];
    }
    return n;
}
