"""Người Lao Động (national): sections Thời sự and Pháp luật, with their RSS feeds."""

from crawler.spiders.generic import NewsSpider


class NldSpider(NewsSpider):
    name = "nld"
    title = "Người Lao Động"
    allowed_domains = ("nld.com.vn",)
    start_urls = ("https://nld.com.vn/thoi-su.htm", "https://nld.com.vn/phap-luat.htm")
    feeds = ("https://nld.com.vn/rss/thoi-su.rss", "https://nld.com.vn/rss/phap-luat.rss")
    article_links = "a.box-category-link-title"
    follow_links = False
