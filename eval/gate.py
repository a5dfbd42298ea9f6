"""The F1 floor the extractor must keep on the development set (``eval/baseline.json``).

Like trafilatura's evaluation gate: a change to the rules that loses quality fails the build,
and the floor only moves up.  Lowering it is a decision someone takes on purpose, with
``allow_lower=True``, never a side effect of re-running the evaluation.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path

from eval.gold import KINDS
from eval.scoring import EvalReport

BASELINE_PATH = Path(__file__).with_name("baseline.json")

# Stored minima are rounded down to this many decimals, so a floor is never above what was measured.
_DECIMALS = 3
_TOLERANCE = 1e-9


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message names the file."""


def load(path: Path | None = None) -> dict[str, float]:
    """The minimum F1 per kind; a missing file means no floor yet."""
    path = path or BASELINE_PATH
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc})") from exc
    if not isinstance(data, dict) or not all(isinstance(v, int | float) for v in data.values()):
        raise BaselineError(f'{path}: expected an object of kind -> minimum F1, e.g. {{"figures": 0.5}}')
    return {str(kind): float(value) for kind, value in data.items()}


def check(report: EvalReport, baseline: Mapping[str, float]) -> list[str]:
    """One message per kind whose F1 fell below its floor; empty when the gate passes."""
    failures: list[str] = []
    measured = report.f1()
    for kind, minimum in sorted(baseline.items()):
        if kind not in measured:
            failures.append(f"{kind}: in the baseline but not measured by the evaluation")
        elif measured[kind] + _TOLERANCE < minimum:
            failures.append(f"{kind}: F1 {measured[kind]:.3f} is below the baseline {minimum:.3f}")
    return failures


def _floor(value: float) -> float:
    scale = 10**_DECIMALS
    return math.floor(value * scale + _TOLERANCE) / scale


def update(report: EvalReport, path: Path | None = None, allow_lower: bool = False) -> dict[str, float]:
    """Raise each kind's floor to the measured F1 (rounded down); lower one only with ``allow_lower``.

    Returns the baseline as written (sorted JSON, so diffs stay readable).
    """
    path = path or BASELINE_PATH
    current = load(path)
    new = dict(current)
    for kind, f1 in report.f1().items():
        if kind not in KINDS:
            continue
        measured = _floor(f1)
        if kind not in current or measured > current[kind] or allow_lower:
            new[kind] = measured
    path.write_text(json.dumps(new, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return new
