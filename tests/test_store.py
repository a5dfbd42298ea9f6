"""The store on SQLite and on the real PostgreSQL: migrations, revisions, idempotence."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from sqlmodel import Session, func, select

from clean.page import CleanedPage
from extract.records import ArticleInfo, Evidence, Extraction, Figure, Official
from store.articles import Outcome, add_page, decompress
from store.db import StoreError, open_store, resolve_url, transaction
from store.models import Article, ExtractionRun, FigureRow, OfficialRow, ReviewStatus, Revision
from store.records import pending_revisions, save_extraction

PAGE = CleanedPage(
    text="Xã Tân Mỹ tổ chức Ngày hội\n\nSáng 12/8, xã Tân Mỹ tổ chức Ngày hội Toàn dân bảo vệ ANTQ.",
    title="Xã Tân Mỹ tổ chức Ngày hội",
    source="congan.example.gov.vn",
    published=dt.date(2025, 8, 12),
    published_at=dt.datetime(2025, 8, 12, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7))),
    raw=b"<html><body>...</body></html>",
)
URL = "https://congan.example.gov.vn/tin-tuc/ngay-hoi.html"


def _count(session: Session, model) -> int:  # type: ignore[no-untyped-def]
    return session.exec(select(func.count()).select_from(model)).one()


def test_add_page_is_idempotent_and_keeps_revisions(db_url: str) -> None:
    engine = open_store(db_url)
    with transaction(engine) as s:
        first = add_page(s, PAGE, URL)
    with transaction(engine) as s:
        again = add_page(s, PAGE, URL)
        moved = add_page(s, PAGE, URL + "?utm_source=x")
    assert first.outcome is Outcome.new
    assert again.outcome is Outcome.unchanged and again.revision_id == first.revision_id
    assert moved.outcome is Outcome.duplicate and moved.article_id == first.article_id

    changed = CleanedPage(**{**PAGE.__dict__, "text": PAGE.text + " Có 30 tổ bảo vệ ANTT."})
    with transaction(engine) as s:
        second = add_page(s, changed, URL)
    assert second.outcome is Outcome.revision and second.article_id == first.article_id
    with Session(engine) as s:
        assert _count(s, Article) == 1 and _count(s, Revision) == 2
        article = s.get(Article, first.article_id)
        assert article is not None and article.current_revision_id == second.revision_id
        rev = s.get(Revision, first.revision_id)
        assert rev is not None
        assert decompress(rev.raw_html) == PAGE.raw
        assert rev.published == dt.date(2025, 8, 12)
        assert rev.published_at == dt.datetime(2025, 8, 12, 2, 30, tzinfo=dt.UTC)  # read back in UTC


def _extraction(rulesets: dict[str, str]) -> Extraction:
    ev = Evidence(text="Sáng 12/8, xã Tân Mỹ tổ chức Ngày hội.", start=28, end=66)
    return Extraction(
        article=ArticleInfo(id="1"),
        officials=[
            Official(
                evidence=ev, rule="r", ruleset=rulesets["officials"], name="Lò Văn Pấng", positions=["Bí thư"]
            )
        ],
        figures=[
            Figure(
                evidence=ev,
                rule="r",
                ruleset=rulesets["figures"],
                value=30,
                kind="count",
                unit="tổ",
                head="tổ",
            )
        ],
    )


RULESETS = {
    "officials": "officials.v1",
    "figures": "figures.v1",
    "awards": "awards.v1",
    "events": "events.v1",
}


def test_save_extraction_once_per_ruleset_version(db_url: str) -> None:
    engine = open_store(db_url)
    with transaction(engine) as s:
        add_page(s, PAGE, URL)
    with Session(engine) as s:
        todo = list(pending_revisions(s, list(RULESETS.values())))
    assert len(todo) == 1
    with transaction(engine) as s:
        rev = s.get(Revision, todo[0].id)
        assert save_extraction(s, rev, _extraction(RULESETS), RULESETS) == 2
    with transaction(engine) as s:
        rev = s.get(Revision, todo[0].id)
        assert save_extraction(s, rev, _extraction(RULESETS), RULESETS) == 0  # already done
        assert list(pending_revisions(s, list(RULESETS.values()))) == []
        # a reviewer accepts the official; a new officials rule set must not touch it
        row = s.exec(select(OfficialRow)).one()
        row.status = ReviewStatus.accepted
        s.add(row)
    newer = dict(RULESETS, officials="officials.v2")
    with transaction(engine) as s:
        assert [r.id for r in pending_revisions(s, list(newer.values()))] == [todo[0].id]
        rev = s.get(Revision, todo[0].id)
        assert save_extraction(s, rev, _extraction(newer), newer) == 1
    with Session(engine) as s:
        rows = s.exec(select(OfficialRow).order_by(OfficialRow.id)).all()
        assert [(r.ruleset, r.status) for r in rows] == [
            ("officials.v1", ReviewStatus.accepted),
            ("officials.v2", ReviewStatus.pending),
        ]
        assert rows[0].evidence == Evidence(text="Sáng 12/8, xã Tân Mỹ tổ chức Ngày hội.", start=28, end=66)
        assert rows[0].positions == ["Bí thư"]
        assert _count(s, FigureRow) == 1 and _count(s, ExtractionRun) == 5


def test_failed_transaction_leaves_nothing(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    with pytest.raises(RuntimeError), transaction(engine) as s:
        add_page(s, PAGE, URL)
        raise RuntimeError("power cut")
    with Session(engine) as s:
        assert _count(s, Article) == 0 and _count(s, Revision) == 0


def test_reopening_keeps_data_and_schema(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    with transaction(engine) as s:
        add_page(s, PAGE, URL)
    engine.dispose()
    with Session(open_store(sqlite_url)) as s:
        assert _count(s, Article) == 1


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, "sqlite:///antq.db"),
        ("data/x.db", "sqlite:///data/x.db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ],
)
def test_resolve_url(given: str | None, expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANTQ_DB", raising=False)
    assert resolve_url(given) == expected


def test_env_var_chooses_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTQ_DB", "sqlite:///elsewhere.db")
    assert resolve_url(None) == "sqlite:///elsewhere.db"
    assert resolve_url("sqlite:///flag.db") == "sqlite:///flag.db"


def test_unreachable_database_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot open or migrate"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_concurrent_first_opens_of_postgres_create_the_schema_once(postgres_url: str) -> None:
    """Crawler processes starting together on an empty database must not race the migration."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=4) as pool:
        engines = list(pool.map(lambda _: open_store(postgres_url), range(4)))
    with Session(engines[0]) as s:
        assert _count(s, Article) == 0
    for engine in engines:
        engine.dispose()


