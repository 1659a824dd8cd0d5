"""Helpers that build clean articles for the extractor tests (texts are the tests' own)."""

from __future__ import annotations

from datetime import UTC, datetime

from newsflow.ids import article_id
from newsflow.messages import CleanArticle

#: A Thursday.
PUBLISHED = datetime(2024, 3, 14, 10, 0, tzinfo=UTC)
EXTRACTED = datetime(2024, 3, 14, 12, 0, tzinfo=UTC)


def article(text: str, *, published: datetime | None = PUBLISHED,
            language: str | None = "en", slug: str = "story") -> CleanArticle:
    """A clean article with ``text`` as its body."""
    url = f"https://news.example/{slug}"
    return CleanArticle(
        article_id=article_id(url),
        url=url,
        feed_id="test",
        text=text,
        paragraphs=text.split("\n"),
        published_at=published,
        language=language,
        fetched_at=EXTRACTED,
        cleaned_at=EXTRACTED,
        cleaner="test",
    )
