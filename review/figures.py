"""Figure check: the same figure as different articles report it, side by side, conflicts flagged.

Figures are compared when they share
- a **subject**: kind (count, percent, ratio, money) and the unit reduced by
  :func:`review.subjects.subject` ("tổ bảo vệ ANTT ở cơ sở" → "tổ bảo vệ antt");
- a **locality**: the province of the article's first (not rejected) event with an
  administrative code — the unit as written (pre-2025 code) when resolved, else its 2025 unit.
  Figures rarely name their province themselves; the article's event says where it reports
  from.  Articles without such an event are left out (counted in ``unplaced``): comparing
  figures of unknown places would flag differences that are not conflicts;
- a **period**: the first period an event of the article states ("2024", "2020-2025"), else
  the article's publication year.

Within a group of two or more articles, each figure allows a range of true values — exact
"5.120" only 5120, "hơn 5.000" (over) 5000–6000, "gần 5.000" (under) 4000–5000, "khoảng"
±10% — and the group is a **conflict** when two articles' ranges do not meet, **differs**
when the numbers differ but the wording allows both ("hơn 5.000" beside 5.120), and
**agrees** otherwise.  Rejected figures are left out.

Reading every figure of a 100,000-record store takes most of a second, so each process keeps
a summary (:class:`Summary`) and brings it up to date before answering: it reads only what
changed since — records with new audit entries, new figures and events, articles with a new
revision — found through the highest ids of those tables, and recomputes only the groups
those figures belong to.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, func, type_coerce
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, col, select

from review.places import province_name
from review.subjects import subject
from store.models import Article, AuditEntry, EventRow, FigureRow, ReviewStatus, Revision
from store.review import json_text

# How far a qualified figure may be from its number and still be "the same" (relative).
SPREAD = {None: (0.0, 0.0), "over": (0.0, 0.2), "under": (-0.2, 0.0), "approx": (-0.1, 0.1)}
VERDICTS = ("conflict", "differs", "agrees")
FULL_REBUILD = 2000  # articles touched at once beyond which reading everything again is cheaper
ID_BATCH = 500  # ids per IN (...) list


@dataclass(frozen=True)
class Place:
    key: str | None  # "old:NN" / "new:NN"
    label: str
    old: str | None
    new: str | None
    period: str | None


@dataclass(frozen=True)
class Fact:
    id: int
    version: int
    article_id: int
    value: float
    total: float | None
    kind: str
    qualifier: str | None
    unit: str | None
    head: str | None
    status: str
    published: dt.date | None
    source: str | None
    subject: str


@dataclass
class Variant:
    """One way the group's figure is reported ("hơn 5.000"), with the figures that say so."""

    qualifier: str | None
    value: float
    total: float | None
    kind: str
    facts: list[Fact]

    @property
    def articles(self) -> int:
        return len({f.article_id for f in self.facts})

    def range(self, number: float) -> tuple[float, float]:
        low, high = SPREAD.get(self.qualifier, (0.0, 0.0))
        bounds = (number * (1 + low), number * (1 + high))
        return min(bounds), max(bounds)


@dataclass
class Group:
    kind: str
    subject: str
    locality: str
    locality_label: str
    period: str
    facts: list[Fact]
    verdict: str = "agrees"
    articles: int = 0
    provinces: frozenset[str] = frozenset()  # old:NN / new:NN of its articles, for the filter

    @property
    def key(self) -> str:
        return f"{self.kind}|{self.subject}|{self.locality}|{self.period}"

    @property
    def variants(self) -> list[Variant]:
        """Distinct reported values, most reported first."""
        return variants_of(self.kind, self.facts)


def variants_of(kind: str, facts: Iterable[Fact]) -> list[Variant]:
    by_value: dict[tuple[Any, ...], list[Fact]] = defaultdict(list)
    for fact in facts:
        by_value[(fact.qualifier, fact.value, fact.total)].append(fact)
    out = [Variant(q, v, t, kind, found) for (q, v, t), found in by_value.items()]
    out.sort(key=lambda v: (-v.articles, v.value))
    return out


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + 1e-9 and b[0] <= a[1] + 1e-9


