"""Safe HTTP fetching: allowed schemes and addresses, capped redirects, size and time.

Every request's host is resolved and each address checked before the request
is sent, and again for every redirect hop, so that a feed cannot point the
fetcher at loopback, private, link-local, multicast or reserved addresses
unless settings allow those networks. That early check gives the clearest
error and guards any transport; the production transport checks the address
it connects to as well (:mod:`services.fetcher.transport`), which is what
closes the gap between this lookup and the connection's own (DNS rebinding).
Bodies are read raw and decompressed here, a bounded amount at a time, so a
gzip bomb stops at the size cap with a clear error instead of filling memory.
httpx errors are translated here into the fetcher's own errors
(:mod:`services.fetcher.errors`).
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import socket
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from newsflow.errors import FetchFailed, FetchRefused
from newsflow.ids import url_host
from newsflow.settings import IPNetwork
from services.fetcher import metrics
from services.fetcher.errors import (
    CrossHostRedirect,
    ServerError,
    Throttled,
    Timeout,
    Unreachable,
)

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_THROTTLED = frozenset({429, 503})
_TRANSIENT_STATUS = frozenset({408, 425, 500, 502, 504})
HTML_TYPES = ("text/html", "application/xhtml+xml")
NOTABLE_HEADERS = ("etag", "last-modified", "content-language", "content-type")
#: A body that decompresses past the cap at more than this ratio is a bomb, not a big page.
BOMB_RATIO = 100
_READ_CHUNK = 65_536


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched body and what we keep of its response."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    truncated: bool
    content_type: str | None
    encoding: str | None = None

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional GET."""
        return self.status == 304


@dataclass(frozen=True)
class FetchPolicy:
    """What the client may fetch, built once from settings."""

    allowed_networks: Sequence[IPNetwork] = ()
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    timeout: float = 20.0
    user_agent: str = "newsflow"
    max_feed_bytes: int = 50_000_000
    """Feed documents are never cut (a cut feed does not parse); the sitemap protocol's limit."""
    max_retry_after: float = 3600.0


