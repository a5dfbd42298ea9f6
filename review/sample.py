"""Invented articles and records for trying the review app and measuring it.

Every person, ward and site here is made up; provinces are the official lists (with codes)
from vietnamadminunits, so province filters and the 2025 mapping behave as on real data.
Articles are built from a few sentence templates in the style of the news the project reads,
and each record points at its sentence with exact offsets, as the extractor's would.

Figures are drawn so the figure check has work: articles about the same province and year
report the same count of "tổ bảo vệ ANTT" — mostly the same number, sometimes "hơn" a round
number below it, sometimes a different number (a conflict).
"""

from __future__ import annotations

import datetime as dt
import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from sqlalchemy.engine import Engine

from clean.page import CleanedPage
from extract.records import ArticleInfo, Award, Event, Evidence, Extraction, Figure, Official
from review.places import Province, provinces
from store.articles import add_page
from store.db import transaction
from store.models import Revision
from store.records import save_extraction

RULESETS = {
    "officials": "officials.v1",
    "figures": "figures.v1",
    "awards": "awards.v1",
    "events": "events.v1",
}
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Hà", "Lương"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dung",
    "Giang",
    "Hải",
    "Khánh",
    "Lâm",
    "Nga",
    "Phúc",
    "Quyên",
    "Sơn",
    "Tâm",
    "Vinh",
]
WARD_NAMES = ["Tân Hòa", "Phú Lộc", "Đông Sơn", "Bình Minh", "Hòa An", "Thạnh Lợi", "Mỹ Xuân", "Quang Tiến"]
RANKS = ["Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", None]
POSTS = ["Phó Giám đốc Công an tỉnh", "Trưởng Công an huyện", "Chủ tịch UBND xã", "Bí thư Đảng ủy xã"]
UNITS = [
    ("tổ bảo vệ ANTT ở cơ sở", "tổ"),
    ("mô hình tự quản", "mô hình"),
    ("camera an ninh", "camera"),
    ("tin báo tố giác tội phạm", "tin báo"),
    ("hội viên tham gia tuần tra", "hội viên"),
]
EVENT_KINDS = [
    ("ngay_hoi", "tổ chức Ngày hội Toàn dân bảo vệ an ninh Tổ quốc"),
    ("tong_ket", "tổ chức hội nghị tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc"),
    ("so_ket", "tổ chức hội nghị sơ kết phong trào"),
    ("trien_khai", "tổ chức hội nghị triển khai"),
]


@dataclass(frozen=True)
class SampleArticle:
    url: str
    page: CleanedPage
    extraction: Extraction


@cache
def _new_province(old: Province) -> tuple[str, str]:
    """The 2025 province an old one became (vietnamadminunits' converter, imported on demand)."""
    from vietnamadminunits import convert_address

    unit = convert_address(old.name)
    return unit.province, unit.province_code


def _vn(number: int) -> str:
    return f"{number:,}".replace(",", ".")


class _Text:
    """Builds an article text sentence by sentence, remembering each sentence's span."""

    def __init__(self, title: str) -> None:
        self.parts = [title, "\n\n"]
        self.length = len(title) + 2

    def add(self, sentence: str) -> Evidence:
        if self.parts[-1] != "\n\n":
            self.parts.append(" ")
            self.length += 1
        start = self.length
        self.parts.append(sentence)
        self.length += len(sentence)
        return Evidence(text=sentence, start=start, end=start + len(sentence))

    def paragraph(self) -> None:
        self.parts.append("\n\n")
        self.length += 2

    def text(self) -> str:
        return "".join(self.parts)


def _person(rnd: random.Random) -> str:
    return f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"


