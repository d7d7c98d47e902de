"""Sites with behaviour beyond static files: Hanweb's dataproxy, a JSON list API, a rate limiter."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any

from crawler.demo.http import Request, Response
from crawler.demo.static import StaticSite

DATAPROXY = "/module/web/jpage/dataproxy.jsp"


class HanwebSite(StaticSite):
    """Hanweb jpage: the first group of records is inline; later groups come from dataproxy.jsp."""

    def __init__(self, site_id: str, host: str, prefix: str, root: Path) -> None:
        super().__init__(site_id, host, prefix, root)
        spec = json.loads((root / "_records.json").read_text(encoding="utf-8"))
        self.records: list[str] = spec["records"]
        self.column: str = spec["column"]
        self.group: int = spec["per_page"] * spec["group_size"]
        self.per_page: int = spec["per_page"]

    def handle(self, request: Request) -> Response:
        if request.path != DATAPROXY:
            return super().handle(request)
        args = request.args()
        if request.method == "POST":
            form = request.form()
            if form.get("columnid") != self.column:
                return self._xml(
                    request, []
                )  # the browser always sends the form; without it: nothing
            start = _int(args.get("startrecord"), 1)
            end = _int(args.get("endrecord"), start + self.group - 1)
            return self._xml(request, self.records[max(start - 1, 0) : end])
        if args.get("columnid") != self.column:
            return self._xml(request, [])
        page = _int(args.get("page"), 1)
        first = (page - 1) * self.group
        return self._xml(request, self.records[first : first + self.group] if page >= 1 else [])

    @staticmethod
    def port_of(request: Request) -> str:
        """Records may link to another farm site; the farm's port is only known per request."""
        return request.host.rpartition(":")[2] or "80"

    def _xml(self, request: Request, records: list[str]) -> Response:
        total = len(self.records)
        pages = -(-total // self.per_page)
        body = (
            '<?xml version="1.0" encoding="UTF-8"?><datastore>'
            f"<totalrecord>{total}</totalrecord><totalpage>{pages}</totalpage><recordset>"
            + "".join(f"<record><![CDATA[{r}]]></record>\n" for r in records).replace(
                "{port}", self.port_of(request)
            )
            + "</recordset></datastore>"
        )
        return Response(200, body.encode(), [("Content-Type", "text/xml")])


class ApiSite(StaticSite):
    """A list served by JSON APIs: form-encoded POST (channel 1024) and JSON POST (channel 2048)."""

    def __init__(self, site_id: str, host: str, prefix: str, root: Path) -> None:
        super().__init__(site_id, host, prefix, root)
        spec = json.loads((root / "_api.json").read_text(encoding="utf-8"))
        self.form_channel: dict[str, Any] = spec["form_channel"]
        self.json_channel: dict[str, Any] = spec["json_channel"]
        self.denied: bytes = (root / spec["denied_file"]).read_bytes()

    def handle(self, request: Request) -> Response:
        if request.path not in (self.form_channel["path"], self.json_channel["path"]):
            return super().handle(request)
        if request.method != "POST":
            return _json({"code": 405, "msg": "Method Not Allowed"})
        if request.header("x-requested-with") != "XMLHttpRequest":
            return Response(403, self.denied, [("Content-Type", "text/html; charset=utf-8")])
        origin = "http://" + request.host
        if request.path == self.form_channel["path"]:
            return self._form_list(request, origin)
        return self._json_list(request, origin)

    def _form_list(self, request: Request, origin: str) -> Response:
        form = request.form()
        channel = self.form_channel
        if form.get("channelId") != channel["id"]:
            return _json({"code": 500, "msg": "栏目不存在"})
        page, size = _int(form.get("pageNo"), 1), min(_int(form.get("pageSize"), 10), 50)
        rows = _page(channel["records"], page, size, origin)
        data = {"total": channel["claimed_total"], "pageNo": page, "pageSize": size, "list": rows}
        return _json({"code": 200, "msg": "success", "data": data})

    def _json_list(self, request: Request, origin: str) -> Response:
        body = request.json_body()
        channel = self.json_channel
        if not isinstance(body, dict) or str(body.get("channelId")) != channel["id"]:
            return _json({"code": 1, "msg": "参数错误", "result": None})
        paging = body.get("page")
        if not isinstance(paging, dict):
            paging = {}
        page = _int(str(paging.get("current", 1)), 1)
        size = min(_int(str(paging.get("size", 20)), 20), 50)
        rows = _page(channel["records"], page, size, origin)
        return _json({"code": 0, "result": {"total": len(channel["records"]), "records": rows}})


class RateLimitedSite(StaticSite):
    """Answers 429 with Retry-After once a client makes too many requests under a path prefix."""

    def __init__(self, site_id: str, host: str, prefix: str, root: Path) -> None:
        super().__init__(site_id, host, prefix, root)
        spec = json.loads((root / "_limit.json").read_text(encoding="utf-8"))
        self.limited_prefix: str = spec["prefix"]
        self.max_requests: int = spec["max_requests"]
        self.window: float = spec["window_seconds"]
        self.retry_after: int = spec["retry_after"]
        self._lock = threading.Lock()
        self._recent: deque[float] = deque()
        self._blocked_until = 0.0

    def reset(self) -> None:
        with self._lock:
            self._recent.clear()
            self._blocked_until = 0.0

    def handle(self, request: Request) -> Response:
        if request.path.startswith(self.limited_prefix) and self._over_limit():
            body = "<html><head><title>429 Too Many Requests</title></head><body>请求过于频繁</body></html>"
            headers = [("Content-Type", "text/html; charset=utf-8")]
            return Response(429, body.encode(), [*headers, ("Retry-After", str(self.retry_after))])
        return super().handle(request)

    def _over_limit(self) -> bool:
        now = time.monotonic()
        with self._lock:
            if now < self._blocked_until:
                return True
            while self._recent and now - self._recent[0] > self.window:
                self._recent.popleft()
            self._recent.append(now)
            if len(self._recent) > self.max_requests:
                # After the penalty the client starts with a fresh allowance.
                self._blocked_until = now + self.retry_after
                self._recent.clear()
                return True
            return False


def _page(records: list[dict[str, Any]], page: int, size: int, origin: str) -> list[dict[str, Any]]:
    first = (page - 1) * size
    rows = records[first : first + size] if page >= 1 else []
    return [json.loads(json.dumps(r, ensure_ascii=False).replace("{origin}", origin)) for r in rows]


def _json(payload: object) -> Response:
    body = json.dumps(payload, ensure_ascii=False).encode()
    return Response(200, body, [("Content-Type", "application/json;charset=UTF-8")])


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class EpochSite:
    """A site whose content changes between crawls: one static snapshot per epoch (`epochN/`).

    `set_epoch(n)` switches what every later request sees (`Farm.set_epoch`); a new farm starts
    at epoch 1, and `reset()` (which clears request state) leaves the epoch alone."""

    def __init__(self, site_id: str, host: str, prefix: str, root: Path) -> None:
        self.site_id = site_id
        self.host = host
        self.prefix = prefix
        folders = sorted(root.glob("epoch*"), key=lambda p: int(p.name[5:]))
        self.epochs = {int(p.name[5:]): StaticSite(site_id, host, prefix, p) for p in folders}
        self.epoch = 1

    def set_epoch(self, epoch: int) -> None:
        if epoch not in self.epochs:
            raise ValueError(f"{self.site_id} has epochs {sorted(self.epochs)}, not {epoch}")
        self.epoch = epoch

    def reset(self) -> None:
        """Snapshots keep no request state."""

    def handle(self, request: Request) -> Response:
        return self.epochs[self.epoch].handle(request)


class CookieChallengeSite(StaticSite):
    """Every page first answers a 200 script that sets cookies and reloads (ccdi.gov.cn style);
    a request carrying all those cookies gets the real page. robots.txt is never challenged."""

    def __init__(self, site_id: str, host: str, prefix: str, root: Path) -> None:
        super().__init__(site_id, host, prefix, root)
        spec = json.loads((root / "_challenge.json").read_text(encoding="utf-8"))
        self.cookies: dict[str, str] = spec["cookies"]
        self.challenge: bytes = (root / spec["body_file"]).read_bytes()

    def handle(self, request: Request) -> Response:
        if request.path != "/robots.txt" and not self._passes(request.header("cookie") or ""):
            return Response(200, self.challenge, [("Content-Type", "text/html; charset=utf-8")])
        return super().handle(request)

    def _passes(self, header: str) -> bool:
        sent = dict(part.strip().split("=", 1) for part in header.split(";") if "=" in part)
        return all(sent.get(name) == value for name, value in self.cookies.items())
