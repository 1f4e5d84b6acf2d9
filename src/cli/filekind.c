/* filekind.c: tells a sweep file from a scenario by its section headers
 * in the first 64 KiB, read as the INI readers read them (a byte order
 * mark, spaces inside the brackets and a comment after them allowed). Only
 * a regular file is looked into: a pipe is read once, by its reader. */
#include "cli/filekind.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* The section name of a header line "[ name ]" into name (n bytes), or 0. */
static int header_name(const char *p, char *name, size_t n)
{
    while (isspace((unsigned char)*p))
        p++;
    if (*p++ != '[')
        return 0;
    while (*p == ' ' || *p == '\t')
        p++;
    const char *end = strchr(p, ']');
    if (!end)
        return 0;
    const char *after = end + 1;
    while (*after == ' ' || *after == '\t')
        after++;
    if (*after && *after != '\n' && *after != '\r' && *after != ';' && *after != '#')
        return 0;
    while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    snprintf(name, n, "%.*s", (int)(end - p), p);
    return 1;
}

int samen_file_kind(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    FILE *fp = fopen(path, "r");
    if (!fp)
        return 0;
    char line[512], name[512];
    int kind = 0, line_start = 1, first = 1;
    long seen = 0;
    while (seen < 65536 && fgets(line, sizeof line, fp)) {
        seen += (long)strlen(line);
        int starts = line_start;
        line_start = strchr(line, '\n') != NULL;
        if (!starts)
            continue; /* the rest of a long line */
        const char *p = line;
        if (first && !strncmp(p, "\xef\xbb\xbf", 3))
            p += 3; /* a UTF-8 byte order mark, as the readers skip it */
        first = 0;
        if (!header_name(p, name, sizeof name))
            continue;
        if (!strcmp(name, "sweep"))
            kind |= SAMEN_FILE_SWEEP;
        else if (!strcmp(name, "fit"))
            kind |= SAMEN_FILE_FIT;
        else if (!strcmp(name, "simulation") || !strcmp(name, "organisations") ||
                 (!strncmp(name, "network", 7) && isspace((unsigned char)name[7])))
            kind |= SAMEN_FILE_SCENARIO;
    }
    fclose(fp);
    return kind;
}
