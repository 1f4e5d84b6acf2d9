/* fuzz_partlog.c: the sweep's part log line parser (samen_log_parse). A
 * random line almost never carries its own right CRC-32, so an input whose
 * first byte is even is taken as the text before " crc=" and given its
 * right checksum: the parser's fields are reached, not only its check. A
 * line that parses must format to a line that parses the same. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sweep/parts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char line[8192];
    if (size < 1 || size > sizeof line - 32)
        return 0;
    size_t len = size - 1;
    memcpy(line, data + 1, len);
    if (!(data[0] & 1))
        len += (size_t)snprintf(line + len, sizeof line - len, " crc=%08x",
                                (unsigned)samen_crc32(0, line, len));
    samen_log_entry e, f;
    if (samen_log_parse(line, len, &e) != 0)
        return 0;
    /* What parsed formats to a line that parses to the same entry (the
     * text may differ: leading zeros, the order of the parts). A reason is
     * a C string where runs fail (samen_error_line): one with a NUL byte,
     * possible only in a parsed line, is not formatted again. */
    if (e.status == SAMEN_RUN_FAILED && memchr(e.reason, 0, e.reason_len))
        return 0;
    char again[sizeof line + 64];
    size_t n = samen_log_format(again, sizeof again, &e);
    int same = n > 0 && samen_log_parse(again, n - 1, &f) == 0 && f.run == e.run
               && f.status == e.status && f.parts == e.parts
               && !memcmp(f.range, e.range, sizeof f.range) && f.reason_len == e.reason_len;
    if (!same) {
        fprintf(stderr, "fuzz_partlog: parsed line formats as\n%.*s", (int)n, again);
        abort();
    }
    return 0;
}