def _address_blocked(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return (
        addr.is_private
        or addr.is_loopback
        or addr.is_link_local
        or addr.is_multicast
        or addr.is_reserved
        or addr.is_unspecified
    )


@functools.lru_cache(maxsize=65_536)
def refused_address(address: str, allowed: tuple[IPNetwork, ...]) -> bool:
    """Whether ``address`` may not be fetched; cached, as the answer for an address never changes.

    (Only the verdict on an address is cached: host names are resolved afresh for every
    request, so a name that is re-pointed at a private address is caught.) The
    transport asks the same question of the address it is about to connect to
    (:mod:`services.fetcher.transport`).
    """
    addr = ipaddress.ip_address(address)
    return _address_blocked(addr) and not any(addr in net for net in allowed)


async def check_url(url: str, policy: FetchPolicy) -> None:
    """Raise :class:`FetchRefused` unless ``url`` is http(s) and resolves to allowed addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"{url}: only http and https are fetched, not {parts.scheme!r}",
                           reason="scheme")
    host = parts.hostname
    if not host:
        raise FetchRefused(f"{url}: no host", reason="no_host")
    try:
        addresses = {str(ipaddress.ip_address(host))}
    except ValueError:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, parts.port or 0, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise Unreachable(f"{url}: cannot resolve {host}: {exc}", reason="dns") from exc
        addresses = {str(info[4][0]) for info in infos}
    allowed = tuple(policy.allowed_networks)
    for addr in addresses:
        if refused_address(addr, allowed):
            raise FetchRefused(
                f"{url}: {host} resolves to {addr}, a non-public address; "
                "allow its network in NEWSFLOW_ALLOWED_NETWORKS to fetch it",
                reason="address",
            )


def _content_type(headers: httpx.Headers) -> tuple[str | None, str | None]:
    raw = headers.get("content-type")
    if not raw:
        return None, None
    mime, _, params = raw.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "charset":
            charset = value.strip("\"' ") or None
    return mime.strip().lower(), charset


def retry_after_seconds(value: str | None, cap: float, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date), capped."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max(0.0, (when - (now or datetime.now(UTC))).total_seconds()), cap)


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    policy: FetchPolicy,
    *,
    accept: tuple[str, ...] | None = None,
    extra_headers: dict[str, str] | None = None,
    kind: str = "article",
) -> Response:
    """GET ``url`` under ``policy``, following redirects ourselves so each hop is checked.

    Redirects within the host are followed here; one to another host raises
    :class:`CrossHostRedirect`, so that the caller can wait for that host's turn.

    ``accept`` lists the content types wanted (e.g. :data:`HTML_TYPES`); a
    response of another type is refused with a reason. Article bodies are cut at
    ``policy.max_bytes`` (``truncated`` says so); feed documents (``kind`` other
    than ``article``) are never cut but refused past ``policy.max_feed_bytes``.
    The whole exchange, redirects and a slowly dripping body included, must end
    within ``policy.timeout`` seconds.
    """
    current = url
    headers = {"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate",
               **(extra_headers or {})}
    try:
        async with asyncio.timeout(policy.timeout):
            for _hop in range(policy.max_redirects + 1):
                await check_url(current, policy)
                metrics.IN_FLIGHT.inc()
                try:
                    async with client.stream("GET", current, headers=headers) as resp:
                        metrics.REQUESTS.labels(kind, str(resp.status_code)).inc()
                        if resp.status_code in _REDIRECTS and "location" in resp.headers:
                            target = urljoin(current, resp.headers["location"])
                            if url_host(target) != url_host(url):
                                raise CrossHostRedirect(f"{current} redirects to {target}",
                                                        target)
                            current = target
                            continue
                        return await _read(resp, url, current, policy, accept, kind)
                finally:
                    metrics.IN_FLIGHT.dec()
    except TimeoutError as exc:
        raise Timeout(f"{current}: no complete answer within {policy.timeout}s") from exc
    except httpx.TransportError as exc:
        raise Unreachable(f"{current}: {type(exc).__name__}: {exc}") from exc
    raise FetchFailed(f"{url}: more than {policy.max_redirects} redirects", reason="redirects")


def _status_error(resp: httpx.Response, final_url: str, policy: FetchPolicy) -> Exception | None:
    status = resp.status_code
    if status in _THROTTLED:
        wait = retry_after_seconds(resp.headers.get("retry-after"), policy.max_retry_after)
        said = f" (Retry-After {wait:.0f}s)" if wait is not None else ""
        return Throttled(f"{final_url}: HTTP {status}{said}", status=status, retry_after=wait)
    if status in _TRANSIENT_STATUS:
        return ServerError(f"{final_url}: HTTP {status}", reason=f"http_{status}")
    if status >= 400:
        return FetchFailed(f"{final_url}: HTTP {status}", reason=f"http_{status}")
    return None


async def _read(
    resp: httpx.Response,
    url: str,
    final_url: str,
    policy: FetchPolicy,
    accept: tuple[str, ...] | None,
    kind: str,
) -> Response:
    error = _status_error(resp, final_url, policy)
    if error is not None:
        raise error
    kept = {k: v for k, v in resp.headers.items() if k.lower() in NOTABLE_HEADERS}
    if resp.status_code == 304:
        return Response(url, final_url, 304, kept, b"", False, None)
    mime, charset = _content_type(resp.headers)
    if accept is not None and mime is not None and mime not in accept:
        raise FetchRefused(f"{final_url}: content type {mime} is not one of {', '.join(accept)}",
                           reason="content_type")
    limit = policy.max_bytes if kind == "article" else policy.max_feed_bytes
    body, truncated = await _read_body(resp, final_url, limit)
    if truncated and kind != "article":
        raise FetchFailed(f"{final_url}: document larger than {limit} bytes", reason="too_large")
    metrics.BYTES.labels(kind).inc(len(body))
    return Response(url, final_url, resp.status_code, kept, body, truncated, mime, charset)


def _decoder(encoding: str, final_url: str) -> zlib._Decompress | None:
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise FetchFailed(f"{final_url}: unsupported content encoding {encoding!r}",
                      reason="encoding")


async def _read_body(resp: httpx.Response, final_url: str, limit: int) -> tuple[bytes, bool]:
    """Read at most ``limit`` decoded bytes; a body expanding past it at > 100:1 is a bomb."""
    if resp.is_stream_consumed:  # built from bytes (httpx.MockTransport): already decoded
        return resp.content[:limit], len(resp.content) > limit
    decoder = _decoder(resp.headers.get("content-encoding", "").strip().lower(), final_url)
    chunks: list[bytes] = []
    size = raw_size = 0
    async for raw in resp.aiter_raw(_READ_CHUNK):
        raw_size += len(raw)
        try:
            data = raw if decoder is None else decoder.decompress(raw, limit - size + 1)
        except zlib.error as exc:
            raise FetchFailed(f"{final_url}: cannot decode body: {exc}",
                              reason="encoding") from exc
        chunks.append(data)
        size += len(data)
        if size > limit:
            consumed = raw_size - (len(decoder.unconsumed_tail) if decoder is not None else 0)
            if decoder is not None and size > BOMB_RATIO * consumed:
                raise FetchRefused(
                    f"{final_url}: decompression bomb: {consumed} compressed bytes expand past "
                    f"{limit} bytes", reason="decompression_bomb")
            return b"".join(chunks)[:limit], True
    return b"".join(chunks), False
