/* xmlfile.h: an XML file written with libxml2's xmlTextWriter (which
 * escapes every name and value) that appears whole or not at all, like
 * the CSV outputs (util/outfile.h). Calls after a failed one do nothing;
 * the failure is reported once, by samen_xml_commit. */
#ifndef SAMEN_XMLFILE_H
#define SAMEN_XMLFILE_H

#include <libxml/xmlwriter.h>

#include "samen/error.h"
#include "util/outfile.h"

typedef struct samen_xml {
    samen_outfile file;
    xmlTextWriterPtr w;
    int bad;               /* a libxml2 call failed */
} samen_xml;

/* Creates path under a temporary name in its folder, writes the XML
 * declaration (UTF-8) and indents the elements. Returns SAMEN_OK, or
 * SAMEN_EIO with err filled and nothing left behind. */
int samen_xml_open(samen_xml *x, const char *path, samen_error *err);

void samen_xml_start(samen_xml *x, const char *element);
void samen_xml_end(samen_xml *x);
void samen_xml_attr(samen_xml *x, const char *name, const char *value);
void samen_xml_attr_num(samen_xml *x, const char *name, double v);   /* %.6g */
void samen_xml_attr_int(samen_xml *x, const char *name, long v);
/* Text content of the open element. */
void samen_xml_text(samen_xml *x, const char *text);
/* <element>text</element> */
void samen_xml_element(samen_xml *x, const char *element, const char *text);

/* Ends the document and renames the file into place. On failure (a
 * libxml2 call or a write that failed) removes it; returns SAMEN_EIO with
 * err filled. */
int samen_xml_commit(samen_xml *x, samen_error *err);

/* Removes the file unwritten; safe after commit. */
void samen_xml_discard(samen_xml *x);

#endif
