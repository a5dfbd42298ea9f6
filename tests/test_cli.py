"""The command line end to end on invented pages: ingest, extract, export, schema, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from antq.cli import app

ARTICLE = """ date 2025-08-14 Xã Tân Mỹ tổ chức Ngày hội Toàn dân bảo vệ an ninh Tổ quốc

Sáng 12/8, Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc xã Tân Mỹ tổ chức Ngày hội \
Toàn dân bảo vệ an ninh Tổ quốc năm 2025.

Dự ngày hội có Đại tá Hà Văn Tú, Phó Giám đốc Công an tỉnh.

Toàn xã hiện có 12 tổ bảo vệ an ninh, trật tự ở cơ sở với 36 thành viên; \
9/9 thôn đạt tiêu chuẩn "An toàn về ANTT".

Dịp này, Đại tá Hà Văn Tú trao Giấy khen của Giám đốc Công an tỉnh cho 2 cá nhân có thành tích xuất sắc.
"""

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("Tân Mỹ", "Yên Phú"), encoding="utf-8")
    return folder


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_help_imports_no_heavy_library() -> None:
    """``antq --help`` must answer at once: the stages' libraries load inside the commands."""
    probe = (
        "import sys; from antq.cli import app; "
        "from typer.main import get_command; get_command(app); "
        "heavy = {'underthesea', 'spacy', 'trafilatura', 'scrapy', 'sqlalchemy', 'sqlmodel', 'fastapi'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    shown = subprocess.run(
        [sys.executable, "-m", "antq", "--help"], capture_output=True, text=True, check=True
    )
    assert "ingest" in shown.stdout and "export" in shown.stdout


