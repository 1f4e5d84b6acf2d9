# alloc.mk: the allocation-failure sweep (tests/alloc/alloc_fail.c),
# included at the end of the Makefile: a small run repeated with its k-th
# allocation failing, for every k; built with ASan/UBSan like unit-san.

ALLOC_WRAP := -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup,--wrap=gsl_rng_alloc,--wrap=gsl_qrng_alloc

.PHONY: alloc-fail

$(BUILD)/alloc/alloc_fail: tests/alloc/alloc_fail.c $(SAN_OBJ) $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(WARN) -O1 -g $(SAN) $(ALLOC_WRAP) -o $@ $< $(SAN_OBJ) $(LDLIBS_ALL)

alloc-fail: $(BUILD)/alloc/alloc_fail
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $(BUILD)/alloc/alloc_fail
