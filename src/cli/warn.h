/* warn.h: warnings about a scenario that is valid but likely a mistake,
 * printed by `samen check` and `samen run`. */
#ifndef SAMEN_WARN_H
#define SAMEN_WARN_H

#include "samen/samen.h"

/* Warns on stderr (unless quiet): a network that starts after the last
 * step; a network nobody can join (cli/reach.h); an organisation id or
 * network name that R or pandas read as a missing value. */
void samen_warn_scenario(const samen_scenario *sc, int quiet);

#endif
