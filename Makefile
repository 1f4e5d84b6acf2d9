# Makefile: builds samen (build/samen), the library libsamen (static and
# shared, with its pkg-config file), its tests (also under ASan/UBSan), the
# MPI build (make MPI=1), the benchmark and the experiments, and installs
# them with the Python package (make install PREFIX=... DESTDIR=...).
# `make run` and `make test` install missing Debian packages first.

BUILD   := build
PREFIX  ?= /usr/local
DESTDIR ?=
LIBDIR  ?= $(PREFIX)/lib
INCDIR  ?= $(PREFIX)/include
# Where Debian's python3 looks for packages of a PREFIX (FORMATS.md
# "Embedding").
PYDIR   ?= $(PREFIX)/lib/python3/dist-packages
# The shared library's major version: its soname is libsamen.so.$(SOMAJOR).
SOMAJOR := 0
CC      ?= cc
OPT     ?= -O2 -g
# -Werror only where the project is tested (make test, CI): a user's plain
# make must not fail on a warning a newer compiler adds.
WARN    := -std=c11 -Wall -Wextra $(if $(WERROR),-Werror)
# The program's own code is also held to these (tests are not: their
# literals and loop counters would only gain casts).
SRCWARN := -Wshadow -Wconversion
# igraph and libxml2 keep their headers in folders of their own; -isystem
# keeps their warnings out of -Werror.
CPPFLAGS_ALL := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
                -isystem /usr/include/igraph -isystem /usr/include/libxml2
DEPFLAGS     := -MMD -MP
CFLAGS_ALL   := $(WARN) $(OPT) $(CFLAGS)
# The library's objects serve the static and the shared library alike:
# position independent, and nothing exported from libsamen.so but what
# include/samen/ marks SAMEN_API (src/libsamen.map names the version).
LIBFLAGS     := -fPIC -fvisibility=hidden
LDLIBS_ALL   := -ligraph -lxml2 -lgsl -lgslcblas -lcsv -lz -lm $(LDLIBS)
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

BUILD_PKGS := gcc make libc6-dev libgsl-dev libcsv-dev zlib1g-dev \
              libigraph-dev libxml2-dev
TEST_PKGS  := libcmocka-dev openmpi-bin libopenmpi-dev slurm-wlm munge gnuplot-nox time \
              python3-networkx pkgconf binutils python3-pandas python3-pytest \
              python3-pip python3-setuptools \
              r-base-core r-cran-testthat
EXP_PKGS   := gnuplot-nox python3

