"""The HTTP client the fetcher uses in production: httpx on top of aiohttp's connection pool.

httpx is the fetcher's interface (tests inject ``httpx.MockTransport``), but its
default pool (httpcore on anyio, with h11 in pure Python) spends about 1.7 ms
of CPU per request here, and scans every pooled connection for every request,
so with hundreds of hosts it cannot reach 500 pages a second on two cores.
aiohttp's pool and C parser do the same work in about half that. aiohttp is
told not to follow redirects and not to decompress, so every hop is still
checked by :func:`services.fetcher.client.fetch` and every body still passes its
bounded decompression. aiohttp's own exceptions are translated into httpx's
here, so the rest of the fetcher sees one error vocabulary; the one exception
is an address refused at connect time, which is the fetcher's own
:class:`FetchRefused`, as it is when :func:`~services.fetcher.client.check_url`
refuses it earlier.

Why the address is checked twice. :func:`~services.fetcher.client.check_url`
resolves a URL's host and checks every address before the request, but aiohttp
then resolves the name again to connect, and a hostile DNS server can answer a
public address to the first lookup and ``127.0.0.1`` to the second (DNS
rebinding). So the connector resolves through :class:`GuardedResolver`, which
applies the same policy to the answers the connector is about to use: the
address checked is the address connected to. The connector caches only what the
guard returned, so its DNS cache holds checked addresses only. Hosts written as
IP literals never reach a resolver (aiohttp connects to them as written, after
refusing non-canonical IPv4 forms such as ``2130706433``); they cannot rebind,
and ``check_url`` checks them on every hop.
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Sequence
from http.cookiejar import CookieJar

import aiohttp
import httpx
from aiohttp.abc import AbstractResolver, ResolveResult
from httpx_aiohttp import AiohttpTransport

from newsflow.errors import FetchRefused
from newsflow.settings import IPNetwork
from services.fetcher.client import refused_address


class AddressRefused(OSError):
    """A host name resolved, when connecting, to an address the fetch policy refuses.

    An :class:`OSError`, the failure aiohttp expects of a resolver, so the
    connector ends the attempt as after a failed lookup and caches nothing;
    :class:`Transport` turns it into :class:`FetchRefused`.
    """


class GuardedResolver(AbstractResolver):
    """Resolves with ``inner`` and refuses any answer outside the public or allowed networks.

    One refused address refuses the name, as in ``check_url``: a name that points
    at an internal address is not one to fetch from, whatever else it lists.
    """

    def __init__(self, allowed: Sequence[IPNetwork], inner: AbstractResolver) -> None:
        self._allowed = tuple(allowed)
        self._inner = inner

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        """The inner resolver's answers for ``host``, or :class:`AddressRefused`."""
        answers = await self._inner.resolve(host, port, family)
        for answer in answers:
            if refused_address(answer["host"], self._allowed):
                raise AddressRefused(
                    f"{host} resolved to {answer['host']} when connecting, a non-public "
                    "address; allow its network in NEWSFLOW_ALLOWED_NETWORKS to fetch it")
        return answers

    async def close(self) -> None:
        """Release the inner resolver."""
        await self._inner.close()


def _address_refused(exc: BaseException) -> AddressRefused | None:
    """The :class:`AddressRefused` behind ``exc``, however aiohttp and httpx wrapped it."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, AddressRefused):
            return cause
        cause = cause.__cause__
    return None


class _Stream(httpx.AsyncByteStream):
    """A response body whose aiohttp errors surface as httpx errors."""

    def __init__(self, inner: httpx.AsyncByteStream) -> None:
        self._inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._inner:
                yield chunk
        except aiohttp.ClientError as exc:
            raise httpx.ReadError(f"{type(exc).__name__}: {exc}") from exc

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        except aiohttp.ClientError as exc:
            raise httpx.ReadError(f"{type(exc).__name__}: {exc}") from exc


class Transport(AiohttpTransport):
    """httpx-aiohttp's transport, connecting only to allowed addresses, errors mapped to httpx's.

    ``resolver`` answers the connector's lookups (aiohttp's default resolver when
    None); whatever it answers passes :class:`GuardedResolver` first.
    """

    def __init__(self, *, limits: httpx.Limits, allowed_networks: Sequence[IPNetwork] = (),
                 resolver: AbstractResolver | None = None) -> None:
        super().__init__(limits=limits, trust_env=False)
        self._allowed = tuple(allowed_networks)
        self._inner_resolver = resolver
        self._guard: GuardedResolver | None = None

    def get_client(self) -> aiohttp.ClientSession:
        """aiohttp's session, built on first use (it needs the running loop).

        Built here rather than by httpx-aiohttp, whose session knows no resolver
        and keeps cookies in aiohttp's own jar, behind httpx's back.
        """
        self._guard = GuardedResolver(self._allowed,
                                      self._inner_resolver or aiohttp.DefaultResolver())
        connector = aiohttp.TCPConnector(
            resolver=self._guard, ssl=self.ssl_context,
            keepalive_timeout=self.limits.keepalive_expiry,
            limit=self.limits.max_connections or 0)  # httpx's None, no limit, is aiohttp's 0
        return aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar())

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``; a refused address is FetchRefused, other failures httpx errors."""
        try:
            response = await super().handle_async_request(request)
        except (httpx.TransportError, aiohttp.ClientError) as exc:
            refused = _address_refused(exc)
            if refused is not None:
                raise FetchRefused(f"{request.url}: {refused}", reason="address") from exc
            if isinstance(exc, httpx.TransportError):
                raise
            raise httpx.ConnectError(f"{type(exc).__name__}: {exc}") from exc
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _Stream(response.stream)
        return response

    async def aclose(self) -> None:
        """Close the session, then its resolver (the connector does not own it)."""
        await super().aclose()
        if self._guard is not None:
            await self._guard.close()


class _NoCookies(CookieJar):
    """A jar that keeps nothing: the fetcher reads public pages as a stranger, every time.

    Besides privacy (no site can follow the fetcher from page to page) this saves
    httpx's per-response cookie parsing, a tenth of the fetcher's CPU.
    """

    def extract_cookies(self, response: object, request: object) -> None:
        """Keep no cookie."""


def make_client(*, timeout: float, max_connections: int,
                allowed_networks: Sequence[IPNetwork],
                resolver: AbstractResolver | None = None) -> httpx.AsyncClient:
    """The fetcher's client: no redirects followed, no proxies from the environment, no cookies.

    It connects to no loopback, private, link-local, multicast or reserved
    address that a host name resolves to unless ``allowed_networks`` (the
    policy's, from settings) holds it. ``resolver`` replaces aiohttp's default
    DNS resolver (tests use it to play a hostile DNS server).
    """
    transport = Transport(limits=httpx.Limits(max_connections=max_connections),
                          allowed_networks=allowed_networks, resolver=resolver)
    return httpx.AsyncClient(transport=transport, timeout=httpx.Timeout(timeout),
                             follow_redirects=False, trust_env=False, cookies=_NoCookies())
