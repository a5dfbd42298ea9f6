"""Export: deterministic, streaming, valid against the generated JSON Schema, all formats."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from sqlmodel import Session, select

from export.models import json_schema
from export.writer import StatusFilter, write
from extract.records import ArticleInfo, Award, Event, Evidence, Extraction, Figure, Official
from store.articles import add_page
from store.db import open_store, transaction
from store.models import FigureRow, ReviewStatus, Revision
from store.records import save_extraction
from tests.test_store import PAGE, RULESETS, URL

EV = Evidence(text="Sáng 12/8, xã Tân Mỹ tổ chức Ngày hội Toàn dân bảo vệ ANTQ.", start=28, end=87)


def _records() -> Extraction:
    return Extraction(
        article=ArticleInfo(id="x"),
        officials=[
            Official(evidence=EV, rule="rank_name", ruleset="officials.v1", name="Hà Văn Tú", rank="Đại tá",
                     positions=["Phó Giám đốc Công an tỉnh"], confidence=0.9),
        ],
        figures=[
            Figure(evidence=EV, rule="ratio", ruleset="figures.v1", value=30, total=30, kind="ratio",
                   unit="khu dân cư", head="khu dân cư"),
            Figure(evidence=EV, rule="money", ruleset="figures.v1", value=1.5e9, kind="money",
                   qualifier="over", unit="đồng", head="đồng"),
        ],
        awards=[Award(evidence=EV, rule="issuer_of", ruleset="awards.v1", type="Giấy khen",
                      issuer="Giám đốc Công an tỉnh", recipients=["xã Tân Mỹ"], recipient_count=1,
                      recipient_kind="collective")],
        events=[Event(evidence=EV, rule="ngay_hoi", ruleset="events.v1", type="ngay_hoi",
                      date="2025-08-12", location="xã Tân Mỹ", period="2025")],
    )  # fmt: skip


@pytest.fixture
def filled(db_url: str):  # type: ignore[no-untyped-def]
    engine = open_store(db_url)
    for n in range(3):
        with transaction(engine) as s:
            page = PAGE.__class__(**{**PAGE.__dict__, "text": PAGE.text + f" Bài {n}."})
            result = add_page(s, page, f"{URL}?n={n}")
            save_extraction(s, s.get(Revision, result.revision_id), _records(), RULESETS)
    with transaction(engine) as s:
        row = s.exec(select(FigureRow).order_by(FigureRow.id)).first()
        row.status = ReviewStatus.accepted
        s.add(row)
    return engine


def _export(engine, fmt: str, status: StatusFilter = StatusFilter.all) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    with Session(engine) as s:
        write(s, out, fmt, status)
    return out.getvalue()


def test_json_export_validates_against_schema_and_round_trips(filled) -> None:  # type: ignore[no-untyped-def]
    text = _export(filled, "json")
    data = json.loads(text)
    assert len(data) == 3
    schema = json_schema()
    for article in data:
        jsonschema.validate(article, schema)
    first = data[0]
    assert first["article"]["url"] == f"{URL}?n=0" and first["article"]["published"] == "2025-08-12"
    assert first["officials"][0]["name"] == "Hà Văn Tú" and first["officials"][0]["status"] == "pending"
    assert first["figures"][0] == {
        **first["figures"][0], "value": 30, "total": 30, "kind": "ratio", "status": "accepted",
    }  # fmt: skip
    assert first["figures"][1]["value"] == 1500000000
    assert first["events"][0]["date"] == "2025-08-12"
    assert first["awards"][0]["evidence"] == EV.model_dump()
    assert _export(filled, "json") == text  # deterministic


def test_jsonl_and_accepted_filter(filled) -> None:  # type: ignore[no-untyped-def]
    lines = _export(filled, "jsonl", StatusFilter.accepted).splitlines()
    assert len(lines) == 3
    objs = [json.loads(line) for line in lines]
    assert [len(o["figures"]) for o in objs] == [1, 0, 0]
    assert all(o["officials"] == [] for o in objs)


def test_csv_has_a_row_per_record(filled) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(_export(filled, "csv"))))
    assert len(rows) == 3 * 5
    official = next(r for r in rows if r["kind"] == "officials")
    assert official["positions"] == "Phó Giám đốc Công an tỉnh" and official["rank"] == "Đại tá"
    ratio = next(r for r in rows if r["kind"] == "figures")
    assert (ratio["value"], ratio["total"], ratio["figure_kind"]) == ("30", "30", "ratio")


def test_empty_store_exports_valid_json(sqlite_url: str) -> None:
    assert json.loads(_export(open_store(sqlite_url), "json")) == []


def test_export_streams_in_batches(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles are read a batch at a time, never all at once."""
    import export.writer as writer

    engine = open_store(sqlite_url)
    for n in range(7):
        with transaction(engine) as s:
            add_page(s, PAGE.__class__(**{**PAGE.__dict__, "text": f"Bài số {n}"}), f"{URL}#{n}")
    seen: list[int] = []
    original = writer.iter_articles

    def spy(session, status=StatusFilter.all, batch=200):  # type: ignore[no-untyped-def]
        for article in original(session, status, batch=3):
            seen.append(len(session.identity_map))
            yield article

    monkeypatch.setattr(writer, "iter_articles", spy)
    assert len(json.loads(_export(engine, "json"))) == 7
    assert max(seen) <= 2 * 3  # article + revision rows of one batch at most


def _csv_value(value: object) -> str:
    """How the CSV writes one JSON value."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def test_every_format_round_trips_the_store(filled) -> None:  # type: ignore[no-untyped-def]
    """JSON, JSONL and CSV hold the same records as the store: ids, statuses, evidence, values."""
    from export.models import ExportedArticle
    from export.writer import CSV_COLUMNS
    from store.models import ROW_CLASSES

    as_json = json.loads(_export(filled, "json"))
    as_jsonl = [json.loads(line) for line in _export(filled, "jsonl").splitlines()]
    assert as_jsonl == as_json
    schema = json_schema()
    for obj in as_jsonl:
        jsonschema.validate(obj, schema)
        assert ExportedArticle.model_validate(obj).model_dump(mode="json") == obj  # read back unchanged

    records = {
        (a["article"]["id"], kind, r["id"]): r for a in as_json for kind in ROW_CLASSES for r in a[kind]
    }
    with Session(filled) as s:
        stored = {
            (str(row.article_id), kind, row.id): row.status.value
            for kind, row_class in ROW_CLASSES.items()
            for row in s.exec(select(row_class))
        }
    assert {key: r["status"] for key, r in records.items()} == stored

    rows = {
        (r["article_id"], r["kind"], int(r["record_id"])): r
        for r in csv.DictReader(io.StringIO(_export(filled, "csv")))
    }
    assert rows.keys() == records.keys()
    renamed = {("figures", "kind"): "figure_kind", ("awards", "name"): "award_name"}
    for (article_id, kind, _), record in records.items():
        row = rows[(article_id, kind, record["id"])]
        evidence = record["evidence"]
        assert (row["evidence"], int(row["evidence_start"]), int(row["evidence_end"])) == (
            evidence["text"], evidence["start"], evidence["end"],
        )  # fmt: skip
        for field, value in record.items():
            column = renamed.get((kind, field), field)
            if column in CSV_COLUMNS and column not in {"evidence", "id"}:
                assert row[column] == _csv_value(value), (kind, field)
        article = next(a["article"] for a in as_json if a["article"]["id"] == article_id)
        assert (row["url"], row["title"], row["published"]) == (
            article["url"],
            article["title"],
            article["published"],
        )
