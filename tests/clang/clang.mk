# clang.mk: the clang build check of make test (included at the end of the
# Makefile): `make CC=clang all` with -Werror and -fsanitize=undefined into
# $(BUILD)/clang-ubsan, then every shipped scenario checked and run with it
# (tests/clang/scenarios_ubsan.sh): no warning stops a clang build, and no
# shipped scenario meets undefined behaviour.

CLANG_OPT := -O1 -g -fsanitize=undefined,float-divide-by-zero -fno-sanitize-recover=all

.PHONY: clang-check

clang-check:
	@scripts/deps.sh clang
	@$(MAKE) --no-print-directory CC=clang BUILD=$(BUILD)/clang-ubsan OPT="$(CLANG_OPT)" WERROR=1 all
	@tests/clang/scenarios_ubsan.sh $(CURDIR)/$(BUILD)/clang-ubsan/samen
