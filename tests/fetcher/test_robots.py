"""robots.txt: cached per origin for its time to live, then read again; our User-Agent sent."""

from __future__ import annotations

import pytest

from newsflow.errors import FetchRefused
from services.fetcher.client import Response
from services.fetcher.pacing import Limits, Pacer
from services.fetcher.robots import Robots


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_rules_are_cached_for_their_ttl_then_read_again() -> None:
    bodies = [b"User-agent: *\nDisallow: /a\n", b"User-agent: *\nDisallow: /b\n"]
    asked: list[str] = []

    async def get(url: str) -> Response:
        asked.append(url)
        body = bodies[min(len(asked) - 1, 1)]
        return Response(url, url, 200, {}, body, False, "text/plain")

    clock = Clock()
    robots = Robots(get, Pacer(Limits(), global_limit=1), user_agent="newsflow-test",
                    ttl=60, clock=clock)
    with pytest.raises(FetchRefused, match="disallowed by robots.txt"):
        await robots.check("https://s.example/a/1")
    await robots.check("https://s.example/b/1")
    clock.now += 59
    await robots.check("https://s.example/b/2")
    assert asked == ["https://s.example/robots.txt"]  # cached
    clock.now += 2
    await robots.check("https://s.example/a/2")  # expired: read again, /a is allowed now
    with pytest.raises(FetchRefused):
        await robots.check("https://s.example/b/3")
    assert len(asked) == 2
    await robots.check("https://other.example:8080/a")  # another origin, another robots.txt
    assert asked[-1] == "https://other.example:8080/robots.txt"
