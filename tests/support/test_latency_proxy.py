"""The test proxy itself: bytes go through unchanged both ways (to a TCP or a Unix-socket
server), each way is held the delay it is given, and a cut drops the connections and refuses new
ones until restored."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PG
from tests.support.latency_proxy import LatencyProxy, pg_socket, proxied


def _echo(listener: socket.socket) -> None:
    """Echo every connection back, upper-cased (so a reply is not the request looped)."""

    def serve(conn: socket.socket) -> None:
        with conn:
            while data := conn.recv(65536):
                conn.sendall(data.upper())

    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


@pytest.fixture
def tcp_echo() -> Iterator[tuple[str, int]]:
    listener = socket.create_server(("127.0.0.1", 0))
    threading.Thread(target=_echo, args=(listener,), daemon=True).start()
    yield listener.getsockname()[:2]
    listener.close()


@pytest.fixture
def unix_echo(tmp_path: Path) -> Iterator[str]:
    path = str(tmp_path / "echo.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen()
    threading.Thread(target=_echo, args=(listener,), daemon=True).start()
    yield path
    listener.close()


def _ask(proxy: LatencyProxy, data: bytes) -> bytes:
    with socket.create_connection((proxy.host, proxy.port), timeout=10) as s:
        s.sendall(data)
        got = b""
        while len(got) < len(data):
            chunk = s.recv(65536)
            if not chunk:
                break
            got += chunk
        return got


def test_bytes_go_through_both_ways_to_a_tcp_server(tcp_echo) -> None:
    with proxied(tcp_echo) as proxy:
        assert _ask(proxy, b"select 1;") == b"SELECT 1;"
        big = bytes(range(97, 123)) * 40_000  # ~1 MB: many chunks, in order
        assert _ask(proxy, big) == big.upper()
        assert proxy.connections == 2


def test_bytes_go_through_to_a_unix_socket_server(unix_echo) -> None:
    with proxied(unix_echo) as proxy:
        assert _ask(proxy, "学习测评".encode()) == "学习测评".encode()


def test_each_way_is_held_the_delay(tcp_echo) -> None:
    # (a lower bound: the proxy cannot pass bytes on sooner than it is told, however busy the
    # machine is — this cannot fail from load, only from a proxy that does not delay)
    with proxied(tcp_echo, delay_ms=60) as proxy:
        t = time.monotonic()
        assert _ask(proxy, b"ping") == b"PING"
        assert time.monotonic() - t >= 0.12
        proxy.delay_ms = 0
        assert _ask(proxy, b"pong") == b"PONG"


def test_a_cut_drops_open_connections_and_refuses_new_ones_until_restored(tcp_echo) -> None:
    with proxied(tcp_echo) as proxy:
        s = socket.create_connection((proxy.host, proxy.port), timeout=10)
        s.sendall(b"a")
        assert s.recv(10) == b"A"
        proxy.cut()
        try:
            s.sendall(b"b")
            assert s.recv(10) == b""  # the server went away: end of stream (or a reset, below)
        except OSError:
            pass
        s.close()
        assert proxy.open_links == 0
        with socket.create_connection((proxy.host, proxy.port), timeout=10) as refused:
            try:
                assert refused.recv(10) == b""
            except OSError:
                pass
        proxy.restore()
        assert _ask(proxy, b"back") == b"BACK"


@pytest.mark.skipif(not PG or not PG.startswith("/"), reason="needs the test PostgreSQL cluster's socket (STUDYAPP_TEST_PG)")
def test_postgresql_over_the_proxy() -> None:
    import psycopg

    with proxied(pg_socket(PG), delay_ms=1) as proxy:
        with psycopg.connect(host=proxy.host, port=proxy.port, user="postgres", dbname="postgres") as conn:
            assert conn.execute("SELECT 40 + 2").fetchone() == (42,)
            proxy.cut()
            with pytest.raises(psycopg.OperationalError):
                conn.execute("SELECT 1")
        proxy.restore()
        with psycopg.connect(host=proxy.host, port=proxy.port, user="postgres", dbname="postgres") as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
