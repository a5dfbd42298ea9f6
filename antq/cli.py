"""The ``antq`` command line: thin commands over importable functions.

Heavy libraries (underthesea, spaCy, trafilatura, Scrapy, SQLAlchemy) are imported inside
the commands, so ``antq --help`` answers at once.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

# Exit codes of every command.  A batch (ingest, extract, crawl) goes on past a bad input, prints a
# one-line reason for it and a summary, and ends with EXIT_FAILED when any input failed.
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_SETUP = 2
EXIT_CODES = (
    "Exit status: 0 all done; 1 the batch ran but some inputs failed (each named with its reason on "
    "a line of its own, the rest done); 2 nothing was done (bad option, database or output unusable)."
)

app = typer.Typer(
    name="antq",
    help="Vietnamese news on 'Toàn dân bảo vệ an ninh Tổ quốc' → reviewed, structured records.",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $ANTQ_DB, else sqlite:///antq.db here)."),
]


def _console(stderr: bool = True):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)  # an error stays one line


def _open(db: str | None):  # type: ignore[no-untyped-def]
    from store.db import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        _console().print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_SETUP) from None


def _finish(summary) -> None:  # type: ignore[no-untyped-def]
    """End a batch: exit 1 when any of its inputs failed (each was reported on its own line)."""
    if summary.errors:
        raise typer.Exit(EXIT_FAILED)


def _reporter(verbose: bool):  # type: ignore[no-untyped-def]
    console = _console()

    def report(status: str, message: str) -> None:
        if status == "error":
            console.print(f"[red]error:[/] {message}", markup=True, highlight=False, soft_wrap=True)
        elif verbose:
            console.print(f"{status}: {message}", markup=False, soft_wrap=True)

    return report


@app.command(epilog=EXIT_CODES)
def ingest(
    paths: Annotated[list[Path], typer.Argument(help=".txt/.html files or folders of them.")],
    db: DbOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="A line per file.")] = False,
) -> None:
    """Clean local files and add them to the store (the same content twice is a no-op)."""
    from antq.pipeline import ingest_paths

    summary = ingest_paths(_open(db), paths, _reporter(verbose))
    _console().print(f"ingest: {summary.line()}")
    _finish(summary)


@app.command(epilog=EXIT_CODES)
def extract(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files to extract from; none = stored articles.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="Output for files: jsonl or json.")] = "jsonl",
    db: DbOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Extract records: from files to stdout (no database), or for stored articles into the store."""
    import json

    if fmt not in ("json", "jsonl"):
        _console().print(f"[red]error:[/] unknown format {fmt!r}; choose jsonl or json")
        raise typer.Exit(EXIT_SETUP)
    if paths:
        from antq.pipeline import JobSummary, extract_files

        report = _reporter(verbose)
        summary = JobSummary()

        def counted(objects):  # type: ignore[no-untyped-def]
            for obj in objects:  # a failed input keeps its place in the output as an error object
                if "error" in obj:
                    summary.fail(f"{obj['article']['id']}: {obj['error']}", report)
                else:
                    summary.counts["files"] += 1
                yield obj

        objects = counted(extract_files(paths))
        if fmt == "json":
            json.dump(list(objects), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            for obj in objects:
                sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        _console().print(f"extract: {summary.line()}")
        _finish(summary)
        return
    from antq.pipeline import extract_stored

    summary = extract_stored(_open(db), _reporter(verbose))
    _console().print(f"extract: {summary.line()}")
    _finish(summary)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="json, jsonl or csv.")] = "json",
    status: Annotated[str, typer.Option("--status", help="accepted (accepted+edited) or all.")] = "all",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write ('-' or none: stdout).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Write the stored articles and records as a dataset."""
    from export.writer import FORMATS, StatusFilter, write

    if fmt not in FORMATS:
        _console().print(f"[red]error:[/] unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    try:
        status_filter = StatusFilter(status)
    except ValueError:
        _console().print(f"[red]error:[/] unknown status {status!r}; choose accepted or all")
        raise typer.Exit(2) from None
    from sqlmodel import Session

    if output is not None and str(output) == "-":
        output = None
    engine = _open(db)
    with Session(engine) as session:
        if output is None:
            count = write(session, sys.stdout, fmt, status_filter)
        else:
            tmp = output.with_name(output.name + ".part")
            try:
                with tmp.open("w", encoding="utf-8", newline="") as out:
                    count = write(session, out, fmt, status_filter)
                tmp.replace(output)
            except OSError as exc:
                tmp.unlink(missing_ok=True)
                _console().print(f"[red]error:[/] cannot write {output}: {exc.strerror or exc}")
                raise typer.Exit(2) from None
    _console().print(f"export: {count} articles" + (f" → {output}" if output else ""))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the export, generated from the record models."""
    from export.models import json_schema_text

    sys.stdout.write(json_schema_text() + "\n")


@app.command("eval")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold JSON files.")],
    text_dir: Annotated[Path, typer.Argument(help="Folder of the articles (.txt/.html, same stems).")],
    detail: Annotated[bool, typer.Option("--detail", help="List every false positive and miss.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable report.")] = False,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Raise eval/baseline.json to the measured F1.")
    ] = False,
    allow_lower: Annotated[
        bool, typer.Option("--allow-lower", help="With --update-baseline: also lower a kind's minimum.")
    ] = False,
) -> None:
    """Score the extractor against gold annotations (precision, recall, F1 per kind)."""
    from eval import cli_main

    raise typer.Exit(cli_main(gold_dir, text_dir, detail, as_json, update_baseline, allow_lower))


@app.command()
def demo(
    db: DbOption = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the export.")] = Path(
        "antq-export.json"
    ),
) -> None:
    """Run the whole job on the bundled demo corpus: ingest → extract → store → export."""
    from antq.demo import run_demo

    raise typer.Exit(run_demo(db, output, _console()))


from antq import crawl_cli  # noqa: E402  (light: typer only; Scrapy loads inside the commands)

app.command("crawl", epilog=EXIT_CODES)(crawl_cli.crawl)
app.command("sources")(crawl_cli.sources)

from antq.serve_cli import serve, users_app  # noqa: E402  (light as well: FastAPI loads in `serve`)

app.command()(serve)
app.add_typer(users_app, name="users")


def main() -> None:  # pragma: no cover
    app()
