"""The generator of the farm's site files: `python -m crawler.sitefarm.build` rewrites `sites/`."""
