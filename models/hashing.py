"""The hashes that tell a re-crawled page unchanged, cheaply first and then by its record."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pipelines.common.fetched import FetchedAttachment, FetchedPage


def fetch_digest(page: FetchedPage) -> str:
    """A cheap hash of what the record is made from: raw bytes, parser version, files."""
    parser = (page.record or {}).get("parser_version")
    return fetch_digest_of(sha256_bytes(page.body), parser, file_hashes(page))


def fetch_digest_of(
    raw_sha256: str | None, parser: str | None, files: list[tuple[str, str | None]]
) -> str:
    """`fetch_digest` from its parts, for a page re-parsed from the archive (`notices reparse`),
    whose file bytes are not loaded."""
    return sha256_json([raw_sha256, parser, files])


def record_digest(page: FetchedPage) -> tuple[str, bool]:
    """The hash that decides unchanged vs updated: the record (which carries the cleaned body,
    so page chrome such as visitor counters does not count) plus the attachment files; and
    whether the record holds a NUL character (JSON writes it as \\u0000), which is rare."""
    return record_digest_of(page.record or {}, file_hashes(page))


def record_digest_of(
    record: dict[str, Any], files: list[tuple[str, str | None]]
) -> tuple[str, bool]:
    """`record_digest` from the record and the sorted (url, file sha256) pairs."""
    data = json.dumps(
        {"record": record, "files": files}, sort_keys=True, ensure_ascii=False, default=str
    )
    return hashlib.sha256(data.encode()).hexdigest(), "\\u0000" in data


def file_hashes(page: FetchedPage) -> list[tuple[str, str | None]]:
    return sorted((a.url, file_sha256(a)) for a in page.attachments)


def file_sha256(attachment: FetchedAttachment) -> str | None:
    """The key of the fetched file in `attachment_files`; None when no bytes were fetched."""
    if attachment.body is None:
        return None
    return attachment.sha256 or sha256_bytes(attachment.body)


def files_digest(files: list[tuple[str, str]]) -> str:
    """The `files_sha256` of a version: its sorted (url, file sha256) pairs."""
    return sha256_json(sorted(files))


def sha256_json(value: Any) -> str:
    data = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode()).hexdigest()


def sha256_bytes(data: bytes | None) -> str | None:
    return hashlib.sha256(data).hexdigest() if data is not None else None
