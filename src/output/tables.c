/* tables.c: the columns of every output table, each a line: its name, what
 * it holds and where in the table's row record (include/samen/tables.h). */
#include "samen/tables.h"

#include <string.h>

#include "output/output.h"
#include "samen/samen.h"
#include "output/descriptors.h"

#define COL(T, name, kind, field) {name, kind, offsetof(T, field), SAMEN_EMPTY_NEVER, 0}
#define COUNT_OF(a) ((int)(sizeof a / sizeof a[0]))

#define N(name, kind, field) COL(samen_net_row, name, kind, field)
static const samen_column network[] = {
    N("step", SAMEN_COL_INT, step),
    N("network", SAMEN_COL_TEXT, network),
    N("type", SAMEN_COL_TYPE, type),
    N("phase", SAMEN_COL_PHASE, phase),
    N("form", SAMEN_COL_TYPE, form),
    N("members", SAMEN_COL_INT, members),
    N("necessary_present", SAMEN_COL_INT, necessary_present),
    N("trust", SAMEN_COL_NUM, trust),
    N("consensus", SAMEN_COL_NUM, consensus),
    N("progress", SAMEN_COL_NUM, progress),
    N("d_interests", SAMEN_COL_NUM, d[0]),
    N("d_factual", SAMEN_COL_NUM, d[1]),
    N("d_formal", SAMEN_COL_NUM, d[2]),
    N("d_resources", SAMEN_COL_NUM, d[3]),
    N("d_commitment", SAMEN_COL_NUM, d[4]),
    N("d_identification", SAMEN_COL_NUM, d[5]),
    N("c_po", SAMEN_COL_NUM, c_po),
    N("c_pn", SAMEN_COL_NUM, c_pn),
    N("link", SAMEN_COL_NUM, link),
    N("person_dependency", SAMEN_COL_NUM, person_dependency),
    N("decisions_open", SAMEN_COL_INT, decisions_open),
    N("decisions_resolved", SAMEN_COL_LONG, decisions_resolved),
    N("overreach", SAMEN_COL_LONG, overreach),
    N("dropouts", SAMEN_COL_LONG, dropouts),
};

/* org, person, reason and value stay empty where an event has none. */
#define E(name, kind, field) COL(samen_event, name, kind, field)
static const samen_column events[] = {
    E("step", SAMEN_COL_INT, step),
    E("network", SAMEN_COL_TEXT, network),
    E("org", SAMEN_COL_TEXT, org),
    {"person", SAMEN_COL_LONG, offsetof(samen_event, person), SAMEN_EMPTY_ZERO, 0},
    E("event", SAMEN_COL_TEXT, event),
    E("reason", SAMEN_COL_TEXT, reason),
    {"value", SAMEN_COL_NUM, offsetof(samen_event, value), SAMEN_EMPTY_UNLESS,
     offsetof(samen_event, has_value)},
};

#define T(name, kind, field) COL(samen_tie_row, name, kind, field)
static const samen_column ties[] = {
    T("step", SAMEN_COL_INT, step),
    T("network", SAMEN_COL_TEXT, network),
    T("org_a", SAMEN_COL_TEXT, org_a),
    T("org_b", SAMEN_COL_TEXT, org_b),
    T("trust", SAMEN_COL_NUM, trust),
    T("since", SAMEN_COL_INT, since),
};

#define O(name, kind, field) COL(samen_org_row, name, kind, field)
static const samen_column orgs[] = {
    O("step", SAMEN_COL_INT, step),
    O("network", SAMEN_COL_TEXT, network),
    O("org", SAMEN_COL_TEXT, org),
    O("role", SAMEN_COL_TEXT, role),
    O("interest", SAMEN_COL_NUM, interest),
    O("engagement", SAMEN_COL_NUM, engagement),
    O("fit_issue", SAMEN_COL_NUM, fit_issue),
    O("fit_goal", SAMEN_COL_NUM, fit_goal),
    O("c_po", SAMEN_COL_NUM, c_po),
    O("c_pn", SAMEN_COL_NUM, c_pn),
    O("link", SAMEN_COL_NUM, link),
    O("mandate", SAMEN_COL_TEXT, mandate),
};

#define P(name, kind, field) COL(samen_person_row, name, kind, field)
static const samen_column persons[] = {
    P("step", SAMEN_COL_INT, step),
    P("network", SAMEN_COL_TEXT, network),
    P("org", SAMEN_COL_TEXT, org),
    P("person", SAMEN_COL_LONG, person),
    P("c_po", SAMEN_COL_NUM, c_po),
    P("c_pn", SAMEN_COL_NUM, c_pn),
    P("self_interest", SAMEN_COL_NUM, self_interest),
    P("uncertainty", SAMEN_COL_NUM, uncertainty),
    P("tenure", SAMEN_COL_INT, tenure),
};

