/* decisions.c: MODEL.md 4.2, decisions and mandates: detection of earlier
 * overreach, arrivals, consents (feedback and decision mandates, overreach,
 * under-use, the organisation's own consent), resolution. */
#include <assert.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#include "model/state.h"

/* Window buckets: arrivals of all, non-formal, formal items, then the
 * number of each resolved by now (read by samen_sdec). */
static long *bucket(samen_sim *sim, net *nw, int step)
{
    int w = sim->p->model.decision_window;
    int b = step % w;
    if (nw->win_stamp[b] != step) {
        nw->win_stamp[b] = step;
        memset(nw->win[b], 0, sizeof nw->win[b]);
    }
    return nw->win[b];
}

static void count_resolved(samen_sim *sim, net *nw, const decision_item *it)
{
    if (it->arrival <= sim->step - sim->p->model.decision_window)
        return; /* out of the window: no longer counted anywhere */
    long *b = bucket(sim, nw, it->arrival);
    b[3]++;
    b[it->formal ? 5 : 4]++;
}

static long *seq_of(net *nw, int q, int slot)
{
    return &nw->consent_seq[(size_t)nw->queue[q].row * (size_t)nw->slots + (size_t)slot];
}

/* Overreach consents of item q are checked in the order they were given. */
static int detect(samen_sim *sim, net *nw, int q, const samen_observer *obs)
{
    const samen_params *p = sim->p;
    int *cand = sim->scratch, nc = 0;
    for (int s = 0; s < nw->slots; s++)
        if (nw->m[s].org >= 0 && *samen_consent(nw, q, s) == CONSENT_OVERREACH)
            cand[nc++] = s;
    for (int i = 1; i < nc; i++) { /* insertion sort by the order given */
        int v = cand[i], j = i;
        long key = *seq_of(nw, q, v);
        while (j > 0 && *seq_of(nw, q, cand[j - 1]) > key) {
            cand[j] = cand[j - 1];
            j--;
        }
        cand[j] = v;
    }
    for (int i = 0; i < nc; i++) {
        int s = cand[i];
        member *mb = &nw->m[s];
        if (!(gsl_rng_uniform(sim->rng) < mb->c_po))
            continue;
        *samen_consent(nw, q, s) = CONSENT_OVERREACH_CHECKED;
        nw->overreach_open--;
        if (!(gsl_rng_uniform(sim->rng) < p->model.reverse_prob))
            continue;
        *samen_consent(nw, q, s) = CONSENT_NONE;
        for (int k = 0; k < nw->n; k++) {
            int o = nw->order[k];
            if (o == s)
                continue;
            double *t = samen_pair(nw, s, o);
            *t = fmax(0, *t - p->model.overreach_trust_loss);
        }
        mb->xguard = fmin(1, mb->xguard + p->model.guard_raise);
        int rc = samen_emit(sim, nw, mb->org, mb->person, "overreach-reversed",
                            NULL, 0, 0, obs);
        if (rc)
            return rc;
    }
    return 0;
}

static void arrivals(samen_sim *sim, net *nw)
{
    const samen_params *p = sim->p;
    long *b = bucket(sim, nw, sim->step);
    unsigned long k = gsl_ran_poisson(sim->rng, p->model.decision_rate);
    int overleg = nw->spec->type == SAMEN_TYPE_OVERLEG;
    assert(nw->qn >= 0 && nw->qn <= p->model.queue_max);
    unsigned long room = (unsigned long)(p->model.queue_max - nw->qn);
    unsigned long queued = k < room ? k : room;
    for (unsigned long i = 0; i < queued; i++) {
        int formal = !overleg && gsl_rng_uniform(sim->rng) < p->model.formal_share;
        b[0]++;
        b[formal ? 2 : 1]++;
        decision_item *it = &nw->queue[nw->qn];
        it->arrival = sim->step;
        it->formal = formal;
        it->row = nw->free_rows[--nw->n_free];
        memset(samen_consent(nw, nw->qn, 0), CONSENT_NONE, (size_t)nw->slots);
        nw->qn++;
    }
    /* Items that find the queue full are lost: counted as arrived, never
     * resolved. Their kinds are drawn at once, so that any arrival rate
     * costs one draw, not one per item. */
    unsigned long lost = k - queued;
    if (lost > 0) {
        unsigned long formal = overleg ? 0
                               : gsl_ran_binomial(sim->rng, p->model.formal_share,
                                                  (unsigned int)lost);
        b[0] += (long)lost;
        b[2] += (long)formal;
        b[1] += (long)(lost - formal);
    }
}

/* At most one consent per member and item this step: (a) then (c), or (b)
 * then (c). */
static int consents(samen_sim *sim, net *nw, int q, const samen_observer *obs)
{
    const samen_params *p = sim->p;
    const decision_item *it = &nw->queue[q];
    for (int i = 0; i < nw->n; i++) {
        int s = nw->order[i];
        member *mb = &nw->m[s];
        unsigned char *c = samen_consent(nw, q, s);
        if (*c != CONSENT_NONE)
            continue;
        if (mb->feedback || it->formal) {
            /* (a) the person consents alone: overreach */
            double omega = mb->sigma * mb->c_pn * (1 - mb->c_po) * p->model.overreach_scale;
            assert(omega >= 0);
            if (gsl_rng_uniform(sim->rng) < omega) {
                *c = CONSENT_OVERREACH;
                nw->overreach_open++;
                *seq_of(nw, q, s) = nw->next_seq++;
                nw->overreach_count++;
                int rc = samen_emit(sim, nw, mb->org, mb->person, "overreach",
                                    NULL, 1, omega, obs);
                if (rc)
                    return rc;
                continue;
            }
        } else if (gsl_rng_uniform(sim->rng) < 1 - mb->u) {
            /* (b) the decision mandate used */
            *c = CONSENT_GIVEN;
            continue;
        }
        /* (c) the organisation decides itself, slower the higher its latency */
        if (gsl_rng_uniform(sim->rng) < fmin(1, mb->c_po / mb->latency))
            *c = CONSENT_GIVEN;
    }
    return 0;
}

static int resolved(net *nw, int q)
{
    for (int i = 0; i < nw->n; i++)
        if (*samen_consent(nw, q, nw->order[i]) == CONSENT_NONE)
            return 0;
    return 1;
}

/* The item goes; its row is freed, not moved: only the small items shift. */
static void remove_item(net *nw, int q)
{
    for (int s = 0; s < nw->slots; s++)
        if (*samen_consent(nw, q, s) == CONSENT_OVERREACH)
            nw->overreach_open--; /* a consent of one who left is NONE already */
    nw->free_rows[nw->n_free++] = nw->queue[q].row;
    int tail = nw->qn - q - 1;
    memmove(&nw->queue[q], &nw->queue[q + 1], (size_t)tail * sizeof *nw->queue);
    nw->qn--;
}

int samen_decisions(samen_sim *sim, net *nw, const samen_observer *obs)
{
    int rc;
    for (int q = 0; q < nw->qn && nw->overreach_open > 0; q++)
        if ((rc = detect(sim, nw, q, obs)))
            return rc;
    arrivals(sim, nw);
    for (int q = 0; q < nw->qn; q++) {
        if ((rc = consents(sim, nw, q, obs)))
            return rc;
        /* resolution is tested here only, right after the item's consents */
        if (resolved(nw, q)) {
            count_resolved(sim, nw, &nw->queue[q]);
            nw->resolved++;
            remove_item(nw, q);
            q--;
        }
    }
    return 0;
}
