"""Tuổi Trẻ (national): sections Thời sự and Pháp luật, with their RSS feeds."""

from crawler.spiders.generic import NewsSpider


class TuoiTreSpider(NewsSpider):
    name = "tuoitre"
    title = "Tuổi Trẻ"
    allowed_domains = ("tuoitre.vn",)
    start_urls = ("https://tuoitre.vn/thoi-su.htm", "https://tuoitre.vn/phap-luat.htm")
    feeds = ("https://tuoitre.vn/rss/thoi-su.rss", "https://tuoitre.vn/rss/phap-luat.rss")
    article_links = "a.box-category-link-title"
    follow_links = False
