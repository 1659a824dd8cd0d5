"""Finding article URLs in RSS, Atom, sitemaps and URL lists."""

import gzip

import pytest

from newsflow.errors import FetchFailed
from newsflow.feeds import FeedKind
from services.fetcher.discover import discover

RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>https://n.example/1?utm_source=rss</link>
<pubDate>Wed, 04 Mar 2026 10:00:00 +0000</pubDate></item>
<item><title>Two</title><link>https://n.example/2</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Atom one</title><link href="https://a.example/x"/>
<updated>2026-03-04T10:00:00Z</updated></entry></feed>"""

SITEMAP = b"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://s.example/a</loc><lastmod>2026-03-01T08:00:00+01:00</lastmod></url>
<url><loc>https://s.example/b</loc><news:news><news:title>B title</news:title>
<news:publication_date>2026-03-02</news:publication_date></news:news></url>
</urlset>"""

INDEX = b"""<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://s.example/child.xml.gz</loc></sitemap></sitemapindex>"""


def test_rss() -> None:
    found = discover(FeedKind.RSS, RSS)
    assert [e.url for e in found.entries] == ["https://n.example/1?utm_source=rss",
                                              "https://n.example/2"]
    assert found.entries[0].title == "One"
    assert found.entries[0].published is not None and found.entries[0].published.day == 4


def test_atom() -> None:
    found = discover(FeedKind.ATOM, ATOM)
    assert [(e.url, e.title) for e in found.entries] == [("https://a.example/x", "Atom one")]


def test_sitemap_plain_and_gzipped() -> None:
    for body in (SITEMAP, gzip.compress(SITEMAP)):
        found = discover(FeedKind.SITEMAP, body)
        assert [e.url for e in found.entries] == ["https://s.example/a", "https://s.example/b"]
        assert found.entries[1].title == "B title"
        assert found.entries[0].published is not None


def test_sitemap_index_lists_children() -> None:
    found = discover(FeedKind.SITEMAP, INDEX)
    assert found.entries == [] and found.children == ["https://s.example/child.xml.gz"]


def test_url_list_skips_comments_and_blanks() -> None:
    found = discover(FeedKind.URLS, b"# list\nhttps://u.example/1\n\n  https://u.example/2  \n")
    assert [e.url for e in found.entries] == ["https://u.example/1", "https://u.example/2"]


def test_sitemap_entities_are_not_expanded() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<url><loc>https://x.example/&b;</loc></url></urlset>")
    found = discover(FeedKind.SITEMAP, bomb)
    assert all("aaaaaaaaaa" not in e.url for e in found.entries)


def test_not_a_sitemap_is_a_clear_error() -> None:
    with pytest.raises(FetchFailed, match="not a readable sitemap"):
        discover(FeedKind.SITEMAP, b"<html><body>hello")
    with pytest.raises(FetchFailed, match="root element is <rss>"):
        discover(FeedKind.SITEMAP, RSS)


def test_garbage_feed_is_a_clear_error() -> None:
    with pytest.raises(FetchFailed, match="not a readable RSS/Atom feed"):
        discover(FeedKind.RSS, b"\x00\x01 definitely not xml <<<")
