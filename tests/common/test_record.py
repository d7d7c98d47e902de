"""The record declared once (pipelines/common/record.py): its JSON shape and its declarations."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest

from pipelines.common.record import (
    ACCOUNTABILITY_KINDS,
    LEVELS,
    MONEY_KINDS,
    STATUSES,
    Accountability,
    Attachment,
    Contact,
    Counts,
    Money,
    NoticeRecord,
    Problem,
    StatusCounts,
    Storage,
    declared,
    names,
    spec,
)

RECORD_TYPES = [
    NoticeRecord, Problem, Counts, StatusCounts, Contact, Attachment, Accountability, Money,
]  # fmt: skip


def test_to_dict_is_the_contract_json() -> None:
    record = NoticeRecord(
        is_notice=True,
        parser_version="1",
        inspection_kinds=("专项",),
        problems=(Problem(1, "方面", "标题", "表现", "措施", "done"),),
        status_counts=StatusCounts(done=1, in_progress=0, not_started=0),
        accountability=(Accountability("case_filed", 40, "件", "立案40件"),),
        money=(Money("refunded", 665700.0, False, "清退违规资金66.57万元"),),
        contact=Contact(("0715-8111755",), ("a@b.cn",), "地址", "437000"),
        attachments=(Attachment("通报.docx", None),),
    )
    data = json.loads(json.dumps(record.to_dict(), ensure_ascii=False))
    assert data["inspection_kinds"] == ["专项"]
    assert data["problems"] == [
        {"seq": 1, "aspect": "方面", "title": "标题", "description": "表现",
         "rectification": "措施", "status": "done", "status_label": None}
    ]  # fmt: skip
    assert data["counts"] == {"aspects": None, "items": None, "problems": None, "measures": None}
    assert data["status_counts"] == {
        "done": 1, "basically_done": None, "in_progress": 0, "long_term": None, "not_done": None,
        "not_started": 0,
    }  # fmt: skip
    assert data["accountability"] == [
        {"kind": "case_filed", "count": 40, "unit": "件", "text": "立案40件", "detail": None}
    ]
    assert data["money"] == [
        {
            "kind": "refunded",
            "yuan": 665700.0,
            "lower_bound": False,
            "text": "清退违规资金66.57万元",
        }
    ]
    assert data["contact"]["phones"] == ["0715-8111755"]
    assert data["attachments"] == [{"name": "通报.docx", "url": None}]
    assert list(data) == list(names(NoticeRecord))  # every field, in the contract's order


def test_which_file_was_parsed_is_no_field_of_the_record() -> None:
    # source_path is the parse command's to print; the store would keep it as an unknown field.
    assert "source_path" not in names(NoticeRecord)


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
def test_every_field_declares_its_storage_and_a_one_line_description(cls: type) -> None:
    for f in fields(cls):
        declared = spec(f)
        assert declared.description and "\n" not in declared.description, f.name
        assert declared.description == declared.description.strip(), f.name


@pytest.mark.parametrize(
    ("storages", "expected"),
    [
        ((Storage.DATE,), ("published_date", "written_date", "updated_date", "signed_date")),
        (
            (Storage.PARTIAL_DATE,),
            ("inspection_start", "inspection_end", "feedback_date", "tally_date"),
        ),
        ((Storage.REAL,), ("completion_rate",)),
        (
            (Storage.LABEL,),
            (
                "inspection_level",
                "report_phase",
                "region_code",
                "committee_region_code",
                "unit_type",
                "sector",
                "parser_version",
            ),
        ),
        ((Storage.TABLE,), ("problems",)),
        ((Storage.FLAG, Storage.TABLE), ("is_notice", "problems")),
    ],
)
def test_names_selects_fields_by_storage_in_declaration_order(
    storages: tuple[Storage, ...], expected: tuple[str, ...]
) -> None:
    assert names(NoticeRecord, *storages) == expected


@pytest.mark.parametrize(
    ("cls", "name", "values"),
    [
        (NoticeRecord, "inspection_level", LEVELS),
        (Problem, "status", STATUSES),
        (Accountability, "kind", ACCOUNTABILITY_KINDS),
        (Money, "kind", MONEY_KINDS),
    ],
)
def test_labels_declare_their_vocabulary(cls: type, name: str, values: tuple[str, ...]) -> None:
    (f,) = (f for f in fields(cls) if f.name == name)
    assert spec(f).values == values


def test_declared_finds_a_field_by_name() -> None:
    assert declared(NoticeRecord, "feedback_date").storage is Storage.PARTIAL_DATE
    assert declared(Problem, "seq").storage is Storage.NUMBER
    with pytest.raises(ValueError):
        declared(NoticeRecord, "source_path")


def test_status_counts_have_a_key_per_status() -> None:
    assert names(StatusCounts) == STATUSES
