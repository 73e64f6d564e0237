"""A small static HTTP server on 127.0.0.1 for the demo corpus, the tests and the benchmarks.

It serves one directory with what a real news site's server gives a feed reader: content types
by extension (feeds sniffed as RSS or Atom), a strong ``ETag`` (hash of the body) and
``Last-Modified``, ``304 Not Modified`` for a matching ``If-None-Match`` / ``If-Modified-Since``,
``HEAD``, 404 for missing paths, and no way out of the root. Feeds and pages hold the token
``__BASE_URL__`` where an absolute link is needed; it is replaced by the server's own base URL
at serve time, so the corpus works on any port.

Tests make a path misbehave with :meth:`CorpusServer.set_override` (a 500, a slow answer that
times out, HTML instead of XML) and count what was fetched with :attr:`CorpusServer.requests`.

Each response (headers and body) is sent in one write with ``TCP_NODELAY`` set, so keep-alive
clients do not stall 40 ms on Nagle's algorithm meeting delayed ACKs.

    with serve_directory(Path("corpus")) as server:
        httpx.get(f"{server.base_url}/feeds/a.xml")
"""

from __future__ import annotations

import collections
import email.utils
import hashlib
import mimetypes
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

BASE_URL_TOKEN = b"__BASE_URL__"
DEMO_CORPUS_DIR = Path(__file__).parent / "demo_corpus"  # the bundled sample corpus (see its SOURCES.md)
SUBSTITUTED_SUFFIXES = frozenset({".xml", ".html", ".htm", ".rss", ".atom"})
TEXT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
}
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
SNIFF_BYTES = 2048


@dataclass(frozen=True)
class Override:
    """How one path misbehaves: a status, a body, a delay before answering, extra headers."""

    status: int | None = None
    body: bytes | None = None
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


def content_type_for(path: str, body: bytes) -> str:
    """The Content-Type for a file: by extension, feeds sniffed as RSS or Atom."""
    suffix = Path(path).suffix.lower()
    if suffix in FEED_SUFFIXES:
        head = body[:SNIFF_BYTES].lower()
        if b"<feed" in head:
            return "application/atom+xml; charset=utf-8"
        if b"<rss" in head or b"<rdf:rdf" in head:
            return "application/rss+xml; charset=utf-8"
        return "application/xml; charset=utf-8"
    if suffix in TEXT_TYPES:
        return TEXT_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path)
    return guessed or "application/octet-stream"


def _sniff_override_type(path: str, body: bytes) -> str:
    head = body[:SNIFF_BYTES].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "text/html; charset=utf-8"
    return content_type_for(path, body)


