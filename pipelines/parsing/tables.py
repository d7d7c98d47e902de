"""Problems listed in a table (整改台账): rows rendered as `序号 | 反馈问题 | 整改措施 | 整改情况`
(or with tabs between the cells).

A table holds the problems when its header row has a column of problems (反馈问题, 存在问题,
问题描述 …). A column of measures (整改措施) gives each problem's rectification; a column whose
cells are all status words (已完成, 正在推进) gives its status; a column of aspects (方面, 类别)
its aspect. Rows with fewer cells than the header lost their leading cells to merged (rowspan)
cells: they are aligned to the right and the missing cells repeat the row above. A row of one
cell across the table (一、政治建设方面) is the heading of the group of rows below it: their aspect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.parsing.outline import classify_marker
from pipelines.parsing.problem_parts import STATUS_WORD, clean_title, status_of
from pipelines.parsing.problems import ProblemsResult
from pipelines.parsing.record import Problem
from pipelines.parsing.text import is_table_row
from pipelines.parsing.vocab import ASPECT_HEADERS, MEASURES_HEADERS, alternation

# A split starts only where a run of spaces starts (the lookbehind): retried from every space of
# a long run with no bar after it, the pattern was quadratic. The cells are the same.
_CELL_SPLIT = re.compile(r"(?<!\s)\s*+\|\s*|\|\s*|\t")
_PROBLEM_HEAD = re.compile(
    r"^(?:巡[视察])?(?:反馈|存在|主要|具体)?(?:的)?问题(?:描述|表现|内容|清单|名称)?$"
    r"|^(?:巡[视察])?反馈意见(?:内容)?$"
)
_MEASURE_HEAD = re.compile(alternation(MEASURES_HEADERS))
_ASPECT_HEAD = re.compile(
    alternation(ASPECT_HEADERS)
)  # used when rows are not grouped under headings
# 已完成 / 正在推进，长期坚持: a status word, perhaps with a short remark.
_STATUS_CELL = re.compile(rf"^({STATUS_WORD})(?:[,，、;；][^。]{{0,10}})?[。.]?$")
_MIN_ROWS = 2
_MIN_TITLE = 4
_HEADING_MAX = 30


@dataclass(frozen=True, slots=True)
class _Columns:
    problem: int
    measure: int | None
    status: int | None
    aspect: int | None


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in _CELL_SPLIT.split(line)]


def table_problems(paras: list[str]) -> ProblemsResult | None:
    """The problems of the first table that lists them, or None."""
    i = 0
    while i < len(paras):
        if not is_table_row(paras[i]):
            i += 1
            continue
        end = i + 1  # a line of one cell (merged across the row) between rows is a row too
        while end < len(paras) and (is_table_row(paras[end]) or is_table_row(_at(paras, end + 1))):
            end += 1
        found = _read_table(paras, i, end)
        if found is not None:
            return found
        i = end
    return None


def _read_table(paras: list[str], start: int, end: int) -> ProblemsResult | None:
    header = cells(paras[start])
    problem = next((k for k, h in enumerate(header) if _PROBLEM_HEAD.match(h)), None)
    if problem is None:
        return None
    rows = _aligned_rows([cells(p) for p in paras[start + 1 : end]], len(header))
    columns = _columns(header, [row for row, _, _ in rows], problem)
    problems: list[Problem] = []
    spans: list[tuple[int, int]] = []
    for offset, (row, filled, group) in enumerate(rows):
        if filled > problem:
            continue  # the problem's cell spans several rows: the same problem goes on
        found = _problem(len(problems) + 1, row, columns, group)
        if found is not None:
            problems.append(found)
            spans.append((start + 1 + offset, start + 2 + offset))
    if len(problems) < _MIN_ROWS:
        return None
    return ProblemsResult(tuple(problems), spans[0][0], None, tuple(spans))


def _aligned_rows(rows: list[list[str]], width: int) -> list[tuple[list[str], int, str | None]]:
    """Each row at the header's width, with how many leading cells were copied from the row
    above, and the group heading (a row of one cell spanning the table) it sits under."""
    aligned: list[tuple[list[str], int, str | None]] = []
    group: str | None = None
    above = [""] * width
    for row in rows:
        if len(row) == 1 and width > 1 and _heading(row[0]):
            group = _heading(row[0])
            continue
        filled = max(0, width - len(row))
        row = above[:filled] + row[:width]
        aligned.append((row, filled, group))
        above = row
    return aligned


def _columns(header: list[str], rows: list[list[str]], problem: int) -> _Columns:
    others = [k for k in range(len(header)) if k != problem]
    status = next((k for k in others if rows and all(_STATUS_CELL.match(r[k]) for r in rows)), None)
    measure = next((k for k in others if k != status and _MEASURE_HEAD.search(header[k])), None)
    aspect = next((k for k in others if _ASPECT_HEAD.search(header[k])), None)
    return _Columns(problem, measure, status, aspect)


def _problem(seq: int, row: list[str], columns: _Columns, group: str | None) -> Problem | None:
    text = row[columns.problem]
    marker = classify_marker(text)  # a cell may number its problem: 问题1：…, 1.…
    text = marker.rest if marker and marker.rest else text
    if len(text) < _MIN_TITLE or text.isdigit():
        return None
    status_cell = _STATUS_CELL.match(row[columns.status]) if columns.status is not None else None
    return Problem(
        seq=seq,
        aspect=group or (row[columns.aspect] or None if columns.aspect is not None else None),
        title=clean_title(text),
        description=text if clean_title(text) != text.rstrip("。") else None,
        rectification=(row[columns.measure] or None) if columns.measure is not None else None,
        status=status_of(status_cell.group(1)) if status_cell else None,
        status_label=status_cell.group(1) if status_cell else None,
    )


def _heading(cell: str) -> str | None:
    """A group heading across the table (一、政治建设方面), not a sentence continuing a cell."""
    if not cell or len(cell) > _HEADING_MAX or re.search(r"[。；;，,]$", cell):
        return None
    marker = classify_marker(cell)
    return marker.rest if marker else cell


def _at(paras: list[str], i: int) -> str:
    return paras[i] if i < len(paras) else ""
