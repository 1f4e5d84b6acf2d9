/* fuzz_runini.c: a scenario in run.ini form (what samen run writes and
 * `samen run DIR/run.ini` reads back) beside fixed input-organisations.csv
 * and input-ties.csv. A run.ini that loads must reproduce itself: printed,
 * loaded again and printed again, the two texts are the same bytes
 * (FORMATS.md: run.ini reproduces the run byte for byte). */
#include "fuzz.h"

/* The scenario at path printed as run.ini into a malloc'd text, or NULL
 * if it does not load. */
static char *printed(const char *path)
{
    samen_scenario *sc;
    samen_error err;
    samen_error_clear(&err);
    if (samen_scenario_load(&sc, path, NULL, 0, &err) != SAMEN_OK) {
        if (!err.msg[0])
            abort();
        return NULL;
    }
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        abort();
    samen_scenario_print(sc, mem);
    fclose(mem);
    samen_scenario_free(sc);
    return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        fuzz_write_str("input-organisations.csv", fuzz_orgs_csv);
        fuzz_write_str("input-ties.csv", fuzz_ties_csv);
        ready = 1;
    }
    fuzz_write("run.ini", data, size);
    char *first = printed(fuzz_path("run.ini"));
    if (!first)
        return 0;
    fuzz_write_str("run.ini", first);
    char *second = printed(fuzz_path("run.ini"));
    if (!second || strcmp(first, second)) {
        fprintf(stderr, "fuzz_runini: run.ini does not reproduce itself:\n%s\n---\n%s\n",
                first, second ? second : "(refused)");
        abort();
    }
    free(first);
    free(second);
    return 0;
}
