"""DOM-level chrome removal: navigation, toolbars, share widgets, counters, footers.

Rules are data, grouped by concept (in the manner of trafilatura's `xpaths.py`); order does not
matter here. Text-level remnants are handled afterwards by the shared vocabulary in `vocab.py`.
"""

from __future__ import annotations

import re

from lxml import etree, html

# Tags whose whole subtree is never content.
DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "select",
    "button",
    "input",
    "textarea",
    "svg",
    "canvas",
    "map",
    "audio",
    "video",
    "link",
)

# Substrings of an element's id/class that mark chrome. `zoom` alone is NOT one: `#zoom` is a
# content id on many government sites, so only the toolbar spellings are listed.
CHROME_ID_CLASS_TOKENS = (
    # navigation and breadcrumbs
    "nav",
    "menu",
    "breadcrumb",
    "crumb",
    "location",
    "position",
    "daohang",
    "weizhi",
    # toolbars, print and font size, share widgets, QR codes, 纠错
    "share",
    "bdshare",
    "bshare",
    "bds_",
    "print",
    "article-zoom",
    "zoom-tool",
    "font-size",
    "fontsize",
    "qrcode",
    "erweima",
    "jiucuo",
    "_ideconac",
    "tool-bar",
    "toolbar",
    "tools",
    "article-tools",
    # footers and side bars
    "foot",
    "dibu",
    "copyright",
    "banquan",
    "sidebar",
    "side-bar",
    # prev/next and related-article lists
    "prevnext",
    "prev-next",
    "pre-next",
    "updown",
    "related",
    "xgwz",
    "xgxx",
    "xgyd",
    "relevant",
    # accessibility and elder-care widgets, headers
    "wza",
    "barrier",
    "accessib",
    "header",
    "topbar",
    "top-bar",
)
_CHROME_RE = re.compile("|".join(re.escape(t) for t in CHROME_ID_CLASS_TOKENS), re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def is_hidden(el: html.HtmlElement) -> bool:
    return bool(_HIDDEN_STYLE.search(el.get("style", ""))) or el.get("hidden") is not None


def looks_like_chrome(el: html.HtmlElement) -> bool:
    """True for an element whose id or class names a chrome block."""
    # Word's class names (MsoFootnoteText, MsoHeader) in pasted bodies are not page chrome.
    classes = " ".join(c for c in el.get("class", "").split() if not c.startswith("Mso"))
    marker = f"{el.get('id', '')} {classes}"
    return bool(marker.strip()) and bool(_CHROME_RE.search(marker))


def drop_scripts(root: html.HtmlElement) -> None:
    """Remove script-like subtrees (their text is never visible), keeping tails."""
    for el in list(root.iter(*DROP_TAGS)):
        el.drop_tree()
    for el in list(root.iter(etree.Comment)):
        el.drop_tree()


def drop_chrome(root: html.HtmlElement, keep: frozenset[html.HtmlElement] = frozenset()) -> None:
    """Remove hidden and chrome-named subtrees, but never one that is or holds a `keep` node."""
    protected: set[html.HtmlElement] = set()
    for el in keep:
        protected.add(el)
        protected.update(el.iterancestors())
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el in protected or el.getparent() is None:
            continue
        if is_hidden(el) or looks_like_chrome(el):
            el.drop_tree()


def chrome_subtrees(root: html.HtmlElement) -> frozenset[html.HtmlElement]:
    """Every element inside a hidden or chrome-named block (for scoring, not for deletion)."""
    found: set[html.HtmlElement] = set()
    for el in root.iter():
        if isinstance(el.tag, str) and el not in found and (is_hidden(el) or looks_like_chrome(el)):
            found.update(el.iter())
    return frozenset(found)
