"""A small invented news site, served on 127.0.0.1 for the crawler tests and the benchmark.

Everything a real Vietnamese news site throws at a crawler, in a few dozen pages: listing
pagination, a sitemap with lastmod, an RSS feed, robots.txt with a disallowed folder, a
redirect, 404/500/503-once/slow pages, a page in windows-1258 (declared in the page) and one
declared only in the HTTP header, one with no charset at all, the same article under
tracking parameters, a print URL and a copy, and off-topic articles.  Articles answer with
ETag and Last-Modified and honour conditional requests.

All names, places and texts are invented.
"""

from __future__ import annotations

import hashlib
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

ON_TOPIC = [
    "Xã {place} tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm nay với sự tham gia của đông đảo "
    "người dân, các tổ tự quản và lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở.",
    "Phát biểu tại ngày hội, Đại tá Trần Văn {person} đánh giá phong trào toàn dân bảo vệ ANTQ trên địa bàn "
    "tiếp tục có nhiều chuyển biến, xuất hiện nhiều mô hình tự quản hiệu quả được nhân rộng.",
    "Trong năm, người dân đã cung cấp hàng trăm nguồn tin có giá trị giúp lực lượng Công an xã {place} "
    "giải quyết kịp thời các vụ việc phức tạp, giữ vững an ninh, trật tự ở cơ sở.",
    "Nhân dịp này, nhiều tập thể và cá nhân có thành tích xuất sắc trong phong trào được khen thưởng, "
    "góp phần xây dựng khu dân cư an toàn về an ninh, trật tự.",
]
OFF_TOPIC = [
    "Giá lúa tại vùng {place} tăng nhẹ trong tuần qua do nhu cầu thu mua của các doanh nghiệp xuất khẩu "
    "tăng trở lại sau kỳ nghỉ dài.",
    "Theo ông Lê Văn {person}, thương lái cho biết chất lượng hạt năm nay đồng đều, độ ẩm thấp, nên giá "
    "bán cao hơn vụ trước khoảng vài trăm đồng mỗi ký.",
    "Các chuyên gia dự báo thị trường nông sản sẽ còn biến động trong những tháng cuối năm, nông dân nên "
    "theo dõi sát thông tin để chủ động kế hoạch sản xuất.",
]


