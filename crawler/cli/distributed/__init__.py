"""Distributed crawls (docs/distributed.md): the night's sites as one job per host on RabbitMQ
through Dramatiq, crawled by `notices worker` processes into one shared PostgreSQL archive."""
