"""Notices and the documents that open with the same sentence but are not notices."""

from __future__ import annotations

import pytest

from pipelines.parsing import parse_notice
from pipelines.parsing.classify import NO_EVIDENCE, POINTS_TO_NOTICE, RULES, pointed_document
from pipelines.parsing.notice import parse_with_decision

OPENING = "根据县委统一部署，2023年4月10日至6月10日，县委第一巡察组对县人民医院党委开展了常规巡察。"

CASES = {
    "notice": (
        "中共某县人民医院委员会关于巡察整改情况的通报\n" + OPENING + "现将巡察整改情况予以公布。\n"
        "一、整改落实情况\n1.理论学习不够深入。已整改。\n2.财务管理不规范。已整改。\n"
        "欢迎广大干部群众对巡察整改落实情况进行监督。",
        True,
    ),
    "untitled-notice": (
        OPENING + "按照党务公开原则，现将巡察整改进展情况予以公布。\n一、问题整改情况\n"
        "(一)针对理论学习不到位问题。已修订制度，整改到位。\n(二)针对采购不规范问题。已整改。",
        True,
    ),
    "te-jiang-notice": (
        OPENING + "特将巡察整改进展情况公告如下：\n一、问题整改情况\n1.理论学习不够深入。已整改。\n"
        "2.采购管理不规范。已整改。\n欢迎监督。",
        True,
    ),
    "mobilisation-news": (
        "县委第一巡察组进驻县人民医院开展巡察工作\n" + OPENING + "4月10日，巡察工作动员会召开。"
        "巡察组组长作了动员讲话，县人民医院党委书记作了表态发言，表示将全力配合，抓好整改。",
        False,
    ),
    "feedback-news": (
        "县委第一巡察组向县人民医院党委反馈巡察情况\n近日，县委第一巡察组向县人民医院党委反馈巡察情况。"
        + OPENING
        + "巡察组指出了存在的问题：一是落实医改政策不到位；二是医疗收费不规范。"
        "巡察组要求认真整改，整改情况按规定报告并向社会公开。",
        False,
    ),
    "central-feedback-news": (
        (
            "中央第三巡视组向某某集团党组反馈巡视情况\n根据中央统一部署，中央第三巡视组于2023年4月至6月对某某集团"
            "党组进行了常规巡视。巡视组指出，集团党组落实主体责任不够到位，存在廉政风险。巡视组要求，要认真抓好整改，"
            "整改落实情况要按规定及时报送并向社会公开。一是要提高站位；二是要压实责任；三是要建章立制。"
        ),
        False,
    ),
    "audit-announcement": (
        (
            "关于2022年度预算执行审计查出问题整改情况的公告\n现将审计查出问题的整改情况公告如下：\n"
            "一、整改总体情况\n审计查出问题46个，已完成整改41个。\n二、具体整改情况\n(一)预算编制不细的问题。已整改。"
        ),
        False,
    ),
    "article-about-notices": (
        (
            "我市集中公布巡察整改进展情况\n日前，市纪委监委网站集中公布了市委第三轮巡察的8家单位巡察整改进展情况。"
            "据了解，各单位对巡察反馈问题逐条整改，共整改问题236个，整改情况接受群众监督。"
        ),
        False,
    ),
    "findings-disclosure": (
        "七届市委第五轮巡察反馈情况\n"
        + OPENING
        + "近日，市委各巡察组反馈了巡察意见。巡察指出存在以下问题："
        "落实主体责任不够到位，工程项目监管存在廉政风险。巡察组要求被巡察单位抓好整改，整改情况报送巡察办。",
        False,
    ),
    "meeting-report": (
        "县人民医院党委召开巡察整改专题民主生活会\n"
        + OPENING
        + "会上，班子成员对照巡察反馈问题逐一检视，"
        "明确了整改措施。会议强调，要抓好巡察整改，整改情况向社会公开。",
        False,
    ),
    "news-title-about-a-notice": (
        "县水利局公布巡察整改进展情况\n据了解，该局对照巡察反馈的12个问题逐项整改，"
        "目前已完成整改10个，整改情况接受社会监督。" + OPENING,
        False,
    ),
    "rectification-plan": (
        (
            "关于印发《县人民医院党委落实县委巡察反馈意见整改方案》的通知\n各支部：\n现将《县人民医院党委落实县委"
            "巡察反馈意见整改方案》印发给你们，请结合实际认真抓好整改落实，进行整改。\n一、整改任务\n"
            "1.理论学习不深入的问题。整改措施：修订制度。\n2.采购不规范的问题。整改措施：开展检查。"
        ),
        False,
    ),
    "inspection-office-summary": (
        (
            "中共某县委巡察工作领导小组办公室关于县委第三轮巡察整改情况的通报\n"
            "根据县委统一部署，县委第三轮巡察对县水利局等5个单位开展了常规巡察。现将整改情况通报如下：\n"
            "县水利局党组对反馈的9个问题已完成整改8个；县审计局党组已全部完成整改。\n"
            "欢迎干部群众监督。\n中共某县委巡察工作领导小组办公室\n2023年5月6日"
        ),
        False,
    ),
    "summary-of-many-units-without-a-publisher": (
        (
            "县委第三轮巡察整改工作情况\n十四届县委第三轮巡察对县水利局等8个单位开展了常规巡察。"
            "各被巡察单位党组织对照问题清单抓好整改，整改情况已在各单位网站公开，整改工作取得阶段性成效。"
        ),
        False,
    ),
    "article-title": (
        (
            "某县巡察整改情况综述\n" + OPENING + "县人民医院党委对照问题清单抓好整改，"
            "整改情况在医院网站公开。整改工作取得阶段性成效。"
        ),
        False,
    ),
    "unit-signing-for-itself-names-many-units": (
        "中共某县水利局党组关于巡察整改情况的通报\n"
        + OPENING.replace("县人民医院党委", "县水利局等5个单位")
        + "现将巡察整改情况予以公布。\n一、整改落实情况\n1.理论学习不够深入。已整改。\n"
        "2.财务管理不规范。已整改。\n中共某县水利局党组\n2023年5月6日",
        True,
    ),
    "short-notice-with-a-notice-title": (
        (
            "中共某县档案馆党组关于县委巡察反馈问题整改情况的通报\n"
            "2022年9月5日至10月28日，县委第二巡察组对县档案馆党组开展了常规巡察。"
            "现将整改情况通报如下：\n一、理论学习不够深入。已修订学习制度。\n"
            "二、档案库房安全隐患较多。已更换消防设施。\n欢迎广大干部群众监督。"
        ),
        True,
    ),
    "pointer-to-an-attachment": (
        (
            "现将《某县林业局党组关于县委巡察整改情况的通报》予以公布，详见附件。\n"
            "某县林业局党组关于县委巡察整改情况的通报.ofd"
        ),
        True,
    ),
    "pointer-without-any-attachment": (
        "现将《某县林业局党组关于县委巡察整改情况的通报》予以公布，详见附件。",
        False,
    ),
    "call-for-comments-on-a-plan": (
        (
            "关于公开征求《县人民医院党委巡察整改方案（征求意见稿）》意见的公告\n"
            "为做好县委第一巡察组反馈问题整改工作，现将整改方案全文公布，征求社会各界意见。\n"
            "一、征求意见时间：2023年7月1日至7月10日。\n二、意见请发送至电子邮箱：yyzg@163.com。"
        ),
        False,
    ),
    "list-page-of-notices": (
        (
            "县人民医院党委关于县委巡察整改进展情况的通报　2023-09-20\n"
            "县中医院党委关于县委巡察整改情况的通报 2023-09-12\n"
            "县疾控中心党支部关于巡察整改进展情况的通报　2023年8月30日\n"
            "县妇幼保健院党支部关于巡察整改情况的报告　2023-08-21"
        ),
        False,
    ),
    "notice-with-one-dated-title-line": (
        "县人民医院党委关于县委巡察整改进展情况的通报　2023-09-20\n"
        + OPENING
        + "现将巡察整改情况予以公布。\n一、整改落实情况\n1.理论学习不够深入。已整改。\n"
        "2.财务管理不规范。已整改。",
        True,
    ),
    "no-inspection": (
        "关于开展安全生产大检查的通知\n各单位要认真整改发现的问题，整改情况于月底报送。",
        False,
    ),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_is_notice(text: str, expected: bool) -> None:
    assert parse_notice(text).is_notice is expected


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        pytest.param(
            None,
            "现将《中共某县林业局党组关于县委巡察整改情况的通报》予以公布，详见附件。",
            "中共某县林业局党组关于县委巡察整改情况的通报",
            id="quoted-name",
        ),
        pytest.param(
            "某县林业局巡察整改进展情况公示",
            "具体内容请下载附件。",
            "某县林业局巡察整改进展情况公示",
            id="page-title",
        ),
        pytest.param("工作动态", "详见附件。", None, id="no-notice-title"),
        pytest.param("县林业局召开巡察整改情况通报会", "详见附件。", None, id="meeting"),
        pytest.param("关于征求巡察整改意见建议的公告", "详见附件。", None, id="call-for-comments"),
        pytest.param(
            "县林业局巡察整改工作情况报告",
            "详见附件。",
            "县林业局巡察整改工作情况报告",
            id="report",
        ),
        pytest.param(None, "现将《县林业局落实巡察整改方案》予以公布，详见附件。", None, id="plan"),
        pytest.param(
            "关于巡察整改情况的通报",
            "根据县委统一部署，县委巡察组开展了巡察。" * 10 + "详见附件。",
            None,
            id="long-body-is-not-a-pointer",
        ),
        pytest.param(
            "关于巡察整改情况的通报",
            "根据县委统一部署，县委巡察组开展了巡察。" * 7 + "详见附件。",
            "关于巡察整改情况的通报",
            id="a-pointer-under-the-shared-length",  # 130 CJK: over the classifier's old 120
        ),
        pytest.param("关于巡察整改情况的通报", "现予公布。", None, id="no-pointer"),
    ],
)
def test_pointed_document(title: str | None, body: str, expected: str | None) -> None:
    assert pointed_document(title, [body]) == expected


