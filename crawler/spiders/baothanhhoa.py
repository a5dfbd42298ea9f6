"""Báo Thanh Hóa (provincial newspaper).  The generic path reads it: no selectors."""

from crawler.spiders.generic import NewsSpider


class BaoThanhHoaSpider(NewsSpider):
    name = "baothanhhoa"
    title = "Báo Thanh Hóa (provincial)"
    allowed_domains = ("baothanhhoa.vn",)
    start_urls = ("https://baothanhhoa.vn/",)
