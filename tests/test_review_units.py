"""The review app's pure parts, table by table: subjects, verdicts, numbers, evidence spans,
filters, edit forms, charts, time buckets."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from extract.records import Evidence, Figure
from review import charts, editform, figures, places, present, queue, subjects, timeline
from store.review import InvalidEdit


@pytest.mark.parametrize(
    ("unit", "head", "expected"),
    [
        ("tổ bảo vệ ANTT ở cơ sở", "tổ", "tổ bảo vệ antt"),
        ("tổ bảo vệ an ninh trật tự", "tổ", "tổ bảo vệ antt"),
        ("Tổ bảo vệ an ninh, trật tự tại các thôn", None, "tổ bảo vệ antt"),
        ("mô hình tự quản trên địa bàn", "mô hình", "mô hình tự quản"),
        ("camera an ninh được lắp đặt", None, "camera an ninh"),
        ("đội phòng cháy chữa cháy", None, "đội pccc"),
        (None, "khu dân cư", "khu dân cư"),
        ("", None, None),
        (None, None, None),
    ],
)
def test_subject(unit: str | None, head: str | None, expected: str | None) -> None:
    assert subjects.subject(unit, head) == expected


def _fact(
    article: int, value: float, qualifier: str | None = None, total: float | None = None
) -> figures.Fact:
    return figures.Fact(
        id=article * 10 + int(value) % 7,
        version=1,
        article_id=article,
        value=value,
        total=total,
        kind="count",
        qualifier=qualifier,
        unit="tổ",
        head="tổ",
        status="pending",
        published=None,
        source=None,
        subject="tổ",
    )


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ([_fact(1, 5120), _fact(2, 5120)], "agrees"),
        ([_fact(1, 5000, "over"), _fact(2, 5120)], "differs"),  # "hơn 5.000" allows 5.120
        ([_fact(1, 5000, "over"), _fact(2, 7300)], "conflict"),  # ...but not 7.300
        ([_fact(1, 5000, "under"), _fact(2, 4800)], "differs"),  # "gần 5.000"
        ([_fact(1, 5000, "under"), _fact(2, 5100)], "conflict"),
        ([_fact(1, 1000, "approx"), _fact(2, 1080)], "differs"),
        ([_fact(1, 1000, "approx"), _fact(2, 1150)], "conflict"),
        ([_fact(1, 5120), _fact(1, 900), _fact(2, 5120)], "conflict"),  # 900 (article 1) vs 5.120 (article 2)
        ([_fact(1, 5120), _fact(1, 900)], "agrees"),  # one article, two numbers: not sources disagreeing
        ([_fact(1, 28, total=34), _fact(2, 28, total=30)], "conflict"),  # ratios: totals count too
        ([_fact(1, 30, total=30), _fact(2, 30, total=30)], "agrees"),
    ],
)
def test_verdict(facts: list[figures.Fact], expected: str) -> None:
    assert figures.verdict(facts) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (33100, "33.100"),
        (33100.0, "33.100"),
        (1.5, "1,5"),
        (0.25, "0,25"),
        (1500000000, "1.500.000.000"),
        (None, ""),
    ],
)
def test_number(value: float | None, text: str) -> None:
    assert present.number(value) == text


TEXT = "Tiêu đề\n\nSáng 2/3, xã Tân Hòa tổ chức Ngày hội. Có 30 tổ."


@pytest.mark.parametrize(
    ("evidence", "marked", "found"),
    [
        (Evidence(text="Có 30 tổ.", start=42, end=51), "Có 30 tổ.", True),
        (Evidence(text="Có 30 tổ.", start=3, end=12), "Có 30 tổ.", True),  # offsets of another revision
        (Evidence(text="Không có ở đây.", start=0, end=15), "", False),
        (None, "", False),
    ],
)
def test_highlight(evidence: Evidence | None, marked: str, found: bool) -> None:
    cut = present.highlight(TEXT, evidence)
    assert (cut.marked, cut.found) == (marked, found)
    assert cut.before + cut.marked + cut.after == TEXT


@pytest.mark.parametrize(
    ("fields", "text", "spot"),
    [
        (
            {"value": 32, "total": 32, "kind": "ratio", "unit": "xóm"},
            "Toàn xã có 32/32 xóm đạt chuẩn.",
            "32/32 xóm",
        ),
        (
            {"value": 21.4, "kind": "percent", "unit": "phạm pháp"},
            "Phạm pháp hình sự giảm 21,4% so với",
            "21,4%",
        ),
        (
            {"value": 2300, "unit": "lao động thường xuyên đi biển", "head": "lao động"},
            "Xã có 412 tàu cá với hơn 2.300 lao động thường xuyên đi biển.",
            "2.300 lao động thường xuyên đi biển",
        ),
        ({"value": 3, "unit": "thôn", "head": "thôn"}, "Có 3 xã, 3 thôn đạt chuẩn.", "3 thôn"),
        (
            {"value": 2e8, "kind": "money", "unit": "đồng"},
            "Khoảng 450 triệu đồng, trong đó 200 triệu đồng",
            "200 triệu đồng",
        ),
        (
            {"value": 1.3e6, "kind": "money", "unit": "đồng"},
            "Mức hỗ trợ là 1,3 triệu đồng/tháng.",
            "1,3 triệu đồng",
        ),
        ({"value": 2, "unit": "mô hình tự quản"}, "Năm 2025 có hai mô hình tự quản.", "hai mô hình tự quản"),
        ({"value": 5, "unit": "tập thể"}, "Năm nay, tặng Giấy khen cho 5 tập thể.", "5 tập thể"),
        ({"value": 5, "unit": "tổ"}, "Năm nay có nhiều tổ.", None),  # "năm" here is the year
        ({"value": 12, "unit": "tổ"}, "Có 120 tổ và 1,2 nghìn người.", None),
    ],
)
def test_focus_finds_the_figure_in_its_sentence(fields: dict, text: str, spot: str | None) -> None:  # type: ignore[type-arg]
    record = Figure(
        evidence=Evidence(text=text, start=0, end=len(text)), rule="r", ruleset="figures.v1", **fields
    )
    found = present.focus_span("figures", record, text)
    assert (text[found[0] : found[1]] if found else None) == spot
    cut = present.excerpt("figures", record, text * 4, limit=40)
    assert spot is None or (cut.focus == spot and len(cut.before + cut.focus + cut.after) <= 42)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, queue.QueueFilter()),
        ({"kind": "figures", "status": "all"}, queue.QueueFilter(kind="figures", status=None)),
        (
            {"province": "new:08", "min_conf": "0.5", "date_to": "2025-01-31", "source": " "},
            queue.QueueFilter(province="new:08", min_conf=0.5, date_to=dt.date(2025, 1, 31)),
        ),
    ],
)
def test_queue_filter_round_trip(params: dict[str, str], expected: queue.QueueFilter) -> None:
    parsed = queue.QueueFilter.parse(params)
    assert parsed == expected
    assert queue.QueueFilter.parse(parsed.params()) == parsed


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"kind": "people"}, "unknown kind"),
        ({"status": "done"}, "unknown status"),
        ({"province": "08"}, "unknown province"),
        ({"province": "old:ab"}, "unknown province"),
        ({"max_conf": "1.5"}, "between 0 and 1"),
        ({"min_conf": "cao"}, "not a number"),
        ({"date_from": "2025-02-30"}, "not a date"),
    ],
)
def test_queue_filter_refuses(params: dict[str, str], message: str) -> None:
    with pytest.raises(queue.BadFilter, match=message):
        queue.QueueFilter.parse(params)


def test_queue_key_round_trip() -> None:
    key = queue.Key(0.125, 2, 981)
    assert queue.Key.decode(key.encode()) == key
    assert queue.Key(0.1, 3, 1) < queue.Key(0.2, 0, 1) < queue.Key(0.2, 1, 0)


def test_edit_form_parse() -> None:
    changes = editform.parse(
        "officials", {"name": " Lò Văn Pấng ", "rank": "", "positions": "Bí thư\n\n Chủ tịch \n"}
    )
    assert changes == {"name": "Lò Văn Pấng", "rank": None, "positions": ["Bí thư", "Chủ tịch"]}
    event = editform.parse(
        "events", {"type": "ngay_hoi", "admin_old.province": "Tỉnh Mẫu", "admin_old.province_code": "08"}
    )
    assert event["admin_old"]["province_code"] == "08" and event["admin_old"]["ward"] is None
    assert event["admin_new"] is None  # all parts empty
    with pytest.raises(InvalidEdit) as caught:
        editform.parse("events", {"admin_new.district_code": "mười"})
    assert list(caught.value.errors) == ["admin_new.district_code"]
    widgets = {spec.name: spec.widget for spec in editform.specs("figures")}
    assert widgets == {
        "value": "text",
        "total": "text",
        "kind": "select",
        "qualifier": "select",
        "unit": "text",
        "head": "text",
    }


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (0, [0, 1]),
        (3, [0, 1, 2, 3]),
        (7, [0, 2, 4, 6, 8]),
        (48, [0, 10, 20, 30, 40, 50]),
        (230, [0, 50, 100, 150, 200, 250]),
    ],
)
def test_chart_ticks(top: int, ticks: list[int]) -> None:
    assert charts._ticks(top) == ticks


def test_charts_escape_names_and_draw_every_bucket() -> None:
    built = timeline.Timeline(
        events=[],
        granularity="month",
        buckets=["2025-01", "2025-02", "2025-03"],
        by_type={"2025-01": Counter(ngay_hoi=2), "2025-03": Counter(tong_ket=1)},
        rows=["<b>xã Lạ</b>"],
        cells={("<b>xã Lạ</b>", "2025-01"): 2},
    )
    bars, grid = str(charts.stacked_bars(built)), str(charts.matrix(built))
    assert bars.count("<rect") == 2 + len(charts.TYPE_COLOURS)  # two bars, the legend's swatches
    assert "2025-02" in bars and "<b>" not in grid and "&lt;b&gt;xã Lạ" in grid


def test_one_bucket_draws_a_bar_not_a_wall() -> None:
    built = timeline.Timeline(
        events=[],
        granularity="month",
        buckets=["2025-07"],
        by_type={"2025-07": Counter(so_ket=1)},
        rows=["Xã Bình Khánh"],
        cells={("Xã Bình Khánh", "2025-07"): 1},
    )
    (bar,) = re.findall(
        r'width="([\d.]+)" height="[\d.]+" fill="#f08c00"><title>', str(charts.stacked_bars(built))
    )
    (cell,) = re.findall(r'width="([\d.]+)" height="\d+" fill="#1971c2"', str(charts.matrix(built)))
    assert 20 <= float(bar) <= charts.BAR_MAX and 20 <= float(cell) <= charts.CELL_MAX


@pytest.mark.parametrize(
    ("first", "last", "granularity", "buckets"),
    [
        (dt.date(2024, 11, 5), dt.date(2025, 2, 1), "month", ["2024-11", "2024-12", "2025-01", "2025-02"]),
        (dt.date(2024, 11, 5), dt.date(2025, 2, 1), "quarter", ["2024-Q4", "2025-Q1"]),
        (dt.date(2019, 1, 1), dt.date(2021, 12, 31), "year", ["2019", "2020", "2021"]),
    ],
)
def test_time_buckets(first: dt.date, last: dt.date, granularity: str, buckets: list[str]) -> None:
    assert timeline._all_buckets(first, last, granularity) == buckets


def test_automatic_granularity() -> None:
    assert timeline._auto(dt.date(2025, 1, 1), dt.date(2025, 12, 1)) == "month"
    assert timeline._auto(dt.date(2020, 1, 1), dt.date(2025, 12, 1)) == "quarter"
    assert timeline._auto(dt.date(2010, 1, 1), dt.date(2025, 12, 1)) == "year"


def test_province_lists_keep_old_and_new_codes_apart() -> None:
    old, new = places.provinces("old"), places.provinces("new")
    assert (len(old), len(new)) == (63, 34)
    assert places.parse_key("new:15") == ("new", "15")
    assert places.by_key()["old:15"].short != places.by_key()["new:15"].short  # one code, two provinces