# The rule that decides each case above, and cases for the rules none of them reaches.
RULE_OF_CASE = {
    "notice": "title_names_rectification",
    "untitled-notice": "lists_problems",
    "mobilisation-news": "meeting_title",
    "feedback-news": "feedback_title",
    "audit-announcement": "no_inspection_word",
    "article-about-notices": "news_report",
    "meeting-report": "no_notice_evidence",
    "rectification-plan": "plan_title",
    "inspection-office-summary": "inspection_office_summary",
    "summary-of-many-units-without-a-publisher": "many_units_summary",
    "article-title": "article_title",
    "pointer-to-an-attachment": "points_to_notice",
    "pointer-without-any-attachment": "few_rectification_mentions",
    "call-for-comments-on-a-plan": "consultation_draft",
    "list-page-of-notices": "list_page",
}
RULE_CASES = {
    **{rule: CASES[name][0] for name, rule in RULE_OF_CASE.items()},
    "audit_rectification": (
        "关于审计查出问题整改情况的公告\n现将审计查出问题的整改情况公告如下：\n一、整改总体情况\n"
        "审计查出问题4个，已完成整改4个。\n二、下一步\n结合巡察反馈问题一并整改。"
    ),
    "no_own_report": "县人民医院开展巡察整改工作\n医院对照巡察反馈问题抓好整改，整改工作有序推进。",
    "invites_supervision": (
        "现将巡察整改情况予以公布。整改工作持续推进，整改成效明显。欢迎社会各界监督。"
    ),
    "first_person": "我局现将巡察整改情况予以公布。整改工作持续推进，整改成效明显。",
}


@pytest.mark.parametrize(("rule", "text"), RULE_CASES.items(), ids=RULE_CASES.keys())
def test_the_decision_names_its_rule(rule: str, text: str) -> None:
    parsed = parse_with_decision(text)
    assert parsed.decision.rule == rule
    assert parsed.decision.is_notice is parsed.record.is_notice


def test_every_rule_decides_a_case() -> None:
    rules = {rule for rule, _, _ in RULES} | {NO_EVIDENCE.rule, POINTS_TO_NOTICE.rule}
    assert rules - RULE_CASES.keys() == set()
