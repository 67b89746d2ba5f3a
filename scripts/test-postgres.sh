#!/usr/bin/env bash
# Run the test suite against a throwaway PostgreSQL cluster (Debian's postgresql package): a
# cluster in a temporary folder, listening only on a Unix socket in that folder, removed at the
# end. Every database the fixtures hand out is then a database on it (tests/conftest.py, PG).
#
#   bash scripts/test-postgres.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "test-postgres: PostgreSQL is not installed (bash scripts/setup.sh test installs it)" >&2
  exit 1
fi
WORK="$(mktemp -d /tmp/studyapp-pg.XXXXXX)"
RUN=()
if [ "$(id -u)" -eq 0 ]; then  # the server refuses to run as root: as the postgres user
  chown postgres "$WORK"
  RUN=(runuser -u postgres --)
fi
cleanup() {
  "${RUN[@]}" "$BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
"${RUN[@]}" "$BIN/initdb" -D "$WORK/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
# durability off: a test cluster is thrown away (fsync off makes creating databases fast)
"${RUN[@]}" "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w \
  -o "-k $WORK -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
echo "test-postgres: server on $WORK ($("$BIN/postgres" --version))"
set +e
STUDYAPP_TEST_PG="$WORK" QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "test-postgres: pytest collected no tests — failing" >&2
  exit 1
fi
exit "$status"
