"""What a spider hands to the item pipelines: one fetched page that looks like an article."""

from __future__ import annotations

import scrapy


class PageItem(scrapy.Item):
    """A candidate article, still raw; the pipelines clean, judge and store it.

    ``url`` is the canonical URL it is stored under (the page's own ``<link rel=canonical>``
    when that stays on the site); ``frontier_url`` is the URL the crawl queued, whose
    frontier row the store pipeline marks done in the same transaction as the article.
    """

    url = scrapy.Field()
    frontier_url = scrapy.Field()
    also = scrapy.Field()  # other canonical spellings that served this page (a redirect's target)
    aliases = scrapy.Field()  # the page's declared canonical URL when it is not the one fetched
    body = scrapy.Field()  # bytes as served
    charset = scrapy.Field()  # the charset the HTTP Content-Type declared, if any
    status = scrapy.Field()
    etag = scrapy.Field()
    last_modified = scrapy.Field()
    lastmod = scrapy.Field()  # from the sitemap or feed that listed it
    fetched_at = scrapy.Field()
    page = scrapy.Field()  # the CleanedPage, set by the cleaning pipeline
    verdict = scrapy.Field()  # the relevance Verdict, set by the relevance pipeline
