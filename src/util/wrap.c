/* wrap.c: writes text wrapped between its words so that no line passes a
 * width (see wrap.h). */
#include "util/wrap.h"

#include <string.h>

int samen_wrap(FILE *fp, const char *text, const char *sep, int col, int indent, int width)
{
    int fresh = 1; /* nothing written since the start or the last indent */
    for (const char *p = text; *p;) {
        p += strspn(p, sep);
        int w = (int)strcspn(p, sep);
        if (!w)
            break;
        if (!fresh && col + 1 + w > width) {
            fprintf(fp, "\n%*s", indent, "");
            col = indent;
            fresh = 1;
        }
        if (!fresh) {
            fputc(' ', fp);
            col++;
        }
        while (col + w > width) {
            int part = width - col > 0 ? width - col : 1;
            fprintf(fp, "%.*s\n%*s", part, p, indent, "");
            p += part;
            w -= part;
            col = indent;
        }
        col += fprintf(fp, "%.*s", w, p);
        p += w;
        fresh = 0;
    }
    return col;
}
