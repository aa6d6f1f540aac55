# lumbar - a terminal timer for a lower-back physiotherapy routine.
#
#   make            build ./lumbar
#   make run        build and start it
#   make check      unit tests, the same under ASan+UBSan, command-line and
#                   terminal (tmux) tests; prints a summary line
#   make bench      figures for speed and cost
#   make install    PREFIX=/usr/local DESTDIR=
#   make fuzz       libFuzzer targets (clang), FUZZ_SECONDS each
#
# CPPFLAGS, CFLAGS and LDFLAGS are honoured on every compile and link;
# warnings are errors in `make check` only (WERROR=-Werror for any goal).
#
#   make deps       install what building and testing need (Debian), or list it
#
# What is missing is found before anything is compiled and installed by
# scripts/install-deps: `make` only what building needs, `make check` what
# testing needs too. LUMBAR_NO_INSTALL=1 installs nothing and lists it.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/lumbar
MANDIR   ?= $(PREFIX)/share/man
DOCDIR   ?= $(PREFIX)/share/doc/lumbar
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
DESTDIR  ?=

CC       ?= cc
PKG_CONFIG ?= pkg-config
PKGS      = ncursesw libcyaml yaml-0.1

# ---- Dependencies ---------------------------------------------------------
# Before computing any flag, scripts/install-deps makes sure what the goals
# need is there, installing only that: building needs a compiler,
# pkg-config, ncursesw, libcyaml and libyaml; testing needs cmocka, tmux, faketime,
# valgrind, man and groff besides, and chromium and poppler-utils (pdfinfo,
# pdftotext) for the browser test of the HTML report. `make deps` asks for both.
# LUMBAR_NO_INSTALL=1 installs nothing: what is missing is listed and make
# stops.
NODEPS_GOALS = clean distclean uninstall format deps
TEST_GOALS   = check test bench fuzz build/tests/% build/san/% build/bench build/fuzz/%
DEPS_GOALS  := $(filter-out $(NODEPS_GOALS),$(or $(MAKECMDGOALS),all))
ifneq ($(DEPS_GOALS),)
DEPS_NEED := build $(if $(filter $(TEST_GOALS),$(DEPS_GOALS)),test)
DEPS_RC := $(shell PKG_CONFIG='$(PKG_CONFIG)' CC='$(CC)' ./scripts/install-deps $(DEPS_NEED) 1>&2; \
                   echo $$?)
ifneq ($(DEPS_RC),0)
$(error lumbar: cannot go on without what is listed above)
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
# CPPFLAGS, CFLAGS and LDFLAGS from the command line or the environment go
# on every compile and link (a packager's hardening: dpkg-buildflags brings
# -D_FORTIFY_SOURCE=2 in CPPFLAGS). They come after ours, so they win.
# Warnings are errors in `make check` (and CI, which runs it), not in a plain
# `make`: a newer compiler's new warning must not break a user's build.
# `make WERROR=-Werror` asks for them anywhere.
CFLAGS   ?= -O2 -g
WERROR   ?= $(if $(filter check test,$(MAKECMDGOALS)),-Werror)
WARNINGS  = -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wformat=2 -Wundef -Wpointer-arith \
            -Wcast-qual -Wwrite-strings -Wno-missing-field-initializers
DEFINES   = -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 \
            -D_XOPEN_SOURCE_EXTENDED -D_DEFAULT_SOURCE
ALL_CFLAGS = -std=c11 $(WARNINGS) $(DEFINES) -Iinclude -I$(B) $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS) \
             -MMD -MP
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=all

# ---- Sources ----------------------------------------------------------------
# The core includes no curses header; tests link it without ncurses.
CORE_SRC = src/catalogue.c src/catalogue_load.c src/plan.c src/session.c src/history.c \
           src/progress.c src/journal.c src/yaml_err.c src/hook.c src/settings.c src/words.c \
           src/events.c src/file.c
APP_SRC  = src/main.c src/cli_text.c src/verbs.c src/cmd.c src/cmd_verbs.c src/lines.c \
           $(sort $(wildcard src/ui*.c))
TESTS    = test_catalogue test_plan test_session test_history test_progress \
           test_hook test_settings test_words test_journal test_events test_file
