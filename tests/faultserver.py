"""A fault-injecting HTTP server on 127.0.0.1 for tests (threaded, one free port per instance).

Pass ``ssl_context`` for an https server (e.g. a self-signed certificate made in the test).

Usage::

    with FaultServer() as srv:
        srv.add_static("/feed.xml", body, content_type="application/rss+xml", etag='"v1"')
        url = srv.url("/feed.xml")
        ...
        assert srv.count("/feed.xml") == 1

Every request is counted per path (query string excluded) and recorded in ``srv.requests``, so a
test can assert that a blocked destination received nothing. Built-in routes (see
`FaultServer._install_defaults`): ``/ok.xml``, ``/drip``, ``/429``, ``/503``, ``/503-date``,
``/429-huge``, ``/loop/a`` <-> ``/loop/b``, ``/chain/<n>`` (n redirects then a feed), ``/bomb.xml``
(gzip that inflates to 200 MiB), ``/big`` (12 MiB plain, with Content-Length), ``/big-chunked``
(12 MiB chunked, no length), ``/huge-length`` (Content-Length 1 TB, small body), ``/pdf``,
``/image``, ``/video``, ``/html``, ``/json``, ``/empty``, ``/whitespace``, ``/401``, ``/404``,
``/410``, ``/500``.
"""

from __future__ import annotations

import collections
import gzip
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

SAMPLE_FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Fault server feed</title><link>http://example.org/</link>
<item><title>First</title><link>http://example.org/a1</link><guid>a1</guid>
<pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><description>One</description></item>
<item><title>Second</title><link>http://example.org/a2</link><guid>a2</guid>
<description>Two</description></item>
</channel></rss>
"""


@dataclass
class Request:
    """What the server saw."""

    method: str
    path: str
    query: str
    headers: dict[str, str]


@dataclass
class Response:
    """What a route answers. ``body`` may be an iterable of chunks when ``chunked``."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    chunks: list[bytes] | None = None  # sent with Transfer-Encoding: chunked
    drip_interval: float = 0.0  # seconds between single bytes of body
    content_length: int | None = None  # override the Content-Length header


Handler = Callable[[Request], Response]

_bomb_cache: dict[int, bytes] = {}


def gzip_bomb(decoded_size: int = 200 * 2**20) -> bytes:
    """A gzip body of zeros inflating to ``decoded_size`` bytes (cached; ~200 KB for 200 MiB)."""
    if decoded_size not in _bomb_cache:
        comp = zlib.compressobj(9, zlib.DEFLATED, 31)
        block = b"\x00" * 2**20
        parts = []
        remaining = decoded_size
        while remaining > 0:
            n = min(remaining, len(block))
            parts.append(comp.compress(block[:n]))
            remaining -= n
        parts.append(comp.flush())
        _bomb_cache[decoded_size] = b"".join(parts)
    return _bomb_cache[decoded_size]


def static(
    body: bytes,
    *,
    content_type: str = "application/rss+xml",
    etag: str | None = None,
    last_modified: str | None = None,
    headers: dict[str, str] | None = None,
    gzipped: bool = False,
) -> Handler:
    """A handler serving ``body`` with validators, answering 304 to a matching conditional GET."""

    def handle(req: Request) -> Response:
        inm = req.headers.get("if-none-match")
        ims = req.headers.get("if-modified-since")
        hdrs = {"Content-Type": content_type}
        if etag:
            hdrs["ETag"] = etag
        if last_modified:
            hdrs["Last-Modified"] = last_modified
        if (etag and inm == etag) or (not etag and last_modified and ims == last_modified):
            return Response(304, {k: v for k, v in hdrs.items() if k != "Content-Type"})
        hdrs.update(headers or {})
        data = body
        if gzipped:
            data = gzip.compress(body)
            hdrs["Content-Encoding"] = "gzip"
        return Response(200, hdrs, data)

    return handle


