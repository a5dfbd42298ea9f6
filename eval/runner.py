"""Run the extractor over annotated articles and score it: the body of ``antq eval``."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console

from clean.page import CleaningError
from eval.articles import find_text, load_article
from eval.gold import GoldError, gold_files, load_gold
from eval.report import render
from eval.scoring import ArticleScore, EvalReport, score_article


def run(gold_dir: Path, text_dir: Path, detail: bool = False) -> EvalReport:
    """Score the current extractor on every gold file of ``gold_dir`` against its text in ``text_dir``.

    Each ``<stem>.json`` needs ``<stem>.txt`` or ``<stem>.html``; the text goes through the
    cleaning stage, exactly as a crawled page would.
    """
    from extract.pipeline import extract_text
    from extract.records import ArticleInfo

    gold_dir, text_dir = Path(gold_dir), Path(text_dir)
    if not text_dir.is_dir():
        raise GoldError(f"{text_dir}: no such text directory")
    articles: list[ArticleScore] = []
    for gold_path in gold_files(gold_dir):
        gold = load_gold(gold_path)
        text_path = find_text(text_dir, gold_path.stem)
        if text_path is None:
            raise GoldError(f"{gold_path}: no {gold_path.stem}.txt or {gold_path.stem}.html in {text_dir}")
        page = load_article(text_path)
        info = ArticleInfo(
            id=gold.id, url=page.url, title=page.title, published=page.published, source=page.source
        )
        extraction = extract_text(page.text, page.published, title=page.title, article=info)
        articles.append(score_article(gold, extraction.model_dump(mode="json"), page.text))
    return EvalReport.from_articles(articles, detail=detail)


def cli_main(
    gold_dir: Path,
    text_dir: Path,
    detail: bool = False,
    as_json: bool = False,
    update_baseline: bool = False,
    allow_lower: bool = False,
) -> int:
    """Print the evaluation (rich tables, or JSON on stdout); exit code 2 when it cannot run.

    ``update_baseline`` raises ``eval/baseline.json`` to the measured F1 per kind; a kind is
    lowered only with ``allow_lower`` (the gate must not erode silently).
    """
    try:
        report = run(Path(gold_dir), Path(text_dir), detail=detail)
    except (GoldError, CleaningError) as exc:
        Console(stderr=True).print(f"[red]antq eval:[/red] {exc}", highlight=False, soft_wrap=True)
        return 2
    if as_json:
        sys.stdout.write(report.to_json() + "\n")
    else:
        render(report, Console())
    if update_baseline:
        from eval import gate

        before = gate.load()
        after = gate.update(report, allow_lower=allow_lower)
        changes = [f"{k} {before.get(k)} → {v}" for k, v in sorted(after.items()) if before.get(k) != v]
        Console(stderr=True).print(
            f"baseline: {'; '.join(changes) if changes else 'unchanged'} ({gate.BASELINE_PATH})",
            highlight=False,
        )
    return 0
