"""Prometheus metrics: requests, bytes, errors by kind, per-host queue depth."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from prometheus_client import REGISTRY, generate_latest

from newsflow.feeds import Feed, FeedKind
from tests.fetcher.harness import Harness
from tests.fetcher.server import Reply, Site, page, rss


@pytest.fixture
def site() -> Iterator[Site]:
    with Site("127.0.0.1") as s:
        yield s


def value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_metrics_count_requests_bytes_errors_and_queues(site: Site, tmp_path: Path) -> None:
    site.routes |= {"/rss.xml": rss(site.url("/a.html"), site.url("/gone.html")),
                    "/a.html": page("a"), "/gone.html": Reply(410)}
    before = {
        "ok": value("newsflow_fetcher_requests_total", kind="article", status="200"),
        "feed": value("newsflow_fetcher_requests_total", kind="feed", status="200"),
        "bytes": value("newsflow_fetcher_bytes_total", kind="article"),
        "gone": value("newsflow_fetcher_errors_total", kind="http_410"),
        "published": value("newsflow_fetcher_published_total"),
    }
    await Harness(tmp_path).poll([Feed(id="m", url=site.url("/rss.xml"), kind=FeedKind.RSS)])
    requests = "newsflow_fetcher_requests_total"
    assert value(requests, kind="article", status="200") == before["ok"] + 1
    assert value(requests, kind="feed", status="200") == before["feed"] + 1
    assert value("newsflow_fetcher_bytes_total", kind="article") > before["bytes"]
    assert value("newsflow_fetcher_errors_total", kind="http_410") == before["gone"] + 1
    assert value("newsflow_fetcher_published_total") == before["published"] + 1
    assert value("newsflow_fetcher_host_queue_depth", host="127.0.0.1") == 0
    text = generate_latest().decode()
    assert 'newsflow_fetcher_host_queue_depth{host="127.0.0.1"}' in text


def test_metrics_are_served_over_http() -> None:
    import socket

    import httpx

    from newsflow.app import serve_metrics
    from newsflow.settings import Settings

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    stop = serve_metrics(Settings(metrics_port=port))
    try:
        text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
    finally:
        stop()
    assert "newsflow_fetcher_requests_total" in text
    assert "newsflow_fetcher_host_queue_depth" in text
    assert serve_metrics(Settings())() is None  # port 0: nothing served
