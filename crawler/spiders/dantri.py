"""Dân trí (national): sections Xã hội and Pháp luật, with their RSS feeds."""

from crawler.spiders.generic import NewsSpider


class DanTriSpider(NewsSpider):
    name = "dantri"
    title = "Dân trí"
    allowed_domains = ("dantri.com.vn",)
    start_urls = ("https://dantri.com.vn/xa-hoi.htm", "https://dantri.com.vn/phap-luat.htm")
    feeds = ("https://dantri.com.vn/rss/xa-hoi.rss", "https://dantri.com.vn/rss/phap-luat.rss")
    article_links = "article.article-item h3.article-title a"
    pagination = "a.page-item.next"
    follow_links = False
