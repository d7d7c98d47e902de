"""Choosing the problems branch of the outline and splitting each problem into its parts."""

from __future__ import annotations

import pytest

from pipelines.parsing.outline import build_outline
from pipelines.parsing.problems import extract_problems

OPENING = "根据市委统一部署，市委第一巡察组对我单位进行了巡察。现将整改情况公布如下:"


def _titles(paras: list[str]) -> list[tuple[str | None, str]]:
    return [(p.aspect, p.title) for p in extract_problems(build_outline(paras)).problems]


def test_organisation_and_next_step_sections_are_not_problems() -> None:
    paras = [
        OPENING,
        "一、提高政治站位",
        "(一)召开专题会议。",
        "(二)制定整改方案。",
        "二、反馈问题整改落实情况",
        "(一)关于贯彻落实党中央决策部署方面",
        "1.理论学习不够深入。整改情况:已修订制度。",
        "2.推动发展办法不多。整改情况:已出台方案。",
        "(二)关于全面从严治党方面",
        "3.主体责任落实不到位。整改情况:已约谈。",
        "三、下一步工作打算",
        "(一)持续深化整改。",
    ]
    assert _titles(paras) == [
        ("关于贯彻落实党中央决策部署方面", "理论学习不够深入"),
        ("关于贯彻落实党中央决策部署方面", "推动发展办法不多"),
        ("关于全面从严治党方面", "主体责任落实不到位"),
    ]


def test_status_groups_are_passed_through_and_give_the_status() -> None:
    paras = [
        OPENING,
        "一、整改落实情况",
        "(一)已整改完成的问题",
        "1.聚焦政治建设方面问题的整改",
        "(1)理论学习不够到位。2021年未集中学习。",
        "一是修订制度;二是开展专题学习。",
        "(二)正在推进整改的问题",
        "2.聚焦廉政建设方面问题的整改",
        "(2)采购管理不规范。存在拆分采购。",
    ]
    result = extract_problems(build_outline(paras))
    assert [(p.aspect, p.title, p.status) for p in result.problems] == [
        ("聚焦政治建设方面问题的整改", "理论学习不够到位", "done"),
        ("聚焦廉政建设方面问题的整改", "采购管理不规范", "in_progress"),
    ]
    first = result.problems[0]
    assert first.description == "2021年未集中学习。"
    assert first.rectification == "一是修订制度;二是开展专题学习。"
    assert result.grouped_status == {
        "done": 1, "basically_done": 0, "in_progress": 1, "long_term": 0, "not_done": 0,
        "not_started": 0,
    }  # fmt: skip
    assert [p.status_label for p in result.problems] == ["已整改完成", "正在推进"]


def test_yishi_runs_inside_a_problem_are_its_measures() -> None:
    paras = [
        OPENING,
        "二、巡察反馈问题整改情况",
        "(一)聚焦群众身边腐败问题",
        "1.财务报销不规范。",
        "完善相关法规和制度",
        "一是完善管理规定。",
        "二是完善监管制度。",
        "2.公务用车管理不严格。",
        "一是厘清管理职能。",
    ]
    result = extract_problems(build_outline(paras))
    assert [p.title for p in result.problems] == ["财务报销不规范", "公务用车管理不严格"]
    assert (
        result.problems[0].rectification
        == "完善相关法规和制度\n一是完善管理规定。\n二是完善监管制度。"
    )


def test_yishi_runs_under_an_aspect_can_be_the_problems() -> None:
    paras = [
        OPENING,
        "一、巡察反馈问题整改情况",
        "(一)关于落实主体责任方面",
        "一是理论学习不深入。已修订学习制度。",
        "二是意识形态责任制落实不到位。已开展专项检查。",
    ]
    assert _titles(paras) == [
        ("关于落实主体责任方面", "一是理论学习不深入"),
        ("关于落实主体责任方面", "二是意识形态责任制落实不到位"),
    ]


def test_numbered_sections_can_be_the_problems() -> None:
    paras = [
        OPENING,
        "一、关于落实主体责任不到位问题的整改情况",
        "(一)制定整改方案。",
        "二、关于社会救助资金监管不严的问题的整改情况",
        "(一)开展专项清查。",
    ]
    assert _titles(paras) == [(None, "落实主体责任不到位"), (None, "社会救助资金监管不严")]


