"""Date formats of Vietnamese news pages, as tables of (text, expected)."""

from __future__ import annotations

import datetime as dt

import pytest

from clean.dates import LOCAL_TZ, guess_title_line, parse_date, parse_dateline, pick_dateline


def local(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LOCAL_TZ)


# (text, expected date, expected local time or None)
DATED = [
    ("Thứ bảy, 7/3/2026, 00:05 (GMT+7)", dt.date(2026, 3, 7), local(2026, 3, 7, 0, 5)),
    ("07/03/2026 - 08:07", dt.date(2026, 3, 7), local(2026, 3, 7, 8, 7)),
    ("07-03-2026 - 00:01 AM", dt.date(2026, 3, 7), local(2026, 3, 7, 0, 1)),
    ("07-03-2026 - 02:15 PM", dt.date(2026, 3, 7), local(2026, 3, 7, 14, 15)),
    ("12/12/2025 12:30 AM", dt.date(2025, 12, 12), local(2025, 12, 12, 0, 30)),
    ("30/03/2025 11:55 GMT +7", dt.date(2025, 3, 30), local(2025, 3, 30, 11, 55)),
    ("2026-03-07T08:52:11.000 +07:00", dt.date(2026, 3, 7), local(2026, 3, 7, 8, 52, 11)),
    ("2026-03-07T08:52:11+07:00", dt.date(2026, 3, 7), local(2026, 3, 7, 8, 52, 11)),
    ("2026-03-07T00:01:00", dt.date(2026, 3, 7), local(2026, 3, 7, 0, 1)),  # naive: local time
    ("2026-03-06T20:30:00Z", dt.date(2026, 3, 7), local(2026, 3, 7, 3, 30)),  # UTC evening: next local day
    ("2026-03-07 08:07", dt.date(2026, 3, 7), local(2026, 3, 7, 8, 7)),
    ("2026-03-07", dt.date(2026, 3, 7), None),
    ("Thứ Tư, ngày 14/05/2025 11:21 (GMT+7)", dt.date(2025, 5, 14), local(2025, 5, 14, 11, 21)),
    ("Thứ Sáu, 07/03/2026 | 14:05", dt.date(2026, 3, 7), local(2026, 3, 7, 14, 5)),
    ("Chủ nhật, 08/03/2026 - 19:40", dt.date(2026, 3, 8), local(2026, 3, 8, 19, 40)),
    ("T2, 09/03/2026 07:00", dt.date(2026, 3, 9), local(2026, 3, 9, 7, 0)),
    ("08:07 07/03/2026", dt.date(2026, 3, 7), local(2026, 3, 7, 8, 7)),
    ("11:21 PM, Thứ Tư, 14/05/2025", dt.date(2025, 5, 14), local(2025, 5, 14, 23, 21)),
    ("Cập nhật: 12h30 ngày 05.06.2024", dt.date(2024, 6, 5), local(2024, 6, 5, 12, 30)),
    ("Thứ Hai, ngày 9 tháng 3 năm 2026", dt.date(2026, 3, 9), None),
    ("Ngày 9 tháng 3, năm 2026 lúc 15:20", dt.date(2026, 3, 9), local(2026, 3, 9, 15, 20)),
    ("Đăng lúc: 09/03/2026 15:20:45", dt.date(2026, 3, 9), local(2026, 3, 9, 15, 20, 45)),
    ("21/11/2025", dt.date(2025, 11, 21), None),
]

# Not a publication date: no year, impossible, or a placeholder.
UNDATED = [
    "Chiều 29/1",
    "Sáng 2/2, tại hội trường",
    "31/02/2026 10:00",
    "0001-01-01T00:00:00",
    "Quyết định số 4521/QĐ-BCA-V05",
    "giai đoạn 2023 - 2025",
    "",
]


@pytest.mark.parametrize(("text", "day", "at"), DATED)
def test_parse_date(text: str, day: dt.date, at: dt.datetime | None) -> None:
    found = parse_date(text)
    assert found is not None, text
    assert found.date == day
    assert found.at == at
    if found.at is not None:
        assert found.at.utcoffset() == dt.timedelta(hours=7)


@pytest.mark.parametrize("text", UNDATED)
def test_no_date(text: str) -> None:
    assert parse_date(text) is None


# (line, is a dateline): a dateline is short; a body sentence that holds a date is not one.
DATELINES = [
    ("30/03/2025 11:55 GMT +7", True),
    ("PV Tây Bắc | 30/03/2025 11:55", True),
    ("Cập nhật lúc: 08:07, 07/03/2026", True),
    ("07-03-2026 - 00:01 AM | Thị trường chứng khoán", True),
    (
        "Ngày 30/3/2025, Ban Chỉ đạo xã Tân Phú tổ chức hội nghị tuyên truyền, triển khai xây dựng "
        "mô hình điểm về phong trào tại nhà văn hóa thôn",
        False,
    ),
    ("Chiều 29/1, Công an xã tổ chức hội nghị", False),
]


@pytest.mark.parametrize(("line", "expected"), DATELINES)
def test_parse_dateline(line: str, expected: bool) -> None:
    assert (parse_dateline(line) is not None) is expected


BODY = (
    "Ban Chỉ đạo phòng chống tội phạm xã Hòa Bình vừa tổ chức hội nghị triển khai xây dựng mô hình "
    "điểm về phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2026 với sự tham gia của các ban, ngành."
)
TITLE = "Xã Hòa Bình ra mắt mô hình tổ tự quản về an ninh trật tự"

# (lines of the top of a text page, expected publication date or None)
TEXT_TOPS = [
    # "today" header, site name, title, byline, dateline: the dateline after the title counts
    (["Thứ Tư, ngày 14/05/2025 11:21 (GMT+7)", "", "Báo Mẫu", "", TITLE, "", "PV Miền Núi", "",
      "30/03/2025 11:55 GMT +7", "", BODY], dt.date(2025, 3, 30)),
    # only the "today" header, separated from the title by the site name: no date
    (["Thứ Tư, ngày 14/05/2025 11:21 (GMT+7)", "Báo Mẫu", TITLE, BODY], None),
    # a dateline directly above the headline (VnExpress layout)
    (["Thứ bảy, 7/3/2026, 00:05 (GMT+7)", TITLE, BODY], dt.date(2026, 3, 7)),
    # a dateline directly above the body
    (["07/03/2026 - 08:07", "", BODY], dt.date(2026, 3, 7)),
    # body straight away: a date in the body is not the publication date
    ([BODY + " Ngày 12/03/2026, hội nghị tổng kết được tổ chức.", "Chiều 29/1 hội nghị diễn ra."], None),
    # a date after the body starts is not a dateline
    ([TITLE, BODY, "12/03/2026"], None),
]  # fmt: skip


@pytest.mark.parametrize(("lines", "expected"), TEXT_TOPS)
def test_pick_dateline_in_text(lines: list[str], expected: dt.date | None) -> None:
    found = pick_dateline(lines, guess_title_line(lines), None)
    assert (found.date if found else None) == expected


def test_pick_dateline_prefers_the_line_after_the_title() -> None:
    lines = ["01/01/2026", "Trang chủ", TITLE, "Thanh Hà", "05/03/2026 09:10", BODY]
    found = pick_dateline(lines, 2, 5)
    assert found is not None and found.at == local(2026, 3, 5, 9, 10)
