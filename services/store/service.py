"""The store as a stage: clean articles, events, annotations and dead letters into SQL.

The database write happens before the stage returns, and runners commit
offsets only after the stage returns: offsets never run ahead of the database.
Database calls are blocking, so they run in a thread.
"""

from __future__ import annotations

import asyncio

from newsflow import topics
from newsflow.messages import Message
from newsflow.runtime import ItemResult, Output
from services.store.repository import Store, make_engine, migrate

INPUTS = (
    topics.CLEAN_ARTICLES,
    topics.EVENTS,
    topics.ANNOTATIONS,
    *topics.DEAD_LETTERS,
)


class StoreStage:
    """Consumes the content topics and every stage's dead-letter topic; publishes nothing.

    What it cannot store goes to ``news.store.dlq``, which it reads too; a dead
    letter it cannot store is logged, counted and skipped (:func:`newsflow.runtime.give_up`).
    """

    name: str = "store"
    inputs: tuple[str, ...] = INPUTS

    def __init__(self, database_url: str) -> None:
        self._url = database_url
        self.store: Store | None = None

    async def start(self) -> None:
        """Connect and migrate the schema to the newest revision."""
        engine = make_engine(self._url)
        await asyncio.to_thread(migrate, engine)
        self.store = Store(engine)

    async def process(self, topic: str, message: Message) -> list[Output]:
        """Write one message; returns only once it is committed."""
        assert self.store is not None, "start() first"
        await asyncio.to_thread(self.store.save, [message])
        return []

    async def process_batch(self, items: list[tuple[str, Message]]) -> list[ItemResult]:
        """Write a batch in one transaction; returns only once it is committed."""
        assert self.store is not None, "start() first"
        await asyncio.to_thread(self.store.save, [message for _, message in items])
        return [[] for _ in items]

    async def stop(self) -> None:
        """Release the connection pool."""
        if self.store is not None:
            self.store.engine.dispose()
