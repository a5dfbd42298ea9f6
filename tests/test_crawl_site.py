"""The crawler end to end, against the invented site in ``tests/sites/news_site.py`` on 127.0.0.1.

Each crawl runs in a child process (``antq.crawling.crawl``), as ``antq crawl`` runs it.  The
server counts every request, so the tests see what was fetched, not only what was stored.
"""

from __future__ import annotations

import json
import os
import pty
import re
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from antq.crawling import CrawlOptions, crawl
from tests.conftest import REDIS_HOST, REDIS_PORT, need_service
from tests.sites.news_site import ON_TOPIC, Page, Site, article_html, build_site, listing_html, serve, story

# Fast but still polite in kind: robots.txt, AutoThrottle and one request per site stay on.
FAST = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_START_DELAY": "0",
    "AUTOTHROTTLE_MAX_DELAY": "0.2",
    "DOWNLOAD_TIMEOUT": "0.5",
    "RETRY_TIMES": "1",
    "RETRY_BACKOFF_BASE": "0.05",
    "ANTQ_HEARTBEAT": "1",
}


def run(site: Site, db: str, tmp: Path, *, env: dict[str, str] | None = None, **settings: str) -> dict:
    summary = tmp / f"summary-{uuid.uuid4().hex[:6]}.json"
    options = CrawlOptions(
        urls=[site.base + "/"], db=db, progress=False, settings={**FAST, **settings}, summary_json=summary
    )
    code = crawl(options, env=env)
    figures = json.loads(summary.read_text(encoding="utf-8"))
    assert code == exit_status(figures), f"crawl exited with {code}"
    return figures


def exit_status(summary: dict) -> int:
    """1 when some pages failed (the summary's errors, less the pages that are gone), else 0."""
    return 1 if summary["errors"] - summary["outcomes"].get("gone", 0) else 0


def rows(db: str, query: str, *args: object) -> list[tuple]:
    with sqlite3.connect(db.removeprefix("sqlite:///")) as conn:
        return conn.execute(query, args).fetchall()


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


# -- one crawl of the whole site, then incremental crawls of the same site ------------------------
@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str, Path, dict]]:
    tmp = tmp_path_factory.mktemp("crawl")
    db = f"sqlite:///{tmp / 'antq.db'}"
    site = build_site()
    site.slow["/loi/cham-qua-600001.html"] = 1.5
    site.delay = 0.03  # articles take a moment: a second request to the site would overlap the first
    with serve(site):
        summary = run(site, db, tmp, RETRY_BACKOFF_BASE=str(BACKOFF))
        site.delay = 0  # later crawls of the same site need no overlap window
        yield site, db, tmp, summary


# Seconds before the first retry in the first crawl: longer than AutoThrottle ever waits here
# (AUTOTHROTTLE_MAX_DELAY), so a retry that comes this late was held back by the backoff.
BACKOFF = 0.6


# What the first crawl must make of each page: the outcome recorded in the fetch state.
EXPECTED = [
    ("/bai-viet/ngay-hoi-xa-3-100003.html", "stored"),  # linked from the first listing page
    ("/bai-viet/ngay-hoi-xa-7-100007.html", "stored"),  # second listing page: pagination walked
    ("/bai-viet/xa-cu-mot-258001.html", "stored"),  # third listing page, windows-1258 declared in the page
    ("/bai-viet/xa-cu-hai-258002.html", "stored"),  # windows-1258 declared only in the HTTP header
    ("/bai-viet/khong-khai-bao-300001.html", "stored"),  # no charset anywhere
    ("/bai-viet/chi-trong-sitemap-400001.html", "stored"),  # only in sitemap.xml (found via robots.txt)
    ("/bai-viet/chi-trong-rss-400002.html", "stored"),  # only in rss.xml (found via <link rel=alternate>)
    ("/bai-viet/dich-moi-400003.html", "stored"),  # behind a 301
    ("/bai-viet/tam-loi-503001.html", "stored"),  # 503 once, then retried
    ("/bai-viet/gia-lua-tuan-1-200001.html", "off_topic"),
    ("/bai-viet/gia-lua-tuan-3-200003.html", "off_topic"),
    ("/loi/khong-co-404001.html", "gone"),
    ("/loi/may-chu-500001.html", "gave_up"),
    ("/loi/cham-qua-600001.html", "gave_up"),  # slower than DOWNLOAD_TIMEOUT
    ("/thoi-su/trang-3.html", "hub"),
    ("/sitemap.xml", "hub"),
    ("/rss.xml", "hub"),
]


