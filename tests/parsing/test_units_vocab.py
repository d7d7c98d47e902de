"""units_vocab: its labels are the record's."""

from __future__ import annotations

from pipelines.common.record import REPORT_PHASES, SECTORS
from pipelines.parsing.units_vocab import REPORT_PHASE_WORDS, SECTOR_WORDS, SECTORS_AT_END


def test_phase_labels_are_the_records() -> None:
    assert {label for label, _ in REPORT_PHASE_WORDS} == set(REPORT_PHASES)


def test_sector_labels_are_the_records() -> None:
    assert {label for label, _ in SECTOR_WORDS} <= set(SECTORS)
    assert set(SECTORS_AT_END) <= {label for label, _ in SECTOR_WORDS}