def test_labelled_parts_and_closing_paragraphs() -> None:
    paras = [
        OPENING,
        "二、问题整改情况",
        "1.关于对募捐筹资因循守旧问题的整改",
        "问题表现:救助筹资方法单一。",
        "整改情况:起草了倡议书。",
        "拟定出台表彰办法。",
        "2.关于对项目资金监管不到位问题的整改",
        "问题表现:没有通报检查结果。",
        "整改情况:开展专项审计。",
        "欢迎广大干部群众对巡察整改落实情况进行监督。",
    ]
    problems = extract_problems(build_outline(paras)).problems
    assert [(p.description, p.rectification) for p in problems] == [
        ("救助筹资方法单一。", "起草了倡议书。\n拟定出台表彰办法。"),
        ("没有通报检查结果。", "开展专项审计。"),
    ]


def test_no_outline_no_problems() -> None:
    result = extract_problems(build_outline(["只有一段话。"]))
    assert result.problems == () and result.first_index is None


def test_the_stated_number_of_problems_picks_the_level_below_the_items() -> None:
    paras = [
        OPENING,
        "二、问题整改情况",
        "1.理论学习不够深入。",
        "(1)第一议题制度落实不到位。",
        "(2)中心组学习不规范。",
        "2.财务管理不规范。",
        "(3)公务卡使用不规范。",
    ]
    root = build_outline(paras)
    assert [p.title for p in extract_problems(root).problems] == [
        "理论学习不够深入",
        "财务管理不规范",
    ]
    assert [p.title for p in extract_problems(root, expected=3).problems] == [
        "第一议题制度落实不到位",
        "中心组学习不规范",
        "公务卡使用不规范",
    ]
    assert len(extract_problems(root, expected=5).problems) == 2


def test_items_under_a_problems_heading_count_even_without_deficiency_words() -> None:
    paras = [
        OPENING,
        "一、加强组织领导",
        "(一)召开会议。",
        "二、反馈问题整改情况",
        "(一)关于党组理论学习中心组学习。已修订学习制度。",
        "(二)关于“三重一大”事项决策。已完善议事规则。",
        "三、下一步打算",
        "(一)巩固成果。",
    ]
    assert [p.title for p in extract_problems(build_outline(paras)).problems] == [
        "党组理论学习中心组学习",
        "“三重一大”事项决策",
    ]


def test_aspects_phrased_as_deficiencies_still_group_the_problems() -> None:
    paras = [
        OPENING,
        "二、聚焦问题，确保巡视反馈意见整改落实到位",
        "(一)关于党的领导弱化方面的问题",
        "1.关于“学习贯彻党的创新理论不够深入”的问题。",
        "整改情况:修订学习制度。",
        "2.关于“落实意识形态工作责任制不到位”的问题。",
        "(二)关于全面从严治党不力方面的问题",
        "3.关于“违反中央八项规定精神问题仍有发生”的问题。",
    ]
    assert _titles(paras) == [
        ("关于党的领导弱化方面的问题", "学习贯彻党的创新理论不够深入"),
        ("关于党的领导弱化方面的问题", "落实意识形态工作责任制不到位"),
        ("关于全面从严治党不力方面的问题", "违反中央八项规定精神问题仍有发生"),
    ]


def test_top_level_aspect_sections_each_holding_problems() -> None:
    paras = [
        OPENING,
        "一、关于党的政治建设方面",
        "(一)政治理论学习不够深入。整改情况:修订制度。",
        "(二)意识形态工作责任制落实不到位。整改情况:开展检查。",
        "二、关于党的组织建设方面",
        "(一)“三会一课”制度落实不严格。整改情况:建立台账。",
        "三、下一步工作打算",
        "(一)巩固整改成果。",
    ]
    assert _titles(paras) == [
        ("关于党的政治建设方面", "政治理论学习不够深入"),
        ("关于党的政治建设方面", "意识形态工作责任制落实不到位"),
        ("关于党的组织建设方面", "“三会一课”制度落实不严格"),
    ]


def test_unnumbered_problem_labels_under_aspects() -> None:
    paras = [
        OPENING,
        "二、巡察反馈问题整改情况",
        "(一)关于党的政治建设方面",
        "问题:理论学习不够深入。",
        "整改情况:修订学习制度。",
        "问题:意识形态工作责任制落实不到位。",
        "整改情况:开展专项检查。",
        "(二)关于党的组织建设方面",
        "问题:组织生活不严肃。",
        "整改情况:规范“三会一课”。",
    ]
    result = extract_problems(build_outline(paras))
    assert [(p.aspect, p.title, p.rectification) for p in result.problems] == [
        ("关于党的政治建设方面", "理论学习不够深入", "修订学习制度。"),
        ("关于党的政治建设方面", "意识形态工作责任制落实不到位", "开展专项检查。"),
        ("关于党的组织建设方面", "组织生活不严肃", "规范“三会一课”。"),
    ]
    assert result.first_index == 3


