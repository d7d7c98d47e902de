"""`notices link`: group the stored notices and the feedback news into inspections
(models/link.py; rules in docs/linking.md). The nightly job runs it after the crawl and the
re-check."""

from __future__ import annotations

import typer

from crawler.cli.db_cmd import UrlOption, open_archive
from crawler.cli.typer_apps import app
from models.link import rebuild
from pipelines.feedback import READER


@app.command("link")
def link_notices(url: UrlOption = None) -> None:
    """Rebuild the inspections tables: the notices that report on one inspection (its
    集中整改进展, 整改进展, 整改完成 and 回头看 notices and their reposts), with the days from
    feedback to first disclosure, the number of disclosures and the latest completion rate.
    The feedback news among the stored pages joins them; an inspection known only by its
    feedback was never disclosed."""
    engine = open_archive(url, write=True)
    try:
        with engine.begin() as conn:
            linked = rebuild(conn, feedback=READER)
    finally:
        engine.dispose()
    typer.echo(
        f"linked {linked.notices} notices into {linked.inspections} inspections; "
        f"{linked.unlinked} notices name no unit to link by; {linked.events} feedback events, "
        f"{linked.never_disclosed} inspections known only by their feedback"
    )
