"""The fetcher service: feeds in, raw article pages out (``news.articles.raw.v1``)."""

from services.fetcher.client import FetchPolicy
from services.fetcher.ledger import Ledger
from services.fetcher.options import FetcherOptions
from services.fetcher.service import FeedReport, Fetcher
from services.fetcher.state import FeedState, FeedStateStore

__all__ = [
    "FeedReport",
    "FeedState",
    "FeedStateStore",
    "FetchPolicy",
    "Fetcher",
    "FetcherOptions",
    "Ledger",
]
