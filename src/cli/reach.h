/* reach.h: who can join each network of a scenario when it starts
 * (MODEL.md 4.1): the warnings of `samen check` and `samen run` about a
 * network nobody can join, and the table of `samen check --explain`. */
#ifndef SAMEN_REACH_H
#define SAMEN_REACH_H

#include <stdio.h>

#include "samen/samen.h"

/* Why candidate org of network net cannot join at the start, into buf of n
 * bytes; returns NULL (buf untouched) when it can: its attraction reaches
 * model.attraction_min and its capacity model.join_cost. */
const char *samen_reach_why_not(const samen_scenario *sc, int net, int org,
                                const samen_attraction_terms *t, char *buf, size_t n);

/* Warns on stderr, for each network, when no candidate can join at the
 * start (naming the best and why it falls short), and when the necessary
 * actors that can join are too few for the quorum. */
void samen_warn_reach(const samen_scenario *sc);

/* Writes, per network, every candidate's fit, need, appeal, bonus and
 * attraction at the start and whether it can join. Returns 0, or -1 when
 * fp failed. */
int samen_explain_reach(const samen_scenario *sc, FILE *fp);

#endif
