"""A data folder on the test PostgreSQL server reached through the latency proxy: a county PC
across the network, for the tests and benchmarks of the shared database (needs STUDYAPP_TEST_PG
as a socket folder, as scripts/test-postgres.sh sets it)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from studyapp.db import shared
from studyapp.db.shared import SharedDatabase
from studyapp.services.context import AppContext
from tests.conftest import PG, _pg_admin, dispose
from tests.support.latency_proxy import LatencyProxy, pg_socket, proxied

ON_SERVER = bool(PG) and PG.startswith("/")


@contextmanager
def remote_context(template: Path, data_dir: Path, delay_ms: float = 0.0) -> Iterator[tuple[AppContext, LatencyProxy]]:
    """A new database made from `template` (a template database's name, as the fixtures give
    it on the server), opened from `data_dir` through a proxy 127.0.0.1:port → the cluster's
    socket; dropped afterwards."""
    name = f"studyapp_hop{os.getpid()}_{uuid.uuid4().hex[:10]}"
    _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    with proxied(pg_socket(PG), delay_ms) as proxy:
        shared.write(data_dir, SharedDatabase("127.0.0.1", name, "postgres", proxy.port))
        ctx = AppContext(data_dir)
        try:
            yield ctx, proxy
        finally:
            dispose(ctx)
