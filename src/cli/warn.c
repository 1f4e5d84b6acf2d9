/* warn.c: what `samen check` and `samen run` warn about: valid scenarios
 * that are likely mistakes. A warning goes to stderr and never changes the
 * exit status. */
#include "cli/warn.h"

#include <stdio.h>
#include <string.h>

#include "cli/reach.h"

/* Texts that R's read.csv (na.strings "NA") or pandas' read_csv (its
 * default na_values) read as a missing value, among those an id may be. */
static const char *const missing_words[] = {
    "NA", "NaN", "nan", "-NaN", "-nan", "NULL", "null", "None", NULL,
};

static int reads_as_missing(const char *s)
{
    for (int i = 0; missing_words[i]; i++)
        if (!strcmp(s, missing_words[i]))
            return 1;
    return 0;
}

static void warn_missing(const samen_scenario *sc, const char *what, const char *name)
{
    fprintf(stderr, "samen: warning: %s: %s '%s' reads as a missing value in R (read.csv) "
            "and pandas (read_csv), so its rows lose their %s there; rename it (e.g. "
            "'%s-1'), or read with na.strings = \"\" in R and keep_default_na=False in "
            "pandas\n", sc->path, what, name,
            !strcmp(what, "network") ? "network" : "organisation", name);
}

void samen_warn_scenario(const samen_scenario *sc, int quiet)
{
    if (quiet)
        return;
    for (int i = 0; i < sc->n_nets; i++)
        if (sc->nets[i].start >= sc->steps)
            fprintf(stderr, "samen: warning: %s: network %s starts at step %d, after "
                    "the last step (%d): it never runs\n", sc->path, sc->nets[i].name,
                    sc->nets[i].start, sc->steps - 1);
    samen_warn_reach(sc);
    for (int i = 0; i < sc->n_orgs; i++)
        if (reads_as_missing(sc->orgs[i].id))
            warn_missing(sc, "organisation id", sc->orgs[i].id);
    for (int i = 0; i < sc->n_nets; i++)
        if (reads_as_missing(sc->nets[i].name))
            warn_missing(sc, "network", sc->nets[i].name);
    /* MODEL.md 4.14: a framing sector nobody has frames no founded network */
    const char *fs = sc->p.field.framing_sector;
    int has = !fs[0];
    for (int i = 0; i < sc->n_orgs && !has; i++)
        has = !strcmp(sc->orgs[i].sector, fs);
    if (!has)
        fprintf(stderr, "samen: warning: %s: field.framing_sector '%s' is the sector of no "
                "organisation of %s: founded networks get no framing actor\n", sc->path, fs,
                sc->orgs_path);
}
