"""The events rule set's word lists, turned into regexes once per rule-set object."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.ruleset import RuleSet

EDGE_L, EDGE_R = r"(?<![^\W\d_])", r"(?![^\W\d_])"


@dataclass(frozen=True, slots=True)
class Words:
    """Word lists of the rule set as regexes (see ``rules/events.v1.yaml`` for each list)."""

    organize: re.Pattern[str]
    cue_before: re.Pattern[str]
    attended: re.Pattern[str]
    heads: re.Pattern[str]
    cut: re.Pattern[str]
    period_stop: re.Pattern[str]
    location_marker: re.Pattern[str]
    agent: re.Pattern[str]
    unit_heads: re.Pattern[str]
    plan: re.Pattern[str]
    review: re.Pattern[str]
    counted: re.Pattern[str]
    counted_subject: re.Pattern[str]
    follow_on: re.Pattern[str]
    connective: re.Pattern[str]
    held_at_many: re.Pattern[str]
    held_many_times: re.Pattern[str]
    campaign: re.Pattern[str]
    nominal: re.Pattern[str]
    plan_before: re.Pattern[str]
    report: re.Pattern[str]
    caption_stop: re.Pattern[str]
    purpose: re.Pattern[str]
    turnout: re.Pattern[str]
    held_at: re.Pattern[str]
    pilot: re.Pattern[str]  # '“điểm” của Bộ Công an ' before "tại xã A" (.match)
    festival_ceremony: re.Pattern[str]  # "lễ kỷ niệm", "lễ mít tinh": a ceremony a festival day may be

    @staticmethod
    def of(rules: RuleSet) -> Words:
        cached = _COMPILED.get(id(rules))
        if cached is None or cached[0] is not rules:  # kept alive here, so its id stays unique
            cached = _COMPILED[id(rules)] = (rules, _compile(rules))
        return cached[1]


_COMPILED: dict[int, tuple[RuleSet, Words]] = {}


def _compile(rules: RuleSet) -> Words:
    def words(lexicon: str) -> str:
        found = rules.lexicon(lexicon)  # empty in an older set that predates the list: matches nothing
        return "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True)) or "(?!)"

    ceremonies = rules.settings.get("festival_ceremonies") or {}
    return Words(
        festival_ceremony=re.compile(rf"(?i){EDGE_L}(?:{ceremonies.get('trigger') or '(?!)'})"),
        # "tổ chức thực hiện" carries a programme out: no gathering held
        organize=re.compile(
            rf"(?i){EDGE_L}(?:{words('organize_verbs')}){EDGE_R}(?!\s+(?:{words('organize_verb_stops')}){EDGE_R})"
        ),
        cue_before=re.compile(
            rf"(?i){EDGE_L}(?!(?:{words('not_cues')}){EDGE_R})(?:{words('mention_cues')})\s+(?:\S+\s+){{0,2}}$"
        ),
        attended=re.compile(
            rf"(?i){EDGE_L}(?!(?:{words('not_cues')}){EDGE_R})(?:{words('attendance_cues')})"
            rf"\s+(?:\S+\s+){{0,2}}$"
        ),
        heads=re.compile(rf"{EDGE_L}(?:{words('organizer_heads')}){EDGE_R}"),
        cut=re.compile(rf"(?i)\s+(?:{words('organizer_cut')}){EDGE_R}"),
        period_stop=re.compile(rf"(?i){EDGE_L}(?:{words('period_stops')}){EDGE_R}"),
        location_marker=re.compile(rf"(?i){EDGE_L}(?:{words('location_markers')})\s+"),
        agent=re.compile(rf"{EDGE_L}(?:{words('organizer_agents')})\s+"),
        unit_heads=re.compile(rf"{EDGE_L}(?:{words('organizer_units')}){EDGE_R}"),
        # "Ban chỉ đạo" is a body, "dưới sự chỉ đạo của ...", "Thực hiện chỉ đạo của ..." a noun: no plan
        plan=re.compile(
            rf"{EDGE_L}(?<!Ban )(?<!ban )(?<!sự )(?:{words('plan_words')}){EDGE_R}(?<!chỉ đạo(?=\s+của\b))"
        ),
        plan_before=re.compile(rf"{EDGE_L}(?:{words('plan_objects')})\s+(?:cho\s+)?[“\"']?$"),
        report=re.compile(rf"(?i){EDGE_L}(?:{words('report_verbs')}){EDGE_R}"),
        caption_stop=re.compile(rf"(?i){EDGE_L}(?:{words('caption_stops')}){EDGE_R}"),
        # "được tổ chức nhằm ...": the aim of a gathering, not its report
        purpose=re.compile(
            rf"(?i){EDGE_L}(?:{words('organize_verbs')})\s+(?:{words('purpose_words')}){EDGE_R}"
        ),
        nominal=re.compile(rf"(?i){EDGE_L}(?:{words('nominal_markers')})\s+$"),
        # "Buổi tuyên truyền thu hút hơn 200 người": who came, counted (used with .match after a trigger)
        turnout=re.compile(
            rf"(?i)\s*(?:{words('turnout_verbs')})\s+(?:(?:{words('count_qualifiers')})\s+)?\d"
        ),
        # "“Ngày hội ...” năm 2025 tại xã A": a word before the commune whose gathering it is (.match)
        held_at=re.compile(rf"(?:{words('held_at_cues')})\s+"),
        pilot=re.compile(
            rf"[“”\"]?\s*(?:{words('pilot_words')}){EDGE_R}[”\"]?\s*(?:của\s+(?:[^\s,.;]+\s+){{1,5}}?(?=(?:tại|ở)\s))?"
        ),
        review=re.compile(rf"(?i){EDGE_L}(?:{words('review_cues')}){EDGE_R}"),
        # "25 hội nghị", "1.200 buổi": a count (never a date "12/8 " nor a year "2025 ")
        counted=re.compile(
            rf"(?i)(?:{EDGE_L}(?:{words('count_words')})|(?<![\d/.,:-])\d{{1,3}}(?:[.,]\d{{3}})*)\s+$"
        ),
        # "có trên 5.800 điểm ... tổ chức Ngày hội", "100% khu dân cư đã tổ chức": many gatherings
        counted_subject=re.compile(
            rf"(?i){EDGE_L}(?:{words('count_intros')})\s+(?:(?:{words('count_qualifiers')})\s+)?\d"
            r"|(?<![\d/.,])\d{1,3}(?:[.,]\d+)?\s*%"
        ),
        # a clause of connectives only, before a verb with no subject (used with .fullmatch)
        connective=re.compile(rf"(?i)[\W_]*(?:(?:{words('connectives')}){EDGE_R}[\W_]*)*"),
        # "được tổ chức tại 76 đơn vị", "tổ chức ở hơn 300 điểm": held in many places
        held_at_many=re.compile(
            rf"(?i){EDGE_L}(?:{words('organize_verbs')})\s+(?:{words('location_markers')})\s+"
            rf"(?:(?:{words('count_qualifiers')})\s+)?\d"
        ),
        campaign=re.compile(rf"(?i){EDGE_L}(?:{words('campaign_cues')}){EDGE_R}"),
        # "tổ chức diễn đàn ... được 1.700 buổi": sessions counted after the trigger
        held_many_times=re.compile(
            rf"(?i){EDGE_L}(?:{words('session_count_intros')})\s+(?:(?:{words('count_qualifiers')})\s+)?"
            rf"\d[\d.,]*\s+(?:{words('session_counters')}){EDGE_R}"
        ),
        follow_on=re.compile(rf"(?i)\W*(?:{words('follow_on_cues')}){EDGE_R}"),  # used with .match
    )
