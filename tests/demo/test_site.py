"""Tests of the demo news site: its data, its pages and feeds over real HTTP, its lifecycle."""

from __future__ import annotations

import gzip
import json
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import feedparser
import httpx
import lxml.etree
import lxml.html
import pytest

import newsflow.demo
from newsflow.demo import (
    ARTICLES,
    EVACUATION_ROOT,
    OUTLETS,
    DemoArticle,
    DemoSite,
    generated_article,
    serve_demo_site,
)

GENERATED = 12
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
CAMEO_ROOTS = {f"{code:02d}" for code in range(1, 21)}


@pytest.fixture(scope="module")
def site() -> Iterator[DemoSite]:
    with serve_demo_site(generated_pages=GENERATED) as running:
        yield running


@pytest.fixture
def client(site: DemoSite) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=site.base_url, timeout=10) as http:
        yield http


def paragraphs_of(page: str) -> list[str]:
    """Text of every <p> on a page, wherever it sits."""
    return [p.text_content() for p in lxml.html.fromstring(page).iter("p")]


def rss_links(xml: bytes) -> list[str]:
    return [link.text or "" for link in lxml.etree.fromstring(xml).iter("link")][1:]


# ------------------------------------------------------------------- public surface


def test_public_api_is_pinned() -> None:
    assert sorted(newsflow.demo.__all__) == [
        "ARTICLES",
        "DemoArticle",
        "DemoSite",
        "EVACUATION_ROOT",
        "ExpectedEvent",
        "OUTLETS",
        "Outlet",
        "Photo",
        "RequestRecord",
        "generated_article",
        "serve_demo_site",
    ]
    for name in newsflow.demo.__all__:
        assert hasattr(newsflow.demo, name)


# --------------------------------------------------------------------------- data


def test_articles_are_well_formed() -> None:
    assert len(ARTICLES) == 6
    assert len({a.slug for a in ARTICLES}) == len({a.url_path for a in ARTICLES}) == 6
    assert len({a.site for a in ARTICLES}) >= 2
    for article in ARTICLES:
        assert article.site in OUTLETS
        assert 5 <= len(article.paragraphs) <= 9
        assert article.published.tzinfo is not None and article.published.year == 2026
        assert article.modified >= article.published
        assert article.url_path == (
            f"/{article.site}/{article.published:%Y}/{article.published:%m}/{article.slug}.html"
        )
        assert article.authors and article.title and article.expected_events


def test_expected_events_are_coded_consistently() -> None:
    roots = set()
    for article in ARTICLES:
        for actor, root, target, note in article.expected_events:
            assert re.fullmatch(r"[A-Z]{3}", actor)
            assert target is None or re.fullmatch(r"[A-Z]{3}", target)
            assert root in CAMEO_ROOTS or root == EVACUATION_ROOT
            assert note
            roots.add(root)
    # threat, strike, accusation, denial/statement, negotiation, mobilization, evacuation
    assert {"13", "19", "11", "01", "03", "15", EVACUATION_ROOT} <= roots


@pytest.mark.parametrize(
    "phrase",
    [
        "Defence Ministry said on Wednesday it would strike command posts in Kharkiv if",
        "Russian forces shelled Kharkiv on Tuesday",
        "Moscow accused Kyiv of",
        "denied responsibility for",
        "evacuating civilians from the town of Zolochiv",
        "ready to hold talks",
        "general mobilisation of reservists",
        "Foreign Ministry spokeswoman Maria Ivanova",
    ],
)
def test_articles_state_codeable_events_plainly(phrase: str) -> None:
    assert any(phrase in article.text for article in ARTICLES)


# ------------------------------------------------------------------ pages and feeds


