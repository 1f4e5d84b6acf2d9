/* comm.c: MODEL.md 4.3, communication drift: each person talks more with
 * the network as it matures and less with its own organisation, unless the
 * organisation guards the link. */
#include <math.h>

#include "model/state.h"

static double clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

void samen_comm(samen_sim *sim, net *nw)
{
    const samen_params *p = sim->p;
    /* maturity from the end of the previous step: d[] is updated in 4.11 */
    double mu = (nw->d[2] + nw->d[4] + nw->d[5]) / 3;
    for (int i = 0; i < nw->n; i++) {
        member *mb = &nw->m[nw->order[i]];
        double guard = fmin(1, sim->orgs[mb->org].guard + mb->xguard);
        mb->c_pn = clamp01(mb->c_pn +
                           p->comm.net_gain * (mu + p->comm.base) * (1 + mb->sigma) *
                               (1 - mb->c_pn) -
                           p->comm.net_decay * mb->c_pn);
        mb->c_po = clamp01(mb->c_po - p->comm.org_drift * mu * mb->c_po +
                           p->comm.guard_gain * guard * (1 - mb->c_po));
    }
}
