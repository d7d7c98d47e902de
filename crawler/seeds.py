"""The site registry: load `seeds/*.yaml`, validate it, and select regions and sites.

A registry file holds `regions:`, each keyed by its GB/T 2260 code, with its sites. Every error
names the file, the line and the key, so a typo in YAML fails fast and says where.
Files whose name starts with `_` (such as `_example.yaml`) are documentation and are not loaded.
Strings may use `${VAR}` or `${VAR:-default}`; they are expanded from the environment at load time
(the local site farm and mirrors take their port or host from there).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from cssselect import SelectorError
from lxml import etree
from parsel.csstranslator import HTMLTranslator

from crawler.profiles import PAGINATION_TYPES, PROFILES

REPO_SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEEDS_ENV = "NOTICES_SEEDS"

SITE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{1,63}$")
CODE_RE = re.compile(r"^\d{6}$")
_ENV_RE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
# Administrative suffixes dropped when matching a region by name: 安徽 finds 安徽省.
_NAME_SUFFIXES = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "省",
    "市",
    "区",
    "县",
)


class SeedError(ValueError):
    """A registry file is invalid, or a region/site selection matches nothing."""


@dataclass(frozen=True, slots=True)
class TitleRules:
    """Which list titles are worth a detail request (the parser still decides)."""

    include_any: tuple[str, ...] = ("巡察", "巡视")
    require_any: tuple[str, ...] = ("整改",)
    exclude_any: tuple[str, ...] = ()

    def accepts(self, title: str | None) -> bool:
        if not title:  # no title on the list: let the detail page and parser decide
            return True
        if self.include_any and not any(k in title for k in self.include_any):
            return False
        if self.require_any and not any(k in title for k in self.require_any):
            return False
        return not any(k in title for k in self.exclude_any)


@dataclass(frozen=True, slots=True)
class ListSource:
    """One list URL and how to page through it."""

    url: str
    pagination: Mapping[str, Any]  # {"type": ..., plus type-specific keys}
    api: Mapping[str, Any] | None = None  # JSON list API (method, body, fields, ...)


@dataclass(frozen=True, slots=True)
class Site:
    id: str
    name: str
    publisher: str
    platform: str
    region_code: str
    region_name: str
    sources: tuple[ListSource, ...]
    list_rules: Mapping[str, Any]  # item/link/title/date selectors, merged over the profile
    titles: TitleRules
    options: Mapping[str, Any]  # content_selector, title_selector, date_selector, extra_chrome, ...
    politeness: Mapping[str, Any]
    expected_empty: bool
    verified: str  # ISO date or "unverified"
    max_pages: int | None
    block_threshold: int
    hosts: tuple[str, ...]  # hosts whose detail links belong to this site
    # Opt-in: copy cookies out of a JS cookie challenge (groups `k` and `v`), then retry once.
    js_cookie: re.Pattern[str] | None
    file: str

    @property
    def list_urls(self) -> list[str]:
        return [s.url for s in self.sources]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "region": self.region_name,
            "region_code": self.region_code,
            "publisher": self.publisher,
            "platform": self.platform,
            "list_urls": self.list_urls,
        }


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    pinyin: str
    parent: str | None
    sites: tuple[Site, ...]
    file: str


@dataclass(slots=True)
class Registry:
    regions: dict[str, Region] = field(default_factory=dict)  # by code

    def region_label(self, region: Region) -> str:
        return f"{region.name} ({region.pinyin}, {region.code})"

    def find_region(self, query: str) -> Region:
        """A region by code, name (with or without 省/市/县 suffix) or pinyin."""
        q = query.strip()
        for matcher in (_by_code, _by_name, _by_pinyin):
            hits = [r for r in self.regions.values() if matcher(r, q)]
            if len(hits) == 1:
                return hits[0]
            if len(hits) > 1:
                names = ", ".join(sorted(self.region_label(r) for r in hits))
                raise SeedError(f"region {query!r} is ambiguous: {names}; use the code")
        raise SeedError(f"unknown region {query!r}; known regions: {self.known_regions()}")

    def known_regions(self) -> str:
        return ", ".join(self.region_label(r) for r in sorted(self.regions.values(), key=_code))

    def descendants(self, region: Region) -> list[Region]:
        """The region and every region below it, parents first."""
        out = [region]
        for r in out:
            out.extend(c for c in self.regions.values() if c.parent == r.code and c not in out)
        return out

    def select(self, region: str | None = None, site: str | None = None) -> list[Site]:
        """Sites of a region (and the regions below it), optionally narrowed to one site id."""
        if region:
            sites = [s for r in self.descendants(self.find_region(region)) for s in r.sites]
        else:
            sites = self.all_sites()
        if site:
            chosen = [s for s in sites if s.id == site]
            if not chosen:
                scope = f" in region {region!r}" if region else ""
                known = ", ".join(sorted(s.id for s in sites)) or "(none)"
                raise SeedError(f"unknown site {site!r}{scope}; known sites: {known}")
            return chosen
        return sites

    def all_sites(self) -> list[Site]:
        return [s for r in self.regions.values() for s in r.sites]


def _code(region: Region) -> str:
    return region.code


def _bare_name(name: str) -> str:
    for suffix in _NAME_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _by_code(r: Region, q: str) -> bool:
    return r.code == q


def _by_name(r: Region, q: str) -> bool:
    return r.name == q or _bare_name(r.name) == _bare_name(q)


def _by_pinyin(r: Region, q: str) -> bool:
    return r.pinyin.lower() == q.lower()


def seeds_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The registry directory: an explicit path, else `NOTICES_SEEDS`, else the repo's seeds/."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(SEEDS_ENV)
    return Path(env) if env else REPO_SEEDS


def load_registry(directory: str | os.PathLike[str] | None = None) -> Registry:
    """Load and validate every registry file; raise SeedError listing all problems found."""
    root = seeds_dir(directory)
    if not root.is_dir():
        raise SeedError(f"{root}: seed registry directory not found")
    files = sorted(p for p in root.glob("*.yaml") if not p.name.startswith("_"))
    if not files:
        raise SeedError(f"{root}: no *.yaml registry files")
    errors: list[str] = []
    registry = Registry()
    site_ids: dict[str, str] = {}
    for path in files:
        for region in _load_file(path, errors):
            if region.code in registry.regions:
                other = registry.regions[region.code].file
                errors.append(f"{path}: region {region.code} is also defined in {other}")
                continue
            registry.regions[region.code] = region
            for s in region.sites:
                if s.id in site_ids:
                    errors.append(f"{s.file}: site id {s.id!r} is also used in {site_ids[s.id]}")
                site_ids[s.id] = s.file
    for region in registry.regions.values():
        if region.parent and region.parent not in registry.regions:
            errors.append(f"{region.file}: region {region.code}: unknown parent {region.parent}")
    if errors:
        raise SeedError("\n".join(errors))
    return registry


def check_registry(directory: str | os.PathLike[str] | None = None) -> list[str]:
    """Every validation problem, one message per line (empty when the registry is valid)."""
    try:
        load_registry(directory)
    except SeedError as exc:
        return str(exc).splitlines()
    return []


# --- YAML with line numbers -------------------------------------------------------------------


class _Located:
    """Maps a key path inside one file to its line, for error messages."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: dict[tuple[Any, ...], int] = {}

    def at(self, keypath: Sequence[Any]) -> str:
        kp = tuple(keypath)
        while kp and kp not in self.lines:
            kp = kp[:-1]
        line = self.lines.get(kp, 1)
        return f"{self.path}:{line}: {_dotted(keypath)}"


