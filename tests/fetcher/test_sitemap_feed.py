"""A site known only by its sitemap index: a gzipped and a plain child, every page stored.

Many news sites publish no RSS at all, only ``sitemap_index.xml`` with a child per
month or per section, the recent ones gzipped. Over a loopback server, the
embedded pipeline must find every page the two children list, fetch each once,
and store it as an article, with nothing dead-lettered.
"""

from __future__ import annotations

import gzip
import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from newsflow.app import run_embedded
from newsflow.feeds import Feed, FeedKind
from newsflow.ids import article_id, canonical_url
from newsflow.settings import Settings
from services.store import make_engine
from services.store.models import ArticleRow
from tests.fetcher.server import HTML, Reply, Site

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"

#: path -> (title, paragraphs); written for this test
STORIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "/2026/05/ferry-timetable.html": ("Island ferry adds a late crossing for the summer", (
        "The island ferry will run a fourth crossing on weekday evenings from the first of "
        "June, the operator said on Monday, after commuters complained that the last boat "
        "left the mainland before most shifts at the harbour ended.",
        "The new crossing leaves the mainland pier at twenty past nine and reaches the island "
        "forty minutes later. Fares stay as they are, and season tickets cover the extra trip.",
        "The operator said it would review the timetable in September once it had counted how "
        "many passengers used the late boat.",
    )),
    "/2026/05/library-roof.html": ("Town library reopens after its roof is replaced", (
        "The town library reopened its reading room on Saturday, eleven weeks after a winter "
        "storm tore part of the roof away and let rain soak two shelves of local history.",
        "Volunteers dried most of the damaged books page by page in the school gym; about "
        "forty volumes could not be saved and will be bought again where copies exist.",
        "The librarian said the children's corner would follow next month, once the new "
        "lighting had been fitted and the floor sanded.",
    )),
    "/2026/04/orchard-frost.html": ("Late frost costs the valley's orchards half a crop", (
        "Growers in the valley expect to pick about half their usual apple harvest after two "
        "nights of frost in the third week of April caught the trees in full blossom.",
        "Some farms lit small fires between the rows and ran sprinklers through the night, "
        "which kept the blossom alive on the lower slopes but not on the exposed ridges.",
        "The growers' association said it would ask the regional council for help with the "
        "cost of the lost season before the summer meeting.",
    )),
    "/2026/04/bridge-inspection.html": ("River bridge closes to lorries for an inspection", (
        "Lorries heavier than seven tonnes will be barred from the old river bridge for three "
        "weeks while engineers inspect its steel bearings, the highways office announced.",
        "Cars, buses and bicycles can still cross. Heavy traffic is sent over the bypass, which "
        "adds about twelve kilometres to a trip between the quarry and the rail yard.",
        "Engineers will decide after the inspection whether the bearings need to be replaced "
        "this year or can wait until the planned repairs of the deck.",
    )),
}
GZIPPED_CHILD = ("/2026/05/ferry-timetable.html", "/2026/05/library-roof.html")
PLAIN_CHILD = ("/2026/04/orchard-frost.html", "/2026/04/bridge-inspection.html")


def _page(title: str, paragraphs: tuple[str, ...]) -> Reply:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f"<!doctype html><html lang='en'><head><title>{title}</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news/'>News</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            "<footer>Valley Post, all rights reserved.</footer></body></html>")
    return Reply(body=html.encode(), headers=dict(HTML))


def _urlset(site: Site, paths: tuple[str, ...]) -> bytes:
    urls = "".join(f"<url><loc>{site.url(p)}</loc></url>" for p in paths)
    return f'<?xml version="1.0"?><urlset xmlns="{SITEMAP_NS}">{urls}</urlset>'.encode()


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as served:
        index = "".join(f"<sitemap><loc>{served.url(p)}</loc></sitemap>"
                        for p in ("/sitemaps/2026-05.xml.gz", "/sitemaps/2026-04.xml"))
        served.routes = {
            "/sitemap_index.xml": Reply(body=(
                f'<?xml version="1.0"?><sitemapindex xmlns="{SITEMAP_NS}">{index}</sitemapindex>'
            ).encode(), headers={"Content-Type": "application/xml"}),
            # a gzipped file served as such, as sitemap generators write them
            "/sitemaps/2026-05.xml.gz": Reply(body=gzip.compress(_urlset(served, GZIPPED_CHILD)),
                                              headers={"Content-Type": "application/x-gzip"}),
            "/sitemaps/2026-04.xml": Reply(body=_urlset(served, PLAIN_CHILD),
                                           headers={"Content-Type": "application/xml"}),
            **{path: _page(*story) for path, story in STORIES.items()},
        }
        yield served


async def test_every_page_of_a_sitemap_index_is_found_and_stored(site: Site,
                                                                 tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'store.sqlite'}",
                        allowed_networks=[ipaddress.ip_network("127.0.0.0/8")])
    feed = Feed(id="valley-post", url=site.url("/sitemap_index.xml"), kind=FeedKind.SITEMAP)

    report = await run_embedded(settings, feeds=[feed])

    assert [r.error for r in report.feeds] == [None]
    assert {p: len(site.hits(p)) for p in STORIES} == dict.fromkeys(STORIES, 1)
    assert len(site.hits("/sitemaps/2026-05.xml.gz")) == 1
    assert len(site.hits("/sitemaps/2026-04.xml")) == 1
    engine = make_engine(settings.database_url)
    try:
        with engine.connect() as conn:
            stored = {row.article_id: row for row in conn.execute(select(ArticleRow))}
    finally:
        engine.dispose()
    expected = {article_id(canonical_url(site.url(path))): story
                for path, story in STORIES.items()}
    assert stored.keys() == expected.keys()
    for aid, (title, paragraphs) in expected.items():
        assert stored[aid].title == title
        assert stored[aid].feed_id == "valley-post"
        assert stored[aid].text.split("\n") == list(paragraphs)
    assert report.stored["dead_letters"] == 0
