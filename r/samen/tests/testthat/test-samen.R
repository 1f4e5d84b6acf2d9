# samen_run, samen_read and samen_sweep against the CSV files of the samen
# program (on the PATH), over the repository's default scenario (SAMEN_TOP
# names the repository; tests/lib/bindings.sh sets both).

top <- Sys.getenv("SAMEN_TOP")
scenario <- file.path(top, "scenarios", "brede-school-molenbeek.ini")
have_samen <- function() {
    skip_if(!nzchar(top) || !file.exists(scenario), "SAMEN_TOP is not the repository")
    skip_if(!nzchar(Sys.which("samen")), "samen is not on the PATH")
}

cli_run <- function(out, ...) {
    status <- system2("samen", c("run", shQuote(scenario), "--out", shQuote(out), "--quiet",
                                 "--seed", "4", "--steps", "60",
                                 "--set", "output.snapshot_every=6", ...))
    expect_equal(status, 0)
}

# a cell as samen writes it: whole numbers as they are, numbers %.6g
as_text <- function(x) {
    out <- if (is.double(x)) sprintf("%.6g", x) else as.character(x)
    out[is.na(x)] <- ""
    out
}

test_that("every table equals the CSV file of samen run", {
    have_samen()
    out <- tempfile()
    cli_run(out, "--detail", "orgs,persons,graph,field")
    r <- samen_run(scenario, seed = 4, steps = 60, set = list(output.snapshot_every = 6),
                   detail = c("orgs", "persons", "graph", "field"))
    expect_setequal(names(r), c("network", "events", "ties", "orgs", "persons", "graph",
                                "field"))
    for (name in names(r)) {
        f <- file.path(out, paste0(name, ".csv"))
        text <- read.csv(f, colClasses = "character", na.strings = NULL, check.names = FALSE)
        expect_equal(names(r[[name]]), names(text))
        expect_gt(nrow(text), 0)
        expect_equal(nrow(r[[name]]), nrow(text))
        for (col in names(text))
            expect_identical(as_text(r[[name]][[col]]), text[[col]], info = paste(name, col))
        # types: as read.csv reads the file (a number column whose cells are
        # all whole is integer to read.csv, a text column with only empty
        # cells logical)
        typed <- read.csv(f, na.strings = "", check.names = FALSE)
        for (col in names(typed)) {
            mine <- class(r[[name]][[col]])
            theirs <- class(typed[[col]])
            if (mine == "numeric" && theirs == "integer") next
            if (mine == "character" && theirs == "logical" && all(is.na(typed[[col]]))) next
            expect_identical(mine, theirs, info = paste(name, col))
        }
    }
    unlink(out, recursive = TRUE)
})

test_that("numbers keep full precision, empty cells are NA", {
    have_samen()
    r <- samen_run(scenario, seed = 4, steps = 60)
    expect_true(any(as.numeric(sprintf("%.6g", r$network$trust)) != r$network$trust))
    expect_type(r$network$step, "integer")
    expect_type(r$network$phase, "character")
    expect_true(anyNA(r$events$person) && !all(is.na(r$events$person)))
    expect_true(anyNA(r$events$org))
    expect_null(r$orgs)
    again <- samen_run(scenario, seed = 4, steps = 60)
    expect_identical(r, again)
    other <- samen_run(scenario, seed = 4, steps = 60, set = list(model.join_rate = 0.05))
    expect_false(identical(r$events, other$events))
})

test_that("samen_read of a run folder equals samen_run", {
    have_samen()
    out <- tempfile()
    cli_run(out, "--detail", "orgs")
    got <- samen_read(out)
    r <- samen_run(scenario, seed = 4, steps = 60, set = list(output.snapshot_every = 6),
                   detail = "orgs")
    expect_setequal(names(got), names(r))
    for (name in names(r))
        expect_equal(got[[name]], r[[name]], tolerance = 1e-5, info = name)
    unlink(out, recursive = TRUE)
})

test_that("samen_sweep runs, collects and reads a sweep", {
    have_samen()
    dir <- tempfile()
    dir.create(dir)
    sw <- file.path(dir, "s.sweep.ini")
    writeLines(c("[sweep]", paste("scenario =", scenario), "replicates = 2", "seed = 3",
                 "[set]", "simulation.steps = 30",
                 "[vary]", "model.join_rate = 0.1, 0.3"), sw)
    s <- samen_sweep(sw, out = file.path(dir, "out"), jobs = 2)
    expect_equal(s$manifest$run, 0:3)
    expect_equal(names(s$network)[1:4], c("run", "point", "replicate", "model.join_rate"))
    expect_type(s$network$trust, "double")
    m <- s$manifest[s$manifest$run == 3, ]
    one <- samen_run(scenario, seed = m$seed, steps = 30,
                     set = list(model.join_rate = m$model.join_rate))
    mine <- s$network[s$network$run == 3, -(1:4)]
    rownames(mine) <- NULL
    expect_equal(mine, one$network, tolerance = 1e-5)
    expect_identical(samen_read(file.path(dir, "out"))$ties, s$ties)
    unlink(dir, recursive = TRUE)
})

test_that("a bad scenario is an R error with the message of samen run", {
    have_samen()
    bad <- tempfile(fileext = ".ini")
    writeLines(sub("[simulation]", "[simulation]\nstepz = 3", readLines(scenario), fixed = TRUE),
               bad)
    cli <- suppressWarnings(system2("samen", c("run", shQuote(bad), "--out",
                                               shQuote(tempfile())),
                                    stdout = TRUE, stderr = TRUE))
    expect_equal(attr(cli, "status"), 2L)
    msg <- sub("^samen: ", "", cli[1])
    expect_error(samen_run(bad), msg, fixed = TRUE)
    expect_error(samen_run(file.path(tempdir(), "missing.ini")), "missing.ini", fixed = TRUE)
    expect_error(samen_run(scenario, set = list(model.trust0 = 2)),
                 "model.trust0: 2 is out of range", fixed = TRUE)
    expect_error(samen_read(tempdir()), "neither a run folder")
    # the session goes on
    expect_gt(nrow(samen_run(scenario, seed = 1, steps = 5)$network), 0)
})

test_that("a wrong argument is a clear R error", {
    expect_error(samen_run(42), "scenario must be a path")
    expect_error(samen_run(c("a", "b")), "scenario must be a path")
    expect_error(samen_run(scenario, seed = "4"), "seed must be one whole number")
    expect_error(samen_run(scenario, steps = 2.5), "steps must be one whole number")
    expect_error(samen_run(scenario, detail = "nope"), "detail 'nope' is not one of")
    expect_error(samen_run(scenario, detail = 3), "detail must be words")
    expect_error(samen_run(scenario, set = list(1)), "named list")
    expect_error(samen_run(scenario, set = list(model.join_rate = list(1))),
                 "must be a number or a word")
    expect_error(samen_run(scenario, set = list(model.join_rate = c(1, 2))),
                 "one number or one word")
    expect_error(samen_run(scenario, set = list(model.join_rate = Inf)), "not a finite number")
    expect_error(samen_read(3), "path must be a path")
    expect_error(samen_sweep(NULL), "path must be a path")
})
