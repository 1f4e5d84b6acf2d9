/* threads.c SCENARIO: runs the scenario at four seeds in four threads at
 * once through samen_run_tables, then one after another, and checks that
 * every table is the same; built with ThreadSanitizer by make lib-test, so
 * a race in the library fails it. With the graph table: igraph, which
 * Debian builds without thread safety, is called under the library's lock
 * (src/graph/field.c). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "samen/memory.h"
#include "samen/samen.h"

enum { THREADS = 4 };

typedef struct job {
    const char *path;
    unsigned seed;
    samen_result *res;
    int rc;
    samen_error err;
} job;

static void *run(void *arg)
{
    job *j = arg;
    char seed[64];
    snprintf(seed, sizeof seed, "simulation.seed=%u", j->seed);
    const char *ovr[] = {seed, "simulation.steps=104", "output.detail=orgs,persons,graph"};
    samen_scenario *sc;
    j->rc = samen_scenario_load(&sc, j->path, ovr, 3, &j->err);
    if (j->rc == SAMEN_OK) {
        j->rc = samen_run_tables(sc, &j->res, &j->err);
        samen_scenario_free(sc);
    }
    return NULL;
}

/* 0 if the two results hold the same tables, cell for cell. */
static int same(const samen_result *a, const samen_result *b)
{
    for (int t = 0; t < samen_schema_tables(); t++) {
        int64_t n = samen_result_rows(a, t);
        if (samen_result_has(a, t) != samen_result_has(b, t) || samen_result_rows(b, t) != n)
            return -1;
        for (int c = 0; c < samen_schema_columns(t) && n > 0; c++) {
            size_t rows = (size_t)n;
            switch (samen_schema_kind(t, c)) {
            case SAMEN_KIND_INT:
                if (memcmp(samen_result_ints(a, t, c), samen_result_ints(b, t, c),
                           rows * sizeof(int64_t)))
                    return -1;
                break;
            case SAMEN_KIND_NUM:
                if (memcmp(samen_result_nums(a, t, c), samen_result_nums(b, t, c),
                           rows * sizeof(double)))
                    return -1;
                break;
            default:
                for (size_t i = 0; i < rows; i++) {
                    int32_t ca = samen_result_codes(a, t, c)[i];
                    int32_t cb = samen_result_codes(b, t, c)[i];
                    if ((ca < 0) != (cb < 0)
                        || (ca >= 0 && strcmp(samen_result_level(a, t, c, ca),
                                              samen_result_level(b, t, c, cb))))
                        return -1;
                }
            }
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s SCENARIO\n", argv[0]);
        return 2;
    }
    samen_error err;
    samen_library_init(&err);
    job together[THREADS], alone[THREADS];
    pthread_t tid[THREADS];
    memset(together, 0, sizeof together);
    memset(alone, 0, sizeof alone);
    for (int i = 0; i < THREADS; i++) {
        together[i].path = alone[i].path = argv[1];
        together[i].seed = alone[i].seed = (unsigned)(i + 1);
        if (pthread_create(&tid[i], NULL, run, &together[i]) != 0) {
            fprintf(stderr, "cannot start a thread\n");
            return 1;
        }
    }
    for (int i = 0; i < THREADS; i++)
        pthread_join(tid[i], NULL);
    int bad = 0;
    for (int i = 0; i < THREADS; i++) {
        run(&alone[i]);
        if (together[i].rc || alone[i].rc) {
            samen_error_print(together[i].rc ? &together[i].err : &alone[i].err, stderr);
            return 1;
        }
        if (same(together[i].res, alone[i].res)) {
            fprintf(stderr, "seed %u: the tables of the run in a thread differ\n",
                    together[i].seed);
            bad = 1;
        }
        /* different seeds, different runs: the comparison can tell */
        if (i > 0 && !same(alone[i].res, alone[0].res)) {
            fprintf(stderr, "seeds 1 and %u gave the same tables\n", alone[i].seed);
            bad = 1;
        }
    }
    for (int i = 0; i < THREADS; i++) {
        samen_result_free(together[i].res);
        samen_result_free(alone[i].res);
    }
    if (!bad)
        printf("ok: %d scenarios in threads, the same tables as one after another\n", THREADS);
    return bad;
}
