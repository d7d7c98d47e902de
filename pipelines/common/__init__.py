"""The leaf every layer may import (crawler, pipelines, models): facts declared once.

It imports nothing of the project outside itself and no framework (Scrapy, SQLAlchemy, Twisted),
so the pure cleaner and parser, the models and the crawler can all depend on it.
"""
