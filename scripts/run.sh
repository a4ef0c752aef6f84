#!/usr/bin/env bash
# Sets up what is missing (scripts/setup.sh), loads the demo district into the default database if
# that is empty, then starts SafeGrid with the given arguments:  bash scripts/run.sh --lang en
# Without a display (no DISPLAY or WAYLAND_DISPLAY) it runs on a virtual screen under xvfb-run.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

bash scripts/setup.sh

# As root, Chromium's sandbox (QtWebEngine, the map) refuses to start and pages never load.
if ((EUID == 0)); then
    export QTWEBENGINE_DISABLE_SANDBOX=${QTWEBENGINE_DISABLE_SANDBOX:-1}
fi

.venv/bin/safegrid demo --if-empty

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
    echo "run.sh: no DISPLAY or WAYLAND_DISPLAY set: starting SafeGrid on a virtual screen" \
        "(xvfb-run -a), where nothing is visible; scripts/xvfb-shot.sh takes screenshots of it" >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/safegrid "$@"
fi
exec .venv/bin/safegrid "$@"
