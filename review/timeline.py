"""Timeline: events per locality over time, for researchers.

An event is placed at its own date, else at its article's publication date (marked as
such: many reports say "sáng nay" without a date the extractor could resolve).  Localities
come from the administrative codes on the event: without a province filter, one row per
province of the chosen scheme (pre-2025 units as written, or the 2025 units they became);
with a province, one row per district (old scheme) or ward (2025 scheme, which has no
districts).  Rejected events are never shown; ``reviewed`` shows accepted and edited only.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, func, type_coerce
from sqlmodel import Session, col, select

from extract.records import EventType
from review.places import UNKNOWN, parse_key, province_name
from review.queue import BadFilter
from store.models import Article, EventRow, ReviewStatus, Revision
from store.review import json_text

GRANULARITIES = ("month", "quarter", "year")
MAX_ROWS = 12  # localities drawn; the rest are summed into one row


@dataclass(frozen=True)
class TimelineFilter:
    province: str | None = None
    scheme: str = "new"
    type: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    reviewed: bool = False
    granularity: str | None = None  # None: chosen from the span of the dates

    @classmethod
    def parse(cls, params: Mapping[str, Any]) -> TimelineFilter:
        def text(name: str) -> str | None:
            value = params.get(name)
            return value.strip() or None if isinstance(value, str) else None

        province = text("province")
        try:
            place = parse_key(province)
        except ValueError as exc:
            raise BadFilter(str(exc)) from None
        scheme = place[0] if place else (text("scheme") or "new")
        if scheme not in ("old", "new"):
            raise BadFilter(f"unknown scheme {scheme!r}; choose old or new")
        kind = text("type")
        if kind is not None and kind not in EventType.__members__:
            raise BadFilter(f"unknown event type {kind!r}; choose one of {', '.join(EventType.__members__)}")
        granularity = text("granularity")
        if granularity is not None and granularity not in GRANULARITIES:
            raise BadFilter(f"unknown granularity {granularity!r}; choose month, quarter or year")
        dates = []
        for name in ("date_from", "date_to"):
            value = text(name)
            try:
                dates.append(dt.date.fromisoformat(value) if value else None)
            except ValueError:
                raise BadFilter(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None
        return cls(province, scheme, kind, dates[0], dates[1], text("status") == "reviewed", granularity)

    def params(self) -> dict[str, str]:
        out = {"scheme": self.scheme}
        for name in ("province", "type", "granularity"):
            value = getattr(self, name)
            if value:
                out[name] = value
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value:
                out[name] = value.isoformat()
        if self.reviewed:
            out["status"] = "reviewed"
        return out


@dataclass(frozen=True)
class TimelineEvent:
    """What the timeline needs of an event (columns, not the whole row: a store has thousands)."""

    id: int
    type: str
    status: str
    when: dt.date
    dated: bool  # False: placed at the publication date
    location: str | None
    period: str | None
    locality: str
    article_id: int
    url: str
    title: str | None
    source: str | None
    published: dt.date | None


@dataclass
class Timeline:
    events: list[TimelineEvent]
    granularity: str
    buckets: list[str] = field(default_factory=list)
    by_type: dict[str, Counter[str]] = field(default_factory=dict)  # bucket → type → n
    rows: list[str] = field(default_factory=list)
    cells: dict[tuple[str, str], int] = field(default_factory=dict)  # (row, bucket) → n


def bucket(day: dt.date, granularity: str) -> str:
    if granularity == "year":
        return str(day.year)
    if granularity == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def _all_buckets(first: dt.date, last: dt.date, granularity: str) -> list[str]:
    """Every bucket from first to last, empty ones included, so time reads evenly."""
    out: list[str] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        name = bucket(dt.date(year, month, 1), granularity)
        if not out or out[-1] != name:
            out.append(name)
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out


def _auto(first: dt.date, last: dt.date) -> str:
    months = (last.year - first.year) * 12 + last.month - first.month
    return "month" if months <= 24 else "quarter" if months <= 96 else "year"


def _plain(column: Any) -> Any:
    """Enum columns as their stored strings: no enum objects for thousands of rows."""
    return type_coerce(column, String)


def _admin(scheme: str, part: str, dialect: str) -> Any:
    column = col(EventRow.admin_old) if scheme == "old" else col(EventRow.admin_new)
    return json_text(column, part, dialect)


def _locality_columns(flt: TimelineFilter, dialect: str) -> tuple[Any, Any]:
    """(code, name) columns of the unit a row of the chart stands for."""
    if flt.province is None:
        return _admin(flt.scheme, "province_code", dialect), _admin(flt.scheme, "province", dialect)
    level = "district" if flt.scheme == "old" else "ward"
    return _admin(flt.scheme, f"{level}_code", dialect), _admin(flt.scheme, level, dialect)


def load(session: Session, flt: TimelineFilter) -> list[TimelineEvent]:
    """Events matching ``flt`` (current revisions, not rejected), oldest first."""
    dialect = session.get_bind().dialect.name
    when = func.coalesce(col(EventRow.date), col(Revision.published))
    code, name = _locality_columns(flt, dialect)
    query = (
        select(
            EventRow.id,
            _plain(EventRow.type),
            _plain(EventRow.status),
            EventRow.date,
            EventRow.location,
            EventRow.period,
            code,
            name,
            EventRow.article_id,
            Article.url,
            Article.source,
            Revision.title,
            Revision.published,
        )
        .join(
            Article,
            col(Article.current_revision_id) == col(EventRow.revision_id),
        )
        .join(Revision, col(Revision.id) == col(EventRow.revision_id))
        .where(when.is_not(None))
    )
    if flt.reviewed:
        query = query.where(col(EventRow.status).in_((ReviewStatus.accepted, ReviewStatus.edited)))
    else:
        query = query.where(col(EventRow.status) != ReviewStatus.rejected)
    if flt.type:
        query = query.where(col(EventRow.type) == EventType(flt.type))
    place = parse_key(flt.province)
    if place is not None:
        scheme, province = place
        query = query.where(_admin(scheme, "province_code", dialect) == province)
    if flt.date_from:
        query = query.where(when >= flt.date_from)
    if flt.date_to:
        query = query.where(when <= flt.date_to)
    events = []
    for row in session.connection().execute(query.order_by(when, col(EventRow.id))).fetchall():
        (
            rid,
            kind,
            status,
            date,
            location,
            period,
            unit_code,
            unit_name,
            article_id,
            url,
            source,
            title,
            published,
        ) = row
        if flt.province is None:
            locality = (
                province_name(flt.scheme, unit_code, unit_name) if (unit_code or unit_name) else UNKNOWN
            )
        else:
            locality = unit_name or UNKNOWN
        events.append(
            TimelineEvent(
                rid,
                kind,
                status,
                date or published,
                date is not None,
                location,
                period,
                locality,
                article_id,
                url,
                title,
                source,
                published,
            )
        )
    return events


def rows(
    session: Session, events: list[TimelineEvent], batch: int = 500
) -> Iterator[tuple[TimelineEvent, EventRow]]:
    """The full rows of ``events`` (for downloads), read in batches, in the events' order."""
    for start in range(0, len(events), batch):
        chunk = events[start : start + batch]
        found = {
            r.id: r for r in session.exec(select(EventRow).where(col(EventRow.id).in_([e.id for e in chunk])))
        }
        for event in chunk:
            yield event, found[event.id]


def build(events: list[TimelineEvent], flt: TimelineFilter) -> Timeline:
    """Counts per time bucket (by type) and per locality row, for the charts."""
    if not events:
        return Timeline(events, flt.granularity or "month")
    first, last = events[0].when, events[-1].when
    granularity = flt.granularity or _auto(first, last)
    timeline = Timeline(events, granularity, _all_buckets(first, last, granularity))
    per_row: Counter[str] = Counter(e.locality for e in events)
    top = [name for name, _ in per_row.most_common() if name != UNKNOWN][:MAX_ROWS]
    rest = "các nơi khác"
    cells: Counter[tuple[str, str]] = Counter()
    for event in events:
        name = bucket(event.when, granularity)
        timeline.by_type.setdefault(name, Counter())[event.type] += 1
        row = event.locality if event.locality in top or event.locality == UNKNOWN else rest
        cells[(row, name)] += 1
    timeline.rows = top + [r for r in (rest, UNKNOWN) if any(k[0] == r for k in cells)]
    timeline.cells = dict(cells)
    return timeline