# Files ending in _mpi.c are compiled only into the MPI build; each file in
# src/tools/ is a program of its own (analysis helpers for the scripts).
LIB_SRC  := $(sort $(shell find src -name '*.c' ! -path 'src/cli/*' ! -path 'src/tools/*' ! -name '*_mpi.c'))
TOOL_SRC := $(sort $(wildcard src/tools/*.c))
TOOLS    := $(TOOL_SRC:src/tools/%.c=$(BUILD)/%)
CLI_SRC  := $(sort $(filter-out %_mpi.c,$(wildcard src/cli/*.c)))
MPI_SRC  := $(sort $(shell find src -name '*_mpi.c'))
TEST_SRC := $(sort $(wildcard tests/test_*.c))
HDRS     := $(shell find include src tests -name '*.h')

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
SAN_OBJ  := $(LIB_SRC:%.c=$(BUILD)/san/%.o)
TESTS    := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
SAN_TESTS:= $(TEST_SRC:tests/%.c=$(BUILD)/san-tests/%)

.PHONY: all deps deps-test run test unit unit-san e2e lib-test bench bench-fmt experiments mpi mutate clean \
        install uninstall

ifeq ($(MPI),1)
all: $(BUILD)/samen $(TOOLS) $(BUILD)/libsamen.so $(BUILD)/samen-mpi
else
all: $(BUILD)/samen $(TOOLS) $(BUILD)/libsamen.so
endif

deps:
	@scripts/deps.sh $(BUILD_PKGS)

deps-test: deps
	@scripts/deps.sh $(TEST_PKGS)

# Objects depend on the headers they include (the .d files of -MMD).
$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(DEPFLAGS) $(CFLAGS_ALL) $(SRCWARN) $(LIBFLAGS) -c $< -o $@

$(BUILD)/san/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(DEPFLAGS) $(WARN) -O1 -g $(SAN) -c $< -o $@

$(BUILD)/libsamen.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# The shared library: soname libsamen.so.$(SOMAJOR), every symbol resolved
# at link time (but in a sanitized build, whose runtime the program that
# loads the library brings), the public ones versioned by src/libsamen.map.
SO_DEFS := $(if $(findstring -fsanitize,$(OPT) $(CFLAGS)),,-Wl,--no-undefined)
$(BUILD)/libsamen.so.$(SOMAJOR): $(LIB_OBJ) src/libsamen.map
	$(CC) $(CFLAGS_ALL) -shared -Wl,-soname,libsamen.so.$(SOMAJOR) \
	    -Wl,--version-script=src/libsamen.map $(SO_DEFS) \
	    -o $@ $(LIB_OBJ) $(LDLIBS_ALL)

$(BUILD)/libsamen.so: $(BUILD)/libsamen.so.$(SOMAJOR)
	ln -sf libsamen.so.$(SOMAJOR) $@

$(BUILD)/samen: $(CLI_OBJ) $(BUILD)/libsamen.a
	$(CC) $(CFLAGS_ALL) -o $@ $(CLI_OBJ) $(BUILD)/libsamen.a $(LDLIBS_ALL)

$(BUILD)/%: src/tools/%.c $(BUILD)/libsamen.a $(HDRS)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libsamen.a $(LDLIBS_ALL)

# The MPI build: the same program compiled with mpicc and -DSAMEN_MPI.
$(BUILD)/samen-mpi: $(LIB_SRC) $(CLI_SRC) $(MPI_SRC) $(HDRS)
	@mkdir -p $(BUILD)
	mpicc $(CPPFLAGS_ALL) -DSAMEN_MPI $(CFLAGS_ALL) -o $@ $(LIB_SRC) $(CLI_SRC) $(MPI_SRC) $(LDLIBS_ALL)

mpi:
	@scripts/deps.sh openmpi-bin libopenmpi-dev
	$(MAKE) MPI=1 $(BUILD)/samen-mpi

$(BUILD)/tests/%: tests/%.c $(BUILD)/libsamen.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -Itests $(CFLAGS_ALL) -o $@ $< $(BUILD)/libsamen.a -lcmocka $(LDLIBS_ALL)

$(BUILD)/san-tests/%: tests/%.c $(SAN_OBJ) $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -Itests $(WARN) -O1 -g $(SAN) -o $@ $< $(SAN_OBJ) -lcmocka $(LDLIBS_ALL)

# The default scenario; prints where the results are and a short summary.
run: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/samen run scenarios/brede-school-molenbeek.ini --force

unit: $(TESTS)
	@tests/run-unit.sh $(TESTS)

unit-san: $(SAN_TESTS)
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 tests/run-unit.sh $(SAN_TESTS)

e2e: $(BUILD)/samen
	@SAMEN=$(CURDIR)/$(BUILD)/samen SAMEN_MPI=$(CURDIR)/$(BUILD)/samen-mpi tests/run-e2e.sh

# The library under ThreadSanitizer, for the threads test of lib-test.
TSAN     := -fsanitize=thread -fno-omit-frame-pointer
TSAN_OBJ := $(LIB_SRC:%.c=$(BUILD)/tsan/%.o)

$(BUILD)/tsan/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(DEPFLAGS) $(WARN) -O1 -g $(TSAN) -c $< -o $@

$(BUILD)/tsan/lib_threads: tests/lib/threads.c $(TSAN_OBJ) $(HDRS)
	$(CC) $(CPPFLAGS_ALL) $(WARN) -O1 -g $(TSAN) -o $@ $< $(TSAN_OBJ) $(LDLIBS_ALL) -lpthread

# libsamen as a library and its bindings (tests/lib/): exported symbols,
# the installed library, threads, Python and R.
lib-test: $(BUILD)/samen $(BUILD)/libsamen.so $(BUILD)/tsan/lib_threads
	@tests/lib/bindings.sh $(CURDIR)/$(BUILD)

# make test builds on every core (TEST_JOBS), then runs the parts one
# after the other.
TEST_JOBS ?= $(shell nproc 2> /dev/null || echo 2)

test: deps-test
	@$(MAKE) --no-print-directory -j$(TEST_JOBS) all $(BUILD)/samen-mpi $(TESTS) $(SAN_TESTS) \
	    $(BUILD)/libsamen.so $(BUILD)/tsan/lib_threads MPI=1 WERROR=1
	@$(MAKE) --no-print-directory unit WERROR=1
	@$(MAKE) --no-print-directory unit-san WERROR=1
	@$(MAKE) --no-print-directory e2e WERROR=1
	@$(MAKE) --no-print-directory lib-test WERROR=1

bench: deps
	@scripts/deps.sh time
	@$(MAKE) --no-print-directory all $(BUILD)/bench_fmt
	@$(BUILD)/bench_fmt 2000000
	@SAMEN=$(CURDIR)/$(BUILD)/samen scripts/bench.sh
	@scripts/deps.sh python3-pandas r-base-core
	@BUILD=$(BUILD) scripts/bench_bindings.sh

# Times samen_fmt_num against snprintf("%.6g"); optional argument COUNT.
$(BUILD)/bench_fmt: tests/bench_fmt.c $(BUILD)/libsamen.a $(HDRS)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libsamen.a $(LDLIBS_ALL)

bench-fmt: $(BUILD)/bench_fmt
	$(BUILD)/bench_fmt

experiments: deps
	@scripts/deps.sh $(EXP_PKGS)
	@$(MAKE) --no-print-directory all
	@scripts/experiments.sh

# The mutation check of docs/TESTING.md: about 3 minutes on 2 cores; needs
# python3. Not part of make test.
mutate: deps-test
	@scripts/mutate.sh -j 2

clean:
	rm -rf $(BUILD)

# samen, samen-mpi where it was built (make MPI=1), the library (shared,
# static, headers, samen.pc), the Python package, the plot scripts and the
# manual page samen(1); DESTDIR for staged installs (packages).
install: $(BUILD)/samen $(BUILD)/libsamen.so $(BUILD)/libsamen.a
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/samen \
	    $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(LIBDIR)/pkgconfig \
	    $(DESTDIR)$(INCDIR)/samen
	install -m 755 $(BUILD)/libsamen.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libsamen.so.$(SOMAJOR)
	ln -sf libsamen.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libsamen.so
	install -m 644 $(BUILD)/libsamen.a $(DESTDIR)$(LIBDIR)/libsamen.a
	@# samen.pc with this install's paths and the version of samen.h
	sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@INCDIR@|$(INCDIR)|' \
	    -e "s|@VERSION@|$$(sed -n 's/^#define SAMEN_VERSION \"\(.*\)\"/\1/p' include/samen/samen.h)|" \
	    scripts/samen.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/samen.pc
	install -m 644 include/samen/*.h $(DESTDIR)$(INCDIR)/samen
	install -d $(DESTDIR)$(PYDIR)/samen
	install -m 644 python/samen/*.py $(DESTDIR)$(PYDIR)/samen
	install -m 755 $(BUILD)/samen $(DESTDIR)$(PREFIX)/bin/samen
	if [ -x $(BUILD)/samen-mpi ]; then \
	    install -m 755 $(BUILD)/samen-mpi $(DESTDIR)$(PREFIX)/bin/samen-mpi; fi
	install -m 644 scripts/plot-run.gp scripts/plot-sweep.gp $(DESTDIR)$(PREFIX)/share/samen
	install -m 644 docs/samen.1 $(DESTDIR)$(PREFIX)/share/man/man1/samen.1
	@# the loader's cache, for a real install (a staged one has none)
	if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" -eq 0 ]; then ldconfig; fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/samen $(DESTDIR)$(PREFIX)/bin/samen-mpi \
	    $(DESTDIR)$(PREFIX)/share/samen/plot-run.gp $(DESTDIR)$(PREFIX)/share/samen/plot-sweep.gp \
	    $(DESTDIR)$(PREFIX)/share/man/man1/samen.1 \
	    $(DESTDIR)$(LIBDIR)/libsamen.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libsamen.so \
	    $(DESTDIR)$(LIBDIR)/libsamen.a $(DESTDIR)$(LIBDIR)/pkgconfig/samen.pc
	rm -rf $(DESTDIR)$(INCDIR)/samen $(DESTDIR)$(PYDIR)/samen
	-rmdir $(DESTDIR)$(PREFIX)/share/samen 2>/dev/null

# Header dependencies, as the compiler found them (-MMD -MP).
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# Hardening: the fuzz targets and their corpus replay (tests/fuzz/fuzz.mk),
# the allocation-failure sweep (tests/alloc/alloc.mk) and the clang build
# check (tests/clang/clang.mk); make test runs the replay, the sweep and the
# check before its other parts.
include tests/fuzz/fuzz.mk
include tests/alloc/alloc.mk
include tests/clang/clang.mk

.PHONY: test-hardening
test: test-hardening
test-hardening: deps-test
	@$(MAKE) --no-print-directory -j$(TEST_JOBS) $(REPLAY_BINS) $(BUILD)/alloc/alloc_fail WERROR=1
	@$(MAKE) --no-print-directory fuzz-replay alloc-fail WERROR=1
	@$(MAKE) --no-print-directory clang-check