def test_unnumbered_paragraphs_aimed_at_a_problem() -> None:
    paras = [
        OPENING,
        "二、巡察反馈问题整改落实情况",
        "针对巡察反馈的问题，党组召开专题会议研究部署。",
        "针对“财务管理不规范”问题，修订了财务管理制度。",
        "同时开展财务自查。",
        "针对违规发放福利费的问题，已全部清退。",
        "三、下一步工作",
    ]
    result = extract_problems(build_outline(paras))
    assert [(p.title, p.rectification) for p in result.problems] == [
        ("财务管理不规范", "修订了财务管理制度。\n同时开展财务自查。"),
        ("违规发放福利费", "已全部清退。"),
    ]


@pytest.mark.parametrize(
    ("first", "second", "rect_label"),
    [
        pytest.param(
            "(一)问题:票据审核不严。", "(二)问题:公车管理不规范。", "整改情况:", id="label"
        ),
        pytest.param(
            "【问题1】票据审核不严。", "【问题2】公车管理不规范。", "【整改情况】", id="brackets"
        ),
        pytest.param(
            "第一个问题:票据审核不严。", "第二个问题:公车管理不规范。", "整改措施:", id="di-ge"
        ),
        pytest.param(
            "【问题】票据审核不严。", "【问题】公车管理不规范。", "【整改措施】", id="unnumbered"
        ),
        pytest.param(
            "反馈问题(一):票据审核不严。",
            "反馈问题(二):公车管理不规范。",
            "整改情况:",
            id="q-paren",
        ),
    ],
)
def test_labelled_problem_markers(first: str, second: str, rect_label: str) -> None:
    paras = [OPENING, "二、反馈问题整改情况", first, rect_label + "修订报销制度。", second]
    paras.append(rect_label + "建立派车台账。")
    problems = extract_problems(build_outline(paras)).problems
    assert [(p.title, p.rectification) for p in problems] == [
        ("票据审核不严", "修订报销制度。"),
        ("公车管理不规范", "建立派车台账。"),
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "一、问题整改情况",
        "一、反馈问题整改落实情况",
        "一、巡察反馈意见整改情况",
        "一、关于问题的整改",
    ],
)
def test_a_section_named_for_the_problems_is_not_a_problem(heading: str) -> None:
    paras = [OPENING, heading, "我局对照问题清单逐项整改，目前已全部完成。"]
    assert _titles(paras) == []


def test_a_closing_tally_after_the_last_problem_is_not_its_text() -> None:
    paras = [
        OPENING,
        "一、关于政治建设方面",
        "(一)理论学习不够深入",
        "整改情况:修订学习制度。",
        "(二)财务报销审核不严",
        "整改情况:开展专项检查。",
        "截至目前，2个问题已整改完成1个，正在整改1个。",
        "下一步，我们将持续巩固整改成果。",
    ]
    result = extract_problems(build_outline(paras))
    assert [p.rectification for p in result.problems] == ["修订学习制度。", "开展专项检查。"]
    assert result.spans[-1] == (4, 6)


@pytest.mark.parametrize(
    ("first", "second", "third"),
    [
        pytest.param(
            "垃圾分类推进缓慢", "村规民约长期未作调整", "帮扶台账更新迟缓", id="labels-only"
        ),
        pytest.param("入户走访流于形式", "帮扶成效不明显", "政策落实打折扣", id="deficiency-words"),
    ],
)
def test_top_level_pcn_aspects_with_numbering_restarting_under_each(
    first: str, second: str, third: str
) -> None:
    paras = [
        OPENING,
        "(一)人居环境整治方面",
        f"1.{first}",
        "问题表现:部分村组进展落后。",
        "整改情况:制定推进计划。",
        f"2.{second}",
        "问题表现:多年未作调整。",
        "整改情况:组织重新修订。",
        "(二)帮扶工作方面",
        f"1.{third}",
        "问题表现:个别台账信息不全。",
        "整改情况:逐户核对更新。",
    ]
    assert _titles(paras) == [
        ("人居环境整治方面", first),
        ("人居环境整治方面", second),
        ("帮扶工作方面", third),
    ]