@pytest.mark.parametrize(("path", "outcome"), EXPECTED)
def test_first_crawl_outcome(first, path: str, outcome: str) -> None:
    site, db, _, _ = first
    found = rows(db, "select outcome from crawl_url where url = ?", site.base + path)
    assert found == [(outcome,)]


def test_first_crawl_never_requests_what_it_must_not(first) -> None:
    site, _, _, _ = first
    assert site.hits["/noi-bo/tai-lieu-700001.html"] == 0  # robots.txt disallows it
    assert site.hits["/anh/logo-1.png"] == 0  # not a page
    assert not any(p.startswith("/bai-viet/khac") for p in site.hits)  # another site


def test_first_crawl_fetches_each_page_once(first) -> None:
    site, _, _, _ = first
    retried = {"/bai-viet/tam-loi-503001.html", "/loi/may-chu-500001.html", "/loi/cham-qua-600001.html"}
    twice = {p: n for p, n in site.hits.items() if n > 1 and p not in retried and p != "/robots.txt"}
    assert twice == {}
    # Three spellings of article 1 on the home page (utm_*, zarsrc, #fragment) are one URL.
    assert site.hits["/bai-viet/ngay-hoi-xa-1-100001.html"] <= 1  # 0 when its print view came first


def test_first_crawl_is_polite(first) -> None:
    """Our User-Agent on every request, one request at a time, retries only after a backoff."""
    from crawler.settings import USER_AGENT

    site, _, _, _ = first
    assert dict(site.agents) == {USER_AGENT: sum(len(times) for times in site.times.values())}
    assert site.most_in_flight == 1
    for path in ("/bai-viet/tam-loi-503001.html", "/loi/may-chu-500001.html"):
        tried, retried = site.times[path][:2]  # the 503 answered on the retry; the 500 given up after it
        assert retried - tried >= BACKOFF, path
    assert len(site.times["/loi/may-chu-500001.html"]) == 2  # RETRY_TIMES=1, then reported as given up
    tried, retried = site.times["/loi/cham-qua-600001.html"][:2]  # a timeout is retried after a backoff too
    assert retried - tried >= float(FAST["DOWNLOAD_TIMEOUT"]) + BACKOFF


def test_first_crawl_stores_each_article_once(first) -> None:
    _, db, _, _ = first
    stored = rows(
        db,
        "select a.url, r.title, count(*) from article a join revision r on r.article_id = a.id group by a.id",
    )
    assert all(n == 1 for _, _, n in stored)
    titles = sorted(t for _, t, _ in stored)
    assert len(titles) == len(set(titles)), "an article is stored twice under two URLs"
    urls = {path_of(u) for u, _, _ in stored}
    assert "/bai-viet/ngay-hoi-xa-1-100001.html" in urls  # the print view's canonical link wins
    assert not any(u.startswith("/in/") for u in urls)
    assert not any("gia-lua" in u for u in urls)  # off-topic
    assert not any("?" in u or "#" in u for u in urls)
    # the copy at another URL and the original share one article
    copies = [t for t in titles if t.endswith("xã số 2")]
    assert len(copies) == 1
    assert len(stored) == 15


@pytest.mark.parametrize(
    ("path", "snippet"),
    [
        ("/bai-viet/xa-cu-mot-258001.html", "Ngày hội toàn dân ở xã Cổ Lũy"),
        ("/bai-viet/xa-cu-hai-258002.html", "Ngày hội toàn dân ở xã Đồng Tiến"),
        ("/bai-viet/khong-khai-bao-300001.html", "lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở"),
    ],
)
def test_first_crawl_decodes_every_charset(first, path: str, snippet: str) -> None:
    site, db, _, _ = first
    (text,) = rows(
        db,
        "select r.text from article a join revision r on r.article_id = a.id where a.url = ?",
        site.base + path,
    )[0]
    assert snippet in text
    assert "\ufffd" not in text


