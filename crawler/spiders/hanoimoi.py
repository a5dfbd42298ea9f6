"""Báo Hà Nội Mới (the capital's newspaper).  The generic path reads it: no selectors."""

from crawler.spiders.generic import NewsSpider


class HaNoiMoiSpider(NewsSpider):
    name = "hanoimoi"
    title = "Báo Hà Nội Mới (provincial)"
    allowed_domains = ("hanoimoi.vn",)
    start_urls = ("https://hanoimoi.vn/",)
