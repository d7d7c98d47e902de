"""The figures' words (pipelines/parsing/figures_vocab.py) are keyed by the record's vocabularies."""

from __future__ import annotations

import pytest

from pipelines.common.record import ACCOUNTABILITY_KINDS, MONEY_KINDS, STATUSES
from pipelines.parsing import figures_vocab as fv

TABLES = {
    "STATUS_WORDS": fv.STATUS_WORDS,
    "ACCOUNTABILITY_WORDS": fv.ACCOUNTABILITY_WORDS,
    "MONEY_WORDS": fv.MONEY_WORDS,
}


def test_every_status_class_has_its_words() -> None:
    assert tuple(fv.STATUS_WORDS) == STATUSES


def test_every_money_kind_has_its_words() -> None:
    assert tuple(fv.MONEY_WORDS) == MONEY_KINDS


def test_accountability_words_and_follow_ups_name_the_records_kinds() -> None:
    follow = {k for after in fv.FOLLOW_UP_WORDS.values() for k in after}
    # organisations and disposed leads are told apart by the unit and the words around a figure
    derived = {"accountability_organisations", "leads_disposed"}
    assert set(fv.ACCOUNTABILITY_WORDS) | follow | derived == set(ACCOUNTABILITY_KINDS)
    assert set(fv.FOLLOW_UP_WORDS) <= set(fv.ACCOUNTABILITY_WORDS)


@pytest.mark.parametrize("name", TABLES)
def test_a_word_means_one_thing(name: str) -> None:
    words = [w for group in TABLES[name].values() for w in group]
    assert len(set(words)) == len(words), name
    assert all(w and w == w.strip() for w in words), name
