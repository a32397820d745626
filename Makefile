# Two commands do all the set-up: `make run` (the application) and `make test` (the suite).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
TS     := $(wildcard resources/translations/*.ts)
QM     := $(TS:.ts=.qm)
SHOT_DB := $(CURDIR)/build/screenshot.sqlite3

.PHONY: run test efficiency system-deps translations screenshots bench bench-ui bench-day clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e ".[test]"
	touch $@

system-deps:
	@sh scripts/install-system-deps.sh

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease $< -qm $@

translations: $(QM)

run: system-deps $(STAMP) translations
	$(BIN)/dms

test: system-deps $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The counted tasks of DESIGN §9 on the real widgets → build/efficiency.json; a task over its
# target fails. (They are ordinary tests too: `make test` runs them.)
efficiency: system-deps $(STAMP) translations
	DMS_EFFICIENCY_JSON=$(CURDIR)/build/efficiency.json QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m efficiency

# Screenshots of the login dialog and the front desk in Chinese and English (scripts/screenshot.py),
# from a fresh demo database, into docs/screenshots/. The print tests write jobcard.png/settlement_slip.png.
screenshots: system-deps $(STAMP) translations
	rm -f $(SHOT_DB)
	$(BIN)/dms db upgrade --url sqlite:///$(SHOT_DB)
	$(BIN)/dms demo --url sqlite:///$(SHOT_DB) > /dev/null
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshot.py --url sqlite:///$(SHOT_DB)

clean:
	rm -rf $(VENV) build $(QM)

# Benchmarks (issue #7): small and large on SQLite into build/bench.json; see benchmarks/README.md.
# Generating the large scale (200,000 work orders, 2 million stock movements) takes a long time.
bench: $(STAMP)
	mkdir -p build
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py --url sqlite:///$(CURDIR)/build/bench.sqlite3 --scale small,large --json build/bench.json

# The screens (issue #14) on the large SQLite dealership of `make bench` (generated here if it is
# missing: minutes) into build/ui.json; see benchmarks/README.md.
BENCH_LARGE := $(CURDIR)/build/bench-large.sqlite3
bench-ui: $(STAMP) translations
	mkdir -p build
	test -f $(BENCH_LARGE) || $(BIN)/python benchmarks/generate.py --url sqlite:///$(BENCH_LARGE) --scale large
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/ui.py --url sqlite:///$(BENCH_LARGE) --json build/ui.json

# The day in the shop (issue 20) on a fresh copy of that large dealership, four other seats
# writing, every seat's GUI lag → build/ui-day.json; fails when lag p99 > 16 ms or max > 50 ms.
bench-day: $(STAMP) translations
	mkdir -p build
	test -f $(BENCH_LARGE) || $(BIN)/python benchmarks/generate.py --url sqlite:///$(BENCH_LARGE) --scale large
	rm -f $(CURDIR)/build/bench-day.sqlite3*
	cp $(BENCH_LARGE) $(CURDIR)/build/bench-day.sqlite3
	$(BIN)/dms db upgrade --url sqlite:///$(CURDIR)/build/bench-day.sqlite3
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/ui_day.py --url sqlite:///$(CURDIR)/build/bench-day.sqlite3 --json build/ui-day.json
