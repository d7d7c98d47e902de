"""What the spider reads off a Scrapy response: cookie names, content type, charset, page text."""

from __future__ import annotations

from scrapy.http import Response

from crawler.seeds import Site
from pipelines.common.decoding import charset_of, decode_html


def set_cookie_names(response: Response) -> list[str]:
    names = []
    for raw in response.headers.getlist("Set-Cookie"):
        names.append(raw.split(b"=", 1)[0].decode("latin-1").strip())
    return names


def content_type(response: Response) -> str:
    return (response.headers.get("Content-Type") or b"").decode("latin-1").lower()


def charset(response: Response) -> str | None:
    return charset_of(content_type(response))


def page_text(site: Site, response: Response) -> str:
    """The page as text, decoded as the cleaner decodes it: the seed's encoding, else the
    policy of `pipelines.common.decoding` (Scrapy's guess for undeclared bodies misreads short
    GBK pages as big5 or cp949, and it believes a header saying utf-8 over a GBK body)."""
    text, _ = decode_html(
        response.body,
        declared_encoding=charset(response),
        forced_encoding=site.options.get("encoding"),
    )
    return text


def validators(response: Response) -> tuple[str | None, str | None]:
    """The response's ETag and Last-Modified as the server wrote them (sent back next time)."""
    values = (response.headers.get(name) for name in ("ETag", "Last-Modified"))
    etag, last_modified = (v.decode("latin-1") if v else None for v in values)
    return etag, last_modified
