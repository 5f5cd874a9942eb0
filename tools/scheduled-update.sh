#!/bin/sh
# The scheduled botocore update (docs/scheduled-update.md) as a plain script, for
# any CI or a cron job; docs/recipes/botocore-update.yml runs it.
#
#   tools/scheduled-update.sh [VERSION]      VERSION defaults to latest
#
# 1. make update-botocore VERSION=... (ARGS="--format json"): pin, reinstall,
#    regenerate, CHANGELOG.md. Its "api" field says what the generated API did.
# 2. unchanged: nothing more; no pull request is due.
#    changed or breaking: make test, and a pull request is due.
#
# Exit status: 0 done (whether or not a pull request is due); 1 the tests failed
# after the generated API changed; 2 the update failed (it changed nothing).
# Results, printed as NAME=VALUE lines and appended to $GITHUB_OUTPUT when set:
#   version, api (unchanged|changed|breaking), pull_request (true|false),
#   labels (breaking-change, tests-failing), title, body_path (the pull
#   request's body: the new CHANGELOG.md entry and the files changed).
# Environment: PYTHON (default .venv/bin/python), MAKE (default make),
# TEST_COMMAND (default "make test"), RESULTS_DIR (default a temporary folder),
# UPDATE_COMMAND (default: the make target above; called as
# "$UPDATE_COMMAND VERSION --format json", it must print the JSON).
set -u

VERSION=${1:-latest}
PYTHON=${PYTHON:-.venv/bin/python}
MAKE=${MAKE:-make}
TEST_COMMAND=${TEST_COMMAND:-$MAKE test}
RESULTS_DIR=${RESULTS_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/scheduled-update.XXXXXX")}
mkdir -p "$RESULTS_DIR"
REPORT=$RESULTS_DIR/update.json

say() { echo "scheduled-update: $*" >&2; }

result() {
    echo "$1=$2"
    if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1=$2" >>"$GITHUB_OUTPUT"; fi
}

field() {
    "$PYTHON" -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' \
        "$REPORT" "$1"
}

if [ -n "${UPDATE_COMMAND:-}" ]; then
    $UPDATE_COMMAND "$VERSION" --format json >"$REPORT"
else
    $MAKE -s --no-print-directory update-botocore VERSION="$VERSION" \
        ARGS="--format json" >"$REPORT"
fi
status=$?
if [ "$status" -ne 0 ]; then
    say "the update to botocore $VERSION failed (exit $status); nothing changed"
    exit 2
fi

if ! version=$(field to) || ! api=$(field api); then
    say "the update printed no report ($REPORT)"
    exit 2
fi
result version "$version"
result api "$api"
if [ "$api" = unchanged ]; then
    say "botocore $version: no change to the generated API; no pull request"
    result pull_request false
    exit 0
fi

labels=""
if [ "$api" = breaking ]; then labels=breaking-change; fi
tested=0
$TEST_COMMAND || tested=$?
if [ "$tested" -ne 0 ]; then
    say "the tests failed after the update to botocore $version"
    labels=${labels:+$labels,}tests-failing
fi

body=$RESULTS_DIR/pull-request.md
"$PYTHON" - "$REPORT" >"$body" <<'EOF'
import json
import sys

report = json.load(open(sys.argv[1]))
files = "\n".join(f"- `{name}`" for name in report["changed_files"])
print(
    "`make update-botocore VERSION=latest` (tools/scheduled-update.sh) moved the "
    f"project from botocore {report['from']} to {report['to']}. "
    "The CHANGELOG.md entry it added:\n"
)
print(report["changelog"])
print(f"Generated files changed:\n\n{files}")
EOF
title="botocore $version: the generated API changed"
if [ "$api" = breaking ]; then title="$title (breaking)"; fi
result pull_request true
result labels "$labels"
result title "$title"
result body_path "$body"
say "botocore $version: a pull request is due ($body)"
if [ "$tested" -ne 0 ]; then exit 1; fi
exit 0
