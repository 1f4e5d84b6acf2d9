/* samen.c: the C glue of the R package over libsamen (samen/memory.h):
 * the schema of the output tables, and a scenario run in memory returned
 * as a named list of data.frames with the CSV files' columns. */
#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>
#include <samen/memory.h>
#include <samen/samen.h>

/* The library's handlers (memory.h), once when the package loads. */
static SEXP samen_r_init(void)
{
    samen_error err;
    samen_library_init(&err);
    return R_NilValue;
}

/* list(table = list(detail, columns, kinds, nullable), ...) */
static SEXP samen_r_schema(void)
{
    int nt = samen_schema_tables();
    SEXP out = PROTECT(allocVector(VECSXP, nt));
    SEXP names = PROTECT(allocVector(STRSXP, nt));
    for (int t = 0; t < nt; t++) {
        int nc = samen_schema_columns(t);
        SEXP tab = PROTECT(allocVector(VECSXP, 4));
        SEXP tnames = PROTECT(allocVector(STRSXP, 4));
        const char *detail = samen_schema_detail(t);
        SET_VECTOR_ELT(tab, 0, detail ? mkString(detail) : ScalarString(NA_STRING));
        SEXP cols = PROTECT(allocVector(STRSXP, nc));
        SEXP kinds = PROTECT(allocVector(STRSXP, nc));
        SEXP nullable = PROTECT(allocVector(LGLSXP, nc));
        for (int c = 0; c < nc; c++) {
            SET_STRING_ELT(cols, c, mkChar(samen_schema_column(t, c)));
            int k = samen_schema_kind(t, c);
            SET_STRING_ELT(kinds, c, mkChar(k == SAMEN_KIND_INT   ? "integer"
                                            : k == SAMEN_KIND_NUM ? "numeric"
                                                                  : "character"));
            LOGICAL(nullable)[c] = samen_schema_nullable(t, c);
        }
        SET_VECTOR_ELT(tab, 1, cols);
        SET_VECTOR_ELT(tab, 2, kinds);
        SET_VECTOR_ELT(tab, 3, nullable);
        SET_STRING_ELT(tnames, 0, mkChar("detail"));
        SET_STRING_ELT(tnames, 1, mkChar("columns"));
        SET_STRING_ELT(tnames, 2, mkChar("kinds"));
        SET_STRING_ELT(tnames, 3, mkChar("nullable"));
        setAttrib(tab, R_NamesSymbol, tnames);
        SET_VECTOR_ELT(out, t, tab);
        SET_STRING_ELT(names, t, mkChar(samen_schema_table(t)));
        UNPROTECT(5);
    }
    setAttrib(out, R_NamesSymbol, names);
    UNPROTECT(2);
    return out;
}

/* The result is freed by the finaliser if an R allocation fails (R's
 * error jumps past the end of samen_r_run). */
static void result_finalize(SEXP ptr)
{
    samen_result_free(R_ExternalPtrAddr(ptr));
    R_ClearExternalPtr(ptr);
}

static SEXP column(const samen_result *res, int t, int c, R_xlen_t n)
{
    const uint8_t *miss = samen_result_missing(res, t, c);
    SEXP v;
    switch (samen_schema_kind(t, c)) {
    case SAMEN_KIND_INT: {
        const int64_t *x = samen_result_ints(res, t, c);
        v = PROTECT(allocVector(INTSXP, n));
        for (R_xlen_t i = 0; i < n; i++)
            INTEGER(v)[i] = miss && miss[i] ? NA_INTEGER : (int)x[i];
        break;
    }
    case SAMEN_KIND_NUM: {
        const double *x = samen_result_nums(res, t, c);
        v = PROTECT(allocVector(REALSXP, n));
        for (R_xlen_t i = 0; i < n; i++)
            REAL(v)[i] = miss && miss[i] ? NA_REAL : x[i];
        break;
    }
    default: {
        /* one CHARSXP per distinct text, shared by its cells */
        int32_t nl = samen_result_levels(res, t, c);
        SEXP levels = PROTECT(allocVector(STRSXP, nl));
        for (int32_t l = 0; l < nl; l++)
            SET_STRING_ELT(levels, l, mkCharCE(samen_result_level(res, t, c, l), CE_UTF8));
        const int32_t *code = samen_result_codes(res, t, c);
        v = PROTECT(allocVector(STRSXP, n));
        for (R_xlen_t i = 0; i < n; i++)
            SET_STRING_ELT(v, i, code[i] < 0 ? NA_STRING : STRING_ELT(levels, code[i]));
        UNPROTECT(2);
        PROTECT(v);
    }
    }
    UNPROTECT(1);
    return v;
}

