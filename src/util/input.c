/* input.c: opening input files by kind: regular files up to a limit,
 * pipes read whole once; devices (/dev/zero would be read forever),
 * folders and sockets refused at once with the reason. */
#include "util/input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "samen/error.h"

static int fail(samen_input *in, int code, const char *why)
{
    in->code = code;
    snprintf(in->why, sizeof in->why, "%s", why);
    return -1;
}

/* Refuses what is not a regular file or a pipe, and files too large. */
static int kind_ok(samen_input *in, const struct stat *st)
{
    if (S_ISDIR(st->st_mode))
        return fail(in, SAMEN_EINPUT, "it is a folder, not a file");
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
        return fail(in, SAMEN_EINPUT, "it is a device, not a file (samen reads regular "
                    "files and pipes)");
    if (!S_ISREG(st->st_mode) && !S_ISFIFO(st->st_mode))
        return fail(in, SAMEN_EINPUT, "it is not a regular file or a pipe");
    if (S_ISREG(st->st_mode) && (unsigned long long)st->st_size > SAMEN_INPUT_MAX)
        return fail(in, SAMEN_EINPUT, "it is larger than 1 GiB, the most samen reads");
    return 0;
}

/* Clears in, then what path is must be a kind samen reads. */
static int path_ok(samen_input *in, const char *path, struct stat *st)
{
    memset(in, 0, sizeof *in);
    if (stat(path, st) != 0)
        return fail(in, SAMEN_EINPUT, strerror(errno));
    return kind_ok(in, st);
}

int samen_input_check(samen_input *in, const char *path)
{
    struct stat st;
    if (path_ok(in, path, &st))
        return -1;
    if (access(path, R_OK) != 0)
        return fail(in, SAMEN_EINPUT, strerror(errno));
    return 0;
}

/* A pipe's bytes, up to the limit, as a stream over memory. */
static int read_pipe(samen_input *in, int fd)
{
    size_t cap = 65536, n = 0;
    in->buf = malloc(cap);
    for (;;) {
        if (!in->buf)
            return fail(in, SAMEN_EIO, "out of memory");
        if (n == cap) {
            if (n > SAMEN_INPUT_MAX)
                return fail(in, SAMEN_EINPUT, "it holds more than 1 GiB, the most "
                            "samen reads");
            /* One byte over the limit is enough to know it is over. */
            cap = cap * 2 > SAMEN_INPUT_MAX + 1 ? SAMEN_INPUT_MAX + 1 : cap * 2;
            char *grown = realloc(in->buf, cap);
            if (!grown)
                return fail(in, SAMEN_EIO, "out of memory");
            in->buf = grown;
        }
        ssize_t k = read(fd, in->buf + n, cap - n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return fail(in, SAMEN_EINPUT, strerror(errno));
        if (k == 0)
            break;
        n += (size_t)k;
    }
    /* fmemopen wants a size of at least 1: an empty pipe reads as "". */
    if (n == 0)
        in->buf[0] = '\0';
    in->fp = fmemopen(in->buf, n ? n : 1, "r");
    if (in->fp && n == 0)
        getc(in->fp); /* at the end at once */
    return in->fp ? 0 : fail(in, SAMEN_EIO, "out of memory");
}

int samen_input_open(samen_input *in, const char *path)
{
    struct stat st;
    /* Checked before opening too: opening a device can have effects. */
    if (path_ok(in, path, &st))
        return -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return fail(in, SAMEN_EINPUT, strerror(errno));
    if (fstat(fd, &st) != 0 || kind_ok(in, &st)) {
        if (!in->why[0])
            fail(in, SAMEN_EINPUT, strerror(errno));
        close(fd);
        return -1;
    }
    if (S_ISFIFO(st.st_mode)) {
        int rc = read_pipe(in, fd);
        close(fd);
        if (rc)
            samen_input_close(in);
        return rc;
    }
    in->fp = fdopen(fd, "r");
    if (!in->fp) {
        close(fd);
        return fail(in, SAMEN_EIO, "out of memory");
    }
    return 0;
}

void samen_input_close(samen_input *in)
{
    if (in->fp)
        fclose(in->fp);
    free(in->buf);
    in->fp = NULL;
    in->buf = NULL;
}