def article(
    n: int, rnd: random.Random, old_provinces: tuple[Province, ...], years: tuple[int, ...]
) -> SampleArticle:
    province = old_provinces[n % len(old_provinces)] if n % 3 else rnd.choice(old_provinces)
    new_name, new_code = _new_province(province)
    year = rnd.choice(years)
    day = dt.date(year, rnd.randint(1, 12), rnd.randint(1, 28))
    ward = f"xã {rnd.choice(WARD_NAMES)}"
    district = f"huyện {rnd.choice(WARD_NAMES)}"
    event_type, doing = rnd.choice(EVENT_KINDS)
    title = f"{ward[0].upper()}{ward[1:]} {doing.replace('tổ chức ', '')} năm {year}"
    text = _Text(title)
    in_sentence = province.name[0].lower() + province.name[1:]  # "tỉnh Cao Bằng" mid-sentence
    ev = text.add(f"Sáng {day.day}/{day.month}, {ward}, {district}, {in_sentence} {doing} năm {year}.")
    official_ev = []
    for _ in range(rnd.randint(2, 3)):
        rank, name, post = rnd.choice(RANKS), _person(rnd), rnd.choice(POSTS)
        said = f"{rank + ' ' if rank else 'Đồng chí '}{name}, {post} dự và phát biểu chỉ đạo."
        official_ev.append((rank, name, post, text.add(said)))
    text.paragraph()
    figures = []
    for unit, head in rnd.sample(UNITS, rnd.randint(2, 4)):
        base = 200 + zlib.crc32(f"{province.code}|{year}|{unit}".encode()) % 5000
        roll = rnd.random()
        if roll < 0.6:
            value, qualifier, written = base, None, _vn(base)
        elif roll < 0.85:
            value, qualifier = (base // 100) * 100, "over"
            written = f"hơn {_vn(value)}"
        else:
            value, qualifier = base + rnd.randint(300, 900), None
            written = _vn(value)
        sentence = f"Đến nay, toàn tỉnh có {written} {unit}, góp phần giữ vững an ninh trật tự."
        figures.append(
            Figure(
                evidence=text.add(sentence),
                rule="count_unit",
                ruleset="figures.v1",
                value=value,
                kind="count",
                qualifier=qualifier,
                unit=unit,
                head=head,
                confidence=round(rnd.uniform(0.35, 0.99), 3),
            )
        )
    collectives = rnd.randint(2, 12)
    award_ev = text.add(f"Dịp này, {collectives} tập thể được tặng Giấy khen của Giám đốc Công an tỉnh.")
    extraction = Extraction(
        article=ArticleInfo(id=str(n)),
        officials=[
            Official(
                evidence=e,
                rule="rank_name_post",
                ruleset="officials.v1",
                name=name,
                rank=rank,
                positions=[post],
                confidence=round(rnd.uniform(0.3, 0.99), 3),
            )
            for rank, name, post, e in official_ev
        ],
        figures=figures,
        awards=[
            Award(
                evidence=award_ev,
                rule="issuer_of",
                ruleset="awards.v1",
                type="Giấy khen",
                issuer="Giám đốc Công an tỉnh",
                recipient_count=collectives,
                recipient_kind="collective",
                confidence=round(rnd.uniform(0.3, 0.99), 3),
            )
        ],
        events=[
            Event(
                evidence=ev,
                rule=event_type,
                ruleset="events.v1",
                type=event_type,
                date=day if rnd.random() < 0.8 else None,
                location=ward,
                period=str(year),
                admin_old={
                    "province": province.name,
                    "province_code": province.code,
                    "district": district,
                    "district_code": None,
                    "ward": ward,
                    "ward_code": None,
                },
                admin_new={
                    "province": new_name,
                    "province_code": new_code,
                    "district": None,
                    "district_code": None,
                    "ward": ward,
                    "ward_code": None,
                },
                confidence=round(rnd.uniform(0.3, 0.99), 3),
            )
        ],
    )
    source = f"congan{int(province.code) % 20:02d}.example.vn"
    page = CleanedPage(text=text.text(), title=title, source=source, published=day + dt.timedelta(days=1))
    return SampleArticle(f"https://{source}/tin/{n}.html", page, extraction)


def articles(
    count: int, seed: int = 7, years: tuple[int, ...] = (2023, 2024, 2025)
) -> Iterator[SampleArticle]:
    rnd = random.Random(seed)
    old = provinces("old")[:24]  # a share of the country: groups of the same province fill up
    for n in range(count):
        yield article(n, rnd, old, years)


def fill(engine: Engine, count: int, seed: int = 7, batch: int = 500) -> int:
    """Store ``count`` invented articles with their records; returns the records added."""
    added = 0
    items = articles(count, seed)
    while True:
        chunk = [item for _, item in zip(range(batch), items, strict=False)]
        if not chunk:
            return added
        with transaction(engine) as session:
            for item in chunk:
                result = add_page(session, item.page, item.url)
                revision = session.get(Revision, result.revision_id)
                added += save_extraction(session, revision, item.extraction, RULESETS)  # type: ignore[arg-type]