CORE_SRC += src/progression.c
TESTS    += test_progression
CORE_SRC += src/remind.c src/remind_config.c src/status.c
TESTS    += test_remind
CORE_SRC += src/steps.c
TESTS    += test_steps
# The wording of `lumbar why ID`, for the command and the summary's Tab view.
CORE_SRC += src/why.c
TESTS    += test_why
CORE_SRC += src/report.c
CORE_SRC += src/app.c
# lumbar calendar and lumbar merge (issue 23).
CORE_SRC += src/ical.c src/merge.c
TESTS    += test_ical test_merge
TESTS    += test_report
CORE_SRC += src/figure.c src/programme.c
TESTS    += test_figure
# The table of commands and its reader are curses-free; test_cmd links them
# beside the core, with stubs of its own for the handlers (cmd_verbs.c's).
CMD_SRC   = src/cmd.c src/verbs.c
TESTS    += test_cmd
TESTS    += test_app
CORE_SRC += src/owned.c
TESTS    += test_owned
CORE_SRC += src/records.c
TESTS    += test_records
# Questionnaires as data and the outcome records (issue 22 §1, §2).
CORE_SRC += src/questionnaire.c src/outcomes.c
TESTS    += test_questionnaire test_outcomes
# The report's Outcomes section: its figures (issue 22 §3).
CORE_SRC += src/outcomes_report.c
TESTS    += test_outcomes_report

B = build

# The flags from outside, written to $(B)/flags when they change (here, as
# the Makefile is read, so that the file is never a missing intermediate): a
# build with other CFLAGS, or with -Werror for `make check`, compiles
# everything again.
ifneq ($(DEPS_GOALS),)
$(shell mkdir -p $(B) && printf '%s\n' '$(CC)' '$(WERROR)' '$(CPPFLAGS)' '$(CFLAGS)' \
          '$(LDFLAGS)' > $(B)/flags.tmp && \
          if cmp -s $(B)/flags.tmp $(B)/flags; then rm -f $(B)/flags.tmp; \
          else mv $(B)/flags.tmp $(B)/flags; fi)
endif
CORE_OBJ    = $(CORE_SRC:%.c=$(B)/%.o) $(B)/builtin_catalogue.o $(B)/builtin_peg.o \
              $(B)/builtin_activities.o
APP_OBJ     = $(APP_SRC:%.c=$(B)/%.o)
SAN_CORE_OBJ = $(CORE_SRC:%.c=$(B)/san/%.o) $(B)/san/builtin_catalogue.o \
               $(B)/san/builtin_peg.o $(B)/san/builtin_activities.o

.PHONY: all run check test unit unit-san cli-test e2e bench install uninstall \
        clean format fuzz deps
all: lumbar

# The core is compiled with libcyaml's and libyaml's flags only.
$(CORE_SRC:%.c=$(B)/%.o) $(CORE_SRC:%.c=$(B)/san/%.o): PKG_CFLAGS = $(CORE_PKG_CFLAGS)
$(CORE_SRC:%.c=$(B)/%.o) $(CORE_SRC:%.c=$(B)/san/%.o): src/core_only.h

$(CMD_SRC:%.c=$(B)/%.o) $(CMD_SRC:%.c=$(B)/san/%.o): PKG_CFLAGS = $(CORE_PKG_CFLAGS)
$(CMD_SRC:%.c=$(B)/%.o) $(CMD_SRC:%.c=$(B)/san/%.o): src/core_only.h
$(B)/tests/test_cmd: $(CMD_SRC:%.c=$(B)/%.o)
$(B)/san/tests/test_cmd: $(CMD_SRC:%.c=$(B)/san/%.o)

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
$(CORE_OBJ) $(APP_OBJ) $(SAN_CORE_OBJ) $(TESTS:%=$(B)/tests/%.o) $(TESTS:%=$(B)/san/tests/%.o) \
$(B)/tests/bench.o $(B)/tests/floor.o $(B)/tests/launch.o: $(B)/flags

# The shipped catalogue, compiled in so lumbar works with no files around it.
$(B)/builtin_catalogue.c: data/exercises.yaml scripts/embed
	@mkdir -p $(B)
	./scripts/embed $< > $@.tmp && mv $@.tmp $@

# And the shipped questionnaires, the same way.
$(B)/builtin_peg.c: data/peg.yaml scripts/embed
	@mkdir -p $(B)
	./scripts/embed $< q_builtin_peg_yaml > $@.tmp && mv $@.tmp $@

$(B)/builtin_activities.c: data/activities.yaml scripts/embed
	@mkdir -p $(B)
	./scripts/embed $< q_builtin_activities_yaml > $@.tmp && mv $@.tmp $@

$(B)/builtin_%.o: $(B)/builtin_%.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/san/builtin_%.o: $(B)/builtin_%.c
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

# Everything building and testing need, installed (or listed) explicitly.
deps:
	@PKG_CONFIG='$(PKG_CONFIG)' CC='$(CC)' ./scripts/install-deps build test

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
FUZZ_FLAGS = -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined $(DEFINES) -Iinclude $(PKG_CFLAGS) \
             $(CPPFLAGS) $(CFLAGS) $(LDFLAGS)
FUZZ_BINS = $(B)/fuzz/fuzz_catalogue $(B)/fuzz/fuzz_settings $(B)/fuzz/fuzz_history \
            $(B)/fuzz/fuzz_events $(B)/fuzz/fuzz_report $(B)/fuzz/fuzz_records \
            $(B)/fuzz/fuzz_questionnaire

