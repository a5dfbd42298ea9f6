"""Matching and scoring rules of ANNOTATION.md "Scoring", as tables of tiny gold/prediction pairs.

Names, places and sentences are invented; the real development set is only read by
tests/test_eval_gate.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

import eval as evaluation
from eval.gold import GoldArticle, GoldError, parse_gold
from eval.matching import fold, fold_chars
from eval.report import render
from eval.scoring import Counts, EvalReport, score_article, score_kind


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Lê Văn Tâm", "le van tam"),
        ("ĐẶNG THỊ HUỆ", "dang thi hue"),
        ("Tỉnh uỷ viên", "Tỉnh ủy viên"),
        ("hoà giải", "hòa giải"),
        ("  Phó  Chủ tịch\nUBND ", "phó chủ tịch ubnd"),
    ],
)
def test_fold_equates_case_diacritics_tone_placement_and_spacing(left: str, right: str) -> None:
    assert fold(left) == fold(right)


def test_fold_chars_keeps_offsets() -> None:
    text = "Thượng tá Đỗ Quý Hoà"
    assert len(fold_chars(text)) == len(text)
    assert fold_chars(text).index("do quy") == text.index("Đỗ Quý")


def off(name: str, **extra: object) -> dict[str, object]:
    return {"name": name, **extra}


def fig(value: float, unit: str | None = None, **extra: object) -> dict[str, object]:
    return {"value": value, "unit": unit, **extra}


def award(type_: str, issuer: str | None = None, **extra: object) -> dict[str, object]:
    return {"type": type_, "issuer": issuer, **extra}


def event(type_: str, date: str | None = None, **extra: object) -> dict[str, object]:
    return {"type": type_, "date": date, **extra}


OPTIONAL = {"optional": True}

# (case id, kind, gold records, predicted records, expected (tp, fp, fn))
CASES = [
    # officials: the name decides, spelling folded
    ("name-folded", "officials", [off("Lê Văn Tâm")], [off("LÊ VĂN TÂM")], (1, 0, 0)),
    ("name-tone-placement", "officials", [off("Vũ Thị Thuỷ")], [off("Vũ Thị Thủy")], (1, 0, 0)),
    ("name-different", "officials", [off("Lê Văn Tâm")], [off("Lê Văn Tân")], (0, 1, 1)),
    # diacritics are folded by the contract, so a tone slip still matches
    ("name-diacritic-slip", "officials", [off("Lê Văn Tâm")], [off("Lê Văn Tám")], (1, 0, 0)),
    ("name-partial-is-not-a-match", "officials", [off("Lê Văn Tâm")], [off("Văn Tâm")], (0, 1, 1)),
    (
        "name-repeat-is-fp",
        "officials",
        [off("Lê Văn Tâm")],
        [off("Lê Văn Tâm"), off("Lê Văn Tâm")],
        (1, 1, 0),
    ),
    ("nothing-predicted", "officials", [off("A B"), off("C D")], [], (0, 0, 2)),
    ("nothing-expected", "officials", [], [off("A B")], (0, 1, 0)),
    # optional gold: neither reward nor penalty; a second copy is still a repeat
    ("optional-matched", "officials", [off("Hà Văn Sơn", **OPTIONAL)], [off("Hà Văn Sơn")], (0, 0, 0)),
    ("optional-missed", "officials", [off("Hà Văn Sơn", **OPTIONAL)], [], (0, 0, 0)),
    (
        "optional-repeat-is-fp",
        "officials",
        [off("Hà Văn Sơn", **OPTIONAL)],
        [off("Hà Văn Sơn"), off("Hà Văn Sơn")],
        (0, 1, 0),
    ),
    (
        "required-before-optional",
        "officials",
        [off("Hà Văn Sơn", **OPTIONAL), off("Hà Văn Sơn")],
        [off("Hà Văn Sơn")],
        (1, 0, 0),
    ),
    # figures: value, total and head noun
    ("head-prefix", "figures", [fig(40, "tổ", head="tổ")], [fig(40, "tổ tự quản về ANTT")], (1, 0, 0)),
    (
        "head-inside",
        "figures",
        [fig(40, "khu dân cư", head="khu dân cư")],
        [fig(40, "các khu dân cư")],
        (1, 0, 0),
    ),
    ("head-folded", "figures", [fig(40, "Tổ", head="tổ")], [fig(40, "TỔ an ninh")], (1, 0, 0)),
    ("own-head", "figures", [fig(7, "buổi", head="buổi")], [fig(7, "lượt tuần tra", head="Buổi")], (1, 0, 0)),
    ("head-not-a-syllable-prefix", "figures", [fig(40, "tổ", head="tổ")], [fig(40, "toàn dân")], (0, 1, 1)),
    ("head-missing", "figures", [fig(40, "tổ", head="tổ")], [fig(40, None)], (0, 1, 1)),
    ("value-differs", "figures", [fig(40, "tổ", head="tổ")], [fig(41, "tổ")], (0, 1, 1)),
    ("value-float", "figures", [fig(21500, "điểm", head="điểm")], [fig(21500.0, "điểm")], (1, 0, 0)),
    (
        "ratio-total",
        "figures",
        [fig(19, "tiêu chí", total=20, head="tiêu chí")],
        [fig(19, "tiêu chí", total=20)],
        (1, 0, 0),
    ),
    (
        "ratio-total-missing",
        "figures",
        [fig(19, "tiêu chí", total=20, head="tiêu chí")],
        [fig(19, "tiêu chí")],
        (0, 1, 1),
    ),
    ("no-head-uses-unit", "figures", [fig(3, "xã")], [fig(3, "xã vùng cao")], (1, 0, 0)),
    (
        "same-value-two-units",
        "figures",
        [fig(5, "tổ", head="tổ"), fig(5, "mô hình", head="mô hình")],
        [fig(5, "mô hình điểm"), fig(5, "tổ liên gia")],
        (2, 0, 0),
    ),
    # awards: issuer, or type when gold does not know the issuer
    ("issuer", "awards", [award("Bằng khen", "UBND tỉnh")], [award("Bằng khen", "Ubnd Tỉnh")], (1, 0, 0)),
    (
        "issuer-decides-not-type",
        "awards",
        [award("Bằng khen", "UBND tỉnh")],
        [award("Giấy khen", "UBND tỉnh")],
        (1, 0, 0),
    ),
    (
        "issuer-differs",
        "awards",
        [award("Bằng khen", "UBND tỉnh")],
        [award("Bằng khen", "UBND huyện")],
        (0, 1, 1),
    ),
    ("issuer-not-predicted", "awards", [award("Bằng khen", "UBND tỉnh")], [award("Bằng khen")], (0, 1, 1)),
    (
        "type-when-issuer-unknown",
        "awards",
        [award("Giấy khen")],
        [award("giấy khen", "Công an huyện")],
        (1, 0, 0),
    ),
    ("type-differs-issuer-unknown", "awards", [award("Giấy khen")], [award("Bằng khen")], (0, 1, 1)),
    (
        "caption-repeat-is-fp",
        "awards",
        [award("Cờ thi đua", "Bộ Công an")],
        [award("Cờ thi đua", "Bộ Công an"), award("Cờ thi đua", "Bộ Công an")],
        (1, 1, 0),
    ),
    (
        "optional-generic-award",
        "awards",
        [award("Khen thưởng", "UBND xã", **OPTIONAL)],
        [award("Khen thưởng", "UBND xã")],
        (0, 0, 0),
    ),
    # events: type and date; gold without date accepts any date
    (
        "event-same-date",
        "events",
        [event("so_ket", "2025-07-10")],
        [event("so_ket", "2025-07-10")],
        (1, 0, 0),
    ),
    (
        "event-other-date",
        "events",
        [event("so_ket", "2025-07-10")],
        [event("so_ket", "2025-07-11")],
        (0, 1, 1),
    ),
    ("event-null-date-any", "events", [event("ngay_hoi")], [event("ngay_hoi", "2024-08-19")], (1, 0, 0)),
    ("event-null-date-none", "events", [event("ngay_hoi")], [event("ngay_hoi")], (1, 0, 0)),
    ("event-date-not-predicted", "events", [event("tong_ket", "2025-12-20")], [event("tong_ket")], (0, 1, 1)),
    ("event-type-differs", "events", [event("tong_ket")], [event("so_ket")], (0, 1, 1)),
]


@pytest.mark.parametrize(
    ("kind", "gold", "pred", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_score_kind(kind: str, gold: list[dict], pred: list[dict], expected: tuple[int, int, int]) -> None:
    counts = score_kind(kind, gold, pred).counts
    assert (counts.tp, counts.fp, counts.fn) == expected


def test_greedy_pairs_same_issuer_by_type() -> None:
    gold = [award("Bằng khen", "UBND tỉnh"), award("Cờ thi đua", "UBND tỉnh")]
    pred = [award("Cờ thi đua", "UBND tỉnh"), award("Bằng khen", "UBND tỉnh")]
    result = score_kind("awards", gold, pred)
    assert all(g["type"] == p["type"] for g, p in result.pairs)


@pytest.mark.parametrize(
    ("counts", "precision", "recall", "f1"),
    [
        (Counts(tp=2, fp=1, fn=1), 2 / 3, 2 / 3, 2 / 3),
        (Counts(tp=1, fp=0, fn=3), 1.0, 0.25, 0.4),
        (Counts(tp=0, fp=0, fn=4), 0.0, 0.0, 0.0),
        (Counts(tp=0, fp=2, fn=0), 0.0, 0.0, 0.0),
        (Counts(), 1.0, 1.0, 1.0),
    ],
)
def test_counts(counts: Counts, precision: float, recall: float, f1: float) -> None:
    assert counts.precision == pytest.approx(precision)
    assert counts.recall == pytest.approx(recall)
    assert counts.f1 == pytest.approx(f1)


GOLD = parse_gold(
    {
        "id": "t1",
        "published": "2025-06-12",
        "officials": [off("Lê Văn Tâm", rank="Thượng tá"), off("Vi Thị Mai", rank=None)],
        "figures": [fig(15, "tổ", head="tổ", qualifier="over"), fig(9, "xã", head="xã")],
        "awards": [award("Giấy khen", "Công an huyện")],
        "events": [event("ngay_hoi", None, location="xã Hòa Lạc")],
    },
    "t1.json",
)


@pytest.mark.parametrize(
    ("prediction", "attribute", "expected"),
    [
        ({"officials": [off("Lê Văn Tâm", rank="thượng tá")]}, "officials.rank", (1, 1)),
        ({"officials": [off("Lê Văn Tâm", rank="Đại tá")]}, "officials.rank", (0, 1)),
        ({"officials": [off("Vi Thị Mai")]}, "officials.rank", (1, 1)),
        ({"figures": [fig(15, "tổ", qualifier="over")]}, "figures.qualifier", (1, 1)),
        ({"figures": [fig(15, "tổ"), fig(9, "xã")]}, "figures.qualifier", (1, 2)),
        ({"figures": [fig(9, "xã", kind="percent")]}, "figures.kind", (0, 1)),
        ({"awards": [award("Bằng khen", "Công an huyện")]}, "awards.type", (0, 1)),
        ({"events": [event("ngay_hoi", "2025-06-10", location="xã Hoà Lạc")]}, "events.location", (1, 1)),
        ({"events": [event("ngay_hoi", location="thôn Đông")]}, "events.location", (0, 1)),
        ({"article": {"published": "2025-06-12"}}, "article.published", (1, 1)),
        ({"article": {"published": "2025-06-11"}}, "article.published", (0, 1)),
        ({}, "article.published", (0, 1)),
    ],
)
def test_attribute_accuracy(prediction: dict, attribute: str, expected: tuple[int, int]) -> None:
    acc = score_article(GOLD, prediction).attributes[attribute]
    assert (acc.correct, acc.total) == expected


def test_unmatched_attributes_are_not_scored() -> None:
    acc = score_article(GOLD, {"officials": [off("Nông Văn Ba", rank="Đại tá")]}).attributes["officials.rank"]
    assert acc.total == 0 and acc.value is None


def test_report_sums_articles() -> None:
    first = score_article(GOLD, {"officials": [off("Lê Văn Tâm"), off("Bế Văn Đàn")]})
    second = score_article(GOLD, {"officials": [off("Vi Thị Mai")]})
    report = EvalReport.from_articles([first, second])
    officials = report.kinds["officials"]
    assert (officials.tp, officials.fp, officials.fn) == (2, 1, 2)
    assert report.attributes["article.published"].total == 2


def test_mismatches_carry_evidence() -> None:
    text = "Xã Hòa Lạc tổ chức Ngày hội.\nĐồng chí Vi Thị Mai phát biểu tại buổi lễ."
    prediction = {
        "officials": [off("Lê Văn Tâm"), off("Ngày Hội", evidence={"text": "X", "start": 0, "end": 1})],
    }
    mismatches = score_article(GOLD, prediction, text).mismatches
    fp = next(m for m in mismatches if m.status == "false positive" and m.record["name"] == "Ngày Hội")
    assert fp.evidence == "X" and "evidence" not in fp.record
    miss = next(m for m in mismatches if m.status == "miss" and m.record.get("name") == "Vi Thị Mai")
    assert miss.evidence == "Đồng chí Vi Thị Mai phát biểu tại buổi lễ." and miss.evidence_guessed


# An invented article in the seeds' plain-text form (first line: " date YYYY-MM-DD Title").
ARTICLE = """ date 2025-09-05 Xã Tân Lập tổ chức Ngày hội Toàn dân bảo vệ an ninh Tổ quốc

