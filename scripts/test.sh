#!/usr/bin/env bash
# Sets up what is missing (scripts/setup.sh), then runs the linters and the test suite headless.
# Arguments go to pytest:  bash scripts/test.sh -k hazard -x
# Qt runs offscreen unless QT_QPA_PLATFORM is already set (e.g. to xcb under xvfb-run).
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

bash scripts/setup.sh

export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# As root (CI), Chromium's sandbox refuses to start and pages never load.
export QTWEBENGINE_DISABLE_SANDBOX=${QTWEBENGINE_DISABLE_SANDBOX:-1}
export QTWEBENGINE_CHROMIUM_FLAGS=${QTWEBENGINE_CHROMIUM_FLAGS:---disable-gpu}

failed=()

echo "== ruff check desktop tests benchmarks"
if .venv/bin/ruff check desktop tests benchmarks; then :; else failed+=(ruff); fi

echo "== lint-imports (import-linter contracts in pyproject.toml)"
if .venv/bin/lint-imports; then :; else failed+=(lint-imports); fi

echo "== pytest $*"
rc=0
.venv/bin/pytest "$@" || rc=$?
if ((rc == 5)); then
    failed+=("pytest collected no tests (exit code 5), and a run without tests counts as a failure")
elif ((rc != 0)); then
    failed+=("pytest (exit code $rc)")
fi

if ((${#failed[@]})); then
    (IFS=';'; echo "test.sh: FAILED: ${failed[*]}" >&2)
    exit 1
fi
