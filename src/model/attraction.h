/* attraction.h: the attraction A_o(v) of MODEL.md 4.1 and the test of
 * who can join a network when it starts, apart from the simulation's state
 * so that `samen check` and the region generator use them too. */
#ifndef SAMEN_MODEL_ATTRACTION_H
#define SAMEN_MODEL_ATTRACTION_H

#include "samen/sim.h"

/* A_o(v) of 4.1 for organisation o of network sp (necessary: o is in N_n)
 * over k themes; fills t (if not NULL) with its factors. */
double samen_attraction_of(const samen_params *p, const samen_org *o,
                           const samen_net_spec *sp, int necessary, const double *v,
                           int k, samen_attraction_terms *t);

/* Recruitment's test of a candidate (4.1): its attraction a reaches
 * model.attraction_min and its spare capacity model.join_cost. */
static inline int samen_can_join(const samen_params *p, double a, double spare)
{
    return !(a < p->model.attraction_min || spare < p->model.join_cost);
}

/* Whether o, whose attraction terms when the network starts are t, can
 * ever join it: t->attraction reaches model.attraction_min and o's
 * capacity model.join_cost (4.1). `samen check` warns with it, and the
 * region generator keeps necessary actors that fail it out of what it
 * writes (MODEL.md section 7, reading 26). */
int samen_can_join_start(const samen_params *p, const samen_org *o,
                         const samen_attraction_terms *t);

#endif