static SEXP data_frame(const samen_result *res, int t)
{
    int nc = samen_schema_columns(t);
    R_xlen_t n = (R_xlen_t)samen_result_rows(res, t);
    SEXP df = PROTECT(allocVector(VECSXP, nc));
    SEXP names = PROTECT(allocVector(STRSXP, nc));
    for (int c = 0; c < nc; c++) {
        SET_VECTOR_ELT(df, c, column(res, t, c, n));
        SET_STRING_ELT(names, c, mkChar(samen_schema_column(t, c)));
    }
    setAttrib(df, R_NamesSymbol, names);
    /* compact row names 1..n, as data.frame() makes them */
    SEXP rn = PROTECT(allocVector(INTSXP, 2));
    INTEGER(rn)[0] = NA_INTEGER;
    INTEGER(rn)[1] = -(int)n;
    setAttrib(df, R_RowNamesSymbol, rn);
    setAttrib(df, R_ClassSymbol, mkString("data.frame"));
    UNPROTECT(3);
    return df;
}

static SEXP samen_r_run(SEXP path, SEXP overrides)
{
    if (!isString(path) || XLENGTH(path) != 1 || STRING_ELT(path, 0) == NA_STRING)
        error("scenario must be a path (one string)");
    if (!isString(overrides))
        error("the overrides must be a character vector");
    int n = (int)XLENGTH(overrides);
    const char **ovr = (const char **)R_alloc((size_t)n + 1, sizeof *ovr);
    for (int i = 0; i < n; i++) {
        if (STRING_ELT(overrides, i) == NA_STRING)
            error("an override is NA");
        ovr[i] = translateCharUTF8(STRING_ELT(overrides, i));
    }
    samen_error err;
    char msg[2048];
    samen_scenario *sc;
    if (samen_scenario_load(&sc, translateCharUTF8(STRING_ELT(path, 0)), ovr, n, &err)) {
        samen_error_line(&err, msg, sizeof msg);
        error("%s", msg);
    }
    samen_result *res;
    int rc = samen_run_tables(sc, &res, &err);
    samen_scenario_free(sc);
    if (rc) {
        samen_error_line(&err, msg, sizeof msg);
        error("%s", msg);
    }
    SEXP ptr = PROTECT(R_MakeExternalPtr(res, R_NilValue, R_NilValue));
    R_RegisterCFinalizerEx(ptr, result_finalize, TRUE);
    int nt = samen_schema_tables(), k = 0;
    for (int t = 0; t < nt; t++)
        k += samen_result_has(res, t);
    SEXP out = PROTECT(allocVector(VECSXP, k));
    SEXP names = PROTECT(allocVector(STRSXP, k));
    k = 0;
    for (int t = 0; t < nt; t++) {
        if (!samen_result_has(res, t))
            continue;
        SET_VECTOR_ELT(out, k, data_frame(res, t));
        SET_STRING_ELT(names, k++, mkChar(samen_schema_table(t)));
    }
    setAttrib(out, R_NamesSymbol, names);
    result_finalize(ptr);
    UNPROTECT(3);
    return out;
}

static const R_CallMethodDef calls[] = {
    {"samen_init", (DL_FUNC)&samen_r_init, 0},
    {"samen_schema", (DL_FUNC)&samen_r_schema, 0},
    {"samen_run", (DL_FUNC)&samen_r_run, 2},
    {NULL, NULL, 0},
};

void R_init_samen(DllInfo *dll)
{
    R_registerRoutines(dll, NULL, calls, NULL, NULL);
    R_useDynamicSymbols(dll, FALSE);
}
