/* error.c: filling and printing the samen_error record. */
#include "samen/error.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void samen_error_clear(samen_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

int samen_error_set(samen_error *err, int code, const char *file, int line,
                    const char *key, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    err->line = line;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    snprintf(err->key, sizeof err->key, "%s", key ? key : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

void samen_error_print(const samen_error *err, FILE *fp)
{
    fputs("samen: ", fp);
    if (err->file[0]) {
        fputs(err->file, fp);
        if (err->line > 0)
            fprintf(fp, ":%d", err->line);
        fputs(": ", fp);
    }
    if (err->key[0])
        fprintf(fp, "%s: ", err->key);
    fprintf(fp, "%s\n", err->msg);
}

void samen_error_line(const samen_error *err, char *buf, size_t n)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (mem) {
        samen_error_print(err, mem);
        fclose(mem);
    }
    const char *line = text ? text : err->msg;
    if (!strncmp(line, "samen: ", 7))
        line += 7;
    snprintf(buf, n, "%s", line);
    free(text);
    size_t l = strlen(buf);
    if (l && buf[l - 1] == '\n')
        buf[l - 1] = '\0';
}
