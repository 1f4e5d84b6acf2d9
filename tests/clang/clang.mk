# clang.mk: the clang build check of make test (included at the end of the
# Makefile), i.e. `make CC=clang test` without a second round of packages
# and hardening: everything built with clang, -Werror and
# -fsanitize=undefined into $(BUILD)/clang-ubsan (samen-mpi through mpicc,
# whatever compiler it wraps); every shipped scenario checked and run with
# it (tests/clang/scenarios_ubsan.sh); then the unit tests as built there
# (already under UBSan; gcc's unit-san adds ASan) and the end-to-end tests,
# with that samen. No
# warning stops a clang build, no shipped scenario or test meets undefined
# behaviour, and no test depends on the compiler.

CLANG_BUILD := $(BUILD)/clang-ubsan
CLANG_OPT   := -O1 -g -fsanitize=undefined,float-divide-by-zero -fno-sanitize-recover=all
CLANG_MAKE  := $(MAKE) --no-print-directory CC=clang BUILD=$(CLANG_BUILD) OPT="$(CLANG_OPT)" WERROR=1

.PHONY: clang-check

# The packages of make test, and clang with its sanitizer runtimes (the
# fuzz harness's: libclang-rt-dev is only recommended by clang).
clang-check: deps-test
	@scripts/deps.sh $(FUZZ_PKGS)
	@$(CLANG_MAKE) -j$(TEST_JOBS) all $(CLANG_BUILD)/samen-mpi \
	    $(TEST_SRC:tests/%.c=$(CLANG_BUILD)/tests/%) MPI=1
	@tests/clang/scenarios_ubsan.sh $(CURDIR)/$(CLANG_BUILD)/samen
	@UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 $(CLANG_MAKE) unit
	@UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 $(CLANG_MAKE) e2e
