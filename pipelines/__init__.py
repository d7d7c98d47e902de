"""Item pipelines, in order: clean (100) -> parse (200) -> store (400).

The text logic lives in pure packages beside them: `cleaning/` (page bytes -> clean text,
page metadata, attachment links) and `parsing/` (clean text -> notice record).
"""
