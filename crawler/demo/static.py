"""Serve a site's files from disk exactly as recorded in its `_routes.json`."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import Any

from crawler.demo.http import Request, Response, is_asset_path, not_found, route_key

ROUTES_FILE = "_routes.json"

_ASSET_BODIES = {
    ".css": (b"body{margin:0}\n", "text/css"),
    ".js": (b"/* farm asset */\n", "application/javascript"),
    ".png": (b"\x89PNG\r\n\x1a\n", "image/png"),
    ".gif": (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/gif"),
}


@dataclass(frozen=True, slots=True)
class Route:
    body: bytes
    status: int
    headers: tuple[tuple[str, str], ...]
    last_modified: float | None  # POSIX seconds; drives Last-Modified and 304s
    ignore_query: bool  # static files answer the same whatever the query string says
    honours_validators: bool = True  # False: sends ETag/Last-Modified, never answers 304

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


def load_routes(root: Path) -> tuple[dict[str, Route], dict[str, Route]]:
    """Read `_routes.json`: exact routes and prefix routes (every path under a prefix)."""
    spec = json.loads((root / ROUTES_FILE).read_text(encoding="utf-8"))

    def route(entry: dict[str, Any]) -> Route:
        file = entry.get("file")
        last_modified = entry.get("last_modified")
        return Route(
            body=(root / str(file)).read_bytes() if file else b"",
            status=int(entry.get("status", 200)),
            headers=tuple((str(k), str(v)) for k, v in entry.get("headers", [])),
            last_modified=float(last_modified) if last_modified is not None else None,
            ignore_query="?" not in str(entry.get("key", "")),
            honours_validators=bool(spec.get("honours_validators", True)),
        )

    exact = {str(e["key"]): route(e) for e in spec["routes"]}
    prefixed = {str(e["key"]): route(e) for e in spec.get("prefix_routes", [])}
    return exact, prefixed


class StaticSite:
    """A site whose every answer is a file on disk plus recorded status and headers."""

    def __init__(self, site_id: str, host: str, prefix: str, root: Path) -> None:
        self.site_id = site_id
        self.host = host
        self.prefix = prefix
        self.root = root
        self.routes, self.prefix_routes = load_routes(root)

    def reset(self) -> None:
        """Static sites keep no state."""

    def handle(self, request: Request) -> Response:
        route = self.find(request.path, request.query)
        if route is None:
            if is_asset_path(request.path):
                return asset_response(request.path)
            return not_found()
        return self.respond(route, request)

    def find(self, path: str, query: str) -> Route | None:
        route = self.routes.get(route_key(path, query))
        if route is None and query:
            bare = self.routes.get(route_key(path))
            if bare is not None and bare.ignore_query:
                route = bare
        if route is None:
            for prefix, candidate in self.prefix_routes.items():
                if path.startswith(prefix):
                    return candidate
        return route

    def respond(self, route: Route, request: Request) -> Response:
        headers = list(route.headers)
        if route.status == 200 and route.last_modified is not None:
            headers.append(("Last-Modified", formatdate(route.last_modified, usegmt=True)))
            headers.append(("ETag", route.etag))
            if route.honours_validators and not_modified(route, request):
                return Response(304, b"", headers)
        return Response(route.status, route.body, headers)


def not_modified(route: Route, request: Request) -> bool:
    etag = request.header("if-none-match")
    if etag is not None:
        return route.etag in [t.strip() for t in etag.split(",")]
    since = request.header("if-modified-since")
    if since and route.last_modified is not None:
        try:
            return parsedate_to_datetime(since).timestamp() >= int(route.last_modified)
        except (TypeError, ValueError):
            return False
    return False


def asset_response(path: str) -> Response:
    ext = "." + path.rsplit(".", 1)[-1].lower()
    body, ctype = _ASSET_BODIES.get(ext, (b"\x00", "application/octet-stream"))
    return Response(200, body, [("Content-Type", ctype)])
