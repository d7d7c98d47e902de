"""`notices history URL|ID [--json]`: each stored version of a notice with its date and what
changed from the version before (fields old → new, the body as a sentence diff, the files), and
the notice's lifecycle events where the archive records them.

The versions keep raw bytes, not records: each version's record is derived by running today's
cleaner and parser over its bytes and files (see docs/history.md), so a diff shows what the site
changed, never what a parser upgrade changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any, NoReturn

import typer

from crawler.cli.db_cmd import UrlOption, open_archive
from crawler.cli.parse_cmd import _write_utf8
from crawler.cli.reparse_cmd import SeedsOption, load_seeds, rules_lookup
from crawler.cli.typer_apps import app, usage_error
from crawler.listing import canonical_url
from models import history
from pipelines.record_diff import FieldChange, describe, record_changes, short
from pipelines.reparse import current_version, parse_stored, version_page

NOT_FOUND = 2  # documented in docs/history.md


@dataclass
class VersionView:
    n: int
    version: history.StoredVersion
    is_notice: bool
    changes: list[FieldChange] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # lines: added, removed, replaced

    def to_json(self) -> dict[str, Any]:
        v = self.version
        return {
            "version": self.n,
            "id": v.id,
            "fetched_at": v.fetched_at.isoformat(),
            "http_status": v.http_status,
            "fetched_with_parser": v.parser_version,
            "raw_sha256": v.raw_sha256,
            "is_notice": self.is_notice,
            "files": [{"url": f.url, "name": f.name, "sha256": f.sha256} for f in v.files],
            "changes": [
                {"field": c.field, "old": c.old, "new": c.new, "diff": describe(c)}
                for c in self.changes
            ],
            "file_changes": self.files,
        }


@app.command("history")
def history_cmd(
    key: Annotated[str, typer.Argument(metavar="URL|ID", help="The notice's URL or its id.")],
    as_json: Annotated[bool, typer.Option("--json", help="The same as one JSON object.")] = False,
    context: Annotated[int, typer.Option(help="Sentences of context around a body change.")] = 1,
    seeds: SeedsOption = None,
    url: UrlOption = None,
) -> None:
    """Every stored version of a notice and what changed between them."""
    if context < 0:
        usage_error(f"--context {context}: give 0 or more sentences")
    key = key.strip()
    engine = open_archive(url)
    try:
        with engine.connect() as conn:
            canonical = None if key.isdigit() or not key else canonical_url(key)
            notice = history.find_notice(conn, key, canonical) if key else None
            if notice is None:
                reason = history.raw_page_reason(conn, {key, canonical or key}) if key else None
                _not_found(key, reason)
            rules = rules_lookup(load_seeds(seeds))(notice.site_id)
            views: list[VersionView] = []
            before: dict[str, Any] | None = None
            for n, version in enumerate(history.iter_versions(conn, notice.id), start=1):
                page = parse_stored(version_page(notice, version), rules)
                record = page.record or {}
                view = VersionView(n, version, page.is_notice)
                if before is not None:
                    view.changes = record_changes(before, record)
                    view.files = file_changes(views[-1].version, version)
                views.append(view)
                before = record
            events = history.events(conn, notice.id)
    finally:
        engine.dispose()
    if as_json:
        _write_utf8(json.dumps(to_json(notice, views, events), ensure_ascii=False) + "\n")
    else:
        _write_utf8("\n".join(text_lines(notice, views, events, context)) + "\n")


def _not_found(key: str, raw_reason: str | None) -> NoReturn:
    if raw_reason is not None:
        message = f"{key!r} is not a notice (stored as another page: {raw_reason})"
    else:
        message = f"no stored notice has the URL or id {key!r}"
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(NOT_FOUND)


def file_changes(old: history.StoredVersion, new: history.StoredVersion) -> list[str]:
    before = {f.url: f for f in old.files}
    after = {f.url: f for f in new.files}
    lines = []
    for url in sorted(before.keys() | after.keys()):
        a, b = before.get(url), after.get(url)
        if a is None and b is not None:
            lines.append(f"added {b.name} ({b.sha256[:12]})")
        elif b is None and a is not None:
            lines.append(f"removed {a.name} ({a.sha256[:12]})")
        elif a is not None and b is not None and a.sha256 != b.sha256:
            lines.append(f"replaced {b.name} ({a.sha256[:12]} → {b.sha256[:12]})")
    return lines


def derivation_note() -> str:
    return (
        f"records derived from each version's stored bytes by today's cleaner and "
        f"parser {current_version()}"
    )


def _when(at: datetime) -> str:
    return f"{at:%Y-%m-%d %H:%M:%S} UTC"


def text_lines(
    notice: history.StoredNotice,
    views: list[VersionView],
    events: list[history.Event],
    context: int,
) -> list[str]:
    lines = [
        f"notice {notice.id}  {notice.url}",
        f"  site {notice.site_id}, region {notice.region or '—'}",
        f"  first seen {_when(notice.first_seen_at)}, last seen {_when(notice.last_seen_at)}",
        f"  title: {notice.title or '—'}",
        f"  {len(views)} version{'s' if len(views) != 1 else ''}; {derivation_note()}",
    ]
    if notice.parser_version != current_version():
        lines.append(
            f"  (the stored record was made by parser {notice.parser_version or '—'}: "
            "`notices reparse` brings it up to date)"
        )
    timeline: list[tuple[datetime, int, list[str]]] = []
    for view in views:
        v = view.version
        head = (
            f"version {view.n}  {_when(v.fetched_at)}  HTTP {v.http_status or '—'}  "
            f"raw {v.raw_sha256[:12]}  (fetched with parser {v.parser_version or '—'})"
        )
        body = [head]
        if view.n == 1:
            body.append("  first version")
        elif not view.changes and not view.files:
            body.append("  no field changed (the page's bytes differ outside the record)")
        for change in view.changes:
            shown = describe(change, context)
            if change.field == "body_text":
                body.append("  body_text:")
                body += [f"    {line}" for line in shown]
            else:
                body.append(f"  {change.field}: {shown[0]}")
                body += [f"    {line}" for line in shown[1:]]
        body += [f"  file {line}" for line in view.files]
        if not view.is_notice:
            body.append("  (today's parser does not read this version as a notice)")
        timeline.append((v.fetched_at, 0, body))
    for event in events:
        detail = f"  {short(event.detail)}" if event.detail else ""
        timeline.append((event.at, 1, [f"event    {_when(event.at)}  {event.kind}{detail}"]))
    for _, _, block in sorted(timeline, key=lambda t: (t[0], t[1])):
        lines += block
    return lines


def to_json(
    notice: history.StoredNotice, views: list[VersionView], events: list[history.Event]
) -> dict[str, Any]:
    return {
        "notice": {
            "id": notice.id,
            "url": notice.url,
            "canonical_url": notice.canonical_url,
            "site_id": notice.site_id,
            "region": notice.region,
            "title": notice.title,
            "published_date": notice.published_date,
            "first_seen_at": notice.first_seen_at.isoformat(),
            "last_seen_at": notice.last_seen_at.isoformat(),
            "parser_version": notice.parser_version,
        },
        "derived_by": {"parser_version": current_version(), "note": derivation_note()},
        "versions": [v.to_json() for v in views],
        "events": [{"at": e.at.isoformat(), "kind": e.kind, "detail": e.detail} for e in events],
    }
