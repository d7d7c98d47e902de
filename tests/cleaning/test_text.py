"""Text-level chrome removal (pipelines/cleaning/text.py with the vocabulary in vocab.py)."""

from __future__ import annotations

import pytest

from pipelines.cleaning.text import clean_text, is_chrome_line, parse_meta_line
from pipelines.common.cleaned import AttachmentLink, PageMeta


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("打印", True),
        ("【打印】 【关闭窗口】", True),
        ("关闭窗口", True),
        ("【字体：大 中 小】", True),
        ("字号：大 中 小", True),
        ("分享到：微信 微博 QQ空间", True),
        ("技术支持:安徽子牙信息技术有限公司(http://www.yeecms.com/)", True),
        ("版权所有：某某市人民政府办公室", True),
        ("皖ICP备05001234号-1", True),
        ("ICP备案号：蜀ICP备05003489号", True),
        ("网站备案：京ICP备：12345678号", True),
        ("督促辖区网站完成ICP备案信息更新126家，清理过期备案信息。", False),  # a notice's sentence
        ("皖公网安备 34010402701234号", True),
        ("网站标识码：3401000001", True),
        ("浏览次数：1024", True),
        ("访问量: 5678", True),
        ("上一篇：关于开展巡察工作的通知", True),
        ("下一篇：无", True),
        ("当前位置：首页 > 通知公告", True),
        ("扫一扫在手机打开当前页", True),
        ("- 3 -", True),
        ("— 12 —", True),
        ("第3页 共10页", True),
        # the keyed lines (vocab.KEYED_CHROME_LINES), in both scripts, and prose holding their words
        ("Copyright 某某市人民政府 版权所有 皖icp备05001234号", True),
        ("某某市人民政府  版權所有", True),
        ("首页 上一页 1 2 3 下一页 尾页", True),
        ("首頁 上一頁 1 下一頁 尾頁", True),
        ("某某网 ＞ 内地 ＞ 时政", True),
        ("已备案的项目均按要求整改到位。", False),
        ("档案尾页缺失的问题已整改，首页 > 目录已补齐。", False),
        ("7", False),
        ("2023", False),
        ("打印机采购项目已完成。", False),
        ("分享经验做法，推动整改落实。", False),
        ("文字材料已按要求报送。", False),
        ("一、整改工作组织情况", False),
    ],
)
def test_is_chrome_line(line: str, expected: bool) -> None:
    assert is_chrome_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("时间:2019-04-17  作者:淮安市红十字会  文字大小:", {"published": "2019-04-17", "author": "淮安市红十字会"}),
        ("时间:2020-12-17 09:37    来源:淮南市纪检监察网\xa0  作者:市纪委监委网站",
         {"published": "2020-12-17 09:37", "source": "淮南市纪检监察网", "author": "市纪委监委网站"}),
        ("发布时间：2025年02月17日 来源：市交通运输局", {"published": "2025年02月17日", "source": "市交通运输局"}),
        ("2025年02月17日  来源：长岭市交通运输局", {"published": "2025年02月17日", "source": "长岭市交通运输局"}),
        ("来源时间为：2024-06-24", {"published": "2024-06-24"}),
        # 成文日期 is when the document was written, apart from its publication
        ("成文日期：2024-03-01 发布时间：2024-03-05 来源：办公室",
         {"written": "2024-03-01", "published": "2024-03-05", "source": "办公室"}),
        ("发布时间：2024-03-05 点击：35", {"published": "2024-03-05"}),
        ("根据市委统一部署，时间:紧任务重，来源:多渠道筹措资金，确保整改按时完成并取得实效。", None),
        ("一、整改工作组织情况", None),
    ],
)  # fmt: skip
def test_parse_meta_line(line: str, expected: dict[str, str] | None) -> None:
    assert parse_meta_line(line) == expected


def test_clean_text_lifts_meta_breadcrumb_and_trailing_attachment() -> None:
    page = clean_text(
        "通知公示\n市红十字会党组关于巡察整改进展情况的通报\n\n"
        "时间:2019-04-17  作者:淮安市红十字会  文字大小:\n\n"
        "根据市委统一部署，市委巡察组对市红十字会进行了巡察。\n打印\n关闭窗口\n"
        "中共淮安市红十字会党组\n2019年4月17\n"
        "市红十字会党组关于巡察整改进展情况的通报.docx\n"
    )
    assert page.meta == PageMeta(published="2019-04-17", author="淮安市红十字会", column="通知公示")
    assert page.attachments == (AttachmentLink("市红十字会党组关于巡察整改进展情况的通报.docx"),)
    assert page.text == (
        "市红十字会党组关于巡察整改进展情况的通报\n\n"
        "根据市委统一部署，市委巡察组对市红十字会进行了巡察。\n中共淮安市红十字会党组\n2019年4月17"
    )


def test_clean_text_keeps_an_issuing_unit_header_and_removes_markers() -> None:
    page = clean_text(
        "中共咸宁市红十字会党组\n关于巡察整改情况的通报\n发布时间：2023-09-18\n##paidbegin##正文。##paidend##"
    )
    assert page.meta.column is None
    assert page.text == "中共咸宁市红十字会党组\n关于巡察整改情况的通报\n正文。"


