"""Opening the store: which database, and bringing its schema up to date.

The database comes from ``--db URL``, else ``ANTQ_DB``, else an embedded SQLite file
``antq.db`` in the working directory.  Every open runs Alembic up to the newest
migration, so upgrading antq never needs a manual step and never drops reviewed data.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlmodel import Session, create_engine

DEFAULT_DB = "sqlite:///antq.db"
MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(RuntimeError):
    """The database cannot be opened or migrated; the message says what to do."""


def resolve_url(db: str | None = None) -> str:
    """``--db`` wins over ``ANTQ_DB``; a bare file path means SQLite."""
    url = db or os.environ.get("ANTQ_DB") or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{url}"
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r} (try sqlite:///antq.db or postgresql://...)") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(db: str | None = None) -> Engine:
    url = resolve_url(db)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def _alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


_MIGRATION_LOCK = 0x616E7471  # "antq": one PostgreSQL advisory lock for schema upgrades


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """Serialise upgrades: crawler processes starting together on an empty PostgreSQL
    database must not both create the schema."""
    if engine.dialect.name != "postgresql":
        yield
        return
    from sqlalchemy import text

    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _MIGRATION_LOCK})
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _MIGRATION_LOCK})


def _in_memory(engine: Engine) -> bool:
    database = engine.url.database or ""
    return database in {"", ":memory:"} or "mode=memory" in str(engine.url)


def _migration_engine(engine: Engine) -> Engine:
    """The engine the migrations run on: on SQLite, one whose transactions include the DDL.

    Python's sqlite3 commits on its own before every CREATE, ALTER or DROP, so a migration
    killed or failing half-way would leave tables without their ``alembic_version`` row, and
    the store could never be opened again ("table article already exists").  On this engine
    the driver leaves transactions alone and each one is a ``BEGIN IMMEDIATE``: the whole
    upgrade is committed or nothing is, and processes opening one new file wait for each
    other.  (An in-memory database lives in its engine's one connection: it keeps its own.)
    """
    if engine.dialect.name != "sqlite" or _in_memory(engine):
        return engine
    from sqlalchemy.pool import NullPool

    migrating = create_engine(engine.url, poolclass=NullPool)

    def connect(dbapi_connection, record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # no implicit BEGIN/COMMIT from the driver
        _sqlite_pragmas(dbapi_connection, record)

    def begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(migrating, "connect", connect)
    event.listen(migrating, "begin", begin)
    return migrating


def upgrade(engine: Engine) -> None:
    """Apply every pending migration (a no-op on an up-to-date database), all or nothing."""
    from alembic import command

    migrating = _migration_engine(engine)
    try:
        with _migration_lock(migrating):
            command.upgrade(_alembic_config(migrating), "heads")
    except Exception as exc:  # alembic and drivers raise many types; the user needs one message
        raise StoreError(f"cannot open or migrate the database {engine.url!r}: {exc}") from exc
    finally:
        if migrating is not engine:
            migrating.dispose()


def open_store(db: str | None = None) -> Engine:
    """An engine on an up-to-date schema."""
    from sqlalchemy.exc import NoSuchModuleError

    try:
        engine = make_engine(db)
    except (NoSuchModuleError, ImportError, ValueError) as exc:  # an unknown scheme or driver
        raise StoreError(
            f"cannot open the database {db or os.environ.get('ANTQ_DB')!r}: {exc} "
            "(try sqlite:///antq.db or postgresql://user@host/dbname)"
        ) from exc
    upgrade(engine)
    return engine


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session whose work is committed together or not at all."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
