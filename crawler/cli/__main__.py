"""`python -m crawler.cli` runs the `notices` command."""

from crawler.cli import main

main()
