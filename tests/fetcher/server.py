"""A scriptable loopback HTTP server for the fetcher's tests: any status, header, body or pace.

Each :class:`Site` listens on its own loopback address (127.0.0.x, so several
sites are several hosts to the fetcher's per-host pacing) and answers from a
table of routes; every request is recorded with its arrival time, headers and
the number of requests in flight, so tests can assert what the server saw.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Seen:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]
    at: float
    concurrent: int


@dataclass
class Reply:
    """What a route answers."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    drip: float = 0.0
    """Seconds between single bytes of the body (a slow-drip server)."""


Route = Reply | Callable[[Seen], Reply]

HTML = {"Content-Type": "text/html; charset=utf-8"}


def page(title: str) -> Reply:
    """A small article page."""
    return Reply(body=f"<html><head><title>{title}</title></head><body><p>{title} text.</p>"
                 "</body></html>".encode(), headers=dict(HTML))


def rss(*links: str, etag: str | None = None) -> Route:
    """An RSS 2.0 feed of ``links`` that answers 304 to a matching If-None-Match."""
    items = "".join(f"<item><title>{u}</title><link>{u}</link></item>" for u in links)
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}' \
           "</channel></rss>"
    headers = {"Content-Type": "application/rss+xml"} | ({"ETag": etag} if etag else {})

    def reply(seen: Seen) -> Reply:
        if etag and seen.headers.get("if-none-match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(body=body.encode(), headers=headers)
    return reply


class Site:
    """One loopback host answering from ``routes``; unknown paths get a 404."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.routes: dict[str, Route] = {}
        self._seen: list[Seen] = []
        self._lock = threading.Lock()
        self._active = 0
        self._server = _Server((host, 0), self)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True)

    @property
    def base_url(self) -> str:
        """``http://host:port``."""
        return f"http://{self.host}:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        """The absolute URL of ``path`` on this site."""
        return self.base_url + path

    @property
    def seen(self) -> list[Seen]:
        """Every request so far, in arrival order."""
        with self._lock:
            return list(self._seen)

    def hits(self, path: str) -> list[Seen]:
        """The requests for ``path`` (query ignored)."""
        return [s for s in self.seen if urlsplit(s.path).path == path]

    def gaps(self) -> list[float]:
        """Seconds between consecutive arrivals at this host."""
        times = [s.at for s in self.seen]
        return [b - a for a, b in zip(times, times[1:], strict=False)]

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _answer(self, path: str, headers: dict[str, str]) -> tuple[Reply, Seen]:
        with self._lock:
            self._active += 1
            seen = Seen(path, headers, time.monotonic(), self._active)
            self._seen.append(seen)
        route = self.routes.get(urlsplit(path).path)
        if route is None:
            return Reply(404, b"not found", {"Content-Type": "text/plain"}), seen
        return (route(seen) if callable(route) else route), seen

    def _done(self) -> None:
        with self._lock:
            self._active -= 1


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: _Server

    def do_GET(self) -> None:
        site = self.server.site
        reply, _ = site._answer(self.path, {k.lower(): v for k, v in self.headers.items()})
        try:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.status != 304:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if reply.drip:
                for i in range(len(reply.body)):
                    self.wfile.write(reply.body[i:i + 1])
                    self.wfile.flush()
                    time.sleep(reply.drip)
            elif reply.status != 304:
                self.wfile.write(reply.body)
        except OSError:
            self.close_connection = True  # the client gave up (timeouts, bombs): fine
        finally:
            site._done()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], site: Site) -> None:
        self.site = site
        super().__init__(address, _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        with contextlib.suppress(Exception):
            pass  # a client that hung up mid-answer is expected here