@pytest.mark.parametrize(
    ("heads", "expected"),
    [
        pytest.param(
            ["关于“食堂账目管理混乱”的问题", "关于“村务公开不及时”的问题"],
            ["食堂账目管理混乱", "村务公开不及时"],
            id="quoted",
        ),
        pytest.param(
            ["关于公务接待超标准的问题", "关于集体土地发包不规范问题"],
            ["公务接待超标准", "集体土地发包不规范"],
            id="unquoted",
        ),
        pytest.param(
            ["关于“食堂账目管理混乱”问题的整改情况", "关于“村务公开不及时”问题整改落实情况"],
            ["食堂账目管理混乱", "村务公开不及时"],
            id="with-rectification-suffix",
        ),
        pytest.param(
            ["关于巡察反馈的问题", "关于以上问题"],
            [],
            id="refers-back",
        ),
    ],
)
def test_unnumbered_about_problem_headings_over_labelled_parts(
    heads: list[str], expected: list[str]
) -> None:
    paras = [OPENING]
    for head in heads:
        paras += [head, "问题表现:台账缺失。", "整改情况:建立台账。"]
    result = extract_problems(build_outline(paras))
    assert [p.title for p in result.problems] == expected
    assert all(p.rectification == "建立台账。" for p in result.problems)


def test_an_about_problem_line_without_labelled_parts_is_no_problem() -> None:
    paras = [OPENING, "关于“食堂账目管理混乱”的问题", "已全部整改。", "关于“村务公开不及时”的问题"]
    assert extract_problems(build_outline(paras)).problems == ()


def test_headings_without_paragraphs_under_them_give_no_problems() -> None:
    paras = [OPENING, "一、工作部署", "二、下一步打算"]
    assert extract_problems(build_outline(paras)).problems == ()


@pytest.mark.parametrize(
    ("done_head", "progress_head"),
    [
        ("(一)已整改完成的问题", "(二)正在推进整改的问题"),
        ("(一)已全部整改完成的问题", "(二)正在持续推进的问题"),
        ("(一)已全部整改到位的问题", "(二)正在有序推进整改的问题"),
    ],
)
def test_status_group_headings_with_adverbs(done_head: str, progress_head: str) -> None:
    paras = [
        OPENING,
        "一、整改落实情况",
        done_head,
        "1.理论学习不够到位。整改情况:修订学习制度。",
        progress_head,
        "2.采购管理不规范。整改情况:开展专项检查。",
    ]
    result = extract_problems(build_outline(paras))
    assert [p.status for p in result.problems] == ["done", "in_progress"]


@pytest.mark.parametrize(
    "not_done_head",
    ["(二)尚未整改完成的问题", "(二)尚未全部整改到位的问题(1个)", "(二)未完成整改的问题"],
)
def test_not_done_group_headings(not_done_head: str) -> None:
    paras = [
        OPENING,
        "一、整改落实情况",
        "(一)已整改完成的问题",
        "1.理论学习不够到位。整改情况:修订学习制度。",
        not_done_head,
        "2.采购管理不规范。整改情况:开展专项检查。",
    ]
    result = extract_problems(build_outline(paras))
    assert [p.status for p in result.problems] == ["done", "not_done"]


@pytest.mark.parametrize(
    ("heads", "expected_aspects"),
    [
        pytest.param(
            ["一、关于党的领导弱化方面", "二、关于党的建设缺失方面", "三、关于选人用人方面"],
            ["关于党的领导弱化方面", "关于党的建设缺失方面", "关于选人用人方面"],
            id="about-aspects",
        ),
        pytest.param(
            ["一、聚焦管党治党不严方面", "二、聚焦作风建设不实方面", "三、聚焦班子建设薄弱方面"],
            ["聚焦管党治党不严方面", "聚焦作风建设不实方面", "聚焦班子建设薄弱方面"],
            id="all-named-for-deficiencies",
        ),
    ],
)
def test_aspect_sections_named_for_deficiencies_over_problems(
    heads: list[str], expected_aspects: list[str]
) -> None:
    paras = [OPENING]
    for head in heads:
        paras += [
            head,
            "(一)关于“会议记录不完整”问题的整改情况",
            "问题表现:记录缺项。",
            "整改情况:规范记录。",
            "(二)关于“台账管理不规范”问题的整改情况",
            "整改情况:建立台账。",
        ]
    result = extract_problems(build_outline(paras))
    assert [p.title for p in result.problems] == ["会议记录不完整", "台账管理不规范"] * 3
    assert [p.aspect for p in result.problems[::2]] == expected_aspects


