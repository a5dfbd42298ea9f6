"""Báo Điện tử Chính phủ — the government newspaper.

Its section pages load further pages by script, so the crawl leans on the sitemap and on the
article links of each section page (selector tested on a saved real page).
"""

from crawler.spiders.generic import NewsSpider


class BaoChinhPhuSpider(NewsSpider):
    name = "baochinhphu"
    title = "Báo Điện tử Chính phủ (government newspaper)"
    allowed_domains = ("baochinhphu.vn",)
    start_urls = ("https://baochinhphu.vn/thoi-su.htm", "https://baochinhphu.vn/chinh-sach-va-cuoc-song.htm")
    article_links = "a.box-stream-link-title, a.box-category-link-title, a.box-link-title"
    article_url = r"-10\d{13,}\.htm$"
    follow_links = False
