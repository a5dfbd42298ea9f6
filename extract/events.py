"""Events: the gatherings an article reports, one record per event type per article.

A news report usually covers one main event ("Chiều 29/1, Ban Chỉ đạo ... phường A tổ chức hội
nghị tổng kết ... năm 2025") and then refers back to it ("Tại hội nghị, ...", "phát biểu tại
ngày hội").  We find every trigger mention (rules labelled with an event type), group them by
type, pick the anchor sentence (an organising verb beats a leading date, which beats a mere
cue such as "tại"), and read from it:

* ``date``: the first date expression, resolved against the publication date
  (:mod:`extract.dates`); several days or "vừa qua" give ``None``;
* ``organizer``: the body before "tổ chức", as written;
* ``location``: "tại <unit>", else the unit ending the organiser phrase ("... phường A"),
  else a ward-level unit the article keeps naming; an organiser with a bare level word
  ("Ban Chỉ đạo ... tỉnh") means the province is implicit and the location stays ``None``;
* ``period``: the first period after the trigger ("năm 2025", "giai đoạn 2023 - 2025"),
  stopping, for review events, where the plan for next year begins.

The location is then resolved to official units before and after 2025 (:mod:`extract.places`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from extract import dates, places
from extract.document import Document, Sentence
from extract.records import Event, EventType, RecordBase
from extract.ruleset import PatternRule, RuleSet

PERIOD_PREFIX = "period:"
GUARD_PREFIX = "guard:"
_PARENS = re.compile(r"\s*\([^()]*\)")
# An organiser starts a clause: at the sentence start or after ", ; : –".
_CLAUSE_START = re.compile(r"(?:^|[,;:–]\s*|\s-\s*)$")
# Between "tại" and its unit: no sentence break and no ", Capitalised" (a new clause).
_LOCATION_GAP = re.compile(r"[.;]|,\s+[^\W\d_]*[A-ZĐ]")


@dataclass(frozen=True, slots=True)
class _Organizer:
    """The organiser phrase as written, and where the phrase with its partners ends."""

    text: str
    start: int
    end: int
    full_end: int  # up to the verb: "Công an huyện A phối hợp với UBND xã B"


@dataclass(frozen=True, slots=True)
class Mention:
    """A trigger (or back-reference) of an event type in one sentence."""

    type: EventType
    rule: str
    confidence: float
    start: int
    end: int
    sentence: Sentence
    backref: bool = False


def extract(document: Document, rules: RuleSet, found: dict[str, list[RecordBase]]) -> list[Event]:
    """One :class:`Event` per event type the article reports, in order of first appearance."""
    return _Reader(document, rules).events()


def rule_matches(
    document: Document, rules: RuleSet, rule: PatternRule, lowered: str
) -> Iterator[re.Match[str]]:
    """Matches of a regex rule, scanning only sentences that hold one of its prefilter literals.

    Settings ``prefilter`` maps a rule id to lowercase words the rule cannot match without; a
    rule without an entry scans the whole text.  ``lowered`` is ``document.text.lower()``.
    """
    regex = rules.compiled[rule.id]
    literals = rules.settings.get("prefilter", {}).get(rule.id)
    if not literals or len(lowered) != len(document.text):
        yield from regex.finditer(document.text)
        return
    windows: set[tuple[int, int]] = set()
    for literal in literals:
        at = lowered.find(literal)
        while at >= 0:
            sentence = document.sentence_at(at)
            windows.add((sentence.start, sentence.end))
            at = lowered.find(literal, sentence.end)
    for start, end in sorted(windows):
        yield from regex.finditer(document.text, start, end)


class _Reader:
    """One article read with one rule set; caches what several events ask for."""

    def __init__(self, document: Document, rules: RuleSet) -> None:
        self.document = document
        self.text = document.text
        self.rules = rules
        self.words = _Compiled.of(rules)
        self.settings = rules.settings
        self._dates: dict[int, list[dates.DateMention]] = {}
        self._primary_by_sentence: dict[int, list[Mention]] = {}  # sentence start -> triggers

    def events(self) -> list[Event]:
        by_type: dict[EventType, list[Mention]] = {}
        for m in self.mentions():
            by_type.setdefault(m.type, []).append(m)
            if not m.backref:
                self._primary_by_sentence.setdefault(m.sentence.start, []).append(m)
        events: list[Event] = []
        for group in by_type.values():
            anchor, strength = self.anchor([m for m in group if not m.backref])
            if anchor is not None:
                related = [m for m in group if m.sentence is not anchor.sentence]
                events.append(self.build(anchor, strength, related))
        events.sort(key=lambda e: e.evidence.start)
        return events

    # -- mentions -----------------------------------------------------------------------------

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    def mentions(self) -> list[Mention]:
        """Triggers in rule order (earlier rules claim overlapping text), then back-references."""
        claimed: list[tuple[int, int]] = []
        out: list[Mention] = []
        valid = {t.value for t in EventType}
        for rule in self.rules.patterns:
            if rule.label not in valid or rule.regex is None:
                continue
            for m in rule_matches(self.document, self.rules, rule, self.lowered):
                if any(s < m.end() and m.start() < e for s, e in claimed):
                    continue
                claimed.append((m.start(), m.end()))
                sentence = self.document.sentence_at(m.start())
                out.append(
                    Mention(EventType(rule.label), rule.id, rule.confidence, m.start(), m.end(), sentence)
                )
        types_found = {m.type for m in out}
        for etype, words in self.settings.get("backrefs", {}).items():
            if EventType(etype) not in types_found:
                continue
            for word in words:
                at = self.lowered.find(word.lower())
                while at >= 0:
                    end = at + len(word)
                    free = not any(s < end and at < e for s, e in claimed)
                    if free and _word_edges(self.text, at, end):
                        sentence = self.document.sentence_at(at)
                        out.append(Mention(EventType(etype), "backref", 0.5, at, end, sentence, True))
                    at = self.lowered.find(word.lower(), end)
        out.sort(key=lambda m: m.start)
        return out

    def anchor(self, primary: Sequence[Mention]) -> tuple[Mention | None, int]:
        """The mention that reports the event, and how strongly (see :meth:`strength`).

        A lead sentence with both a verb and a date ("Tối 22/8, Ủy ban ... tổ chức Ngày hội")
        beats a headline that only has the verb.
        """
        best: tuple[Mention | None, int] = (None, 0)
        for m in primary:
            strength = self.strength(m)
            if strength == 3 and self.leading_date(m.sentence):
                strength = 4
            if strength > best[1]:
                best = (m, strength)
            if strength == 4:
                break
        return best

    def strength(self, m: Mention) -> int:
        """How surely this mention reports the event: 3 verb, 2 leading date, 1 cue, 0 none.

        A verb belongs to the nearest trigger after it ("tổ chức hội nghị triển khai kế hoạch tổ
        chức Ngày hội": the first "tổ chức" is the hội nghị's); a verb after a plan or request word
        ("kế hoạch tổ chức", "yêu cầu ... tổ chức") organises nothing yet.  Strict types (other
        gatherings) need their verb right before them and are no event of their own inside
        another event ("Trong khuôn khổ Ngày hội, ... tổ chức hội thi").
        """
        s = m.sentence
        prev, nxt = self.neighbours(m)
        seg_start = prev.end if prev is not None else s.start
        seg_end = nxt.start if nxt is not None else s.end
        before = self.text[seg_start : m.start]
        if m.type.value in self.settings.get("strict_types", []):
            if prev is not None and prev.type.value not in self.settings.get("strict_types", []):
                return 0
            window = int(self.settings.get("strict_verb_window", 40))
            near = max(seg_start, m.start - window)
            if self.live_verb(self.text[near : m.start], near):
                return 3
            return 2 if prev is None and self.leading_date(s) else 0
        # A verb after the trigger is its own only when no other trigger follows ("được tổ chức").
        after = self.text[m.end : seg_end] if nxt is None else ""
        if self.live_verb(before, seg_start) or self.live_verb(after, m.end):
            return 3
        if prev is None and self.leading_date(s):
            return 2
        return 1 if self.words.cue_before.search(before) else 0

    def live_verb(self, segment: str, offset: int) -> bool:
        """Whether ``segment`` has an organising verb not governed by a plan or request word."""
        for verb in self.words.organize.finditer(segment):
            window = self.text[max(0, offset + verb.start() - 40) : offset + verb.start()]
            if not self.words.plan.search(re.split(r"[.;]", window)[-1]):
                return True
        return False

    def neighbours(self, m: Mention) -> tuple[Mention | None, Mention | None]:
        """The primary triggers before and after ``m`` in its sentence."""
        same = self._primary_by_sentence.get(m.sentence.start, [])
        before = [o for o in same if o.end <= m.start]
        after = [o for o in same if o.start >= m.end]
        return (before[-1] if before else None), (after[0] if after else None)

    # -- dates --------------------------------------------------------------------------------

    def dates_in(self, sentence: Sentence) -> list[dates.DateMention]:
        """Date expressions dating the event, not a document ("Quyết định số ... ngày 28/12")."""
        cached = self._dates.get(sentence.start)
        if cached is not None:
            return cached
        guards = [
            self.rules.compiled[r.id] for r in self.rules.patterns if (r.label or "").startswith(GUARD_PREFIX)
        ]
        out = []
        for d in dates.find_dates(sentence.text, self.rules, base=sentence.start):
            before = self.text[max(sentence.start, d.start - 40) : d.start]
            if not any(g.search(before) for g in guards):
                out.append(d)
        self._dates[sentence.start] = out
        return out

    def leading_date(self, sentence: Sentence) -> dates.DateMention | None:
        """A date expression opening the sentence ("Chiều 29/1, ...", "BBK - Ngày 2/2, ...")."""
        for d in self.dates_in(sentence):
            if d.start - sentence.start <= 12:
                return d
        return None

    def date(self, anchor: Mention, related: Sequence[Mention], own_year: int | None) -> dt.date | None:
        """The anchor's date; "vừa qua" or several days give None; else a related lead date.

        Of the anchor's dates, the one opening a clause before the trigger wins ("..., Ngày 28-8,
        Ban Chỉ đạo ... tổ chức"), else the first: a page's "cập nhật ... ngày" stamp glued to
        the lead, or a date later in the sentence, is not the event's.
        """
        found = self.dates_in(anchor.sentence)
        if found:
            leading = [
                d
                for d in found
                if d.end <= anchor.start and self.text[d.end : d.end + 2].lstrip().startswith(",")
            ]
            chosen = leading[-1] if leading else found[0]
            if chosen.kind in (dates.DateKind.range, dates.DateKind.vague):
                return None
            return dates.resolve(chosen, self.document.published, own_year)
        for m in related:
            lead = self.leading_date(m.sentence)
            if lead is not None:
                return dates.resolve(lead, self.document.published, own_year)
        return None

    # -- attributes ---------------------------------------------------------------------------

    def build(self, anchor: Mention, strength: int, related: Sequence[Mention]) -> Event:
        own_year, period = self.period(anchor)
        for m in related:
            if period is not None:
                break
            _, period = self.period(m, after_trigger=False)
        if anchor.type.value not in self.settings.get("own_year_types", []):
            own_year = None
        date = self.date(anchor, related, own_year)
        organizer = self.organizer(anchor)
        location = self.location(anchor, organizer)
        admin_old = admin_new = None
        if location is not None:
            tiers = self.settings.get("unit_tiers", {})
            context = places.build_context(self.text, self.units, tiers, location)
            resolved = places.resolve(location.level, location.name, tiers, context, self.document.published)
            admin_old, admin_new = places.as_dict(resolved.old), places.as_dict(resolved.new)
        return Event(
            type=anchor.type,
            date=date,
            location=" ".join(p for p in (location.level.lower(), location.name) if p) if location else None,
            organizer=organizer.text if organizer else None,
            period=period,
            admin_old=admin_old,
            admin_new=admin_new,
            evidence=self.document.evidence(anchor.sentence),
            rule=anchor.rule,
            ruleset=self.rules.name,
            confidence=round(anchor.confidence * (1.0 if strength >= 2 else 0.8), 3),
        )

    def period(self, mention: Mention, after_trigger: bool = True) -> tuple[int | None, str | None]:
        """(own year written right after the trigger, period covered) read after the trigger."""
        s = mention.sentence
        tail = self.text[mention.end if after_trigger else s.start : s.end]
        if after_trigger and mention.type.value in self.settings.get("review_types", []):
            stop = self.words.period_stop.search(tail)
            if stop is not None:
                tail = tail[: stop.start()]
        best: tuple[re.Match[str], str] | None = None
        for rule in self.rules.patterns:
            if not (rule.label or "").startswith(PERIOD_PREFIX):
                continue
            m = self.rules.compiled[rule.id].search(tail)
            if m is not None and (best is None or m.start() < best[0].start()):
                best = (m, rule.label.removeprefix(PERIOD_PREFIX))
        if best is None:
            return None, None
        m, kind = best
        if kind == "range":
            period = f"{m['y1']}-{m['y2']}"
        elif kind == "part":
            period = " ".join(m.group().split())
        else:
            period = m["y1"]
        adjacent = not _PARENS.sub("", tail[: m.start()]).strip(" “”\"'")
        own_year = int(m["y1"]) if kind == "year" and adjacent else None
        return own_year, period

    def organizer(self, anchor: Mention) -> _Organizer | None:
        """The body that organises the event, as written, with its span (and its partners')."""
        s = anchor.sentence
        for verb in self.words.organize.finditer(self.text, s.start, s.end):
            if verb.start() >= anchor.start:
                # "... do Ban Chỉ đạo X tổ chức": the organiser follows "do", after the trigger.
                agents = list(self.words.agent.finditer(self.text, anchor.end, verb.start()))
                if agents:
                    return self._clean_organizer(agents[-1].end(), verb.start())
                continue
            left = self.text[s.start : verb.start()]
            bodies = [
                h.start() for h in self.words.heads.finditer(left) if _CLAUSE_START.search(left[: h.start()])
            ]
            units = [
                h.start()
                for h in self.words.unit_heads.finditer(left)
                if _CLAUSE_START.search(left[: h.start()])
            ]
            # A body opening a clause ("tại thôn A, xã B, Ban Chỉ đạo ... tổ chức"); a unit itself
            # only when no body does.
            starts = bodies[:1] or units[-1:]
            if starts:
                return self._clean_organizer(s.start + starts[0], verb.start())
        return None

    def _clean_organizer(self, start: int, end: int) -> _Organizer | None:
        """The organiser alone: without partners ("phối hợp với ..."), adverbs, parentheses, or
        the parent body after a comma ("Cục X, Bộ Công an")."""
        phrase = self.text[start:end]
        cut = self.words.cut.search(phrase)
        if cut is not None:
            phrase = phrase[: cut.start()]
        parent = re.search(r",\s*(?=\S)", phrase)
        while parent is not None:
            if self.words.heads.match(phrase, parent.end()):
                phrase = phrase[: parent.start()]
                break
            parent = re.compile(r",\s*(?=\S)").search(phrase, parent.end())
        phrase = _PARENS.sub("", phrase).strip(" ,;:-–")
        return _Organizer(phrase, start, start + len(phrase), end) if phrase else None

    @cached_property
    def units(self) -> list[places.UnitMention]:
        return places.find_units(
            self.text,
            self.rules.lexicon("unit_levels"),
            self.rules.lexicons.get("unit_name_stops", []),
            lowered=self.lowered,
        )

    def location(self, anchor: Mention, organizer: tuple[str, int, int] | None) -> places.UnitMention | None:
        s = anchor.sentence
        # 1. "tại <unit>" in the anchor sentence: after the trigger, else before it.
        markers = list(self.words.location_marker.finditer(self.text, s.start, s.end))
        markers.sort(key=lambda mk: (mk.start() < anchor.start, mk.start()))
        for marker in markers:
            seg_end = min(s.end, marker.end() + 60)
            unit = next((u for u in self.units if marker.end() <= u.start < seg_end and u.name), None)
            if unit is not None and not _LOCATION_GAP.search(self.text[marker.end() : unit.start]):
                return unit
            bare = places.province_at(self.text, marker.end())  # "tại Hà Nội"
            if bare is not None:
                return bare
        # 2. The most local unit of the organiser and its partners ("Công an huyện A phối hợp với
        #    UBND xã B tổ chức" happens in xã B); a bare level ("Ban Chỉ đạo ... tỉnh") means the
        #    province is implicit.
        if organizer is not None:
            inside = [u for u in self.units if organizer.start <= u.start < organizer.full_end]
            named = [u for u in inside if u.name]
            if named:
                local = min(named, key=self.tier_rank)
                # A province-level organiser holds a province-level event: no place below it.
                return local if self.tier_rank(local) < 2 else None
            if inside:
                return None
        # 3. A ward-level unit the article keeps naming.
        return self._dominant_unit()

    def tier_rank(self, unit: places.UnitMention) -> int:
        """0 for a ward-level unit, 1 district, 2 province (the most local first)."""
        order = {"ward": 0, "district": 1, "province": 2}
        tiers = self.settings.get("unit_tiers", {}).get(places.fold(unit.level), ["province"])
        return min(order.get(t, 2) for t in tiers)

    def _dominant_unit(self) -> places.UnitMention | None:
        tiers = self.settings.get("unit_tiers", {})
        wanted = set(self.settings.get("fallback_tiers", []))
        counts: dict[str, list[places.UnitMention]] = {}
        for u in self.units:
            if u.name and set(tiers.get(places.fold(u.level), ())) & wanted:
                counts.setdefault(places.fold(u.text), []).append(u)
        ranked = sorted(counts.values(), key=len, reverse=True)
        if not ranked or len(ranked[0]) < int(self.settings.get("fallback_min_mentions", 2)):
            return None
        if len(ranked) > 1 and len(ranked[1]) == len(ranked[0]):
            return None  # two places named as often: no main one
        return ranked[0][0]


def _word_edges(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is whole words (no letter glued on either side)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


# ---------------------------------------------------------------------------------------------
# Word lists


@dataclass(frozen=True, slots=True)
class _Compiled:
    """Word lists of the rule set turned into regexes, once per rule-set object."""

    organize: re.Pattern[str]
    cue_before: re.Pattern[str]
    heads: re.Pattern[str]
    cut: re.Pattern[str]
    period_stop: re.Pattern[str]
    location_marker: re.Pattern[str]
    agent: re.Pattern[str]
    unit_heads: re.Pattern[str]
    plan: re.Pattern[str]

    @staticmethod
    def of(rules: RuleSet) -> _Compiled:
        cached = _COMPILED.get(id(rules))
        if cached is None or cached[0] is not rules:  # kept alive here, so its id stays unique
            cached = _COMPILED[id(rules)] = (rules, _compile(rules))
        return cached[1]


_COMPILED: dict[int, tuple[RuleSet, _Compiled]] = {}


def _compile(rules: RuleSet) -> _Compiled:
    def words(lexicon: str) -> str:
        return "|".join(re.escape(w) for w in sorted(rules.lexicon(lexicon), key=len, reverse=True))

    edge_l, edge_r = r"(?<![^\W\d_])", r"(?![^\W\d_])"
    return _Compiled(
        organize=re.compile(rf"(?i){edge_l}(?:{words('organize_verbs')}){edge_r}"),
        cue_before=re.compile(rf"(?i){edge_l}(?:{words('mention_cues')})\s+(?:\S+\s+){{0,2}}$"),
        heads=re.compile(rf"{edge_l}(?:{words('organizer_heads')}){edge_r}"),
        cut=re.compile(rf"(?i)\s+(?:{words('organizer_cut')}){edge_r}"),
        period_stop=re.compile(rf"(?i){edge_l}(?:{words('period_stops')}){edge_r}"),
        location_marker=re.compile(rf"(?i){edge_l}(?:{words('location_markers')})\s+"),
        agent=re.compile(rf"{edge_l}(?:{words('organizer_agents')})\s+"),
        unit_heads=re.compile(rf"{edge_l}(?:{words('organizer_units')}){edge_r}"),
        plan=re.compile(rf"{edge_l}(?:{words('plan_words')}){edge_r}"),
    )
