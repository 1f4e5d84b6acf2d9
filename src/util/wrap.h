/* wrap.h: text wrapped between its words to a width, for run.ini's long
 * values and `samen describe`. */
#ifndef SAMEN_WRAP_H
#define SAMEN_WRAP_H

#include <stdio.h>

/* Writes the words of text (separated by any character of sep) to fp from
 * column col on, one space between words, starting a new line indented by
 * indent spaces where the next word would pass width; a word longer than a
 * line is cut. The first word follows at col without a space. Does not end
 * the last line; returns the column it reached. */
int samen_wrap(FILE *fp, const char *text, const char *sep, int col, int indent, int width);

#endif
