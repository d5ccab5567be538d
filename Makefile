# The two commands a newcomer needs: `make run` and `make test`.
# Both create the virtualenv when it is missing and (re)install the project
# when pyproject.toml changed; nothing needs installing by hand.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.factwatch-installed
SOURCES ?= sources.toml
DATA ?= .

.PHONY: run test lint test-browser test-deployment bench bench-store install clean-data

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "factwatch needs Python >= 3.11"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/factwatch run --sources $(SOURCES) --data $(DATA)

# Lint first: a finding fails `make test` as a failing test does (CI runs this).
test: lint
	$(BIN)/python -m pytest -q

# ruff over the repo (pyflakes, bugbear, complexity, import order; settings in
# pyproject.toml) and mypy over the pure packages, extractors and facts.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# The run report in headless Chromium (console errors, dialogs, requests) and
# its screenshot, docs/report.png. Installs Debian's chromium when no Chromium
# is on PATH (apt-get needs root: sudo is used when not root).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
test-browser: $(STAMP)
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
		|| command -v google-chrome >/dev/null 2>&1 \
		|| { $(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }
	FACTWATCH_REPORT_SCREENSHOT=docs/report.png $(BIN)/python -m pytest -q -m browser tests/reports/test_report_browser.py

# The work-pool deployment end to end (a Prefect server on 127.0.0.1, a process
# work pool, `prefect deploy --all`, a worker that runs the flow and publishes):
# about 30 s on a quiet 2-core machine (minutes on a busy one), so not part of
# `make test`; CI (.ci/run) runs it after the suite.
test-deployment: $(STAMP)
	FACTWATCH_DEPLOYMENT_TEST=1 $(BIN)/python -m pytest -q -m deployment tests/flows/test_deployment.py

# Throughput against the NLP floor (the speed-up with every core), the tables
# against a one-process run's, unchanged re-runs, peak memory, and the store
# variant: the same pages with the data dir on an object store (a SeaweedFS
# server on 127.0.0.1) against a local one, as a ratio. Not part of `make test`;
# needs ../shared/eval beside the repo. N=1497 for the memory figure.
N ?= 500
STORE_ROUNDS ?= 1
bench: $(STAMP)
	$(BIN)/python bench/pipeline_bench.py --n $(N) --store-rounds $(STORE_ROUNDS)

# The store variant alone (`make bench` runs it too).
bench-store: $(STAMP)
	$(BIN)/python bench/store_bench.py --n $(N) --rounds $(STORE_ROUNDS)

clean-data:
	find raw curated -mindepth 1 ! -name README.md -exec rm -rf {} +
	rm -rf cache .staging
