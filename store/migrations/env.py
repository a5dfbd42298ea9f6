"""Alembic environment: runs against the engine antq opened (``store.db.upgrade``)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import store.crawl_state
import store.models
import store.review
import store.users  # noqa: F401

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from store.db import make_engine

        engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        context.run_migrations()


run_migrations_online()
