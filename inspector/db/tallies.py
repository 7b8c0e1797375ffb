"""``hazard_tallies``: the SQLite-only counts of hazards per month that migration 0013 keeps by
triggers, for the 统计 page (core.statistics). Not in ``Base.metadata``: like ``hazards_fts`` it is
written by hand in its migration, exists on SQLite only, and autogenerate leaves it alone."""

from __future__ import annotations

from sqlalchemy import Column, Date, Integer, MetaData, String, Table

TABLE_NAME = "hazard_tallies"

hazard_tallies = Table(
    TABLE_NAME,
    MetaData(),
    Column("jurisdiction", String(50), nullable=False),
    Column("category", String(10), nullable=False),
    Column("found_month", Date, nullable=False),  # the first day of the month found
    Column("closed_month", Date, nullable=False),  # the first day of the month closed; '' while open
    Column("level", String(10), nullable=False),
    Column("state", String(10), nullable=False),  # 已销号 or 未销号: all the rules ask
    Column("n", Integer, nullable=False),
)
