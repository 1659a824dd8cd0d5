"""Topic names and how each is keyed.

Keys carry the partitioning: raw pages are keyed by host so that one cleaner
worker sees every page of a site (per-site template state needs no
coordination); everything downstream is keyed by article id.
"""

from typing import Final

RAW_ARTICLES: Final = "news.articles.raw.v1"
CLEAN_ARTICLES: Final = "news.articles.clean.v1"
EVENTS: Final = "news.events.v1"
ANNOTATIONS: Final = "news.articles.annotations.v1"

ALL: Final = (RAW_ARTICLES, CLEAN_ARTICLES, EVENTS, ANNOTATIONS)


def dead_letter(topic: str) -> str:
    """Name of the dead-letter topic for messages that failed on ``topic``."""
    return f"{topic}.dlq"
