#!/usr/bin/env bash
# Installs what SafeGrid needs to run and be tested on Debian 12, and does nothing when all of it is
# already there: Qt's system libraries (for PySide6 6.11.3 widgets, QtWebEngine, QtPdf and the xcb
# and wayland platform plugins), Xvfb and a few tools, then the .venv with `pip install -e ".[test]"`.
# Safe to run again and from any directory. SAFEGRID_PYTHON=/path/to/python3.11 picks the
# interpreter that creates the venv (default: python3).
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

say() { printf 'setup: %s\n' "$*"; }

# Debian packages, each one providing a library that a Qt file SafeGrid loads names directly
# (found with `readelf -d` over PySide6/Qt/lib, the platform, xcb-gl, image-format, input-context,
# icon-engine, print-support and TLS plugins, and libexec/QtWebEngineProcess, then `dpkg -S`).
# libc6, libgcc-s1, libstdc++6 and zlib1g are left out: Python itself needs them.
QT_PACKAGES=(
    # QtCore, QtGui, QtNetwork, QtDBus
    libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6 libbrotli1 libgssapi-krb5-2 libssl3
    libegl1 libgl1 libxkbcommon0
    # xcb platform plugin (X11 desktops and Xvfb); Qt 6 no longer uses xinerama
    libx11-6 libx11-xcb1 libxext6 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
    libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxcb-glx0 libxkbcommon-x11-0
    # wayland platform plugin (Qt picks it in a Wayland session; small)
    libwayland-client0 libwayland-cursor0 libwayland-egl1
    # QtPrintSupport's CUPS plugin (printing reports)
    libcups2
    # QtWebEngine (Chromium)
    libnss3 libnspr4 libasound2 libexpat1 libgbm1 libudev1 libxcb-dri3-0 libxcomposite1
    libxdamage1 libxfixes3 libxrandr2 libxtst6 libxkbfile1
)
# Tools: a virtual screen for headless runs and screenshots, pdftoppm to look at reports.
TOOL_PACKAGES=(xvfb xauth poppler-utils)

PACKAGES=("${QT_PACKAGES[@]}" "${TOOL_PACKAGES[@]}")

PYTHON=${SAFEGRID_PYTHON:-python3}
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    say "error: $PYTHON not found; install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)" >&2
    exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    say "error: $("$PYTHON" --version 2>&1) is too old; SafeGrid needs Python 3.11 or newer" >&2
    exit 1
fi
# Debian's python3 comes without venv/ensurepip; they are in python3-venv.
if [[ ! -x .venv/bin/python ]] && ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    PACKAGES+=(python3-venv)
fi

# --- Debian packages ------------------------------------------------------------------------------
apt_ok=1
if ! command -v dpkg-query >/dev/null 2>&1; then
    say "not a Debian system (no dpkg-query): skipping system packages; Qt needs the libraries listed in scripts/setup.sh"
else
    installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${PACKAGES[@]}" 2>/dev/null \
        | awk '$2 == "installed" { print $1 }' || true)
    missing=()
    for p in "${PACKAGES[@]}"; do
        grep -qxF -- "$p" <<<"$installed" || missing+=("$p")
    done
    if ((${#missing[@]} == 0)); then
        say "Debian packages: all ${#PACKAGES[@]} present"
    elif ((EUID == 0)); then
        say "Debian packages: installing ${#missing[@]} missing: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q </dev/null
        apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" </dev/null
        installed_now=1
    else
        apt_ok=0
        say "warning: not root, so not installing these missing Debian packages; as root run:" >&2
        say "  apt-get install --no-install-recommends ${missing[*]}" >&2
        if [[ " ${missing[*]} " == *" python3-venv "* ]]; then
            say "error: cannot create .venv without python3-venv" >&2
            exit 1
        fi
    fi
fi

# --- Python environment ---------------------------------------------------------------------------
if [[ -e .venv ]] && ! .venv/bin/python -c 'import sys' >/dev/null 2>&1; then
    say "existing .venv has no working interpreter: recreating it"
    "$PYTHON" -m venv --clear .venv
elif [[ ! -e .venv ]]; then
    say "creating .venv with $("$PYTHON" --version 2>&1)"
    "$PYTHON" -m venv .venv
fi

stamp=.venv/.safegrid-pyproject.sha256
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
# -I: do not let the working directory make `import desktop` succeed without the editable install.
if [[ -f $stamp && $(<"$stamp") == "$want" && -x .venv/bin/safegrid ]] \
    && .venv/bin/python -I -c 'import desktop' >/dev/null 2>&1; then
    say "Python environment: .venv up to date with pyproject.toml"
else
    say "Python environment: installing SafeGrid and its test tools into .venv"
    rm -f "$stamp"
    export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_PROGRESS_BAR=off
    .venv/bin/python -m pip install --upgrade pip </dev/null
    .venv/bin/python -m pip install -e ".[test]" </dev/null
    .venv/bin/python -I -c 'import desktop'
    printf '%s\n' "$want" >"$stamp"
    installed_now=1
fi

if [[ -z ${installed_now:-} && $apt_ok == 1 ]]; then
    say "everything is present"
else
    say "done"
fi
