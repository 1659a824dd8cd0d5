"""The extractor stage codes events in a worker process, not on the event loop.

Extraction is CPU-bound; on the event loop it would starve the Kafka consumer's
heartbeats. The stage notes the process each article was extracted in, and the
test holds that to be another process than the one running the stage.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from newsflow import topics
from newsflow.messages import CleanArticle, Event
from services.extractor.service import ExtractorStage

NOW = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
PARAGRAPHS = [
    "Azerbaijani troops fired artillery at Armenian positions near the border on Tuesday, "
    "the Armenian defence ministry said.",
    "The ministry accused Baku of breaking the ceasefire and said two soldiers were wounded.",
]


async def test_articles_are_extracted_in_a_worker_process_not_in_the_stage() -> None:
    article = CleanArticle(article_id="ridge-1", url="https://ridge.example/border",
                           feed_id="ridge", published_at=NOW, text="\n".join(PARAGRAPHS),
                           paragraphs=PARAGRAPHS, fetched_at=NOW, cleaned_at=NOW, cleaner="test")
    stage = ExtractorStage(workers=1)
    await stage.start()
    try:
        outputs = await stage.process(topics.CLEAN_ARTICLES, article)
    finally:
        await stage.stop()
    events = [o.value for o in outputs if isinstance(o.value, Event)]
    assert events and all(e.article_id == "ridge-1" for e in events)
    assert outputs[-1].topic == topics.ANNOTATIONS
    assert stage.worker_pids and os.getpid() not in stage.worker_pids
