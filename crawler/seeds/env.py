"""`${VAR}` and `${VAR:-default}` in registry strings, expanded from the environment."""

from __future__ import annotations

import os
import re

_ENV_RE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


def expand_env(text: str) -> str:
    """Expand `${VAR}` and `${VAR:-default}`; an unset variable without default is a KeyError."""

    def sub(m: re.Match[str]) -> str:
        value = os.environ.get(m.group(1))
        if value:
            return value
        if m.group(2) is not None:
            return m.group(2)
        raise KeyError(m.group(1))

    return _ENV_RE.sub(sub, text)
