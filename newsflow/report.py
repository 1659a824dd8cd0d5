"""Human-readable summaries of what the store holds (for `newsflow demo`)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from sqlalchemy import select

from services.store import make_engine
from services.store.models import ArticleRow, EventRow


def print_store(database_url: str, console: Console, limit: int = 50) -> None:
    """Print the stored articles and events as tables."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            articles = conn.execute(
                select(ArticleRow.title, ArticleRow.site, ArticleRow.published_at,
                       ArticleRow.authors, ArticleRow.removed).order_by(ArticleRow.published_at)
            ).all()
            events = conn.execute(
                select(EventRow.event_date, EventRow.actor_country, EventRow.cameo_code,
                       EventRow.target_country, EventRow.location_country, EventRow.evidence)
                .order_by(EventRow.event_date, EventRow.event_id).limit(limit)
            ).all()
    finally:
        engine.dispose()
    table = Table("published", "site", "title", "authors", "removed", title="articles")
    for row in articles:
        table.add_row(str(row.published_at)[:16], row.site or "", row.title or "",
                      ", ".join(map(str, row.authors)), str(len(row.removed)))
    console.print(table)
    etable = Table("date", "actor", "cameo", "target", "where", "evidence", title="events")
    for date, actor, code, target, where, evidence in events:
        etable.add_row(str(date), actor or "", code, target or "", where or "",
                       evidence if len(evidence) < 90 else evidence[:87] + "...")
    console.print(etable)
