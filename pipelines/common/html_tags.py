"""HTML elements that hold none of a page's visible words, for the cleaner and the block check."""

from __future__ import annotations

# Subtrees whose text is never the page's words: scripts and styles, embedded objects, form
# controls and media. The cleaner removes them whole before it looks for the content.
NON_CONTENT_TAGS = frozenset(
    [
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
    ]
)
# Elements whose text a reader never sees as the page: the above, the document head and the
# elements that only carry attributes (an image's alt, an area's title, a select's options).
UNRENDERED_TAGS = NON_CONTENT_TAGS | {"head", "title", "meta", "option", "img", "area"}
