"""Inline scripts are data: content, sources and attachment links written by `document.write`.

TRS pages write attachments as `var att = '<a href="./P0….pdf">…</a>'; document.write('附件：' + att)`
and sources as `document.write("来源：" + laiyuan)`. A crawler without JavaScript sees only the
script source, so the simple cases (string literals, variables holding literals, `+`) are
evaluated here. Anything else (function calls, unescape, arithmetic) is left alone.
"""

from __future__ import annotations

import re

# Possessive string bodies and a comment that may run to the end: an unterminated quote or
# `/*` is read once as a token of its own (`open`, never a literal), instead of being rescanned
# from every later quote or slash, which was quadratic.
_TOKEN = re.compile(
    r"""(?P<literal>'(?:[^'\\\n]|\\.)*+'|"(?:[^"\\\n]|\\.)*+")"""
    r"""|(?P<open>'(?:[^'\\\n]|\\.)*+|"(?:[^"\\\n]|\\.)*+)"""
    r"""|[A-Za-z_$][\w$.]*+|//[^\n]*+|/\*.*?(?:\*/|\Z)|\s++|.""",
    re.DOTALL,
)
_UNREADABLE = "\x00"  # stands for an unterminated string: no literal, no name, no operator
_ESCAPES = {"n": "\n", "t": "\t", "r": "", "'": "'", '"': '"', "\\": "\\", "/": "/"}
_WRITE = {"document.write", "document.writeln"}
_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*")
_DECLARE = {"var", "let", "const"}


def _unquote(literal: str) -> str:
    body = literal[1:-1]
    return re.sub(
        r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)",
        lambda m: (
            chr(int(m.group(1)[1:], 16))
            if m.group(1)[0] in "ux" and len(m.group(1)) > 1
            else _ESCAPES.get(m.group(1), m.group(1))
        ),
        body,
    )


def _tokens(script: str) -> list[str]:
    tokens = []
    for match in _TOKEN.finditer(script):
        token = match.group(0)
        if match.lastgroup == "open":
            tokens.append(_UNREADABLE)
        elif not token.isspace() and not token.startswith(("//", "/*")):
            tokens.append(token)
    return tokens


# Values are kept as lists of pieces (`s += …` appends one, so building a body piece by piece
# stays linear) and are at most as long as the script times this: `a = a + a` repeated would
# otherwise double without end. The same bound holds for all that a script writes.
AMPLIFICATION = 4
_Variables = dict[str, list[str]]


def _value(variables: _Variables, name: str) -> str:
    """A variable's value, its pieces joined once."""
    joined = "".join(variables[name])
    variables[name] = [joined]
    return joined


def _evaluate(
    tokens: list[str], start: int, variables: _Variables, limit: int
) -> tuple[str | None, int]:
    """Evaluate `term (+ term)*` from tokens[start]; return (value or None, index after it).
    A value longer than `limit` is None: no script writes that much."""
    parts: list[str] = []
    size = 0
    i = start
    while i < len(tokens):
        token = tokens[i]
        if token[0] in "'\"":
            parts.append(_unquote(token))
        elif token in variables:
            parts.append(_value(variables, token))
        else:
            return None, i
        size += len(parts[-1])
        i += 1
        if size > limit:
            return None, i
        if i < len(tokens) and tokens[i] == "+":
            i += 1
            continue
        return "".join(parts), i
    return None, i


def _evaluate_argument(
    tokens: list[str], start: int, variables: _Variables, limit: int
) -> tuple[str | None, int]:
    """`expr`, or the TRS default idiom `name == "" ? "site name" : name` (also `!=`)."""
    head = tokens[start : start + 5]
    if (
        len(head) == 5
        and head[0] in variables
        and head[1] in {"=", "!"}
        and head[2] == "="
        and head[3][0] in "'\""
        and head[4] == "?"
    ):
        equal = (_value(variables, head[0]) == _unquote(head[3])) == (head[1] == "=")
        when_true, colon = _evaluate(tokens, start + 5, variables, limit)
        if when_true is None or colon >= len(tokens) or tokens[colon] != ":":
            return None, colon
        when_false, end = _evaluate(tokens, colon + 1, variables, limit)
        if when_false is None:
            return None, end
        return (when_true if equal else when_false), end
    return _evaluate(tokens, start, variables, limit)


def string_literals(script: str) -> list[str]:
    """Every string literal of a script, unescaped (attachment links hide in them)."""
    return [_unquote(t) for t in _tokens(script) if t[0] in "'\""]


def document_writes(script: str) -> list[str]:
    """The HTML a script writes with `document.write`, for the cases that can be evaluated.

    Conditions are not evaluated. A write inside an `if` is taken (the usual guard is "if there
    is something to write"); an assignment inside braces only fills an unset or empty variable,
    which is what the common `if (laiyuan == "") { laiyuan = "<site name>"; }` default means.
    """
    tokens = _tokens(script)
    limit = AMPLIFICATION * max(len(script), 1)
    variables: _Variables = {}
    sizes: dict[str, int] = {}
    written: list[str] = []
    total = 0
    depth = 0
    for i, token in enumerate(tokens):
        if token in "{}":
            depth += 1 if token == "{" else -1
        elif i + 2 < len(tokens) and tokens[i + 1] == "=" and tokens[i + 2] != "=":
            if not _IDENTIFIER.fullmatch(token) or (depth > 0 and sizes.get(token)):
                continue
            value, _ = _evaluate(tokens, i + 2, variables, limit)
            if value is not None:
                variables[token], sizes[token] = [value], len(value)
            else:
                variables.pop(token, None)
                sizes.pop(token, None)
        elif tokens[i + 1 : i + 3] == ["+", "="] and _IDENTIFIER.fullmatch(token):
            # `s += "<p>…</p>"`: bodies are often built up piece by piece, then written once.
            value, _ = _evaluate(tokens, i + 3, variables, limit)
            if value is not None and sizes.get(token, 0) + len(value) <= limit:
                variables.setdefault(token, []).append(value)
                sizes[token] = sizes.get(token, 0) + len(value)
            else:
                variables.pop(token, None)
                sizes.pop(token, None)
        elif token in _WRITE and i + 1 < len(tokens) and tokens[i + 1] == "(":
            value, end = _evaluate_argument(tokens, i + 2, variables, limit)
            if value is not None and end < len(tokens) and tokens[end] == ")":
                total += len(value)
                if total > limit:
                    break
                written.append(value)
    return written
