"""Báo Quảng Ninh (provincial newspaper).  The generic path reads it: no selectors."""

from crawler.spiders.generic import NewsSpider


class BaoQuangNinhSpider(NewsSpider):
    name = "baoquangninh"
    title = "Báo Quảng Ninh (provincial)"
    allowed_domains = ("baoquangninh.vn",)
    start_urls = ("https://baoquangninh.vn/",)