def _compatible(a: Variant, b: Variant) -> bool:
    if not _overlap(a.range(a.value), b.range(b.value)):
        return False
    if a.total is not None and b.total is not None:
        return _overlap(a.range(a.total), b.range(b.total))
    return True


def verdict(facts: list[Fact]) -> str:
    """conflict / differs / agrees, comparing the reported values of different articles."""
    kinds = {f.kind for f in facts}
    found = variants_of(next(iter(kinds)), facts) if kinds else []
    worst = "agrees"
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            articles_a = {f.article_id for f in a.facts}
            articles_b = {f.article_id for f in b.facts}
            if articles_a == articles_b and len(articles_a) == 1:
                continue  # one article giving two numbers is not two sources disagreeing
            if not _compatible(a, b):
                return "conflict"
            worst = "differs"
    return worst


@dataclass
class Result:
    groups: list[Group]
    total: int
    unplaced: int
    counts: dict[str, int] = field(default_factory=dict)


def _plain(column: Any) -> Any:
    """Read enum columns as their stored strings: no enum objects for 100,000 rows."""
    return type_coerce(column, String)


def _read_places(conn: Connection, articles: list[int] | None) -> dict[int, Place]:
    """Article id → where and when it reports, from its events (first with a code wins)."""
    dialect = conn.dialect.name
    old, new = col(EventRow.admin_old), col(EventRow.admin_new)
    query = (
        select(
            EventRow.article_id,
            json_text(old, "province_code", dialect),
            json_text(new, "province_code", dialect),
            json_text(old, "province", dialect),
            json_text(new, "province", dialect),
            EventRow.period,
        )
        .join(
            Article,
            col(Article.current_revision_id) == col(EventRow.revision_id),
        )
        .where(col(EventRow.status) != ReviewStatus.rejected)
        .order_by(col(EventRow.id))
    )
    seen: dict[int, list[Any]] = {}
    for chunk in _chunks(articles):
        scoped = query if chunk is None else query.where(col(EventRow.article_id).in_(chunk))
        for article_id, old_code, new_code, oname, nname, period in conn.execute(scoped).fetchall():
            entry = seen.setdefault(article_id, [None, None, None, None, None])
            if entry[0] is None and old_code:
                entry[0], entry[2] = old_code, oname
            if entry[1] is None and new_code:
                entry[1], entry[3] = new_code, nname
            if entry[4] is None and period:
                entry[4] = period
    places = {}
    for article_id, (old_code, new_code, oname, nname, period) in seen.items():
        if old_code:
            key, label = f"old:{old_code}", province_name("old", old_code, oname)
        elif new_code:
            key, label = f"new:{new_code}", province_name("new", new_code, nname) + " (2025)"
        else:
            key, label = None, ""
        places[article_id] = Place(key, label, old_code, new_code, period)
    return places


def _chunks(ids: list[int] | None) -> Iterable[list[int] | None]:
    if ids is None:
        yield None
        return
    for start in range(0, len(ids), ID_BATCH):
        yield ids[start : start + ID_BATCH]


def _read_facts(
    conn: Connection, articles: list[int] | None = None, figures: list[int] | None = None
) -> list[Fact]:
    """Not rejected figures of current revisions: all, or of some articles, or some ids."""
    query = (
        select(
            FigureRow.id,
            FigureRow.version,
            FigureRow.article_id,
            FigureRow.value,
            FigureRow.total,
            _plain(FigureRow.kind),
            _plain(FigureRow.qualifier),
            FigureRow.unit,
            FigureRow.head,
            _plain(FigureRow.status),
            Revision.published,
            Article.source,
        )
        .join(
            Article,
            col(Article.current_revision_id) == col(FigureRow.revision_id),
        )
        .join(Revision, col(Revision.id) == col(FigureRow.revision_id))
        .where(col(FigureRow.status) != ReviewStatus.rejected)
    )
    column, ids = (FigureRow.article_id, articles) if figures is None else (FigureRow.id, figures)
    facts = []
    for chunk in _chunks(ids):
        scoped = query if chunk is None else query.where(col(column).in_(chunk))
        for row in conn.execute(scoped).fetchall():
            name = subject(row[7], row[8])
            if name is not None:
                facts.append(Fact(*row, name))
    return facts


