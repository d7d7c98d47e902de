"""One registry file into its regions and their sites, validating every key on the way."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.listing import OWN_SELECTORS
from crawler.paging import COMMON_OPTIONS, PAGINATION_TYPES, STYLES
from crawler.platforms import PLATFORMS, Profile
from crawler.platforms.profile import AUTO_LIST, ROW_LIST
from crawler.seeds.checks import (
    FileErrors,
    check_api,
    check_option,
    check_selector,
    js_cookie_pattern,
    str_list,
    valid_url,
)
from crawler.seeds.located_yaml import Located, YamlError, compose
from crawler.seeds.model import UNVERIFIED, ListSource, Region, Site, TitleRules

SITE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{1,63}$")
CODE_RE = re.compile(r"^\d{6}$")

# The keys a registry file may use at each level: the one declaration that unknown-key errors
# (and their "did you mean") are checked against. Where a model class holds exactly what the
# file says, its fields are the declaration.
_REGION_KEYS = {f.name for f in fields(Region)} - {"file"}
_SITE_KEYS = {
    "id",
    "name",
    "publisher",
    "platform",
    "list_urls",
    "pagination",
    "list",
    "api",
    "titles",
    "content_selector",
    "title_selector",
    "date_selector",
    "extra_chrome",
    "encoding",
    "politeness",
    "expected_empty",
    "verified",
    "max_pages",
    "block_threshold",
    "js_cookie",
    "hosts",
    "notes",
}
_LIST_KEYS = {"item", "link", "title", "date"}
_TITLE_KEYS = {f.name for f in fields(TitleRules)}
_POLITENESS_KEYS = {"download_delay", "obey_robots", "concurrency"}
_SOURCE_KEYS = {f.name for f in fields(ListSource)}
_ENCODINGS = {"auto", "utf-8", "gb18030", "gbk", "gb2312", "big5"}


def load_file(path: Path, errors: list[str]) -> list[Region]:
    loc = Located(path)
    try:
        data = compose(path, loc, errors)
    except YamlError as exc:
        errors.append(str(exc))
        return []
    fe = FileErrors(loc, errors)
    if isinstance(data, dict):  # first, so that `region:` gets its "did you mean"
        fe.unknown_keys(data, {"regions"}, ())
    if not isinstance(data, dict) or not isinstance(data.get("regions"), list):
        fe.add(("regions",), "the file must hold a `regions:` list")
        return []
    regions = []
    for i, raw in enumerate(data["regions"]):
        region = _region(raw, ("regions", i), fe, str(path))
        if region:
            regions.append(region)
    return regions


def _region(raw: Any, kp: tuple[Any, ...], fe: FileErrors, file: str) -> Region | None:
    if not isinstance(raw, dict):
        fe.add(kp, "a region must be a mapping with code, name, pinyin, sites")
        return None
    fe.unknown_keys(raw, _REGION_KEYS, kp)
    ok = True
    code = str(raw.get("code", ""))
    if not CODE_RE.match(code):
        fe.add((*kp, "code"), f"must be a 6-digit GB/T 2260 code in quotes, got {code!r}")
        ok = False
    for key in ("name", "pinyin"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            fe.add((*kp, key), "required text")
            ok = False
    parent = raw.get("parent")
    if parent is not None and not CODE_RE.match(str(parent)):
        fe.add((*kp, "parent"), f"must be a 6-digit code or omitted, got {parent!r}")
        ok = False
    raw_sites = raw.get("sites", [])
    if not isinstance(raw_sites, list):
        fe.add((*kp, "sites"), "must be a list")
        return None
    if not ok:
        return None
    sites = []
    for j, s in enumerate(raw_sites):
        site = _site(s, (*kp, "sites", j), fe, file, code, raw["name"])
        if site:
            sites.append(site)
    return Region(
        code=code,
        name=raw["name"].strip(),
        pinyin=raw["pinyin"].strip(),
        parent=str(parent) if parent is not None else None,
        sites=tuple(sites),
        file=file,
    )


def _site(
    raw: Any, kp: tuple[Any, ...], fe: FileErrors, file: str, code: str, region_name: str
) -> Site | None:
    if not isinstance(raw, dict):
        fe.add(kp, "a site must be a mapping")
        return None
    before = len(fe.errors)
    fe.unknown_keys(raw, _SITE_KEYS, kp)
    sid = raw.get("id")
    if not isinstance(sid, str) or not SITE_ID_RE.match(sid):
        fe.add((*kp, "id"), f"required; lowercase ASCII letters, digits, - and _; got {sid!r}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        fe.add((*kp, "name"), "required text")
    platform = raw.get("platform")
    if platform not in PLATFORMS:
        fe.add((*kp, "platform"), f"must be one of {', '.join(PLATFORMS)}; got {platform!r}")
        return None
    profile = PLATFORMS[platform]
    site_pagination = raw.get("pagination") or {}
    if not isinstance(site_pagination, dict):
        fe.add((*kp, "pagination"), "must be a mapping")
        site_pagination = {}
    sources = _sources(raw.get("list_urls"), (*kp, "list_urls"), fe, profile, site_pagination)
    site_api = raw.get("api")
    if site_api is not None:
        check_api(site_api, (*kp, "api"), fe)
    list_rules = dict(profile.list_rules)
    if raw.get("list") == "auto":
        list_rules = dict(AUTO_LIST)
    elif raw.get("list") is not None:
        if isinstance(raw["list"], dict):
            fe.unknown_keys(raw["list"], _LIST_KEYS, (*kp, "list"))
            for key, rule in raw["list"].items():
                for one in [rule] if isinstance(rule, str) else rule or []:
                    check_selector(one, (*kp, "list", key), fe)
            # selectors over an automatic profile start from the common row
            list_rules = dict(ROW_LIST if list_rules.get("auto") else list_rules)
            list_rules.update(raw["list"])
            list_rules[OWN_SELECTORS] = True
        else:
            fe.add((*kp, "list"), "must be `auto` or a mapping of item/link/title/date selectors")
    titles = TitleRules()
    if raw.get("titles") is not None:
        t = raw["titles"]
        if isinstance(t, dict):
            fe.unknown_keys(t, _TITLE_KEYS, (*kp, "titles"))
            kw = {k: str_list(t.get(k), (*kp, "titles", k), fe) for k in _TITLE_KEYS}
            titles = TitleRules(**{k: v for k, v in kw.items() if v is not None})
        else:
            fe.add((*kp, "titles"), "must be a mapping of include_any/require_any/exclude_any")
    politeness = raw.get("politeness") or {}
    if not isinstance(politeness, dict):
        fe.add((*kp, "politeness"), "must be a mapping")
        politeness = {}
    fe.unknown_keys(politeness, _POLITENESS_KEYS, (*kp, "politeness"))
    if "obey_robots" in politeness and not isinstance(politeness["obey_robots"], bool):
        fe.add((*kp, "politeness", "obey_robots"), "must be true or false")
    delay = politeness.get("download_delay", 0)
    if not isinstance(delay, int | float) or isinstance(delay, bool) or delay < 0:
        fe.add((*kp, "politeness", "download_delay"), "must be a number of seconds (0 or more)")
    concurrency = politeness.get("concurrency", 1)
    if not isinstance(concurrency, int) or isinstance(concurrency, bool) or concurrency < 1:
        fe.add((*kp, "politeness", "concurrency"), "must be a positive integer")
    encoding = raw.get("encoding")
    if encoding is not None and str(encoding).lower() not in _ENCODINGS:
        fe.add((*kp, "encoding"), f"must be one of {', '.join(sorted(_ENCODINGS))}")
    verified = raw.get("verified", UNVERIFIED)
    if isinstance(verified, dt.date):
        verified = verified.isoformat()
    elif verified != UNVERIFIED:
        fe.add((*kp, "verified"), f"must be a date (YYYY-MM-DD) or {UNVERIFIED!r}")
    for key in ("max_pages", "block_threshold"):
        v = raw.get(key)
        if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 1):
            fe.add((*kp, key), "must be a positive integer")
    if not isinstance(raw.get("expected_empty", False), bool):
        fe.add((*kp, "expected_empty"), "must be true or false")
    extra_chrome = str_list(raw.get("extra_chrome"), (*kp, "extra_chrome"), fe) or ()
    hosts = str_list(raw.get("hosts"), (*kp, "hosts"), fe) or ()
    for key in ("content_selector", "title_selector", "date_selector", "publisher"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            fe.add((*kp, key), "must be text")
        elif key != "publisher" and raw.get(key):
            check_selector(raw[key], (*kp, key), fe)
    js_cookie = js_cookie_pattern(raw.get("js_cookie"), (*kp, "js_cookie"), fe)
    if len(fe.errors) > before or not sources or not isinstance(sid, str):
        return None
    assert isinstance(name, str)
    if site_api is not None:
        sources = [
            ListSource(s.url, s.pagination, s.api if s.api is not None else site_api)
            for s in sources
        ]
    for i, s in enumerate(sources):
        style = s.pagination["type"]
        if STYLES[style].needs_api and not s.api:
            fe.add((*kp, "list_urls", i), f"pagination {style} needs an `api:` mapping")
            return None
    own_hosts = {urlsplit(s.url).hostname or "" for s in sources} | set(hosts)
    return Site(
        id=sid,
        name=name.strip(),
        publisher=(raw.get("publisher") or name).strip(),
        platform=platform,
        region_code=code,
        region_name=region_name,
        sources=tuple(sources),
        list_rules=list_rules,
        titles=titles,
        options={
            "content_selector": raw.get("content_selector") or profile.content_selector,
            "title_selector": raw.get("title_selector"),
            "date_selector": raw.get("date_selector"),
            "extra_chrome": list(extra_chrome),
            "encoding": (str(encoding).lower() if encoding and encoding != "auto" else None),
        },
        politeness=dict(politeness),
        expected_empty=bool(raw.get("expected_empty", False)),
        verified=str(verified),
        max_pages=raw.get("max_pages"),
        block_threshold=raw.get("block_threshold") or 3,
        js_cookie=js_cookie,
        hosts=tuple(sorted(own_hosts)),
        file=file,
    )


def _sources(
    raw: Any,
    kp: tuple[Any, ...],
    fe: FileErrors,
    profile: Profile,
    site_pagination: Mapping[str, Any],
) -> list[ListSource]:
    if not isinstance(raw, list) or not raw:
        fe.add(kp, "required: a non-empty list of list-page URLs")
        return []
    site_style = site_pagination.get("type", profile.pagination["type"])
    if site_style in STYLES:
        _pagination_keys(site_pagination, site_style, (*kp[:-1], "pagination"), fe)
    out = []
    for i, item in enumerate(raw):
        entry = {"url": item} if isinstance(item, str) else item
        if not isinstance(entry, dict):
            fe.add((*kp, i), "must be a URL or a mapping with url/pagination/api")
            continue
        fe.unknown_keys(entry, _SOURCE_KEYS, (*kp, i))
        url = entry.get("url")
        if not isinstance(url, str) or not valid_url(url):
            fe.add((*kp, i, "url"), f"must be an http(s) URL, got {url!r}")
            continue
        own = entry.get("pagination") or {}
        if not isinstance(own, dict):
            fe.add((*kp, i, "pagination"), "must be a mapping")
            continue
        pagination = {**profile.pagination, **site_pagination, **own}
        if not _source_pagination_ok(pagination, own, (*kp, i, "pagination"), fe):
            continue
        api = entry.get("api")
        if api is not None:
            check_api(api, (*kp, i, "api"), fe)
        out.append(ListSource(url=url, pagination=pagination, api=api or profile.api or None))
    return out


def _source_pagination_ok(
    pagination: Mapping[str, Any], own: Mapping[str, Any], kp: tuple[Any, ...], fe: FileErrors
) -> bool:
    """A list URL's pagination (profile, site and its own keys merged) names a registered style
    and gives it what it needs; `own` are the keys written on the list URL itself."""
    name = pagination.get("type")
    if name not in STYLES:
        fe.add((*kp, "type"), f"must be one of {', '.join(PAGINATION_TYPES)}; got {name!r}")
        return False
    before = len(fe.errors)
    _pagination_keys(own, name, kp, fe)
    for option in STYLES[name].options:
        if option.required and option.key not in pagination:
            fe.add(kp, f"pagination {name} needs `{option.key}:`")
    return len(fe.errors) == before


def _pagination_keys(
    written: Mapping[str, Any], style_name: str, kp: tuple[Any, ...], fe: FileErrors
) -> None:
    """The keys a seed wrote in one `pagination:` are options of the style they are written for
    (the site's own, or the list URL's), with valid values."""
    style = STYLES[style_name]
    options = {option.key: option for option in (*COMMON_OPTIONS, *style.options)}
    for key, value in written.items():
        if key not in options:
            allowed = ", ".join(sorted(options))
            fe.add(
                (*kp, key), f"unknown key {key!r} for pagination {style_name} (allowed: {allowed})"
            )
        elif problem := check_option(options[key], value):
            fe.add((*kp, key), problem)
