"""Properties every extraction keeps, whatever the text: no crash, and evidence that points home.

Evidence is what an editor reads to accept a record, so its span must be the sentence it
quotes, and that sentence must show the record (the official's name, the award's type...).
Texts are random unicode and random concatenations of invented fragments in the style of
the articles (numbers, dates, ranks, awards, names, places).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eval.matching import fold
from extract.pipeline import extract_text
from extract.records import Extraction

# fmt: off
FRAGMENTS = [
    # numbers as written in the articles' style
    "21.500", "1,5 tỷ đồng", "25/25 khu dân cư", "17/20 tiêu chí", "trên 96%", "gần 100%", "hơn 4.000 tổ",
    "khoảng 300 triệu đồng", "03 cá nhân", "02 tập thể", "100%", "0", "9.999.999", "12,75%", "3/",
    # dates and periods
    "Sáng 14/3", "Chiều 05/11", "ngày 21/12/2024", "năm 2025", "9 tháng đầu năm 2023",
    "giai đoạn 2021 - 2025",
    "Quyết định số 1234/QĐ-UBND", "31/2", "ngày 00/00",
    # ranks, posts, names (invented)
    "Đại tá", "Thượng tá", "Thiếu tướng", "Trung úy", "đồng chí", "Phó Giám đốc Công an tỉnh",
    "Chủ tịch UBND huyện", "Tỉnh ủy viên", "Lê Văn Tâm", "Nguyễn Thị Hồng Nhung", "Hà Quang", "Bế Văn",
    # awards
    "Bằng khen", "Giấy khen", "Cờ thi đua", "Huân chương Bảo vệ Tổ quốc hạng Ba", "Kỷ niệm chương",
    "khen thưởng", "trao tặng", "của Bộ trưởng Bộ Công an", "cho 5 tập thể và 7 cá nhân",
    # events and places (invented)
    "Ngày hội Toàn dân bảo vệ an ninh Tổ quốc", "hội nghị tổng kết", "sơ kết", "tổ chức", "xã Tân Lập",
    "phường Hòa Bình", "huyện Sơn Đông", "(ANTQ)", "ANTT", "Ban Chỉ đạo 35",
    # whole phrases, so that records do get extracted and their evidence checked
    "Thượng tá Lê Văn Tâm, Phó Trưởng Công an huyện", "đồng chí Nguyễn Thị Hồng Nhung, Chủ tịch UBND xã",
    "Phó Chủ tịch UBND tỉnh Đinh Công Hậu", "Sáng 14/3, Công an xã Tân Lập tổ chức hội nghị sơ kết",
    "tổ chức Ngày hội Toàn dân bảo vệ an ninh Tổ quốc tại phường Hòa Bình",
    "Bằng khen của Chủ tịch UBND tỉnh cho 4 tập thể", "hội nghị tổng kết phong trào năm 2024",
    # punctuation and layout
    ". ", ", ", "; ", ": ", " - ", " – ", "\n", "\n\n", "(", ")", "“", "”", "/.", " ", "  ", "Ảnh: ",
]
# fmt: on

fragment_texts = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from([" ", "", ", ", ". ", "\n"])), max_size=60
).map(lambda parts: "".join(a + b for a, b in parts))
any_texts = st.text(max_size=400)
published_dates = st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31))

PROPERTY_SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_evidence(text: str, extraction: Extraction) -> None:
    records = [*extraction.officials, *extraction.figures, *extraction.awards, *extraction.events]
    for record in records:
        ev = record.evidence
        assert 0 <= ev.start < ev.end <= len(text), record
        assert text[ev.start : ev.end] == ev.text, record
        assert ev.text.strip(), record
    for official in extraction.officials:
        assert fold(official.name) in fold(official.evidence.text), official
    for award in extraction.awards:
        assert fold(award.type) in fold(award.evidence.text), award


@PROPERTY_SETTINGS
@given(text=fragment_texts, published=published_dates)
def test_article_like_text(text: str, published: dt.date | None) -> None:
    check_evidence(text, extract_text(text, published))


@PROPERTY_SETTINGS
@given(text=any_texts, published=published_dates)
def test_any_unicode_text(text: str, published: dt.date | None) -> None:
    check_evidence(text, extract_text(text, published))
