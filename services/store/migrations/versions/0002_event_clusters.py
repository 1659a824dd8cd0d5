"""Event clusters: events of different articles reporting the same happening.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("source", sa.String(300), nullable=True))
        batch.add_column(sa.Column("event_cluster_id", sa.String(64), nullable=True))
        batch.create_index("ix_events_event_cluster_id", ["event_cluster_id"])
    op.create_table(
        "event_clusters",
        sa.Column("event_cluster_id", sa.String(64), primary_key=True),
        sa.Column("actor_country", sa.String(3), nullable=True),
        sa.Column("target_country", sa.String(3), nullable=True),
        sa.Column("cameo_root", sa.String(4), nullable=False),
        sa.Column("place", sa.String(64), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("num_events", sa.Integer(), nullable=False),
        sa.Column("num_articles", sa.Integer(), nullable=False),
        sa.Column("num_sources", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_event_clusters_event_date", "event_clusters", ["event_date"])


def downgrade() -> None:
    op.drop_table("event_clusters")
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_event_cluster_id")
        batch.drop_column("event_cluster_id")
        batch.drop_column("source")
