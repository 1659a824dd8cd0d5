"""Safe HTTP fetching: allowed schemes and addresses, capped redirects, size and time.

Every request's host is resolved and each address checked before the request
is sent, and again for every redirect hop, so that a feed cannot point the
fetcher at loopback, private, link-local, multicast or reserved addresses
unless settings allow those networks. httpx errors are translated here into
newsflow's own :class:`TransientError` / :class:`FetchFailed` /
:class:`FetchRefused`.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from newsflow.errors import FetchFailed, FetchRefused, TransientError
from newsflow.settings import IPNetwork

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
HTML_TYPES = ("text/html", "application/xhtml+xml")
NOTABLE_HEADERS = ("etag", "last-modified", "content-language", "content-type")


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


@dataclass(frozen=True)
class FetchPolicy:
    """What the client may fetch, built once from settings."""

    allowed_networks: Sequence[IPNetwork] = ()
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    timeout: float = 20.0
    user_agent: str = "newsflow"


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
        addresses = {ipaddress.ip_address(host)}
    except ValueError:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, parts.port or 0, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise TransientError(f"{url}: cannot resolve {host}: {exc}") from exc
        addresses = {ipaddress.ip_address(info[4][0]) for info in infos}
    for addr in addresses:
        if _address_blocked(addr) and not any(addr in net for net in policy.allowed_networks):
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


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    policy: FetchPolicy,
    *,
    accept: tuple[str, ...] | None = None,
    extra_headers: dict[str, str] | None = None,
) -> Response:
    """GET ``url`` under ``policy``, following redirects ourselves so each hop is checked.

    ``accept`` lists the content types wanted (e.g. :data:`HTML_TYPES`); a
    response of another type is refused with a reason. Bodies are streamed and
    cut at ``policy.max_bytes`` (``truncated`` says so).
    """
    current = url
    headers = {"User-Agent": policy.user_agent, **(extra_headers or {})}
    for _hop in range(policy.max_redirects + 1):
        await check_url(current, policy)
        try:
            async with asyncio.timeout(policy.timeout):
                async with client.stream("GET", current, headers=headers) as resp:
                    if resp.status_code in _REDIRECTS and "location" in resp.headers:
                        current = urljoin(current, resp.headers["location"])
                        continue
                    return await _read(resp, url, current, policy, accept)
        except TimeoutError as exc:
            raise TransientError(f"{current}: no complete answer within {policy.timeout}s") from exc
        except httpx.TransportError as exc:
            raise TransientError(f"{current}: {type(exc).__name__}: {exc}") from exc
    raise FetchFailed(f"{url}: more than {policy.max_redirects} redirects", reason="redirects")


async def _read(
    resp: httpx.Response,
    url: str,
    final_url: str,
    policy: FetchPolicy,
    accept: tuple[str, ...] | None,
) -> Response:
    status = resp.status_code
    if status in _TRANSIENT_STATUS:
        raise TransientError(f"{final_url}: HTTP {status}")
    if status == 304:
        return Response(url, final_url, status, {}, b"", False, None)
    if status >= 400:
        raise FetchFailed(f"{final_url}: HTTP {status}", reason=f"http_{status}")
    mime, charset = _content_type(resp.headers)
    if accept is not None and mime is not None and mime not in accept:
        raise FetchRefused(f"{final_url}: content type {mime} is not one of {', '.join(accept)}",
                           reason="content_type")
    chunks: list[bytes] = []
    size = 0
    truncated = False
    try:
        async for chunk in resp.aiter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size >= policy.max_bytes:
                truncated = True
                break
    except httpx.DecodingError as exc:
        raise FetchFailed(f"{final_url}: cannot decode body: {exc}", reason="encoding") from exc
    body = b"".join(chunks)[: policy.max_bytes]
    kept = {k: v for k, v in resp.headers.items() if k.lower() in NOTABLE_HEADERS}
    return Response(url, final_url, status, kept, body, truncated, mime, charset)
