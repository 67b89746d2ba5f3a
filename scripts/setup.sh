#!/usr/bin/env bash
# Set up studyapp on a fresh Debian/Ubuntu machine: system libraries Qt needs, a venv in .venv,
# and the package installed in editable mode. Safe to run again (idempotent).
#
#   bash scripts/setup.sh          # the app only
#   bash scripts/setup.sh test     # the app and its test tools (pytest, pytest-qt, …)
#   bash scripts/setup.sh build    # the app and PyInstaller, for build.spec
#
# No CJK font package is installed on purpose: studyapp must show Chinese with its bundled font.
set -euo pipefail

cd "$(dirname "$0")/.."
EXTRAS="${1:-}"
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"

# Libraries the Qt xcb/offscreen platforms, QtPdf and printing load; xvfb/xauth for a virtual
# screen, poppler-utils (pdftotext/pdftoppm) for checking generated PDFs.
APT_PACKAGES=(
  xvfb xauth poppler-utils
  libegl1 libgl1 libopengl0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libnss3 libcups2
  libxkbcommon0 libxkbcommon-x11-0 libx11-6 libx11-xcb1 libxrender1 libxi6 libsm6 libice6
  libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0
  libxcb-xinerama0 libxcb-xkb1 libxcb-glx0
)

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "setup: not root and no sudo; install these Debian packages yourself: ${APT_PACKAGES[*]}" >&2
      return 0
    fi
  fi
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "setup: system packages already installed"
    return 0
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  # Debian 13 renamed some libraries with a t64 suffix: take that name when the old one is gone.
  local resolved=()
  for pkg in "${missing[@]}"; do
    if apt-cache show "$pkg" >/dev/null 2>&1; then resolved+=("$pkg");
    elif apt-cache show "${pkg}t64" >/dev/null 2>&1; then resolved+=("${pkg}t64");
    else echo "setup: package $pkg not found, skipped" >&2; fi
  done
  $sudo apt-get install -y -q --no-install-recommends "${resolved[@]}"
}

# the tests and the build also compile the Windows installer script (scripts/installer.nsi)
if [ "$EXTRAS" = "test" ] || [ "$EXTRAS" = "build" ]; then
  APT_PACKAGES+=(nsis)
fi
# the Linux bundle rebuilds ICU's data library with the Chinese locales only: a C compiler
# (build.spec, scripts/bundle_icu.py; without one the full 31 MB data is kept)
if [ "$EXTRAS" = "build" ]; then
  APT_PACKAGES+=(gcc)
fi
# the tests open the 手机答题 page in a real browser: Debian's chromium (Playwright drives it; no
# browser is downloaded)
if [ "$EXTRAS" = "test" ]; then
  APT_PACKAGES+=(chromium)
  # the suite runs a second time on a throwaway PostgreSQL cluster (scripts/test-postgres.sh)
  APT_PACKAGES+=(postgresql)
fi

if command -v apt-get >/dev/null 2>&1; then
  apt_install
else
  echo "setup: no apt-get; make sure Qt's xcb libraries and poppler-utils are installed" >&2
fi

"$PYTHON" - <<'PY'
import sys
if sys.version_info < (3, 11):
    sys.exit(f"setup: studyapp needs Python 3.11 or newer, found {sys.version.split()[0]}")
PY

if [ ! -x "$VENV/bin/python" ]; then
  if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    # Debian's own python3 ships venv separately.
    rm -rf "$VENV"
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
      apt-get install -y -q --no-install-recommends python3-venv
    fi
    "$PYTHON" -m venv "$VENV"
  fi
fi

"$VENV/bin/python" -m pip install -q --upgrade pip
if [ -n "$EXTRAS" ]; then
  "$VENV/bin/python" -m pip install -q -e ".[$EXTRAS]"
else
  "$VENV/bin/python" -m pip install -q -e .
fi
echo "setup: ready ($("$VENV/bin/python" --version), $VENV)"
