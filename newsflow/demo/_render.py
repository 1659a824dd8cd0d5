"""HTML pages of the demo site: one template per outlet, plus the home page.

Each template wraps the true body paragraphs in boilerplate placed both ways real
pages place it: in containers of its own (``<aside class="donate">``,
``<figure><figcaption>``, ``<div class="author-bio">``) that trafilatura already
drops, and as plain ``<p>`` inside the body container, which trafilatura keeps and
the cleaner has to learn to remove. The metadata a cleaner reads (JSON-LD
NewsArticle, Open Graph, ``article:*`` and the canonical link) is the same on
every outlet, as it is on the real web.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from html import escape
from types import MappingProxyType

from newsflow.demo import _outlets as data
from newsflow.demo._records import DemoArticle, Outlet, Photo


def _t(text: str) -> str:
    """Escape text content (quotes stay readable in the page source)."""
    return escape(text, quote=False)


def _a(text: str) -> str:
    """Escape an attribute value."""
    return escape(text, quote=True)


def _paragraphs(paragraphs: Iterable[str]) -> str:
    return "\n".join(f"<p>{_t(p)}</p>" for p in paragraphs)


def _author_href(name: str) -> str:
    return "/authors/" + "-".join(name.lower().split())


def _byline(authors: Sequence[str], css: str) -> str:
    links = [f'<a class="{css}" rel="author" href="{_author_href(n)}">{_t(n)}</a>' for n in authors]
    return " and ".join(links)


def _long_date(when: datetime) -> str:
    return f"{when:%B} {when.day}, {when.year}"


def _clock(when: datetime) -> str:
    return f"{when.hour % 12 or 12}:{when.minute:02d}{'am' if when.hour < 12 else 'pm'}"


def _image(article: DemoArticle, index: int, photo: Photo) -> str:
    src = f"/static/img/{article.slug}-{index + 1}.jpg"
    return f'<img src="{src}" alt="{_a(photo.caption)}" width="1200" height="800">'


def _head(article: DemoArticle, outlet: Outlet, base_url: str) -> str:
    """Metadata block shared by all outlets: title, Open Graph, article:* and JSON-LD."""
    canonical = base_url + article.url_path
    published = article.published.isoformat()
    modified = article.modified.isoformat()
    json_ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.standfirst,
        "datePublished": published,
        "dateModified": modified,
        "author": [
            {"@type": "Person", "name": name, "url": base_url + _author_href(name)}
            for name in article.authors
        ],
        "publisher": {
            "@type": "Organization",
            "name": outlet.name,
            "logo": {"@type": "ImageObject", "url": f"{base_url}/static/{outlet.slug}-logo.png"},
        },
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "articleSection": article.section,
        "inLanguage": "en",
        "isAccessibleForFree": True,
    }
    # "</" inside a <script> would end it early; JSON allows the escaped slash.
    ld_text = json.dumps(json_ld, ensure_ascii=False, indent=1).replace("</", "<\\/")
    authors = ", ".join(article.authors)
    return f"""<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_t(article.title)} | {_t(outlet.name)}</title>
<meta name="description" content="{_a(article.standfirst)}">
<meta name="author" content="{_a(authors)}">
<link rel="canonical" href="{_a(canonical)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{_a(article.title)}">
<meta property="og:description" content="{_a(article.standfirst)}">
<meta property="og:site_name" content="{_a(outlet.name)}">
<meta property="og:url" content="{_a(canonical)}">
<meta property="og:locale" content="en_US">
<meta property="article:published_time" content="{published}">
<meta property="article:modified_time" content="{modified}">
<meta property="article:section" content="{_a(article.section)}">
<link rel="stylesheet" href="/static/{outlet.slug}.css">
<script type="application/ld+json">
{ld_text}
</script>
</head>"""


def _courier(article: DemoArticle, outlet: Outlet) -> str:
    """Layout after an independent Russian-language outlet's English site."""
    figure = ""
    if article.photos:
        photo = article.photos[0]
        figure = f"""<figure class="article__featured-image">
{_image(article, 0, photo)}
<figcaption>{_t(photo.caption)} <span class="article__credit">{_t(photo.credit)}</span></figcaption>
</figure>"""
    return f"""<header class="site-header">
<a class="site-header__logo" href="/">{_t(outlet.name)}</a>
<nav class="site-header__nav"><a href="/">News</a> <a href="/">Opinion</a>
<a href="/">Business</a> <a href="/">Podcasts</a></nav>
</header>
<main class="container">
<article class="article">
<header class="article__header">
<div class="article__section"><a href="/">{_t(article.section)}</a></div>
<h1 class="article__title">{_t(article.title)}</h1>
<h2 class="article__subtitle">{_t(article.standfirst)}</h2>
<div class="article__byline">By {_byline(article.authors, "byline__author")}</div>
<time class="article__date" datetime="{article.published.isoformat()}">\
{_long_date(article.published)}</time>
</header>
{figure}
<div class="article__content">
{_paragraphs(article.paragraphs)}
{_paragraphs(data.COURIER_APPEAL)}
<p>{_t(outlet.short_name)}</p>
</div>
</article>
<aside class="donate">
<h3>{_t(data.COURIER_DONATE_HEADING)}</h3>
<p>{_t(data.COURIER_DONATE_TEXT)}</p>
<a class="button" href="/donate">Donate</a>
</aside>
</main>
<footer class="site-footer"><p>© 2026 {_t(outlet.name)}. All rights reserved.</p>
<a href="/">Privacy policy</a></footer>"""


