"""The cleaner stage runs trafilatura and the rules in worker processes, not on the event loop.

Cleaning is CPU-bound; on the event loop it would starve the Kafka consumer's
heartbeats. The stage notes the process each page was cleaned in, and the test
holds that to be another process than the one running the stage.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from newsflow import topics
from newsflow.messages import CleanArticle, Message, RawArticle
from services.cleaner.service import CleanerStage

PAGE = """<html><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/harbour">Harbour</a></nav>
<article><h1>{title}</h1>
<p>The port authority of Tidewater said on Monday that dredging of the main channel would
resume next week after a survey found silt had built up faster than expected over the winter.</p>
<p>Pilots have been bringing larger ships in only at high tide since January, and two
container lines said they had moved some calls to other ports until the work is finished.</p>
<p>The authority expects the {n} phase of the work to last about six weeks, weather permitting,
and said the fishing fleet would keep its berths throughout.</p>
</article><footer>Tidewater Ledger</footer></body></html>"""


def page(n: int) -> RawArticle:
    url = f"https://tidewater.example/harbour/dredging-{n}"
    return RawArticle(article_id=f"dredging-{n}", url=url, final_url=url, feed_id="tidewater",
                      fetched_at=datetime(2026, 2, 2, tzinfo=UTC), status=200,
                      html=PAGE.format(title=f"Dredging resumes, part {n}", n=f"number {n}"))


async def test_pages_are_cleaned_in_worker_processes_not_in_the_stage() -> None:
    stage = CleanerStage(workers=2)
    await stage.start()
    try:
        items: list[tuple[str, Message]] = [(topics.RAW_ARTICLES, page(n)) for n in range(4)]
        results = await stage.process_batch(items)
    finally:
        await stage.stop()
    articles = [o.value for result in results if isinstance(result, list) for o in result]
    assert [a.article_id for a in articles if isinstance(a, CleanArticle)] == [
        f"dredging-{n}" for n in range(4)]
    assert stage.worker_pids and os.getpid() not in stage.worker_pids
