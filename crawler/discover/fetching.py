"""The HTTP fetch of a discovery: one page at a time with the project's User-Agent, and a
redirect followed only within the home's site (a redirect elsewhere is answered as it came); a
followed one names the URL the answer came from."""

from __future__ import annotations

import urllib.error
import urllib.request
from http.client import HTTPMessage
from typing import IO

from crawler import listing
from crawler.discover.reading import SERVED_FROM
from crawler.discover.scope import same_site
from crawler.polite_fetch import Fetch
from crawler.settings import DOWNLOAD_MAXSIZE, USER_AGENT

TIMEOUT = 20  # seconds per page


class _WithinSite(urllib.request.HTTPRedirectHandler):
    def __init__(self, home_url: str) -> None:
        self.home_url = home_url

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not same_site(self.home_url, newurl):
            return None  # the 3xx itself is the answer: urllib raises it as an HTTPError
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def site_fetch(home_url: str) -> Fetch:
    """A fetch that never leaves the home's site."""
    opener = urllib.request.build_opener(_WithinSite(home_url))

    def fetch(page: listing.PageRequest) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(
            page.url,
            data=page.body,
            method=page.method,
            headers={**page.headers, "User-Agent": USER_AGENT},
        )
        try:
            with opener.open(request, timeout=TIMEOUT) as resp:
                headers = dict(resp.headers.items())
                if resp.url != page.url:  # redirected: the base of the page's links
                    headers.setdefault(SERVED_FROM, resp.url)
                return resp.status, headers, resp.read(DOWNLOAD_MAXSIZE)
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers.items()), exc.read(DOWNLOAD_MAXSIZE)

    return fetch
