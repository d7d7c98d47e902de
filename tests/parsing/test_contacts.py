from __future__ import annotations

import pytest

from pipelines.parsing.contacts import extract_contact
from pipelines.parsing.record import Contact

BODY = ["正文。"] * 6


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        pytest.param(
            [
                "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话83656180、83655908;电子邮箱hahszhbgs@163.com。"
            ],
            Contact(("83656180", "83655908"), ("hahszhbgs@163.com",)),
            id="two-phones",
        ),
        pytest.param(
            [
                "欢迎监督。联系电话:0715-8111755;邮寄地址:咸宁市咸安区马柏大道西306号,邮政编码:437000;电子邮箱:1024209303@qq.com。"
            ],
            Contact(
                ("0715-8111755",), ("1024209303@qq.com",), "咸宁市咸安区马柏大道西306号", "437000"
            ),
            id="digits-in-email-not-a-phone",
        ),
        pytest.param(
            [
                "欢迎监督。联系方式:电话0554-5363431;邮政信箱:安徽省淮南市政务中心C座431房间(邮编:232001)。"
            ],
            Contact(("0554-5363431",), (), "安徽省淮南市政务中心C座431房间", "232001"),
            id="mailbox-with-postcode",
        ),
        pytest.param(
            ["欢迎监督。接待时间:工作日8:00至18:00,举报电话:13912345678,12388。"],
            Contact(("13912345678", "12388"), ()),
            id="mobile-and-hotline",
        ),
        pytest.param(
            ["欢迎监督。联系电话:0551-3346120;通信地址:合肥市某某路8号,邮编:", "230031。"],
            Contact(("0551-3346120",), (), "合肥市某某路8号", "230031"),
            id="postcode-wrapped-after-its-label",
        ),
        pytest.param(
            ["欢迎监督。联系电话:", "0551-3346120。", "中共某某县委员会"],
            Contact(("0551-3346120",), ()),
            id="phone-wrapped-after-its-label",
        ),
        pytest.param(
            ["欢迎监督。联系电话:0579-86541234;", "电子邮箱:dy@126.com。"],
            Contact(("0579-86541234",), ("dy@126.com",)),
            id="email-on-next-line",
        ),
        pytest.param(
            ["欢迎监督。联系电话:0715—8111755、(0715)8111756、0715 8111757。"],
            Contact(("0715—8111755", "(0715)8111756", "07158111757"), ()),
            id="dash-forms",
        ),
        pytest.param(
            ["欢迎监督。来信请寄:江南县人民路8号县纪委收(邮编:321000)。"],
            Contact((), (), "江南县人民路8号县纪委收", "321000"),
            id="letters-to",
        ),
        pytest.param(
            ["欢迎监督。监督电话:0571-1234567;信函寄至:北岸区滨河路2号。"],
            Contact(("0571-1234567",), (), "北岸区滨河路2号"),
            id="letters-sent-to",
        ),
        pytest.param(
            ["欢迎监督。联系方式:0571-12345678、13812345678。"],
            Contact(("0571-12345678", "13812345678"), ()),
            id="contact-means-label",
        ),
        pytest.param(["下一步，我们将持续整改。"], Contact(), id="no-contact"),
    ],
)
def test_extract_contact(closing: list[str], expected: Contact) -> None:
    assert extract_contact(BODY + closing) == expected


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        pytest.param(
            [
                "整改措施及成效：设立院内举报箱和监督电话，公开举报电话0571-88886666。",
                "下一步，我们将持续巩固整改成果。",
                "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0571-87654321；电子邮箱：xc@163.com。",
            ],
            Contact(("0571-87654321",), ("xc@163.com",)),
            id="closing-wins-over-rectification-with-监督电话",
        ),
        pytest.param(
            [
                "欢迎广大干部群众对巡察整改落实情况进行监督。",
                "联系电话：0571-87654321",
                "电子邮箱：xc@163.com",
                "下一步，我们将自觉接受群众监督，持续巩固整改成果。",
            ],
            Contact(("0571-87654321",), ("xc@163.com",)),
            id="later-接受监督-without-values-passed-over",
        ),
        pytest.param(
            ["下一步，我们将持续巩固整改成果。", "联系电话：0571-87654321", "电子邮箱：xc@163.com"],
            Contact(("0571-87654321",), ("xc@163.com",)),
            id="contact-lines-without-invitation",
        ),
        pytest.param(
            ["下一步，将统筹资金1200000元持续整改。欢迎监督。联系电话：0571-87654321。"],
            Contact(("0571-87654321",), ()),
            id="figures-before-the-invitation-are-no-phones",
        ),
        pytest.param(
            [
                "二是公开举报电话0571-11112222，接受群众监督。",
                "欢迎监督。来信请寄：江南县人民路8号县委办公室。",
            ],
            Contact((), (), "江南县人民路8号县委办公室"),
            id="measure-sentence-phone-not-taken",
        ),
        pytest.param(
            [
                "整改情况：开通监督热线0571-11112222，主动接受群众监督。",
                "欢迎广大干部群众对巡察整改落实情况进行监督。",
            ],
            Contact(),
            id="closing-without-values-no-problem-phone",
        ),
        pytest.param(
            ["整改情况：开通监督热线0571-11112222，主动接受群众监督。", "下一步，我们将持续整改。"],
            Contact(("0571-11112222",), ()),
            id="problem-text-only-when-nothing-else",
        ),
        pytest.param(
            [
                "欢迎广大干部群众对巡察整改落实情况进行监督。",
                "如有意见建议，请及时向我们反映。联系电话：0571-87654321；邮政编码：310000。",
            ],
            Contact(("0571-87654321",), (), None, "310000"),
            id="如有意见建议-反映",
        ),
    ],
)
def test_closing_paragraph_is_chosen(tail: list[str], expected: Contact) -> None:
    assert extract_contact(BODY + tail) == expected
