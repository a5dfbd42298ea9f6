"""Rule sets as data: validation on load, versions side by side, the prefiltered regex runner.

The validation table follows spaCy's ``test_pattern_validation.py``: a rule-file snippet and the
fault the user must read in the error.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import yaml

from extract.document import Document
from extract.ruleset import RULES_DIR, RuleSet, RuleSetError, available, latest, load

HEADER = "name: demo.v1\n"

# (rule-file body after the name line, text the error must contain)
INVALID = [
    ("patterns:\n  - id: a\n    label: x\n", "needs exactly one of 'pattern' or 'regex'"),
    ("patterns:\n  - id: a\n    regex: 'x'\n    pattern: [{LOWER: x}]\n", "needs exactly one of"),
    ("patterns:\n  - id: a\n    regex: '(unclosed'\n", "rule 'a': bad regex"),
    ("patterns:\n  - {id: a, regex: x}\n  - {id: a, regex: y}\n", "duplicate rule id 'a'"),
    ("patterns:\n  - {id: a, regex: x, confidence: 1.5}\n", "less than or equal to 1"),
    ("patterns:\n  - {id: a, pattern: [{LOWR: x}]}\n", "rule 'a': bad token pattern"),  # spaCy's check
    ("patterns:\n  - {id: a, pattern: [{LOWER: x, OP: '++'}]}\n", "rule 'a': bad token pattern"),
    ("patterns:\n  - {id: a, pattern: []}\n", "empty token pattern"),
    ("patterns:\n  - {id: a, regex: x, colour: red}\n", "colour"),  # unknown key: a typo, not ignored
    ("patterns:\n  - {regex: x}\n", "id"),
    ("lexicons:\n  words: ward\n", "lexicons.words"),  # a word list must be a list
    ("rules: []\n", "rules"),  # unknown top-level key
    ("settings:\n  prefilter: [a]\n", "must map rule ids"),
    (
        "settings:\n  prefilter: {b: [x]}\npatterns:\n  - {id: a, regex: x}\n",
        "'b', which is not a regex rule",
    ),
    (
        "settings:\n  prefilter: {a: [x]}\npatterns:\n  - {id: a, pattern: [{LOWER: x}]}\n",
        "'a', which is not a regex rule",
    ),
    ("settings:\n  prefilter: {a: []}\npatterns:\n  - {id: a, regex: x}\n", "non-empty list"),
    ("settings:\n  prefilter: {a: ['  ']}\npatterns:\n  - {id: a, regex: x}\n", "empty word"),
    (  # would never be found in the lowercased text: the rule would silently never run
        "settings:\n  prefilter: {a: [Ngày hội]}\npatterns:\n  - {id: a, regex: x}\n",
        "'Ngày hội' of 'a' must be lowercase",
    ),
    ("patterns: [\n", "demo.v1.yaml"),  # broken YAML names the file
]


def write(folder: Path, stem: str, body: str) -> Path:
    path = folder / f"{stem}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(("body", "error"), INVALID, ids=[e for _, e in INVALID])
def test_invalid_rule_files_are_refused_with_the_reason(tmp_path: Path, body: str, error: str) -> None:
    write(tmp_path, "demo.v1", HEADER + body)
    with pytest.raises(RuleSetError, match=re.escape(error)) as info:
        load("demo.v1", tmp_path)
    assert "demo.v1.yaml" in str(info.value)  # the user learns which file to fix


@pytest.mark.parametrize("name", ["demo", "demo.1", "Demo.v1", "demo.v1.2", "demo-x.v1"])
def test_rule_set_names_are_versioned(name: str) -> None:
    with pytest.raises(ValueError, match=re.escape("must look like 'kind.vN'")):
        RuleSet(name=name)


def test_a_valid_file_loads_and_is_cached(tmp_path: Path) -> None:
    write(
        tmp_path, "demo.v1", HEADER + "lexicons:\n  w: [a]\npatterns:\n  - {id: a, label: t, regex: 'a+'}\n"
    )
    rules = load("demo.v1", tmp_path)
    assert (rules.kind, rules.lexicon("w"), rules.rule("a").confidence) == ("demo", ["a"], 0.8)
    assert load("demo.v1", tmp_path) is rules
    with pytest.raises(RuleSetError, match="has no lexicon 'v'"):
        rules.lexicon("v")
    with pytest.raises(RuleSetError, match="has no rule 'b'"):
        rules.rule("b")


def test_declared_name_must_match_the_file_name(tmp_path: Path) -> None:
    write(tmp_path, "demo.v2", "name: demo.v1\n")
    with pytest.raises(RuleSetError, match=re.escape("declares name 'demo.v1', expected 'demo.v2'")):
        load("demo.v2", tmp_path)


def test_missing_rule_set_names_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(RuleSetError, match=re.escape("'demo.v3' not found")):
        load("demo.v3", tmp_path)


def test_versions_side_by_side(tmp_path: Path) -> None:
    write(tmp_path, "demo.v1", "name: demo.v1\npatterns:\n  - {id: a, regex: a}\n")
    write(tmp_path, "demo.v2", "name: demo.v2\npatterns:\n  - {id: a, regex: b}\n")
    write(tmp_path, "demo.v10", "name: demo.v10\n")
    write(tmp_path, "other.v1", "name: other.v1\n")
    write(tmp_path, "notes", "name: notes\n")  # not a rule-set file name: ignored
    assert available("demo", tmp_path) == ["demo.v1", "demo.v2", "demo.v10"]  # numeric order
    assert available(rules_dir=tmp_path) == ["demo.v1", "demo.v2", "demo.v10", "other.v1"]
    assert latest("demo", tmp_path) == "demo.v10"
    # the old version stays loadable beside the new one, each with its own rules
    assert load("demo.v1", tmp_path).compiled["a"].pattern == "a"
    assert load("demo.v2", tmp_path).compiled["a"].pattern == "b"
    with pytest.raises(RuleSetError, match="no rule set for 'missing'"):
        latest("missing", tmp_path)


def test_every_shipped_rule_set_loads() -> None:
    names = available()
    assert {n.split(".")[0] for n in names} >= {"officials", "figures", "awards", "events"}
    for name in names:
        assert load(name).name == name
        raw = yaml.safe_load((RULES_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
        assert raw["name"] == name


# --- the prefiltered runner --------------------------------------------------------------------

RUNNER = RuleSet.model_validate(
    {
        "name": "demo.v1",
        "settings": {"prefilter": {"festival": ["ngày hội"]}},
        "patterns": [
            {"id": "festival", "regex": r"(?i)ngày hội \w+"},
            {"id": "year", "regex": r"năm \d{4}"},
            {"id": "tokens", "pattern": [{"LOWER": "hội"}]},
        ],
    }
)
TEXT = "Năm 2024 có Ngày hội lớn. Năm nay, ngày hội mới năm 2025 diễn ra. Hội nghị năm 2023."


def spans(rule: str, text: str = TEXT) -> list[str]:
    return [m.group() for m in RUNNER.finditer(rule, Document(text=text))]


def test_finditer_scans_only_sentences_holding_a_literal() -> None:
    assert spans("festival") == ["Ngày hội lớn", "ngày hội mới"]
    # without a prefilter entry the whole text is scanned
    assert spans("year") == ["năm 2025", "năm 2023"]
    # the rule object works as well as its id
    assert [m.group() for m in RUNNER.finditer(RUNNER.rule("year"), Document(text=TEXT))] == spans("year")


def test_finditer_refuses_token_patterns() -> None:
    with pytest.raises(RuleSetError, match=re.escape("'tokens' of demo.v1 is a token pattern")):
        list(RUNNER.finditer("tokens", Document(text=TEXT)))


def test_finditer_with_a_length_changing_lowercase_falls_back_to_the_whole_text() -> None:
    text = "İ ngày hội xanh."  # "İ".lower() is two characters: offsets of the lowercase are off
    assert spans("festival", text) == ["ngày hội xanh"]


@pytest.mark.parametrize("name", sorted({"events.v1", "awards.v1", latest("events"), latest("awards")}))
def test_prefilters_of_shipped_rules_never_lose_a_match(shared_dir: Path, name: str) -> None:
    """A prefilter is only a speed-up: over the development articles, results equal a full scan."""
    rules = load(name)
    prefiltered = rules.settings["prefilter"]
    for path in sorted((shared_dir / "corpus" / "seeds").glob("*.txt")):
        document = Document(text=path.read_text(encoding="utf-8"))
        for rule_id in prefiltered:
            full = [m.span() for m in rules.compiled[rule_id].finditer(document.text)]
            assert [m.span() for m in rules.finditer(rule_id, document)] == full, (path.name, rule_id)


def test_token_patterns_run_on_spacys_matcher_over_syllables() -> None:
    """A rule may be a spaCy token pattern; ``find`` gives its character spans like a regex's."""
    rules = RuleSet.model_validate(
        {
            "name": "demo.v1",
            "patterns": [
                {"id": "festival", "pattern": [{"LOWER": "ngày"}, {"LOWER": "hội"}]},
                {"id": "count", "pattern": [{"LIKE_NUM": True}, {"LOWER": {"IN": ["tổ", "thôn"]}}]},
                {"id": "hoi_nghi", "regex": "(?i)hội nghị"},
            ],
        }
    )
    text = "NGÀY HỘI ở xã Tân Mỹ có hai tổ tự quản. Hội nghị diễn ra; 12 thôn tham gia ngày hội."
    document = Document(text=text)
    found = {
        rule: [text[s:e] for s, e in rules.find(rule, document)] for rule in ("festival", "count", "hoi_nghi")
    }
    assert found == {
        "festival": ["NGÀY HỘI", "ngày hội"],
        "count": ["hai tổ", "12 thôn"],
        "hoi_nghi": ["Hội nghị"],
    }


