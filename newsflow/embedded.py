"""The embedded runner: all four stages in one process, joined by in-memory queues.

It runs the same stage objects as the Kafka runner and passes every message
through the same codecs (encoded to bytes, decoded again), so what works here
works on the wire. No broker is needed; the store defaults to SQLite.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsflow import codec
from newsflow.runtime import Envelope, Output, Stage, handle

log = logging.getLogger(__name__)

#: Called after each processed message with (stage name, counters so far).
ProgressHook = Callable[[str, Counter[str]], None]


@dataclass
class _Lane:
    stage: Stage
    concurrency: int
    queue: asyncio.Queue[Envelope] = field(default_factory=asyncio.Queue)


class Pipeline:
    """Routes outputs to the stages that consume their topic and counts what passed."""

    def __init__(self, stages: Sequence[tuple[Stage, int]],
                 on_progress: ProgressHook | None = None) -> None:
        self._lanes = [_Lane(stage, max(1, n)) for stage, n in stages]
        self.counts: Counter[str] = Counter()
        self._on_progress = on_progress
        self._pending = 0  # envelopes queued or being processed, over all lanes
        self._idle = asyncio.Event()
        self._idle.set()

    async def publish(self, output: Output) -> None:
        """Deliver ``output`` to every stage that consumes its topic, as encoded bytes."""
        self.counts[f"published:{output.topic}"] += 1
        env = Envelope(output.topic, output.key, codec.encode(output.value))
        for lane in self._lanes:
            if output.topic in lane.stage.inputs:
                self._pending += 1
                self._idle.clear()
                lane.queue.put_nowait(env)

    async def _work(self, lane: _Lane) -> None:
        while True:
            env = await lane.queue.get()
            try:
                for output in await handle(lane.stage, env):
                    await self.publish(output)
                self.counts[f"processed:{lane.stage.name}"] += 1
                if self._on_progress is not None:
                    self._on_progress(lane.stage.name, self.counts)
            finally:
                self._pending -= 1
                if self._pending == 0:
                    self._idle.set()

    async def __aenter__(self) -> Pipeline:
        for lane in self._lanes:
            await lane.stage.start()
        self._tasks = [
            asyncio.create_task(self._work(lane), name=f"{lane.stage.name}-{i}")
            for lane in self._lanes for i in range(lane.concurrency)
        ]
        return self

    async def drain(self) -> None:
        """Wait until every queue is empty and nothing is in flight."""
        await self._idle.wait()

    async def __aexit__(self, *exc: object) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        for lane in self._lanes:
            await lane.stage.stop()
