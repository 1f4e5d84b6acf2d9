/* attraction.c: the attraction A_o(v) of MODEL.md 4.1 and its factors
 * (TAAK fit, IK appeal, WIJ need, the ask bonus), computed in one place for
 * recruitment, goal formulation, `samen check` and the region generator,
 * with the test of who can join when a network starts. */
#include <math.h>

#include "model/state.h"

double samen_attraction_of(const samen_params *p, const samen_org *o,
                           const samen_net_spec *sp, int necessary, const double *v,
                           int k, samen_attraction_terms *t)
{
    double fit = samen_fit(o->mission, v, k);
    double appeal = samen_appeal(sp->concreteness, p->model.appeal_alpha,
                                 p->model.appeal_beta);
    /* an organisation that could do it alone has no need of the others */
    double need = 1 - fmin(1, o->capacity / sp->effort);
    double bonus = necessary ? 1 + p->model.ask_bonus : 1;
    double a = fit * appeal * need;
    if (necessary)
        a *= bonus;
    if (t) {
        t->fit = fit;
        t->appeal = appeal;
        t->need = need;
        t->bonus = bonus;
        t->attraction = a;
    }
    return a;
}

int samen_can_join_start(const samen_params *p, const samen_org *o,
                         const samen_attraction_terms *t)
{
    /* recruitment's test before any load: attraction to the issue is
     * fixed for a run and load only takes capacity away, so what fails
     * here never joins */
    return samen_can_join(p, t->attraction, o->capacity);
}

void samen_start_attraction(const samen_scenario *sc, int net_index, int org,
                            samen_attraction_terms *t)
{
    const samen_net_spec *sp = &sc->nets[net_index];
    int necessary = 0;
    for (int i = 0; i < sp->n_necessary; i++)
        necessary |= sp->necessary[i] == org;
    samen_attraction_of(&sc->p, &sc->orgs[org], sp, necessary, sp->issue, sc->n_themes, t);
}
