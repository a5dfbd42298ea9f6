"""The crawler's rules as data: URL canonical form and roles, relevance, sitemaps/feeds, guards."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest
import typer
from parsel import Selector
from typer.testing import CliRunner

from antq import crawl_cli
from antq.crawling import main as run_main
from crawler import discover
from crawler.relevance import Relevance
from crawler.relevance import default as relevance
from crawler.urls import (
    RulesError,
    canonical,
    is_loopback,
    load_rules,
    looks_like_article,
    looks_like_pagination,
    worth_fetching,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://Bao.VN/a-1.html?utm_source=fb&utm_medium=x#top", "https://bao.vn/a-1.html"),
        ("https://bao.vn/a-1.html?zarsrc=30&gidzl=abc", "https://bao.vn/a-1.html"),
        ("https://bao.vn/list?page=2&cat=5", "https://bao.vn/list?cat=5&page=2"),
        ("https://bao.vn:443/a", "https://bao.vn/a"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/"),
        ("https://bao.vn/tin%20moi.html", "https://bao.vn/tin%20moi.html"),
        ("https://bao.vn/a.html?fbclid=IwAR0&id=7", "https://bao.vn/a.html?id=7"),
    ],
)
def test_canonical(url: str, expected: str) -> None:
    assert canonical(url) == expected


@pytest.mark.parametrize(
    ("url", "article"),
    [
        ("https://tuoitre.vn/chien-su-day-gia-hoa-20260307075519174.htm", True),
        ("https://vnexpress.net/dau-bung-keo-dai-4954454.html", True),
        ("https://cand.com.vn/xa-hoi/ngay-hoi-o-xa-i734521/", True),
        ("https://baodautu.vn/agribank-xanh-hoa-d536313.html", True),
        ("https://bocongan.gov.vn/bai-viet/ngay-hoi-toan-dan-1700000000", True),
        ("https://congan.tinh.gov.vn/tin-chi-tiet.aspx?id=12345", True),
        ("https://bao.vn/2025/08/19/ngay-hoi-toan-dan/", True),
        ("https://baothanhhoa.vn/thi-truong/ngay-hoi-o-xa/148739.htm", True),
        ("https://congan.hanoi.gov.vn/tin-tuc-su-kien/ra-mat-mo-hinh-28868", True),
        ("https://tuoitre.vn/phap-luat.htm", False),
        ("https://vnexpress.net/kinh-doanh-p2", False),
        ("https://bao.vn/", False),
    ],
)
def test_article_urls(url: str, article: bool) -> None:
    assert looks_like_article(url) is article


@pytest.mark.parametrize(
    ("url", "text", "rel", "pagination"),
    [
        ("https://dantri.com.vn/kinh-doanh/trang-2.htm", "2", "", True),
        ("https://vnexpress.net/kinh-doanh-p3", "", "", True),
        ("https://vietnamnet.vn/kinh-doanh-page2", "", "", True),
        ("https://cand.com.vn/Xay-dung-phong-trao-bao-ve-ANTQ/page-2/", "2", "", True),
        ("https://bao.vn/tin?page=4", "", "", True),
        ("https://bao.vn/xem-tiep", "Trang sau", "", True),
        ("https://bao.vn/xem-tiep", "", "next", True),
        ("https://bao.vn/?p=123", "", "", False),  # a WordPress post id, not a page number
        ("https://bao.vn/thoi-su", "Thời sự", "", False),
    ],
)
def test_pagination(url: str, text: str, rel: str, pagination: bool) -> None:
    assert looks_like_pagination(url, text, rel) is pagination


@pytest.mark.parametrize(
    ("url", "fetch"),
    [
        ("https://bao.vn/a.html", True),
        ("https://bao.vn/anh/logo.PNG", False),
        ("https://bao.vn/file.pdf", False),
        ("mailto:toasoan@bao.vn", False),
        ("javascript:void(0)", False),
        ("https://bao.vn/tim-kiem?q=an+ninh", False),
        ("https://bao.vn/dang-nhap", False),
    ],
)
def test_worth_fetching(url: str, fetch: bool) -> None:
    assert worth_fetching(url) is fetch


@pytest.mark.parametrize(
    ("url", "loopback"),
    [("http://127.0.0.1:8000/", True), ("http://127.8.9.1/", True), ("http://localhost/", True),
     ("http://[::1]:80/", True), ("https://bao.vn/", False), ("http://10.0.0.1/", False)],
)  # fmt: skip
def test_loopback(url: str, loopback: bool) -> None:
    assert is_loopback(url) is loopback


def test_bad_rule_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "links.yaml"
    bad.write_text("version: 1\narticle_url: ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(RulesError, match="article_url"):
        load_rules(bad)
    bad.write_text("version: 2\n", encoding="utf-8")
    with pytest.raises(RulesError, match="version"):
        load_rules(bad)


# -- relevance (invented sentences in the style of the news) -------------------------------------
@pytest.mark.parametrize(
    ("title", "text", "kept"),
    [
        (
            "Xã Tân Lộc tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
            "Sáng nay, xã Tân Lộc tổ chức ngày hội.",
            True,
        ),
        ("Tin địa phương", "Phong trào toàn dân bảo vệ ANTQ ở phường Đông Hải có nhiều mô hình mới.", True),
        ("Sơ kết công tác", "Lực lượng tham gia bảo vệ ANTT ở cơ sở của xã Vĩnh Phú đã ra mắt.", True),
        ("Giá cà phê tăng mạnh", "Giá cà phê hôm nay tăng 500 đồng mỗi ký tại các tỉnh Tây Nguyên.", False),
        ("Tai nạn giao thông", "Công an xã Hòa Bình đã có mặt tại hiện trường vụ tai nạn.", False),
        ("Bóng đá", "Đội tuyển antq thắng 2-0 trong trận giao hữu.", False),  # ANTQ counts in capitals only
    ],
)
def test_relevance(title: str, text: str, kept: bool) -> None:
    verdict = relevance().judge(title, title + "\n\n" + text)
    assert verdict.relevant is kept, verdict.reason()


def test_relevance_counts_overlapping_terms_once(tmp_path: Path) -> None:
    rules = tmp_path / "relevance.yaml"
    rules.write_text(
        "version: 1\nthreshold: 1\ntitle_weight: 0\nterms:\n"
        "  - {term: 'bảo vệ an ninh Tổ quốc', weight: 1}\n"
        "  - {term: 'toàn dân bảo vệ an ninh Tổ quốc', weight: 5}\n",
        encoding="utf-8",
    )
    verdict = Relevance.load(rules).judge(None, "Phong trào Toàn dân bảo vệ an ninh, Tổ quốc lớn mạnh.")
    assert verdict.score == 5 and verdict.hits == {"toàn dân bảo vệ an ninh Tổ quốc": 1}


# -- robots, sitemaps, feeds --------------------------------------------------------------------
def test_robots_sitemaps() -> None:
    text = "User-agent: *\nDisallow: /noi-bo/\nSitemap: https://bao.vn/sitemap.xml\nsitemap: https://bao.vn/news.xml\n"
    assert discover.robots_sitemaps(text) == ["https://bao.vn/sitemap.xml", "https://bao.vn/news.xml"]


URLSET = (
    b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    b"<url><loc>https://bao.vn/a-100001.html</loc><lastmod>2025-08-19T09:00:00+07:00</lastmod></url>"
    b"<url><loc>https://bao.vn/b-100002.html</loc></url></urlset>"
)


def test_sitemap_urlset_plain_and_gzipped() -> None:
    for body in (URLSET, gzip.compress(URLSET)):
        kind, entries = discover.sitemap_entries(body)
        assert kind == "urlset"
        assert [e.url for e in entries] == ["https://bao.vn/a-100001.html", "https://bao.vn/b-100002.html"]
        assert entries[0].lastmod == dt.datetime(2025, 8, 19, 2, 0, tzinfo=dt.UTC)
        assert entries[1].lastmod is None


def test_sitemap_index_and_non_sitemaps() -> None:
    index = (
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://bao.vn/sitemap-1.xml</loc></sitemap></sitemapindex>"
    )
    assert discover.sitemap_entries(index) == (
        "sitemapindex",
        [discover.Entry("https://bao.vn/sitemap-1.xml")],
    )
    assert discover.sitemap_entries(b"<html><body>404</body></html>")[0] == ""
    assert discover.sitemap_entries(b"not xml at all")[0] == ""


def test_rss_and_atom_feeds() -> None:
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>A</title>'
        b"<link>https://bao.vn/a-100001.html</link><pubDate>Tue, 19 Aug 2025 08:00:00 +0700</pubDate></item>"
        b'<item><guid isPermaLink="true">https://bao.vn/b-100002.html</guid></item></channel></rss>'
    )
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="https://bao.vn/c-100003.html"/>'
        b"<updated>2025-08-19T01:00:00Z</updated></entry></feed>"
    )
    entries = discover.feed_entries(rss)
    assert [e.url for e in entries] == ["https://bao.vn/a-100001.html", "https://bao.vn/b-100002.html"]
    assert entries[0].lastmod == dt.datetime(2025, 8, 19, 1, 0, tzinfo=dt.UTC)
    (entry,) = discover.feed_entries(atom)
    assert entry.url == "https://bao.vn/c-100003.html"
    assert discover.feed_entries(b"<html><body>trang</body></html>") is None


@pytest.mark.parametrize(
    ("head", "article"),
    [
        ('<meta property="og:type" content="article">', False),  # listing pages of several CMSs say so too
        ('<meta property="article:published_time" content="2025-08-19T08:00:00+07:00">', True),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A"}</script>', True),
        (
            '<script type="application/ld+json">'
            '{"@graph": [{"@type": ["WebPage"]}, {"@type": "Article"}]}</script>',
            True,
        ),
        ('<script type="application/ld+json">{"@type": "BreadcrumbList"}</script>', False),
    ],
)
def test_article_declarations(head: str, article: bool) -> None:
    page = Selector(text=f"<html><head>{head}</head><body><p>x</p></body></html>")
    assert discover.declares_article(page) is article


# -- guards of the crawl command (no crawl starts) ------------------------------------------------
def test_impolite_switch_is_refused_off_loopback(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_main(["--url", "https://bao.vn/", "--impolite-loopback", "--db", "sqlite://"]) == 2
    assert "only for crawls of loopback" in capsys.readouterr().err


def test_unknown_source_and_nothing_to_crawl(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_main(["no-such-paper", "--db", "sqlite://"]) == 2
    assert "unknown source no-such-paper" in capsys.readouterr().err
    for url in ("baochinhphu.vn", "/thoi-su", "ftp://bao.vn/", "https:///a"):
        assert run_main(["--url", url, "--db", "sqlite://"]) == 2
        assert (
            f"--url expects a web address such as https://baochinhphu.vn/, got {url!r}"
            in capsys.readouterr().err
        )
    assert run_main(["--db", "sqlite://"]) == 2
    assert "nothing to crawl" in capsys.readouterr().err


def test_a_frontier_that_cannot_be_used_is_refused_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--url", "http://127.0.0.1:9/", "--db", "sqlite://", "--no-progress"]
    assert run_main([*base, "--frontier", "http://127.0.0.1:6379/0"]) == 2
    assert "--frontier expects redis://HOST:PORT/N" in capsys.readouterr().err
    assert run_main([*base, "--frontier", "redis://lan:secret@127.0.0.1:1/0"]) == 2  # nothing listens there
    err = capsys.readouterr().err
    assert (
        "error: cannot reach the Redis frontier redis://127.0.0.1:1/0: " in err
        and "Connection refused" in err
    )
    assert "secret" not in err


def test_cli_commands() -> None:
    app = typer.Typer()
    app.command()(crawl_cli.crawl)
    app.command()(crawl_cli.sources)
    runner = CliRunner()
    listed = runner.invoke(app, ["sources"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0
    for name in ("bocongan", "cand", "congan", "baochinhphu", "baoquangninh"):
        assert name in listed.output
    empty = runner.invoke(app, ["crawl"])
    assert empty.exit_code == 2
    assert "--url" in empty.output


# -- politeness: the defaults, and the backoff between retries ------------------------------------
def _settings():  # type: ignore[no-untyped-def]
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    return settings


def test_polite_defaults() -> None:
    settings = _settings()
    assert settings.getbool("ROBOTSTXT_OBEY")
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 1
    assert settings.getbool("AUTOTHROTTLE_ENABLED") and settings.getfloat("DOWNLOAD_DELAY") >= 1
    assert settings.get("USER_AGENT").startswith("antq-crawler/") and "robots.txt" in settings.get(
        "USER_AGENT"
    )
    assert settings.getbool("RETRY_ENABLED") and settings.getint("RETRY_TIMES") >= 2
    assert {500, 502, 503, 504, 429} <= set(settings.getlist("RETRY_HTTP_CODES"))
    middlewares = settings.getdict("DOWNLOADER_MIDDLEWARES")
    assert middlewares["scrapy.downloadermiddlewares.retry.RetryMiddleware"] is None
    assert "crawler.middlewares.BackoffRetryMiddleware" in middlewares


def test_retry_backoff_doubles_up_to_its_cap() -> None:
    from scrapy import Request

    from crawler.middlewares import BackoffRetryMiddleware

    settings = _settings()
    settings.set("RETRY_BACKOFF_BASE", 2.0)
    settings.set("RETRY_BACKOFF_MAX", 10.0)
    middleware = BackoffRetryMiddleware(settings)
    waits = [
        middleware.delay(Request("https://bao.vn/a-1.html", meta={"retry_times": n})) for n in (1, 2, 3, 4)
    ]
    assert waits == [2.0, 4.0, 8.0, 10.0]


@pytest.mark.parametrize(
    ("errors", "outcomes", "failures", "runs", "expected"),
    [
        (0, {"stored": 5}, [], 1, 0),
        (2, {"stored": 5, "gone": 2}, [], 1, 0),  # deleted articles fail nothing
        (3, {"stored": 5, "gone": 2, "gave_up": 1}, [], 1, 1),
        (1, {"http_error": 1}, [], 1, 1),
        (0, {"stored": 5}, ["b: cannot start"], 1, 1),  # one spider of several failed
        (0, {}, ["a: cannot start"], 0, 2),  # nothing ran
    ],
)
def test_crawl_exit_status(errors: int, outcomes: dict, failures: list, runs: int, expected: int) -> None:
    from crawler.run import exit_status

    summary = {"errors": errors, "outcomes": outcomes, "runs": runs}
    assert exit_status(summary, failures) == expected