def test_home_page_links_every_article(client: httpx.Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    links = lxml.html.fromstring(response.text).xpath("//a/@href")
    assert {a.url_path for a in ARTICLES} <= set(links)


@pytest.mark.parametrize(
    "path", ["/nope", "/courier/2026/03/missing.html", f"/gen/{GENERATED}.html", "/gen/x.html"]
)
def test_unknown_paths_are_404(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "text/html; charset=utf-8"


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_article_page_holds_body_and_metadata(
    client: httpx.Client, site: DemoSite, article: DemoArticle
) -> None:
    response = client.get(article.url_path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    page = response.text
    assert set(article.paragraphs) <= set(paragraphs_of(page))

    doc = lxml.html.fromstring(page)
    canonical = site.base_url + article.url_path
    assert doc.xpath('//link[@rel="canonical"]/@href') == [canonical]
    meta = {m.get("property"): m.get("content") for m in doc.xpath("//meta[@property]")}
    assert meta["og:title"] == article.title
    assert meta["og:site_name"] == OUTLETS[article.site].name
    assert meta["article:published_time"] == article.published.isoformat()

    (ld_text,) = doc.xpath('//script[@type="application/ld+json"]/text()')
    ld = json.loads(ld_text)
    assert ld["@type"] == "NewsArticle"
    assert ld["headline"] == article.title
    assert ld["datePublished"] == article.published.isoformat()
    assert ld["dateModified"] == article.modified.isoformat()
    assert [a["name"] for a in ld["author"] if a["@type"] == "Person"] == list(article.authors)
    assert ld["publisher"]["name"] == OUTLETS[article.site].name


def assert_boilerplate_both_ways(page: str, site_slug: str) -> None:
    """Each outlet prints boilerplate in containers of its own and as <p> in the body."""
    doc = lxml.html.fromstring(page)

    def texts(xpath: str) -> list[str]:
        return [element.text_content().strip() for element in doc.xpath(xpath)]

    if site_slug == "courier":
        body = texts('//div[@class="article__content"]/p')
        assert body[-2:] == ["Remind me later.", "Courier"]
        assert "A Message from The Eastern Courier:" in body
        assert texts('//aside[@class="donate"]/h3') == ["Support The Eastern Courier"]
        assert texts("//figure/figcaption")
    elif site_slug == "meridian":
        body = texts('//div[@class="article-body"]/p')
        assert body[0] == "🎙️ Voice is AI-generated. Inconsistencies may occur."
        assert body[-1].endswith("... Read more")
        assert texts('//div[@class="author-bio"]/h3') == ["About the writer"]
        assert texts('//div[@class="article-body"]/figure/figcaption')
    else:
        body = texts('//div[@id="article-body"]/p')
        assert body[-1] == "Source: Crossroads News and news agencies"
        assert body[1].startswith("Updated: ")
        assert texts('//a[@class="skip-link"]') == ["Skip to main content"]
        assert texts('//div[@class="related-topics"]/h2') == ["Related Topics"]
        assert re.search(r"\[[^\]]+\]$", texts("//figcaption")[0])  # "[Name/Agency]"


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_article_page_carries_boilerplate(client: httpx.Client, article: DemoArticle) -> None:
    assert_boilerplate_both_ways(client.get(article.url_path).text, article.site)


def test_every_template_has_an_in_body_caption_with_credit(client: httpx.Client) -> None:
    kotli, beirut = ARTICLES[2], ARTICLES[1]
    assert any(
        p.endswith("[Photo by Bilal Hashmi/AFP]")
        for p in paragraphs_of(client.get(kotli.url_path).text)
    )
    assert any(
        p.endswith("NOA GOLAN/AFP via Getty Images")
        for p in paragraphs_of(client.get(beirut.url_path).text)
    )


def test_rss_lists_every_article(client: httpx.Client, site: DemoSite) -> None:
    response = client.get("/rss.xml")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/rss+xml")
    links = rss_links(response.content)
    assert {link.split("?")[0] for link in links} == {site.base_url + a.url_path for a in ARTICLES}
    assert any("utm_source=rss" in urlsplit(link).query for link in links)

    parsed = feedparser.parse(response.content)
    assert not parsed.bozo
    by_title = {entry.title: entry for entry in parsed.entries}
    for article in ARTICLES:
        entry = by_title[article.title]
        assert parsedate_to_datetime(entry.published) == article.published


def test_sitemap_lists_every_article(client: httpx.Client, site: DemoSite) -> None:
    response = client.get("/sitemap.xml")
    assert response.headers["content-type"].startswith("application/xml")
    urlset = lxml.etree.fromstring(response.content)
    assert urlset.tag == f"{SITEMAP}urlset"
    locs = {loc.text for loc in urlset.iter(f"{SITEMAP}loc")}
    assert locs == {site.base_url + a.url_path for a in ARTICLES}


def test_sitemap_index_points_to_gzipped_news_sitemap(client: httpx.Client, site: DemoSite) -> None:
    index = lxml.etree.fromstring(client.get("/sitemap-index.xml").content)
    assert index.tag == f"{SITEMAP}sitemapindex"
    (child,) = [loc.text or "" for loc in index.iter(f"{SITEMAP}loc")]
    assert child == site.base_url + "/sitemap-news.xml.gz"

    response = client.get(urlsplit(child).path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/gzip"
    urlset = lxml.etree.fromstring(gzip.decompress(response.content))
    locs = {loc.text for loc in urlset.iter(f"{SITEMAP}loc")}
    assert locs == {site.base_url + a.url_path for a in ARTICLES}
    titles = {title.text for title in urlset.iter(f"{NEWS}title")}
    assert titles == {a.title for a in ARTICLES}


def test_robots_names_the_sitemap_index(client: httpx.Client, site: DemoSite) -> None:
    response = client.get("/robots.txt")
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert f"Sitemap: {site.base_url}/sitemap-index.xml" in response.text


def test_tracking_query_serves_the_same_page(client: httpx.Client) -> None:
    path = ARTICLES[0].url_path
    assert client.get(path + "?utm_source=rss").content == client.get(path).content


def test_head_and_conditional_get(client: httpx.Client) -> None:
    path = ARTICLES[3].url_path
    head = client.head(path)
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["content-length"]) == len(client.get(path).content)
    assert parsedate_to_datetime(head.headers["last-modified"]) == ARTICLES[3].modified
    again = client.get(path, headers={"If-None-Match": head.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


# ------------------------------------------------------------------ request recording


def test_requests_are_recorded_with_times() -> None:
    path = ARTICLES[1].url_path
    with serve_demo_site() as fresh, httpx.Client(base_url=fresh.base_url) as http:
        http.get(path)
        http.get(path + "?utm_source=rss")
        http.get("/nope")
        records = fresh.requests
        assert [r.path for r in records] == [path, path + "?utm_source=rss", "/nope"]
        assert records[0].at <= records[1].at <= records[2].at <= time.monotonic()
        assert fresh.hits(path) == 2 and fresh.hits("/rss.xml") == 0
        records.clear()  # a snapshot: the site's own log is untouched
        assert len(fresh.requests) == 3


def test_recording_is_thread_safe() -> None:
    with serve_demo_site() as fresh:

        def fetch_some() -> None:
            with httpx.Client(base_url=fresh.base_url) as http:
                for _ in range(5):
                    http.get("/rss.xml").raise_for_status()

        threads = [threading.Thread(target=fetch_some) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert fresh.hits("/rss.xml") == 40


# ------------------------------------------------------------------- generated pages


def test_generated_pages_are_served_and_listed(client: httpx.Client, site: DemoSite) -> None:
    assert len(site.generated) == GENERATED
    assert site.articles == (*ARTICLES, *site.generated)
    feed = client.get("/gen/rss.xml")
    assert feed.headers["content-type"].startswith("application/rss+xml")
    expected = {f"{site.base_url}/gen/{i}.html" for i in range(GENERATED)}
    assert {link.split("?")[0] for link in rss_links(feed.content)} == expected
    for index, article in enumerate(site.generated):
        assert article == generated_article(index)
        response = client.get(article.url_path)
        assert response.status_code == 200
        assert set(article.paragraphs) <= set(paragraphs_of(response.text))
        assert_boilerplate_both_ways(response.text, article.site)


def test_generated_articles_are_deterministic_and_varied() -> None:
    articles = [generated_article(i) for i in range(60)]
    assert articles[7] == generated_article(7)
    assert {a.site for a in articles} == set(OUTLETS)
    assert all(a.published.tzinfo is not None for a in articles)
    paragraphs = [p for a in articles for p in a.paragraphs]
    assert len(set(paragraphs)) > 0.9 * len(paragraphs)
    with pytest.raises(ValueError):
        generated_article(-1)


def test_no_generated_pages_by_default() -> None:
    with serve_demo_site() as plain, httpx.Client(base_url=plain.base_url) as http:
        assert http.get("/gen/rss.xml").status_code == 404
        assert http.get("/gen/0.html").status_code == 404


# ------------------------------------------------------------------------- lifecycle


def test_close_drops_idle_keep_alive_connections() -> None:
    site = serve_demo_site()
    address = ("127.0.0.1", site.port)
    with httpx.Client(base_url=site.base_url) as http:
        http.get("/").raise_for_status()  # leaves a pooled keep-alive connection open
        started = time.monotonic()
        site.close()
        assert time.monotonic() - started < 30  # an open keep-alive would hold it far longer
    with pytest.raises(OSError), socket.create_connection(address, timeout=2):
        pass
    with pytest.raises(RuntimeError):
        _ = site.base_url
    site.close()  # closing twice is harmless


def test_rejects_negative_generated_pages() -> None:
    with pytest.raises(ValueError):
        DemoSite(generated_pages=-1)


def test_runs_as_its_own_process() -> None:
    command = [sys.executable, "-m", "newsflow.demo.server", "--port", "0"]
    with subprocess.Popen(
        [*command, "--generated-pages", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        base_url = process.stdout.readline().strip()
        try:
            assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base_url)
            with httpx.Client(base_url=base_url) as http:
                assert http.get("/gen/1.html").status_code == 200
                assert http.get(ARTICLES[0].url_path).status_code == 200
        finally:
            process.terminate()
        assert process.wait(timeout=10) == 0
        assert process.stderr.read() == ""  # no runpy double-import warning, no traceback
