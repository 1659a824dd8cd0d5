"""The HTTP client the fetcher uses in production: httpx on top of aiohttp's connection pool.

httpx is the fetcher's interface (tests inject ``httpx.MockTransport``), but its
default pool (httpcore on anyio, with h11 in pure Python) spends about 1.7 ms
of CPU per request here, and scans every pooled connection for every request,
so with hundreds of hosts it cannot reach 500 pages a second on two cores.
aiohttp's pool and C parser do the same work in about half that. aiohttp is
told not to follow redirects and not to decompress, so every hop is still
checked by :func:`services.fetcher.client.fetch` and every body still passes its
bounded decompression. aiohttp's own exceptions are translated into httpx's
here, so the rest of the fetcher sees one error vocabulary.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from http.cookiejar import CookieJar

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport


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
    """httpx-aiohttp's transport, with every aiohttp error mapped to an httpx one."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``; connection and protocol failures become httpx.TransportError."""
        try:
            response = await super().handle_async_request(request)
        except aiohttp.ClientError as exc:
            raise httpx.ConnectError(f"{type(exc).__name__}: {exc}") from exc
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _Stream(response.stream)
        return response


class _NoCookies(CookieJar):
    """A jar that keeps nothing: the fetcher reads public pages as a stranger, every time.

    Besides privacy (no site can follow the fetcher from page to page) this saves
    httpx's per-response cookie parsing, a tenth of the fetcher's CPU.
    """

    def extract_cookies(self, response: object, request: object) -> None:
        """Keep no cookie."""


def make_client(*, timeout: float, max_connections: int) -> httpx.AsyncClient:
    """The fetcher's client: no redirects followed, no proxies from the environment, no cookies."""
    transport = Transport(limits=httpx.Limits(max_connections=max_connections),
                          trust_env=False)
    return httpx.AsyncClient(transport=transport, timeout=httpx.Timeout(timeout),
                             follow_redirects=False, trust_env=False, cookies=_NoCookies())
