from __future__ import annotations

import pytest

from pipelines.cleaning.scripts import document_writes, string_literals


@pytest.mark.parametrize(
    ("script", "written"),
    [
        ("document.write('<p>正文</p>');", ["<p>正文</p>"]),
        ('document.writeln("a" + "b");', ["ab"]),
        (  # TRS attachments
            (
                "var att = '<a href=\"./P0.pdf\">附件</a>';"
                "if (att != null && att.length > 0) { document.write('附件：<br />' + att); }"
            ),
            ['附件：<br /><a href="./P0.pdf">附件</a>'],
        ),
        (  # TRS source with a default
            (
                'var laiyuan = "县纪委监委"; if (laiyuan == "") { laiyuan = "市纪委监委"; }'
                " document.write(laiyuan);"
            ),
            ["县纪委监委"],
        ),
        (
            'var laiyuan = ""; if (laiyuan == "") { laiyuan = "市纪委监委"; } document.write(laiyuan);',
            ["市纪委监委"],
        ),
        ("document.write('\\u6765\\u6e90\\x3a' + 'x');", ["来源:x"]),
        (
            'var laiyuan = ""; document.write(laiyuan == "" ? "青垭市纪委监委" : laiyuan);',
            ["青垭市纪委监委"],
        ),
        (
            'var laiyuan = "城关镇党委"; document.write(laiyuan == "" ? "青垭市纪委监委" : laiyuan);',
            ["城关镇党委"],
        ),
        ("var s = 'x'; document.write(s != '' ? '来源：' + s : '');", ["来源：x"]),
        ("document.write(n == '' ? 'a' : 'b');", []),  # unknown variable
        ("document.write(unescape('%3Cspan%3E'));", []),  # not evaluable: left alone
        ("document.write(n + 1);", []),  # unknown variable
        ("// document.write('commented out')\n/* document.write('x') */", []),
        ("_showDynClicks('wbnews', 1412614994, 1081)", []),
        (  # a body built up piece by piece, then written once
            'var s = ""; s += "<p>一</p>"; s += "<p>" + "二</p>"; document.write(s);',
            ["<p>一</p><p>二</p>"],
        ),
        ("var s = 'a'; s += f(1); document.write(s);", []),  # not evaluable: dropped
        # unterminated strings and comments are read once, never as literals
        ("document.write('a');\ndocument.write('b);\ndocument.write('c');", ["a", "c"]),
        ("var s = 'x\\'; document.write(s);", []),
        ("document.write('ok'); /* never closed document.write('x')", ["ok"]),
        ("document.write('ok'); var t = \"never closed", ["ok"]),
        # a value can never outgrow the script by more than AMPLIFICATION: no doubling bomb
        ("var a = 'xx';" + "a = a + a;" * 60 + "document.write(a);", []),
        # 40 writes of 100 characters from an 831-character script: the first 33 fit in 4 x 831
        ("var a = '" + "x" * 100 + "';" + "document.write(a);" * 40, ["x" * 100] * 33),
    ],
)
def test_document_writes(script: str, written: list[str]) -> None:
    assert document_writes(script) == written


def test_string_literals_are_unescaped() -> None:
    assert string_literals("var a = '<a href=\\'x.pdf\\'>'; f(\"b\\n\")") == [
        "<a href='x.pdf'>",
        "b\n",
    ]


def test_a_body_built_from_many_pieces_is_written_whole() -> None:
    script = 'var s = "";' + 's += "<p>巡察</p>";' * 5000 + "document.write(s);"
    assert document_writes(script) == ["<p>巡察</p>" * 5000]
