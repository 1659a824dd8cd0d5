"""The cleaner as a stage: raw pages in, clean articles out, extraction off the event loop.

trafilatura is CPU-bound; running it on the event loop would starve the Kafka
consumer's heartbeats and get the group rebalanced under load, so the rule-based
cleaning runs in a process pool. The per-site template pass is cheap and holds
state, so it runs here, in the stage's own process, in message order; its
observations are written before the stage returns, so they are persisted before
the runner commits the input offsets.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor

from newsflow import topics
from newsflow.errors import InvalidMessage, PermanentError
from newsflow.messages import CleanArticle, Message, RawArticle
from newsflow.runtime import ItemResult, Output
from services.cleaner.clean import CleanOptions, clean
from services.cleaner.template_store import TemplateStore
from services.cleaner.templates import Observation, TemplateMemory, site_of


def _clean_in_worker(page: RawArticle, options: CleanOptions) -> tuple[CleanArticle, int]:
    """``clean`` as a worker process runs it, with that process's id."""
    return clean(page, options), os.getpid()


class CleanerStage:
    """Consumes ``news.articles.raw.v1``, publishes ``news.articles.clean.v1``."""

    name: str = "cleaner"
    inputs: tuple[str, ...] = (topics.RAW_ARTICLES,)

    def __init__(self, options: CleanOptions = CleanOptions(), *, workers: int = 1,
                 memory: TemplateMemory | None = None,
                 store: TemplateStore | None = None) -> None:
        self._options = options
        self._workers = workers
        self._memory = memory or TemplateMemory()
        self._store = store
        self._pool: ProcessPoolExecutor | None = None
        self.worker_pids: set[int] = set()
        """Processes that cleaned this stage's pages: never the stage's own (the tests hold it
        to that, since cleaning on the event loop would starve the consumer's heartbeats)."""

    @property
    def options(self) -> CleanOptions:
        """The options every page is cleaned with."""
        return self._options

    @property
    def memory(self) -> TemplateMemory:
        """What the stage has learnt of its sites' templates."""
        return self._memory

    async def start(self) -> None:
        """Start the worker processes and open the template store."""
        self._pool = ProcessPoolExecutor(max_workers=self._workers)
        if self._store is not None:
            await asyncio.to_thread(self._store.open)

    async def process(self, topic: str, message: Message) -> list[Output]:
        """Clean one raw page."""
        [result] = await self.process_batch([(topic, message)])
        if isinstance(result, PermanentError):
            raise result
        return result

    async def process_batch(self, items: list[tuple[str, Message]]) -> list[ItemResult]:
        """Clean a batch on every worker, then apply site templates in order and persist."""
        loop = asyncio.get_running_loop()
        futures = []
        for _topic, message in items:
            if not isinstance(message, RawArticle):
                raise InvalidMessage(f"cleaner expects RawArticle, got {type(message).__name__}")
            futures.append(loop.run_in_executor(self._pool, _clean_in_worker, message,
                                                self._options))
        cleaned = await asyncio.gather(*futures, return_exceptions=True)
        results: list[ItemResult] = []
        observations: list[Observation] = []
        for outcome in cleaned:
            if isinstance(outcome, PermanentError):
                results.append(outcome)
                continue
            if isinstance(outcome, BaseException):
                raise outcome  # unexpected: the runner retries one by one and dead-letters it
            cleaned_article, pid = outcome
            self.worker_pids.add(pid)
            article, observation = await self._templates(cleaned_article)
            if observation is not None:
                observations.append(observation)
            results.append([Output(topics.CLEAN_ARTICLES, article.article_id, article)])
        if self._store is not None and observations:
            await asyncio.to_thread(self._store.save, observations)
        return results

    async def _templates(self, article: CleanArticle) -> tuple[CleanArticle, Observation | None]:
        site = site_of(article)
        if self._store is not None and site not in self._memory:
            self._memory.load(site, await asyncio.to_thread(self._store.load, site))
        remove = "template" not in self._options.disabled_kinds
        return self._memory.apply(article, remove=remove)

    def forget(self) -> None:
        """Drop the template memory (after a rebalance); sites reload from the store."""
        if self._store is not None:
            self._memory.clear()

    async def stop(self) -> None:
        """Stop the worker processes and close the template store's connections."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        if self._store is not None:
            self._store.close()
