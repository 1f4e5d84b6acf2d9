/* partlog.c: the log line a writer appends after each run (FORMATS.md
 * "samen sweep writes into --out"): the run, its status and, for a run
 * done, the byte range and CRC-32 of its rows in each of the writer's
 * part files. The line ends with a CRC-32 of its own text, so a line that
 * was cut short or changed on disk is never taken for a run done. */
#include "sweep/parts.h"
#include "output/descriptors.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

const samen_table *samen_part_table(int part)
{
    return &samen_tables[part];
}

/* A part file's rows are a run's rows of the table with its run number
 * first; the summary part holds summary.csv's own columns of the run. */
void samen_part_header(FILE *fp, int part)
{
    fputs("run,", fp);
    samen_table_header(fp, samen_part_table(part));
    fputc('\n', fp);
}

uint32_t samen_crc32(uint32_t crc, const void *data, size_t n)
{
    const unsigned char *p = data;
    uLong c = crc;
    /* zlib takes a uInt length: feed large buffers in pieces. */
    while (n > 0) {
        uInt k = n > 0x40000000u ? 0x40000000u : (uInt)n;
        c = crc32(c, p, k);
        p += k;
        n -= k;
    }
    return (uint32_t)c;
}

size_t samen_log_format(char *buf, size_t n, const samen_log_entry *e)
{
    size_t used = 0;
    int w = snprintf(buf, n, "%zu %s", e->run, e->status == SAMEN_RUN_DONE ? "done" : "failed");
    if (w < 0 || (size_t)w >= n)
        return 0;
    used = (size_t)w;
    if (e->status == SAMEN_RUN_DONE) {
        for (int p = 0; p < SAMEN_PART_COUNT; p++) {
            if (!(e->parts & (1u << p)))
                continue;
            w = snprintf(buf + used, n - used, " %s=%" PRIu64 "+%" PRIu64 "/%08" PRIx32,
                         samen_part_name(p), e->range[p].off, e->range[p].len,
                         e->range[p].crc);
            if (w < 0 || (size_t)w >= n - used)
                return 0;
            used += (size_t)w;
        }
    } else {
        w = snprintf(buf + used, n - used, " reason=%.*s", (int)e->reason_len, e->reason);
        if (w < 0 || (size_t)w >= n - used)
            return 0;
        /* One line per run: a reason never breaks it. */
        for (size_t i = used; i < used + (size_t)w; i++)
            if ((unsigned char)buf[i] < 0x20 || buf[i] == 0x7f)
                buf[i] = ' ';
        used += (size_t)w;
    }
    uint32_t crc = samen_crc32(0, buf, used);
    w = snprintf(buf + used, n - used, " crc=%08" PRIx32 "\n", crc);
    if (w < 0 || (size_t)w >= n - used)
        return 0;
    return used + (size_t)w;
}

/* Parses an unsigned decimal number of at most 20 digits at *p. */
static int number(const char **p, const char *end, uint64_t *v)
{
    const char *s = *p;
    uint64_t x = 0;
    int digits = 0;
    while (s < end && *s >= '0' && *s <= '9' && digits < 20) {
        uint64_t d = (uint64_t)(*s - '0');
        if (x > (UINT64_MAX - d) / 10)
            return -1;
        x = 10 * x + d;
        s++;
        digits++;
    }
    if (!digits)
        return -1;
    *p = s;
    *v = x;
    return 0;
}

static int hex32(const char **p, const char *end, uint32_t *v)
{
    const char *s = *p;
    uint32_t x = 0;
    if (end - s < 8)
        return -1;
    for (int i = 0; i < 8; i++, s++) {
        int d = *s >= '0' && *s <= '9' ? *s - '0' : *s >= 'a' && *s <= 'f' ? *s - 'a' + 10 : -1;
        if (d < 0)
            return -1;
        x = x << 4 | (uint32_t)d;
    }
    *p = s;
    *v = x;
    return 0;
}

static int word(const char **p, const char *end, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(end - *p) < n || memcmp(*p, w, n))
        return -1;
    *p += n;
    return 0;
}

int samen_log_parse(const char *line, size_t len, samen_log_entry *e)
{
    static const char tail[] = " crc=";
    const size_t tl = sizeof tail - 1;
    memset(e, 0, sizeof *e);
    if (len < tl + 8 || memcmp(line + len - 8 - tl, tail, tl))
        return -1;
    const char *end = line + len - 8 - tl, *p = end + tl;
    uint32_t crc;
    if (hex32(&p, line + len, &crc) || crc != samen_crc32(0, line, (size_t)(end - line)))
        return -1;
    p = line;
    uint64_t run;
    if (number(&p, end, &run) || run > SIZE_MAX)
        return -1;
    e->run = (size_t)run;
    if (!word(&p, end, " failed reason=")) {
        e->status = SAMEN_RUN_FAILED;
        e->reason = p;
        e->reason_len = (size_t)(end - p);
        return 0;
    }
    if (word(&p, end, " done"))
        return -1;
    e->status = SAMEN_RUN_DONE;
    while (p < end) {
        int part = -1;
        if (word(&p, end, " "))
            return -1;
        for (int i = 0; i < SAMEN_PART_COUNT && part < 0; i++) {
            const char *q = p;
            if (!word(&q, end, samen_part_name(i)) && !word(&q, end, "=")) {
                part = i;
                p = q;
            }
        }
        samen_range *r = part >= 0 ? &e->range[part] : NULL;
        if (!r || (e->parts & (1u << part)) || number(&p, end, &r->off) || word(&p, end, "+")
            || number(&p, end, &r->len) || word(&p, end, "/") || hex32(&p, end, &r->crc)
            || r->off > UINT64_MAX - r->len)
            return -1;
        e->parts |= 1u << part;
    }
    return 0;
}
