"""Safe fetching: schemes, addresses, redirects, size caps, content types (MockTransport)."""

import ipaddress

import httpx
import pytest

from newsflow.errors import FetchFailed, FetchRefused, TransientError
from services.fetcher.client import HTML_TYPES, FetchPolicy, check_url, fetch
from services.fetcher.errors import CrossHostRedirect
from services.fetcher.options import FetcherOptions
from services.fetcher.requester import Requester

LOOPBACK = FetchPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.0/8"),), max_bytes=1000)


def _client(handler: httpx.MockTransport) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=handler)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/x", "http://10.1.2.3/", "http://192.168.0.1/", "http://169.254.169.254/",
     "http://[::1]/", "http://224.0.0.1/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/"],
)
async def test_non_public_addresses_are_refused_by_default(url: str) -> None:
    with pytest.raises(FetchRefused, match="non-public address"):
        await check_url(url, FetchPolicy())


async def test_allow_list_opens_loopback() -> None:
    await check_url("http://127.0.0.1:8000/x", LOOPBACK)


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "gopher://x/"])
async def test_only_http_and_https(url: str) -> None:
    with pytest.raises(FetchRefused, match="only http and https"):
        await check_url(url, FetchPolicy())


async def test_redirect_to_private_address_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"location": "http://10.0.0.1/admin"})

    async with _client(httpx.MockTransport(handler)) as client:
        requester = Requester(client, LOOPBACK, FetcherOptions())
        with pytest.raises(FetchRefused, match="10.0.0.1"):
            await requester.get("http://127.0.0.1/start", kind="article")
        await requester.close()


async def test_a_redirect_to_another_host_is_handed_back_one_within_the_host_followed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "/new"})
        if request.url.path == "/new":
            return httpx.Response(302, headers={"location": "http://127.0.0.2/page"})
        return httpx.Response(200, text="ok")

    async with _client(httpx.MockTransport(handler)) as client:
        with pytest.raises(CrossHostRedirect) as moved:
            await fetch(client, "http://127.0.0.1/old", LOOPBACK)
    assert moved.value.location == "http://127.0.0.2/page"


async def test_redirect_loop_ends_in_a_clear_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": str(request.url)})

    async with _client(httpx.MockTransport(handler)) as client:
        with pytest.raises(FetchFailed, match="more than 5 redirects"):
            await fetch(client, "http://127.0.0.1/loop", LOOPBACK)


async def test_redirect_is_followed_and_final_url_kept() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "/new"})
        return httpx.Response(200, headers={"content-type": "text/html"}, content=b"<p>hi</p>")

    async with _client(httpx.MockTransport(handler)) as client:
        resp = await fetch(client, "http://127.0.0.1/old", LOOPBACK, accept=HTML_TYPES)
    assert resp.final_url == "http://127.0.0.1/new" and resp.body == b"<p>hi</p>"


async def test_body_is_capped() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html"}, content=b"x" * 5000)

    async with _client(httpx.MockTransport(handler)) as client:
        resp = await fetch(client, "http://127.0.0.1/big", LOOPBACK)
    assert resp.truncated and len(resp.body) == 1000


async def test_wrong_content_type_is_refused_with_reason() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "application/pdf"}, content=b"%PDF")

    async with _client(httpx.MockTransport(handler)) as client:
        with pytest.raises(FetchRefused, match="application/pdf") as info:
            await fetch(client, "http://127.0.0.1/a.pdf", LOOPBACK, accept=HTML_TYPES)
    assert info.value.reason == "content_type"


@pytest.mark.parametrize(("status", "error"), [(404, FetchFailed), (410, FetchFailed),
                                              (503, TransientError), (429, TransientError)])
async def test_status_codes_map_to_error_kinds(status: int, error: type[Exception]) -> None:
    async with _client(httpx.MockTransport(lambda r: httpx.Response(status))) as client:
        with pytest.raises(error, match=str(status)):
            await fetch(client, "http://127.0.0.1/x", LOOPBACK)


async def test_transport_error_is_transient() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with _client(httpx.MockTransport(handler)) as client:
        with pytest.raises(TransientError, match="ConnectError"):
            await fetch(client, "http://127.0.0.1/x", LOOPBACK)


async def test_names_are_checked_on_their_resolved_address() -> None:
    with pytest.raises(FetchRefused, match="localhost resolves to 127.0.0.1"):
        await check_url("http://localhost:8000/page.html", FetchPolicy())
    await check_url("http://localhost:8000/page.html", LOOPBACK)


async def test_gzip_bomb_over_http_is_refused() -> None:
    import gzip

    bomb = gzip.compress(b"\0" * 20_000_000)

    class Raw(httpx.AsyncByteStream):  # unread bytes, as a real connection delivers them
        async def __aiter__(self):  # type: ignore[no-untyped-def]
            yield bomb

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html",
                                            "content-encoding": "gzip"}, stream=Raw())

    policy = FetchPolicy(allowed_networks=LOOPBACK.allowed_networks, max_bytes=1_000_000)
    async with _client(httpx.MockTransport(handler)) as client:
        with pytest.raises(FetchRefused, match="decompression bomb") as info:
            await fetch(client, "http://127.0.0.1/bomb", policy)
    assert info.value.reason == "decompression_bomb"


async def test_unknown_content_encoding_is_a_clear_error() -> None:
    class Raw(httpx.AsyncByteStream):
        async def __aiter__(self):  # type: ignore[no-untyped-def]
            yield b"\x28\xb5\x2f\xfd"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html",
                                            "content-encoding": "zstd"}, stream=Raw())

    async with _client(httpx.MockTransport(handler)) as client:
        with pytest.raises(FetchFailed, match="unsupported content encoding 'zstd'"):
            await fetch(client, "http://127.0.0.1/z", LOOPBACK)


async def test_feed_documents_are_refused_past_their_cap_not_cut() -> None:
    policy = FetchPolicy(allowed_networks=LOOPBACK.allowed_networks, max_feed_bytes=100)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"<rss>" + b" " * 500)

    async with _client(httpx.MockTransport(handler)) as client:
        with pytest.raises(FetchFailed, match="larger than 100 bytes"):
            await fetch(client, "http://127.0.0.1/rss", policy, kind="feed")
