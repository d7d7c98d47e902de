from __future__ import annotations

import pytest

from pipelines.parsing.text import join_wrapped, normalize_chars, paragraphs, squeeze_cjk_spaces


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("２０２２年７月８日", "2022年7月8日", id="fullwidth-digits"),
        pytest.param("（一）关于：", "(一)关于:", id="fullwidth-brackets-colon"),
        pytest.param("8∶00至18∶00", "8:00至18:00", id="ratio-colon"),
        pytest.param("①加强学习⑴建立台账", "①加强学习⑴建立台账", id="outline-glyphs-kept"),
        pytest.param("县衛(wèi)生健康局", "县衛生健康局", id="pinyin-annotation"),
        pytest.param("加强卫(wei4)生", "加强卫生", id="pinyin-tone-digit"),
        pytest.param("邮箱(email)地址", "邮箱(email)地址", id="ascii-word-kept"),
        pytest.param(
            "不得超过2.58万元（ $39.67 \\times 6.5\\%$ ）",
            "不得超过2.58万元( 39.67 × 6.5% )",
            id="latex",
        ),
        pytest.param("价格$5和$6", "价格$5和$6", id="dollars-without-latex-kept"),
        pytest.param("##paidbegin##旗委巡察组##paidend##", "旗委巡察组", id="share-site-markers"),
    ],
)
def test_normalize_chars(raw: str, expected: str) -> None:
    assert normalize_chars(raw) == expected


def test_squeeze_cjk_spaces() -> None:
    assert squeeze_cjk_spaces("于 2022 年 7 月 8 日对我单位") == "于2022年7月8日对我单位"


LONG = "市红十字会门户网站虽已建成，但一直存在通过搜索引擎找不到上不去的问题，微信公众号宣传力度小，社会"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param([LONG, "", "知晓率低。"], [LONG + "知晓率低。"], id="page-break-mid-sentence"),
        pytest.param([LONG, "", "12", "", "知晓率低。"], [LONG + "知晓率低。"], id="page-number"),
        pytest.param(
            ["序号", "1", "理论学习。"], ["序号", "1", "理论学习。"], id="table-cell-kept"
        ),
        pytest.param(
            ["一、基本情况", "巡察组反馈后。"], ["一、基本情况", "巡察组反馈后。"], id="heading"
        ),
        pytest.param([LONG, "(2) 下一条。"], [LONG, "(2) 下一条。"], id="next-is-numbered"),
        pytest.param(["联系电话0663-", "3250123。"], ["联系电话0663-3250123。"], id="hyphen-break"),
        pytest.param(
            ["(16)", "党组执行议事决策规则不够严格。"],
            ["(16)党组执行议事决策规则不够严格。"],
            id="bare-number",
        ),
        pytest.param(
            [LONG, "1 | 账目不清 | 已完成", "2 | 接待超标 | 正在推进", LONG],
            [LONG, "1 | 账目不清 | 已完成", "2 | 接待超标 | 正在推进", LONG],
            id="table-rows-kept",
        ),
        pytest.param(
            [LONG, "1\t账目不清\t已完成", "2\t接待超标\t正在推进"],
            [LONG, "1\t账目不清\t已完成", "2\t接待超标\t正在推进"],
            id="tab-rows-kept",
        ),
        pytest.param(
            [LONG + "。(已完成)", "截至目前，反馈的6个问题中，已完成整改4个。"],
            [LONG + "。(已完成)", "截至目前，反馈的6个问题中，已完成整改4个。"],
            id="remark-after-a-sentence-ends-it",
        ),
        pytest.param(
            [LONG + "。【持续推进】", "下一步，继续抓好整改。"],
            [LONG + "。【持续推进】", "下一步，继续抓好整改。"],
            id="square-remark",
        ),
        pytest.param(
            [LONG + "(含下属单位)", "存在的问题较多。"],
            [LONG + "(含下属单位)存在的问题较多。"],
            id="remark-mid-sentence-joined",
        ),
        pytest.param(
            ["关于巡察整改情况的通报", "根据市委统一部署，" + "巡察" * 30],
            ["关于巡察整改情况的通报", "根据市委统一部署，" + "巡察" * 30],
            id="title-not-joined",
        ),
    ],
)
def test_join_wrapped_natural(lines: list[str], expected: list[str]) -> None:
    assert join_wrapped(lines) == expected


def test_join_wrapped_fixed_width() -> None:
    para = "根据市委巡察工作统一部署，市委第一巡察组对我单位进行了常规巡察。" * 3
    heading = "（二）聚焦群众身边腐败问题和不正之风以及群众反映强烈的问"
    lines = [para[i : i + 20] for i in range(0, len(para), 20)]
    lines += ["一、整改情况", heading[:20], heading[20:] + "题", "1.财务报销不规范。"]
    lines += [para[i : i + 20] for i in range(0, len(para), 20)]
    assert join_wrapped(lines) == [para, "一、整改情况", heading + "题", "1.财务报销不规范。", para]


def test_join_wrapped_fixed_width_remark_ends_a_short_line() -> None:
    para = "根据市委巡察工作统一部署，市委第一巡察组对我单位进行了常规巡察。" * 3
    lines = [para[i : i + 20] for i in range(0, len(para), 20)]
    remark = "已修订学习制度和考核办法。(已完成)"  # nearly as wide as the wrap
    lines += [remark, "截至目前，已完成整改5个。"]
    lines += [para[i : i + 20] for i in range(0, len(para), 20)]
    assert join_wrapped(lines) == [para, remark, "截至目前，已完成整改5个。", para]


def test_join_wrapped_short_notice_with_many_short_lines() -> None:
    para = "根据县委统一部署，县委第二巡察组于2023年3月1日至4月30日对县档案馆党组开展了巡察。"
    items = ["一、问题整改情况", "1.理论学习不深。", "2.库房隐患多。", "3.账目不清。", "二、下一步"]
    items += ["4.巩固成果。", "5.建立机制。", "6.加强监督。"]
    lines = [para[i : i + 20] for i in range(0, len(para), 20)] + items
    lines += [para[i : i + 20] for i in range(0, len(para), 20)]
    assert join_wrapped(lines) == [para, *items, para]


def test_join_wrapped_pdf_lines_of_varying_width() -> None:
    text = "根据市委专项巡察组反馈意见，中共淮安市红十字会党组研究细化提出5项整改任务9条整改措施。"
    filler = ["一" * 29 + "。"] * 8
    lines = [*filler, text[:27], text[27:], "1.关于对募捐筹资因循守旧问题的整改", *filler]
    assert join_wrapped(lines)[8:10] == [text, "1.关于对募捐筹资因循守旧问题的整改"]


def test_join_wrapped_full_line_before_a_numbered_line_and_a_cut_token() -> None:
    filler = ["一" * 29 + "。"] * 8
    heading = "1.聚焦基层贯彻落实党的理论路线方针政策和党中央决策部署方面"[:30]
    email = "联系电话0715-8111755；电子邮箱：hahszhbgs@16"
    lines = [*filler, heading, "(1)理论学习不够到位。", email[:30], email[30:] + "3.com。"]
    assert join_wrapped(lines)[8:] == [heading, "(1)理论学习不够到位。", email + "3.com。"]


def test_paragraphs_drops_empty_lines_and_normalises() -> None:
    assert paragraphs("  一、基本情况  \n\n\n（一）组织领导。\n") == [
        "一、基本情况",
        "(一)组织领导。",
    ]
