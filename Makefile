# The two commands a newcomer needs: `make run` and `make test`.
# Both create the virtualenv when it is missing and (re)install the project
# when pyproject.toml changed; nothing needs installing by hand.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.factwatch-installed
SOURCES ?= sources.toml
DATA ?= .

.PHONY: run test install clean-data

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

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean-data:
	find raw curated -mindepth 1 ! -name README.md -exec rm -rf {} +
