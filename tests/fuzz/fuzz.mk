# fuzz.mk: the fuzz harness of tests/fuzz/ (docs/FUZZING.md), included at
# the end of the Makefile.
#   make fuzz FUZZ_SECONDS=N   builds the libFuzzer targets with clang
#                              (installing clang first) and runs each N s;
#                              FUZZ_RUNS=R stops each after R executions,
#                              FUZZ_JOBS=J runs J targets at a time
#   make fuzz-replay           the corpus and regression replay of make test:
#                              each target's LLVMFuzzerTestOneInput fed every
#                              file by tests/fuzz/replay.c, built with $(CC)
#                              and ASan/UBSan like unit-san (no clang needed)

FUZZ_TARGETS := scenario orgs ties sweep runini partlog
FUZZ_SECONDS ?= 60
FUZZ_RUNS    ?= 0
FUZZ_JOBS    ?= 1
# A target writes and reads a file per execution: on a tmpfs where there is one.
FUZZ_TMPDIR  ?= $(if $(wildcard /dev/shm/.),/dev/shm,$(or $(TMPDIR),/tmp))
FUZZ_CC      := clang
FUZZ_PKGS    := clang libclang-rt-dev
# A target's own options: a hang is an input that takes over 10 s; inputs up
# to 64 KiB (a scenario line may be that long).
FUZZ_OPTS    ?= -timeout=10 -max_len=65536 -rss_limit_mb=2048
FUZZ_SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

FUZZ_OBJ     := $(LIB_SRC:%.c=$(BUILD)/fuzz/obj/%.o)
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)
REPLAY_BINS  := $(FUZZ_TARGETS:%=$(BUILD)/fuzz-replay/fuzz_%)

.PHONY: fuzz fuzz-build fuzz-replay
# Kept between builds: the sanitized objects are shared with unit-san.
.SECONDARY: $(SAN_OBJ) $(FUZZ_OBJ)

$(BUILD)/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS_ALL) $(DEPFLAGS) $(WARN) -O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN) -c $< -o $@

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJ) $(HDRS)
	$(FUZZ_CC) $(CPPFLAGS_ALL) $(WARN) -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FUZZ_OBJ) $(LDLIBS_ALL)

$(BUILD)/fuzz-replay/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(SAN_OBJ) $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(WARN) -O1 -g $(SAN) -o $@ $< tests/fuzz/replay.c $(SAN_OBJ) $(LDLIBS_ALL)

fuzz-build:
	@scripts/deps.sh $(BUILD_PKGS) $(FUZZ_PKGS)
	@$(MAKE) --no-print-directory $(FUZZ_BINS)

# Each target runs FUZZ_SECONDS (or stops after FUZZ_RUNS executions, when
# that is set), FUZZ_JOBS targets at a time, on the corpus of the tree and
# the inputs that once failed; what it learns goes to $(BUILD)/fuzz/TARGET/
# corpus, out of the tree, and a crash to $(BUILD)/fuzz/TARGET/crash-*, to
# be fixed and kept in tests/fuzz/regressions/TARGET/.
fuzz: fuzz-build
	@printf '%s\n' $(FUZZ_TARGETS) | xargs -P $(FUZZ_JOBS) -I{} \
	    tests/fuzz/run_target.sh $(BUILD) {} $(FUZZ_SECONDS) $(FUZZ_RUNS) \
	    $(FUZZ_TMPDIR) $(FUZZ_OPTS)

fuzz-replay: $(REPLAY_BINS)
	@for t in $(FUZZ_TARGETS); do \
	    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	        $(BUILD)/fuzz-replay/fuzz_$$t tests/fuzz/corpus/$$t \
	        $$(ls -d tests/fuzz/learned/$$t 2>/dev/null) \
	        $$(ls -d tests/fuzz/regressions/$$t/* 2>/dev/null) || exit 1; \
	done