def _spacy_spans(rules: RuleSet, rule_id: str, document: Document) -> list[tuple[int, int]]:
    """What spaCy's Matcher and ``filter_spans`` give for a rule: the reference of the fast path."""
    from spacy.util import filter_spans

    doc = document.doc
    key = doc.vocab.strings[rule_id]
    spans = [doc[s:e] for match_id, s, e in rules.matcher(doc) if match_id == key]
    return [document.char_span(sp) for sp in sorted(filter_spans(spans), key=lambda sp: sp.start)]


@pytest.mark.parametrize(
    "text",
    [
        "NGÀY HỘI ngày hội, Ngày  hội\nngày\nhội. ngàyhội ngày-hội sự ngày hội",
        "hội hội hội hội ngày hội hội",
        "İ NGÀY HỘI Σ hội",  # a lowercase that changes length: no offsets in ``lowered``
        "ΣΑΣ σας ngày hội",
        "5ngày hội ngày5 hội 1.000ngày hội 2,ngày hội a-ngày hội, (ngày hội) ngày_hội",
        "",
        *(
            "".join(
                random.Random(seed).choices(
                    ["ngày", "hội", "NGÀY", "Hội", " ", "\n", "5", ".", ",", "a"], k=40
                )
            )
            for seed in range(30)
        ),
    ],
)
def test_lowercase_token_patterns_read_off_the_text_as_spacy_matches_them(text: str) -> None:
    """Patterns of plain LOWER words skip the spaCy Doc; their spans must be the Matcher's."""
    rules = RuleSet.model_validate(
        {
            "name": "demo.v1",
            "patterns": [
                {"id": "festival", "pattern": [{"LOWER": "ngày"}, {"LOWER": "hội"}]},
                {"id": "twice", "pattern": [{"LOWER": "hội"}, {"LOWER": "hội"}]},
                {"id": "sigma", "pattern": [{"LOWER": "σας"}]},
                {"id": "one", "pattern": [{"LOWER": "hội"}]},
            ],
        }
    )
    assert set(rules._lower_words) == {"festival", "twice", "sigma", "one"}
    for rule_id in rules._lower_words:
        assert list(rules.find(rule_id, Document(text=text))) == _spacy_spans(
            rules, rule_id, Document(text=text)
        )


ARTICLE = (
    "Xã Tân Lập tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc\n\n"
    "Sáng 12/1, Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc xã Tân Lập tổ chức hội"
    " nghị tổng kết phong trào năm 2025. Dự hội nghị có Thượng tá Lò Văn Khánh, Phó Trưởng Công an huyện."
    " Năm qua, xã duy trì hơn 120 tổ tự quản và 12/12 thôn đạt chuẩn an toàn về an ninh, trật tự."
    " Thừa ủy quyền của Chủ tịch UBND huyện, Thượng tá Lò Văn Khánh trao Giấy khen cho 3 tập thể."
)


@pytest.mark.parametrize("kind", ["officials", "figures", "awards", "events"])
def test_every_rule_set_on_disk_still_runs(kind: str) -> None:
    """Older rule sets stay usable with today's code: a stored record can be traced and re-made."""
    import datetime as dt

    from extract.pipeline import extract_text

    for name in available(kind):
        records = getattr(extract_text(ARTICLE, dt.date(2026, 1, 12), versions={kind: name}), kind)
        assert records and {r.ruleset for r in records} == {name}