# -- schema changes go through migrations, and upgrading keeps reviewed data ----------------------
def test_migrations_build_exactly_the_models(db_url: str) -> None:
    """Nothing in the models that no migration creates (a model change needs a migration)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy.exc import SAWarning
    from sqlmodel import SQLModel

    import store.crawl_state
    import store.review
    import store.users  # noqa: F401  (every table of the store)

    engine = open_store(db_url)
    with engine.connect() as conn, warnings.catch_warnings():
        # SQLite's reflection skips the expression indexes below with a warning.
        warnings.simplefilter("ignore", SAWarning)
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata
        )
    engine.dispose()
    # The province indexes on event.admin_old/admin_new are expressions only a migration declares.
    diff = [d for d in diff if not (d[0] == "remove_index" and d[1].name.startswith("ix_event_admin_"))]
    assert diff == []


def test_upgrading_an_old_store_keeps_reviewed_records(db_url: str) -> None:
    """A store at the first migration, with an accepted record and its audit entry, upgraded to now."""
    import sqlalchemy as sa
    from alembic import command

    from store.db import _alembic_config, make_engine, upgrade

    engine = make_engine(db_url)
    command.upgrade(_alembic_config(engine), "0001")
    now = dt.datetime(2025, 8, 12, 3, 0, tzinfo=dt.UTC)
    evidence = {"text": "Đại tá Hà Văn Tú", "start": 10, "end": 26}
    with engine.begin() as conn:
        tables = sa.MetaData()
        tables.reflect(conn, only=["article", "revision", "official", "audit_entry"])
        conn.execute(tables.tables["article"].insert(), {"id": 1, "url": URL, "created_at": now})
        conn.execute(
            tables.tables["revision"].insert(),
            {"id": 1, "article_id": 1, "number": 1, "content_hash": PAGE.content_hash, "title": PAGE.title,
             "fetched_at": now, "language": "vi", "text": PAGE.text},
        )  # fmt: skip
        conn.execute(tables.tables["article"].update().values(current_revision_id=1))
        conn.execute(
            tables.tables["official"].insert(),
            {"id": 1, "article_id": 1, "revision_id": 1, "evidence": evidence, "rule": "r",
             "ruleset": "officials.v1", "confidence": 0.9, "name": "Hà Văn Tú", "rank": "Đại tá",
             "positions": ["Phó Giám đốc"], "status": "accepted", "version": 2,
             "created_at": now, "updated_at": now},
        )  # fmt: skip
        conn.execute(
            tables.tables["audit_entry"].insert(),
            {"record_kind": "officials", "record_id": 1, "action": "accept", "actor": "lan", "at": now,
             "before": {"status": "pending"}, "after": {"status": "accepted"}},
        )  # fmt: skip
    upgrade(engine)  # every migration since, as opening the store does
    from store.models import AuditEntry

    with Session(engine) as s:
        row = s.exec(select(OfficialRow)).one()
        assert (row.name, row.status, row.version, row.positions) == (
            "Hà Văn Tú", ReviewStatus.accepted, 2, ["Phó Giám đốc"],
        )  # fmt: skip
        assert row.evidence == Evidence(**evidence)
        audit = s.exec(select(AuditEntry)).one()
        assert (audit.actor, audit.before, audit.after) == (
            "lan",
            {"status": "pending"},
            {"status": "accepted"},
        )
        assert s.get(Article, 1).current_revision_id == 1 and s.get(Revision, 1).text == PAGE.text
    # and the upgraded store goes on working: the same page again is a no-op
    with transaction(engine) as s:
        assert add_page(s, PAGE, URL).outcome is Outcome.unchanged
    engine.dispose()


_KILLED_MID_MIGRATION = """
import os, signal, sys
import alembic.runtime.migration as migration
from store.db import open_store
run = migration.MigrationContext.run_migrations
def run_then_die(self, **kw):
    run(self, **kw)  # every table created, nothing committed yet
    os.kill(os.getpid(), signal.SIGKILL)
