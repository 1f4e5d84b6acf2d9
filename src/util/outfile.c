/* outfile.c: whole-or-nothing output files and CSV fields (their
 * numbers formatted by numfmt.c). */
#include "util/outfile.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>

/* Outputs are written row by row; a large buffer keeps system calls rare,
 * and one under the malloc mmap threshold (128 KiB) is reused from the heap
 * run after run instead of being mapped and faulted in anew. */
#define OUTFILE_BUFSIZE (1 << 16)

static char *join_path(const char *dir, const char *name, const char *suffix)
{
    size_t n = strlen(dir) + strlen(name) + strlen(suffix) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s", dir, name, suffix);
    return p;
}

int samen_outfile_open(samen_outfile *f, const char *dir, const char *name,
                       samen_error *err)
{
    memset(f, 0, sizeof *f);
    f->tmp_path = join_path(dir, name, ".tmp");
    f->final_path = join_path(dir, name, "");
    f->buf = malloc(OUTFILE_BUFSIZE);
    if (!f->tmp_path || !f->final_path || !f->buf) {
        samen_outfile_discard(f);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    f->fp = fopen(f->tmp_path, "w");
    if (!f->fp) {
        int e = errno;
        /* a missing folder is named by the file the user asked for; any
         * other failure by the temporary file that could not be made */
        if (e == ENOENT)
            samen_error_set(err, SAMEN_EIO, f->final_path, 0, NULL,
                            "cannot create the file: the folder %s does not exist", dir);
        else
            samen_error_set(err, SAMEN_EIO, f->tmp_path, 0, NULL,
                            "cannot create file: %s", strerror(e));
        samen_outfile_discard(f);
        return SAMEN_EIO;
    }
    setvbuf(f->fp, f->buf, _IOFBF, OUTFILE_BUFSIZE);
    return SAMEN_OK;
}

int samen_outfile_close(samen_outfile *f, samen_error *err)
{
    if (!f->fp)
        return SAMEN_OK;
    int bad = ferror(f->fp);
    int e = errno;
    if (fflush(f->fp) != 0) {
        bad = 1;
        e = errno;
    }
    if (fclose(f->fp) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    f->fp = NULL;
    if (bad) {
        samen_error_set(err, SAMEN_EIO, f->final_path, 0, NULL,
                        "cannot write file: %s", strerror(e));
        samen_outfile_discard(f);
        return SAMEN_EIO;
    }
    return SAMEN_OK;
}

int samen_outfile_commit(samen_outfile *f, samen_error *err)
{
    int rc = samen_outfile_close(f, err);
    if (rc)
        return rc;
    if (rename(f->tmp_path, f->final_path) != 0) {
        int e = errno;
        samen_error_set(err, SAMEN_EIO, f->final_path, 0, NULL,
                        "cannot rename %s into place: %s", f->tmp_path, strerror(e));
        samen_outfile_discard(f);
        return SAMEN_EIO;
    }
    free(f->tmp_path);
    free(f->final_path);
    free(f->buf);
    memset(f, 0, sizeof *f);
    return SAMEN_OK;
}

void samen_outfile_discard(samen_outfile *f)
{
    if (f->fp)
        fclose(f->fp);
    if (f->tmp_path)
        unlink(f->tmp_path);
    free(f->tmp_path);
    free(f->final_path);
    free(f->buf);
    memset(f, 0, sizeof *f);
}

int samen_remove_folder(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char *p = join_path(dir, e->d_name, "");
        if (p)
            unlink(p);
        free(p);
    }
    closedir(d);
    return rmdir(dir);
}

int samen_csv_needs_quotes(const char *s, size_t n)
{
    /* White space at either end too: CSV readers (libcsv among them) trim
     * it from an unquoted field, and run.ini must read back the same. */
    return strpbrk(s, ",\"\r\n")
           || (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'));
}

void samen_csv_text(FILE *fp, const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    if (samen_csv_needs_quotes(s, n))
        csv_fwrite(fp, s, n);
    else
        fwrite(s, 1, n, fp);
}

void samen_csv_num(FILE *fp, double v)
{
    char buf[32];
    size_t n = samen_fmt_num_len(buf, v);
    fwrite(buf, 1, n, fp);
}
