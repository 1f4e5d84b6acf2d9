/* grow.c: the arrays of a run that grow with it: per organisation (a
 * merger creates one, MODEL.md 4.15) and per network (founding appends
 * one, 4.14). They double when full, so that a run that founds N networks
 * reallocates log N times, not at every founding. */
#include <stdlib.h>
#include <string.h>

#include "model/state.h"

/* Reallocates *p from old to cap elements of size, zeroing the new ones. */
static int resize(void **p, size_t old, size_t cap, size_t size)
{
    void *q = realloc(*p, cap * size);
    if (!q)
        return -1;
    memset((char *)q + old * size, 0, (cap - old) * size);
    *p = q;
    return 0;
}

int samen_grow_orgs(samen_sim *sim, int need)
{
    if (need <= sim->cap_orgs)
        return 0;
    size_t old = (size_t)sim->cap_orgs;
    size_t cap = old ? old : 16;
    while (cap < (size_t)need)
        cap *= 2;
    if (resize((void **)&sim->orgs, old, cap, sizeof *sim->orgs) ||
        resize((void **)&sim->created_net, old, cap, sizeof *sim->created_net) ||
        resize((void **)&sim->created_step, old, cap, sizeof *sim->created_step) ||
        resize((void **)&sim->load, old, cap, sizeof *sim->load) ||
        resize((void **)&sim->org_rank, old, cap, sizeof *sim->org_rank) ||
        resize((void **)&sim->by_id, old, cap, sizeof *sim->by_id) ||
        resize((void **)&sim->adj, old, cap, sizeof *sim->adj) ||
        resize((void **)&sim->memb, old, cap, sizeof *sim->memb) ||
        resize((void **)&sim->area_of, old, cap, sizeof *sim->area_of) ||
        resize((void **)&sim->f_score, old, cap, sizeof *sim->f_score) ||
        resize((void **)&sim->f_fit, old, cap, sizeof *sim->f_fit) ||
        resize((void **)&sim->f_phi, old, cap, sizeof *sim->f_phi) ||
        resize((void **)&sim->f_stamp, old, cap, sizeof *sim->f_stamp) ||
        resize((void **)&sim->f_tie, old, cap, sizeof *sim->f_tie) ||
        resize((void **)&sim->f_reach, old, cap, sizeof *sim->f_reach))
        return -1; /* what was resized stays valid; cap_orgs is the least */
    sim->cap_orgs = (int)cap;
    return 0;
}

int samen_grow_nets(samen_sim *sim, int need)
{
    if (need <= sim->cap_nets)
        return 0;
    size_t old = (size_t)sim->cap_nets;
    size_t cap = old ? old : 16;
    while (cap < (size_t)need)
        cap *= 2;
    if (resize((void **)&sim->nets, old, cap, sizeof *sim->nets) ||
        resize((void **)&sim->perm, old, cap, sizeof *sim->perm) ||
        resize((void **)&sim->wake, old, cap, sizeof *sim->wake))
        return -1;
    sim->cap_nets = (int)cap;
    return 0;
}
