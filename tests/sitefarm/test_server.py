"""The farm server: one port on several loopback addresses, dispatch by address and prefix, the log."""

from __future__ import annotations

import http.client
import socket
from collections.abc import Iterator

import pytest

from crawler.demo.http import Request, Response
from crawler.demo.server import Farm


class EchoSite:
    """Answers with its own id and the path it saw; `/boom` raises like a buggy fixture would."""

    def __init__(self, site_id: str, host: str, prefix: str = "") -> None:
        self.site_id, self.host, self.prefix = site_id, host, prefix
        self.resets = 0

    def handle(self, request: Request) -> Response:
        if request.path.endswith("/boom"):
            raise RuntimeError("fixture bug")
        body = f"{self.site_id} {request.method} {request.path} {request.body.decode()}".encode()
        return Response(200, body, [("Content-Type", "text/plain")])

    def reset(self) -> None:
        self.resets += 1


@pytest.fixture
def farm() -> Iterator[Farm]:
    sites = [
        EchoSite("one", "127.0.0.1", "/one"),
        EchoSite("two", "127.0.0.1", "/two"),
        EchoSite("far", "127.0.0.12"),
    ]
    with Farm(sites).start(0) as running:
        yield running


def call(
    host: str, port: int, method: str, target: str, body: bytes | None = None
) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(host, port, timeout=5)
    try:
        conn.request(method, target, body=body, headers={"X-Test": "yes"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_sites_share_one_port_and_are_told_apart_by_address_and_prefix(farm: Farm) -> None:
    assert call("127.0.0.1", farm.port, "GET", "/one/a.html")[1] == b"one GET /one/a.html "
    assert call("127.0.0.1", farm.port, "GET", "/two/b.html")[1] == b"two GET /two/b.html "
    assert call("127.0.0.12", farm.port, "POST", "/x", b"k=v")[1] == b"far POST /x k=v"


def test_unknown_paths_get_404_and_the_shared_robots_txt_is_served(farm: Farm) -> None:
    assert call("127.0.0.1", farm.port, "GET", "/three/c.html")[0] == 404
    status, body = call("127.0.0.1", farm.port, "GET", "/robots.txt")
    assert (status, body) == (200, b"User-agent: *\nDisallow: /search\n")


def test_a_failing_site_answers_500_instead_of_hanging(farm: Farm) -> None:
    status, body = call("127.0.0.12", farm.port, "GET", "/boom")
    assert status == 500
    assert b"fixture bug" in body


def test_head_sends_headers_only(farm: Farm) -> None:
    assert call("127.0.0.12", farm.port, "HEAD", "/x") == (200, b"")


def test_the_log_records_every_request(farm: Farm) -> None:
    call("127.0.0.12", farm.port, "POST", "/list?page=2", b"a=1")
    call("127.0.0.1", farm.port, "GET", "/one/style.css")
    call("127.0.0.1", farm.port, "GET", "/nowhere")
    first, second, third = farm.requests
    assert (first.site, first.method, first.path, first.query, first.body, first.status) == (
        "far",
        "POST",
        "/list",
        "page=2",
        b"a=1",
        200,
    )
    assert first.target == "/list?page=2"
    assert first.host == f"127.0.0.12:{farm.port}"
    assert first.headers["x-test"] == "yes"
    assert not first.is_asset
    assert (second.site, second.is_asset) == ("one", True)
    assert (third.site, third.status) == (None, 404)
    assert [r.path for r in farm.requests_for("one")] == ["/one/style.css"]
    assert first.ts <= second.ts <= third.ts


def test_reset_clears_the_log_and_every_site(farm: Farm) -> None:
    call("127.0.0.12", farm.port, "GET", "/x")
    farm.reset()
    assert farm.requests == []
    assert all(isinstance(s, EchoSite) and s.resets == 1 for s in farm.sites)


def test_urls_of_sites(farm: Farm) -> None:
    assert farm.base_url("one") == f"http://127.0.0.1:{farm.port}/one"
    assert farm.base_url("far") == f"http://127.0.0.12:{farm.port}"
    assert farm.url("one", "/one/list.htm") == f"http://127.0.0.1:{farm.port}/one/list.htm"
    assert farm.url("far", "/a?b=1") == f"http://127.0.0.12:{farm.port}/a?b=1"
    assert farm.env() == {"NOTICES_FARM_PORT": str(farm.port)}
    with pytest.raises(KeyError, match="unknown farm site 'nope'"):
        farm.base_url("nope")


def test_a_busy_fixed_port_is_an_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(OSError):
            Farm([EchoSite("one", "127.0.0.1")]).start(port)


def test_stop_releases_the_port() -> None:
    farm = Farm([EchoSite("one", "127.0.0.1")]).start(0)
    port = farm.port
    farm.stop()
    with socket.socket() as again:
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))


def test_injected_faults_answer_then_clear(farm: Farm) -> None:
    farm.fail("far", "/list", status=503, times=2, retry_after=3)
    assert call("127.0.0.12", farm.port, "GET", "/list/1")[0] == 503
    assert call("127.0.0.12", farm.port, "GET", "/other")[0] == 200  # outside the prefix
    assert call("127.0.0.12", farm.port, "GET", "/list/2")[0] == 503
    assert call("127.0.0.12", farm.port, "GET", "/list/3")[0] == 200
    farm.fail("far", status=500, times=5)
    farm.reset()
    assert call("127.0.0.12", farm.port, "GET", "/list/4")[0] == 200


def test_fault_carries_retry_after(farm: Farm) -> None:
    farm.fail("one", "/one/", status=429, retry_after=7)
    conn = http.client.HTTPConnection("127.0.0.1", farm.port, timeout=5)
    conn.request("GET", "/one/x")
    response = conn.getresponse()
    assert (response.status, response.getheader("Retry-After")) == (429, "7")
    conn.close()


def test_slow_site_times_out_a_hasty_client(farm: Farm) -> None:
    farm.slow("far", 0.5)
    conn = http.client.HTTPConnection("127.0.0.12", farm.port, timeout=0.1)
    with pytest.raises(TimeoutError):
        conn.request("GET", "/x")
        conn.getresponse()
    conn.close()
    farm.slow("far", 0)
    assert call("127.0.0.12", farm.port, "GET", "/x")[0] == 200


def test_knobs_name_known_sites(farm: Farm) -> None:
    with pytest.raises(KeyError):
        farm.fail("nope")
    with pytest.raises(KeyError):
        farm.slow("nope", 1)


def test_one_server_header_per_answer() -> None:
    class Named(EchoSite):
        def handle(self, request: Request) -> Response:
            return Response(403, b"", [("Server", "yundun")])

    with Farm([Named("n", "127.0.0.1"), EchoSite("e", "127.0.0.12")]).start(0) as farm:
        for host, server in [("127.0.0.1", "yundun"), ("127.0.0.12", "nginx")]:
            conn = http.client.HTTPConnection(host, farm.port, timeout=5)
            conn.request("GET", "/x")
            response = conn.getresponse()
            assert response.headers.get_all("Server") == [server]
            assert response.getheader("Date")
            conn.close()
