"""The record kinds antq extracts, defined once.

These SQLModel classes are the single schema of the project: extractors return them,
``store`` derives its tables from them, ``export`` writes them and the JSON Schema
(`antq schema`) is generated from them.  Field meanings follow ANNOTATION.md.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from pydantic import field_serializer
from sqlalchemy import JSON
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


class Evidence(SQLModel):
    """The sentence a record came from, as a span of the cleaned article text."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class EvidenceType(TypeDecorator):
    """Stores an :class:`Evidence` as a JSON column and gives it back as a model."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, Evidence):
            return value.model_dump()
        return dict(value)

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        return None if value is None else Evidence.model_validate(value)


class FigureKind(str, Enum):
    count = "count"
    percent = "percent"
    ratio = "ratio"
    money = "money"


class Qualifier(str, Enum):
    over = "over"
    under = "under"
    approx = "approx"


class RecipientKind(str, Enum):
    individual = "individual"
    collective = "collective"


class EventType(str, Enum):
    ngay_hoi = "ngay_hoi"
    tong_ket = "tong_ket"
    so_ket = "so_ket"
    trien_khai = "trien_khai"
    khac = "khac"


class RecordBase(SQLModel):
    """Provenance every record carries: where it came from and which rule made it."""

    evidence: Evidence = Field(sa_type=EvidenceType)
    rule: str = Field(description="Rule id inside its rule set, e.g. 'rank_name_post'.")
    ruleset: str = Field(description="Versioned rule-set name, e.g. 'officials.v1'.")
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class Official(RecordBase):
    """A named person holding a post, one per person per article."""

    name: str
    rank: str | None = None
    positions: list[str] = Field(default_factory=list, sa_type=JSON)


class Figure(RecordBase):
    """A reported quantity: count, percentage, ratio or money."""

    value: float
    total: float | None = None
    kind: FigureKind = FigureKind.count
    qualifier: Qualifier | None = None
    unit: str | None = None
    head: str | None = Field(default=None, description="Head noun of the unit ('tổ', 'khu dân cư').")

    @field_serializer("value", "total")
    def _whole_numbers_as_int(self, number: float | None) -> float | int | None:
        """33100.0 reads as a measurement; editors expect 33100 as written."""
        if number is not None and float(number).is_integer():
            return int(number)
        return number


class Award(RecordBase):
    """A distinction given or announced, one per issuer and type per article."""

    type: str
    name: str | None = None
    issuer: str | None = None
    recipients: list[str] = Field(default_factory=list, sa_type=JSON)
    recipient_count: int | None = None
    recipient_kind: RecipientKind | None = None
    presenter: str | None = None


class AdminUnit(SQLModel):
    """An administrative unit resolved to official codes (old and 2025 units)."""

    province: str | None = None
    province_code: str | None = None
    district: str | None = None
    district_code: str | None = None
    ward: str | None = None
    ward_code: str | None = None


class Event(RecordBase):
    """A gathering the article reports (festival day, review conference...)."""

    type: EventType = EventType.khac
    date: dt.date | None = None
    location: str | None = None
    organizer: str | None = None
    period: str | None = None
    admin_old: dict[str, Any] | None = Field(
        default=None, sa_type=JSON, description="The location as written, resolved to pre-2025 units."
    )
    admin_new: dict[str, Any] | None = Field(
        default=None, sa_type=JSON, description="The unit the location became in the 2025 reorganisation."
    )


RECORD_KINDS: dict[str, type[RecordBase]] = {
    "officials": Official,
    "figures": Figure,
    "awards": Award,
    "events": Event,
}


class ArticleInfo(SQLModel):
    """The article a set of records came from."""

    id: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None


class Extraction(SQLModel):
    """One article's records, shaped as in ANNOTATION.md."""

    article: ArticleInfo
    officials: list[Official] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
