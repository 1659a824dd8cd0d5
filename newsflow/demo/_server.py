"""The demo news site as a real HTTP server on the loopback interface (implementation).

``newsflow demo``, the end-to-end tests and the benchmarks all fetch from it, so
the fetcher meets real sockets, real headers and real keep-alive connections
without any network access. The URL layout is drawn in ``server.py``, the
module to run; this one holds the code so that the package can import it
without importing the module ``python -m`` executes.

Every request is recorded with its arrival time so tests can check that the
fetcher does not fetch a page twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import socket
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, NamedTuple, Self
from urllib.parse import urlsplit

from newsflow.demo import _feeds
from newsflow.demo._articles import ARTICLES
from newsflow.demo._generate import generated_article
from newsflow.demo._records import DemoArticle
from newsflow.demo._render import render_article, render_home

_log = logging.getLogger(__name__)

HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
XML = "application/xml; charset=utf-8"
GZIP = "application/gzip"
TEXT = "text/plain; charset=utf-8"

_GENERATED_PAGE = re.compile(r"/gen/(\d+)\.html")
_NOT_FOUND = b"<!DOCTYPE html><html><head><title>Not found</title></head><body>404</body></html>"


class RequestRecord(NamedTuple):
    """One request the site received: the path as sent (query included) and when."""

    path: str
    at: float
    """``time.monotonic()`` on arrival."""


class _Resource(NamedTuple):
    content_type: str
    body: bytes
    modified: datetime | None = None

    @property
    def etag(self) -> str:
        return '"' + hashlib.blake2b(self.body, digest_size=8).hexdigest() + '"'


class _Handler(BaseHTTPRequestHandler):
    """Serves the site's resources; HTTP/1.1 so that clients can keep connections alive."""

    protocol_version = "HTTP/1.1"
    server_version = "newsflow-demo/1"
    timeout = 30  # an idle keep-alive connection must not hold a thread for ever
    # Headers and body go out in two writes; with Nagle's algorithm the second waits for
    # the client's delayed ACK, which costs ~40 ms per request on a keep-alive connection.
    disable_nagle_algorithm = True
    server: _Server

    def do_GET(self) -> None:
        """Answer a GET."""
        self._respond(with_body=True)

    def do_HEAD(self) -> None:
        """Answer a HEAD: the GET headers without the body."""
        self._respond(with_body=False)

    def _respond(self, *, with_body: bool) -> None:
        site = self.server.site
        site._record(self.path)
        resource = site._resource(urlsplit(self.path).path)
        if resource is None:
            self._send(404, _Resource(HTML, _NOT_FOUND), with_body=with_body)
        elif self.headers.get("If-None-Match") == resource.etag:
            self._send(304, resource, with_body=False)
        else:
            self._send(200, resource, with_body=with_body)

    def _send(self, status: int, resource: _Resource, *, with_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", resource.content_type)
        if status != 404:
            self.send_header("ETag", resource.etag)
        if resource.modified is not None:
            self.send_header("Last-Modified", format_datetime(resource.modified, usegmt=True))
        if status != 304:
            self.send_header("Content-Length", str(len(resource.body)))
        self.end_headers()
        if with_body and status != 304:
            self.wfile.write(resource.body)

    def log_message(self, format: str, *args: object) -> None:
        """Send the access log to logging at debug level, not to stderr."""
        _log.debug("%s " + format, self.address_string(), *args)


class _Server(ThreadingHTTPServer):
    """A threaded server that can close its open connections.

    ``server_close`` joins the handler threads; closing the client sockets first
    makes that join return at once instead of waiting for idle keep-alive
    connections to time out, so tests end without stray threads or sockets.
    """

    daemon_threads = True
    block_on_close = True

    def __init__(self, address: tuple[str, int], site: DemoSite) -> None:
        self.site = site
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def get_request(self) -> tuple[socket.socket, Any]:
        connection, address = super().get_request()
        with self._connections_lock:
            self._connections.add(connection)
        return connection, address

    def shutdown_request(self, request: socket.socket | tuple[bytes, socket.socket]) -> None:
        if isinstance(request, socket.socket):  # always, on TCP; the union is socketserver's
            with self._connections_lock:
                self._connections.discard(request)
        super().shutdown_request(request)

    def server_close(self) -> None:
        with self._connections_lock:  # held, so no handler closes a socket under us
            for connection in self._connections:
                with contextlib.suppress(OSError):  # the client hung up already
                    connection.shutdown(socket.SHUT_RDWR)
        super().server_close()


class DemoSite:
    """The demo news site, served over HTTP on ``host`` (loopback) and ``port`` (0: any free).

    Use it as a context manager, or call :meth:`start` and :meth:`close`.
    ``generated_pages`` adds that many generated articles under ``/gen/``.
    """

    def __init__(self, port: int = 0, *, generated_pages: int = 0, host: str = "127.0.0.1") -> None:
        if generated_pages < 0:
            raise ValueError(f"generated_pages must be >= 0, got {generated_pages}")
        self._address = (host, port)
        self.generated: tuple[DemoArticle, ...] = tuple(
            generated_article(i) for i in range(generated_pages)
        )
        """The generated articles, ``generated[i]`` served at ``/gen/<i>.html``."""
        self._requests: list[RequestRecord] = []
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._static: dict[str, _Resource] = {}

    # -------------------------------------------------------------- lifecycle

    def bind(self) -> Self:
        """Bind the socket without serving yet, so that ``base_url`` is known; idempotent."""
        self._ensure_server()
        return self

    def _ensure_server(self) -> _Server:
        if self._server is None:
            self._server = _Server(self._address, self)
            self._static = self._build_static()
        return self._server

    def start(self) -> Self:
        """Bind and serve from a background thread; a second call does nothing."""
        if self._thread is None:
            server = self._ensure_server()
            # A short poll interval makes close() (and so every test's teardown) fast.
            self._thread = threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"demo-site:{self.port}",
                daemon=True,
            )
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Bind and serve from the calling thread until interrupted, then close."""
        try:
            self._ensure_server().serve_forever()
        finally:
            self.close()

    def close(self) -> None:
        """Stop serving, close open connections and the socket, and join all threads."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is None:
            return
        if thread is not None:
            server.shutdown()
            thread.join()
        server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------- properties

    @property
    def port(self) -> int:
        """The bound port (the free one chosen when 0 was asked for)."""
        if self._server is None:
            raise RuntimeError("the demo site is not running")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """``http://<host>:<port>`` (host 127.0.0.1 by default), without a trailing slash."""
        return f"http://{self._address[0]}:{self.port}"

    @property
    def articles(self) -> tuple[DemoArticle, ...]:
        """Every article served: the hand-written ones, then the generated ones."""
        return (*ARTICLES, *self.generated)

    @property
    def requests(self) -> list[RequestRecord]:
        """A snapshot of the requests received so far, oldest first."""
        with self._lock:
            return list(self._requests)

    def hits(self, path: str) -> int:
        """How many requests asked for ``path``, whatever their query string."""
        return sum(1 for r in self.requests if urlsplit(r.path).path == path)

    # -------------------------------------------------------------- resources

    def _record(self, path: str) -> None:
        with self._lock:
            self._requests.append(RequestRecord(path, time.monotonic()))

    def _build_static(self) -> dict[str, _Resource]:
        """Render everything but the generated pages once, now that the base URL is known."""
        base = self.base_url
        everything = _feeds.last_modified(ARTICLES)
        resources = {
            "/": _Resource(HTML, render_home(ARTICLES, len(self.generated)).encode()),
            "/rss.xml": _Resource(
                RSS,
                _feeds.render_rss(
                    ARTICLES, base, self_path="/rss.xml", title="All stories"
                ).encode(),
                everything,
            ),
            "/sitemap.xml": _Resource(
                XML, _feeds.render_sitemap(ARTICLES, base).encode(), everything
            ),
            "/sitemap-index.xml": _Resource(
                XML, _feeds.render_sitemap_index(ARTICLES, base).encode(), everything
            ),
            _feeds.NEWS_SITEMAP_PATH: _Resource(
                GZIP, _feeds.render_news_sitemap_gz(ARTICLES, base), everything
            ),
            "/robots.txt": _Resource(TEXT, _feeds.render_robots(base).encode()),
        }
        for article in ARTICLES:
            page = render_article(article, base).encode()
            resources[article.url_path] = _Resource(HTML, page, article.modified.astimezone(UTC))
        if self.generated:
            feed = _feeds.render_rss(
                self.generated, base, self_path="/gen/rss.xml", title="Generated stories"
            )
            modified = _feeds.last_modified(self.generated)
            resources["/gen/rss.xml"] = _Resource(RSS, feed.encode(), modified)
        return resources

    def _resource(self, path: str) -> _Resource | None:
        """What ``path`` serves, or None; generated pages are rendered per request."""
        found = self._static.get(path)
        if found is not None:
            return found
        match = _GENERATED_PAGE.fullmatch(path)
        if match is None or int(match[1]) >= len(self.generated):
            return None
        article = self.generated[int(match[1])]
        page = render_article(article, self.base_url).encode()
        return _Resource(HTML, page, article.modified.astimezone(UTC))


def serve_demo_site(port: int = 0, *, generated_pages: int = 0) -> DemoSite:
    """Start the demo site in a background thread; close it, or use it in a ``with`` block."""
    return DemoSite(port, generated_pages=generated_pages).start()
