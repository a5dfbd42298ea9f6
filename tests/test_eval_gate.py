"""The evaluation gate: the extractor keeps its F1 floor on the shared development set.

The development set lives outside the repository (``../shared/corpus``: real articles stay
there, never copied in).  ``eval/baseline.json`` holds the floor; it is only raised, and
lowering it takes the explicit ``allow_lower`` flag.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import eval as evaluation
from eval import gate
from eval.scoring import Counts, EvalReport

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD_DIR = SHARED / "corpus" / "gold"
TEXT_DIR = SHARED / "corpus" / "seeds"


@pytest.mark.skipif(
    not (GOLD_DIR.is_dir() and TEXT_DIR.is_dir()),
    reason=f"the shared development set is not checked out next to the repository ({SHARED})",
)
def test_extractor_keeps_the_baseline() -> None:
    report = evaluation.run(GOLD_DIR, TEXT_DIR)
    baseline = gate.load()
    assert set(baseline) == {"officials", "figures", "awards", "events"}
    failures = gate.check(report, baseline)
    assert not failures, "F1 fell below eval/baseline.json:\n" + "\n".join(failures)


def report_with(**f1_counts: tuple[int, int, int]) -> EvalReport:
    """A report whose kinds have the given (tp, fp, fn)."""
    kinds = {kind: Counts(*counts) for kind, counts in f1_counts.items()}
    return EvalReport(kinds=kinds, attributes={}, articles=[])


def write(path: Path, data: dict[str, float]) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("stored", "counts", "allow_lower", "expected"),
    [
        # F1 2/3 is stored rounded down, never above what was measured
        ({}, (2, 1, 1), False, 0.666),
        ({"figures": 0.5}, (2, 1, 1), False, 0.666),
        ({"figures": 0.9}, (2, 1, 1), False, 0.9),
        ({"figures": 0.9}, (2, 1, 1), True, 0.666),
        ({"figures": 0.9}, (0, 0, 5), False, 0.9),
        ({"figures": 0.9}, (0, 0, 5), True, 0.0),
        ({"figures": 1.0}, (3, 0, 0), False, 1.0),
    ],
)
def test_update_only_raises_unless_allowed(
    tmp_path: Path, stored: dict[str, float], counts: tuple[int, int, int], allow_lower: bool, expected: float
) -> None:
    path = write(tmp_path / "baseline.json", stored) if stored else tmp_path / "baseline.json"
    written = gate.update(report_with(figures=counts), path, allow_lower=allow_lower)
    assert written["figures"] == expected
    assert json.loads(path.read_text(encoding="utf-8")) == written


def test_update_keeps_other_kinds_and_sorts(tmp_path: Path) -> None:
    path = write(tmp_path / "baseline.json", {"officials": 0.8, "awards": 0.3})
    gate.update(report_with(officials=(1, 1, 1), awards=(1, 0, 0)), path)
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == {"awards": 1.0, "officials": 0.8}
    assert text.index('"awards"') < text.index('"officials"') and text.endswith("\n")


@pytest.mark.parametrize(
    ("baseline", "counts", "failing"),
    [
        ({"figures": 0.5}, (1, 0, 0), []),
        ({"figures": 0.5}, (1, 1, 1), []),  # exactly on the floor passes
        ({"figures": 0.5}, (1, 2, 2), ["figures"]),
        ({"events": 0.1}, (1, 0, 0), ["events"]),  # a kind the report does not measure
    ],
)
def test_check(baseline: dict[str, float], counts: tuple[int, int, int], failing: list[str]) -> None:
    failures = gate.check(report_with(figures=counts), baseline)
    assert [f.split(":")[0] for f in failures] == failing


def test_baseline_never_above_measured_after_update(tmp_path: Path) -> None:
    report = report_with(officials=(7, 2, 3))
    path = tmp_path / "baseline.json"
    gate.update(report, path)
    assert gate.check(report, gate.load(path)) == []


def test_bad_baseline_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text('{"figures": "high"}', encoding="utf-8")
    with pytest.raises(gate.BaselineError, match="kind -> minimum F1"):
        gate.load(path)