def test_deficiency_sections_over_measures_are_still_the_problems() -> None:
    paras = [
        OPENING,
        "一、关于财务管理不规范方面的问题",
        "(一)修订财务制度。",
        "(二)开展专项自查。",
        "二、关于意识形态工作薄弱方面的问题",
        "(一)制定责任清单。",
    ]
    assert _titles(paras) == [(None, "财务管理不规范"), (None, "意识形态工作薄弱")]


@pytest.mark.parametrize(
    "paras",
    [
        pytest.param(
            ["一、强化责任担当，扛牢整改责任", "党委成立领导小组。", "二、推进巡察反馈问题整改落实",
             "截至目前，8个问题已完成整改6个。"],
            id="work-sections",
        ),
        pytest.param(
            ["一、落实主体责任", "召开专题会议。", "二、抓好问题整改", "逐条制定措施。"],
            id="short-work-sections",
        ),
        pytest.param(
            ["一、关于村务管理方面问题的整改。一是修订村务公开制度；二是建立收支台账。",
             "二、关于党员教育领域问题的整改。一是落实“三会一课”；二是开展集中轮训。"],
            id="aspects-over-measures",
        ),
    ],
)  # fmt: skip
def test_work_headings_that_name_no_deficiency_are_no_problems(paras: list[str]) -> None:
    assert extract_problems(build_outline([OPENING, *paras])).problems == ()


@pytest.mark.parametrize(
    "head",
    [
        "一、关于“会议记录不完整”问题的整改情况",
        "一、理论学习不够深入问题的整改",
        "一、推进整改不到位",
    ],
)
def test_a_deficiency_heading_stays_a_problem(head: str) -> None:
    paras = [OPENING, head, "整改情况:修订制度。", "二、采购管理不规范", "整改情况:开展检查。"]
    assert len(extract_problems(build_outline(paras)).problems) == 2


@pytest.mark.parametrize(
    "first_aspect",
    ["一、聚焦管党治党宽松软方面", "一、关于班子建设薄弱方面", "一、关于作风建设方面"],
)
def test_labelled_problems_under_aspects_named_for_deficiencies(first_aspect: str) -> None:
    paras = [
        OPENING,
        first_aspect,
        "问题1:理论学习走过场",
        "整改措施:修订学习制度。",
        "问题2:议事规则执行走样变形",
        "整改措施:完善议事规则。",
        "二、聚焦选人用人方面",
        "问题3:干部档案管理不规范",
        "整改措施:开展专项审核。",
    ]
    problems = extract_problems(build_outline(paras)).problems
    assert [p.title for p in problems] == [
        "理论学习走过场",
        "议事规则执行走样变形",
        "干部档案管理不规范",
    ]
    assert [p.aspect for p in problems] == [first_aspect[2:]] * 2 + ["聚焦选人用人方面"]


def test_inline_problem_runs_inside_aspect_paragraphs() -> None:
    paras = [
        OPENING,
        "一、巡察反馈的问题",
        (
            "(一)关于落实全面从严治党责任方面。一是主体责任落实不到位，班子成员履行一岗双责不够；"
            "二是廉政风险排查流于形式。"
        ),
        "(二)关于基层党建方面。一是支部组织生活不规范。",
        "二、整改落实情况",
        "针对以上问题，逐条制定措施。一是修订制度；二是开展培训。",
    ]
    problems = extract_problems(build_outline(paras)).problems
    assert [(p.aspect, p.title, p.description) for p in problems] == [
        ("关于落实全面从严治党责任方面", "主体责任落实不到位", "班子成员履行一岗双责不够"),
        ("关于落实全面从严治党责任方面", "廉政风险排查流于形式", None),
        ("关于基层党建方面", "支部组织生活不规范", None),
    ]


def test_an_inline_run_of_measures_under_aspects_is_no_problem_list() -> None:
    paras = [
        OPENING,
        "(一)关于财务管理方面。一是修订报销制度；二是开展财务检查。",
        "(二)关于党员教育方面。一是落实“三会一课”；二是开展集中轮训。",
    ]
    assert extract_problems(build_outline(paras)).problems == ()
