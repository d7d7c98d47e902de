"""Checks of single registry values, each error reported with its file, line and key."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from cssselect import SelectorError
from lxml import etree
from parsel.csstranslator import HTMLTranslator

from crawler.paging import Option
from crawler.seeds.located_yaml import Located

_API_KEYS = {
    "url",
    "method",
    "params",
    "body",
    "body_format",
    "headers",
    "results_path",
    "total_path",
    "title_field",
    "url_field",
    "date_field",
    "page_start",
    "page_size",
}
_CSS = HTMLTranslator()


class FileErrors:
    def __init__(self, loc: Located, errors: list[str]) -> None:
        self.loc = loc
        self.errors = errors

    def add(self, keypath: Sequence[Any], message: str) -> None:
        self.errors.append(f"{self.loc.at(keypath)}: {message}")

    def unknown_keys(
        self, data: Mapping[str, Any], allowed: Collection[str], kp: Sequence[Any]
    ) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = (
                    f"did you mean {close[0]!r}?"
                    if close
                    else f"allowed: {', '.join(sorted(allowed))}"
                )
                self.add((*kp, key), f"unknown key {key!r} ({hint})")


def str_list(value: Any, kp: Sequence[Any], fe: FileErrors) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        fe.add(kp, "must be a list of strings")
        return None
    return tuple(value)


def js_cookie_pattern(raw: Any, kp: tuple[Any, ...], fe: FileErrors) -> re.Pattern[str] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) != {"from_body_regex"}:
        fe.add(kp, "must be a mapping with only `from_body_regex`")
        return None
    try:
        pattern = re.compile(str(raw["from_body_regex"]))
    except re.error as exc:
        fe.add((*kp, "from_body_regex"), f"invalid regex: {exc}")
        return None
    if {"k", "v"} - set(pattern.groupindex):
        fe.add((*kp, "from_body_regex"), "needs named groups (?P<k>...) and (?P<v>...)")
        return None
    return pattern


def selector_problem(rule: Any) -> str | None:
    """Why a `css`, `css @attr` or XPath selector is no good, or None when it compiles."""
    if not isinstance(rule, str) or not rule.strip():
        return "must be a selector (text)"
    expr = rule.partition(" @")[0].strip()
    try:
        xpath = expr if expr.startswith(("/", "(")) else _CSS.css_to_xpath(expr)
        etree.XPath(xpath)
    except (SelectorError, etree.XPathError) as exc:
        return f"invalid selector {rule!r}: {exc}"
    return None


def check_selector(rule: Any, kp: tuple[Any, ...], fe: FileErrors) -> None:
    """A selector must compile (fail at load, not on every page)."""
    problem = selector_problem(rule)
    if problem:
        fe.add(kp, problem)


def check_option(option: Option, value: Any) -> str | None:
    """Why `value` is not valid for a pagination option, or None."""
    if option.kind == "selector":
        return selector_problem(value)
    if option.kind == "choice":
        ok = str(value).upper() in option.choices  # GET/POST in any case, as requests take them
        return None if ok else f"must be one of {', '.join(option.choices)}"
    if option.kind == "text":
        return None if isinstance(value, str) and value.strip() else "must be text"
    least = 1 if option.kind == "positive" else 0
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        return "must be a positive integer" if least else "must be an integer, 0 or more"
    return None


def valid_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises on a non-numeric port (e.g. an unexpanded variable)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in url


def check_api(api: Any, kp: tuple[Any, ...], fe: FileErrors) -> None:
    if not isinstance(api, dict):
        fe.add(kp, "must be a mapping")
        return
    fe.unknown_keys(api, _API_KEYS, kp)
    if str(api.get("method", "GET")).upper() not in {"GET", "POST"}:
        fe.add((*kp, "method"), "must be GET or POST")
    if api.get("body_format", "form") not in {"form", "json"}:
        fe.add((*kp, "body_format"), "must be form or json")
    if not isinstance(api.get("results_path"), str):
        fe.add((*kp, "results_path"), "required: dotted path to the list of records")
