"""Finding article URLs in RSS, Atom, sitemaps and URL lists."""

import gzip
from datetime import UTC, datetime

import pytest

from newsflow.errors import FetchFailed
from newsflow.feeds import FeedKind
from services.fetcher.discover import discover, feed_links, sniff

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


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i + 1, b"&lol%d;" % i * 10)
                             for i in range(9)).replace(b"&lol0;", b"&lol;")
                  + b"]>")


@pytest.mark.parametrize(("kind", "root"), [
    (FeedKind.SITEMAP, b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                       b"<url><loc>https://x.example/&lol9;</loc></url></urlset>"),
    (FeedKind.RSS, b"<rss><channel><item><title>&lol9;</title><link>https://x.example/1</link>"
                   b"</item></channel></rss>"),
    (FeedKind.ATOM, b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&lol9;</title>'
                    b'<link href="https://x.example/1"/></entry></feed>'),
])
def test_xml_bombs_are_refused_before_parsing(kind: FeedKind, root: bytes) -> None:
    with pytest.raises(FetchFailed, match="declares XML entities") as info:
        discover(kind, BILLION_LAUGHS + root)
    assert info.value.reason == "xml_entities"


def test_gzipped_sitemap_bomb_is_refused() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * 60_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    with pytest.raises(FetchFailed, match="decompression bomb") as info:
        discover(FeedKind.SITEMAP, bomb)
    assert info.value.reason == "decompression_bomb"


def test_not_a_sitemap_is_a_clear_error() -> None:
    with pytest.raises(FetchFailed, match="not a readable sitemap"):
        discover(FeedKind.SITEMAP, b"<html><body>hello")
    with pytest.raises(FetchFailed, match="root element is <rss>"):
        discover(FeedKind.SITEMAP, RSS)


def test_garbage_feed_is_a_clear_error() -> None:
    with pytest.raises(FetchFailed, match="not a readable RSS/Atom feed"):
        discover(FeedKind.RSS, b"\x00\x01 definitely not xml <<<")


RSS_091 = b"""<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><link>https://o.example/</link>
<description>d</description><language>en</language>
<item><title>Ninety-one</title><link>https://o.example/91</link></item></channel></rss>"""

RSS_092 = b"""<?xml version="1.0"?><rss version="0.92"><channel><title>T</title>
<link>https://o.example/</link><description>d</description>
<item><title>Ninety-two</title><link>https://o.example/92</link></item></channel></rss>"""

RSS_10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link>
<description>d</description><items><rdf:Seq><rdf:li resource="https://r.example/one"/></rdf:Seq>
</items></channel>
<item rdf:about="https://r.example/one"><title>RDF one</title><link>https://r.example/one</link>
<dc:date>2026-03-04T10:00:00Z</dc:date></item></rdf:RDF>"""

JSON_FEED = b"""{"version": "https://jsonfeed.org/version/1.1", "title": "J",
 "items": [{"id": "1", "url": "https://j.example/1", "title": "Json one",
            "date_published": "2026-03-04T10:00:00Z"},
           {"id": "2", "external_url": "https://j.example/2"},
           {"id": "3", "content_text": "no url"}]}"""


@pytest.mark.parametrize(("body", "url", "title"), [
    (RSS_091, "https://o.example/91", "Ninety-one"),
    (RSS_092, "https://o.example/92", "Ninety-two"),
    (RSS_10, "https://r.example/one", "RDF one"),
])
def test_every_rss_dialect(body: bytes, url: str, title: str) -> None:
    found = discover(FeedKind.RSS, body)
    assert [(e.url, e.title) for e in found.entries] == [(url, title)]


def test_json_feed() -> None:
    found = discover(FeedKind.JSON, JSON_FEED)
    assert [e.url for e in found.entries] == ["https://j.example/1", "https://j.example/2"]
    assert found.entries[0].title == "Json one" and found.entries[0].published is not None


def test_json_feed_errors_are_clear() -> None:
    with pytest.raises(FetchFailed, match="not a readable JSON Feed"):
        discover(FeedKind.JSON, b"{nope")
    with pytest.raises(FetchFailed, match="not a JSON Feed"):
        discover(FeedKind.JSON, b'{"items": []}')


def test_home_page_feed_links() -> None:
    page = b"""<html><head><title>Home</title>
    <link rel="stylesheet" href="/s.css">
    <link rel="alternate" type="application/rss+xml" title="All" href="/rss.xml">
    <link rel="alternate" type="application/atom+xml" href="https://h.example/atom">
    <link rel="alternate" type="application/feed+json" href="feed.json">
    <link rel="alternate" hreflang="fr" href="/fr/">
    </head><body>hi</body></html>"""
    assert feed_links(page, "https://h.example/news/") == [
        ("https://h.example/rss.xml", FeedKind.RSS),
        ("https://h.example/atom", FeedKind.ATOM),
        ("https://h.example/news/feed.json", FeedKind.JSON),
    ]
    assert feed_links(b"<html><head></head><body>none</body></html>", "https://h.example/") == []


@pytest.mark.parametrize(("body", "kind"), [
    (RSS, FeedKind.RSS), (RSS_10, FeedKind.RSS), (ATOM, FeedKind.ATOM),
    (JSON_FEED, FeedKind.JSON), (SITEMAP, FeedKind.SITEMAP), (INDEX, FeedKind.SITEMAP),
    (gzip.compress(SITEMAP), FeedKind.SITEMAP), (b"<!doctype html><html></html>", None),
])
def test_sniff(body: bytes, kind: FeedKind | None) -> None:
    assert sniff(body) is kind
    if kind is not None:
        assert discover(FeedKind.SITE, body).entries or discover(FeedKind.SITE, body).children


@pytest.mark.parametrize("body", [RSS, ATOM, RSS_091, RSS_092, RSS_10])
def test_fast_parser_agrees_with_feedparser(body: bytes) -> None:
    import feedparser

    from services.fetcher.discover import _fast_feed

    fast = _fast_feed(body)
    assert fast is not None
    slow = feedparser.parse(body).entries
    assert [(e.url, e.title) for e in fast.entries] == [(x.link, x.title) for x in slow]
    assert [e.published for e in fast.entries] == [
        datetime(*x.published_parsed[:6], tzinfo=UTC) if x.get("published_parsed")
        else datetime(*x.updated_parsed[:6], tzinfo=UTC) if x.get("updated_parsed") else None
        for x in slow]


def test_broken_feeds_fall_back_to_feedparser() -> None:
    body = (b'<?xml version="1.0"?><rss version="0.91"><channel><title>Caf&eacute;</title>'
            b"<item><title>Cr&egrave;me</title><link>https://c.example/1</link></item>"
            b"<item><title>unclosed<link>https://c.example/2</link></item></channel></rss>")
    found = discover(FeedKind.RSS, body)
    assert found.entries[0].url == "https://c.example/1"
    assert found.entries[0].title == "Crème"


def test_guid_permalink_stands_in_for_a_missing_link() -> None:
    body = (b'<rss version="2.0"><channel><item><guid>https://g.example/1</guid></item>'
            b'<item><guid isPermaLink="false">tag:g.example,2026:2</guid></item>'
            b"</channel></rss>")
    assert [e.url for e in discover(FeedKind.RSS, body).entries] == ["https://g.example/1"]
