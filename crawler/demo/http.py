"""The request/response types the farm's sites speak, independent of the server plumbing."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import parse_qsl, quote, unquote_to_bytes, urlencode

ASSET_EXTENSIONS = (
    ".css",
    ".js",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".ico",
    ".svg",
    ".woff",
    ".woff2",
    ".ttf",
)


def is_asset_path(path: str) -> bool:
    return path.lower().endswith(ASSET_EXTENSIONS)


def normalise_path(path: str) -> str:
    """One spelling per path: percent-escapes re-encoded the same way whatever the client sent."""
    return quote(unquote_to_bytes(path), safe="/:@!$&'()*+,;=-._~")


def route_key(path: str, query: str = "") -> str:
    """Key of a route: the normalised path plus the query parameters in sorted order."""
    key = normalise_path(path)
    if query:
        key += "?" + urlencode(sorted(parse_qsl(query, keep_blank_values=True)))
    return key


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str
    query: str
    headers: Mapping[str, str]  # lower-cased names
    body: bytes
    host: str  # the Host header, e.g. '127.0.0.11:18080'

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def args(self) -> dict[str, str]:
        return dict(parse_qsl(self.query, keep_blank_values=True))

    def form(self) -> dict[str, str]:
        ctype = self.header("content-type") or ""
        if not ctype.startswith("application/x-www-form-urlencoded"):
            return {}
        return dict(parse_qsl(self.body.decode("utf-8", "replace"), keep_blank_values=True))

    def json_body(self) -> object:
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None


@dataclass(slots=True)
class Response:
    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    # A body sent piece by piece (slow, endless or huge answers of the test farm) instead of
    # `body`; without a Content-Length header of its own the connection closes after it.
    chunks: Iterable[bytes] | None = None

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


class Site(Protocol):
    """One fixture site: answers every request addressed to its host and path prefix."""

    site_id: str
    host: str  # loopback address it is bound to
    prefix: str  # '' or a path prefix such as '/hnjw' (demo sites share 127.0.0.1)

    def handle(self, request: Request) -> Response: ...

    def reset(self) -> None: ...


def not_found() -> Response:
    body = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404</title></head>'
        "<body><h1>404</h1><p>对不起，您访问的页面不存在</p></body></html>"
    ).encode()
    return Response(404, body, [("Content-Type", "text/html; charset=utf-8")])
