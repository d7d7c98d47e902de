"""Rules made or revised (pipelines/parsing/rules_made.py)."""

from __future__ import annotations

import pytest

from pipelines.parsing.rules_made import extract_rules_made


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("建立完善制度2103项。", 2103),
        ("制定及修改完善制度12项。", 12),
        ("健全完善议事规则制度115项。", 115),
        ("完善和新建制度589项。", 589),
        ("新建制度5项、修订制度8项。", 13),  # made and revised: summed
        ("建立健全了12项制度。", 12),
        ("建章立制15项。", 15),
        ("出台制度文件12个。", 12),
        ("修订完善管理办法三项。", 3),
        ("建立制度5项。下一步，修订制度8项。", 5),  # the first sentence that states any
        # words between the verb and the rules: a list of them, 等, 方面的
        ("修订完善财务管理、合同管理等内控制度18项。", 18),
        ("建立完善干部选拔任用、财务管理等方面的规章制度12项。", 12),
        ("修订完善了党委会议事规则等内控制度18项。", 18),
        ("制定出台《“三重一大”决策实施办法》等制度文件9项。", 9),
        ("健全完善工作机制和制度规定30余项。", 30),
    ],
)
def test_real_phrasings(text: str, expected: int) -> None:
    found = extract_rules_made(text)
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "修订《问责实施办法》1项。",  # the rule is named, not counted
        "制定整改措施36条。",  # measures, not rules
        "现有制度20项。",  # no making
        "做到治理一个问题、健全一项制度。",  # a slogan's "a rule"
        "完善制度建设。",
        "梳理财务管理、合同管理等内控制度18项。",  # no making
        "修订完善财务管理制度，清理规范性文件18项。",  # the count is another clause's
    ],
)
def test_near_misses_give_nothing(text: str) -> None:
    assert extract_rules_made(text) is None


def test_the_span_covers_the_figures_summed() -> None:
    text = "整改中，新建制度5项、修订制度8项，形成长效机制。"
    found = extract_rules_made(text)
    assert found is not None
    assert found.span.text(text) == "新建制度5项、修订制度8项"
