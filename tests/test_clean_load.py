"""Loading files: the text format, HTML dispatch, and every way a file can be bad."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
import time
from pathlib import Path

import pytest

from clean.dates import LOCAL_TZ
from clean.encoding import encode_windows_1258
from clean.load import iter_pages, iter_paths, load_file
from clean.page import CleanedPage, CleaningError

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

TITLE = "Phường Hòa Lạc sơ kết 6 tháng phong trào bảo vệ an ninh Tổ quốc"
BODY = (
    "Sáng 5/7, Ban Chỉ đạo phường Hòa Lạc tổ chức hội nghị sơ kết 6 tháng đầu năm phong trào "
    "Toàn dân bảo vệ an ninh Tổ quốc.\n\nHội nghị đã khen thưởng 4 tập thể và 6 cá nhân."
)
HTML = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title>
<meta property="article:published_time" content="2025-07-05T10:20:00+07:00"></head>
<body><h1>{TITLE}</h1><div class="detail-content"><p>{BODY.split(chr(10))[0]}</p>
<p>Hội nghị đã khen thưởng 4 tập thể và 6 cá nhân có thành tích xuất sắc trong phong trào.</p></div>
</body></html>"""


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_text_with_date_line(tmp_path: Path) -> None:
    cleaned = load_file(write(tmp_path / "a.txt", f" date 2025-07-05 {TITLE}\n\n{BODY}\n"))
    assert cleaned.title == TITLE
    assert cleaned.published == dt.date(2025, 7, 5) and cleaned.published_at is None
    assert cleaned.text == f"{TITLE}\n\n{BODY}"


def test_text_with_month_only_date_line(tmp_path: Path) -> None:
    """ " date 2025-07 Title": the title is read; the day only from a dateline of that month."""
    cleaned = load_file(write(tmp_path / "a.txt", f" date 2025-07 {TITLE}\n\n{BODY}\n"))
    assert cleaned.title == TITLE and cleaned.text == f"{TITLE}\n\n{BODY}"
    assert cleaned.published is None
    dated = f" date 2025-07 {TITLE}\n\n05/07/2025 10:20 GMT +7\n\n{BODY}\n"
    assert load_file(write(tmp_path / "b.txt", dated)).published == dt.date(2025, 7, 5)
    other_month = f" date 2025-08 {TITLE}\n\n05/07/2025 10:20 GMT +7\n\n{BODY}\n"
    assert load_file(write(tmp_path / "c.txt", other_month)).published is None
    with pytest.raises(CleaningError, match="impossible date 2025-13"):
        load_file(write(tmp_path / "d.txt", f" date 2025-13 {TITLE}\n\n{BODY}\n"))


def test_text_without_date_line_has_no_title(tmp_path: Path) -> None:
    cleaned = load_file(write(tmp_path / "a.txt", BODY))
    assert cleaned.title is None and cleaned.published is None
    assert cleaned.text == BODY


def test_text_dateline_after_title(tmp_path: Path) -> None:
    text = (
        f"Thứ Hai, ngày 07/07/2025 08:00 (GMT+7)\n\nBáo Mẫu\n\n{TITLE}\n\nPV\n\n"
        f"05/07/2025 10:20 GMT +7\n\n{BODY}"
    )
    cleaned = load_file(write(tmp_path / "a.txt", text))
    assert cleaned.published == dt.date(2025, 7, 5)
    assert cleaned.published_at == dt.datetime(2025, 7, 5, 10, 20, tzinfo=LOCAL_TZ)


def test_text_in_windows_1258_with_crlf(tmp_path: Path) -> None:
    cleaned = load_file(
        write(tmp_path / "a.txt", encode_windows_1258(f" date 2025-07-05 {TITLE}\r\n\r\n{BODY}"))
    )
    assert cleaned.text == f"{TITLE}\n\n{BODY}"


def test_html_file_and_gzip(tmp_path: Path) -> None:
    plain = load_file(write(tmp_path / "a.html", HTML))
    packed = load_file(write(tmp_path / "b.html.gz", gzip.compress(HTML.encode("utf-8"))))
    assert plain.text == packed.text
    assert plain.title == TITLE
    assert plain.published_at == dt.datetime(2025, 7, 5, 10, 20, tzinfo=LOCAL_TZ)


def test_txt_holding_html_is_read_as_html(tmp_path: Path) -> None:
    cleaned = load_file(write(tmp_path / "saved.txt", "<!DOCTYPE html>" + HTML))
    assert cleaned.title == TITLE and "<p>" not in cleaned.text


