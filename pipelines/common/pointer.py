"""A pointer page: a body that only points to its attachment (现将《…》予以公布，详见附件。)."""

from __future__ import annotations

from pipelines.common.chars import cjk_count

# A body with fewer CJK characters than this is short enough to be only a pointer. One value for
# the parse pipeline (parse the attachment instead) and the classifier (trust the named document).
POINTER_MAX_CJK = 150


def short_enough_to_point(body: str) -> bool:
    return cjk_count(body) < POINTER_MAX_CJK