Stamp = tuple[int, int, int, int]  # highest figure, event, revision and audit ids


def _stamp(conn: Connection) -> Stamp:
    """Moves whenever figures, events, revisions or reviews change (max ids are index reads)."""
    columns = (col(FigureRow.id), col(EventRow.id), col(Revision.id), col(AuditEntry.id))
    return tuple(conn.execute(select(func.max(c))).scalar() or 0 for c in columns)  # type: ignore[return-value]


GroupKey = tuple[str, str, str, str]  # kind, subject, locality, period


@dataclass
class Summary:
    """What the figure check needs, for one database, as of ``stamp``.

    Facts are filed under their group key; a change re-files only the facts it touches
    and recomputes only their groups, so keeping up with reviewers costs little.
    """

    stamp: Stamp
    facts: dict[int, Fact] = field(default_factory=dict)
    places: dict[int, Place] = field(default_factory=dict)
    members: dict[GroupKey, dict[int, Fact]] = field(default_factory=dict)
    by_key: dict[GroupKey, Group] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)
    unplaced: int = 0

    @classmethod
    def read(cls, conn: Connection) -> Summary:
        summary = cls(_stamp(conn))
        summary.places = _read_places(conn, None)
        touched: set[GroupKey] = set()
        for fact in _read_facts(conn):
            summary._file(fact, touched)
        summary._regroup(touched)
        return summary

    def _key(self, fact: Fact) -> GroupKey | None:
        place = self.places.get(fact.article_id)
        if place is None or place.key is None:
            return None
        period = place.period or (str(fact.published.year) if fact.published else "?")
        return (fact.kind, fact.subject, place.key, period)

    def _file(self, fact: Fact, touched: set[GroupKey]) -> None:
        self.facts[fact.id] = fact
        key = self._key(fact)
        if key is None:
            self.unplaced += 1
            return
        self.members.setdefault(key, {})[fact.id] = fact
        touched.add(key)

    def _unfile(self, figure_id: int, touched: set[GroupKey]) -> None:
        fact = self.facts.pop(figure_id, None)
        if fact is None:
            return
        key = self._key(fact)
        if key is None:
            self.unplaced -= 1
            return
        members = self.members.get(key, {})
        members.pop(figure_id, None)
        if not members:
            self.members.pop(key, None)
        touched.add(key)

    def _regroup(self, touched: set[GroupKey]) -> None:
        """Recompute the touched groups (two or more articles), then the order of all."""
        for key in touched:
            facts = sorted(
                self.members.get(key, {}).values(), key=lambda f: (f.published or dt.date.min, f.id)
            )
            articles = len({f.article_id for f in facts})
            if articles < 2:
                self.by_key.pop(key, None)
                continue
            kind, name, locality, period = key
            label = self.places[facts[0].article_id].label
            found = [self.places[f.article_id] for f in facts]
            provinces = frozenset(
                [f"old:{p.old}" for p in found if p.old] + [f"new:{p.new}" for p in found if p.new]
            )
            self.by_key[key] = Group(
                kind, name, locality, label, period, facts, verdict(facts), articles, provinces
            )
        self.groups = sorted(
            self.by_key.values(),
            key=lambda g: (VERDICTS.index(g.verdict), -g.articles, g.subject, g.locality, g.period),
        )

    def refresh(self, conn: Connection) -> Summary:
        """Up to date: patched with what changed since ``stamp``, or read again when much did."""
        stamp = _stamp(conn)
        if stamp == self.stamp:
            return self
        figure_max, event_max, revision_max, audit_max = self.stamp
        changed: dict[str, set[int]] = defaultdict(set)
        query = select(AuditEntry.record_kind, AuditEntry.record_id).where(col(AuditEntry.id) > audit_max)
        for kind, record_id in conn.execute(query):
            changed[kind].add(record_id)
        articles: set[int] = set()
        sources = [
            select(FigureRow.article_id).where(col(FigureRow.id) > figure_max),
            select(EventRow.article_id).where(col(EventRow.id) > event_max),
            select(Revision.article_id).where(col(Revision.id) > revision_max),
        ]
        for query in sources:
            articles.update(conn.execute(query).scalars())
        for chunk in _chunks(sorted(changed["events"])):
            query = select(EventRow.article_id).where(col(EventRow.id).in_(chunk))  # type: ignore[arg-type]
            articles.update(conn.execute(query).scalars())
        if len(articles) + len(changed["figures"]) > FULL_REBUILD:
            return Summary.read(conn)
        touched: set[GroupKey] = set()
        if articles:  # where they report from may have changed: re-file all their figures
            ordered = sorted(articles)
            for figure_id in [i for i, f in self.facts.items() if f.article_id in articles]:
                self._unfile(figure_id, touched)
            for article_id in ordered:
                self.places.pop(article_id, None)
            self.places.update(_read_places(conn, ordered))
            for fact in _read_facts(conn, articles=ordered):
                self._file(fact, touched)
        figures = sorted(
            i for i in changed["figures"] if i not in self.facts or self.facts[i].article_id not in articles
        )
        for figure_id in figures:
            self._unfile(figure_id, touched)  # a rejected one stays out
        for fact in _read_facts(conn, figures=figures) if figures else []:
            self._file(fact, touched)
        self._regroup(touched)
        self.stamp = stamp
        return self


