from __future__ import annotations

import pytest

from pipelines.parsing.outline import Marker, build_outline, classify_marker, starts_paragraph


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("一、总体整改情况", ("cn", 1, "总体整改情况"), id="cn"),
        pytest.param("十二、其他", ("cn", 12, "其他"), id="cn-tens"),
        pytest.param("(二)关于落实主体责任", ("pcn", 2, "关于落实主体责任"), id="pcn"),
        pytest.param("㈡关于落实主体责任", ("pcn", 2, "关于落实主体责任"), id="pcn-enclosed"),
        pytest.param("二)关于落实主体责任", ("pcn", 2, "关于落实主体责任"), id="pcn-damaged"),
        pytest.param("3.压实整改责任", ("num", 3, "压实整改责任"), id="num-dot"),
        pytest.param("3、压实整改责任", ("num", 3, "压实整改责任"), id="num-dunhao"),
        pytest.param("1. 聚焦基层", ("num", 1, "聚焦基层"), id="num-space"),
        pytest.param("⒊压实整改责任", ("num", 3, "压实整改责任"), id="num-dotted-glyph"),
        pytest.param("(4)建立问题台账", ("pnum", 4, "建立问题台账"), id="pnum"),
        pytest.param("⑷建立问题台账", ("pnum", 4, "建立问题台账"), id="pnum-glyph"),
        pytest.param("4)建立问题台账", ("pnum", 4, "建立问题台账"), id="pnum-damaged"),
        pytest.param("②加强日常监督", ("circ", 2, "加强日常监督"), id="circled"),
        pytest.param("问题1:落实不到位", ("q", 1, "落实不到位"), id="wenti-n"),
        pytest.param("反馈问题一:理论学习不深入", ("q", 1, "理论学习不深入"), id="fankui-wenti"),
        pytest.param("【问题2】票据管理不严", ("q", 2, "票据管理不严"), id="wenti-bracketed"),
        pytest.param("第三个问题:公车管理不规范", ("q", 3, "公车管理不规范"), id="di-ge-wenti"),
        pytest.param("(问题三)公车管理不规范", ("q", 3, "公车管理不规范"), id="wenti-in-parens"),
        pytest.param(
            "反馈问题(三):公车管理不规范", ("q", 3, "公车管理不规范"), id="wenti-paren-number"
        ),
        pytest.param("第三个问题是公车管理", None, id="not-di-ge-wenti-in-prose"),
        pytest.param("一是加强组织领导", ("shi", 1, "一是加强组织领导"), id="yishi"),
        pytest.param("5.年度考核流于形式", ("num", 5, "年度考核流于形式"), id="num-then-nian"),
        pytest.param("3、月度例会执行不严", ("num", 3, "月度例会执行不严"), id="num-then-yue"),
        pytest.param("1.5万元用于", None, id="not-decimal"),
        pytest.param("6、10月开展检查", None, id="not-month-list-two-digits"),
        pytest.param("一、二季度共完成", None, id="not-quarters"),
        pytest.param("2021.5.10召开专题会", None, id="not-date"),
        pytest.param("8、9月份开展检查", None, id="not-month-list"),
        pytest.param("3个方面问题", None, id="not-count"),
        pytest.param("一是，", None, id="not-bare-shi"),
        pytest.param("", None, id="empty"),
    ],
)
def test_classify_marker(line: str, expected: tuple[str, int, str] | None) -> None:
    assert classify_marker(line) == (Marker(*expected) if expected else None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("整改情况:已修订制度。", True),
        ("问题表现:学习不深入。", True),
        ("【整改措施】修订制度。", True),
        ("根据部署。", False),
    ],
)
def test_starts_paragraph_on_labels(line: str, expected: bool) -> None:
    assert starts_paragraph(line) is expected


def _shape(node) -> list:  # type: ignore[no-untyped-def]
    return [(c.style, c.ordinal, _shape(c)) for c in node.children]


def test_build_outline_nests_by_first_seen_style() -> None:
    paras = ["开头。", "一、甲", "(一)乙", "1.丙", "说明。", "2.丁", "(二)戊", "二、己", "(一)庚"]
    root = build_outline(paras)
    assert root.body == ["开头。"]
    assert _shape(root) == [
        ("cn", 1, [("pcn", 1, [("num", 1, []), ("num", 2, [])]), ("pcn", 2, [])]),
        ("cn", 2, [("pcn", 1, [])]),
    ]
    assert root.children[0].children[0].children[0].body == ["说明。"]


def test_build_outline_when_numbers_start_below_the_top_level() -> None:
    root = build_outline(["(一)甲", "1.乙", "(二)丙"])
    assert _shape(root) == [("pcn", 1, [("num", 1, [])]), ("pcn", 2, [])]


def test_lost_top_level_number_is_recovered_from_the_gap() -> None:
    paras = [
        "一、强化责任",
        "(一)部署。",
        "重视存在问题切实整改落实",
        "具体如下:",
        "1.甲问题",
        "三、长效机制",
    ]
    root = build_outline(paras)
    assert [(c.ordinal, c.head) for c in root.children] == [
        (1, "强化责任"),
        (2, "重视存在问题切实整改落实"),
        (3, "长效机制"),
    ]
    assert root.children[1].body == ["具体如下:"]


def test_shi_runs_nest_under_the_item_they_follow() -> None:
    root = build_outline(
        ["1.财务报销不规范。", "一是完善制度。", "二是强化培训。", "2.下一个问题。"]
    )
    assert _shape(root) == [("num", 1, [("shi", 1, []), ("shi", 2, [])]), ("num", 2, [])]


@pytest.mark.parametrize(
    ("paras", "expected"),
    [
        pytest.param(
            [
                "一是召开专题会议。二是成立领导小组。",
                "现将情况通报如下:",
                "一、政治建设方面",
                "(一)学习不深",
            ],
            [("shi", 1, []), ("cn", 1, [("pcn", 1, [])])],
            id="opening-run-before-cn",
        ),
        pytest.param(
            [
                "一、组织方面",
                "一是压实责任。",
                "二是细化台账。",
                "(一)会议记录不全",
                "二、作风方面",
            ],
            [("cn", 1, [("shi", 1, []), ("shi", 2, []), ("pcn", 1, [])]), ("cn", 2, [])],
            id="run-then-pcn-inside-section",
        ),
        pytest.param(
            ["一是强化学习。", "1.理论学习不够", "2.制度执行不严"],
            [("shi", 1, []), ("num", 1, []), ("num", 2, [])],
            id="opening-run-before-num",
        ),
    ],
)
def test_numbered_headings_never_nest_under_a_shi_run(paras: list[str], expected: list) -> None:  # type: ignore[type-arg]
    assert _shape(build_outline(paras)) == expected
