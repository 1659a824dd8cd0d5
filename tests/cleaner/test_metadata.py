"""Metadata from JSON-LD, meta tags and <time>, in that order of trust."""

from datetime import UTC, datetime, timedelta, timezone

from services.cleaner.metadata import clean_authors, read_metadata

JSONLD = """<html lang="en-GB"><head>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "NewsArticle", "headline": "Bridge to reopen",
  "datePublished": "2026-03-04T09:30:00+01:00", "dateModified": "2026-03-04T12:00:00+01:00",
  "author": [{"@type": "Person", "name": "Maria Lind"}, {"@type": "Organization", "name": "HH"}],
  "publisher": {"@type": "Organization", "name": "Harbour Herald"}}]}</script>
<meta property="article:published_time" content="2020-01-01T00:00:00Z">
<link rel="canonical" href="https://hh.example/bridge"></head><body></body></html>"""


def test_jsonld_wins_over_meta_tags() -> None:
    meta = read_metadata(JSONLD)
    plus_one = timezone(timedelta(hours=1))
    assert meta.published_at == datetime(2026, 3, 4, 9, 30, tzinfo=plus_one)
    assert meta.updated_at == datetime(2026, 3, 4, 12, 0, tzinfo=plus_one)
    assert meta.title == "Bridge to reopen"
    assert meta.authors == ["Maria Lind"]
    assert meta.site == "Harbour Herald"
    assert meta.language == "en"
    assert meta.canonical_url == "https://hh.example/bridge"


def test_meta_tags_then_time_element() -> None:
    page = ('<html><head><meta property="og:site_name" content="Valley Post">'
            '<meta property="og:title" content="Rain"></head>'
            '<body><time datetime="2026-02-01T08:00:00">1 Feb</time></body></html>')
    meta = read_metadata(page)
    assert meta.published_at == datetime(2026, 2, 1, 8, tzinfo=UTC)
    assert meta.site == "Valley Post" and meta.title == "Rain"


def test_authors_are_people_not_agencies_or_the_site() -> None:
    got = clean_authors(["By Maria Lind and Tom Okafor", "AFP staff", "Harbour Herald",
                         "Reuters"], {"harbour herald"})
    assert got == ["Maria Lind", "Tom Okafor"]