class _Summaries:
    """One summary per database URL, shared by the threads of a process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.by_url: dict[str, Summary] = {}

    @contextmanager
    def current(self, engine: Engine) -> Iterator[Summary]:
        """The up-to-date summary, held (no other thread changes it) while in use."""
        name = engine.url.render_as_string(hide_password=False)
        with self.lock:
            with engine.connect() as conn:
                known = self.by_url.get(name)
                summary = Summary.read(conn) if known is None else known.refresh(conn)
                self.by_url[name] = summary
            yield summary


summaries = _Summaries()


@dataclass(frozen=True)
class FigureFilter:
    province: str | None = None  # old:NN / new:NN — matches the article's old or new province
    subject: str | None = None  # substring of the subject
    period: str | None = None
    verdict: str | None = "flagged"  # flagged (conflict + differs), conflict, differs, agrees, or None: all
    group: str | None = None  # one group, by its key: shown with all its figures


def check(engine: Engine, flt: FigureFilter, page: int = 1, size: int = 20) -> Result:
    """Groups matching ``flt``, worst first, one page of them."""
    with summaries.current(engine) as summary:
        return _select(summary, flt, page, size)


def _select(summary: Summary, flt: FigureFilter, page: int, size: int) -> Result:
    found = summary.groups
    counts = {v: sum(1 for g in found if g.verdict == v) for v in VERDICTS}
    if flt.province:
        found = [g for g in found if flt.province in g.provinces]
    if flt.subject:
        needle = flt.subject.lower().strip()
        found = [g for g in found if needle in g.subject]
    if flt.period:
        found = [g for g in found if g.period == flt.period]
    if flt.group:
        found = [g for g in found if g.key == flt.group]
    if flt.verdict == "flagged":
        found = [g for g in found if g.verdict != "agrees"]
    elif flt.verdict in VERDICTS:
        found = [g for g in found if g.verdict == flt.verdict]
    start = (max(page, 1) - 1) * size
    return Result(found[start : start + size], len(found), summary.unplaced, counts)


def evidence(session: Session, ids: list[int]) -> dict[int, Any]:
    """Evidence of the figures shown (fetched only for the page, not for every figure)."""
    if not ids:
        return {}
    query = select(FigureRow.id, FigureRow.evidence).where(col(FigureRow.id).in_(ids))
    return dict(session.exec(query).all())  # type: ignore[arg-type]