Sáng 4/9, Ban Chỉ đạo xã Tân Lập tổ chức Ngày hội Toàn dân bảo vệ an ninh Tổ quốc năm 2025.
Thượng tá Lò Văn Khiêm, Phó Trưởng Công an huyện phát biểu tại Ngày hội.
Toàn xã có 12 tổ bảo vệ ANTT ở cơ sở với 36 thành viên.
Dịp này, Công an huyện tặng Giấy khen cho 3 tập thể.
"""

ARTICLE_GOLD = {
    "id": "t_tan_lap",
    "published": "2025-09-05",
    "events": [{"type": "ngay_hoi", "date": "2025-09-04", "location": "xã Tân Lập"}],
    "officials": [{"name": "Lò Văn Khiêm", "rank": "Thượng tá", "positions": ["Phó Trưởng Công an huyện"]}],
    "figures": [
        {"value": 12, "kind": "count", "head": "tổ", "unit": "tổ bảo vệ ANTT ở cơ sở"},
        {"value": 36, "kind": "count", "head": "thành viên", "unit": "thành viên"},
        {"value": 3, "kind": "count", "head": "tập thể", "unit": "tập thể", "optional": True},
    ],
    "awards": [{"type": "Giấy khen", "issuer": "Công an huyện", "recipient_count": 3}],
}


@pytest.fixture
def dev_set(tmp_path: Path) -> tuple[Path, Path]:
    gold_dir, text_dir = tmp_path / "gold", tmp_path / "texts"
    gold_dir.mkdir()
    text_dir.mkdir()
    (gold_dir / "t_tan_lap.json").write_text(json.dumps(ARTICLE_GOLD, ensure_ascii=False), encoding="utf-8")
    (text_dir / "t_tan_lap.txt").write_text(ARTICLE, encoding="utf-8")
    return gold_dir, text_dir


def test_run_scores_an_article(dev_set: tuple[Path, Path]) -> None:
    report = evaluation.run(*dev_set, detail=True)
    assert [a.id for a in report.articles] == ["t_tan_lap"]
    required = {"officials": 1, "figures": 2, "awards": 1, "events": 1}
    for kind, n in required.items():
        counts = report.kinds[kind]
        assert counts.tp + counts.fn == n, kind
    assert report.attributes["article.published"].correct == 1
    data = json.loads(report.to_json())
    assert set(data["kinds"]) == set(required) and data["per_article"][0]["id"] == "t_tan_lap"
    console = Console(record=True, width=140)
    render(report, console)
    assert "officials" in console.export_text()


def test_run_needs_the_text(dev_set: tuple[Path, Path]) -> None:
    gold_dir, text_dir = dev_set
    (text_dir / "t_tan_lap.txt").unlink()
    with pytest.raises(GoldError, match=r"t_tan_lap\.txt"):
        evaluation.run(gold_dir, text_dir)


def test_cli_main(dev_set: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluation.cli_main(*dev_set, detail=False, as_json=True) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 1
    assert evaluation.cli_main(tmp_path / "nowhere", dev_set[1], detail=False, as_json=False) == 2
    assert "no such gold directory" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("data", "message"),
    [([], "JSON object"), ({"officials": {"name": "X"}}, "'officials' must be a list")],
)
def test_bad_gold_is_reported(data: object, message: str) -> None:
    with pytest.raises(GoldError, match=message):
        parse_gold(data, "bad.json")


def test_gold_article_optional_flag() -> None:
    assert GoldArticle.is_optional({"optional": True}) and not GoldArticle.is_optional({})
