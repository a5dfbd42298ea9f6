"""Báo Công an nhân dân — the People's Police newspaper (national).

Article URLs end in ``-i<id>/``; everything else (sections, pagination, feeds) follows the
generic path.
"""

from crawler.spiders.generic import NewsSpider


class CandSpider(NewsSpider):
    name = "cand"
    title = "Báo Công an nhân dân (People's Police newspaper)"
    allowed_domains = ("cand.com.vn",)
    start_urls = ("https://cand.com.vn/",)
    article_url = r"-i\d{4,}/?$"
