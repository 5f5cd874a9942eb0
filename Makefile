# Two commands set everything up on a fresh machine with Python 3.11+:
#   make generate   create/update .venv, then regenerate generated/connect
#   make test       create/update .venv, then run the whole test suite
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: env generate check test lint

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

env: $(STAMP)

generate: $(STAMP)
	$(PY) -m codegen

check: $(STAMP)
	$(PY) -m codegen --check

lint: $(STAMP)
	$(PY) -m ruff check codegen generated tests
	$(PY) -m mypy codegen generated

test: $(STAMP)
	$(PY) -m pytest
