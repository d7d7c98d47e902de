from __future__ import annotations

import pytest

from pipelines.parsing.units import (
    committee_level,
    find_kinds,
    find_round,
    find_team,
    find_topic,
    inspected_unit,
    publisher_from_title,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("根据市委统一部署，市委第一巡察组对", "市委第一巡察组"),
        ("七届市委第十二轮巡察一组对我局党组进行了提级巡察", "七届市委第十二轮巡察一组"),
        ("县委巡察三组进驻", "县委巡察三组"),
        ("市委巡察办第一巡察组对市委统战部", "市委巡察办第一巡察组"),
        ("十九届中央第六巡视组对", "十九届中央第六巡视组"),
        ("省委第三巡视组", "省委第三巡视组"),
        ("2018年，市委专项巡察组对", "市委专项巡察组"),
        ("市委第一专项巡察组对", "市委第一专项巡察组"),
        ("经研究，学校党委第二巡察组对", "学校党委第二巡察组"),
        ("根据县委统一部署，第一巡察组对", "第一巡察组"),
        ("经研究，国家林业和草原局党组第二巡视组对", "国家林业和草原局党组第二巡视组"),
        ("2023年，县住房和城乡建设局党组第一巡察组对", "县住房和城乡建设局党组第一巡察组"),
        ("巡察组指出", None),
        # a team name that carries its round, not the bare 省委巡视组 after it
        (
            "十二届省委第四轮巡视第二巡视组对我市进行了巡视。省委巡视组反馈",
            "十二届省委第四轮巡视第二巡视组",
        ),
        ("七届桂林市委第六轮巡察第三巡察组对", "七届桂林市委第六轮巡察第三巡察组"),
        ("十一届县委第三轮巡察第二巡察组", "十一届县委第三轮巡察第二巡察组"),
        ("根据市委统一部署，慈溪市委第二巡察组对", "慈溪市委第二巡察组"),
        ("2023年5月，中共江阴市委第一巡察组进驻", "中共江阴市委第一巡察组"),
        ("天津市委第五巡视组对", "天津市委第五巡视组"),
        ("湖州市委第一巡察组对", "市委第一巡察组"),  # only listed cities are taken
        ("对市委第三巡察组反馈的问题", "市委第三巡察组"),
    ],
)
def test_find_team(text: str, expected: str | None) -> None:
    assert find_team(text) == expected


@pytest.mark.parametrize(
    ("team", "context", "expected"),
    [
        ("十九届中央第六巡视组", "", "central"),
        ("省委第三巡视组", "", "provincial"),
        ("自治区党委第二巡视组", "", "provincial"),
        ("市委第一巡察组", "重庆市渝北区", "provincial"),
        ("市委第一巡察组", "淮安市红十字会", "city"),
        ("市委第一巡察组", "中共赤壁市红十字会党组\n关于市委巡察整改情况", "county"),
        ("市委第二巡察组", "中共张家港市文体广电和旅游局党组", "county"),
        ("市委第一巡察组", "中共咸宁市红十字会党组\n赤壁市已完成", "city"),
        ("市委第一巡察组", "中共淮安市红十字会党组\n赴北京市学习", "city"),
        # words before a 市 that name no city are passed over
        (
            "市委第二巡察组",
            "\n关于巡察整改情况的通报\n根据市委统一部署，市委第二巡察组对溧阳市水利局党组",
            "county",
        ),
        ("溧阳市委第二巡察组", "按照市委统一部署，溧阳市委第二巡察组对", "county"),
        ("市委第二巡察组", "\n根据全市统一部署，市委第二巡察组对寿光市农业农村局党组", "county"),
        ("市委第二巡察组", "\n根据市委统一部署，市委第二巡察组对常州市水利局党组", "city"),
        ("州委第二巡察组", "", "city"),
        ("县委巡察三组", "", "county"),
        ("区委第四巡察组", "", "county"),
        ("旗委第一巡察组", "", "county"),
        ("学校党委第二巡察组", "", "other"),
        (None, "根据县委统一部署，县委巡察组对", "county"),
        ("第一巡察组", "根据县委统一部署，第一巡察组对", "county"),
        ("第一巡察组", "根据中共某市委巡察工作统一部署，第一巡察组", "city"),
        (None, "没有巡察", None),
    ],
)
def test_committee_level(team: str | None, context: str, expected: str | None) -> None:
    assert committee_level(team, context) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("对区红十字会党组开展了“回头看”专项巡察", ("专项", "回头看")),
        ("开展了常规巡察", ("常规",)),
        ("进行了提级巡察", ("提级",)),
        ("开展交叉巡察和机动巡察", ("机动", "交叉")),
        ("对我局开展巡察“回头看”", ("回头看",)),
        ("市委第一专项巡察组", ("专项",)),
        ("开展了政治巡察", ()),
        ("对巡察整改工作组织专项检查", ()),
        ("关于巡察整改“回头看”情况的通报", ("回头看",)),
        ("开展巡察整改「回头看」", ("回头看",)),
        ('开展巡视整改"回头看"工作', ("回头看",)),
        ("开展巡察整改工作『回头看』", ("回头看",)),
        ("对我局开展「机动」巡察", ("机动",)),
        ("巡察整改专项检查", ()),  # after 整改 only the rectification's own kind
        ("“回头看”工作中发现", ()),  # no 巡视/巡察 by it
    ],
)
def test_find_kinds(text: str, expected: tuple[str, ...]) -> None:
    assert find_kinds(text) == expected


