/* reach.c: who can join each network when it starts: the attraction of
 * every candidate from the model's own function (samen_start_attraction),
 * compared with model.attraction_min and model.join_cost by the library's
 * samen_can_join_start, as recruitment compares them (MODEL.md 4.1).
 * Attraction to the issue is fixed for a run and load only takes capacity
 * away, so a candidate that cannot join at the start never joins. */
#include "cli/reach.h"

#include <stdarg.h>
#include <string.h>

#include "model/attraction.h"
#include "util/numfmt.h"
#include "util/parse.h"

const char *samen_reach_why_not(const samen_scenario *sc, int net, int org,
                                const samen_attraction_terms *t, char *buf, size_t n)
{
    const samen_params *p = &sc->p;
    const samen_org *o = &sc->orgs[org];
    const samen_net_spec *sp = &sc->nets[net];
    /* parameters as check prints them; the factors, which are derived, in
     * three digits */
    char a[32], b[32], c[32];
    if (samen_can_join_start(p, o, t))
        return NULL;
    if (o->capacity < p->model.join_cost)
        snprintf(buf, n, "its capacity %s is below model.join_cost %s: no spare capacity "
                 "to join", samen_num_text(o->capacity, a, sizeof a),
                 samen_num_text(p->model.join_cost, b, sizeof b));
    else if (t->need == 0)
        snprintf(buf, n, "need 0: its capacity %s is at least the effort %s, so it could "
                 "do it alone", samen_num_text(o->capacity, a, sizeof a),
                 samen_num_text(sp->effort, b, sizeof b));
    else if (t->fit == 0)
        snprintf(buf, n, "fit 0: its mission has no weight on the themes of the issue");
    else if (t->appeal == 0)
        snprintf(buf, n, "appeal 0 at concreteness %s (model.appeal_alpha %s, "
                 "model.appeal_beta %s)", samen_num_text(sp->concreteness, a, sizeof a),
                 samen_num_text(p->model.appeal_alpha, b, sizeof b),
                 samen_num_text(p->model.appeal_beta, c, sizeof c));
    else
        snprintf(buf, n, "fit %.3g x appeal %.3g x need %.3g%s = %.3g, below "
                 "model.attraction_min %s", t->fit, t->appeal, t->need,
                 t->bonus != 1 ? " x ask bonus" : "", t->attraction,
                 samen_num_text(p->model.attraction_min, a, sizeof a));
    return buf;
}

/* A region of hundreds of networks may have many that nobody can join:
 * the first few are named, the rest counted. */
#define MAX_WARNINGS 5

