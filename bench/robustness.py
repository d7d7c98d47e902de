"""Robustness: the worst milliseconds per KB of the decoder, the cleaner and the parser over a
corpus of generated adversarial inputs (10 KB to over 1 MB), next to a normal notice's ms/KB
measured in the same run, so the ratio says how far from linear the worst input is.

The shapes are the ones that once made a pattern backtrack or a stage choke: whitespace runs
after 问题 or inside table cells, mixes of whitespace and numbering, WeChat time lines, runs of
title lines or attachment-name fragments, list-like pages, deep nesting, bogus charsets, lone
surrogates, unterminated script comments. Each input runs in a child process with a time limit,
so one that regressed to quadratic is reported as such instead of hanging the bench.

    .venv/bin/python bench/robustness.py [--sizes 10,100,1000] [--shape NAME] [--timeout 60]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.cleaning import clean_html, clean_text
from pipelines.common.decoding import decode_html, decode_text
from pipelines.parsing import parse_notice

NOTICE = ROOT / "tests" / "fixtures" / "corpus" / "dev" / "texts" / "004_bbd2ed656ee4c473.txt"
KB = 1024


def _fill(unit: str, size: int) -> str:
    """`unit` repeated to about `size` UTF-8 bytes."""
    return unit * max(1, size // max(1, len(unit.encode("utf-8", "surrogatepass"))))


# Text shapes: what a flattened page, an attachment or a JSON API can hand the parser.
TEXT_SHAPES: dict[str, Callable[[int], str]] = {
    "ws_after_problem": lambda n: "存在问题" + " " * n + "整改",
    "ideographic_ws_after_problem": lambda n: "问题" + "\u3000" * (n // 3),
    "ws_numbering_mix": lambda n: _fill(" 一、 \t1. （1） ①\u3000 2、 ", n),
    "wechat_time_lines": lambda n: _fill("2023年12月20日 19:02 浙江\n", n),
    "title_lines": lambda n: _fill("关于县委第一巡察组反馈意见整改情况的通报\n", n),
    "attachment_fragments": lambda n: (
        _fill("附件1县委巡察反馈问题整改落实情况台账明细表汇总\n", n) + "整改台账.docx"
    ),
    "attachment_names": lambda n: _fill("附件2：整改台账明细表.docx\n", n),
    "list_like": lambda n: _fill("关于县委巡察整改情况的通报 2023-01-01\n", n),
    "table_ws_cells": lambda n: "序号 | 存在问题" + " " * n + "x | 措施",
    "table_rows": lambda n: (
        "序号 | 存在问题 | 整改措施\n" + _fill("1 | 学习不到位问题 | 修订制度 \n", n)
    ),
    "pipes": lambda n: _fill("|", n),
    "tabs": lambda n: _fill("问题\t", n),
    "meta_lines": lambda n: _fill("时间：2023-01-01 来源：县纪委 作者：\n", n),
    "counts_chain": lambda n: _fill("反馈3个方面11项21个问题 ", n),
    "digits": lambda n: _fill("12345678", n),
    "cn_digits": lambda n: _fill("一二三四五六七八九十", n),
    "one_long_line": lambda n: _fill("县委第一巡察组对县统计局党组开展了常规巡察，", n),
    "numbered_lines": lambda n: _fill("1.\n", n),
    "page_numbers": lambda n: _fill("县委第一巡察组对县统计局党组开展了常规巡察的情况\n12\n\n", n),
    "wrapped_lines": lambda n: _fill("县委第一巡察组对县统计局党组开展了常规巡察反馈\n", n),
    "brackets": lambda n: _fill("（【[", n),
    "whitespace_only": lambda n: " \t\u3000\n" * (n // 6),
    "dates_run": lambda n: _fill("2022年9月13日至11月4日", n),
    "phones_emails": lambda n: _fill("电话：0554-1234567 邮箱：a@b.cn ", n),
    "lone_surrogates": lambda n: _fill("关于巡察\ud800整改\udfff的通报\n", n),
}
# A long run of spaces after a word the parser's patterns key on: a pattern with two optional
# space runs around it (`\s*(?:具体)?\s*`) backtracks quadratically over such a run.
TRIGGER_WORDS = (
    "问题", "3个", "3个方面", "3项", "反馈", "细化为3个", "整改措施", "措施3", "已完成", "正在推进",
    "截至目前", "巡察", "第一巡察组", "2023年", "2023年1月", "1月1日", "至", "电话", "邮箱", "地址",
    "附件", "来源", "时间", "关于", "通报", "一、", "(一)", "1.", "①", "第一", "党组", "委员会",
    "专项", "十九届", "常规", "单位", "欢迎", "主要", "其中", "共", "|", "《",
)  # fmt: skip
for _word in TRIGGER_WORDS:
    TEXT_SHAPES[f"ws_after:{_word}"] = lambda n, w=_word: f"巡察整改{w}" + " " * n + f"{w}3个问题。"


def _page(body: str) -> str:
    return f"<html><head><title>通报</title></head><body><div class='article'>{body}</div></body></html>"


# Page shapes: what a server can send the cleaner.
HTML_SHAPES: dict[str, Callable[[int], str]] = {
    "deep_nesting": lambda n: "<div>" * (n // 5) + "关于巡察整改情况的通报" + "</div>" * (n // 5),
    "deep_inline_nesting": lambda n: "<b>" * (n // 3) + "巡察整改",
    "list_page": lambda n: _page(
        "<ul>"
        + _fill(
            "<li><a href='/t/1.html'>关于县委巡察整改情况的通报</a><span>2023-01-01</span></li>", n
        )
        + "</ul>"
    ),
    "table_page": lambda n: _page(
        "<table>" + _fill("<tr><td>1</td><td>问题 </td><td>措施</td></tr>", n) + "</table>"
    ),
    "paragraph_ws": lambda n: _page("<p>问题" + "\u3000 " * (n // 4) + "x</p>"),
    "nbsp_run": lambda n: _page("<p>问题" + "&nbsp;" * (n // 6) + "整改</p>"),
    "brs": lambda n: _page(_fill("<br>", n)),
    "script_comment": lambda n: _page("<script>" + _fill("/* a", n) + "</script>"),
    "script_quotes": lambda n: _page("<script>" + _fill("'a\\", n) + "</script>"),
    "script_writes": lambda n: _page(
        "<script>" + _fill("document.write('<p>巡察</p>' + x);", n) + "</script>"
    ),
    "script_appends": lambda n: _page(
        "<script>var s = '';" + _fill("s += '<p>巡察</p>';", n) + "document.write(s);</script>"
    ),
    "script_doubling": lambda n: _page(
        "<script>var a = 'xx';" + _fill("a = a + a;", n) + "document.write(a);</script>"
    ),
    "attachment_links": lambda n: _page(_fill("<a href='/f/a.pdf'>附件1.pdf</a>", n)),
    "many_attributes": lambda n: _page("<p " + _fill("class='nav menu' ", n) + ">巡察</p>"),
    "unclosed_tags": lambda n: _page(_fill("<p><span><td>问题", n)),
    "comments": lambda n: _page(_fill("<!-- ", n)),
    "control_chars": lambda n: _page(_fill("巡察\x00\x01\x0b\ufffe", n)),
}
for _name, _shape in list(TEXT_SHAPES.items()):
    if _name != "lone_surrogates":  # a page's bytes cannot carry them
        HTML_SHAPES[f"text:{_name}"] = lambda n, s=_shape: _page(
            s(n).replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>")
        )

# Byte shapes: what the decoder can be handed, with the charset a header declares.
BOGUS_CHARSETS = ("base64", "zlib", "hex", "rot-13", "uu", "bz2", "idna", "utf-7", "undefined")
BYTE_SHAPES: dict[str, Callable[[int], tuple[bytes, str | None]]] = {
    **{
        f"charset_{c}": lambda n, c=c: (
            (f"<meta charset={c}>" + _fill("巡察整改\x80", n)).encode("gb18030")[:-1] + b"\x80",
            c,
        )
        for c in BOGUS_CHARSETS
    },
    "utf16_declared": lambda n: (_fill("<p>巡察整改</p>", n).encode("gbk"), "utf-16"),
    "random_high_bytes": lambda n: (bytes((i * 131 + 7) % 128 + 128 for i in range(n)), None),
    "broken_utf8_gbk_mix": lambda n: (_fill("巡察整改", n).encode("gbk") + b"\xe5\xb7" * 100, None),
    "bom_then_garbage": lambda n: (b"\xff\xfe" + bytes(range(256)) * (n // 256), None),
    "char_refs": lambda n: (_fill("&#12345;&#x4e00;&#99999999;", n).encode("gbk") + b"\x81", None),
}


@dataclass(frozen=True)
class Case:
    entry: str  # decoder, cleaner or parser
    shape: str
    size: int  # bytes of input, in UTF-8 for text


def _run(entry: str, shape: str, size: int) -> float:
    """Seconds the entry point takes on one input (run in a child process)."""
    if entry == "decoder":
        body, charset = BYTE_SHAPES[shape](size)
        t0 = time.perf_counter()
        decode_html(body, declared_encoding=charset)
        decode_text(body)
    elif entry == "cleaner":
        page = HTML_SHAPES[shape](size).encode("utf-8")
        t0 = time.perf_counter()
        clean_html(page)
    else:
        text = TEXT_SHAPES[shape](size)
        t0 = time.perf_counter()
        clean_text(text)
        parse_notice(text)
    return time.perf_counter() - t0


def _child(entry: str, shape: str, size: int, out: mp.Queue) -> None:  # type: ignore[type-arg]
    try:
        out.put(("ok", _run(entry, shape, size)))
    except Exception as exc:  # noqa: BLE001 - the finding is the exception itself
        out.put(("error", f"{type(exc).__name__}: {exc}"[:200]))


def measure(case: Case, timeout: float) -> tuple[str, float]:
    """("ok", seconds) | ("error", message) | ("timeout", limit)."""
    out: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    child = mp.Process(target=_child, args=(case.entry, case.shape, case.size, out))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return "timeout", timeout
    if out.empty():
        return "error", f"child died (exit {child.exitcode})"
    status, value = out.get()
    return status, value


def cases(sizes: list[int], only: str | None) -> Iterator[Case]:
    for entry, shapes in (
        ("decoder", BYTE_SHAPES),
        ("cleaner", HTML_SHAPES),
        ("parser", TEXT_SHAPES),
    ):
        for shape in shapes:
            if only and only not in shape:
                continue
            for size in sizes:
                yield Case(entry, shape, size)


def normal_ms_per_kb(rounds: int = 20) -> dict[str, float]:
    """The peer figure: a real notice (text, as a page, as bytes) per entry point."""
    text = NOTICE.read_text(encoding="utf-8")
    page = (
        "<html><body><div>"
        + "".join(f"<p>{line}</p>" for line in text.splitlines())
        + "</div></body></html>"
    ).encode("gb18030")
    kb_text, kb_page = len(text.encode("utf-8")) / KB, len(page) / KB
    figures = {}
    for entry, call, kb in (
        ("decoder", lambda: (decode_html(page), decode_text(page)), kb_page),
        ("cleaner", lambda: clean_html(page), kb_page),
        ("parser", lambda: (clean_text(text), parse_notice(text)), kb_text),
    ):
        call()  # warm-up: compiled patterns, the OpenCC converter
        t0 = time.perf_counter()
        for _ in range(rounds):
            call()
        figures[entry] = (time.perf_counter() - t0) * 1000 / rounds / kb
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="input sizes in KB, comma-separated")
    parser.add_argument("--shape", help="only shapes whose name contains this")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per input")
    parser.add_argument("--verbose", action="store_true", help="print every input's figure")
    args = parser.parse_args()
    sizes = [int(s) * KB for s in args.sizes.split(",")]
    normal = normal_ms_per_kb()
    worst: dict[str, tuple[float, Case]] = {}
    failures: list[str] = []
    for case in cases(sizes, args.shape):
        status, value = measure(case, args.timeout)
        label = f"{case.entry:7} {case.shape:32} {case.size // KB:>5} KB"
        if status != "ok":
            failures.append(f"{label}  {status}: {value}")
            print(f"{label}  {status.upper()}: {value}", flush=True)
            continue
        per_kb = value * 1000 / (case.size / KB)
        if args.verbose:
            print(f"{label}  {value * 1000:9.1f} ms  {per_kb:7.3f} ms/KB", flush=True)
        if case.entry not in worst or per_kb > worst[case.entry][0]:
            worst[case.entry] = (per_kb, case)
    print(
        f"\nsizes {args.sizes} KB, {len(BYTE_SHAPES)} byte, {len(HTML_SHAPES)} page and "
        f"{len(TEXT_SHAPES)} text shapes"
    )
    print(f"{'entry':8} {'normal ms/KB':>12} {'worst ms/KB':>12} {'ratio':>7}  worst input")
    for entry in ("decoder", "cleaner", "parser"):
        if entry not in worst:
            continue
        per_kb, case = worst[entry]
        print(
            f"{entry:8} {normal[entry]:12.3f} {per_kb:12.3f} {per_kb / normal[entry]:7.1f}  "
            f"{case.shape} ({case.size // KB} KB)"
        )
    if failures:
        print(f"\n{len(failures)} inputs failed or timed out:")
        print("\n".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
