"""The antq crawler: a Scrapy project driven by ``antq crawl`` (see ``crawler/run.py``).

* ``settings.py`` — polite defaults, each option explained; ``links.yaml`` and
  ``relevance.yaml`` — URL rules and the movement's terms, as data.
* ``spiders/`` — ``generic`` (any news site) and one small declarative file per source.
* ``frontier.py`` — the crawl's memory as the crawler sees it (what to visit, what is done,
  what each URL was): plain types and the protocol a frontier backend keeps.  ``antq crawl``
  hands the crawler the store's backend (``store/crawl_frontier.py``), which makes crawls
  incremental, resumable after any kill, and shareable between processes with a Redis frontier.
  The crawler imports no later stage (``store``, ``export``, ``review``, ``antq``).
* ``pipelines.py`` — clean (``clean.html``), judge relevance, hand kept articles to the frontier.
* ``middlewares.py``, ``extensions.py`` — frontier claims, retries with backoff, the
  progress line, the run record with Scrapy's stats.
"""
