"""Collects a site's files, routes and ground truth while a builder renders it, then writes them."""

from __future__ import annotations

import hashlib
import json
import shutil
from calendar import timegm
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.demo.http import route_key
from crawler.demo.static import ROUTES_FILE
from tests.farm.build.content import Doc
from tests.farm.truth import TRUTH_FILE

HTML_UTF8 = "text/html; charset=UTF-8"
# Page-chrome phrases a cleaner must remove; a site's truth lists those its notice pages carry.
CHROME_VOCABULARY = (
    "网站标识码",
    "ICP备",
    "公网安备",
    "版权所有",
    "技术支持",
    "您是第",
    "您是本站第",
    "分享到",
    "打印",
    "关闭窗口",
    "字体",
    "文字大小",
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "当前位置",
    "无障碍",
    "长者模式",
    "12388",
    "浏览次数",
    "主办",
    "承办",
    "扫一扫",
    "建议使用",
)


@dataclass(slots=True)
class Attachment:
    url: str  # path on the site, as linked (may carry a query)
    name: str  # anchor text
    ext: str
    body: bytes
    content_type: str = "application/octet-stream"
    disposition: str | None = None
    text_snippet: str | None = None
    ok: bool = True  # False: serves HTML instead of the file

    def truth(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "name": self.name,
            "ext": self.ext,
            "sha256": hashlib.sha256(self.body).hexdigest() if self.ok else None,
            "size": len(self.body),
            "text_snippet": self.text_snippet,
            "ok": self.ok,
        }


