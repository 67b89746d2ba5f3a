#!/usr/bin/env bash
# Set everything up (first time only takes long) and start studyapp on its bundled document.
# Extra arguments go to studyapp, e.g. `bash scripts/run.sh --data ~/学习数据`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run: no screen (DISPLAY) found; starting on a virtual screen with xvfb-run" >&2
  exec xvfb-run -a .venv/bin/studyapp "$@"
fi
exec .venv/bin/studyapp "$@"
