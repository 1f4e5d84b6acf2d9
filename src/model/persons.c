/* persons.c: creating the person who represents a membership (MODEL.md 2,
 * 4.1, 4.10) and drawing from the scenario's distributions. */
#include <gsl/gsl_randist.h>

#include "model/state.h"

static double clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

/* A bare number draws nothing, so adding a constant never shifts the
 * stream of the other draws. */
double samen_dist_draw(const samen_dist *d, gsl_rng *r)
{
    switch (d->kind) {
    case SAMEN_DIST_UNIFORM:
        return d->a + (d->b - d->a) * gsl_rng_uniform(r);
    case SAMEN_DIST_BETA:
        return clamp01(gsl_ran_beta(r, d->a, d->b));
    case SAMEN_DIST_NORMAL:
        return clamp01(d->a + gsl_ran_gaussian(r, d->b));
    case SAMEN_DIST_CONST:
    default:
        return clamp01(d->a);
    }
}

/* A new person: fresh communication, sigma then u drawn (section 3). */
void samen_person_new(samen_sim *sim, member *mb)
{
    const samen_params *p = sim->p;
    mb->person = sim->next_person++;
    mb->person_step = sim->step;
    mb->tenure = 0;
    mb->c_po = p->persons.c_po0;
    mb->c_pn = p->persons.c_pn0;
    mb->sigma = samen_dist_draw(&p->persons.self_interest, sim->rng);
    mb->u = samen_dist_draw(&p->persons.uncertainty, sim->rng);
}
