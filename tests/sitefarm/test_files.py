"""Attachment builders give real, readable, repeatable files."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from tests.farm.build.files import (
    OLE2_MAGIC,
    make_doc,
    make_docx,
    make_ofd,
    make_pdf,
)

LINES = [
    "中共白石镇委员会关于巡察整改情况的通报",
    "联系电话：0739-1234567；电子邮箱：bsz@163.com。镕堃喆珺",
]


def test_pdf_text_is_extractable() -> None:
    data = make_pdf(LINES, width=60)
    assert data.startswith(b"%PDF-1.4")
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert text.splitlines() == LINES


def test_pdf_wraps_long_lines() -> None:
    text = pypdf.PdfReader(io.BytesIO(make_pdf(["一" * 50], width=20))).pages[0].extract_text()
    assert text.splitlines() == ["一" * 20, "一" * 20, "一" * 10]


def test_docx_is_readable_and_repeatable() -> None:
    data = make_docx("标题", LINES)
    assert data == make_docx("标题", LINES)
    assert [p.text for p in docx.Document(io.BytesIO(data)).paragraphs] == ["标题", *LINES]


def test_ofd_is_a_zip_with_ofd_xml() -> None:
    archive = zipfile.ZipFile(io.BytesIO(make_ofd("通报")))
    assert "<ofd:Title>通报</ofd:Title>" in archive.read("OFD.xml").decode()
    assert make_ofd("通报") == make_ofd("通报")


def test_doc_is_a_word_97_file_that_antiword_reads(tmp_path: Path) -> None:
    data = make_doc(LINES)
    assert data.startswith(OLE2_MAGIC)
    assert data == make_doc(LINES)
    assert b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00" in data
    if shutil.which("antiword") is None:
        pytest.skip("antiword is not installed (.ci/system-deps installs it)")
    (tmp_path / "a.doc").write_bytes(data)  # antiword crashes on stdin input
    done = subprocess.run(
        ["antiword", "-m", "UTF-8.txt", str(tmp_path / "a.doc")], capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8").split() == [w for line in LINES for w in line.split()]
