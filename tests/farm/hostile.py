"""Hostile files and a hostile site for the farm: zip bombs, endless PDFs, redirect loops and
redirects off the site, slow, endless and huge answers, a page of 100,000 links.

`start_hostile_farm()` serves `HostileSite` on 127.0.0.19 and `ElsewhereSite` (another site
that must never be reached through a redirect) on 127.0.0.20, on one port. `hostile_seeds()`
writes a registry for the hostile site. The bytes are built on the fly (nothing committed): a
bomb is a few hundred KB compressed.
"""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from crawler.demo.http import Request, Response, not_found
from crawler.demo.server import Farm
from tests.farm.build.files import make_docx

HOST = "127.0.0.19"
ELSEWHERE = "127.0.0.20"
SITE_ID = "hostile"
PRIVATE_TARGET = "http://10.255.255.1/xsxc/stolen.html"  # a private address nobody should ask
_MIB = 1024 * 1024
_HTML = [("Content-Type", "text/html; charset=utf-8")]


# --- files -------------------------------------------------------------------------------------


@cache
def zip_bomb_docx(inflated: int = 256 * _MIB) -> bytes:
    """A real .docx with one more member of `inflated` zero bytes (honestly declared)."""
    out = io.BytesIO()
    real_docx = io.BytesIO(make_docx("关于巡察整改情况的通报", ["正文"]))
    with (
        zipfile.ZipFile(real_docx) as real,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for info in real.infolist():
            bomb.writestr(info, real.read(info))
        with bomb.open("word/media/image1.png", "w", force_zip64=True) as member:
            chunk = b"\0" * _MIB
            for _ in range(inflated // _MIB):
                member.write(chunk)
    return out.getvalue()


def xml_bomb_docx(paragraphs: int = 2_000_000) -> bytes:
    """A .docx whose document.xml is small enough to pass the unzipped limit but parses into
    millions of elements: only the reader's memory limit stops it."""
    para = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    body = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>" + para * paragraphs + b"</w:body></w:document>"
    )
    out = io.BytesIO()
    real_docx = io.BytesIO(make_docx("通报", ["正文"]))
    with (
        zipfile.ZipFile(real_docx) as real,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for info in real.infolist():
            data = body if info.filename == "word/document.xml" else real.read(info)
            bomb.writestr(info, data)
    return out.getvalue()


def long_pdf(pages: int) -> bytes:
    """A valid PDF of `pages` empty pages."""
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"] * pages
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


# --- the site ----------------------------------------------------------------------------------

NOTICE_TEXT = "根据市委统一部署，市委第一巡察组对本单位开展了常规巡察，现将整改情况通报如下。"


def _detail(title: str, attachment: str | None = None) -> bytes:
    link = f'<p>附件：<a href="{attachment}">整改台账.docx</a></p>' if attachment else ""
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<div class='content'><h1>{title}</h1><p>{NOTICE_TEXT}</p>{link}</div></body></html>"
    ).encode()


# path -> title on the list; each path is one hostile behaviour (see HostileSite.handle)
DETAILS: dict[str, str] = {
    "/d/ok.html": "关于巡察整改情况的通报（正常）",
    "/d/inside.html": "关于巡察整改情况的通报（站内跳转）",
    "/d/loop.html": "关于巡察整改情况的通报（循环跳转）",
    "/d/offsite.html": "关于巡察整改情况的通报（跳到别的站）",
    "/d/private.html": "关于巡察整改情况的通报（跳到内网）",
    "/d/scheme.html": "关于巡察整改情况的通报（跳到别的协议）",
    "/d/slow.html": "关于巡察整改情况的通报（每秒一字节）",
    "/d/endless.html": "关于巡察整改情况的通报（没有尽头）",
    "/d/huge.html": "关于巡察整改情况的通报（一百兆）",
}
REFUSED_REDIRECTS = ("/d/loop.html", "/d/offsite.html", "/d/private.html", "/d/scheme.html")
LINKS_PAGE_ROWS = 100_000


def bomb_path(i: int) -> str:
    return f"/d/bomb-{i}.html"


def _list_page(rows: list[tuple[str, str]]) -> bytes:
    items = "".join(
        f'<li><a href="{href}">{title}</a><span>2024-01-0{1 + i % 9}</span></li>'
        for i, (href, title) in enumerate(rows)
    )
    return (
        "<html><head><meta charset='utf-8'><title>巡察整改</title></head><body>"
        f"<ul class='list'>{items}</ul></body></html>"
    ).encode()


def _redirect(location: str, status: int = 302) -> Response:
    return Response(status, b"", [("Location", location), *_HTML])


def _dribble(seconds: float) -> Iterator[bytes]:
    """One byte every `seconds`, for as long as the client listens."""
    yield b"<html><body>"
    while True:
        time.sleep(seconds)
        yield b" "


def _endless() -> Iterator[bytes]:
    chunk = b"<p>" + "巡察整改".encode() * 4000 + b"</p>"
    while True:
        yield chunk


def _huge(size: int) -> Iterator[bytes]:
    chunk = b" " * _MIB
    for _ in range(size // _MIB):
        yield chunk


class HostileSite:
    """The hostile behaviours, plus `bombs` notices whose attachment is a zip bomb that inflates
    to `bomb_size` bytes."""

    site_id = SITE_ID
    host = HOST
    prefix = ""

    def __init__(self, bombs: int = 1, bomb_size: int = 256 * _MIB) -> None:
        self.bombs = bombs
        self.bomb_size = bomb_size
        self.bomb = zip_bomb_docx(bomb_size)  # built before serving: it takes seconds
        self.details = {
            **DETAILS,
            **{bomb_path(i): f"关于巡察整改情况的通报（压缩炸弹{i}）" for i in range(bombs)},
        }

    def stored_paths(self) -> list[str]:
        """The detail pages a correct crawl stores (as fetched, after allowed redirects)."""
        return ["/d/ok.html", "/d/inside-target.html", *(bomb_path(i) for i in range(self.bombs))]

    def reset(self) -> None:
        """No request state."""

    def handle(self, request: Request) -> Response:
        port = request.host.rpartition(":")[2]
        path = request.path
        if path == "/robots.txt":
            return Response(
                200, b"User-agent: *\nDisallow: /search\n", [("Content-Type", "text/plain")]
            )
        if path == "/list/index.html":
            return Response(200, _list_page(list(self.details.items())), _HTML)
        if path == "/list/links.html":
            # titles that are not notices: the page is read (bounded), its rows not followed
            rows = [(f"/many/{i}.html", f"工作动态{i}") for i in range(LINKS_PAGE_ROWS)]
            return Response(200, _list_page(rows), _HTML)
        if path in ("/d/ok.html", "/d/inside-target.html"):
            return Response(200, _detail(DETAILS["/d/ok.html"]), _HTML)
        if path.startswith("/d/bomb-"):
            return Response(200, _detail(self.details[path], "/files/bomb.docx"), _HTML)
        if path == "/files/bomb.docx":
            return Response(200, self.bomb, [("Content-Type", "application/octet-stream")])
        if path == "/d/inside.html":
            return _redirect(f"http://{HOST}:{port}/d/inside-target.html", 301)
        if path == "/d/loop.html":
            return _redirect("/d/loop-2.html")
        if path == "/d/loop-2.html":
            return _redirect("/d/loop.html")
        if path == "/d/offsite.html":
            return _redirect(f"http://{ELSEWHERE}:{port}/xsxc/stolen.html")
        if path == "/d/private.html":
            return _redirect(PRIVATE_TARGET)
        if path == "/d/scheme.html":
            return _redirect(f"ftp://{HOST}/d/ok.html")
        if path == "/d/slow.html":
            return Response(200, headers=_HTML, chunks=_dribble(1.0))
        if path == "/d/endless.html":
            return Response(200, headers=_HTML, chunks=_endless())
        if path == "/d/huge.html":
            size = 100 * _MIB
            return Response(
                200, headers=[*_HTML, ("Content-Length", str(size))], chunks=_huge(size)
            )
        return not_found()


class ElsewhereSite:
    """Another site: a redirect from the hostile site must never reach it."""

    site_id = "elsewhere"
    host = ELSEWHERE
    prefix = ""

    def reset(self) -> None:
        """No request state."""

    def handle(self, request: Request) -> Response:
        return Response(200, _detail(DETAILS["/d/ok.html"]), _HTML)


def start_hostile_farm(port: int = 0, bombs: int = 1, bomb_size: int = 256 * _MIB) -> Farm:
    return Farm([HostileSite(bombs, bomb_size), ElsewhereSite()]).start(port)


def hostile_seeds(folder: Path) -> Path:
    """A registry holding the hostile site alone, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.yaml").write_text(
        f"""regions:
  - code: "980000"
    name: 敌意站群
    pinyin: hostile
    sites:
      - id: {SITE_ID}
        name: 敌意测试站
        platform: generic
        list_urls:
          - "http://{HOST}:${{NOTICES_FARM_PORT}}/list/index.html"
          - "http://{HOST}:${{NOTICES_FARM_PORT}}/list/links.html"
        list:
          item: ul.list li
          link: a @href
          title: a
          date: span
        verified: 2026-12-02
""",
        encoding="utf-8",
    )
    return folder


# --- measuring a crawl -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Measured:
    returncode: int
    stderr: str
    seconds: float
    peak_rss_mb: float  # of the crawl and the readers it started, whichever was largest


def measured_run(cmd: list[str], env: dict[str, str], cwd: Path, timeout: float) -> Measured:
    """Run `cmd` and take its peak RSS from wait4 (so other children of this process, such as
    earlier crawls of the same test worker, do not count); killed after `timeout` seconds."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    # Linux reports ru_maxrss in KiB
    return Measured(proc.returncode, stderr, time.monotonic() - started, usage.ru_maxrss / 1024)
