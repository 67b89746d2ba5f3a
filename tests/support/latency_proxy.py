"""A TCP proxy that puts a network hop between the app and its PostgreSQL server.

The test cluster (scripts/test-postgres.sh) listens on a Unix socket on the same machine, where a
round trip costs microseconds; an office's server is a switch or a county network away. The proxy
listens on 127.0.0.1 (a random port), forwards every connection to the server — its TCP address
or its Unix socket — and holds each chunk of bytes `delay_ms` before passing it on, in each
direction: a statement then costs at least two delays, as it would over the wire.

`cut()` drops every open connection and refuses new ones (a cable pulled, the server rebooted);
`restore()` lets connections through again. Plain threads and sockets, no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import os
import queue
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

Target = tuple[str, int] | str  # (host, port), or the path of a Unix socket

_CHUNK = 65536


def pg_socket(folder: str, port: int = 5432) -> str:
    """The Unix socket file of a PostgreSQL server listening in `folder` (its -k directory)."""
    return os.path.join(folder, f".s.PGSQL.{port}")


class _Link:
    """One client connection and its upstream connection, with one pump each way. A pump is a
    reader (receives and stamps each chunk with when it may go on) and a writer (sends it when
    due), so a delay adds latency without limiting how much data is in flight."""

    def __init__(self, proxy: LatencyProxy, client: socket.socket, upstream: socket.socket) -> None:
        self.proxy = proxy
        self.sockets = (client, upstream)
        self.closed = threading.Event()
        self.threads = [
            *self._pump(client, upstream, "up"),
            *self._pump(upstream, client, "down"),
        ]

    def start(self) -> None:
        for t in self.threads:
            t.start()

    def _pump(self, src: socket.socket, dst: socket.socket, name: str) -> list[threading.Thread]:
        chunks: queue.Queue[tuple[float, bytes]] = queue.Queue()

        def read() -> None:
            try:
                while not self.closed.is_set():
                    data = src.recv(_CHUNK)
                    if not data:
                        break
                    chunks.put((time.monotonic() + self.proxy.delay_ms / 1000.0, data))
            except OSError:
                pass
            chunks.put((0.0, b""))  # end of stream: the writer closes its side after what is queued

        def write() -> None:
            try:
                while True:
                    due, data = chunks.get()
                    if not data:
                        break
                    wait = due - time.monotonic()
                    if wait > 0 and self.closed.wait(wait):
                        return
                    if self.closed.is_set():
                        return
                    dst.sendall(data)
                    self.proxy._count(name, len(data))
            except OSError:
                pass
            self.close()

        return [threading.Thread(target=read, name=f"proxy-{name}-read", daemon=True),
                threading.Thread(target=write, name=f"proxy-{name}-write", daemon=True)]

    def close(self) -> None:
        if self.closed.is_set():
            return
        self.closed.set()
        for s in self.sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
        self.proxy._forget(self)


class LatencyProxy:
    """Forward 127.0.0.1:`port` to `target`, `delay_ms` each way (changeable while running)."""

    def __init__(self, target: Target, delay_ms: float = 0.0) -> None:
        self.target = target
        self.delay_ms = float(delay_ms)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.host, self.port = self._listener.getsockname()[:2]
        self._links: set[_Link] = set()
        self._lock = threading.Lock()
        self._open = True
        self._stopped = False
        self.connections = 0  # accepted and forwarded since start
        self.bytes = {"up": 0, "down": 0}
        self._thread = threading.Thread(target=self._accept, name="proxy-accept", daemon=True)
        self._thread.start()

    # -- what a test uses

    def cut(self) -> None:
        """The server goes away: every open connection is dropped, new ones are refused (closed
        at once) until restore()."""
        with self._lock:
            self._open = False
            links = list(self._links)
        for link in links:
            link.close()

    def restore(self) -> None:
        """The server is back: new connections go through again."""
        with self._lock:
            self._open = True

    @property
    def open_links(self) -> int:
        with self._lock:
            return len(self._links)

    def close(self) -> None:
        self._stopped = True
        self.cut()
        try:
            self._listener.close()
        except OSError:
            pass
        self._thread.join(timeout=5)

    def __enter__(self) -> LatencyProxy:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- inside

    def _connect_upstream(self) -> socket.socket:
        if isinstance(self.target, str):
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(self.target)
            return s
        s = socket.create_connection(self.target)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return s

    def _accept(self) -> None:
        self._listener.settimeout(0.2)  # wakes up to notice close()
        while not self._stopped:
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            with self._lock:
                refused = not self._open
            if refused:
                client.close()
                continue
            try:
                upstream = self._connect_upstream()
            except OSError:
                client.close()
                continue
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            link = _Link(self, client, upstream)
            with self._lock:
                self.connections += 1
                self._links.add(link)
            link.start()

    def _count(self, direction: str, n: int) -> None:
        with self._lock:
            self.bytes[direction] += n

    def _forget(self, link: _Link) -> None:
        with self._lock:
            self._links.discard(link)


@contextmanager
def proxied(target: Target, delay_ms: float = 0.0) -> Iterator[LatencyProxy]:
    proxy = LatencyProxy(target, delay_ms)
    try:
        yield proxy
    finally:
        proxy.close()
