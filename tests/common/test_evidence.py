import pytest

from pipelines.common.evidence import Elsewhere, Span, from_json

BODY = "现将巡察整改情况予以公布。给予党纪处分3人。"


@pytest.mark.parametrize(
    "evidence, data",
    [
        (Span(13, 21), {"start": 13, "end": 21}),
        (Elsewhere("title"), {"from": "title"}),
        (Elsewhere("page meta", "发布时间"), {"from": "page meta", "key": "发布时间"}),
    ],
)
def test_round_trip(evidence, data):
    assert evidence.to_json() == data
    assert from_json(data) == evidence


def test_span_reads_its_text():
    assert Span(13, 21).text(BODY) == "给予党纪处分3人"
    assert Span(0, 2).shifted(13).text(BODY) == "给予"


@pytest.mark.parametrize("start, end", [(-1, 2), (5, 4)])
def test_bad_span_refused(start, end):
    with pytest.raises(ValueError):
        Span(start, end)