def test_clean_text_keeps_the_first_line_of_a_wrapped_title() -> None:
    page = clean_text("工作动态\n县审计局党组关于\n县委巡察整改情况的通报\n时间:2021-03-02\n正文。")
    assert page.meta.column == "工作动态"
    assert page.text == "县审计局党组关于\n县委巡察整改情况的通报\n正文。"


def test_clean_text_joins_a_wrapped_attachment_name() -> None:
    page = clean_text(
        "正文。\n附件：市红十字会党组关于市委脱贫攻坚专项巡察整\n改进展情况的通报.d\nocx"
    )
    assert page.attachments == (
        AttachmentLink("市红十字会党组关于市委脱贫攻坚专项巡察整改进展情况的通报.docx"),
    )
    assert page.text == "正文。"


@pytest.mark.parametrize("text", ["", "\n\n", "打印", "时间:", "a.pdf"])
def test_clean_text_on_degenerate_input(text: str) -> None:
    assert isinstance(clean_text(text).text, str)


def test_a_bare_date_under_the_title_is_the_page_date() -> None:
    page = clean_text(
        "关于巡察整改情况的通报\n2023-05-06 10:20\n正文。\n中共某局党组\n2023年5月4日"
    )
    assert page.meta.published == "2023-05-06 10:20"
    assert page.text == "关于巡察整改情况的通报\n正文。\n中共某局党组\n2023年5月4日"


def test_a_signature_date_is_not_a_page_date() -> None:
    page = clean_text("中共某局党组\n2023年5月4日")
    assert page.meta.published is None


def test_a_signature_date_above_an_attachment_is_not_a_page_date() -> None:
    page = clean_text("关于巡察整改情况的通报\n正文。\n2023年5月4日\n附件：整改清单.xlsx")
    assert page.meta.published is None
    assert page.attachments == (AttachmentLink("整改清单.xlsx"),)


@pytest.mark.parametrize(
    "lines",
    [
        ["时间:2020-12-17 09:37", "来源:淮南市纪检监察网   作者:市纪委监委网站"],
        ["时间:2020-12-17 09:37    来源:淮南市纪检", "监察网   作者:市纪委监委网站"],
        ["时间:2020-12-17 09:37    来源:淮南市纪检监察网   作", "者:市纪委监委网站"],
    ],
)
def test_a_meta_line_cut_by_a_fixed_width_wrap(lines: list[str]) -> None:
    page = clean_text(
        "\n".join(["关于巡察整改情况的通报", *lines, "根据市委统一部署，巡察组开展了巡察。"])
    )
    assert page.meta == PageMeta(
        published="2020-12-17 09:37", source="淮南市纪检监察网", author="市纪委监委网站"
    )
    assert page.text == "关于巡察整改情况的通报\n根据市委统一部署，巡察组开展了巡察。"


def test_a_numbered_attachment_list() -> None:
    page = clean_text("正文。\n附件：1.整改台账.xlsx\n2、问题清单.docx\n3.pdf")
    assert [a.name for a in page.attachments] == ["整改台账.xlsx", "问题清单.docx", "3.pdf"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("责编：赵敏", True),
        ("编辑｜陈晨", True),
        ("（责任编辑：孙悦、周凯）", True),
        ("文字：党建办", True),
        ("阅读原文", True),
        ("点击“阅读原文”了解更多", True),
        ("分享 收藏 在看 点赞", True),
        ("在看", True),
        ("▼", True),
        ("点击上方蓝字关注我们", True),
        ("原创 清河发布", True),
        ("点击下方“阅读原文”查看全文", True),
        ("长按识别二维码关注我们", True),
        ("收录于合集 #巡察整改 6个", True),
        ("供稿：县委巡察办", True),
        ("文字｜县水利局 编辑｜李娜 审核｜王刚", True),
        ("初审：张三 复审：李四 终审：王五", True),
        ("预览时标签不可点", True),
        ("阅读原文件后制定整改措施。", False),
        ("原创作品须注明出处。", False),
        ("共 12 条 首页 上一页 1 2 下一页 尾页 跳转至 页", True),
        ("首页 上一页 下一页 尾页", True),
        ("共12条问题已整改完成", False),
        ("编辑部负责人对照问题清单逐项整改。", False),
    ],
)
def test_wechat_and_repost_residue_is_chrome(line: str, expected: bool) -> None:
    assert is_chrome_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a repost's header, a portal's footer, in either script
        ("转载自：清风淮安网", True),
        ("本文转自：某某市纪委监委网站", True),
        ("轉載自：清風網", True),
        ("声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。", True),
        ("平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台。", True),
        ("當前位置：首頁 > 巡察工作 > 整改公開", True),
        ("首頁 > 通知公告", True),
        ("繁體 | 簡體", True),
        ("繁体 | 简体", True),
        ("【字體：大 中 小】", True),
        ("打印本頁 關閉窗口", True),
        ("分享到：", True),
        ("相關新聞", True),
        ("相关链接：", True),
        ("责任编辑：张三", True),
        ("責任編輯：張三", True),
        # a breadcrumb without its label; a site header's script and accessibility switches
        ("人民网 > 地方 > 时政", True),
        ("某某新聞網 » 內地 » 時政", True),
        ("平江县人民政府 繁體版｜簡體版｜無障礙瀏覽", True),
        ("简体版 | 繁体版 | 无障碍浏览 | 长者模式", True),
        # sentences that only mention the words
        ("转载自党报的评论文章已组织学习。", False),
        ("整改完成率>90%的单位达到12个，未达标单位3个。", False),
        ("收入由3>2>1排序，分别为甲、乙、丙。", False),
        ("县政府网站开设繁体版、无障碍浏览等栏目。", False),
        ("声明：本单位对公开内容的真实性负责。", False),
        ("相关新闻报道已在县融媒体中心刊发。", False),
    ],
)
def test_repost_headers_and_portal_footers_are_chrome(line: str, expected: bool) -> None:
    assert is_chrome_line(line) is expected