def _dotted(keypath: Iterable[Any]) -> str:
    out = ""
    for k in keypath:
        out += f"[{k}]" if isinstance(k, int) else (f".{k}" if out else str(k))
    return out or "(top level)"


def _compose(path: Path, loc: _Located) -> Any:
    text = path.read_text(encoding="utf-8")
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if node is None:
        return None
    return _to_python(node, (), loc, loader)


def _to_python(node: yaml.Node, kp: tuple[Any, ...], loc: _Located, loader: Any) -> Any:
    loc.lines[kp] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for knode, vnode in node.value:
            key = loader.construct_object(knode, deep=True)
            loc.lines[(*kp, key)] = knode.start_mark.line + 1
            out[key] = _to_python(vnode, (*kp, key), loc, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(n, (*kp, i), loc, loader) for i, n in enumerate(node.value)]
    value = loader.construct_object(node, deep=True)
    return _expand_env(value) if isinstance(value, str) else value


def _expand_env(text: str) -> str:
    """Expand `${VAR}` and `${VAR:-default}`; an unset variable without default is a KeyError."""

    def sub(m: re.Match[str]) -> str:
        value = os.environ.get(m.group(1))
        if value:
            return value
        if m.group(2) is not None:
            return m.group(2)
        raise KeyError(m.group(1))

    return _ENV_RE.sub(sub, text)