class CorpusServer(ThreadingHTTPServer):
    """A threaded HTTP server over one directory; see the module docstring."""

    daemon_threads = True
    request_queue_size = 128  # the default backlog of 5 drops SYNs of concurrent clients: a 1 s retransmit stall
    allow_reuse_address = True

    def __init__(self, root: Path, *, host: str = "127.0.0.1", port: int = 0, substitute: bool = True) -> None:
        self.root = Path(root).resolve()
        self.substitute = substitute
        self.requests: collections.Counter[str] = collections.Counter()
        self._overrides: dict[str, Override] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        super().__init__((host, port), _Handler)
        bound_host, bound_port = self.server_address[:2]
        self.base_url = f"http://{host or bound_host}:{bound_port}"

    # -- test controls -------------------------------------------------------------------------

    def set_override(
        self,
        path: str,
        status: int | None = None,
        body: bytes | None = None,
        delay: float = 0.0,
        headers: dict | None = None,
    ) -> None:
        """Make ``path`` (e.g. ``/feeds/a.xml``) answer with this status/body, after ``delay`` seconds.

        With neither status nor body, the file is served as usual after the delay.
        """
        with self._lock:
            self._overrides[_normalise(path)] = Override(status, body, delay, dict(headers or {}))

    def clear_overrides(self) -> None:
        """Serve every path from the directory again."""
        with self._lock:
            self._overrides.clear()

    def url(self, path: str) -> str:
        """The absolute URL of a path on this server."""
        return self.base_url + _normalise(path)

    # -- internals -----------------------------------------------------------------------------

    def override_for(self, path: str) -> Override | None:
        with self._lock:
            return self._overrides.get(path)

    def count(self, path: str) -> None:
        with self._lock:
            self.requests[path] += 1

    def track(self, conn: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True if the server is stopping."""
        return self._stopping.wait(seconds)

    def stop(self) -> None:
        """Stop serving, end delayed answers and close open keep-alive connections."""
        self._stopping.set()
        self.shutdown()
        with self._lock:
            conns = list(self._connections)
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self.server_close()

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        """Stay quiet: clients that hang up early (timeouts) are expected here."""


def _normalise(path: str) -> str:
    path = unquote(urlsplit(path).path) or "/"
    return path if path.startswith("/") else "/" + path


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "newsmon-corpus/1"
    timeout = 60
    server: CorpusServer

    def setup(self) -> None:
        super().setup()
        try:
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass
        self.server.track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, add=False)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """No logging to stderr."""

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    # -- one request ---------------------------------------------------------------------------

    def _serve(self, *, head: bool) -> None:
        path = _normalise(self.path)
        self.server.count(path)
        override = self.server.override_for(path)
        if override is not None and override.delay > 0:
            if self.server.wait(override.delay):
                self.close_connection = True
                return
        if override is not None and (override.status is not None or override.body is not None):
            self._send_override(path, override, head=head)
            return
        extra = override.headers if override is not None else {}
        file = self._resolve(path)
        if file is None:
            self._send_plain(HTTPStatus.NOT_FOUND, head=head, extra=extra)
            return
        try:
            body = file.read_bytes()
            mtime = file.stat().st_mtime
        except OSError:
            self._send_plain(HTTPStatus.NOT_FOUND, head=head, extra=extra)
            return
        if self.server.substitute and file.suffix.lower() in SUBSTITUTED_SUFFIXES:
            body = body.replace(BASE_URL_TOKEN, self.server.base_url.encode())
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        last_modified = email.utils.formatdate(int(mtime), usegmt=True)
        validators = {"ETag": etag, "Last-Modified": last_modified}
        if self._not_modified(etag, int(mtime)):
            self._send(HTTPStatus.NOT_MODIFIED, b"", {**validators, **extra}, head=True, length=False)
            return
        headers = {"Content-Type": content_type_for(file.name, body), **validators, **extra}
        self._send(HTTPStatus.OK, body, headers, head=head)

    def _resolve(self, path: str) -> Path | None:
        if "\x00" in path:
            return None
        root = self.server.root
        try:
            candidate = (root / path.lstrip("/")).resolve()
        except (OSError, RuntimeError, ValueError):
            return None
        if not candidate.is_relative_to(root) or not candidate.is_file():
            return None
        return candidate

    def _not_modified(self, etag: str, mtime: int) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = [t.strip() for t in if_none_match.split(",")]
            # weak comparison, as RFC 9110 asks for If-None-Match
            return "*" in tags or any(t.removeprefix("W/") == etag for t in tags)
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since:
            try:
                since = email.utils.parsedate_to_datetime(if_modified_since).timestamp()
            except (TypeError, ValueError, IndexError, OverflowError):
                return False
            return mtime <= since
        return False

    def _send_override(self, path: str, override: Override, *, head: bool) -> None:
        status = override.status if override.status is not None else 200
        body = override.body
        if body is None:
            body = f"{status} {_phrase(status)}\n".encode()
            content_type = "text/plain; charset=utf-8"
        else:
            if self.server.substitute:
                body = body.replace(BASE_URL_TOKEN, self.server.base_url.encode())
            content_type = _sniff_override_type(path, body)
        headers = {"Content-Type": content_type, **override.headers}
        self._send(status, body, headers, head=head)

    def _send_plain(self, status: int, *, head: bool, extra: dict[str, str]) -> None:
        body = f"{status} {_phrase(status)}\n".encode()
        self._send(status, body, {"Content-Type": "text/plain; charset=utf-8", **extra}, head=head)

    def _send(self, status: int, body: bytes, headers: dict[str, str], *, head: bool, length: bool = True) -> None:
        """Write the status line, headers and body in one ``sendall``."""
        lines = [
            f"HTTP/1.1 {int(status)} {_phrase(status)}",
            f"Server: {self.server_version}",
            f"Date: {email.utils.formatdate(usegmt=True)}",
        ]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        if length and not any(name.lower() == "content-length" for name in headers):
            lines.append(f"Content-Length: {len(body)}")
        if self.close_connection:
            lines.append("Connection: close")
        payload = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
        if not head:
            payload += body
        try:
            self.wfile.write(payload)
        except OSError:
            self.close_connection = True


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Status"


@contextmanager
def serve_directory(
    root: Path, *, host: str = "127.0.0.1", port: int = 0, substitute: bool = True
) -> Iterator[CorpusServer]:
    """Serve ``root`` over HTTP on ``host:port`` (0: a free port) for the ``with`` block."""
    server = CorpusServer(Path(root), host=host, port=port, substitute=substitute)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="corpus-server", daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.stop()
        thread.join(timeout=5)
