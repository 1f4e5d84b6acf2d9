/* xmlfile.c: whole-or-nothing XML files through xmlTextWriter; see
 * xmlfile.h. */
#include "export/xmlfile.h"

#include <stdlib.h>
#include <string.h>

/* samen_outfile_open takes a folder and a name. */
static int split(const char *path, char **dir, const char **name)
{
    const char *slash = strrchr(path, '/');
    *name = slash ? slash + 1 : path;
    if (!slash)
        *dir = strdup(".");
    else if (slash == path)
        *dir = strdup("/");
    else
        *dir = strndup(path, (size_t)(slash - path));
    return *dir ? 0 : -1;
}

int samen_xml_open(samen_xml *x, const char *path, samen_error *err)
{
    memset(x, 0, sizeof *x);
    char *dir;
    const char *name;
    if (split(path, &dir, &name) != 0)
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    int rc = samen_outfile_open(&x->file, dir, name, err);
    free(dir);
    if (rc)
        return rc;
    /* The buffer writes through the stdio stream, which the outfile
     * flushes, checks and closes; xmlFreeTextWriter only flushes it. */
    xmlOutputBufferPtr out = xmlOutputBufferCreateFile(x->file.fp, NULL);
    if (out && !(x->w = xmlNewTextWriter(out)))
        xmlOutputBufferClose(out);
    if (!x->w) {
        samen_outfile_discard(&x->file);
        return samen_error_set(err, SAMEN_EIO, NULL, 0, NULL, "out of memory");
    }
    x->bad |= xmlTextWriterSetIndent(x->w, 1) < 0;
    x->bad |= xmlTextWriterSetIndentString(x->w, BAD_CAST "  ") < 0;
    x->bad |= xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL) < 0;
    return SAMEN_OK;
}

void samen_xml_start(samen_xml *x, const char *element)
{
    if (!x->bad)
        x->bad = xmlTextWriterStartElement(x->w, BAD_CAST element) < 0;
}

void samen_xml_end(samen_xml *x)
{
    if (!x->bad)
        x->bad = xmlTextWriterEndElement(x->w) < 0;
}

void samen_xml_attr(samen_xml *x, const char *name, const char *value)
{
    if (!x->bad)
        x->bad = xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value) < 0;
}

void samen_xml_attr_num(samen_xml *x, const char *name, double v)
{
    char buf[32];
    samen_xml_attr(x, name, samen_fmt_num(buf, v));
}

void samen_xml_attr_int(samen_xml *x, const char *name, long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", v);
    samen_xml_attr(x, name, buf);
}

void samen_xml_text(samen_xml *x, const char *text)
{
    if (!x->bad)
        x->bad = xmlTextWriterWriteString(x->w, BAD_CAST text) < 0;
}

void samen_xml_element(samen_xml *x, const char *element, const char *text)
{
    if (!x->bad)
        x->bad = xmlTextWriterWriteElement(x->w, BAD_CAST element, BAD_CAST text) < 0;
}

int samen_xml_commit(samen_xml *x, samen_error *err)
{
    if (!x->bad)
        x->bad = xmlTextWriterEndDocument(x->w) < 0;
    xmlFreeTextWriter(x->w);
    x->w = NULL;
    if (x->bad) {
        samen_error_set(err, SAMEN_EIO, x->file.final_path, 0, NULL,
                        "cannot write the XML (libxml2 failed)");
        samen_outfile_discard(&x->file);
        return SAMEN_EIO;
    }
    return samen_outfile_commit(&x->file, err);
}

void samen_xml_discard(samen_xml *x)
{
    if (x->w)
        xmlFreeTextWriter(x->w);
    x->w = NULL;
    samen_outfile_discard(&x->file);
}
