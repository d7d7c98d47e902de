"""Accountability figures (pipelines/parsing/accountability.py): kind, count, unit, breakdown."""

from __future__ import annotations

import pytest

from pipelines.parsing.accountability import extract_accountability

ZHEJIANG = (
    "在巡视整改工作中，立案40件，了结39件，给予党纪处分37人(党内警告18人、严重警告11人、"
    "撤销党内职务1人、留党察看2人、开除党籍5人);政务处分5人(警告2人、记过3人);组织处理0人;"
    "诫勉0人;提醒谈话0人。"
)


def _figures(text: str) -> list[tuple[str, int, str, str | None]]:
    return [
        (f.value.kind, f.value.count, f.value.unit, f.value.detail)
        for f in extract_accountability(text)
    ]


def test_zhejiangs_fixed_sentence_with_its_breakdown_and_zeros() -> None:
    assert _figures(ZHEJIANG) == [
        ("case_filed", 40, "件", None),
        ("case_closed", 39, "件", None),
        ("party_discipline", 37, "人", None),
        ("party_discipline", 18, "人", "党内警告"),
        ("party_discipline", 11, "人", "严重警告"),
        ("party_discipline", 1, "人", "撤销党内职务"),
        ("party_discipline", 2, "人", "留党察看"),
        ("party_discipline", 5, "人", "开除党籍"),
        ("government_sanction", 5, "人", None),
        ("government_sanction", 2, "人", "警告"),
        ("government_sanction", 3, "人", "记过"),
        ("organisational_handling", 0, "人", None),
        ("admonishment", 0, "人", None),
        ("criticism", 0, "人", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("绍兴文理学院党委在整改中问责64人，移送司法机关5人。",
         [("accountability_persons", 64, "人", None), ("transferred_judicial", 5, "人", None)]),
        ("问责3个党组织、12人。",
         [("accountability_organisations", 3, "个党组织", None), ("accountability_persons", 12, "人", None)]),
        ("问责党组织2个。", [("accountability_organisations", 2, "个", None)]),
        ("12人被问责。", [("accountability_persons", 12, "人", None)]),
        ("对3名干部进行诫勉谈话。", [("admonishment", 3, "名", None)]),
        ("移交问题线索147件，办结128件，结案率87%。",
         [("leads_received", 147, "件", None), ("leads_disposed", 128, "件", None)]),
        ("对巡视移交的1件问题线索，已办结1件。",
         [("leads_received", 1, "件", None), ("leads_disposed", 1, "件", None)]),
        ("处置问题线索12件。", [("leads_disposed", 12, "件", None)]),
        # the leads handed over, said to be disposed: a disposal, not a second receipt
        ("移交的6件问题线索已全部办结，给予党纪处分2人。",
         [("leads_disposed", 6, "件", None), ("party_discipline", 2, "人", None)]),
        ("3件问题线索均已处置完毕。", [("leads_disposed", 3, "件", None)]),
        ("移交的6件问题线索正在办理。", [("leads_received", 6, "件", None)]),
        ("立案人数238人，受党纪政务处分223人，移送司法机关8人。",
         [("case_filed", 238, "人", None), ("party_government_sanction", 223, "人", None),
          ("transferred_judicial", 8, "人", None)]),
        ("立案审查调查5件，结案3件。", [("case_filed", 5, "件", None), ("case_closed", 3, "件", None)]),
        ("移交纪委监委3人。", [("transferred_discipline", 3, "人", None)]),
        ("批评教育12人次，责令检查2人，通报批评1个单位。",
         [("criticism", 12, "人次", None), ("criticism", 2, "人", None), ("criticism", 1, "个单位", None)]),
        (("运用“四种形态”批评教育帮助和处理56人次，其中第一种形态42人次、第二种形态10人次、"
         "第三种形态2人次、第四种形态2人次。"),
         [("four_forms", 56, "人次", None), ("form_1", 42, "人次", None), ("form_2", 10, "人次", None),
          ("form_3", 2, "人次", None), ("form_4", 2, "人次", None)]),
        ("给予党纪处分三人。", [("party_discipline", 3, "人", None)]),
        # 对N名, a noun phrase, then the verb and the kind
        ("对12名党员干部给予党纪政务处分。", [("party_government_sanction", 12, "名", None)]),
        ("对3名相关责任人进行诫勉谈话。", [("admonishment", 3, "名", None)]),
        ("对5名处级干部作出组织处理。", [("organisational_handling", 5, "名", None)]),
        ("对7名村(社区)干部分别给予政务处分。", [("government_sanction", 7, "名", None)]),
        ("对2名违纪违法人员移送司法机关。", [("transferred_judicial", 2, "名", None)]),
        ("对2名受过党纪处分的干部给予组织处理。", [("organisational_handling", 2, "名", None)]),
        ("对1名责任人给予政务处分。", [("government_sanction", 1, "名", None)]),
        ("对8名领导干部进行约谈提醒。", [("criticism", 8, "名", None)]),
        ("约谈提醒12人，提醒约谈3人次。", [("criticism", 12, "人", None), ("criticism", 3, "人次", None)]),
        ("移送检察机关审查起诉3人。", [("transferred_judicial", 3, "人", None)]),
        ("移送检察院审查起诉2人。", [("transferred_judicial", 2, "人", None)]),
        # breakdowns by a group of persons
        ("给予党纪政务处分86人，其中村(社区)干部52人、乡镇干部10人。",
         [("party_government_sanction", 86, "人", None),
          ("party_government_sanction", 52, "人", "村(社区)干部"),
          ("party_government_sanction", 10, "人", "乡镇干部")]),
        ("问责58人(县处级干部3人、乡科级干部21人)。",
         [("accountability_persons", 58, "人", None), ("accountability_persons", 3, "人", "县处级干部"),
          ("accountability_persons", 21, "人", "乡科级干部")]),
    ],
)  # fmt: skip
def test_real_phrasings(text: str, expected: list[tuple[str, int, str, str | None]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "修订《党政领导干部问责实施办法》1项。",  # 问责 in a rule's name
        "认真落实问责条例，健全问责机制3项。",
        "问题线索处置完成率100%，结案率87%。",  # rates, not counts
        "问责工作中发现问题3个。",  # 问责 counts persons or organisations, not problems
        "党纪处分决定书已送达。",
        "严重警告18人。",  # a breakdown label alone is no figure
        "立案2023年。",
        "对12名同志的问题进行了调查。",  # 对N名 without a kind
        "对3名干部问题线索进行处置。",  # leads are not counted in persons
        "对2名受到党纪处分的干部开展回访教育。",  # the kind names whom, not what was done
        "其中村(社区)干部52人。",  # a group breakdown only after a figure
        "约谈企业负责人12人。",  # 约谈 alone is no sanction
    ],
)
def test_near_misses_give_nothing(text: str) -> None:
    assert extract_accountability(text) == ()


def test_every_span_is_the_phrase_read() -> None:
    for found in extract_accountability(ZHEJIANG):
        assert found.span.text(ZHEJIANG) == found.value.text
        assert str(found.value.count) in found.value.text