def redirect(location: str, status: int = 302) -> Handler:
    """A handler redirecting to ``location``."""
    return lambda req: Response(status, {"Location": location})


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # silence stderr
        return

    def do_GET(self) -> None:  # noqa: N802
        self._handle()

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle()

    def _handle(self) -> None:
        parts = urlsplit(self.path)
        req = Request(self.command, parts.path, parts.query, {k.lower(): v for k, v in self.headers.items()})
        owner = self.server.owner
        with owner.lock:
            owner.hits[parts.path] += 1
            owner.requests.append(req)
        handler = owner.routes.get(parts.path) or owner.match_prefix(parts.path)
        resp = handler(req) if handler else Response(404, {"Content-Type": "text/plain"}, b"not found")
        self.close_connection = True
        try:
            self._send(resp)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, OSError):
            pass

    def _send(self, resp: Response) -> None:
        self.send_response(resp.status)
        for k, v in resp.headers.items():
            self.send_header(k, v)
        self.send_header("Connection", "close")
        if resp.chunks is not None:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for chunk in resp.chunks:
                if chunk:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
            return
        length = resp.content_length if resp.content_length is not None else len(resp.body)
        if resp.status not in (204, 304):
            self.send_header("Content-Length", str(length))
        self.end_headers()
        if self.command == "HEAD" or resp.status in (204, 304):
            return
        if resp.drip_interval > 0:
            for i in range(len(resp.body)):
                self.wfile.write(resp.body[i : i + 1])
                self.wfile.flush()
                if self.server.owner.stopping.wait(resp.drip_interval):
                    return
        else:
            self.wfile.write(resp.body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    allow_reuse_address = True
    owner: FaultServer

    def handle_error(self, request: object, client_address: object) -> None:  # failed TLS handshakes etc.
        return


class FaultServer:
    """Context manager: a fault-injecting HTTP server on ``host`` (loopback only) in a thread."""

    def __init__(self, host: str = "127.0.0.1", *, defaults: bool = True, ssl_context: ssl.SSLContext | None = None) -> None:
        if not host.startswith("127."):
            raise ValueError("FaultServer binds to loopback addresses only")
        self.host = host
        self.ssl_context = ssl_context
        self.routes: dict[str, Handler] = {}
        self.prefix_routes: dict[str, Handler] = {}
        self.hits: collections.Counter[str] = collections.Counter()
        self.requests: list[Request] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        if defaults:
            self._install_defaults()

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> FaultServer:
        self._server = _Server((self.host, 0), _RequestHandler)
        self._server.owner = self
        if self.ssl_context is not None:
            self._server.socket = self.ssl_context.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05})
        self._thread.daemon = True
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    @property
    def port(self) -> int:
        assert self._server is not None, "server not started"
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    @property
    def scheme(self) -> str:
        return "https" if self.ssl_context is not None else "http"

    def url(self, path: str, *, host: str | None = None) -> str:
        """Absolute URL of ``path`` on this server (``host`` may be another name for it)."""
        return f"{self.scheme}://{host or self.host}:{self.port}{path}"

    # -- routes ----------------------------------------------------------------------------
    def route(self, path: str, handler: Handler | Response) -> None:
        """Install a handler (or a fixed `Response`) for an exact path."""
        self.routes[path] = handler if callable(handler) else (lambda req, r=handler: r)

    def route_prefix(self, prefix: str, handler: Handler) -> None:
        self.prefix_routes[prefix] = handler

    def match_prefix(self, path: str) -> Handler | None:
        for prefix, handler in self.prefix_routes.items():
            if path.startswith(prefix):
                return handler
        return None

    def add_static(self, path: str, body: bytes, **kwargs: object) -> None:
        """Serve ``body`` at ``path`` (see `static` for ETag / Last-Modified / gzip options)."""
        self.route(path, static(body, **kwargs))  # type: ignore[arg-type]

    def add_redirect(self, path: str, location: str, status: int = 302) -> None:
        self.route(path, redirect(location, status))

    def count(self, path: str) -> int:
        """Requests received for ``path`` (query excluded)."""
        with self.lock:
            return self.hits[path]

    @property
    def total(self) -> int:
        with self.lock:
            return sum(self.hits.values())

    def _install_defaults(self) -> None:
        xml = "application/rss+xml"
        self.add_static("/ok.xml", SAMPLE_FEED, content_type=xml, etag='"v1-abc"',
                        last_modified="Mon, 02 Jun 2025 10:00:00 GMT")
        self.route("/drip", Response(200, {"Content-Type": xml}, SAMPLE_FEED[:40], drip_interval=0.4))
        self.route("/429", Response(429, {"Retry-After": "120", "Content-Type": "text/plain"}, b"slow down"))
        self.route("/429-huge", Response(429, {"Retry-After": "99999999"}, b"slow down"))
        self.route("/503", Response(503, {"Retry-After": "120"}, b"busy"))
        self.route("/503-date", lambda req: Response(
            503, {"Retry-After": time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 300))}, b"busy"))
        self.add_redirect("/loop/a", "/loop/b")
        self.add_redirect("/loop/b", "/loop/a")

        def chain(req: Request) -> Response:
            n = int(req.path.rsplit("/", 1)[1] or 0)
            if n <= 0:
                return Response(200, {"Content-Type": xml}, SAMPLE_FEED)
            return Response(301, {"Location": f"/chain/{n - 1}"})

        self.route_prefix("/chain/", chain)
        self.route("/bomb.xml", lambda req: Response(
            200, {"Content-Type": xml, "Content-Encoding": "gzip"}, gzip_bomb()))
        self.route("/big", lambda req: Response(200, {"Content-Type": xml}, b"x" * (12 * 2**20)))
        self.route("/big-chunked", lambda req: Response(
            200, {"Content-Type": xml}, chunks=[b"y" * 2**20 for _ in range(12)]))
        self.route("/huge-length", Response(200, {"Content-Type": xml}, b"", content_length=10**12))
        self.route("/pdf", Response(200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\x00" * 1000))
        self.route("/image", Response(200, {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff" * 1000))
        self.route("/video", Response(200, {"Content-Type": "video/mp4"}, b"\x00" * 1000))
        self.route("/html", Response(200, {"Content-Type": "text/html; charset=utf-8"},
                                     b"<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
                                     b"<body><p>Checking your browser</p></body></html>"))
        self.route("/json", Response(200, {"Content-Type": "application/json"}, b'{"error": "not found"}'))
        self.route("/empty", Response(200, {"Content-Type": xml}, b""))
        self.route("/whitespace", Response(200, {"Content-Type": xml}, b"  \r\n\t \n"))
        self.route("/401", Response(401, {"WWW-Authenticate": 'Basic realm="x"'}, b"unauthorized"))
        self.route("/404", Response(404, {}, b"missing"))
        self.route("/410", Response(410, {}, b"gone"))
        self.route("/500", Response(500, {}, b"boom"))
