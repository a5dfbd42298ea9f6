"""VnExpress (national): sections Thời sự and Pháp luật, with their RSS feeds."""

from crawler.spiders.generic import NewsSpider


class VnExpressSpider(NewsSpider):
    name = "vnexpress"
    title = "VnExpress"
    allowed_domains = ("vnexpress.net",)
    start_urls = ("https://vnexpress.net/thoi-su", "https://vnexpress.net/phap-luat")
    feeds = ("https://vnexpress.net/rss/thoi-su.rss", "https://vnexpress.net/rss/phap-luat.rss")
    article_links = "article.item-news h3.title-news a, article.item-news h2.title-news a"
    pagination = "a.next-page"
    follow_links = False
