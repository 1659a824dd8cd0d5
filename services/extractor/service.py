"""The extractor as a stage: clean articles in, events and annotations out.

Extraction is CPU-bound, so it runs in a process pool, off the event loop that
keeps the Kafka consumer's heartbeats going.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime

from newsflow import topics
from newsflow.errors import InvalidMessage
from newsflow.messages import CleanArticle, Message
from newsflow.runtime import Output
from services.extractor import Extraction, extract


def _extract_now(article: CleanArticle) -> tuple[Extraction, int]:
    """``extract`` as a worker process runs it, with that process's id."""
    return extract(article, extracted_at=datetime.now(UTC)), os.getpid()


def _warm_up() -> None:
    """Build the gazetteer and lexicons in each worker before the first real article arrives."""
    now = datetime.now(UTC)
    sample = "Russian forces shelled Kharkiv on Tuesday, the governor of the region said."
    extract(CleanArticle(article_id="warm-up", url="https://warm.up/", feed_id="warm-up",
                         text=sample, paragraphs=[sample], fetched_at=now, cleaned_at=now,
                         cleaner="warm-up"), extracted_at=now)


class ExtractorStage:
    """Consumes ``news.articles.clean.v1``; publishes ``news.events.v1`` and annotations."""

    name: str = "extractor"
    inputs: tuple[str, ...] = (topics.CLEAN_ARTICLES,)

    def __init__(self, workers: int = 1) -> None:
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self.worker_pids: set[int] = set()
        """Processes that extracted this stage's articles: never the stage's own (the tests
        hold it to that, since extracting on the event loop would starve the heartbeats)."""

    async def start(self) -> None:
        """Start the worker processes."""
        self._pool = ProcessPoolExecutor(max_workers=self._workers, initializer=_warm_up)

    async def process(self, topic: str, message: Message) -> list[Output]:
        """Extract events from one article; events first, then the per-article record."""
        if not isinstance(message, CleanArticle):
            raise InvalidMessage(f"extractor expects CleanArticle, got {type(message).__name__}")
        loop = asyncio.get_running_loop()
        result, pid = await loop.run_in_executor(self._pool, _extract_now, message)
        self.worker_pids.add(pid)
        outputs = [Output(topics.EVENTS, e.article_id, e) for e in result.events]
        outputs.append(Output(topics.ANNOTATIONS, message.article_id, result.annotations))
        return outputs

    async def stop(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
