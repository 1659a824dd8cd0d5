"""The fetcher service: feeds in, raw article pages out (``news.articles.raw.v1``)."""

from services.fetcher.client import FetchPolicy
from services.fetcher.ledger import Ledger
from services.fetcher.service import FeedReport, Fetcher

__all__ = ["FeedReport", "FetchPolicy", "Fetcher", "Ledger"]
