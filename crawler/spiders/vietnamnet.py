"""VietNamNet (national): sections Thời sự and Pháp luật, with their RSS feeds."""

from crawler.spiders.generic import NewsSpider


class VietNamNetSpider(NewsSpider):
    name = "vietnamnet"
    title = "VietNamNet"
    allowed_domains = ("vietnamnet.vn",)
    start_urls = ("https://vietnamnet.vn/thoi-su", "https://vietnamnet.vn/phap-luat")
    feeds = ("https://vietnamnet.vn/rss/thoi-su.rss", "https://vietnamnet.vn/rss/phap-luat.rss")
    article_links = "h3.horizontalPost__main-title a, h3.verticalPost__main-title a"
    follow_links = False
