#!/usr/bin/env bash
# Screenshot of a program as a user would see it, without a real display:
#   bash scripts/xvfb-shot.sh out/main.png .venv/bin/safegrid --lang en
# Starts a virtual X screen (xvfb-run -a, 1600x1000x24; SHOT_SCREEN=WxHxD to change), runs the
# command there in the background, waits SHOT_DELAY seconds (default 6), saves the whole screen as
# PNG and stops the command (and its children, e.g. QtWebEngineProcess). Exits 3 if the command
# had already ended by then (the picture is still saved).
# The picture is taken with ImageMagick's `import -window root` when that is installed
# (apt-get install imagemagick); otherwise with Qt from the project's .venv (QScreen.grabWindow),
# so nothing beyond scripts/setup.sh is needed.
set -euo pipefail

if (($# < 2)); then
    echo "usage: SHOT_DELAY=6 $0 OUT.png COMMAND [ARG...]" >&2
    exit 2
fi

repo=$(dirname "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")")
out=$(readlink -m "$1")
shift

if [[ -z ${_XVFB_SHOT_INSIDE:-} ]]; then
    command -v xvfb-run >/dev/null 2>&1 || { echo "xvfb-shot: xvfb-run not found; run scripts/setup.sh" >&2; exit 1; }
    mkdir -p "$(dirname "$out")"
    export _XVFB_SHOT_INSIDE=1
    exec xvfb-run -a -s "-screen 0 ${SHOT_SCREEN:-1600x1000x24}" bash "${BASH_SOURCE[0]}" "$out" "$@"
fi
unset _XVFB_SHOT_INSIDE

# Inside the virtual screen: DISPLAY is set. Qt must use it even if the caller asked for offscreen.
export QT_QPA_PLATFORM=xcb
if ((EUID == 0)); then
    export QTWEBENGINE_DISABLE_SANDBOX=${QTWEBENGINE_DISABLE_SANDBOX:-1}
fi

# Its own session, so that the whole process group can be stopped afterwards.
setsid "$@" &
pid=$!
early_exit=0
sleep "${SHOT_DELAY:-6}"
if ! kill -0 "$pid" 2>/dev/null; then
    status=0
    wait "$pid" || status=$?
    early_exit=1
    echo "xvfb-shot: warning: the command had already exited (status $status) after ${SHOT_DELAY:-6} s;" \
        "the screenshot shows an empty screen" >&2
fi

rc=0
if command -v import >/dev/null 2>&1; then
    import -window root "$out" || rc=$?
else
    "$repo/.venv/bin/python" - "$out" <<'EOF' || rc=$?
import sys

from PySide6.QtGui import QGuiApplication

app = QGuiApplication(sys.argv[:1])
shot = app.primaryScreen().grabWindow(0)  # 0 = the root window: the whole screen
sys.exit(0 if not shot.isNull() and shot.save(sys.argv[1]) else 1)
EOF
fi

if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.25
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
fi

if ((rc != 0)); then
    echo "xvfb-shot: could not take the screenshot" >&2
    exit 1
fi
echo "xvfb-shot: saved $out"
if ((early_exit)); then
    exit 3
fi