static void warn(int *count, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warn(int *count, const char *fmt, ...)
{
    if (++*count > MAX_WARNINGS)
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("samen: warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int is_necessary(const samen_net_spec *sp, int org)
{
    for (int i = 0; i < sp->n_necessary; i++)
        if (sp->necessary[i] == org)
            return 1;
    return 0;
}

/* The necessary actors that can never be present, when they are more than
 * the quorum allows (need = ceil(quorum |N| - 1e-9), MODEL.md 4.9). */
static void warn_necessary(const samen_scenario *sc, int net, int *count)
{
    const samen_net_spec *sp = &sc->nets[net];
    int missing = 0;
    char why[300];
    samen_attraction_terms t;
    for (int i = 0; i < sp->n_necessary; i++) {
        int o = sp->necessary[i];
        samen_start_attraction(sc, net, o, &t);
        missing += o != sp->initiator && samen_reach_why_not(sc, net, o, &t, why, sizeof why);
    }
    int present = sp->n_necessary - missing;
    if (missing == 0 || present >= sc->p.model.necessary_quorum * sp->n_necessary - 1e-9)
        return;
    for (int i = 0; i < sp->n_necessary; i++) {
        int o = sp->necessary[i];
        samen_start_attraction(sc, net, o, &t);
        if (o == sp->initiator || !samen_reach_why_not(sc, net, o, &t, why, sizeof why))
            continue;
        warn(count, "%s: network %s: necessary actor '%s' can never join (attraction "
             "%.3g; %s), so the network misses its necessary quorum and dissolves "
             "(necessary-actor-missing); samen check --explain lists every candidate",
             sc->path, sp->name, sc->orgs[o].id, t.attraction, why);
    }
}

void samen_warn_reach(const samen_scenario *sc)
{
    int count = 0;
    for (int k = 0; k < sc->n_nets; k++) {
        const samen_net_spec *sp = &sc->nets[k];
        int best = -1, can = 0;
        samen_attraction_terms t, bt = {0};
        char why[300];
        for (int c = 0; c < sp->n_candidates && !can; c++) {
            int o = sp->candidates[c];
            if (o == sp->initiator)
                continue;
            samen_start_attraction(sc, k, o, &t);
            can = !samen_reach_why_not(sc, k, o, &t, why, sizeof why);
            if (best < 0 || t.attraction > bt.attraction) {
                best = o;
                bt = t;
            }
        }
        if (best < 0)
            warn(&count, "%s: network %s has no candidate besides its initiator, so it "
                 "dissolves (too-few-partners) after recruitment", sc->path, sp->name);
        else if (!can)
            warn(&count, "%s: network %s: no candidate can join at the start; the best, "
                 "'%s', has attraction %.3g (%s), so the network dissolves "
                 "(too-few-partners) after recruitment; samen check --explain lists "
                 "every candidate", sc->path, sp->name, sc->orgs[best].id, bt.attraction,
                 samen_reach_why_not(sc, k, best, &bt, why, sizeof why));
        else
            warn_necessary(sc, k, &count);
    }
    if (count > MAX_WARNINGS)
        fprintf(stderr, "samen: warning: %s: %d more such warnings; samen check --explain "
                "lists every candidate of every network\n", sc->path, count - MAX_WARNINGS);
}

/* One row of the --explain table. Returns 1 if the candidate can join. */
static int explain_row(const samen_scenario *sc, int k, int o, int w, FILE *fp)
{
    const samen_net_spec *sp = &sc->nets[k];
    samen_attraction_terms t;
    char why[300];
    samen_start_attraction(sc, k, o, &t);
    int init = o == sp->initiator;
    const char *no = init ? NULL : samen_reach_why_not(sc, k, o, &t, why, sizeof why);
    char cap[32], bonus[32];
    fprintf(fp, "%-*s  %-9s  %8s  %6.3f  %6.3f  %6.3f  %5s  %10.4f  %s%s\n", w,
            sc->orgs[o].id, init ? "initiator" : is_necessary(sp, o) ? "necessary" : "member",
            samen_num_text(sc->orgs[o].capacity, cap, sizeof cap), t.fit, t.appeal, t.need,
            samen_num_text(t.bonus, bonus, sizeof bonus), t.attraction,
            init ? "always (the initiator)" : no ? "no: " : "yes", no ? no : "");
    return !init && !no;
}

int samen_explain_reach(const samen_scenario *sc, FILE *fp)
{
    const samen_params *p = &sc->p;
    for (int k = 0; k < sc->n_nets; k++) {
        const samen_net_spec *sp = &sc->nets[k];
        int w = (int)strlen(sc->orgs[sp->initiator].id);
        for (int c = 0; c < sp->n_candidates; c++) {
            int len = (int)strlen(sc->orgs[sp->candidates[c]].id);
            w = len > w ? len : w;
        }
        w = w < 12 ? 12 : w;
        char a[32], b[32];
        fprintf(fp, "%s[network %s] %s, starts at step %d, concreteness %s, effort %s\n",
                k ? "\n" : "", sp->name, samen_type_name(sp->type), sp->start,
                samen_num_text(sp->concreteness, a, sizeof a),
                samen_num_text(sp->effort, b, sizeof b));
        fprintf(fp, "A candidate joins when attraction = fit x appeal x need x bonus is at "
                "least\nmodel.attraction_min %s and its capacity at least model.join_cost "
                "%s (MODEL.md 4.1).\n", samen_num_text(p->model.attraction_min, a, sizeof a),
                samen_num_text(p->model.join_cost, b, sizeof b));
        fprintf(fp, "%-*s  %-9s  %8s  %6s  %6s  %6s  %5s  %10s  %s\n", w, "organisation",
                "role", "capacity", "fit", "appeal", "need", "bonus", "attraction", "joins");
        explain_row(sc, k, sp->initiator, w, fp);
        int n_can = 0, n = 0;
        for (int c = 0; c < sp->n_candidates; c++) {
            if (sp->candidates[c] == sp->initiator)
                continue;
            n++;
            n_can += explain_row(sc, k, sp->candidates[c], w, fp);
        }
        fprintf(fp, "%d of %d candidates can join\n", n_can, n);
    }
    /* Founded networks are drawn during the run from its seed, so before the
     * run only the rule that will choose them can be explained. */
    if (p->field.found_rate > 0) {
        char a[32], b[32];
        fprintf(fp, "%s[founding] organisations found networks during the run at "
                "field.found_rate %s x spare capacity (MODEL.md 4.14),\n"
                "each with %d necessary actors and up to %d candidates chosen in its "
                "founder's reach (%s),\nby fit, remembered trust (half-life %s steps) "
                "and common partners; they are not known\nbefore the run: summary.csv "
                "names them with start_step and founder.\n",
                sc->n_nets ? "\n" : "", samen_num_text(p->field.found_rate, a, sizeof a),
                p->field.necessary, p->field.candidates, p->field.reach_all ? "all" : "area",
                samen_num_text(p->field.memory_half_life, b, sizeof b));
    }
    return ferror(fp) ? -1 : 0;
}
