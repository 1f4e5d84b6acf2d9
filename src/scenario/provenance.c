/* provenance.c: the lines of run.ini's [samen] section that say where a
 * run came from: source (the scenario file, as an absolute path), command
 * (the command line) and set (the keys the command line overrode). They
 * are accepted on input and never change a run. A run of a run.ini without
 * overrides keeps the lines it read, byte for byte, so that it writes the
 * same run.ini as the run it repeats. */
#include "scenario/scenario_int.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util/wrap.h"

static const char *const keys[] = {"source", "command", "set", NULL};

/* The key a line of [samen] sets, if it is one of keys, else NULL. */
static const char *own_key(const char *line)
{
    for (int i = 0; keys[i]; i++) {
        size_t n = strlen(keys[i]);
        if (strncmp(line, keys[i], n))
            continue;
        const char *p = line + n;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '=' || *p == ':')
            return keys[i];
    }
    return NULL;
}

/* Nonzero if line is the header [samen] (spaces allowed, as ini.c takes). */
static int samen_header(const char *line)
{
    const char *p = line + 1;
    while (*p == ' ' || *p == '\t')
        p++;
    if (strncmp(p, "samen", 5))
        return 0;
    p += 5;
    while (*p == ' ' || *p == '\t')
        p++;
    return *p == ']';
}

/* Writes the provenance lines of the scenario file at path, with their
 * indented continuation lines, to out; *found tells whether it has a
 * source line. A file that cannot be read has none. */
static void read_own(const char *path, FILE *out, int *found)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int in_samen = 0, keep = 0, first = 1;
    while ((len = getline(&line, &cap, fp)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        char *s = line;
        if (first && !strncmp(s, "\xef\xbb\xbf", 3))
            s += 3;
        first = 0;
        if (s[0] == '[') {
            in_samen = samen_header(s);
            keep = 0;
        } else if (!in_samen) {
            continue;
        } else if (s[0] == ' ' || s[0] == '\t') {
            if (keep && s[strspn(s, " \t")])
                fprintf(out, "%s\n", s);
        } else {
            const char *k = own_key(s);
            keep = k != NULL;
            if (keep)
                fprintf(out, "%s\n", s);
            *found |= k == keys[0];
        }
    }
    free(line);
    fclose(fp);
}

/* Writes "key = text", wrapped onto indented continuation lines between
 * the words of text (separated by sep, written as a space; "" for one
 * word); a word too long for a line is cut. */
static void put_text(FILE *out, const char *key, const char *text, const char *sep)
{
    int col = fprintf(out, "%s = ", key);
    samen_wrap(out, text, sep, col, 3, SAMEN_INI_WRAP);
    fputc('\n', out);
}

/* The character of c that a line of run.ini can hold: control characters
 * and, in text that is not UTF-8, every byte above ASCII become '?'. */
static int printable(unsigned char c, int utf8)
{
    return c < 0x20 || c == 0x7f || (c >= 0x80 && !utf8) ? '?' : c;
}

/* A command-line word as a POSIX shell reads it back: as it is when it
 * holds only safe characters, else in single quotes. */
static void put_word(FILE *out, const char *w)
{
    int safe = *w != '\0';
    for (const char *p = w; *p; p++)
        safe &= isalnum((unsigned char)*p) || strchr("_@%+=:,./-", *p) != NULL;
    int utf8 = !samen_text_problem(w, strlen(w));
    if (!safe)
        fputc('\'', out);
    for (const char *p = w; *p; p++) {
        if (*p == '\'')
            fputs("'\\''", out);
        else
            fputc(printable((unsigned char)*p, utf8), out);
    }
    if (!safe)
        fputc('\'', out);
}

/* The new provenance of a run: source, command and set. */
static int put_new(const samen_scenario *sc, int argc, char **argv,
                   const char *const *ov, int n_ov, FILE *out)
{
    char abs[PATH_MAX];
    char *source = strdup(realpath(sc->path, abs) ? abs : sc->path);
    char *cmd = NULL;
    size_t cmd_len = 0;
    FILE *mem = open_memstream(&cmd, &cmd_len);
    if (!source || !mem) {
        free(source);
        if (mem)
            fclose(mem);
        free(cmd);
        return -1;
    }
    /* words apart by \1, which put_word never writes, so that the
     * command wraps between words, not inside a quoted one */
    fputs("samen", mem);
    for (int i = 0; i < argc; i++) {
        fputc('\1', mem);
        put_word(mem, argv[i]);
    }
    if (fclose(mem) != 0) {
        free(source);
        free(cmd);
        return -1;
    }
    int utf8 = !samen_text_problem(source, strlen(source));
    for (char *p = source; *p; p++)
        *p = (char)printable((unsigned char)*p, utf8);
    put_text(out, "source", source, "");
    put_text(out, "command", cmd, "\1");
    free(source);
    free(cmd);
    /* the keys, each once, in the order first given */
    samen_list_out l = samen_list_begin(out, "set");
    for (int i = 0; i < n_ov; i++) {
        size_t k = strcspn(ov[i], "=");
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = strcspn(ov[j], "=") == k && !strncmp(ov[i], ov[j], k);
        char key[SAMEN_MAX_KEY_TEXT + 1];
        snprintf(key, sizeof key, "%.*s", (int)k, ov[i]);
        if (!seen)
            samen_list_item(&l, key);
    }
    samen_list_end(&l);
    return 0;
}

/* The text written to a memory stream by fn, or NULL (out of memory). */
static char *capture(int (*fn)(const void *ctx, FILE *out), const void *ctx)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        return NULL;
    int rc = fn(ctx, out);
    if (fclose(out) != 0 || rc) {
        free(text);
        return NULL;
    }
    return text;
}

typedef struct prov_ctx {
    const samen_scenario *sc;
    int argc;
    char **argv;
    const char *const *ov;
    int n_ov;
} prov_ctx;

static int own_lines(const void *ctx, FILE *out)
{
    const prov_ctx *c = ctx;
    int found = 0;
    read_own(c->sc->path, out, &found);
    return found ? 0 : 1;
}

static int new_lines(const void *ctx, FILE *out)
{
    const prov_ctx *c = ctx;
    return put_new(c->sc, c->argc, c->argv, c->ov, c->n_ov, out);
}

int samen_scenario_set_provenance(samen_scenario *sc, int argc, char **argv,
                                  const char *const *overrides, int n_overrides,
                                  samen_error *err)
{
    prov_ctx c = {sc, argc, argv, overrides, n_overrides};
    /* Without overrides a run.ini repeats its run: it keeps its own lines
     * (own_lines fails when the file has none). */
    char *text = n_overrides == 0 ? capture(own_lines, &c) : NULL;
    if (!text)
        text = capture(new_lines, &c);
    if (!text)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    free(sc->provenance);
    sc->provenance = text;
    return SAMEN_OK;
}
