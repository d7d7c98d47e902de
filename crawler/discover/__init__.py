"""`notices sites discover HOME_URL`: find a site's notice columns from its home page.

links (the navigation links of a page), rank (what a link promises), judge (a page's rows and
how many read like notices, by a judge of titles the caller gives), scope (which hosts are the
site's), fetching (HTTP within the site) and walk (the budgeted walk that ties them together);
words holds their data.
"""

from crawler.discover.walk import MAX_PAGES, Column, DiscoverFailed, Discovery, discover

__all__ = ["MAX_PAGES", "Column", "DiscoverFailed", "Discovery", "discover"]
