/* trust.c: MODEL.md 4.4, pairwise trust grows with both persons' contact
 * with the network, shared over all partners, and decays slowly. */
#include "model/state.h"

void samen_trust(samen_sim *sim, net *nw)
{
    if (nw->n < 2)
        return;
    double gain = sim->p->trust.gain / (nw->n - 1); /* attention is shared */
    double decay = sim->p->trust.decay;
    for (int i = 0; i < nw->n; i++) {
        int a = nw->order[i];
        double ca = nw->m[a].c_pn;
        for (int j = i + 1; j < nw->n; j++) {
            int b = nw->order[j];
            double *t = samen_pair(nw, a, b);
            double v = *t + gain * ca * nw->m[b].c_pn * (1 - *t) - decay * *t;
            *t = v < 0 ? 0 : v > 1 ? 1 : v;
        }
    }
}