SIGNED = "关于巡察整改情况的通报\n根据县委统一部署，巡察组开展了巡察。\n中共清河县水利局党组\n2024年3月5日"


@pytest.mark.parametrize(
    "footer",
    [
        "相关新闻\n县水利局召开整改推进会\n县委巡察组进驻县水利局",
        "相关链接：\n县水利局召开整改推进会",
        "返回搜狐，查看更多\n责任编辑：张三\n声明：该文观点仅代表作者本人，搜狐号系信息发布平台。\n阅读 (1024)",
        "相關新聞\n縣水利局召開整改推進會",
        "打印本页 关闭窗口\n分享到：\n相关新闻\n县水利局召开整改推进会",
    ],
)
def test_a_footer_after_the_signature_goes_with_what_follows_it(footer: str) -> None:
    assert clean_text(f"{SIGNED}\n{footer}").text == SIGNED


@pytest.mark.parametrize("bar", ["END", "- END -", "往期推荐", "推荐阅读", "往期回顾"])
def test_a_post_is_cut_at_its_end_bar(bar: str) -> None:
    page = clean_text(
        "关于巡察整改情况的通报\n根据县委统一部署，巡察组开展了巡察。\n中共清河县水利局党组\n"
        f"2024年3月5日\n{bar}\n县水利局召开整改推进会\n点击“阅读原文”查看更多"
    )
    assert page.text.endswith("中共清河县水利局党组\n2024年3月5日")


def test_an_original_title_replaces_the_repost_headline() -> None:
    page = clean_text(
        "清河县水利局公布巡察整改情况\n2024-03-06 来源：清河日报 作者：记者 王芳\n"
        "原标题：中共清河县水利局党组关于巡察整改进展情况的通报\n根据县委统一部署，巡察组开展了巡察。"
    )
    assert page.meta == PageMeta(published="2024-03-06", source="清河日报", author="记者 王芳")
    assert page.text.startswith("中共清河县水利局党组关于巡察整改进展情况的通报\n根据")


@pytest.mark.parametrize("rest", ["原标题：关于巡察整改情况的通报", "编辑：李明"])
def test_a_labelled_line_is_not_the_rest_of_a_meta_value(rest: str) -> None:
    page = clean_text(
        f"标题\n来源：清河日报 作者：记者 王芳\n{rest}\n根据县委统一部署，开展了巡察。"
    )
    assert page.meta.author == "记者 王芳"


def test_numbered_attachments_on_two_lines_stay_apart() -> None:
    page = clean_text(
        "正文。\n附件：1.清河县水利局巡察整改问题台账.xlsx\n2.清河县水利局巡察整改措施清单.docx"
    )
    assert [a.name for a in page.attachments] == [
        "清河县水利局巡察整改问题台账.xlsx",
        "清河县水利局巡察整改措施清单.docx",
    ]


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("2024年3月6日 20:15 浙江", "2024年3月6日 20:15"),
        ("2024-03-06 08:30 内蒙古", "2024-03-06 08:30"),
        ("2024年3月6日 浙江省清河县", None),
    ],
)
def test_a_post_time_line_with_its_region_is_the_page_date(
    line: str, published: str | None
) -> None:
    page = clean_text(f"清河发布\n{line}\n关于巡察整改情况的通报\n根据县委统一部署，开展了巡察。")
    assert page.meta.published == published


@pytest.mark.parametrize("rest", ["清河县融媒体中心", "清河发布 2024-03-06"])
def test_a_short_meta_line_is_not_continued_by_the_next(rest: str) -> None:
    page = clean_text(
        f"关于巡察整改情况的通报\n来源：清河发布\n{rest}\n根据县委统一部署，开展了巡察。"
    )
    assert page.meta.source == "清河发布"


def test_clean_text_keeps_the_written_and_updated_dates_apart() -> None:
    page = clean_text("关于巡察整改情况的通报\n成文日期：2023-05-16 更新时间：2023-06-01\n正文。")
    assert (page.meta.published, page.meta.written, page.meta.updated) == (
        None,
        "2023-05-16",
        "2023-06-01",
    )
