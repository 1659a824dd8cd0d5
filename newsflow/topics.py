"""Topic names and how each is keyed.

Keys carry the partitioning. Article URLs and raw pages are keyed by host: the
fetcher that owns a partition of ``news.articles.urls.v1`` is the only one
sending requests to its hosts (so per-host pacing needs no coordination), and
one cleaner worker sees every page of a site (so per-site template state needs
none either). Everything downstream is keyed by article id.

Dead letters go to one topic per stage, ``news.<stage>.dlq``, keyed as the
message that failed: an operator reads one stage's failures in one place
(the fetcher's refused URLs are not mixed with the cleaner's unreadable pages,
nor the extractor's failures with the store's), and each record still names
its source topic, partition and offset.
"""

from typing import Final

ARTICLE_URLS: Final = "news.articles.urls.v1"
RAW_ARTICLES: Final = "news.articles.raw.v1"
CLEAN_ARTICLES: Final = "news.articles.clean.v1"
EVENTS: Final = "news.events.v1"
ANNOTATIONS: Final = "news.articles.annotations.v1"

ALL: Final = (ARTICLE_URLS, RAW_ARTICLES, CLEAN_ARTICLES, EVENTS, ANNOTATIONS)

#: The stages that dead-letter what they cannot process.
STAGES: Final = ("fetcher", "cleaner", "extractor", "store")


def dead_letter(stage: str) -> str:
    """Name of the dead-letter topic of ``stage``; a name that is no stage is a bug."""
    if stage not in STAGES:
        raise ValueError(f"no stage named {stage!r}: dead-letter topics exist for {STAGES}")
    return f"news.{stage}.dlq"


DEAD_LETTERS: Final = tuple(dead_letter(stage) for stage in STAGES)


def is_dead_letter(topic: str) -> bool:
    """Whether ``topic`` (without namespace) is one of the dead-letter topics."""
    return topic in DEAD_LETTERS
