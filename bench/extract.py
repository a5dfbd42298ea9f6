"""Speed and memory of the extractor on one process, beside underthesea's ``ner`` as a reference.

Run: ``.venv/bin/python bench/extract.py [--repeat N]``.  It reads the development texts from
``../shared/corpus/seeds`` (and ``corpus/demo`` when present) through the cleaning stage and
prints figures only; it asserts nothing, targets live in the project brief (≥100 articles/s of
~5 KB on one core).

What it measures, after one warm-up pass (rule sets compiled, spaCy vocab filled):
- throughput: articles/s and characters/s of ``extract_text`` over N passes of the texts;
- memory: tracemalloc peak of one pass, and the process's peak RSS (``ru_maxrss``);
- flatness: RSS after N passes versus after 10 N passes, which grows if something leaks
  per article (caches without bounds, documents kept alive);
- reference: underthesea ``ner`` sentence by sentence over the same texts, and the ratio.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
import tracemalloc
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
DEMO = REPO / "corpus" / "demo"

# Run as a script, this file's folder comes first on sys.path and this file would shadow the
# ``extract`` package; drop the folder so the project's packages are the ones imported.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from eval.articles import is_article_file, load_article  # noqa: E402
from extract.document import split_sentences  # noqa: E402
from extract.pipeline import extract_text  # noqa: E402

Article = tuple[str, str, object]  # (name, text, published)


def load_texts() -> list[Article]:
    files = [
        path
        for folder in (SEEDS, DEMO)
        if folder.is_dir()
        for path in sorted(folder.iterdir())
        if is_article_file(path)
    ]
    articles = []
    for path in files:
        page = load_article(path)
        articles.append((path.name, page.text, page.published))
    return articles


def rss_mb() -> float:
    """Current resident set size; Linux reads /proc, elsewhere the peak is the best available."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return peak_rss_mb()


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB on Linux


def stream(articles: list[Article], count: int) -> Iterator[Article]:
    return islice(cycle(articles), count)


def run_extractor(articles: list[Article], count: int) -> tuple[float, int, int]:
    """Seconds, characters and records of extracting ``count`` articles (cycling the texts)."""
    chars = records = 0
    start = time.perf_counter()
    for _, text, published in stream(articles, count):
        extraction = extract_text(text, published)
        chars += len(text)
        records += sum(len(getattr(extraction, k)) for k in ("officials", "figures", "awards", "events"))
    return time.perf_counter() - start, chars, records


def run_ner(articles: list[Article]) -> tuple[float, int]:
    """Seconds and characters of underthesea ner over every sentence of every text, once."""
    from underthesea import ner

    ner("Đại tá Lê Văn Tâm phát biểu tại xã Tân Lập.")  # load the model outside the timing
    chars = 0
    start = time.perf_counter()
    for _, text, _ in articles:
        for sentence in split_sentences(text):
            ner(sentence.text)
        chars += len(text)
    return time.perf_counter() - start, chars


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="passes over the texts for timing (N)")
    parser.add_argument("--no-ner", action="store_true", help="skip the underthesea reference")
    args = parser.parse_args(argv)

    articles = load_texts()
    if not articles:
        print(f"no texts found in {SEEDS} or {DEMO}")
        return 1
    sizes = [len(text) for _, text, _ in articles]
    print(f"python {platform.python_version()} on {platform.machine()}, pid {os.getpid()}")
    print(f"texts: {len(articles)} ({min(sizes)}–{max(sizes)} chars, mean {sum(sizes) / len(sizes):.0f})")

    run_extractor(articles, len(articles))  # warm-up
    rss_start = rss_mb()

    n = max(1, args.repeat) * len(articles)
    seconds, chars, records = run_extractor(articles, n)
    rss_n = rss_mb()
    print(f"\nextract_text, {n} articles ({records} records):")
    rate, char_rate, per_article = n / seconds, chars / seconds / 1000, 1000 * seconds / n
    print(f"  {rate:9.1f} articles/s   {char_rate:9.1f} k chars/s   {per_article:.2f} ms/article")

    more_seconds, more_chars, _ = run_extractor(articles, 9 * n)
    rss_10n = rss_mb()
    total_seconds, total_chars = seconds + more_seconds, chars + more_chars
    extract_rate = 10 * n / total_seconds
    print(
        f"  {extract_rate:9.1f} articles/s   {total_chars / total_seconds / 1000:9.1f} k chars/s"
        f"   over all {10 * n} (the first {n} and the flatness run)"
    )

    tracemalloc.start()
    run_extractor(articles, len(articles))
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print("\nmemory:")
    print(f"  tracemalloc peak over one pass: {traced_peak / 2**20:.1f} MB")
    print(f"  peak RSS (ru_maxrss): {peak_rss_mb():.1f} MB")
    print(
        f"  RSS after warm-up {rss_start:.1f} MB, after {n} articles {rss_n:.1f} MB, "
        f"after {10 * n} articles {rss_10n:.1f} MB (growth over the last {9 * n}: {rss_10n - rss_n:+.1f} MB)"
    )

    if not args.no_ner:
        ner_seconds, ner_chars = run_ner(articles)
        ner_rate = len(articles) / ner_seconds
        print(f"\nunderthesea ner (sentence by sentence), {len(articles)} articles:")
        print(f"  {ner_rate:9.1f} articles/s   {ner_chars / ner_seconds / 1000:9.1f} k chars/s")
        print(f"  extract_text is {extract_rate / ner_rate:.1f}x the speed of ner")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