def test_first_crawl_summary_and_run_record(first) -> None:
    site, db, _, summary = first
    assert summary["kept"] == 15
    assert summary["outcomes"]["off_topic"] == 3
    assert summary["errors"] == 3
    gave_up = [p for p in summary["problems"] if p.startswith("gave up:")]
    assert sorted(g.split()[2] for g in gave_up) == sorted(
        [site.base + "/loi/cham-qua-600001.html", site.base + "/loi/may-chu-500001.html"]
    )
    ((stats, reason),) = rows(db, "select stats, reason from crawl_run")
    assert reason == "finished"
    stats = json.loads(stats)
    assert stats["antq/outcome/stored"] == 15
    assert stats["downloader/response_status_count/200"] >= 20
    assert rows(db, "select open_key is null, outcome from crawl") == [(1, "finished")]


def test_later_crawls_fetch_only_what_changed(first) -> None:
    site, db, tmp, _ = first
    del site.slow["/loi/cham-qua-600001.html"]  # a give-up is tried again next time
    # Article 3 changes and the sitemap says so; article 1 changes silently (not in the sitemap).
    a3, a1 = "/bai-viet/ngay-hoi-xa-3-100003.html", "/bai-viet/ngay-hoi-xa-1-100001.html"
    changed = [*story(ON_TOPIC, 3), "Ban tổ chức cho biết ngày hội năm sau sẽ mở rộng quy mô."]
    site.pages[a3] = Page(
        article_html("Ngày hội toàn dân bảo vệ an ninh Tổ quốc ở xã số 3", changed).encode(), validators=True
    )
    site.pages[a1].body = site.pages[a1].body.replace(
        "bản tin số 1".encode(), "bản tin số 1, cập nhật".encode()
    )
    sitemap = site.pages["/sitemap.xml"]
    sitemap.body = sitemap.body.replace(
        f"{a3}</loc><lastmod>2025-08-19T09:00:00+07:00".encode(),
        f"{a3}</loc><lastmod>2025-08-20T09:00:00+07:00".encode(),
    )
    before = site.full.copy()

    second = run(site, db, tmp)
    fetched = {p: n - before[p] for p, n in site.full.items() if n > before[p]}
    articles = {p for p in fetched if p.startswith("/bai-viet/")}
    assert articles == {a3}, "only the article whose sitemap lastmod moved is downloaded again"
    assert "/thoi-su/trang-2.html" not in fetched  # first listing page had nothing new: pagination stops
    assert rows(
        db, "select outcome from crawl_url where url = ?", site.base + "/loi/cham-qua-600001.html"
    ) == [("stored",)]
    assert "/loi/khong-co-404001.html" not in fetched  # gone stays gone
    assert second["outcomes"]["revised"] == 1
    assert second["outcomes"]["known"] >= 8

    # Past the revalidation age, stored articles with validators are asked again, conditionally.
    before, hits = site.full.copy(), site.hits.copy()
    third = run(site, db, tmp, ANTQ_REVALIDATE_AFTER="0")
    fetched = {p for p, n in site.full.items() if n > before[p] and p.startswith("/bai-viet/")}
    asked = {p for p, n in site.hits.items() if n > hits[p] and p.startswith("/bai-viet/")}
    assert fetched == {a1}, "304 for the unchanged, a body only for the changed one"
    assert "/bai-viet/gia-lua-tuan-1-200001.html" in asked - fetched
    assert third["outcomes"]["revised"] == 1
    assert third["outcomes"]["not_modified"] >= 1
    revisions = rows(
        db, "select a.url, count(*) from article a join revision r on r.article_id = a.id group by a.id"
    )
    assert sorted(path_of(u) for u, n in revisions if n == 2) == sorted([a1, a3])


# -- what the user sees: the live progress line, the summary, `antq crawl --extract` ------------
PROGRESS = re.compile(r"crawl: (\d+) fetched, (\d+) kept, (\d+) skipped, (\d+) errors, ([\d.]+) pages/s")
SUMMARY = re.compile(
    r"crawl: (\d+) fetched, (\d+) kept, (\d+) skipped, (\d+) errors in [\d.]+ s \(([\d.]+) pages/s\)"
)


