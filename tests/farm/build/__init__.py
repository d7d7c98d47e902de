"""The generator of the farm's site files: `python -m tests.farm.build` rewrites `sites/`."""