@dataclass(slots=True)
class SiteWriter:
    site: str
    name: str
    platform: str
    host: str
    prefix: str = ""
    encoding: str = "utf-8"
    epoch: int | None = None  # sites whose content changes between runs: one folder per epoch
    honours_validators: bool = True  # False: Last-Modified/ETag sent, conditional GETs get 200
    files: dict[str, bytes] = field(default_factory=dict)
    routes: list[dict[str, Any]] = field(default_factory=list)
    prefix_routes: list[dict[str, Any]] = field(default_factory=list)
    extra_files: dict[str, bytes] = field(default_factory=dict)  # _records.json etc.
    start_paths: list[str] = field(default_factory=list)
    list_paths: list[str] = field(default_factory=list)
    never_paths: list[str] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)
    non_notices: list[dict[str, Any]] = field(default_factory=list)
    blocked: list[dict[str, Any]] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    encoding_cases: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    js_cookies: dict[str, str] = field(default_factory=dict)
    notice_bodies: list[str] = field(default_factory=list)  # texts, to keep chrome phrases honest

    # -- routes --------------------------------------------------------------------------------

    def add(
        self,
        url: str,
        body: bytes,
        *,
        content_type: str | None = HTML_UTF8,
        status: int = 200,
        headers: list[tuple[str, str]] | None = None,
        modified: date | None = None,
        prefix_route: bool = False,
    ) -> None:
        """Serve `body` at `url` (a path, optionally with a query)."""
        parts = urlsplit(url)
        key = route_key(parts.path, parts.query)
        if any(r["key"] == key for r in self.routes):
            raise ValueError(f"{self.site}: route {key} added twice")
        file = _file_name(parts.path, parts.query)
        self.files[file] = body
        all_headers = [("Content-Type", content_type)] if content_type else []
        all_headers += headers or []
        entry: dict[str, Any] = {"key": key, "file": file, "status": status, "headers": all_headers}
        if modified is not None:
            entry["last_modified"] = timegm(modified.timetuple()) + 9 * 3600
        (self.prefix_routes if prefix_route else self.routes).append(entry)

    def alias(self, url: str, target: str) -> None:
        """Serve the same bytes and headers at another URL (e.g. a directory index)."""
        parts = urlsplit(target)
        key = route_key(parts.path, parts.query)
        entry = next(r for r in self.routes if r["key"] == key)
        new = urlsplit(url)
        self.routes.append({**entry, "key": route_key(new.path, new.query)})

    def attachment(self, att: Attachment, modified: date | None = None) -> None:
        headers = [("Content-Disposition", att.disposition)] if att.disposition else []
        self.add(att.url, att.body, content_type=att.content_type, headers=headers)

    def robots(self, extra: str = "") -> None:
        body = "User-agent: *\nDisallow: /search\n" + extra
        self.add("/robots.txt", body.encode(), content_type="text/plain")

    # -- truth ---------------------------------------------------------------------------------

    def notice(
        self,
        path: str,
        doc: Doc,
        *,
        alt_paths: list[str] | None = None,
        attachments: list[Attachment] | None = None,
        body_in_attachment: bool = False,
        source: str | None = None,
    ) -> None:
        self.notice_bodies.append("\n".join([doc.title, *doc.paragraphs]))
        self.notices.append(
            {
                "path": path,
                "alt_paths": alt_paths or [],
                "title": doc.title,
                "published": doc.published.isoformat(),
                "source": source if source is not None else doc.source,
                "publisher": doc.publisher,
                "inspected_unit": doc.inspected_unit,
                "inspection_body": doc.inspection_body,
                "problems": doc.problems,
                "body_contains": doc.body_contains,
                "body_in_attachment": body_in_attachment,
                "attachments": [a.truth() for a in attachments or []],
            }
        )

    def non_notice(
        self, path: str, title: str, reason: str, alt_paths: list[str] | None = None
    ) -> None:
        entry = {"path": path, "title": title, "reason": reason, "alt_paths": alt_paths or []}
        self.non_notices.append(entry)

    def change(self, case: str, path: str, expect: str, note: str = "") -> None:
        """A difference from the previous epoch and what a re-crawl must make of it."""
        self.changes.append({"case": case, "path": path, "expect": expect, "note": note})

    def block(self, path: str, status: int, cls: str) -> None:
        self.blocked.append({"path": path, "status": status, "cls": cls})

    def truth(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "name": self.name,
            "platform": self.platform,
            "host": self.host,
            "prefix": self.prefix,
            "encoding": self.encoding,
            "start_paths": self.start_paths,
            "list_paths": self.list_paths,
            "never_paths": self.never_paths,
            "notices": self.notices,
            "non_notices": self.non_notices,
            "blocked": self.blocked,
            "external": self.external,
            "encoding_cases": self.encoding_cases,
            "chrome": self.chrome(),
            "epoch": self.epoch,
            "changes": self.changes,
            "js_cookies": self.js_cookies,
        }

    def chrome(self) -> list[str]:
        """Chrome phrases on every HTML notice page of the site that no notice text contains."""
        pages = []
        for notice in self.notices:
            if notice["body_in_attachment"]:
                continue
            parts = urlsplit(notice["path"])
            key = route_key(parts.path, parts.query)
            route = next(r for r in self.routes if r["key"] == key)
            raw = self.files[route["file"]]
            try:
                pages.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                pages.append(raw.decode("gb18030"))
        bodies = "\n".join(self.notice_bodies)
        return [
            phrase
            for phrase in CHROME_VOCABULARY
            if pages and all(phrase in page for page in pages) and phrase not in bodies
        ]

    # -- output --------------------------------------------------------------------------------

    @property
    def folder(self) -> str:
        """Where the site lives under the sites folder."""
        return self.site if self.epoch is None else f"{self.site}/epoch{self.epoch}"

    def write(self, sites_dir: Path) -> Path:
        root = sites_dir / self.folder
        if root.exists():
            shutil.rmtree(root)
        for name, body in {**self.files, **self.extra_files}.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(body)
        routes: dict[str, Any] = {"routes": self.routes, "prefix_routes": self.prefix_routes}
        if not self.honours_validators:
            routes["honours_validators"] = False
        _write_json(root / ROUTES_FILE, routes)
        _write_json(root / TRUTH_FILE, self.truth())
        return root


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _file_name(path: str, query: str) -> str:
    """Where a route's bytes live under the site folder: the URL path (percent-escapes kept as is)."""
    name = path.lstrip("/")
    if not name or name.endswith("/"):
        name += "index.__dir__"
    if query:
        name += ".q" + hashlib.sha1(query.encode()).hexdigest()[:10]
    return "files/" + name
