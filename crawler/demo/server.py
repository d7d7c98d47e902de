"""The farm's HTTP server: one listener per loopback address, all on the same port, with a request log."""

from __future__ import annotations

import errno
import socket
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

from crawler.demo.http import Request, Response, Site, is_asset_path, not_found

ROBOTS = b"User-agent: *\nDisallow: /search\n"
_BIND_ATTEMPTS = 20
_POLL = 0.05  # seconds between shutdown checks: how fast stop() returns


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One request as the farm saw it and what it answered."""

    site: str | None
    method: str
    path: str
    query: str
    host: str
    headers: dict[str, str]
    body: bytes
    status: int
    is_asset: bool
    ts: float  # time.monotonic() when the answer was ready, just before it is sent
    started: float  # time.monotonic() when the request arrived: in flight until `ts`

    @property
    def target(self) -> str:
        return self.path + ("?" + self.query if self.query else "")


@dataclass(slots=True)
class _Fault:
    site_id: str
    path_prefix: str
    status: int
    remaining: int
    headers: list[tuple[str, str]]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    farm: Farm

    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any
    ) -> None:
        """Clients that hang up (timeouts, stopped crawls) are normal here, not errors to print."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive, as crawlers expect
    # Headers and body go out in separate writes; with Nagle on, each answer waits for a delayed ACK.
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Silence the default stderr access log; the farm keeps its own."""

    def _serve(self, send_body: bool = True) -> None:
        started = time.monotonic()
        path, _, query = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        local_ip = self.connection.getsockname()[0]
        request = Request(self.command, path, query, headers, body, headers.get("host", ""))
        site, response = self.server.farm.dispatch(local_ip, request)
        # Logged before answering, so a client that has its answer always finds it in the log.
        self.server.farm.record(site, request, response.status, started)
        self.send_response_only(response.status)
        self.send_header("Date", self.date_time_string())
        if response.header("Server") is None:  # sites that name their server (WAFs) keep theirs
            self.send_header("Server", "nginx")
        for key, value in response.headers:
            self.send_header(key, value)
        if response.chunks is None:
            self.send_header("Content-Length", str(len(response.body)))
        elif response.header("Content-Length") is None:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if send_body and response.chunks is not None:
            for chunk in response.chunks:  # until done or the client hangs up (ConnectionError)
                self.wfile.write(chunk)
                self.wfile.flush()
        elif send_body and response.body:
            self.wfile.write(response.body)


class Farm:
    """Running sites. Use `start_farm()`; stop with `stop()` or a `with` block."""

    def __init__(self, sites: Sequence[Site]) -> None:
        self.sites = list(sites)
        self._by_id = {s.site_id: s for s in self.sites}
        self._log: list[RequestRecord] = []
        self._lock = threading.Lock()
        self._servers: list[_Server] = []
        self._threads: list[threading.Thread] = []
        self._faults: list[_Fault] = []
        self._latency: dict[str, float] = {}
        self.port = 0

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self, port: int = 0) -> Farm:
        hosts = sorted({s.host for s in self.sites})
        for _ in range(_BIND_ATTEMPTS):
            try:
                self._bind(hosts, port)
                break
            except OSError as exc:
                self._close_servers()
                if port != 0 or exc.errno != errno.EADDRINUSE:
                    raise
        else:
            raise OSError(f"could not bind one free port on all of {hosts}")
        for server in self._servers:
            thread = threading.Thread(
                target=server.serve_forever, args=(_POLL,), name="sitefarm", daemon=True
            )
            thread.start()
            self._threads.append(thread)
        return self

    def _bind(self, hosts: Iterable[str], port: int) -> None:
        chosen = port
        for host in hosts:
            server = _Server((host, chosen), _Handler)
            server.farm = self
            self._servers.append(server)
            chosen = server.server_address[1]
        self.port = chosen

    def _close_servers(self) -> None:
        for server in self._servers:
            server.server_close()
        self._servers.clear()

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
        self._close_servers()
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads.clear()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- addressing ----------------------------------------------------------------------------

    def site(self, site_id: str) -> Site:
        try:
            return self._by_id[site_id]
        except KeyError:
            raise KeyError(f"unknown farm site {site_id!r}; known: {sorted(self._by_id)}") from None

    def base_url(self, site_id: str) -> str:
        site = self.site(site_id)
        return f"http://{site.host}:{self.port}{site.prefix}"

    def url(self, site_id: str, path: str) -> str:
        """URL of a path of the site; `path` is what the truth records (demo paths carry the prefix)."""
        site = self.site(site_id)
        if site.prefix and path.startswith(site.prefix + "/"):
            path = path[len(site.prefix) :]
        return self.base_url(site_id) + path

    def env(self) -> dict[str, str]:
        return {"NOTICES_FARM_PORT": str(self.port)}

    # -- serving and the log -------------------------------------------------------------------

    def dispatch(self, local_ip: str, request: Request) -> tuple[Site | None, Response]:
        candidates = [s for s in self.sites if s.host == local_ip]
        for site in sorted(candidates, key=lambda s: len(s.prefix), reverse=True):
            if not site.prefix or request.path.startswith(site.prefix + "/"):
                delay = self._latency.get(site.site_id, 0.0)
                if delay:
                    time.sleep(delay)
                fault = self._take_fault(site.site_id, request.path)
                if fault is not None:
                    return site, fault
                try:
                    return site, site.handle(request)
                except Exception as exc:  # noqa: BLE001 -- a fixture bug must answer 500, not hang a test
                    return site, Response(500, repr(exc).encode(), [("Content-Type", "text/plain")])
        if request.path == "/robots.txt":
            return None, Response(200, ROBOTS, [("Content-Type", "text/plain")])
        return None, not_found()

    # -- fault knobs (for retry and timeout tests) ---------------------------------------------

    def fail(
        self,
        site_id: str,
        path_prefix: str = "/",
        status: int = 503,
        times: int = 1,
        retry_after: int | None = None,
    ) -> None:
        """The next `times` requests to the site under `path_prefix` answer `status`, then the
        site answers normally again. `reset()` drops pending faults."""
        self.site(site_id)
        headers = [("Content-Type", "text/html; charset=utf-8")]
        if retry_after is not None:
            headers.append(("Retry-After", str(retry_after)))
        with self._lock:
            self._faults.append(_Fault(site_id, path_prefix, status, times, headers))

    def slow(self, site_id: str, seconds: float) -> None:
        """Wait `seconds` before answering each request to the site (0 turns it off)."""
        self.site(site_id)
        with self._lock:
            self._latency[site_id] = seconds

    def _take_fault(self, site_id: str, path: str) -> Response | None:
        with self._lock:
            for fault in self._faults:
                if fault.site_id == site_id and path.startswith(fault.path_prefix):
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self._faults.remove(fault)
                    body = f"<html><head><title>{fault.status}</title></head><body></body></html>"
                    return Response(fault.status, body.encode(), list(fault.headers))
        return None

    def record(self, site: Site | None, request: Request, status: int, started: float) -> None:
        entry = RequestRecord(
            site=site.site_id if site else None,
            method=request.method,
            path=request.path,
            query=request.query,
            host=request.host,
            headers=dict(request.headers),
            body=request.body,
            status=status,
            is_asset=is_asset_path(request.path),
            ts=time.monotonic(),
            started=started,
        )
        with self._lock:
            self._log.append(entry)

    @property
    def requests(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._log)

    def requests_for(self, site_id: str) -> list[RequestRecord]:
        return [r for r in self.requests if r.site == site_id]

    def reset(self) -> None:
        """Clear the log, faults, latency and every site's request state (rate limits).
        Epochs stay as set."""
        with self._lock:
            self._log.clear()
            self._faults.clear()
            self._latency.clear()
        for site in self.sites:
            site.reset()

    def set_epoch(self, epoch: int) -> None:
        """Switch every site that changes between crawls (farm-mutable) to `epoch`."""
        changing = [s for s in self.sites if hasattr(s, "set_epoch")]
        if not changing:
            raise ValueError("no site of this farm changes between epochs")
        for site in changing:
            site.set_epoch(epoch)
