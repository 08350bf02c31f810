"""The first schema (version 1), frozen, so tests can build an old database and upgrade it."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

sa.Table(
    "schema_info",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
)
sa.Table(
    "catalogues",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.String(400), nullable=False),
    sa.Column("version", sa.String(100), nullable=False),
    sa.Column("effective_on", sa.Date),
    sa.Column("imported_at", sa.DateTime, nullable=False),
    sa.Column("source", sa.String(400), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
)
sa.Table(
    "catalogue_items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "catalogue_id", sa.Integer, sa.ForeignKey("catalogues.id", ondelete="RESTRICT"), nullable=False
    ),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("process", sa.String(200), nullable=False),
    sa.Column("category", sa.String(200), nullable=False),
    sa.Column("subcategory", sa.String(200), nullable=False),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("basis", sa.Text, nullable=False),
    sa.Column("time_limit", sa.Text, nullable=False),
    sa.Column("publisher", sa.String(200), nullable=False),
    sa.Column("channels", sa.JSON, nullable=False),
    sa.Column("audience", sa.JSON, nullable=False),
    sa.Column("mode", sa.JSON, nullable=False),
    sa.Column("extra", sa.JSON, nullable=False),
    sa.UniqueConstraint("catalogue_id", "position"),
)
sa.Table(
    "publications",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "item_id", sa.Integer, sa.ForeignKey("catalogue_items.id", ondelete="RESTRICT"), nullable=False
    ),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("formed_on", sa.Date),
    sa.Column("changed_on", sa.Date),
    sa.Column("approved_on", sa.Date),
    sa.Column("published_on", sa.Date),
    sa.Column("due_on", sa.Date),
    sa.Column("due_on_manual", sa.Date),
    sa.Column("document_number", sa.String(200), nullable=False),
    sa.Column("index_number", sa.String(200), nullable=False),
    sa.Column("channels", sa.JSON, nullable=False),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("department", sa.String(200), nullable=False),
    sa.Column("responsible", sa.String(200), nullable=False),
    sa.Column("review_done", sa.Boolean, nullable=False),
    sa.Column("reviewer", sa.String(200), nullable=False),
    sa.Column("reviewed_on", sa.Date),
    sa.Column("missing_channel_reason", sa.Text, nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Column("deleted_at", sa.DateTime),
    sa.Index("ix_publications_item", "item_id"),
    sa.Index("ix_publications_due", "due_on"),
)
sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