def to_cp1258(text: str) -> bytes:
    """windows-1258 as old Vietnamese portals write it: base letter plus a combining tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], list(parts[1:])
        for mark in marks:  # the one mark cp1258 has precomposed with the base (â, ê, ô, ơ, ư, ă)
            joined = unicodedata.normalize("NFC", base + mark)
            if len(joined) == 1 and joined.encode("cp1258", errors="ignore"):
                base = joined
                marks.remove(mark)
                break
        out += base.encode("cp1258") + "".join(marks).encode("cp1258")
    return bytes(out)


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    validators: bool = False  # send ETag / Last-Modified and answer 304 to conditional requests
    modified: float = 1_755_561_600.0  # 2025-08-19


@dataclass
class Site:
    """Pages by path, plus behaviours by path (redirect, errors, slowness)."""

    pages: dict[str, Page] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    always_500: set[str] = field(default_factory=set)
    fail_once: set[str] = field(default_factory=set)
    slow: dict[str, float] = field(default_factory=dict)
    delay: float = 0.0  # added to every page answer (to widen the kill window)
    hits: Counter[str] = field(default_factory=Counter)  # path → GET requests
    full: Counter[str] = field(default_factory=Counter)  # path → 200 answers with a body
    times: dict[str, list[float]] = field(default_factory=dict)  # path → when each GET arrived
    agents: Counter[str] = field(default_factory=Counter)  # User-Agent → GET requests
    in_flight: int = 0  # requests being answered now (slow pages aside: a client gives up on them)
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""

    def arrived(self, path: str, agent: str) -> None:
        with self.lock:
            self.times.setdefault(path, []).append(time.monotonic())
            self.agents[agent] += 1
            if path not in self.slow:
                self.in_flight += 1
                self.most_in_flight = max(self.most_in_flight, self.in_flight)

    def answered(self, path: str) -> None:
        if path not in self.slow:
            with self.lock:
                self.in_flight -= 1

    def count(self, path: str, full: bool) -> None:
        with self.lock:
            self.hits[path] += 1
            if full:
                self.full[path] += 1


def article_html(
    title: str,
    paragraphs: list[str],
    *,
    charset: str | None = "utf-8",
    canonical: str = "",
    related: tuple[tuple[str, str], ...] = (),
    published: str = "2025-08-19T08:00:00+07:00",
) -> str:
    head = f'<meta charset="{charset}">' if charset else ""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    rel = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in related)
    return (
        f'<!doctype html><html lang="vi"><head>{head}<title>{title}</title>'
        f'<meta property="og:type" content="article">'
        f'<meta property="article:published_time" content="{published}">{link}</head><body>'
        f'<header><nav><a href="/">Trang chủ</a> <a href="/thoi-su/">Thời sự</a></nav></header>'
        f'<main><article><h1>{title}</h1><div class="article-body">{body}</div></article>'
        f"<aside><h3>Tin liên quan</h3><ul>{rel}</ul></aside></main>"
        f"<footer>Báo Tin Xóm — tòa soạn ở phường Hòa Lạc</footer></body></html>"
    )


def listing_html(title: str, links: list[tuple[str, str]], next_page: str | None, feed: bool = False) -> str:
    items = "".join(f'<div class="item"><h3><a href="{h}">{t}</a></h3></div>' for h, t in links)
    nxt = f'<div class="pager"><a href="{next_page}">Trang sau</a></div>' if next_page else ""
    alt = '<link rel="alternate" type="application/rss+xml" href="/rss.xml">' if feed else ""
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>{alt}</head><body>'
        f'<nav><a href="/">Trang chủ</a></nav><h2>{title}</h2>{items}{nxt}</body></html>'
    )


def story(kind: list[str], n: int) -> list[str]:
    place = ["An Phú", "Tân Hòa", "Bình Lộc", "Vĩnh Xuân", "Hòa Lạc", "Phước Điền"][n % 6]
    person = ["Hùng", "Dũng", "Minh", "Quân", "Tuấn", "Khải"][n % 6]
    return [p.format(place=place, person=person) + f" (bản tin số {n})" for p in kind]


def build_site() -> Site:
    """The test site; paths only (the server fills in its own address where pages need it)."""
    site = Site()
    on = [f"/bai-viet/ngay-hoi-xa-{i}-1000{i:02d}.html" for i in range(1, 9)]
    off = [f"/bai-viet/gia-lua-tuan-{i}-2000{i:02d}.html" for i in range(1, 4)]
    for n, path in enumerate(on, start=1):
        site.pages[path] = Page(
            article_html(
                f"Ngày hội toàn dân bảo vệ an ninh Tổ quốc ở xã số {n}",
                story(ON_TOPIC, n),
                related=((on[n % len(on)], "Tin cùng chủ đề"),),
            ).encode(),
            validators=True,
        )
    for n, path in enumerate(off, start=1):
        site.pages[path] = Page(
            article_html(f"Giá lúa tuần {n} tăng nhẹ", story(OFF_TOPIC, n)).encode(), validators=True
        )
    # The same article 1 again: a print view pointing at it, and a copy without any pointer.
    site.pages["/in/ngay-hoi-xa-1-100001.html"] = Page(
        article_html(
            "Ngày hội toàn dân bảo vệ an ninh Tổ quốc ở xã số 1", story(ON_TOPIC, 1), canonical=on[0]
        ).encode()
    )
    site.pages["/bai-viet/ban-sao-ngay-hoi-100099.html"] = Page(
        article_html("Ngày hội toàn dân bảo vệ an ninh Tổ quốc ở xã số 2", story(ON_TOPIC, 2)).encode()
    )
    # Charsets: windows-1258 declared in the page; declared only in the HTTP header; none at all.
    site.pages["/bai-viet/xa-cu-mot-258001.html"] = Page(
        to_cp1258(article_html("Ngày hội toàn dân ở xã Cổ Lũy", story(ON_TOPIC, 21), charset="windows-1258")),
        content_type="text/html",
    )
    site.pages["/bai-viet/xa-cu-hai-258002.html"] = Page(
        to_cp1258(article_html("Ngày hội toàn dân ở xã Đồng Tiến", story(ON_TOPIC, 22), charset=None)),
        content_type="text/html; charset=windows-1258",
    )
    site.pages["/bai-viet/khong-khai-bao-300001.html"] = Page(
        article_html("Ngày hội toàn dân ở xã Thượng Mỹ", story(ON_TOPIC, 23), charset=None).encode(),
        content_type="text/html",
    )
    # Found only through the sitemap, only through the feed, only behind a redirect.
    site.pages["/bai-viet/chi-trong-sitemap-400001.html"] = Page(
        article_html("Ngày hội toàn dân ở xã Lạc Sơn", story(ON_TOPIC, 31)).encode(), validators=True
    )
    site.pages["/bai-viet/chi-trong-rss-400002.html"] = Page(
        article_html("Ngày hội toàn dân ở xã Quỳnh Lâm", story(ON_TOPIC, 32)).encode(), validators=True
    )
    site.pages["/bai-viet/dich-moi-400003.html"] = Page(
        article_html("Ngày hội toàn dân ở xã Yên Thế", story(ON_TOPIC, 33)).encode()
    )
    site.redirects["/chuyen-huong/bai-cu-400003.html"] = "/bai-viet/dich-moi-400003.html"
    # Errors: 404, 500 forever, 503 once then fine, too slow.
    site.always_500.add("/loi/may-chu-500001.html")
    site.fail_once.add("/bai-viet/tam-loi-503001.html")
    site.pages["/bai-viet/tam-loi-503001.html"] = Page(
        article_html("Ngày hội toàn dân ở xã Kim Sơn", story(ON_TOPIC, 41)).encode()
    )
    site.slow["/loi/cham-qua-600001.html"] = 3.0
    site.pages["/loi/cham-qua-600001.html"] = Page(article_html("Trang chậm", story(ON_TOPIC, 42)).encode())
    # Disallowed by robots.txt: must never be requested.
    site.pages["/noi-bo/tai-lieu-700001.html"] = Page(
        article_html("Tài liệu nội bộ", story(ON_TOPIC, 43)).encode()
    )
    # Listings: three pages.
    listing = [on[0:4] + off[0:1], on[4:8] + off[1:2], [off[2], "/bai-viet/xa-cu-mot-258001.html",
               "/bai-viet/xa-cu-hai-258002.html", "/bai-viet/khong-khai-bao-300001.html",
               "/bai-viet/tam-loi-503001.html"]]  # fmt: skip
    pages = ["/thoi-su/", "/thoi-su/trang-2.html", "/thoi-su/trang-3.html"]
    for i, paths in enumerate(listing):
        nxt = pages[i + 1] if i + 1 < len(pages) else None
        site.pages[pages[i]] = Page(
            listing_html(f"Thời sự — trang {i + 1}", [(p, f"Bài {p}") for p in paths], nxt).encode()
        )
    home_links = [
        ("/thoi-su/", "Thời sự"),
        (on[0] + "?utm_source=facebook&utm_medium=social#binh-luan", "Bài nổi bật"),
        (on[0] + "?zarsrc=30", "Bài nổi bật (Zalo)"),
        ("/in/ngay-hoi-xa-1-100001.html", "Bản in"),
        ("/bai-viet/ban-sao-ngay-hoi-100099.html", "Bản sao"),
        ("/chuyen-huong/bai-cu-400003.html", "Bài cũ"),
        ("/loi/khong-co-404001.html", "Bài đã gỡ"),
        ("/loi/may-chu-500001.html", "Bài lỗi"),
        ("/loi/cham-qua-600001.html", "Bài chậm"),
        ("/noi-bo/tai-lieu-700001.html", "Nội bộ"),
        ("https://ben-ngoai.example.org/bai-viet/khac-123456.html", "Báo khác"),
        ("mailto:toasoan@example.org", "Liên hệ"),
        ("/anh/logo-1.png", "Logo"),
    ]
    site.pages["/"] = Page(listing_html("Báo Tin Xóm", home_links, None, feed=True).encode())
    return site


def sitemap_xml(base: str, entries: list[tuple[str, str]]) -> bytes:
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>{m}</lastmod></url>" for p, m in entries)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    ).encode()


def rss_xml(base: str, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Bài</title><link>{base}{p}</link>"
        "<pubDate>Tue, 19 Aug 2025 08:00:00 +0700</pubDate></item>"
        for p in paths
    )
    channel = f"<channel><title>Tin</title>{items}</channel>"
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0">{channel}</rss>'.encode()


def finish(site: Site) -> None:
    """Add the pages that name the server's own address: robots.txt, sitemap, feed."""
    base = site.base
    site.pages["/robots.txt"] = Page(
        f"User-agent: *\nDisallow: /noi-bo/\n\nSitemap: {base}/sitemap.xml\n".encode(), "text/plain"
    )
    entries = [(p, "2025-08-19T09:00:00+07:00") for p in site.pages if p.startswith("/bai-viet/ngay-hoi-xa-")]
    entries.append(("/bai-viet/chi-trong-sitemap-400001.html", "2025-08-19T09:00:00+07:00"))
    site.pages["/sitemap.xml"] = Page(sitemap_xml(base, entries), "application/xml")
    site.pages["/rss.xml"] = Page(
        rss_xml(base, ["/bai-viet/chi-trong-rss-400002.html", "/bai-viet/ngay-hoi-xa-2-100002.html"]),
        "application/rss+xml",
    )


class Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

    def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self._answered()  # before the client can have the answer and send its next request
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        self.site.arrived(path, self.headers.get("User-Agent", ""))
        self._pending = path  # counted as answered just before the answer leaves (see _send)
        try:
            self._answer(path)
        finally:
            self._answered()

    def _answered(self) -> None:
        path, self._pending = getattr(self, "_pending", None), None
        if path is not None:
            self.site.answered(path)

    def _answer(self, path: str) -> None:
        site = self.site
        if path in site.slow:
            time.sleep(site.slow[path])
        elif site.delay and path.startswith("/bai-viet/"):
            time.sleep(site.delay)
        if path in site.redirects:
            site.count(path, False)
            return self._send(301, headers={"Location": site.redirects[path]})
        if path in site.always_500:
            site.count(path, False)
            return self._send(500, b"loi may chu", {"Content-Type": "text/plain"})
        if path in site.fail_once:
            site.fail_once.discard(path)
            site.count(path, False)
            return self._send(503, b"ban", {"Content-Type": "text/plain"})
        page = site.pages.get(path)
        if page is None:
            site.count(path, False)
            return self._send(404, b"khong co", {"Content-Type": "text/plain"})
        headers = {"Content-Type": page.content_type}
        if page.validators:
            etag = '"' + hashlib.sha1(page.body).hexdigest()[:16] + '"'
            headers["ETag"] = etag
            headers["Last-Modified"] = formatdate(page.modified, usegmt=True)
            if self.headers.get("If-None-Match") == etag:
                site.count(path, False)
                return self._send(304, headers={"ETag": etag})
        site.count(path, True)
        return self._send(page.status, page.body, headers)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        pass  # a crawler that timed out and hung up is part of the test, not a server error


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Serve ``site`` on 127.0.0.1 (a free port) in a thread; ``site.base`` is its address."""
    handler = type("SiteHandler", (Handler,), {"site": site})
    server = QuietServer(("127.0.0.1", 0), handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    finish(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
