"""The cleaner as a stage: raw pages in, clean articles out, extraction off the event loop.

trafilatura is CPU-bound; running it on the event loop would starve the Kafka
consumer's heartbeats and get the group rebalanced under load, so it runs in a
process pool.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ProcessPoolExecutor

from newsflow import topics
from newsflow.errors import InvalidMessage
from newsflow.messages import Message, RawArticle
from newsflow.runtime import Output
from services.cleaner.clean import CleanOptions, clean


class CleanerStage:
    """Consumes ``news.articles.raw.v1``, publishes ``news.articles.clean.v1``."""

    name: str = "cleaner"
    inputs: tuple[str, ...] = (topics.RAW_ARTICLES,)

    def __init__(self, options: CleanOptions = CleanOptions(), workers: int = 1) -> None:
        self._options = options
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None

    async def start(self) -> None:
        """Start the worker processes."""
        self._pool = ProcessPoolExecutor(max_workers=self._workers)

    async def process(self, topic: str, message: Message) -> list[Output]:
        """Clean one raw page in a worker process."""
        if not isinstance(message, RawArticle):
            raise InvalidMessage(f"cleaner expects RawArticle, got {type(message).__name__}")
        loop = asyncio.get_running_loop()
        article = await loop.run_in_executor(self._pool, clean, message, self._options)
        return [Output(topics.CLEAN_ARTICLES, article.article_id, article)]

    async def stop(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
