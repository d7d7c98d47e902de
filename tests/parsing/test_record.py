from __future__ import annotations

import json

from pipelines.parsing.record import Attachment, Contact, NoticeRecord, Problem, StatusCounts


def test_to_dict_is_the_contract_json() -> None:
    record = NoticeRecord(
        is_notice=True,
        parser_version="1",
        inspection_kinds=("专项",),
        problems=(Problem(1, "方面", "标题", "表现", "措施", "done"),),
        status_counts=StatusCounts(1, 0, 0),
        contact=Contact(("0715-8111755",), ("a@b.cn",), "地址", "437000"),
        attachments=(Attachment("通报.docx", None),),
    )
    data = json.loads(json.dumps(record.to_dict(), ensure_ascii=False))
    assert data["inspection_kinds"] == ["专项"]
    assert data["problems"] == [
        {"seq": 1, "aspect": "方面", "title": "标题", "description": "表现",
         "rectification": "措施", "status": "done"}
    ]  # fmt: skip
    assert data["counts"] == {"aspects": None, "items": None, "problems": None, "measures": None}
    assert data["status_counts"] == {"done": 1, "in_progress": 0, "not_started": 0}
    assert data["contact"]["phones"] == ["0715-8111755"]
    assert data["attachments"] == [{"name": "通报.docx", "url": None}]
    for field in ("title", "published_date", "publisher", "inspected_unit", "inspection_body",
                  "inspection_level", "inspection_topic", "inspection_round", "inspection_start",
                  "inspection_end", "feedback_date", "signed_by", "signed_date", "body_text",
                  "source", "author", "source_path"):  # fmt: skip
        assert field in data
