"""Scrapy settings of the antq crawler.  Polite by default; every option says why.

``crawler.run`` loads this module, then applies command-line overrides (``--set NAME=VALUE``)
and, for the benchmark only, the loopback switch described at ``ANTQ_IMPOLITE_LOOPBACK``.
"""

# -- Identity ----------------------------------------------------------------------------
# The project name Scrapy prints; also the prefix of antq's own stats.
BOT_NAME = "antq"
# Where Scrapy finds spiders by their `name` (the generic one and one module per source).
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
# Who we are, in every request: site operators can see what this is and whom to ask.
USER_AGENT = (
    "antq-crawler/0.1 (research crawler collecting news on the ANTQ movement; polite, obeys robots.txt)"
)

# -- Politeness --------------------------------------------------------------------------
# Obey robots.txt, loopback test servers included.
ROBOTSTXT_OBEY = True
# One request at a time per site; the process as a whole may talk to several sites at once.
CONCURRENT_REQUESTS_PER_DOMAIN = 1
CONCURRENT_REQUESTS = 16
# At least one second between two requests to the same site, varied by ±50% ...
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
# ... and more when the site slows down: AutoThrottle follows the server's latency.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
# On average one request in flight per site, whatever the latency.
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
# No cookies: news pages do not need a session, and it keeps requests independent.
COOKIES_ENABLED = False

# -- Failures ----------------------------------------------------------------------------
# A page that does not answer in this time is retried, then given up (reported per URL).
DOWNLOAD_TIMEOUT = 30
# Retries for server errors, throttling and timeouts, with exponential backoff between them
# (crawler.middlewares.BackoffRetryMiddleware replaces Scrapy's immediate retries).
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 520, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 2.0  # seconds before the first retry; doubled for each next one
RETRY_BACKOFF_MAX = 60.0  # never wait longer than this
# Give-ups are reported once per URL by the crawler itself (progress line and summary).
RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"
# Follow at most this many redirects in a row (a loop ends as a give-up).
REDIRECT_MAX_TIMES = 5
# No news article is bigger; matches the cleaner's limit (clean.html.DEFAULT_MAX_BYTES).
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024

# -- Components --------------------------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    # Claim the URL in the frontier before anything else touches the request.
    "crawler.middlewares.FrontierMiddleware": 60,
    # Retries with backoff instead of Scrapy's immediate ones.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
    # Cookies are off (COOKIES_ENABLED); not even loaded, which saves its imports at start-up.
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware": None,
}
# Clean, judge relevance, store: the same cleaning and store as `antq ingest`.
ITEM_PIPELINES = {
    "crawler.pipelines.CleanPipeline": 100,
    "crawler.pipelines.RelevancePipeline": 200,
    "crawler.pipelines.StorePipeline": 300,
}
EXTENSIONS = {
    # The live progress line and the run's record (heartbeat, stats) in the store.
    "crawler.extensions.Progress": 500,
    "crawler.extensions.RunRecorder": 510,
    # Nobody needs a telnet console on a crawler.
    "scrapy.extensions.telnet.TelnetConsole": None,
    # Nor an HTTP control port listening on the machine (not even imported: it pulls in aiohttp).
    "scrapy.extensions.remote_control.RemoteControl": None,
}
REMOTE_CONTROL_ENABLED = False
# Outputs of one response (its requests, then its item) are handled in turn; responses still run
# in parallel.  Scrapy starts this many tasks per response: the default 100 costs ~1 ms a page.
CONCURRENT_ITEMS = 1
# The progress line replaces Scrapy's once-a-minute stats log.
LOGSTATS_INTERVAL = 0
# Only problems on the console; `--verbose` raises it to INFO.
LOG_LEVEL = "WARNING"
# Memory use is sampled into the stats (memusage/max), which the run keeps.
MEMUSAGE_ENABLED = True
MEMUSAGE_CHECK_INTERVAL_SECONDS = 5.0

# -- antq ----------------------------------------------------------------------------------
# Where the frontier and the kept articles go: handed to ANTQ_FRONTIER_BACKEND (for the store's
# backend a database URL; None = $ANTQ_DB, else sqlite:///antq.db).
ANTQ_DB = None
# The frontier backend (a crawler.frontier.FrontierBackend object); crawler.run.main sets it from
# its caller (`antq crawl` passes the store's), so the crawler imports no later stage.
ANTQ_FRONTIER_BACKEND = None
# Redis frontier URL (redis://HOST:PORT/N) to share one crawl between processes; None = in-process.
ANTQ_FRONTIER = None
# Forget an unfinished crawl of the same key instead of resuming it.
ANTQ_FRESH = False
# A stored article with ETag/Last-Modified is re-checked (conditional request) when its last
# fetch is older than this many seconds; without validators or sitemap lastmod it is not.
ANTQ_REVALIDATE_AFTER = 24 * 3600
# Stop a spider after this many fetched pages, counted as the progress line counts them (0 = no
# limit).  Scrapy's CLOSESPIDER_PAGECOUNT also counts its own robots.txt requests.
ANTQ_MAX_PAGES = 0
# Seconds between progress-line redraws (0 = no live line, the summary is still printed).
ANTQ_PROGRESS_INTERVAL = 1.0
# A line per URL and its outcome, besides the give-ups always reported.
ANTQ_VERBOSE = False
# Seconds between heartbeats of this run in the store (how peers and restarts tell it is alive).
ANTQ_HEARTBEAT = 10.0
# Pages are committed to the store together: at most this many per transaction, and none waits
# longer than ANTQ_BATCH_SECONDS.  A kill loses only those not committed yet; the next run fetches
# them again (never stores one twice).  A shared crawl (--frontier) commits every page at once.
ANTQ_BATCH_PAGES = 64
ANTQ_BATCH_SECONDS = 0.1
# Worker processes that clean pages and judge their relevance while Scrapy fetches
# (crawler.reader); 0 = in the crawler process.  One fits a 2-core machine.
ANTQ_READERS = 1
# Benchmark switch: when True and EVERY start URL is on loopback (127.0.0.0/8, ::1, localhost),
# crawler.run lifts per-site politeness (no delay, no AutoThrottle, 16 requests in flight).
# Refused for any other host; robots.txt is still obeyed.
ANTQ_IMPOLITE_LOOPBACK = False

# -- Redis frontier (used only with ANTQ_FRONTIER; crawler.run fills in the keys) ----------
# Keep the queue and seen-set when a process stops, so a restarted process resumes the crawl.
SCHEDULER_PERSIST = True
# Never block on an empty Redis queue: idle handling waits for peers instead.
SCHEDULER_IDLE_BEFORE_CLOSE = 0
# Requests are pickled into Redis with their priority.
SCHEDULER_QUEUE_CLASS = "scrapy_redis.queue.PriorityQueue"