migration.MigrationContext.run_migrations = run_then_die
open_store(sys.argv[1])
"""


def test_a_first_open_killed_mid_migration_leaves_a_store_that_opens(db_url: str) -> None:
    """SIGKILL while the schema is being created: the next open creates it (nothing half-made)."""
    import signal
    import subprocess
    import sys

    import sqlalchemy as sa

    from store.db import make_engine

    child = subprocess.run(
        [sys.executable, "-c", _KILLED_MID_MIGRATION, db_url], capture_output=True, timeout=60
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    probe = make_engine(db_url)
    assert sa.inspect(probe).get_table_names() == []  # the killed migration left nothing behind
    probe.dispose()
    engine = open_store(db_url)
    with transaction(engine) as s:
        assert add_page(s, PAGE, URL).outcome is Outcome.new
    engine.dispose()


def test_a_failing_upgrade_keeps_the_old_schema_and_its_data(db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import alembic.runtime.migration as migration
    import sqlalchemy as sa
    from alembic import command

    from store.db import _alembic_config, make_engine, upgrade

    engine = make_engine(db_url)
    command.upgrade(_alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.execute(sa.text("insert into article (id, url, created_at) values (1, :url, :at)"),
                     {"url": URL, "at": dt.datetime(2025, 8, 12, tzinfo=dt.UTC)})  # fmt: skip
    before = sorted(sa.inspect(engine).get_table_names())
    run = migration.MigrationContext.run_migrations

    def run_then_fail(self, **kw):  # type: ignore[no-untyped-def]
        run(self, **kw)
        raise RuntimeError("disk full")

    monkeypatch.setattr(migration.MigrationContext, "run_migrations", run_then_fail)
    with pytest.raises(StoreError, match="disk full"):
        upgrade(engine)
    engine.dispose()
    assert sorted(sa.inspect(engine).get_table_names()) == before
    with engine.connect() as conn:
        assert conn.execute(sa.text("select version_num from alembic_version")).scalars().all() == ["0001"]
        assert conn.execute(sa.text("select url from article")).scalars().all() == [URL]
    monkeypatch.setattr(migration.MigrationContext, "run_migrations", run)
    upgrade(engine)  # and the upgrade goes through once the cause is gone
    with Session(engine) as s:
        assert s.get(Article, 1).url == URL
    engine.dispose()
