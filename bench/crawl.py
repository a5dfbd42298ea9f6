"""Benchmark: crawl + clean + store of a generated news site served on loopback.

    .venv/bin/python bench/crawl.py [--articles 2000] [--db sqlite:///...] [--polite]

Serves ``--articles`` invented article pages (4 in 5 about the movement, ~5 KB each, with
related links) behind paginated listings, a sitemap and robots.txt, from a threaded HTTP
server in this process, and crawls it with ``python -m antq.crawling`` in a child process,
exactly as ``antq crawl`` does.  Politeness is switched off with ``--impolite-loopback``,
which the crawler accepts only when every start URL is a loopback address; robots.txt is
still obeyed.  Prints pages/s (fetched pages over the child's crawl time), the CPU the crawl's
processes spent per page (the crawler and its page readers: a figure the other users of a
shared machine do not change), the load average before and after, peak memory (the largest
process's ru_maxrss, and the highest sum over the crawler and its readers, sampled from /proc),
and checks that every on-topic article was stored exactly once.

Target on the 2-core machine: ≥ 300 pages/s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PER_LISTING = 20
ON = (
    "Xã {place} vừa tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc với sự tham gia của đông đảo người dân, "
    "các tổ tự quản và lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở (bài {n}, đoạn {p})."
)
OFF = (
    "Giá lúa tại vùng {place} tăng nhẹ trong tuần do nhu cầu thu mua của doanh nghiệp xuất khẩu tăng lại, "
    "thương lái cho biết chất lượng hạt năm nay đồng đều (bài {n}, đoạn {p})."
)
PLACES = ["An Phú", "Tân Hòa", "Bình Lộc", "Vĩnh Xuân", "Hòa Lạc", "Phước Điền", "Yên Thế", "Kim Sơn"]


def on_topic(n: int) -> bool:
    return n % 5 != 0


def article(n: int, total: int) -> bytes:
    template = ON if on_topic(n) else OFF
    title = f"Ngày hội toàn dân bảo vệ an ninh Tổ quốc ở xã số {n}" if on_topic(n) else f"Giá lúa tuần {n}"
    paragraphs = "".join(f"<p>{template.format(place=PLACES[(n + p) % 8], n=n, p=p)}</p>" for p in range(14))
    others = [(n + k) % total + 1 for k in (1, 7, 31)]
    related = "".join(
        f'<li><a href="/bai-viet/tin-{m}-{100000 + m}.html">Tin liên quan {m}</a></li>' for m in others
    )
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:type" content="article">'
        f'<meta property="article:published_time" content="2025-08-19T08:00:00+07:00"></head><body>'
        f'<nav><a href="/">Trang chủ</a> <a href="/thoi-su/">Thời sự</a></nav>'
        f'<article><h1>{title}</h1><div class="article-body">{paragraphs}</div></article>'
        f"<aside><h3>Tin liên quan</h3><ul>{related}</ul></aside></body></html>"
    ).encode()


def listing(page: int, total: int) -> bytes:
    pages = (total + PER_LISTING - 1) // PER_LISTING
    start = (page - 1) * PER_LISTING + 1
    items = "".join(
        f'<li><h3><a href="/bai-viet/tin-{n}-{100000 + n}.html">Bài số {n}</a></h3></li>'
        for n in range(start, min(start + PER_LISTING, total + 1))
    )
    nxt = f'<a href="/thoi-su/trang-{page + 1}.html">Trang sau</a>' if page < pages else ""
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thời sự {page}</title></head>'
        f"<body><ul>{items}</ul>{nxt}</body></html>"
    ).encode()


def make_handler(total: int, base: dict[str, str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
            pass

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            kind = "text/html; charset=utf-8"
            if path == "/robots.txt":
                body, kind = (
                    f"User-agent: *\nDisallow: /noi-bo/\nSitemap: {base['url']}/sitemap.xml\n".encode(),
                    "text/plain",
                )
            elif path == "/sitemap.xml":
                urls = "".join(f"<url><loc>{base['url']}/thoi-su/trang-{p}.html</loc></url>"
                               for p in range(1, 4))  # fmt: skip
                body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
                kind = "application/xml"
            elif path in {"/", "/thoi-su/"}:
                body = listing(1, total)
            elif path.startswith("/thoi-su/trang-"):
                body = listing(int(path.rsplit("-", 1)[1].split(".")[0]), total)
            elif path.startswith("/bai-viet/tin-"):
                body = article(int(path.removeprefix("/bai-viet/tin-").split("-")[0]), total)
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 drops connections under 16 concurrent ones (1 s SYN retries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--db", help="Store URL (default: a fresh SQLite file in a temporary folder).")
    parser.add_argument("--polite", action="store_true", help="Keep the polite defaults (slow by design).")
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    args = parser.parse_args()

    from antq.crawling import CrawlOptions, crawl

    base: dict[str, str] = {}
    server = Server(("127.0.0.1", 0), make_handler(args.articles, base))
    base["url"] = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or f"sqlite:///{tmp}/bench.db"
        summary_path = Path(tmp) / "summary.json"
        options = CrawlOptions(
            urls=[base["url"] + "/"],
            db=db,
            progress=False,
            verbose=bool(os.environ.get("BENCH_VERBOSE")),
            impolite_loopback=not args.polite,
            summary_json=summary_path,
        )
        load_before = os.getloadavg()[0]
        sampler = MemorySampler()
        sampler.start()
        started = time.perf_counter()
        code = crawl(options)
        wall = time.perf_counter() - started
        sampler.stop()
        load_after = os.getloadavg()[0]
        server.shutdown()
        if code != 0:
            print(f"crawl failed with exit code {code}", file=sys.stderr)
            return code
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the crawler and the readers it waited for
        peak_mb = usage.ru_maxrss / 1024
        cpu = usage.ru_utime + usage.ru_stime
        stored = _stored(db)
    expected = sum(1 for n in range(1, args.articles + 1) if on_topic(n))
    figures = {
        "articles_served": args.articles,
        "pages_fetched": summary["fetched"],
        "articles_stored": stored,
        "articles_expected": expected,
        "crawl_seconds": summary["seconds"],
        "pages_per_second": summary["pages_per_second"],
        "wall_seconds_with_startup": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "cpu_ms_per_page": round(1000 * cpu / max(summary["fetched"], 1), 2),
        "load_average_before_after": [round(load_before, 2), round(load_after, 2)],
        "peak_rss_mb": round(peak_mb, 1),
        "peak_rss_mb_all_processes": sampler.peak_mb,
        "outcomes": summary["outcomes"],
    }
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if stored != expected:
        print(f"error: {stored} articles stored, expected {expected}", file=sys.stderr)
        return 1
    return 0


class MemorySampler(threading.Thread):
    """The highest total resident memory of this process's descendants (Linux /proc), every 0.1 s."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_mb: float | None = 0.0 if Path("/proc/self/task").is_dir() else None
        self._done = threading.Event()

    def run(self) -> None:
        while self.peak_mb is not None and not self._done.wait(0.1):
            self.peak_mb = max(self.peak_mb, round(sum(map(_rss_mb, _descendants(os.getpid()))), 1))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        for task in Path(f"/proc/{todo.pop()}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found += children
            todo += children
    return found


def _rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    line = next((ln for ln in status.splitlines() if ln.startswith("VmRSS:")), "VmRSS: 0 kB")
    return int(line.split()[1]) / 1024


def _stored(db: str) -> int:
    if not db.startswith("sqlite:///"):
        from sqlmodel import Session, func, select

        from store.db import open_store
        from store.models import Article

        with Session(open_store(db)) as session:
            return session.exec(select(func.count()).select_from(Article)).one()
    with sqlite3.connect(db.removeprefix("sqlite:///")) as conn:
        return conn.execute("select count(*) from article").fetchone()[0]


if __name__ == "__main__":
    sys.exit(main())
