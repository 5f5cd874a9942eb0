# Two commands set everything up on a fresh machine with Python 3.11+:
#   make generate   create/update .venv, then regenerate generated/connect
#   make test       create/update .venv, then run the whole test suite
# Moving to another botocore (docs/updating-botocore.md, docs/api-diff.md):
#   make update-botocore VERSION=X   pin, reinstall, regenerate, diff, CHANGELOG.md
#     (X a release or latest; ARGS="--format json" for scripts, docs/updating-botocore.md)
#   make api-diff OLD=X NEW=Y        what changed for callers (versions or files)
# Beyond Connect (docs/testing.md, "Every service"):
#   make every-service               generate every botocore service, import, round-trip
#   make every-service-schemas       every service's JSON Schema: meta-schema, ajv
#   make every-service-typecheck     mypy --strict over every service's package
# Documentation (docs/, CONTRIBUTING.md):
#   make docs                        build the site into site/ (mkdocs, offline, --strict)
# Vendoring (docs/vendoring.md):
#   make vendor-matrix               the vendored copy on several botocores and Pythons
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: env generate check test lint bench docs every-service every-service-typecheck
.PHONY: every-service-schemas vendor-matrix
.PHONY: update-botocore update-botocore-usage api-diff api-diff-usage

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

# The same folders as tests/test_static.py (benchmarks/ needs pydantic to type-check).
lint: $(STAMP)
	$(PY) -m ruff check codegen generated tests tools benchmarks
	$(PY) -m black --check --quiet codegen generated tests tools benchmarks
	$(PY) -m mypy codegen generated tests tools

test: $(STAMP)
	$(PY) -m pytest

# Every service of the installed botocore generated (black, with its cache) and
# imported, and every operation's input round-tripped; exit 1 on any failure.
# Options pass through, e.g. make every-service ARGS="--services s3,sqs --jobs 4".
every-service: $(STAMP)
	$(PY) -m tools.every_service $(ARGS)

# mypy --strict over every service's package (about ten minutes; not in make test).
every-service-typecheck: $(STAMP)
	$(PY) -m tools.every_service.typecheck $(ARGS)

# Every service's JSON Schema (--operation all) against the 2020-12 meta-schema and
# ajv (needs node and npm; ajv is installed from the committed lock file).
every-service-schemas: $(STAMP)
	$(PY) -m tools.every_service.schemas $(ARGS)

# generated/connect copied as vendored_connect into fresh virtualenvs (botocore +
# pytest from the wheel cache) and its client tests run there; exit 1 on a failure.
# Options pass through, e.g. make vendor-matrix ARGS="--pythons 3.11 --jobs 1".
vendor-matrix: $(STAMP)
	$(PY) -m tools.matrix $(ARGS)

# The usage checks come first so a forgotten VERSION changes nothing at all.
update-botocore-usage:
	@test -n "$(VERSION)" || { echo "usage: make update-botocore VERSION=X.Y.Z" >&2; exit 2; }

update-botocore: update-botocore-usage $(STAMP)
	$(PY) -m codegen.update $(VERSION) $(ARGS)
	touch $(STAMP)

api-diff-usage:
	@test -n "$(OLD)" -a -n "$(NEW)" || { echo "usage: make api-diff OLD=X NEW=Y" >&2; exit 2; }

api-diff: api-diff-usage $(STAMP)
	$(PY) -m codegen diff $(OLD) $(NEW)

# The documentation site (mkdocs.yml, docs/) into site/; offline, warnings are errors.
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict

# Benchmarks compare with pydantic, which is a benchmark extra, not a dependency;
# the table in docs/performance.md is rewritten between its bench markers.
bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	$(PY) benchmarks/run.py --docs docs/performance.md
	$(PY) benchmarks/patterns.py
