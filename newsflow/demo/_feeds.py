"""Discovery documents of the demo site: RSS 2.0, sitemaps, a news sitemap and robots.txt.

They give the fetcher each kind of source it must read: an RSS feed whose links
carry tracking parameters, a plain ``urlset`` sitemap, and a sitemap index that
points to a gzipped Google News sitemap.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape

from newsflow.demo._outlets import FEED_TRACKING, OUTLETS
from newsflow.demo._records import DemoArticle

_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
NEWS_SITEMAP_PATH = "/sitemap-news.xml.gz"


def _x(text: str) -> str:
    """Escape for XML text and attributes (html.escape's entities are all valid XML)."""
    return escape(text, quote=True)


def _newest_first(articles: Sequence[DemoArticle]) -> list[DemoArticle]:
    return sorted(articles, key=lambda a: a.published, reverse=True)


def last_modified(articles: Sequence[DemoArticle]) -> datetime:
    """When any of ``articles`` last changed: the Last-Modified of a listing of them."""
    return max(a.modified for a in articles).astimezone(UTC)


def _feed_link(article: DemoArticle, base_url: str) -> str:
    """The link a feed gives for ``article``, with its outlet's tracking query if it has one."""
    url = base_url + article.url_path
    tracking = FEED_TRACKING.get(article.site)
    return f"{url}?{tracking}" if tracking else url


def render_rss(
    articles: Sequence[DemoArticle], base_url: str, *, self_path: str, title: str
) -> str:
    """An RSS 2.0 channel listing ``articles`` newest first."""
    items = []
    for article in _newest_first(articles):
        creators = "".join(f"<dc:creator>{_x(name)}</dc:creator>" for name in article.authors)
        items.append(
            "<item>"
            f"<title>{_x(article.title)}</title>"
            f"<link>{_x(_feed_link(article, base_url))}</link>"
            f'<guid isPermaLink="true">{_x(base_url + article.url_path)}</guid>'
            f"<pubDate>{format_datetime(article.published)}</pubDate>"
            f"{creators}"
            f"<category>{_x(article.section)}</category>"
            f'<source url="{_x(base_url + self_path)}">{_x(OUTLETS[article.site].name)}</source>'
            f"<description>{_x(article.standfirst)}</description>"
            "</item>"
        )
    built = format_datetime(last_modified(articles), usegmt=True)
    body = "\n".join(items)
    return (
        f"{_XML_DECLARATION}"
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        f"<title>{_x(title)}</title>\n<link>{_x(base_url)}/</link>\n"
        "<description>Fictional conflict and diplomacy news for newsflow's demo.</description>\n"
        f"<language>en</language>\n<lastBuildDate>{built}</lastBuildDate>\n"
        f'<atom:link href="{_x(base_url + self_path)}" rel="self" type="application/rss+xml"/>\n'
        f"{body}\n</channel>\n</rss>\n"
    )


def render_sitemap(articles: Sequence[DemoArticle], base_url: str) -> str:
    """A plain ``urlset`` sitemap of every article, with lastmod."""
    urls = "\n".join(
        f"<url><loc>{_x(base_url + a.url_path)}</loc>"
        f"<lastmod>{a.modified.isoformat()}</lastmod></url>"
        for a in _newest_first(articles)
    )
    return f'{_XML_DECLARATION}<urlset xmlns="{_SITEMAP_NS}">\n{urls}\n</urlset>\n'


def render_sitemap_index(articles: Sequence[DemoArticle], base_url: str) -> str:
    """A sitemap index whose only child is the gzipped news sitemap."""
    lastmod = last_modified(articles).isoformat()
    return (
        f'{_XML_DECLARATION}<sitemapindex xmlns="{_SITEMAP_NS}">\n'
        f"<sitemap><loc>{_x(base_url + NEWS_SITEMAP_PATH)}</loc><lastmod>{lastmod}</lastmod>"
        "</sitemap>\n</sitemapindex>\n"
    )


def render_news_sitemap_gz(articles: Sequence[DemoArticle], base_url: str) -> bytes:
    """A Google News sitemap of every article, gzipped as the real ones are."""
    entries = []
    for article in _newest_first(articles):
        outlet = OUTLETS[article.site]
        entries.append(
            f"<url><loc>{_x(base_url + article.url_path)}</loc><news:news>"
            f"<news:publication><news:name>{_x(outlet.name)}</news:name>"
            "<news:language>en</news:language></news:publication>"
            f"<news:publication_date>{article.published.isoformat()}</news:publication_date>"
            f"<news:title>{_x(article.title)}</news:title></news:news></url>"
        )
    body = "\n".join(entries)
    urlset = f'<urlset xmlns="{_SITEMAP_NS}" xmlns:news="{_NEWS_NS}">'
    xml = f"{_XML_DECLARATION}{urlset}\n{body}\n</urlset>\n"
    # mtime=0 keeps the bytes (and so the ETag) identical from one run to the next.
    return gzip.compress(xml.encode("utf-8"), mtime=0)


def render_robots(base_url: str) -> str:
    """robots.txt allowing everything and naming the sitemap index, as news sites do."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url}/sitemap-index.xml\n"
