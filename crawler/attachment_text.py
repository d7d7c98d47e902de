"""Text of a downloaded attachment, read within bounds: a hostile file ends in an error, not in
an out-of-memory kill or a stalled crawl.

Readers: pypdf (PDF), python-docx (DOCX), antiword then catdoc (DOC/WPS; installed by
`.ci/system-deps`). They run in a child process (`python -m crawler.attachment_text EXT`, the
file on stdin, JSON on stdout) that limits its own address space (RLIMIT_AS) and is killed after
a time limit; before parsing, a DOCX's declared unzipped size and a PDF's page count are checked.
`extract_text` waits for the child (the `notices parse` path, tests); the crawl awaits
`extract_text_async`, so the reactor keeps downloading while a file is read.
"""

from __future__ import annotations

import asyncio
import io
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pipelines.common import settings
from pipelines.common.attachment_types import TEXT_DOCUMENT_EXTS

_OLE_TIMEOUT = 60  # seconds for antiword/catdoc on one file, inside the child's own limit
_ERROR_MAX = 300  # characters of an error kept on the attachment


class LimitExceeded(Exception):
    """The file is larger, longer or slower to read than the limits allow."""


@dataclass(frozen=True, slots=True)
class Limits:
    seconds: float = settings.ATTACHMENT_TEXT_TIMEOUT.default
    memory: int = settings.ATTACHMENT_TEXT_MEMORY.default  # bytes of address space
    unzipped: int = settings.ATTACHMENT_UNZIPPED_MAX.default  # declared bytes of a DOCX's members
    pages: int = settings.ATTACHMENT_PDF_PAGES.default

    @classmethod
    def from_settings(cls, scrapy: Any) -> Limits:
        return cls(
            seconds=settings.read(settings.ATTACHMENT_TEXT_TIMEOUT, scrapy),
            memory=settings.read(settings.ATTACHMENT_TEXT_MEMORY, scrapy),
            unzipped=settings.read(settings.ATTACHMENT_UNZIPPED_MAX, scrapy),
            pages=settings.read(settings.ATTACHMENT_PDF_PAGES, scrapy),
        )


Result = tuple[str | None, str | None]  # (text, error)


def is_readable(ext: str | None) -> bool:
    return ext in TEXT_DOCUMENT_EXTS


def extract_text(ext: str | None, body: bytes, limits: Limits | None = None) -> Result:
    """(text, error) of a file, read in a bounded child process; blocks until it is done."""
    if not is_readable(ext):
        return _unreadable(ext)
    limits = limits or Limits()
    try:
        proc = subprocess.run(
            _command(ext, limits),
            input=body,
            capture_output=True,
            timeout=limits.seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None, _over_time(ext, limits)
    return _result(ext, proc.returncode, proc.stdout, proc.stderr)


async def extract_text_async(ext: str | None, body: bytes, limits: Limits | None = None) -> Result:
    """`extract_text` for the crawl: awaits the child without blocking the event loop."""
    if not is_readable(ext):
        return _unreadable(ext)
    limits = limits or Limits()
    proc = await asyncio.create_subprocess_exec(
        *_command(ext, limits),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(proc.communicate(body), limits.seconds)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        return None, _over_time(ext, limits)
    return _result(ext, proc.returncode, out, err)


def _command(ext: str | None, limits: Limits) -> list[str]:
    return [sys.executable, "-m", "crawler.attachment_text", str(ext), json.dumps(asdict(limits))]


def _unreadable(ext: str | None) -> Result:
    return None, f"no text extractor for .{ext}" if ext else "unknown file type"


def _over_time(ext: str | None, limits: Limits) -> str:
    return f"extraction_limit: {ext} text not read within {limits.seconds:g} s"


def _result(ext: str | None, returncode: int | None, out: bytes, err: bytes) -> Result:
    if returncode == 0:
        try:
            answer = json.loads(out)
            return answer["text"], answer["error"]
        except (ValueError, KeyError, TypeError):
            pass
    # killed by a signal (negative code) or died without an answer: say how, briefly
    tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit {returncode}"]
    return None, f"{ext} text extraction failed: {tail[0]}"[:_ERROR_MAX]


# --- in the child ------------------------------------------------------------------------------


def read_text(ext: str, body: bytes, limits: Limits) -> Result:
    """(text, error) read in this process; the child's work, exposed for tests."""
    try:
        if ext == "pdf":
            return _pdf_text(body, limits), None
        if ext == "docx":
            return _docx_text(body, limits), None
        if ext in ("doc", "wps"):
            return _ole_text(body)
    except LimitExceeded as exc:
        return None, f"extraction_limit: {ext} {exc}"[:_ERROR_MAX]
    except Exception as exc:  # noqa: BLE001 - a broken file must not stop the crawl; reason kept
        # lxml reports a failed allocation as a syntax error: the address space tells
        if isinstance(exc, MemoryError) or _peak_memory() >= limits.memory * 0.9:
            return None, f"extraction_limit: {ext} text needs over {limits.memory >> 20} MiB"
        return None, f"{ext} text extraction failed: {type(exc).__name__}: {exc}"[:_ERROR_MAX]
    return _unreadable(ext)


def _peak_memory() -> int:
    """Bytes of address space this process used at most (Linux), else 0."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmPeak:"):
            return int(line.split()[1]) * 1024
    return 0


def check_zip(body: bytes, limits: Limits) -> None:
    """Refuse a zip whose members declare more bytes than the limit (a zip bomb); the declared
    size is binding, since zipfile stops reading a member at it."""
    declared = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(body)).infolist())
    if declared > limits.unzipped:
        raise LimitExceeded(
            f"unzips to {declared >> 20} MiB, over the {limits.unzipped >> 20} MiB limit"
        )


def _pdf_text(body: bytes, limits: Limits) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body))
    if len(reader.pages) > limits.pages:
        raise LimitExceeded(f"has {len(reader.pages)} pages, over the {limits.pages} page limit")
    return "\n".join((page.extract_text() or "").strip() for page in reader.pages).strip()


def _docx_text(body: bytes, limits: Limits) -> str:
    import docx

    check_zip(body, limits)
    document = docx.Document(io.BytesIO(body))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(line for line in lines if line.strip())


def _ole_text(body: bytes) -> Result:
    tools = [
        ("antiword", ["antiword", "-m", "UTF-8.txt"]),
        ("catdoc", ["catdoc", "-d", "utf-8"]),
    ]
    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "attachment.doc"
        path.write_bytes(body)
        for tool, cmd in tools:
            if not shutil.which(tool):
                errors.append(f"{tool} not installed (run .ci/system-deps)")
                continue
            proc = subprocess.run(
                [*cmd, str(path)], capture_output=True, timeout=_OLE_TIMEOUT, check=False
            )
            text = proc.stdout.decode("utf-8", errors="replace").strip()
            if proc.returncode == 0 and text:
                return text, None
            errors.append(f"{tool}: {proc.stderr.decode('utf-8', 'replace').strip()[:100]}")
    return None, "; ".join(errors)


def main(argv: list[str]) -> int:
    ext, limits = argv[0], Limits(**json.loads(argv[1]))
    # Limit ourselves before reading anything: the parent cannot set it without preexec_fn.
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory, limits.memory))
    body = sys.stdin.buffer.read()
    text, error = read_text(ext, body, limits)
    sys.stdout.write(json.dumps({"text": text, "error": error}, ensure_ascii=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
