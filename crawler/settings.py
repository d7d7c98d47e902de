"""Scrapy settings for the `notices` crawler. Polite by default; tests and benchmarks turn the
delays off with `-s` options, never by editing this file."""

from __future__ import annotations

from pipelines.common.settings import scrapy_defaults

BOT_NAME = "notices"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"  # `crawl` checks -a region/site/seeds before starting

# The project's public page, so site operators can see who is crawling and why. Placeholder until
# the repository is published: a deployment must set its own (or override USER_AGENT with -s).
PROJECT_URL = "https://github.com/notices-archive/notices"
USER_AGENT = f"notices-archive/0.1 (+{PROJECT_URL}; public-interest archive of published notices)"

# Politeness: robots.txt, at most 2 requests per host at a time, AutoThrottle.
# A site may opt out of robots.txt only explicitly, with `politeness: {obey_robots: false}`.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
# keeps the per-host limit with DOWNLOAD_DELAY=0 too (crawler/politeness.py says why)
DOWNLOADER = "crawler.politeness.Downloader"
DOWNLOAD_DELAY_JITTER = 0.5  # ±50% around the delay
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
# Pages: a notice or list page is well under 1 MB, and reading a page takes about ten times its
# size in memory, so a bigger answer (endless, 100 MB) is cut off as too_large and the crawl
# stays within its 300 MB. Attachments have their own limit (NOTICES_ATTACHMENT_MAXSIZE).
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
COOKIES_ENABLED = True  # some sites set a harmless session cookie on the first page
# A chain longer than this is a misconfigured or hostile site (refused and recorded).
REDIRECT_MAX_TIMES = 5
# A meta refresh on a gov site usually sends the crawler to the home page: report, don't follow.
METAREFRESH_ENABLED = False

# Retries on 5xx, 429 and timeouts with exponential backoff; Retry-After is honoured.
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.PoliteRetryMiddleware": 550,
    "crawler.middlewares.SiteGateMiddleware": 50,
    # sees each 3xx before RedirectMiddleware (600) follows it: only within the site's hosts
    "crawler.redirects.RedirectPolicyMiddleware": 650,
    # after the retry and decompression middlewares (their responses come first): final bodies
    "crawler.middlewares.AttachmentTextMiddleware": 540,
}

ITEM_PIPELINES = {
    "pipelines.clean.CleanPipeline": 100,
    "pipelines.parse.ParsePipeline": 200,
    "pipelines.store.StorePipeline": 400,
}

# Our own NOTICES_* settings (retry backoff, crawl limits…) are declared, with their defaults, in
# the registry pipelines/common/settings.py; the Scrapy-only ones are set here from it, so that
# `scrapy settings --get` shows them.
globals().update(scrapy_defaults())

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
TELNETCONSOLE_ENABLED = False

# Spidermon judges each crawl as it ends (crawler/monitors.py); off unless SPIDERMON_ENABLED is
# set, which `notices nightly` does for its crawl.
EXTENSIONS = {"spidermon.contrib.scrapy.extensions.Spidermon": 500}
SPIDERMON_ENABLED = False
SPIDERMON_SPIDER_CLOSE_MONITORS = ["crawler.monitors.CrawlMonitors"]
