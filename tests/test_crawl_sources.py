"""Source spiders: declarations, and their link reading on real saved pages (../shared/corpus/html).

No network: the saved pages are fed to the spiders as Scrapy responses.  The spiders read
the store's frontier (the incremental pagination stop), so each test gets a real one on a
temporary SQLite store.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from crawler.sources import catalogue, spider_classes
from crawler.urls import canonical, host_of, looks_like_article, same_site
from store.crawl_frontier import StoreFrontier as Frontier
from store.crawl_frontier import store_engine

# The sources the issue asks for, at least.
REQUIRED = {
    "bocongan": "Ministry of Public Security",
    "cand": "People's Police",
    "congan": "provincial police portals",
    "baochinhphu": "government newspaper",
    "baoquangninh": "provincial",
    "hanoimoi": "provincial",
    "baothanhhoa": "provincial",
}


def test_required_sources_are_declared() -> None:
    names = {s.name for s in catalogue()}
    assert set(REQUIRED) <= names


@pytest.mark.parametrize("source", catalogue(), ids=lambda s: s.name)
def test_source_declaration_is_complete(source) -> None:
    assert source.title and source.domains and source.start_urls
    for url in (*source.start_urls, *source.feeds):
        assert url.startswith("https://"), url
        assert same_site(url, source.domains), f"{url} is outside {source.domains}"
        assert canonical(url) == url or canonical(url) == url + "/", url


def test_scrapy_finds_the_same_spiders() -> None:
    settings = Settings()
    settings.setmodule("crawler.settings")
    assert sorted(SpiderLoader.from_settings(settings).list()) == sorted(spider_classes())


def test_congan_family_covers_34_provinces_and_narrows() -> None:
    cls = spider_classes()["congan"]
    assert len(cls.allowed_domains) == 34
    assert all(re.fullmatch(r"congan\.[a-z]+\.gov\.vn", d) for d in cls.allowed_domains)
    spider = cls(only="hanoi,quangninh")
    assert spider.start_urls == ("https://congan.hanoi.gov.vn/", "https://congan.quangninh.gov.vn/")
    with pytest.raises(ValueError, match="unknown province atlantis"):
        cls(only="atlantis")


# -- link reading on real saved pages ---------------------------------------------------------
PAGES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html"


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    if not (PAGES / "pages.json").is_file():
        pytest.skip(f"the shared saved pages are not beside the checkout ({PAGES})")
    info = json.loads((PAGES / "pages.json").read_text(encoding="utf-8"))
    engine = store_engine(f"sqlite:///{tmp_path_factory.mktemp('src') / 'antq.db'}")

    def load(name: str, spider_name: str):  # type: ignore[no-untyped-def]
        url = info[name]["url"]
        cls = spider_classes()[spider_name]
        spider = cls(url=url) if spider_name == "generic" else cls()
        spider.frontier = Frontier(engine, f"test {spider_name} {name}", spider_name)
        spider.frontier.open([])
        request = Request(
            url, meta={"frontier_url": canonical(url), "depth": 0, "kind": "page", "lastmod": None}
        )
        response = HtmlResponse(url, body=(PAGES / name).read_bytes(), request=request, encoding="utf-8")
        return spider, response

    return load


# (saved listing page, spider, at least this many article links, a next page it must find or None)
LISTINGS = [
    ("vnexpress_list.html", "vnexpress", 30, "https://vnexpress.net/kinh-doanh-p2"),
    ("dantri_list.html", "dantri", 25, "https://dantri.com.vn/kinh-doanh/trang-2.htm"),
    ("tuoitre_list.html", "tuoitre", 12, None),  # further pages load by script: the feeds cover them
    ("vietnamnet_list.html", "vietnamnet", 25, "https://vietnamnet.vn/kinh-doanh-page1"),
    ("nld_list.html", "nld", 20, None),
    ("baochinhphu_list.html", "baochinhphu", 20, None),
    ("vnexpress_list.html", "generic", 30, "https://vnexpress.net/kinh-doanh-p2"),
    ("dantri_list.html", "generic", 30, "https://dantri.com.vn/kinh-doanh/trang-2.htm"),
    ("baodautu_list.html", "generic", 20, "http://baodautu.vn/tai-chinh-chung-khoan-d6/p2"),
    ("cafef_list.html", "generic", 25, None),
    ("tuoitre_list.html", "generic", 12, None),
    ("nld_list.html", "generic", 25, None),
    ("vietnamnet_list.html", "generic", 25, "https://vietnamnet.vn/kinh-doanh-page1"),
    ("baochinhphu_list.html", "generic", 20, None),
]


@pytest.mark.parametrize(("page", "spider_name", "least", "next_page"), LISTINGS)
def test_listing_links(saved, page: str, spider_name: str, least: int, next_page: str | None) -> None:
    spider, response = saved(page, spider_name)
    assert not spider.is_article(response)
    links = spider.page_links(response)
    articles = [link.url for link in links if link.kind == "article"]
    listings = [link.url for link in links if link.kind == "listing"]
    assert len(articles) >= least
    assert len(articles) == len(set(articles))
    site = host_of(response.url).removeprefix("www.")
    assert all(host_of(u).removeprefix("www.").endswith(site) for u in articles)
    assert all(looks_like_article(u) for u in articles), [u for u in articles if not looks_like_article(u)][
        :3
    ]
    if next_page is not None:
        assert next_page in listings
    if spider_name != "generic":
        assert not [link for link in links if link.kind == "page"], (
            "a source with selectors follows only them"
        )


ARTICLES = [
    ("vnexpress_2025_10_22.html", "vnexpress"),
    ("baochinhphu_article.html", "baochinhphu"),
    ("dantri_article.html", "dantri"),
    ("tuoitre_article.html", "tuoitre"),
    ("cafef_article.html", "generic"),
]


@pytest.mark.parametrize(("page", "spider_name"), ARTICLES)
def test_article_pages_are_recognised_and_keep_their_url(saved, page: str, spider_name: str) -> None:
    spider, response = saved(page, spider_name)
    assert spider.is_article(response)
    item = spider.item_for(response)
    assert item["url"] == canonical(response.url) or same_site(item["url"], spider.domains())
    assert item["body"] == response.body


# -- link reading on pages written in the structure of sources with no saved page ---------------
# (source, its argument, a listing URL, article links, its next page, another section): the URL
# shapes are the sites' own (e.g. CAND's "-i<id>/" and "/page-2/", the Ministry portal's
# "/bai-viet/<slug>-<id>" and "-d2-t<id>"), the page around them is invented.
WRITTEN = [
    ("bocongan", "", "https://bocongan.gov.vn/chuyen-muc/tin-tuc-su-kien",
     ["/bai-viet/ha-tinh-tong-ket-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-1760687799",
      "/bai-viet/huong-dan-to-giac-tin-bao-ve-an-ninh-trat-tu-d2-t43729"],
     "/chuyen-muc/tin-tuc-su-kien?page=2", "/chuyen-muc/phong-trao-toan-dan"),
    ("cand", "", "https://cand.com.vn/Xay-dung-phong-trao-bao-ve-ANTQ/",
     ["/Xay-dung-phong-trao-bao-ve-ANTQ/ngay-hoi-toan-dan-o-buon-ko-sir-i776402/",
      "/Hoat-dong-LLCA/ra-mat-to-bao-ve-an-ninh-trat-tu-o-co-so-i738215/"],
     "/Xay-dung-phong-trao-bao-ve-ANTQ/page-2/", "/Hoat-dong-LLCA/"),
    ("congan", "hanoi", "https://congan.hanoi.gov.vn/tin-tuc-su-kien",
     ["/tin-tuc-su-kien/xa-binh-khanh-so-ket-6-thang-phong-trao-28868",
      "/phan-hoi-thong-tin-bao-chi/phuong-yen-hoa-ra-mat-mo-hinh-tu-quan-28901"],
     "/tin-tuc-su-kien?trang=2", "/chi-dao-dieu-hanh"),
    ("baoquangninh", "", "https://baoquangninh.vn/an-ninh-trat-tu",
     ["/ngay-hoi-toan-dan-bao-ve-an-ninh-to-quoc-o-phuong-ha-tu-3314842.html",
      "/quang-ninh-so-ket-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-3164333.html"],
     "/an-ninh-trat-tu?page=2", "/chinh-tri"),
    ("hanoimoi", "", "https://hanoimoi.vn/phap-luat",
     ["/phuong-yen-nghia-ra-mat-to-bao-ve-an-ninh-trat-tu-o-co-so-1212418.html",
      "/ha-noi-tong-ket-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-712345.html"],
     "/phap-luat/trang-2", "/xa-hoi"),
    ("baothanhhoa", "", "https://baothanhhoa.vn/thoi-su",
     ["/xa-dong-tien-to-chuc-ngay-hoi-toan-dan-bao-ve-an-ninh-to-quoc-265228.htm",
      "/thoi-su/ngay-hoi-toan-dan-o-xa-co-luy/148739.htm"],
     "/thoi-su/trang-2.htm", "/phap-luat"),
]  # fmt: skip


def written_listing(articles: list[str], next_page: str, section: str) -> bytes:
    items = "".join(
        f'<div class="box-news"><h3 class="title"><a href="{href}">Tin số {n}</a></h3>'
        f'<p class="sapo">Tóm tắt tin số {n}.</p></div>'
        for n, href in enumerate(articles)
    )
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức</title></head><body>'
        f'<nav class="menu"><a href="/">Trang chủ</a> <a href="{section}">Chuyên mục khác</a></nav>'
        f'<div class="list-news">{items}</div><div class="paging"><a href="{next_page}">2</a></div>'
        '<footer><a href="https://ben-ngoai.example.org/bai-viet/khac-123456.html">Báo khác</a> '
        '<a href="mailto:toasoan@example.org">Liên hệ</a> <a href="/Upload/logo.png">Logo</a></footer>'
        "</body></html>"
    ).encode()


WRITTEN_ARTICLE = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Ngày hội</title></head><body>'
    "<h1>Ngày hội toàn dân bảo vệ an ninh Tổ quốc</h1><p>Nội dung bài viết.</p></body></html>"
).encode()  # no article metadata: the URL alone must tell


@pytest.mark.parametrize(
    ("spider_name", "arg", "url", "articles", "next_page", "section"), WRITTEN, ids=[w[0] for w in WRITTEN]
)
def test_written_listing_links(
    tmp_path: Path, spider_name: str, arg: str, url: str, articles: list[str], next_page: str, section: str
) -> None:
    cls = spider_classes()[spider_name]
    spider = cls(only=arg) if arg else cls()
    assert same_site(url, spider.domains())
    spider.frontier = Frontier(
        store_engine(f"sqlite:///{tmp_path / 'antq.db'}"), f"test {spider_name}", spider_name
    )
    spider.frontier.open([])

    def response(page_url: str, body: bytes) -> HtmlResponse:
        meta = {"frontier_url": canonical(page_url), "depth": 0, "kind": "page", "lastmod": None}
        return HtmlResponse(page_url, body=body, request=Request(page_url, meta=meta), encoding="utf-8")

    listing = response(url, written_listing(articles, next_page, section))
    assert not spider.is_article(listing)
    kinds = {link.url: link.kind for link in spider.page_links(listing)}
    base = url.split("/", 3)[:3]
    absolute = ["/".join(base) + path for path in articles]
    assert [kinds.get(canonical(a)) for a in absolute] == ["article", "article"]
    assert kinds.get(canonical("/".join(base) + next_page)) == "listing"
    assert kinds.get(canonical("/".join(base) + section)) == "page"  # the rest of the site is followed too
    assert all(same_site(u, spider.domains()) for u in kinds), "an off-site link is queued"
    assert not any(u.endswith(".png") or u.startswith("mailto:") for u in kinds)
    for article in absolute:
        assert spider.is_article(response(article, WRITTEN_ARTICLE)), article
