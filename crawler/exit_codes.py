"""Exit codes: 0 ok, 1 some sites need a person, 2 usage, 3 locked."""

OK = 0
NEEDS_ATTENTION = 1
USAGE = 2
LOCKED = 3
