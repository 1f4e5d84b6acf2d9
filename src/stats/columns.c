/* columns.c: reading the CSV input of the tools (src/tools/samen-stats.c,
 * samen-km.c): a table with a header, columns by name; see columns.h. */
#include "stats/columns.h"

#include <string.h>

int samen_stats_find_col(char **fields, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(fields[i], name))
            return i;
    return -1;
}

int samen_stats_read_table(const char *path, samen_csv_row_fn fn, void *user,
                           const int *n_cols, samen_error *err)
{
    int rc = samen_csv_read(path, fn, user, err);
    if (rc)
        return rc;
    if (*n_cols == 0)
        return samen_error_set(err, SAMEN_EINPUT, path, 0, NULL,
                               "empty: a header line is required");
    return SAMEN_OK;
}
