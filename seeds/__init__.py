"""The site registry (one YAML file per province or group), shipped as package data so an
installed `notices` can crawl without a checkout; `NOTICES_SEEDS` points elsewhere."""
