"""How much a navigation link promises a notice column: the best word of its label, where it
sits, and how deep below the home it is; None for a link never worth a page (a detail page's
long title, an avoided section, a label promising nothing)."""

from __future__ import annotations

from crawler.discover import words
from crawler.discover.links import NavLink


def label_weight(label: str) -> float:
    """The weight of the label's best word; 0 for none, negative for an avoided section (whose
    label promises less than AVOID_UNLESS: 监督举报 is avoided, 巡察机构 is not)."""
    low = label.lower()
    best = max((w for word, w in words.LABEL_WORDS.items() if word in low), default=0.0)
    if best < words.AVOID_UNLESS and any(word in low for word in words.AVOID_WORDS):
        return -1.0
    return best


def priority(link: NavLink, depth: int) -> float | None:
    """The link's priority in the walk (higher first), or None when it is not to be followed."""
    if len(link.label) > words.MAX_LABEL:
        return None
    label = label_weight(link.label)
    if label < 0:
        return None
    weight = label + words.PLACE_WEIGHTS[link.place]
    if weight < words.MIN_WEIGHT:
        return None
    return weight - words.DEPTH_COST * depth