@pytest.mark.parametrize("name", ["empty.txt", "empty.html"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    with pytest.raises(CleaningError, match="empty") as err:
        load_file(write(tmp_path / name, b""))
    assert err.value.source.endswith(name)


def test_whitespace_only_file(tmp_path: Path) -> None:
    with pytest.raises(CleaningError, match="empty"):
        load_file(write(tmp_path / "blank.txt", "  \n\n\t \n"))


@pytest.mark.parametrize("name", ["photo.html", "photo.txt"])
def test_binary_junk(tmp_path: Path, name: str) -> None:
    rng = random.Random(7)
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(5000))
    with pytest.raises(CleaningError, match="binary"):
        load_file(write(tmp_path / name, data))


def test_undecodable_bytes(tmp_path: Path) -> None:
    rng = random.Random(3)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    with pytest.raises(CleaningError, match="cannot decode"):
        load_file(write(tmp_path / "garbled.txt", data))


def test_html_without_article(tmp_path: Path) -> None:
    html = "<html><body><nav><a href='/'>Trang chủ</a> <a href='/tin'>Tin tức</a></nav></body></html>"
    with pytest.raises(CleaningError, match="no article text"):
        load_file(write(tmp_path / "nav.html", html))


def test_30_mb_page_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    block = f"<p>{BODY}</p>\n".encode()
    with path.open("wb") as fh:
        fh.write(b"<html><body><div class='detail-content'>")
        for _ in range(30 * 2**20 // len(block) + 1):
            fh.write(block)
        fh.write(b"</div></body></html>")
    assert path.stat().st_size > 30 * 2**20
    start = time.perf_counter()
    with pytest.raises(CleaningError, match="over the 20 MB limit"):
        load_file(path)
    assert time.perf_counter() - start < 1.0


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = write(tmp_path / "a.html", HTML)
    with pytest.raises(CleaningError, match="limit"):
        load_file(path, max_bytes=100)


def test_gzip_bomb_is_capped(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.html.gz", gzip.compress(b"<p>" + b"a" * (3 * 2**20)))
    with pytest.raises(CleaningError, match="limit"):
        load_file(path, max_bytes=2**20)


def test_broken_gzip(tmp_path: Path) -> None:
    with pytest.raises(CleaningError, match="gzip"):
        load_file(write(tmp_path / "bad.html.gz", b"\x1f\x8b\x08\x00garbage-not-gzip"))


def test_missing_path_and_folder_and_suffix(tmp_path: Path) -> None:
    with pytest.raises(CleaningError, match="no such file"):
        load_file(tmp_path / "nope.txt")
    with pytest.raises(CleaningError, match="folder"):
        load_file(tmp_path)
    with pytest.raises(CleaningError, match="unsupported file type"):
        load_file(write(tmp_path / "a.pdf", "%PDF-1.4"))


def test_error_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(CleaningError) as err:
        load_file(write(tmp_path / "blank.txt", ""))
    assert "\n" not in str(err.value) and str(err.value).startswith(str(tmp_path))


def test_iter_paths_expands_folders_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ("b/2.html", "b/1.txt", "a.htm", "c.txt", "notes.md", ".git/x.txt", "d.html.gz"):
        write(tmp_path / rel, "x")
    found = list(iter_paths([tmp_path, tmp_path / "missing", tmp_path / "c.txt"]))
    names = [p.relative_to(tmp_path).as_posix() if isinstance(p, Path) else p for p in found]
    assert names[:5] == ["a.htm", "b/1.txt", "b/2.html", "c.txt", "d.html.gz"]
    assert isinstance(names[5], CleaningError) and "no such file" in str(names[5])
    assert names[6] == "c.txt"
    assert len(names) == 7


def test_iter_pages_reports_and_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "1.txt", BODY)
    write(tmp_path / "2.txt", "")
    results = list(iter_pages([tmp_path, tmp_path / "gone.html"]))
    assert isinstance(results[0], CleanedPage)
    assert isinstance(results[1], CleaningError) and isinstance(results[2], CleaningError)


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="shared corpus not present")
def test_seed_dates_match_gold() -> None:
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        gold = json.loads((SHARED / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        cleaned = load_file(path)
        published = cleaned.published.isoformat() if cleaned.published else None
        assert published == gold["published"], path.name
        if cleaned.title:
            assert cleaned.text.startswith(cleaned.title + "\n\n")
