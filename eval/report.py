"""The evaluation report as rich tables for a terminal.

The summary answers "how good is the extractor"; the detail (``--detail``) answers "what do I
fix next": every false positive and miss, grouped by article, with the sentence to read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from eval.scoring import EvalReport, Mismatch


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def summary(kind: str, record: Mapping[str, Any]) -> str:
    """One line naming a record by the fields it is matched and judged on."""
    get = record.get
    if kind == "officials":
        parts = [get("rank"), get("name")]
        text = " ".join(str(p) for p in parts if p)
        return f"{text} — {', '.join(get('positions') or [])}" if get("positions") else text
    if kind == "figures":
        number = f"{get('value')}/{get('total')}" if get("total") is not None else str(get("value"))
        qualifier = f"{get('qualifier')} " if get("qualifier") else ""
        head = f" (head: {get('head')})" if get("head") else ""
        return f"{qualifier}{number} {get('unit') or ''}{head} [{get('kind') or 'count'}]".strip()
    if kind == "awards":
        return f"{get('type')} — issuer: {get('issuer') or '?'}"
    if kind == "events":
        return f"{get('type')} on {get('date') or 'any date'} at {get('location') or '?'}"
    return str(dict(record))


def scores_table(report: EvalReport) -> Table:
    table = Table(title=f"Extraction scores over {len(report.articles)} articles")
    for column in ("kind", "TP", "FP", "FN", "P %", "R %", "F1 %"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for kind, counts in report.kinds.items():
        table.add_row(
            kind,
            str(counts.tp),
            str(counts.fp),
            str(counts.fn),
            _pct(counts.precision),
            _pct(counts.recall),
            _pct(counts.f1),
        )
    return table


def attributes_table(report: EvalReport) -> Table:
    table = Table(title="Attribute accuracy over matched records")
    table.add_column("attribute")
    table.add_column("correct", justify="right")
    table.add_column("accuracy %", justify="right")
    for name, acc in report.attributes.items():
        table.add_row(name, f"{acc.correct}/{acc.total}", _pct(acc.value))
    return table


def mismatch_table(article_id: str, mismatches: list[Mismatch]) -> Table:
    table = Table(title=f"{article_id}: false positives and misses", show_lines=True, expand=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("record", ratio=2)
    table.add_column("evidence", ratio=3)
    for item in mismatches:
        status = "[red]FP[/red]" if item.status == "false positive" else "[yellow]miss[/yellow]"
        evidence = escape(item.evidence) if item.evidence else "[dim](not found in the text)[/dim]"
        if item.evidence and item.evidence_guessed:
            evidence = f"[dim](near)[/dim] {evidence}"
        table.add_row(item.kind, status, escape(summary(item.kind, item.record)), evidence)
    return table


def render(report: EvalReport, console: Console) -> None:
    """Print the scores, the attribute accuracies and, with detail, every error by article."""
    console.print(scores_table(report))
    console.print(attributes_table(report))
    if not report.detail:
        return
    for article in report.articles:
        if article.mismatches:
            console.print(mismatch_table(article.id, article.mismatches))
        else:
            console.print(f"[green]{article.id}: no false positive, no miss[/green]")