def test_ingest_extract_export_round_trip(corpus: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    code, _, err = _run("ingest", str(corpus), "--db", db)
    assert code == 0 and "2 new" in err
    code, _, err = _run("ingest", str(corpus), "--db", db)
    assert code == 0 and "2 unchanged" in err  # idempotent
    code, _, err = _run("extract", "--db", db)
    assert code == 0 and "2 articles" in err
    code, _, err = _run("extract", "--db", db)
    assert code == 0 and "nothing to do" in err  # nothing new for this rule-set version
    out = tmp_path / "export.json"
    code, _, err = _run("export", "--db", db, "-o", str(out))
    assert code == 0 and "2 articles" in err
    data = json.loads(out.read_text(encoding="utf-8"))
    code, streamed, _ = _run("export", "--db", db, "-o", "-")  # '-' is stdout, as in most tools
    assert code == 0 and json.loads(streamed) == data and not Path("-").exists()
    code, schema_text, _ = _run("schema")
    schema = json.loads(schema_text)
    for article in data:
        jsonschema.validate(article, schema)
    assert [a["article"]["published"] for a in data] == ["2025-08-14", "2025-08-14"]
    assert data[0]["article"]["title"].startswith("Xã Tân Mỹ")


def test_extract_files_prints_one_object_per_input_in_order(corpus: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    code, out, err = _run("extract", str(corpus / "b.txt"), str(missing), str(corpus / "a.txt"))
    assert code == 1  # one input failed; the others are extracted all the same
    assert f"error: {missing}: no such file" in err and "extract: 1 errors, 2 files" in err
    objs = [json.loads(line) for line in out.splitlines()]
    assert objs[0]["article"]["id"] == "b" and objs[2]["article"]["id"] == "a"
    assert "error" in objs[1] and "error" not in objs[0]
    for obj in (objs[0], objs[2]):
        for kind in ("officials", "figures", "awards", "events"):
            for record in obj[kind]:
                ev = record["evidence"]
                assert ev["end"] > ev["start"] >= 0 and ev["text"].strip()


def test_bad_inputs_get_one_line_errors_and_the_batch_goes_on(corpus: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "junk.html").write_bytes(bytes(range(256)) * 64)
    (bad / "nav.html").write_text(
        "<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>", encoding="utf-8"
    )
    db = f"sqlite:///{tmp_path / 'x.db'}"
    code, _, err = _run("ingest", str(bad), str(corpus / "a.txt"), str(tmp_path / "missing.html"), "--db", db)
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 4, err
    for name in ("empty.txt", "junk.html", "nav.html", "missing.html"):
        assert any(name in line for line in lines), (name, err)
    assert "1 new" in err


def test_bad_options_are_reported() -> None:
    code, _, err = _run("export", "--format", "xml", "--db", "sqlite://")
    assert code == 2 and "unknown format" in err


def test_eval_updates_the_baseline_only_upwards_unless_told(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import eval.gate as gate

    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"officials": 0.0, "figures": 2.0}), encoding="utf-8")
    monkeypatch.setattr(gate, "BASELINE_PATH", baseline)
    gold, texts = tmp_path / "gold", tmp_path / "texts"
    gold.mkdir()
    texts.mkdir()
    (texts / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (gold / "a.json").write_text(
        json.dumps({"id": "a", "published": "2025-08-14", "officials": [{"name": "Hà Văn Tú"}]}),
        encoding="utf-8",
    )
    code, _, err = _run("eval", str(gold), str(texts), "--update-baseline")
    assert code == 0 and "baseline:" in err
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["officials"] == 1.0 and data["figures"] == 2.0  # raised, never lowered
    code, _, _ = _run("eval", str(gold), str(texts), "--update-baseline", "--allow-lower")
    assert code == 0 and json.loads(baseline.read_text(encoding="utf-8"))["figures"] < 2.0


def test_one_article_failing_extraction_does_not_stop_the_batch(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A failure is reported for that article, the others are stored, and it is retried next time."""
    import extract.pipeline

    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert _run("ingest", str(corpus), "--db", db)[0] == 0
    real = extract.pipeline.extract_document

    def flaky(document, info, versions=None):  # type: ignore[no-untyped-def]
        if "Yên Phú" in document.text:
            raise RuntimeError("rule bug")
        return real(document, info, versions)

    monkeypatch.setattr(extract.pipeline, "extract_document", flaky)
    code, _, err = _run("extract", "--db", db)
    assert code == 1 and "extraction failed: RuntimeError: rule bug" in err and "1 articles" in err
    monkeypatch.setattr(extract.pipeline, "extract_document", real)
    code, _, err = _run("extract", "--db", db)
    assert code == 0 and "1 articles" in err  # the failed one, and only it


def _html(title: str, charset: str | None) -> str:
    head = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines()[2:] if line)
    return (
        f"<html><head>{head}<title>{title}</title></head>"
        f"<body><h1>{title}</h1><article>{body}</article></body></html>"
    )


def test_every_bad_input_of_the_issue_in_one_batch(corpus: Path, tmp_path: Path) -> None:
    """Empty, binary junk, no article, 30 MB, undecodable, missing: one line each naming the file and
    the reason; pages whose charset is wrong or missing are read right and stored; the batch goes on."""
    from clean.encoding import encode_windows_1258

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a-empty.html").write_bytes(b"")
    (bad / "b-junk.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 40)
    (bad / "c-nav.html").write_text("<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>")
    with (bad / "d-huge.html").open("wb") as fh:  # 30 MB of real bytes, refused before it is read
        fh.write(
            b"<html><body><article>" + b"<p>an ninh</p>" * (30 * 2**20 // 14) + b"</article></body></html>"
        )
    (bad / "e-garbled.txt").write_bytes(bytes(range(0x80, 0x100)) * 12)
    title_wrong, title_none = "Xã Tân Mỹ ra mắt tổ tự quản", "Xã Yên Phú sơ kết phong trào"
    (bad / "f-wrong-charset.html").write_bytes(encode_windows_1258(_html(title_wrong, "utf-8")))
    (bad / "g-no-charset.html").write_bytes(encode_windows_1258(_html(title_none, None)))
    db = f"sqlite:///{tmp_path / 'x.db'}"
    code, _, err = _run(
        "ingest", str(bad), str(tmp_path / "h-missing.txt"), str(corpus / "a.txt"), "--db", db
    )
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    reasons = {
        "a-empty.html": "empty file",
        "b-junk.txt": "binary data",
        "c-nav.html": "no article text",
        "d-huge.html": "over the 20 MB limit",
        "e-garbled.txt": "cannot decode",
        "h-missing.txt": "no such file",
    }
    assert len(errors) == len(reasons), err
    for name, reason in reasons.items():
        (line,) = [line for line in errors if name in line]
        assert reason in line and str(tmp_path) in line, line
    assert "3 new" in err and "6 errors" in err
    from sqlmodel import Session, select

    from store.db import open_store
    from store.models import Revision

    with Session(open_store(db)) as s:
        titles = set(s.exec(select(Revision.title)))
    assert {title_wrong, title_none} <= titles  # decoded right despite the wrong or missing charset


def test_a_failing_store_write_leaves_nothing_of_that_file(corpus: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A file whose store write fails half-way is rolled back whole; the batch goes on."""
    import store.articles

    real = store.articles.add_page

    def half_then_fail(session, page, url, fetched_at=None):  # type: ignore[no-untyped-def]
        result = real(session, page, url, fetched_at)  # article and revision rows written...
        if "Yên Phú" in page.text:
            raise RuntimeError("disk full")  # ...and then the write fails
        return result

    monkeypatch.setattr(store.articles, "add_page", half_then_fail)
    db = f"sqlite:///{tmp_path / 'x.db'}"
    code, _, err = _run("ingest", str(corpus), "--db", db)
    assert code == 1 and "1 new" in err and "1 errors" in err
    assert "b.txt: not stored: RuntimeError: disk full" in err
    from sqlmodel import Session, func, select

    from store.db import open_store
    from store.models import Article, Revision

    with Session(open_store(db)) as s:
        assert s.exec(select(func.count()).select_from(Article)).one() == 1
        assert s.exec(select(func.count()).select_from(Revision)).one() == 1
        assert "Yên Phú" not in s.exec(select(Revision.text)).one()


def test_a_changed_file_becomes_a_revision_not_a_duplicate(corpus: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert "2 new" in _run("ingest", str(corpus), "--db", db)[2]
    page = corpus / "a.txt"
    page.write_text(ARTICLE + "\nToàn xã có thêm 3 mô hình tự quản mới.\n", encoding="utf-8")
    code, _, err = _run("ingest", str(corpus), "--db", db)
    assert code == 0 and "1 revision" in err and "1 unchanged" in err
    from sqlmodel import Session, select

    from store.db import open_store
    from store.models import Article, Revision

    with Session(open_store(db)) as s:
        articles = s.exec(select(Article)).all()
        assert len(articles) == 2
        (changed,) = [a for a in articles if a.url.endswith("/a.txt")]
        numbers = s.exec(select(Revision.number).where(Revision.article_id == changed.id)).all()
        assert sorted(numbers) == [1, 2]
        assert "3 mô hình tự quản mới" in s.get(Revision, changed.current_revision_id).text


def test_unusable_database_and_output_are_one_line_errors(tmp_path: Path) -> None:
    long_name = tmp_path / ("a-very-long-folder-name-" * 4) / "missing-article.html"
    code, _, err = _run("ingest", str(long_name), "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert code == 1 and [line for line in err.splitlines() if line.startswith("error:")] == [
        f"error: {long_name}: no such file or folder"
    ]  # one line however long the path
    code, _, err = _run("export", "--db", "notadb://somewhere")
    assert code == 2 and err.startswith("error: cannot open the database 'notadb://somewhere'")
    assert len(err.strip().splitlines()) == 1
    out = tmp_path / "no-such-folder" / "export.json"
    code, _, err = _run("export", "--db", f"sqlite:///{tmp_path / 'x.db'}", "-o", str(out))
    assert code == 2 and err.strip() == f"error: cannot write {out}: No such file or directory"
    assert not out.parent.exists()
    code, _, err = _run("demo", "--db", f"sqlite:///{tmp_path / 'x.db'}", "-o", str(out))
    assert code == 2 and f"error: cannot write {out}: no such folder {out.parent}" in err
    assert "crawl:" not in err  # refused before the crawl, not after it


# -- exit status of the batches: 0 all done, 1 some inputs failed (the others done), 2 nothing done ----
GOOD = ("good.txt", ARTICLE.encode("utf-8"))
EMPTY = ("empty.txt", b"")
BINARY = ("binary.html", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 40)
WRONG_ENCODING = ("wrong-encoding.txt", bytes(range(0x80, 0x100)) * 12)  # no encoding antq reads
REASONS = {"empty.txt": "empty file", "binary.html": "binary data", "wrong-encoding.txt": "cannot decode"}

BATCHES = [
    pytest.param([GOOD], 0, id="good"),
    pytest.param([EMPTY, GOOD], 1, id="empty+good"),
    pytest.param([BINARY, GOOD], 1, id="binary+good"),
    pytest.param([WRONG_ENCODING, GOOD], 1, id="wrong-encoding+good"),
    pytest.param([EMPTY, BINARY, WRONG_ENCODING, GOOD], 1, id="all-bad+good"),
    pytest.param([EMPTY, BINARY, WRONG_ENCODING], 1, id="all-bad"),
]


def _files(tmp_path: Path, files: list[tuple[str, bytes]]) -> list[str]:
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, data in files:
        (folder / name).write_bytes(data)
    return [str(folder / name) for name, _ in files]


def _check_errors(err: str, files: list[tuple[str, bytes]]) -> None:
    """One 'error:' line per bad file, naming it and the reason; none for the good one."""
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    bad = [name for name, _ in files if name in REASONS]
    assert len(errors) == len(bad), err
    for name in bad:
        (line,) = [line for line in errors if name in line]
        assert REASONS[name] in line, line


@pytest.mark.parametrize(("files", "code"), BATCHES)
def test_ingest_exit_status(tmp_path: Path, files: list[tuple[str, bytes]], code: int) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result, _, err = _run("ingest", *_files(tmp_path, files), "--db", db)
    assert result == code, err
    _check_errors(err, files)
    (summary,) = [line for line in err.splitlines() if line.startswith("ingest:")]
    bad = sum(name in REASONS for name, _ in files)
    assert (f"{bad} errors" in summary) == bool(bad), summary
    assert ("1 new" in summary) == (GOOD in files), summary  # the good file is stored all the same


@pytest.mark.parametrize(("files", "code"), BATCHES)
def test_extract_files_exit_status(tmp_path: Path, files: list[tuple[str, bytes]], code: int) -> None:
    result, out, err = _run("extract", *_files(tmp_path, files))
    assert result == code, err
    _check_errors(err, files)
    objs = [json.loads(line) for line in out.splitlines()]
    assert len(objs) == len(files)  # every input keeps its place in the output, in order
    for (name, _), obj in zip(files, objs, strict=True):
        assert ("error" in obj) == (name in REASONS), obj
    assert ("extract: " in err) and (("1 files" in err) == (GOOD in files)), err


def test_extract_of_stored_articles_exits_0_when_all_went_well(corpus: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert _run("ingest", str(corpus), "--db", db)[0] == 0
    code, _, err = _run("extract", "--db", db)
    assert code == 0 and "2 articles" in err


def test_help_documents_the_exit_status() -> None:
    for command in ([], ["ingest"], ["extract"], ["crawl"]):
        code, out, _ = _run(*command, "--help")
        text = " ".join(out.split())
        assert code == 0, command
        assert "Exit status: 0 all done; 1 the batch ran but some inputs failed" in text, command
