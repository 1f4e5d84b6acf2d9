# samen.R: samen_run, samen_read and samen_sweep (FORMATS.md "Embedding"):
# arguments checked here, so that a wrong one is a clear R error; the run
# itself in C (src/samen.c) over libsamen.

.samen <- new.env(parent = emptyenv())

.onLoad <- function(libname, pkgname) {
    .Call(C_samen_init)
    .samen$schema <- .Call(C_samen_schema)
}

detail_words <- function() {
    d <- vapply(.samen$schema, function(t) t$detail, "")
    sort(d[!is.na(d)])
}

check_path <- function(x, what) {
    if (!is.character(x) || length(x) != 1 || is.na(x) || !nzchar(x))
        stop(sprintf("%s must be a path (one string)", what), call. = FALSE)
    path.expand(x)
}

check_whole <- function(x, what) {
    if (!is.numeric(x) || length(x) != 1 || !is.finite(x) || x != round(x) || x < 0)
        stop(sprintf("%s must be one whole number >= 0", what), call. = FALSE)
    format(x, scientific = FALSE, trim = TRUE)
}

# The shortest of 15, 16 and 17 digits that reads back as the same double.
num_text <- function(v) {
    for (d in 15:17) {
        s <- sprintf("%.*g", d, v)
        if (as.numeric(s) == v) return(s)
    }
    s
}

set_value <- function(key, v) {
    if (is.factor(v)) v <- as.character(v)
    if (length(v) != 1 || is.na(v))
        stop(sprintf("set[[\"%s\"]] must be one number or one word", key), call. = FALSE)
    if (is.numeric(v)) {
        if (!is.finite(v))
            stop(sprintf("set[[\"%s\"]] is %s, not a finite number", key, v), call. = FALSE)
        return(num_text(v))
    }
    if (is.character(v)) {
        if (grepl("\n", v, fixed = TRUE))
            stop(sprintf("set[[\"%s\"]] holds a line break", key), call. = FALSE)
        return(v)
    }
    stop(sprintf("set[[\"%s\"]] must be a number or a word, not %s", key, class(v)[1]),
         call. = FALSE)
}

overrides <- function(seed, steps, set, detail) {
    out <- character()
    if (length(set)) {
        if (!is.list(set) && !is.atomic(set))
            stop("set must be a named list of keys to values", call. = FALSE)
        keys <- names(set)
        if (is.null(keys) || any(is.na(keys) | !nzchar(keys) | grepl("=", keys, fixed = TRUE)))
            stop("set must be a named list of scenario keys to values", call. = FALSE)
        for (i in seq_along(set))
            out <- c(out, paste0(keys[i], "=", set_value(keys[i], set[[i]])))
    }
    if (!is.null(seed)) out <- c(out, paste0("simulation.seed=", check_whole(seed, "seed")))
    if (!is.null(steps)) out <- c(out, paste0("simulation.steps=", check_whole(steps, "steps")))
    if (length(detail)) {
        words <- detail_words()
        if (!is.character(detail) || anyNA(detail))
            stop(sprintf("detail must be words of %s", paste(words, collapse = ", ")),
                 call. = FALSE)
        bad <- setdiff(detail, words)
        if (length(bad))
            stop(sprintf("detail '%s' is not one of %s", bad[1], paste(words, collapse = ", ")),
                 call. = FALSE)
        out <- c(out, paste0("output.detail=", paste(detail, collapse = ",")))
    }
    out
}

samen_run <- function(scenario, seed = NULL, steps = NULL, set = list(),
                      detail = character()) {
    path <- check_path(scenario, "scenario")
    ovr <- overrides(seed, steps, set, detail)
    tryCatch(.Call(C_samen_run, path, ovr),
             error = function(e) stop(conditionMessage(e), call. = FALSE))
}

# A table's CSV file with the column types samen_run gives; a sweep's
# leading columns (run, point, the varied keys) as read.csv reads them.
read_table <- function(file, table) {
    classes <- NA
    if (!is.null(table))
        classes <- stats::setNames(table$kinds, table$columns)
    utils::read.csv(file, colClasses = classes, na.strings = "", check.names = FALSE,
                    stringsAsFactors = FALSE)
}

samen_read <- function(path) {
    folder <- check_path(path, "path")
    if (!dir.exists(folder))
        stop(sprintf("%s: not a folder", folder), call. = FALSE)
    is_sweep <- file.exists(file.path(folder, "manifest.csv"))
    if (!is_sweep && !file.exists(file.path(folder, "run.ini")))
        stop(sprintf("%s: neither a run folder (run.ini) nor a sweep folder (manifest.csv)",
                     folder), call. = FALSE)
    out <- list()
    for (name in names(.samen$schema)) {
        f <- file.path(folder, paste0(name, ".csv"))
        if (file.exists(f)) out[[name]] <- read_table(f, .samen$schema[[name]])
    }
    if (is_sweep) {
        if (is.null(out$network))
            stop(sprintf("%s: the sweep is not collected; run `samen collect %s` first",
                         folder, folder), call. = FALSE)
        for (name in c("summary", "manifest")) {
            f <- file.path(folder, paste0(name, ".csv"))
            if (file.exists(f)) out[[name]] <- read_table(f, NULL)
        }
    }
    out
}

call_samen <- function(args) {
    exe <- Sys.which("samen")
    if (!nzchar(exe))
        stop("the samen program is not on the PATH (make install puts it in PREFIX/bin)",
             call. = FALSE)
    err <- tempfile()
    on.exit(unlink(err))
    status <- system2(exe, args, stdout = FALSE, stderr = err)
    if (status != 0) {
        lines <- readLines(err, warn = FALSE)
        msg <- sub("^samen: ", "", lines[nzchar(lines)])
        stop(if (length(msg)) paste(msg, collapse = "\n")
             else sprintf("samen %s ended with status %d", args[1], status), call. = FALSE)
    }
}

samen_sweep <- function(path, out = NULL, jobs = NULL) {
    sweep_file <- check_path(path, "path")
    if (is.null(out))
        out <- file.path("results", sub("\\.ini$", "", basename(sweep_file)))
    out <- check_path(out, "out")
    args <- c("sweep", shQuote(sweep_file), "--quiet", "--out", shQuote(out))
    if (!is.null(jobs)) args <- c(args, "-j", check_whole(jobs, "jobs"))
    call_samen(args)
    call_samen(c("collect", shQuote(out)))
    samen_read(out)
}