def _meridian_teaser(author: str) -> str:
    bio = data.MERIDIAN_BIOS[author]
    return bio[: data.MERIDIAN_TEASER_LENGTH].rsplit(" ", 1)[0] + " ..."


def _meridian(article: DemoArticle, outlet: Outlet) -> str:
    """Layout after an American news magazine's site: voice notice, captions, bios."""
    blocks = [f"<p>{_t(p)}</p>" for p in article.paragraphs]
    if len(article.photos) > 1:
        photo = article.photos[1]
        blocks.insert(min(5, len(blocks)), f"<p>{_t(photo.caption)} {_t(photo.credit)}</p>")
    if article.photos:
        photo = article.photos[0]
        blocks.insert(
            2,
            f"""<figure class="image">
{_image(article, 0, photo)}
<figcaption><span class="caption">{_t(photo.caption)}</span>
<span class="credit">{_t(photo.credit)}</span></figcaption>
</figure>""",
        )
    first = article.authors[0]
    bios = "\n".join(
        f'<div class="bio"><h4>{_t(name)}</h4><p>{_t(data.MERIDIAN_BIOS[name])}</p></div>'
        for name in article.authors
    )
    body = "\n".join(blocks)
    published, modified = article.published, article.modified
    return f"""<header class="site-nav">
<a class="logo" href="/">{_t(outlet.name)}</a>
<ul class="menu"><li><a href="/">U.S.</a></li><li><a href="/">World</a></li>
<li><a href="/">Opinion</a></li></ul>
<a class="subscribe" href="/subscribe">Subscribe</a>
</header>
<main id="content">
<article class="article">
<header class="article-header">
<div class="section-label"><a href="/">{_t(article.section)}</a></div>
<h1 class="title">{_t(article.title)}</h1>
<h2 class="subheadline">{_t(article.standfirst)}</h2>
<div class="byline">By {_byline(article.authors, "author")} <span class="role">Reporter</span></div>
<div class="dates"><time class="published" datetime="{published.isoformat()}">Published \
{published:%b} {published.day}, {published.year} at {_clock(published)} {published:%Z}</time>
<time class="updated" datetime="{modified.isoformat()}">Updated \
{modified:%b} {modified.day}, {modified.year} at {_clock(modified)} {modified:%Z}</time></div>
</header>
<div class="article-body" itemprop="articleBody">
<p>{_t(data.MERIDIAN_VOICE_NOTICE)}</p>
{body}
<p>{_t(_meridian_teaser(first))} <a href="{_author_href(first)}">Read more</a></p>
</div>
<div class="author-bio">
<h3>About the writer</h3>
{bios}
</div>
</article>
<div class="newsletter-signup"><p>{_t(data.MERIDIAN_NEWSLETTER)}</p>
<form action="/newsletter"><input type="email" name="email" placeholder="Email address">
<button type="submit">Sign up</button></form></div>
</main>
<footer class="site-footer"><p>© 2026 {_t(outlet.name)}</p></footer>"""


