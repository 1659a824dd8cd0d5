"""Topic names and how each is keyed.

Keys carry the partitioning. Article URLs and raw pages are keyed by host: the
fetcher that owns a partition of ``news.articles.urls.v1`` is the only one
sending requests to its hosts (so per-host pacing needs no coordination), and
one cleaner worker sees every page of a site (so per-site template state needs
none either). Everything downstream is keyed by article id.
"""

from typing import Final

ARTICLE_URLS: Final = "news.articles.urls.v1"
RAW_ARTICLES: Final = "news.articles.raw.v1"
CLEAN_ARTICLES: Final = "news.articles.clean.v1"
EVENTS: Final = "news.events.v1"
ANNOTATIONS: Final = "news.articles.annotations.v1"

ALL: Final = (ARTICLE_URLS, RAW_ARTICLES, CLEAN_ARTICLES, EVENTS, ANNOTATIONS)


def dead_letter(topic: str) -> str:
    """Name of the dead-letter topic for messages that failed on ``topic``."""
    return f"{topic}.dlq"