# --- validation -------------------------------------------------------------------------------

_REGION_KEYS = {"code", "name", "pinyin", "parent", "sites"}
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
_TITLE_KEYS = {"include_any", "require_any", "exclude_any"}
_POLITENESS_KEYS = {"download_delay", "obey_robots", "concurrency"}
_SOURCE_KEYS = {"url", "pagination", "api"}
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
_ENCODINGS = {"auto", "utf-8", "gb18030", "gbk", "gb2312", "big5"}


class _FileErrors:
    def __init__(self, loc: _Located, errors: list[str]) -> None:
        self.loc = loc
        self.errors = errors

    def add(self, keypath: Sequence[Any], message: str) -> None:
        self.errors.append(f"{self.loc.at(keypath)}: {message}")

    def unknown_keys(self, data: Mapping[str, Any], allowed: set[str], kp: Sequence[Any]) -> None:
        for key in data:
            if key not in allowed:
                self.add((*kp, key), f"unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")


def _load_file(path: Path, errors: list[str]) -> list[Region]:
    loc = _Located(path)
    try:
        data = _compose(path, loc)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        errors.append(f"{path}:{line}: invalid YAML: {exc}")
        return []
    except KeyError as exc:
        errors.append(f"{path}: environment variable {exc.args[0]} is not set (use ${{VAR:-x}})")
        return []
    fe = _FileErrors(loc, errors)
    if not isinstance(data, dict) or not isinstance(data.get("regions"), list):
        fe.add(("regions",), "the file must hold a `regions:` list")
        return []
    fe.unknown_keys(data, {"regions"}, ())
    regions = []
    for i, raw in enumerate(data["regions"]):
        region = _region(raw, ("regions", i), fe, str(path))
        if region:
            regions.append(region)
    return regions


def _region(raw: Any, kp: tuple[Any, ...], fe: _FileErrors, file: str) -> Region | None:
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


def _str_list(value: Any, kp: Sequence[Any], fe: _FileErrors) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        fe.add(kp, "must be a list of strings")
        return None
    return tuple(value)


