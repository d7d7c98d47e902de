"""What the spider reads off a Scrapy response: cookie names, content type, charset, page text."""

from __future__ import annotations

from scrapy.http import Response, TextResponse
from w3lib.encoding import html_body_declared_encoding

from crawler.seeds import Site


def set_cookie_names(response: Response) -> list[str]:
    names = []
    for raw in response.headers.getlist("Set-Cookie"):
        names.append(raw.split(b"=", 1)[0].decode("latin-1").strip())
    return names


def content_type(response: Response) -> str:
    return (response.headers.get("Content-Type") or b"").decode("latin-1").lower()


def charset(response: Response) -> str | None:
    ctype = content_type(response)
    if "charset=" in ctype:
        return ctype.split("charset=", 1)[1].split(";")[0].strip() or None
    return None


def page_text(site: Site, response: Response) -> str:
    """The page as text: the seed's encoding, else the declared one, else UTF-8 or GB18030.

    Scrapy's guess for undeclared bodies misreads short GBK pages (as big5 or cp949).
    """
    encoding = site.options.get("encoding")
    if encoding:
        return response.body.decode(encoding, errors="replace")
    if isinstance(response, TextResponse) and (
        charset(response) or html_body_declared_encoding(response.body)
    ):
        return response.text
    try:
        return response.body.decode("utf-8")
    except UnicodeDecodeError:
        return response.body.decode("gb18030", errors="replace")
