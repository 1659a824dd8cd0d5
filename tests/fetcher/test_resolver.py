"""The transport connects only to checked addresses: DNS rebinding, connect-time refusal.

A scripted DNS (:class:`ScriptedDNS`) answers both the early check's lookup
(``check_url``, through the event loop's ``getaddrinfo``) and the connector's,
one answer per lookup, as a hostile DNS server would. Every connection goes to
a loopback :class:`Site`, which records whatever reaches it: a refused fetch
must leave it untouched.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from newsflow.errors import FetchRefused
from services.fetcher.client import FetchPolicy, fetch
from services.fetcher.transport import AddressRefused, GuardedResolver, make_client
from tests.fetcher.server import Reply, Site, page

LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))
PUBLIC = "93.184.215.14"


class ScriptedDNS(AbstractResolver):
    """Answers each lookup with the next scripted address (the last one repeats)."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def _next(self, host: str) -> str:
        self.asked.append(host)
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        return [ResolveResult(hostname=host, host=self._next(host), port=port,
                              family=socket.AF_INET, proto=0,
                              flags=socket.AI_NUMERICHOST | socket.AI_NUMERICSERV)]

    async def getaddrinfo(self, host: str, port: int, **_: Any) -> list[tuple[Any, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (self._next(host), port))]

    async def close(self) -> None:
        """Nothing to release."""


@pytest.fixture
def site() -> Iterator[Site]:
    with Site("127.0.0.1") as s:
        s.routes["/a.html"] = page("a")
        yield s


def _port(site: Site) -> str:
    return site.base_url.rsplit(":", 1)[1]


@pytest.fixture
async def dns(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[ScriptedDNS]:
    """The scripted DNS, also behind the running loop's getaddrinfo (what check_url asks)."""
    scripted = ScriptedDNS(PUBLIC)
    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", scripted.getaddrinfo)
    yield scripted


async def test_a_name_rebound_to_loopback_after_the_check_is_refused_at_connect(
        site: Site, dns: ScriptedDNS) -> None:
    dns.answers = [PUBLIC, "127.0.0.1"]  # public to the check, loopback to the connection
    url = f"http://rebind.test:{_port(site)}/a.html"
    async with make_client(timeout=5, max_connections=4, allowed_networks=(),
                           resolver=dns) as client:
        with pytest.raises(FetchRefused, match="rebind.test resolved to 127.0.0.1 when "
                                               "connecting") as info:
            await fetch(client, url, FetchPolicy(timeout=5))
    assert info.value.reason == "address"
    assert dns.asked == ["rebind.test", "rebind.test"]  # the check passed; the connect asked again
    assert site.seen == []


async def test_an_allowed_name_is_fetched_through_the_same_dns(
        site: Site, dns: ScriptedDNS) -> None:
    dns.answers = ["127.0.0.1"]
    url = f"http://news.test:{_port(site)}/a.html"
    async with make_client(timeout=5, max_connections=4, allowed_networks=LOOPBACK,
                           resolver=dns) as client:
        resp = await fetch(client, url, FetchPolicy(allowed_networks=LOOPBACK, timeout=5))
    assert resp.status == 200 and b"a text" in resp.body
    assert [s.path for s in site.seen] == ["/a.html"]


async def test_loopback_by_name_is_refused_at_connect_even_without_check_url(
        site: Site) -> None:
    url = f"http://localhost:{_port(site)}/a.html"  # the system's own resolver answers
    async with make_client(timeout=5, max_connections=4, allowed_networks=()) as client:
        with pytest.raises(FetchRefused, match="localhost resolved to .* when connecting"):
            await client.get(url)
    assert site.seen == []
    async with make_client(timeout=5, max_connections=4, allowed_networks=LOOPBACK) as client:
        assert (await client.get(url)).status_code == 200
    assert len(site.seen) == 1


@pytest.mark.parametrize("address", ["10.1.2.3", "169.254.169.254", "::1", "fe80::1",
                                     "224.0.0.1", "0.0.0.0", "::ffff:127.0.0.1", "240.0.0.1"])
async def test_the_guard_refuses_a_name_with_any_non_public_answer(address: str) -> None:
    inner = ScriptedDNS(PUBLIC, address)
    guard = GuardedResolver((), inner)
    assert [a["host"] for a in await guard.resolve("mixed.test", 80)] == [PUBLIC]
    with pytest.raises(AddressRefused, match=f"mixed.test resolved to {address}"):
        await guard.resolve("mixed.test", 80)


async def test_the_connection_keeps_no_cookies(site: Site, dns: ScriptedDNS) -> None:
    dns.answers = ["127.0.0.1"]
    site.routes["/set"] = Reply(body=b"ok", headers={"Set-Cookie": "id=tracker; Path=/"})
    base = f"http://news.test:{_port(site)}"
    async with make_client(timeout=5, max_connections=4, allowed_networks=LOOPBACK,
                           resolver=dns) as client:
        await client.get(base + "/set")
        await client.get(base + "/a.html")
    assert [s.path for s in site.seen] == ["/set", "/a.html"]
    assert "cookie" not in site.seen[1].headers
