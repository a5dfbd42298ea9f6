"""Spiders: ``generic`` for any news site, and one small file per known source.

A source file declares a :class:`~crawler.spiders.generic.NewsSpider` subclass: its name,
domains, start pages, feeds and sitemaps, and CSS selectors only where the generic reading
of links is not enough.  Scrapy finds them by ``name`` (``SPIDER_MODULES``).
"""
