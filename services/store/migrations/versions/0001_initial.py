"""Initial schema: articles, events, article annotations, dead letters.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("article_id", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("canonical_url", sa.Text(), nullable=True),
        sa.Column("feed_id", sa.String(200), nullable=False),
        sa.Column("site", sa.String(300), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("published_at", _TS, nullable=True),
        sa.Column("updated_at", _TS, nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("removed", sa.JSON(), nullable=False),
        sa.Column("fetched_at", _TS, nullable=False),
        sa.Column("cleaned_at", _TS, nullable=False),
        sa.Column("cleaner", sa.String(200), nullable=False),
        sa.Column("stored_at", _TS, nullable=False),
    )
    op.create_index("ix_articles_feed_id", "articles", ["feed_id"])
    op.create_index("ix_articles_published_at", "articles", ["published_at"])
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("date_precision", sa.String(32), nullable=False),
        sa.Column("cameo_code", sa.String(8), nullable=False),
        sa.Column("cameo_root", sa.String(4), nullable=False),
        sa.Column("quad_class", sa.Integer(), nullable=False),
        sa.Column("goldstein", sa.Float(), nullable=False),
        sa.Column("actor_country", sa.String(3), nullable=True),
        sa.Column("target_country", sa.String(3), nullable=True),
        sa.Column("location_country", sa.String(3), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("stored_at", _TS, nullable=False),
    )
    for column in ("article_id", "event_date", "cameo_code", "actor_country", "target_country"):
        op.create_index(f"ix_events_{column}", "events", [column])
    op.create_table(
        "article_annotations",
        sa.Column("article_id", sa.String(64), primary_key=True),
        sa.Column("sentences", sa.Integer(), nullable=False),
        sa.Column("entities", sa.JSON(), nullable=False),
        sa.Column("quotes", sa.JSON(), nullable=False),
        sa.Column("event_ids", sa.JSON(), nullable=False),
        sa.Column("stored_at", _TS, nullable=False),
    )
    op.create_table(
        "dead_letters",
        sa.Column("dead_letter_id", sa.String(64), primary_key=True),
        sa.Column("stage", sa.String(50), nullable=False),
        sa.Column("source_topic", sa.String(200), nullable=True),
        sa.Column("reason", sa.String(100), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("failed_at", _TS, nullable=False),
        sa.Column("stored_at", _TS, nullable=False),
    )
    op.create_index("ix_dead_letters_stage", "dead_letters", ["stage"])


def downgrade() -> None:
    op.drop_table("dead_letters")
    op.drop_table("article_annotations")
    op.drop_table("events")
    op.drop_table("articles")
