"""Cổng thông tin điện tử Bộ Công an — the Ministry of Public Security's portal.

The movement's national news is published here first.  The generic reading of links is
enough; only its article URL shape (``/bai-viet/<slug>-<id>``) is declared.
"""

from crawler.spiders.generic import NewsSpider


class BoCongAnSpider(NewsSpider):
    name = "bocongan"
    title = "Cổng TTĐT Bộ Công an (Ministry of Public Security)"
    allowed_domains = ("bocongan.gov.vn", "mps.gov.vn")
    start_urls = ("https://bocongan.gov.vn/",)
    article_url = r"/bai-viet/[^/?#]+-\d+/?$"
