# lumbar - a terminal timer for a lower-back physiotherapy routine.
#
#   make            build ./lumbar
#   make run        build and start it
#   make check      unit tests, the same under ASan+UBSan, command-line and
#                   terminal (tmux) tests; prints a summary line
#   make bench      figures for speed and cost
#   make install    PREFIX=/usr/local DESTDIR=
#
# Missing libraries are found with pkg-config and installed by
# scripts/install-deps before anything is compiled.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/lumbar
MANDIR   ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
DESTDIR  ?=

CC       ?= cc
PKG_CONFIG ?= pkg-config
PKGS      = ncursesw libcyaml yaml-0.1

# ---- Dependencies ---------------------------------------------------------
# Before computing any flag, make sure pkg-config finds every library; if not,
# the project's own script installs them (or says what to install).
NODEPS_GOALS = clean distclean uninstall
ifeq ($(filter-out $(NODEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
else
DEPS_OK := $(shell $(PKG_CONFIG) --exists $(PKGS) cmocka 2>/dev/null && \
                   command -v tmux >/dev/null 2>&1 && command -v valgrind >/dev/null 2>&1 && \
                   command -v groff >/dev/null 2>&1 && echo yes)
ifneq ($(DEPS_OK),yes)
$(info lumbar: some build dependencies are missing; running scripts/install-deps)
DEPS_RC := $(shell ./scripts/install-deps 1>&2; echo $$?)
ifneq ($(DEPS_RC),0)
$(error lumbar: cannot build without the dependencies listed above)
endif
endif
endif

# Our own feature-test macros win over the ones ncursesw.pc brings.
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,\
                $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
# The core sees only libcyaml's and libyaml's flags, and a header that makes
# any curses header it includes fail to compile (see src/core_only.h).
CORE_PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,\
                     $(shell $(PKG_CONFIG) --cflags libcyaml yaml-0.1 2>/dev/null)) \
                   -include src/core_only.h
CORE_LIBS  := $(shell $(PKG_CONFIG) --libs libcyaml yaml-0.1 2>/dev/null)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

# ---- Flags ----------------------------------------------------------------
CFLAGS   ?= -O2 -g
WARNINGS  = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wformat=2 -Wundef -Wpointer-arith \
            -Wcast-qual -Wwrite-strings -Wno-missing-field-initializers
DEFINES   = -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 \
            -D_XOPEN_SOURCE_EXTENDED -D_DEFAULT_SOURCE
ALL_CFLAGS = -std=c11 $(WARNINGS) $(DEFINES) -Iinclude -I$(B) $(PKG_CFLAGS) $(CFLAGS) \
             -MMD -MP
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=all

# ---- Sources ----------------------------------------------------------------
# The core includes no curses header; tests link it without ncurses.
CORE_SRC = src/catalogue.c src/plan.c src/session.c src/history.c src/progress.c src/journal.c \
           src/yaml_err.c src/hook.c src/settings.c src/file.c
APP_SRC  = src/main.c src/cli_text.c $(sort $(wildcard src/ui*.c))
TESTS    = test_catalogue test_plan test_session test_history test_progress \
           test_hook test_settings test_journal test_file
CORE_SRC += src/progression.c
TESTS    += test_progression

B = build
CORE_OBJ    = $(CORE_SRC:%.c=$(B)/%.o) $(B)/builtin_catalogue.o
APP_OBJ     = $(APP_SRC:%.c=$(B)/%.o)
SAN_CORE_OBJ = $(CORE_SRC:%.c=$(B)/san/%.o) $(B)/san/builtin_catalogue.o

.PHONY: all run check test unit unit-san cli-test e2e bench install uninstall \
        clean format fuzz
all: lumbar

# The core is compiled with libcyaml's and libyaml's flags only.
$(CORE_SRC:%.c=$(B)/%.o) $(CORE_SRC:%.c=$(B)/san/%.o): PKG_CFLAGS = $(CORE_PKG_CFLAGS)
$(CORE_SRC:%.c=$(B)/%.o) $(CORE_SRC:%.c=$(B)/san/%.o): src/core_only.h

lumbar: $(CORE_OBJ) $(APP_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/san/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

# Version and install paths, rewritten only when they change, so that
# `make install PREFIX=/usr` rebuilds what depends on them and nothing else.
$(B)/config.h: FORCE
	@mkdir -p $(B)
	@printf '#define LUMBAR_VERSION "%s"\n#define LUMBAR_DATADIR "%s"\n' \
		'$(VERSION)' '$(DATADIR)' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
FORCE:

$(APP_OBJ): $(B)/config.h

# The shipped catalogue, compiled in so lumbar works with no files around it.
$(B)/builtin_catalogue.c: data/exercises.yaml scripts/embed
	@mkdir -p $(B)
	./scripts/embed $< > $@.tmp && mv $@.tmp $@

$(B)/builtin_catalogue.o: $(B)/builtin_catalogue.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/san/builtin_catalogue.o: $(B)/builtin_catalogue.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

# ---- Tests --------------------------------------------------------------------
# Each unit test links the core alone: no ncurses.
$(B)/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -c -o $@ $<

$(B)/tests/test_%: $(B)/tests/test_%.o $(CORE_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CORE_LIBS) $(CMOCKA_LIBS)

$(B)/san/tests/test_%: $(B)/san/tests/test_%.o $(SAN_CORE_OBJ)
	$(CC) $(CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(CORE_LIBS) $(CMOCKA_LIBS)

UNIT_BINS = $(TESTS:%=$(B)/tests/%)
SAN_BINS  = $(TESTS:%=$(B)/san/tests/%)

check: lumbar $(UNIT_BINS) $(SAN_BINS)
	@./tests/run-all $(UNIT_BINS) -- $(SAN_BINS)
test: check

run: lumbar
	./lumbar

bench: lumbar $(B)/bench $(B)/floor $(B)/launch
	@./tests/bench.sh

$(B)/bench: $(B)/tests/bench.o $(CORE_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CORE_LIBS)

$(B)/floor: $(B)/tests/floor.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^

$(B)/launch: $(B)/tests/launch.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^

# ---- Fuzzing -------------------------------------------------------------------
# libFuzzer targets with clang; `make fuzz FUZZ_SECONDS=1800` for a long run.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_FLAGS = -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined $(DEFINES) -Iinclude $(PKG_CFLAGS)
FUZZ_BINS = $(B)/fuzz/fuzz_catalogue $(B)/fuzz/fuzz_history

$(B)/fuzz/fuzz_catalogue: tests/fuzz/fuzz_catalogue.c src/catalogue.c src/yaml_err.c src/plan.c \
                          src/file.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $^ $(CORE_LIBS)

$(B)/fuzz/fuzz_history: tests/fuzz/fuzz_history.c src/history.c src/catalogue.c src/yaml_err.c src/file.c \
                        $(B)/builtin_catalogue.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $^ $(CORE_LIBS)

fuzz: $(FUZZ_BINS)
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./tests/fuzz/run $(FUZZ_BINS)

# ---- Install ------------------------------------------------------------------
install: lumbar
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 lumbar $(DESTDIR)$(BINDIR)/lumbar
	install -m 644 data/exercises.yaml $(DESTDIR)$(DATADIR)/exercises.yaml
	install -m 644 man/lumbar.1 $(DESTDIR)$(MANDIR)/man1/lumbar.1
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 644 completions/lumbar.bash $(DESTDIR)$(BASHCOMPDIR)/lumbar
	install -m 644 completions/_lumbar $(DESTDIR)$(ZSHCOMPDIR)/_lumbar

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/lumbar $(DESTDIR)$(DATADIR)/exercises.yaml \
	      $(DESTDIR)$(MANDIR)/man1/lumbar.1 $(DESTDIR)$(BASHCOMPDIR)/lumbar \
	      $(DESTDIR)$(ZSHCOMPDIR)/_lumbar
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null || true

format:
	clang-format -i src/*.c src/*.h include/*.h tests/*.c

clean:
	rm -rf $(B) lumbar

# Keep objects between runs; they are not throwaway intermediates.
.SECONDARY:

-include $(shell find $(B) -name '*.d' 2>/dev/null)