def _crossroads(article: DemoArticle, outlet: Outlet) -> str:
    """Layout after a Gulf-based broadcaster's site: bracketed credits, stamps, source line."""
    blocks = [f"<p>{_t(p)}</p>" for p in article.paragraphs]
    if len(article.photos) > 1:
        photo = article.photos[1]
        caption = f"<p>{_t(photo.caption)} [Photo by {_t(photo.credit)}]</p>"
        blocks.insert(min(3, len(blocks)), caption)
    figure = ""
    if article.photos:
        photo = article.photos[0]
        figure = f"""<figure class="article-featured-image">
{_image(article, 0, photo)}
<figcaption>{_t(photo.caption)} [{_t(photo.credit)}]</figcaption>
</figure>"""
    body = "\n".join(blocks)
    published, modified = article.published, article.modified
    topics = "\n".join(
        f'<li><a href="/">{_t(topic)}</a></li>'
        for topic in (article.section, *data.CROSSROADS_RELATED_TOPICS)
    )
    return f"""<a class="skip-link" href="#main-content">{_t(data.CROSSROADS_SKIP_LINK)}</a>
<header class="site-header">
<a class="site-logo" href="/">{_t(outlet.short_name)}</a>
<nav><a href="/">News</a> <a href="/">Middle East</a> <a href="/">Africa</a>
<a href="/">Asia</a> <a href="/">Features</a></nav>
</header>
<main id="main-content">
<div class="article-header">
<div class="article-topics"><a class="topic" href="/">{_t(article.section)}</a></div>
<h1>{_t(article.title)}</h1>
<h2 class="article__subhead">{_t(article.standfirst)}</h2>
</div>
<div class="article-info-block">
<div class="article-author-name">By {_byline(article.authors, "author-link")}</div>
<div class="date-simple"><span>Published On \
{published.day} {published:%b} {published.year}</span></div>
</div>
{figure}
<div class="wysiwyg wysiwyg--all-content" id="article-body">
<p>{_long_date(published)} {_clock(published)}</p>
<p>Updated: {_long_date(modified)} {_clock(modified)}</p>
{body}
<p>{_t(data.CROSSROADS_SOURCE_LINE)}</p>
</div>
<div class="related-topics">
<h2>Related Topics</h2>
<ul>
{topics}
</ul>
</div>
</main>
<footer class="site-footer"><p>© 2026 {_t(outlet.name)} Network</p></footer>"""


_TEMPLATES: MappingProxyType[str, Callable[[DemoArticle, Outlet], str]] = MappingProxyType(
    {"courier": _courier, "meridian": _meridian, "crossroads": _crossroads}
)


def render_article(article: DemoArticle, base_url: str) -> str:
    """The HTML page of ``article`` in its outlet's template; absolute URLs start ``base_url``."""
    outlet = data.OUTLETS[article.site]
    body = _TEMPLATES[outlet.slug](article, outlet)
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n{_head(article, outlet, base_url)}\n'
        f'<body class="{outlet.slug} article-page">\n{body}\n</body>\n</html>\n'
    )


def render_home(articles: Sequence[DemoArticle], generated: int) -> str:
    """Front page: every hand-written story by outlet, and where the feeds are."""
    sections = []
    for outlet in data.OUTLETS.values():
        items = "\n".join(
            f'<li><a href="{_a(a.url_path)}">{_t(a.title)}</a> '
            f'<time datetime="{a.published.isoformat()}">{_long_date(a.published)}</time></li>'
            for a in sorted(articles, key=lambda a: a.published, reverse=True)
            if a.site == outlet.slug
        )
        sections.append(
            f'<section id="{outlet.slug}"><h2>{_t(outlet.name)}</h2>\n'
            f"<p>{_t(outlet.tagline)}</p>\n<ul>\n{items}\n</ul></section>"
        )
    listing = "\n".join(sections)
    extra = f'<li><a href="/gen/rss.xml">{generated} generated pages</a></li>' if generated else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>newsflow demo news</title>
<link rel="alternate" type="application/rss+xml" title="All stories" href="/rss.xml"></head>
<body>
<h1>newsflow demo news</h1>
<p>Fictional stories on three fictional sites, served offline for newsflow's demo and tests.</p>
{listing}
<h2>Feeds</h2>
<ul><li><a href="/rss.xml">RSS</a></li><li><a href="/sitemap.xml">Sitemap</a></li>
<li><a href="/sitemap-index.xml">Sitemap index</a></li>{extra}</ul>
</body>
</html>
"""