def small_site(delay: float = 0.0) -> Site:
    """The test site without its 500 and slow pages (the 500 page is a 404 then)."""
    site = build_site()
    site.always_500.clear()
    site.slow.clear()
    site.delay = delay
    return site


def test_live_progress_line_on_a_terminal_and_summary(tmp_path: Path) -> None:
    """On a terminal the line is redrawn in place with growing counts; the summary ends the run."""
    site = small_site(delay=0.05)  # long enough for the line to be redrawn several times
    huge = "/bai-viet/rat-lon-900001.html"  # 30 MB: over DOWNLOAD_MAXSIZE, given up, reported
    site.pages[huge] = Page(
        b"<html><body><article>" + b"<p>an ninh trat tu</p>" * (30 * 2**20 // 22) + b"</article>"
    )
    site.pages["/"].body = site.pages["/"].body.replace(
        b"</body>", f'<a href="{huge}">Bài rất dài</a></body>'.encode()
    )
    db = f"sqlite:///{tmp_path / 'antq.db'}"
    with serve(site):
        options = CrawlOptions(
            urls=[site.base + "/"], db=db, settings={**FAST, "ANTQ_PROGRESS_INTERVAL": "0.1"}
        )
        leader, follower = pty.openpty()
        child = subprocess.Popen(
            [sys.executable, "-m", "antq.crawling", *options.argv()],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower,
        )  # fmt: skip
        os.close(follower)
        out = bytearray()
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
        os.close(leader)
        assert child.wait(timeout=60) == 1  # some pages failed (the 404 and the 30 MB page)
    text = out.decode("utf-8", errors="replace").replace("\r\n", "\n")
    frames = [PROGRESS.search(f) for f in text.split("\r\x1b[K")]
    counts = [tuple(int(g) for g in m.groups()[:4]) for m in frames if m]
    assert len(counts) >= 3, text
    assert [c[0] for c in counts] == sorted(c[0] for c in counts)  # fetched only grows
    assert counts[-1][0] > counts[0][0]
    assert "gone: " + site.base + "/loi/khong-co-404001.html (HTTP 404)" in text  # an error has its own line
    assert f"gave up: {site.base}{huge} (DownloadCancelledError: " in text
    (summary,) = SUMMARY.findall(text)
    fetched, kept, skipped, errors, rate = summary
    assert (int(kept), int(errors)) == (16, 3) and int(fetched) >= int(kept) + int(skipped)
    assert float(rate) > 0
    ((stats,),) = rows(db, "select stats from crawl_run")
    stats = json.loads(stats)  # Scrapy's own stats are kept with the run
    assert stats["antq/outcome/stored"] == 16 and stats["finish_reason"] == "finished"
    assert stats["response_received_count"] >= int(fetched)


def test_crawl_command_with_extract(tmp_path: Path) -> None:
    """`antq crawl --url URL --extract`: the crawl, then records for the new articles."""
    from typer.testing import CliRunner

    from antq.cli import app

    site = small_site()
    db = f"sqlite:///{tmp_path / 'antq.db'}"
    options = [arg for name, value in FAST.items() for arg in ("--set", f"{name}={value}")]
    with serve(site):
        result = CliRunner().invoke(
            app, ["crawl", "--url", site.base + "/", "--db", db, "--no-progress", "--extract", *options]
        )
    assert result.exit_code == 0, result.output  # the site's 404 pages are gone, which fails nothing
    assert "extract: 16 articles" in result.stderr  # and extracted all the same
    ((runs,),) = rows(db, "select count(distinct revision_id) from extraction_run")
    assert runs == 16
    ((officials,),) = rows(db, "select count(*) from official")
    assert officials >= 16  # every article names the colonel who spoke


def test_max_pages_stops_the_crawl_and_the_next_one_skips_what_it_stored(tmp_path: Path) -> None:
    site = small_site()
    db = f"sqlite:///{tmp_path / 'antq.db'}"
    with serve(site):
        path = tmp_path / "summary.json"
        options = CrawlOptions(
            urls=[site.base + "/"], db=db, progress=False, max_pages=10, settings=FAST, summary_json=path
        )
        code = crawl(options)
        first = json.loads(path.read_text(encoding="utf-8"))
        assert code == exit_status(first)
        requests = sum(site.hits.values())
        stored = stored_paths(db)
        second = run(site, db, tmp_path)
    assert first["fetched"] in {10, 11}  # 10, and at most the one in flight when the limit is hit
    assert requests == first["fetched"] + 1  # Scrapy's own robots.txt request is not a page
    assert first["runs"][0]["reason"] == "closespider_pagecount" and first["runs"][0]["finished"]
    assert stored and all(site.full[p] == 1 for p in stored)  # not downloaded again
    assert second["outcomes"]["known"] >= len(stored)
    assert len(stored_paths(db)) == 16


# -- kill -9 and resume -------------------------------------------------------------------------
def big_site(n: int) -> Site:
    site = build_site()
    site.always_500.clear()
    site.slow.clear()
    extra = [f"/bai-viet/phong-trao-{i}-5{i:05d}.html" for i in range(n)]
    for i, path in enumerate(extra):
        site.pages[path] = Page(
            article_html(
                f"Phong trào toàn dân bảo vệ ANTQ ở tổ dân phố {i}", story(ON_TOPIC, 100 + i)
            ).encode()
        )
    last = site.pages["/thoi-su/trang-3.html"]
    last.body = last.body.replace(b"</body>", b'<a href="/thoi-su/trang-4.html">Trang sau</a></body>')
    site.pages["/thoi-su/trang-4.html"] = Page(
        listing_html("Thời sự — trang 4", [(p, p) for p in extra], None).encode()
    )
    return site


def start_child(site: Site, db: str, tmp: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    options = CrawlOptions(urls=[site.base + "/"], db=db, progress=False, settings=FAST)
    return subprocess.Popen(
        [sys.executable, "-m", "antq.crawling", *options.argv()], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def stored_paths(db: str) -> set[str]:
    try:
        return {path_of(u) for (u,) in rows(db, "select url from article")}
    except sqlite3.OperationalError:  # not created yet
        return set()


def test_killed_crawl_resumes_without_losing_or_repeating_pages(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'antq.db'}"
    site = big_site(24)
    site.delay = 0.04
    kills = []
    with serve(site):
        for kill_after in (4, 14):  # kill -9 at two depths (the second kill hits a resumed run)
            child = start_child(site, db, tmp_path)
            deadline = time.monotonic() + 60
            while len(stored_paths(db)) < kill_after and time.monotonic() < deadline and child.poll() is None:
                time.sleep(0.02)
            child.send_signal(signal.SIGKILL)
            child.wait()
            assert rows(db, "select count(*) from crawl where open_key is not null") == [(1,)]
            kills.append((stored_paths(db), site.full.copy()))
        summary = run(site, db, tmp_path)
    for done_before, full_before in kills:
        again = [p for p in done_before if site.full[p] != full_before[p]]
        assert again == [], "a page stored before the kill was downloaded again"
    stored = rows(
        db, "select a.url, count(r.id) from article a join revision r on r.article_id = a.id group by a.id"
    )
    assert all(n == 1 for _, n in stored), "an article stored twice"
    expected = {f"/bai-viet/phong-trao-{i}-5{i:05d}.html" for i in range(24)}
    assert expected <= {path_of(u) for u, _ in stored}, "a page was lost"
    assert (
        sum(site.full[p] for p in expected) <= len(expected) + 3
    )  # at most the pages in flight at each kill
    assert rows(db, "select count(*) from crawl_frontier where status = 'pending'") == [(0,)]
    assert summary["runs"][0]["finished"]


def test_ctrl_c_stops_gracefully_and_the_same_command_resumes(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the terminal's whole process group): the crawl stops, says how to resume,
    keeps what it stored; the same command then finishes it without fetching a stored page again."""
    db = f"sqlite:///{tmp_path / 'antq.db'}"
    site = big_site(24)
    site.delay = 0.04
    with serve(site):
        options = CrawlOptions(urls=[site.base + "/"], db=db, progress=False, settings=FAST)
        child = subprocess.Popen(
            [sys.executable, "-m", "antq.crawling", *options.argv()],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while len(stored_paths(db)) < 6 and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.02)
        os.killpg(child.pid, signal.SIGINT)
        _, err = child.communicate(timeout=60)
        (figures,) = SUMMARY.findall(err)
        gone = re.search(r"outcomes:.*?\b(\d+) gone\b", err)  # a 404 is reported, never a failure
        failed = int(figures[3]) - (int(gone.group(1)) if gone else 0)
        assert child.returncode == (1 if failed else 0), err
        assert "run the same command again to resume" in err
        done_before, full_before = stored_paths(db), site.full.copy()
        assert rows(db, "select reason from crawl_run") == [("shutdown",)], err
        assert rows(db, "select count(*) from crawl where open_key is not null") == [(1,)]
        site.delay = 0  # the window for the signal is no longer needed
        summary = run(site, db, tmp_path)
    assert summary["runs"][0]["resumed"] and summary["runs"][0]["finished"]
    assert [p for p in done_before if site.full[p] != full_before[p]] == []
    stored = rows(
        db, "select a.url, count(r.id) from article a join revision r on r.article_id = a.id group by a.id"
    )
    assert all(n == 1 for _, n in stored)
    expected = {f"/bai-viet/phong-trao-{i}-5{i:05d}.html" for i in range(24)}
    assert expected <= {path_of(u) for u, _ in stored}


# -- two processes sharing one crawl through Redis, one PostgreSQL store ---------------------------
@pytest.mark.redis
@pytest.mark.postgres
def test_two_processes_share_one_crawl(tmp_path: Path, postgres_url: str) -> None:
    need_service("Redis", REDIS_HOST, REDIS_PORT)
    import redis

    prefix = f"antq-test-{uuid.uuid4().hex[:10]}"
    env = {**os.environ, "ANTQ_FRONTIER_PREFIX": prefix}
    site = big_site(30)
    site.delay = 0.08  # long enough for the second process to start while the first is at work
    frontier = f"redis://{REDIS_HOST}:{REDIS_PORT}/0"
    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=0)
    from store.db import open_store

    open_store(postgres_url).dispose()  # the schema exists before the crawlers race to use it
    try:
        with serve(site):
            summaries = [tmp_path / "a.json", tmp_path / "b.json"]
            children = []
            for path in summaries:
                options = CrawlOptions(urls=[site.base + "/"], db=postgres_url, progress=False,
                                       frontier=frontier,
                                       settings=FAST, summary_json=path)  # fmt: skip
                children.append(
                    subprocess.Popen([sys.executable, "-m", "antq.crawling", *options.argv()], env=env)
                )
                time.sleep(0.3)
            codes = [c.wait(timeout=90) for c in children]
        results = [json.loads(p.read_text(encoding="utf-8")) for p in summaries]
        assert codes == [exit_status(r) for r in results]
        assert all(r["fetched"] > 0 for r in results), "both processes must have done part of the crawl"
        assert sum(r["kept"] for r in results) == 15 + 1 + 30  # the slow page is not slow here

        from sqlalchemy import text

        from store.db import make_engine

        engine = make_engine(postgres_url)
        with engine.connect() as conn:
            counts = conn.execute(
                text(
                    "select a.url, count(r.id) from article a"
                    " join revision r on r.article_id = a.id group by a.id"
                )
            ).all()
            pending = conn.execute(
                text("select count(*) from crawl_frontier where status = 'pending'")
            ).scalar()
            runs = conn.execute(
                text("select count(*) from crawl_run where frontier like 'redis://%'")
            ).scalar()
        engine.dispose()
        assert len(counts) == 46 and all(n == 1 for _, n in counts)
        assert pending == 0 and runs == 2
        articles = [p for p in site.full if p.startswith("/bai-viet/phong-trao-")]
        assert len(articles) == 30 and all(site.full[p] == 1 for p in articles), (
            "a page fetched by both processes"
        )
        (seen,) = client.scan_iter(f"{prefix}:generic:*:seen")  # the shared duplicate filter
        assert client.scard(seen) >= 30
    finally:
        keys = list(client.scan_iter(f"{prefix}:*"))
        if keys:
            client.delete(*keys)
        client.close()
