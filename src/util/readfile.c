/* readfile.c: a whole file into memory (readfile.h). */
#include "util/readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *samen_read_file(const char *path, size_t *len, samen_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        samen_error_set(err, SAMEN_EIO, path, 0, NULL, "cannot open file: %s", strerror(errno));
        return NULL;
    }
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        /* Room for a piece and the NUL. */
        if (cap - n < 4097) {
            size_t c = cap ? 2 * cap : 65536;
            char *grown = realloc(buf, c);
            if (!grown) {
                samen_error_set(err, SAMEN_EIO, path, 0, NULL, "out of memory");
                break;
            }
            buf = grown;
            cap = c;
        }
        ssize_t k = read(fd, buf + n, cap - n - 1);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            samen_error_set(err, SAMEN_EIO, path, 0, NULL, "cannot read file: %s",
                            strerror(errno));
            break;
        }
        if (k == 0) {
            close(fd);
            buf[n] = '\0';
            *len = n;
            return buf;
        }
        n += (size_t)k;
    }
    free(buf);
    close(fd);
    return NULL;
}