$(B)/fuzz/fuzz_catalogue: tests/fuzz/fuzz_catalogue.c src/catalogue.c src/catalogue_load.c \
                          src/yaml_err.c src/plan.c src/file.c src/progression.c src/history.c \
                          src/figure.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $(filter %.c,$^) $(CORE_LIBS)

$(B)/fuzz/fuzz_settings: tests/fuzz/fuzz_settings.c src/settings.c src/catalogue.c src/yaml_err.c \
                         src/file.c src/remind_config.c src/progression.c src/history.c \
                         src/figure.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $(filter %.c,$^) $(CORE_LIBS)

$(B)/fuzz/fuzz_history: tests/fuzz/fuzz_history.c tests/fuzz/fuzz.h src/history.c src/catalogue.c \
                        src/catalogue_load.c src/yaml_err.c src/file.c src/figure.c \
                        $(B)/builtin_catalogue.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $(filter %.c,$^) $(CORE_LIBS)

# The events file and the report's inputs: the core that reads them, whole.
FUZZ_CORE = src/events.c src/outcomes.c src/history.c src/catalogue.c src/catalogue_load.c src/yaml_err.c \
            src/file.c src/progression.c src/plan.c src/steps.c src/settings.c \
            src/remind_config.c src/words.c src/figure.c $(B)/builtin_catalogue.c

$(B)/fuzz/fuzz_events: tests/fuzz/fuzz_events.c tests/fuzz/fuzz.h src/remind.c $(FUZZ_CORE)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $(filter %.c,$^) $(CORE_LIBS)

$(B)/fuzz/fuzz_report: tests/fuzz/fuzz_report.c tests/fuzz/fuzz.h src/report.c src/outcomes_report.c \
                       src/questionnaire.c $(B)/builtin_peg.c $(B)/builtin_activities.c $(FUZZ_CORE)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $(filter %.c,$^) $(CORE_LIBS)

$(B)/fuzz/fuzz_records: tests/fuzz/fuzz_records.c src/records.c src/history.c src/events.c \
                        src/outcomes.c \
                        src/steps.c src/progression.c src/settings.c src/remind_config.c \
                        src/catalogue.c src/catalogue_load.c src/yaml_err.c src/file.c \
                        src/figure.c $(B)/builtin_catalogue.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $^ $(CORE_LIBS)

$(B)/fuzz/fuzz_questionnaire: tests/fuzz/fuzz_questionnaire.c src/questionnaire.c src/catalogue.c \
                              src/yaml_err.c src/file.c src/figure.c $(B)/builtin_peg.c \
                              $(B)/builtin_activities.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $(filter %.c,$^) $(CORE_LIBS)

fuzz: $(FUZZ_BINS)
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./tests/fuzz/run $(FUZZ_BINS)

# ---- Install ------------------------------------------------------------------
install: lumbar
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 lumbar $(DESTDIR)$(BINDIR)/lumbar
	install -m 644 data/exercises.yaml $(DESTDIR)$(DATADIR)/exercises.yaml
	install -m 644 data/peg.yaml data/activities.yaml $(DESTDIR)$(DATADIR)/
	install -m 644 man/lumbar.1 $(DESTDIR)$(MANDIR)/man1/lumbar.1
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 644 completions/lumbar.bash $(DESTDIR)$(BASHCOMPDIR)/lumbar
	install -m 644 completions/_lumbar $(DESTDIR)$(ZSHCOMPDIR)/_lumbar
	install -d $(DESTDIR)$(DOCDIR)/docs
	install -m 644 README.md $(DESTDIR)$(DOCDIR)/README.md
	install -m 644 $(wildcard docs/*.md) $(DESTDIR)$(DOCDIR)/docs/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/lumbar $(DESTDIR)$(DATADIR)/exercises.yaml \
	      $(DESTDIR)$(DATADIR)/peg.yaml $(DESTDIR)$(DATADIR)/activities.yaml \
	      $(DESTDIR)$(MANDIR)/man1/lumbar.1 $(DESTDIR)$(BASHCOMPDIR)/lumbar \
	      $(DESTDIR)$(ZSHCOMPDIR)/_lumbar $(DESTDIR)$(DOCDIR)/README.md \
	      $(addprefix $(DESTDIR)$(DOCDIR)/,$(wildcard docs/*.md))
	-rmdir $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)/docs $(DESTDIR)$(DOCDIR) 2>/dev/null || true

format:
	clang-format -i src/*.c src/*.h include/*.h tests/*.c

clean:
	rm -rf $(B) lumbar

# Keep objects between runs; they are not throwaway intermediates.
.SECONDARY:

-include $(shell find $(B) -name '*.d' 2>/dev/null)
