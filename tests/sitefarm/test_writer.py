"""The site writer: routes, aliases, truth and file layout."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.farm.build.content import Doc
from tests.farm.build.writer import Attachment, SiteWriter
from tests.farm.truth import load_truth


def doc(title: str, notice: bool = True) -> Doc:
    return Doc(
        title=title, published=date(2023, 6, 19), paragraphs=["联系电话：1"], is_notice=notice
    )


def test_written_site_has_files_routes_and_truth(tmp_path: Path) -> None:
    w = SiteWriter("s", "站", "trs", "127.0.0.99")
    w.add("/a/index.html", "<p>页</p>".encode(), modified=date(2023, 6, 19))
    w.alias("/a/", "/a/index.html")
    w.add("/c.jsp?id=2&t=1", b"x", content_type="text/html")
    att = Attachment("/f.pdf", "台账.pdf", "pdf", b"%PDF-1.4", text_snippet="台账")
    w.attachment(att)
    page = "<p>打印 网站标识码</p>"
    w.add("/n.html", page.encode())
    w.notice("/n.html", doc("关于巡察整改情况的通报"), attachments=[att])
    w.add("/m.html", page.encode())
    w.non_notice("/m.html", "动员会", "news")
    root = w.write(tmp_path)
    assert (root / "files/a/index.html").read_bytes() == "<p>页</p>".encode()
    routes = json.loads((root / "_routes.json").read_text(encoding="utf-8"))["routes"]
    keys = [r["key"] for r in routes]
    assert keys[:3] == ["/a/index.html", "/a/", "/c.jsp?id=2&t=1"]
    assert routes[0]["last_modified"] == routes[1]["last_modified"]
    truth = load_truth("s", sites_dir=tmp_path)
    (notice,) = truth.notices
    assert notice.attachments[0].sha256 is not None and notice.attachments[0].size == 8
    assert truth.non_notices[0].reason == "news"
    assert truth.chrome == ("网站标识码", "打印")


def test_a_route_cannot_be_added_twice() -> None:
    w = SiteWriter("s", "站", "trs", "127.0.0.99")
    w.add("/a.html", b"1")
    with pytest.raises(ValueError, match="added twice"):
        w.add("/a.html", b"2")


def test_rewriting_replaces_the_old_folder(tmp_path: Path) -> None:
    w = SiteWriter("s", "站", "trs", "127.0.0.99", epoch=2)
    w.add("/old.html", b"1")
    w.write(tmp_path)
    w2 = SiteWriter("s", "站", "trs", "127.0.0.99", epoch=2)
    w2.add("/new.html", b"2")
    root = w2.write(tmp_path)
    assert root == tmp_path / "s" / "epoch2"
    assert not (root / "files/old.html").exists()
    assert load_truth("s", sites_dir=tmp_path, epoch=2).epoch == 2