@pytest.mark.parametrize(
    ("title", "opening", "expected"),
    [
        ("关于市委脱贫攻坚专项巡察整改进展情况的通报", "", "脱贫攻坚"),
        (None, "市委专项巡察组对市红十字会进行了脱贫攻坚工作专项巡察", "脱贫攻坚"),
        (None, "开展了“回头看”专项巡察", None),
        (None, "开展了专项巡察", None),
    ],
)
def test_find_topic(title: str | None, opening: str, expected: str | None) -> None:
    assert find_topic(title, opening) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("关于七届市委第十二轮巡察整改进展情况的通报", "七届市委第十二轮"),
        ("十九届中央第四轮巡视", "十九届中央第四轮"),
        ("2023年度第一轮巡察", "2023年度第一轮"),
        ("在第三轮巡察中", "第三轮"),
        ("第三轮次", None),
        ("市委巡察组", None),
    ],
)
def test_find_round(text: str, expected: str | None) -> None:
    assert find_round(text) == expected


@pytest.mark.parametrize(
    ("opening", "publisher", "expected"),
    [
        ("市委专项巡察组对市红十字会进行了脱贫攻坚工作专项巡察", None, "市红十字会"),
        ("市委巡察办第一巡察组对市委统战部脱贫攻坚工作开展了专项巡察", None, "市委统战部"),
        ("市委第一巡察组对我单位进行了巡察", "中共咸宁市红十字会党组", "咸宁市红十字会"),
        ("巡察组对我镇开展了巡察", "中共东阳镇委员会", "东阳镇"),
        ("县委巡察组对我局党组开展了常规巡察", "中共某县水利局党组", "中共某县水利局党组"),
        ("巡察组对我院党组开展了巡察", "中共某市人民医院党组", "中共某市人民医院党组"),
        ("巡察组对市生态环境局(以下简称市环境局)开展了常规巡察", None, "市生态环境局"),
        ("县委第二巡察组进驻县教育局，开展为期两个月的巡察", None, "县教育局"),
        ("没有对象", None, None),
        # A unit inspected while the team inspected another (延伸/提级) is the notice's.
        (
            "县委第一巡察组在对城关镇开展巡察期间，对县自然资源局党组进行了延伸巡察。",
            "中共某县自然资源局党组",
            "县自然资源局党组",
        ),
        (
            "县委第一巡察组在对城关镇开展巡察期间，对县自然资源局党组进行了延伸巡察。",
            None,
            "县自然资源局党组",
        ),
        (
            "区委第二巡察组对某街道党工委开展巡察时，对某社区党委开展了提级巡察。",
            "中共某社区委员会",
            "某社区党委",
        ),
        (
            "省委第三巡视组对某市开展巡视时，延伸巡视了市水利局党组，并反馈了意见。",
            "中共某市水利局党组",
            "市水利局党组",
        ),
        (
            "市委巡察组在对某县开展巡察期间，对我局进行了延伸巡察。",
            "中共某县林业局党组",
            "某县林业局",
        ),
        ("市委巡察组在对某县开展巡察期间，对我局进行了延伸巡察。", None, None),
        # The notice's own unit was inspected and the team extended to units below it.
        (
            "县委第二巡察组对县教育局党组开展了常规巡察，并对县实验小学党支部进行了延伸巡察。",
            "中共某县教育局党组",
            "县教育局党组",
        ),
        (
            "县委第二巡察组对县教育局党组开展了常规巡察，并对县实验小学党支部进行了延伸巡察。",
            "中共某县实验小学支部委员会",
            "县实验小学党支部",
        ),
        (
            "县委第二巡察组对县教育局党组开展了常规巡察，并对县实验小学党支部进行了延伸巡察。",
            None,
            "县教育局党组",
        ),
        (
            "县委巡察组对我局开展巡察期间，对局属农技站进行了延伸巡察。",
            "中共某县农业局党组",
            "某县农业局",
        ),
        ("区委第一巡察组对区城管局党组开展了巡察，并延伸巡察了下属3个中队。", None, "区城管局党组"),
        ("县委巡察组对县林业局开展了巡察。同时，对县林场开展了延伸巡察。", None, "县林业局"),
    ],
)
def test_inspected_unit(opening: str, publisher: str | None, expected: str | None) -> None:
    assert inspected_unit(opening, publisher) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "中共淮南市委统一战线工作部关于脱贫攻坚专项巡察整改进展情况的通报",
            "中共淮南市委统一战线工作部",
        ),
        ("XX旗红十字会巡察整改工作情况报告", "XX旗红十字会"),
        ("关于巡察整改情况的通报", None),
        (None, None),
    ],
)
def test_publisher_from_title(title: str | None, expected: str | None) -> None:
    assert publisher_from_title(title) == expected