#define G(name, kind, field) COL(samen_graph_row, name, kind, field)
static const samen_column graph[] = {
    G("step", SAMEN_COL_INT, step),
    G("orgs", SAMEN_COL_LONG, st.orgs),
    G("ties", SAMEN_COL_LONG, st.ties),
    G("density", SAMEN_COL_NUM, st.density),
    G("components", SAMEN_COL_LONG, st.components),
    G("largest_component", SAMEN_COL_NUM, st.largest_component),
    G("transitivity", SAMEN_COL_NUM, st.transitivity),
    G("mean_degree", SAMEN_COL_NUM, st.mean_degree),
    G("degree_centralization", SAMEN_COL_NUM, st.degree_centralization),
    G("bridging_orgs", SAMEN_COL_LONG, st.bridging_orgs),
    G("mean_trust", SAMEN_COL_NUM, st.mean_trust),
};

/* agreed_step and end_step stay empty for a network that never agreed, or
 * is still live. */
#define S(name, kind, field) COL(samen_net_summary, name, kind, field)
#define S_STEP(name, field)                                                   \
    {name, SAMEN_COL_INT, offsetof(samen_net_summary, field), SAMEN_EMPTY_NEGATIVE, 0}
static const samen_column summary[] = {
    S("network", SAMEN_COL_TEXT, network),
    S("type", SAMEN_COL_TYPE, type),
    S("final_phase", SAMEN_COL_PHASE, phase),
    S("final_form", SAMEN_COL_TYPE, form),
    S("members", SAMEN_COL_INT, max_members),
    S_STEP("agreed_step", agreed_step),
    S("dropouts", SAMEN_COL_INT, dropouts),
    S_STEP("end_step", end_step),
    S("end_reason", SAMEN_COL_TEXT, end_reason),
    S("start_step", SAMEN_COL_INT, start_step),
    S("founder", SAMEN_COL_TEXT, founder), /* empty for a declared network (4.14) */
};

#define F(name, kind, field) COL(samen_field_row, name, kind, field)
static const samen_column field[] = {
    F("step", SAMEN_COL_INT, step),
    F("org_a", SAMEN_COL_TEXT, org_a),
    F("org_b", SAMEN_COL_TEXT, org_b),
    F("trust", SAMEN_COL_NUM, trust),
    F("shared", SAMEN_COL_INT, shared),
    F("live", SAMEN_COL_INT, live),
};

#define TABLE(name, file, cols) {name, file, cols, COUNT_OF(cols)}
const samen_table samen_tables[SAMEN_TABLE_COUNT] = {
    [SAMEN_OUT_NETWORK] = TABLE("network", "network.csv", network),
    [SAMEN_OUT_EVENTS] = TABLE("events", "events.csv", events),
    [SAMEN_OUT_TIES] = TABLE("ties", "ties.csv", ties),
    [SAMEN_OUT_ORGS] = TABLE("orgs", "orgs.csv", orgs),
    [SAMEN_OUT_PERSONS] = TABLE("persons", "persons.csv", persons),
    [SAMEN_OUT_GRAPH] = TABLE("graph", "graph.csv", graph),
    [SAMEN_OUT_FIELD] = TABLE("field", "field.csv", field),
    [SAMEN_TABLE_SUMMARY] = TABLE("summary", "summary.csv", summary),
};

int samen_table_detail_bit(int which)
{
    switch (which) {
    case SAMEN_OUT_ORGS: return SAMEN_DETAIL_ORGS;
    case SAMEN_OUT_PERSONS: return SAMEN_DETAIL_PERSONS;
    case SAMEN_OUT_GRAPH: return SAMEN_DETAIL_GRAPH;
    case SAMEN_OUT_FIELD: return SAMEN_DETAIL_FIELD;
    default: return 0;
    }
}

int samen_table_wanted(int which, int detail)
{
    int bit = samen_table_detail_bit(which);
    return !bit || (detail & bit);
}

int samen_table_column(const samen_table *t, const char *name)
{
    for (int i = 0; i < t->ncolumns; i++)
        if (!strcmp(t->columns[i].name, name))
            return i;
    return -1;
}

int samen_column_numeric(const samen_table *t, int i)
{
    samen_column_kind k = t->columns[i].kind;
    return k == SAMEN_COL_INT || k == SAMEN_COL_LONG || k == SAMEN_COL_NUM;
}

void samen_table_header(FILE *fp, const samen_table *t)
{
    for (int i = 0; i < t->ncolumns; i++) {
        if (i)
            fputc(',', fp);
        fputs(t->columns[i].name, fp);
    }
}
