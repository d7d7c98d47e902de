"""A test-only item pipeline: writes each yielded page as one JSON line (no bytes, no DB),
and at close the spider's per-site outcomes to `<DUMP_FILE>.outcomes.json`.

Used with `-s ITEM_PIPELINES='{"tests.e2e.dump_pipeline.DumpPipeline": 900}'` and
`-s DUMP_FILE=...` so the spider can be checked end to end without the other stages.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from scrapy.crawler import Crawler

from crawler import run_context


class DumpPipeline:
    def __init__(self, crawler: Crawler, path: str) -> None:
        self.crawler = crawler
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DumpPipeline:
        return cls(crawler, crawler.settings["DUMP_FILE"])

    def close_spider(self) -> None:
        context = run_context.find(self.crawler)
        outcomes = context.outcomes.to_dicts() if context else {}
        with open(self.path + ".outcomes.json", "w", encoding="utf-8") as f:
            json.dump(outcomes, f, ensure_ascii=False)

    def process_item(self, item: Any) -> Any:
        row = {
            "url": item.url,
            "canonical_url": item.canonical_url,
            "site_id": item.site_id,
            "status": item.status,
            "list_title": item.list_title,
            "list_date": item.list_date,
            "body_sha256": hashlib.sha256(item.body).hexdigest(),
            "removed_reason": item.removed_reason,
            "attachments": [
                {
                    "name": a.name,
                    "url": a.url,
                    "status": a.status,
                    "sha256": a.sha256,
                    "text": a.text,
                    "error": a.error,
                }
                for a in item.attachments
            ],
        }
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        return item