def _site(
    raw: Any, kp: tuple[Any, ...], fe: _FileErrors, file: str, code: str, region_name: str
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
    if platform not in PROFILES:
        fe.add((*kp, "platform"), f"must be one of {', '.join(PROFILES)}; got {platform!r}")
        return None
    profile = PROFILES[platform]
    site_pagination = raw.get("pagination") or {}
    if not isinstance(site_pagination, dict):
        fe.add((*kp, "pagination"), "must be a mapping")
        site_pagination = {}
    sources = _sources(raw.get("list_urls"), (*kp, "list_urls"), fe, profile, site_pagination)
    site_api = raw.get("api")
    if site_api is not None:
        _check_api(site_api, (*kp, "api"), fe)
    list_rules = dict(profile.list_rules)
    if raw.get("list") is not None:
        if isinstance(raw["list"], dict):
            fe.unknown_keys(raw["list"], _LIST_KEYS, (*kp, "list"))
            for key, rule in raw["list"].items():
                for one in [rule] if isinstance(rule, str) else rule or []:
                    _check_selector(one, (*kp, "list", key), fe)
            list_rules.update(raw["list"])
        else:
            fe.add((*kp, "list"), "must be a mapping of item/link/title/date selectors")
    titles = TitleRules()
    if raw.get("titles") is not None:
        t = raw["titles"]
        if isinstance(t, dict):
            fe.unknown_keys(t, _TITLE_KEYS, (*kp, "titles"))
            kw = {k: _str_list(t.get(k), (*kp, "titles", k), fe) for k in _TITLE_KEYS}
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
    encoding = raw.get("encoding")
    if encoding is not None and str(encoding).lower() not in _ENCODINGS:
        fe.add((*kp, "encoding"), f"must be one of {', '.join(sorted(_ENCODINGS))}")
    verified = raw.get("verified", "unverified")
    if isinstance(verified, dt.date):
        verified = verified.isoformat()
    elif verified != "unverified":
        fe.add((*kp, "verified"), "must be a date (YYYY-MM-DD) or 'unverified'")
    for key in ("max_pages", "block_threshold"):
        v = raw.get(key)
        if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 1):
            fe.add((*kp, key), "must be a positive integer")
    if not isinstance(raw.get("expected_empty", False), bool):
        fe.add((*kp, "expected_empty"), "must be true or false")
    extra_chrome = _str_list(raw.get("extra_chrome"), (*kp, "extra_chrome"), fe) or ()
    hosts = _str_list(raw.get("hosts"), (*kp, "hosts"), fe) or ()
    for key in ("content_selector", "title_selector", "date_selector", "publisher"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            fe.add((*kp, key), "must be text")
        elif key != "publisher" and raw.get(key):
            _check_selector(raw[key], (*kp, key), fe)
    if isinstance(site_pagination.get("next"), str):
        _check_selector(site_pagination["next"], (*kp, "pagination", "next"), fe)
    js_cookie = _js_cookie(raw.get("js_cookie"), (*kp, "js_cookie"), fe)
    if len(fe.errors) > before or not sources or not isinstance(sid, str):
        return None
    assert isinstance(name, str)
    if site_api is not None:
        sources = [
            ListSource(s.url, s.pagination, s.api if s.api is not None else site_api)
            for s in sources
        ]
    for i, s in enumerate(sources):
        if s.pagination["type"] == "json_api" and not s.api:
            fe.add((*kp, "list_urls", i), "pagination json_api needs an `api:` mapping")
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
    fe: _FileErrors,
    profile: Any,
    site_pagination: Mapping[str, Any],
) -> list[ListSource]:
    if not isinstance(raw, list) or not raw:
        fe.add(kp, "required: a non-empty list of list-page URLs")
        return []
    out = []
    for i, item in enumerate(raw):
        entry = {"url": item} if isinstance(item, str) else item
        if not isinstance(entry, dict):
            fe.add((*kp, i), "must be a URL or a mapping with url/pagination/api")
            continue
        fe.unknown_keys(entry, _SOURCE_KEYS, (*kp, i))
        url = entry.get("url")
        if not isinstance(url, str) or not _valid_url(url):
            fe.add((*kp, i, "url"), f"must be an http(s) URL, got {url!r}")
            continue
        pagination = {**profile.pagination, **site_pagination, **(entry.get("pagination") or {})}
        if pagination.get("type") not in PAGINATION_TYPES:
            fe.add(
                (*kp, i, "pagination", "type"),
                f"must be one of {', '.join(PAGINATION_TYPES)}; got {pagination.get('type')!r}",
            )
            continue
        api = entry.get("api")
        if api is not None:
            _check_api(api, (*kp, i, "api"), fe)
        out.append(ListSource(url=url, pagination=pagination, api=api or profile.api or None))
    return out


def _js_cookie(raw: Any, kp: tuple[Any, ...], fe: _FileErrors) -> re.Pattern[str] | None:
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


def _check_selector(rule: Any, kp: tuple[Any, ...], fe: _FileErrors) -> None:
    """A `css`, `css @attr` or XPath selector must compile (fail at load, not on every page)."""
    if not isinstance(rule, str) or not rule.strip():
        fe.add(kp, "must be a selector (text)")
        return
    expr = rule.partition(" @")[0].strip()
    try:
        xpath = expr if expr.startswith(("/", "(")) else _CSS.css_to_xpath(expr)
        etree.XPath(xpath)
    except (SelectorError, etree.XPathError) as exc:
        fe.add(kp, f"invalid selector {rule!r}: {exc}")


def _valid_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises on a non-numeric port (e.g. an unexpanded variable)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in url


def _check_api(api: Any, kp: tuple[Any, ...], fe: _FileErrors) -> None:
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
