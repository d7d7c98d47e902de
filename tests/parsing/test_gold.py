"""The gold comparator (tests/parsing/gold.py) judges every field of the record."""

from __future__ import annotations

from typing import Any

import pytest

from pipelines.common.record import (
    Accountability,
    Attachment,
    Contact,
    Counts,
    Money,
    NoticeRecord,
    Problem,
    StatusCounts,
    names,
)
from tests.parsing.gold import compare

FULL = NoticeRecord(
    is_notice=True,
    title="关于巡察整改情况的通报",
    published_date="2024-06-24",
    source="市纪委监委",
    author="巡察办",
    publisher="中共某某局党组",
    inspected_unit="某某局",
    inspection_body="市委第一巡察组",
    inspection_level="city",
    inspection_kinds=("专项",),
    inspection_topic="乡村振兴",
    inspection_round="七届市委第十二轮",
    inspection_start="2023-08-01",
    inspection_end="2023-09",
    feedback_date="2023-10-12",
    term=7,
    round=12,
    round_year=2023,
    inspecting_committee="淮安市委",
    team_number=1,
    written_date="2024-06-20",
    updated_date="2024-06-25",
    report_phase="rectification_status",
    region_code="320800",
    committee_region_code="320800",
    unit_type="党组",
    sector="department",
    unit_key="320800:某某局",
    counts=Counts(3, 11, 21, 40),
    status_counts=StatusCounts(done=20, in_progress=1, not_started=0),
    accountability=(Accountability("case_filed", 40, "件", "立案40件"),),
    money=(Money("refunded", 665700.0, False, "清退违规资金66.57万元"),),
    rules_made=12,
    completion_rate=96.5,
    tally_date="2023-09",
    problems=(Problem(1, "方面一", "采购不规范", "表现", "措施", "done"),),
    contact=Contact(("0517-1234567",), ("a@b.cn",), "某某路1号", "223001"),
    signed_by="中共某某局党组",
    signed_date="2024-06-20",
    attachments=(Attachment("整改台账.docx", "http://127.0.0.1/a.docx"),),
    body_text="正文",
    parser_version="1.0",
).to_dict()


def _gold(record: dict[str, Any]) -> dict[str, Any]:
    """A gold label of every field of `record`, written as the gold files write them."""
    gold = {k: v for k, v in record.items() if k != "body_text"}
    gold["attachments"] = [a["name"] for a in record["attachments"]]
    gold["boilerplate_removed"] = ["打印本页"]  # how gold labels the body
    return gold


def test_every_record_field_is_judged() -> None:
    judged = {key.split(".")[0].split(":")[0] for key in compare(_gold(FULL), FULL)}
    # the evidence says where values were read, not what they are: tests/parsing/test_located.py
    assert set(names(NoticeRecord)) - {"body_text", "evidence"} <= judged
    assert "boilerplate" in judged


def test_a_record_matches_its_own_labels() -> None:
    assert [k for k, ok in compare(_gold(FULL), FULL).items() if not ok] == []


@pytest.mark.parametrize(
    ("field", "wrong", "key"),
    [
        ("title", "关于巡察整改情况的报告", "title"),
        ("publisher", "市财政局", "publisher"),
        ("inspection_end", "2023-10", "inspection_end"),
        ("inspection_level", "county", "inspection_level"),
        ("parser_version", "2.0", "parser_version"),
        ("inspection_kinds", ["常规"], "inspection_kinds"),
        ("counts", {"aspects": 4, "items": 11, "problems": 21, "measures": 40}, "counts.aspects"),
        ("body_text", "正文 打印本页", "boilerplate:打印本页"),
        ("rules_made", 13, "rules_made"),
        ("completion_rate", 96.0, "completion_rate"),
        ("tally_date", "2023-10", "tally_date"),
        ("money", [], "money"),
    ],
)
def test_a_wrong_value_is_a_miss(field: str, wrong: Any, key: str) -> None:
    assert compare(_gold(FULL), {**FULL, field: wrong})[key] is False
