"""One job per host: sites sharing a host, directly or through a third, are one job."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crawler.cli.distributed.jobs import CrawlOptions, Job, host_groups, night_jobs
from crawler.seeds import Site, load_registry

TEMPLATE = load_registry().select()[0]


def site(sid: str, *hosts: str) -> Site:
    return replace(TEMPLATE, id=sid, hosts=hosts)


@pytest.mark.parametrize(
    ("sites", "groups"),
    [
        ([site("a", "h1"), site("b", "h2")], [(("h1",), ("a",)), (("h2",), ("b",))]),
        # two columns of one portal
        ([site("a", "h1"), site("b", "h1")], [(("h1",), ("a", "b"))]),
        # a and c share nothing, but each shares a host with b
        (
            [site("a", "h1"), site("c", "h3"), site("b", "h1", "h3")],
            [(("h1", "h3"), ("a", "c", "b"))],
        ),
        ([site("a", "h2", "h1"), site("b", "h3")], [(("h1", "h2"), ("a",)), (("h3",), ("b",))]),
        ([], []),
    ],
)
def test_host_groups(sites: list[Site], groups: list[tuple[tuple[str, ...], ...]]) -> None:
    assert host_groups(sites) == groups


def test_a_job_survives_the_queue() -> None:
    options = CrawlOptions(seeds="/srv/seeds", since="2024-01-01", max_pages=3, full=True,
                           settings={"DOWNLOAD_DELAY": "2"})  # fmt: skip
    jobs = night_jobs(7, [site("a", "h1"), site("b", "h1"), site("c", "h2")], options)
    assert [Job.from_message(j.to_message()) for j in jobs] == jobs
    assert [(j.run_id, j.site_ids) for j in jobs] == [(7, ("a", "b")), (7, ("c",))]
