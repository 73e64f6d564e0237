"""The one HTTP chokepoint: every feed, article and feed-supplied URL is fetched through `Fetcher`.

What it guarantees for each fetch:

* only ``http``/``https``, on the first URL and on every redirect hop; redirects are followed by hand
  (at most ``max_redirects``), ``https`` -> ``http`` downgrades and loops are refused;
* the address actually connected to is public (`newsmon.netguard.GuardedBackend`, opened only by
  ``allow_private_networks`` / ``allowed_hosts``); proxies from the environment are ignored;
* a wall-clock deadline per fetch (``asyncio.timeout``) on top of httpx's per-phase timeouts;
* the *decoded* body is capped while streaming: gzip/deflate are decoded here from the raw stream with
  a bounded ``zlib`` decompressor; ``Content-Length`` is checked first;
* articles that are not HTML/text (PDF, images, video...) are skipped before their body is read;
* conditional GET with the stored validators echoed verbatim; 304 -> ``not_modified``;
* ``Retry-After`` (seconds or HTTP date) parsed and capped; global and per-host concurrency limits
  and an optional minimum interval between requests to one host.

Nothing raises: every failure comes back as a `FetchResult` whose `FetchError` has a ``kind`` from
`ERROR_KINDS` and a message with credentials and token-like query values redacted. The ``httpx`` and
``httpcore`` loggers (which print full URLs at INFO) are set to WARNING on import.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from urllib.parse import urlsplit

import httpcore
import httpx

from extractors.urls import SAFE_SCHEMES, redact_text, redact_url
from newsmon.netguard import GuardedBackend, GuardError, Resolver

logger = logging.getLogger(__name__)
for _name in ("httpx", "httpcore"):
    logging.getLogger(_name).setLevel(logging.WARNING)

ERROR_KINDS = (
    "dns",  # the host name did not resolve
    "connect",  # connection refused / reset / broken while reading
    "tls",  # certificate or TLS handshake failure (verification is always on)
    "timeout",  # httpx connect/read/write/pool timeout
    "deadline",  # the per-fetch wall-clock deadline expired
    "http_status",  # 4xx/5xx (status set)
    "rate_limited",  # 429, or 503 with Retry-After (retry_after set)
    "redirect",  # too many hops, loop, https->http downgrade, 3xx without Location
    "blocked_destination",  # resolved to a non-public address, or a unix socket
    "unsupported_scheme",  # not http/https (first URL or any hop)
    "invalid_url",  # the URL cannot be parsed
    "too_large",  # Content-Length or decoded body over the cap
    "unsupported_content",  # content type not fetched for this kind, or unknown content-encoding
    "protocol",  # malformed HTTP or compressed stream
)

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
ARTICLE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5, */*;q=0.1"

# Content types never read (any kind); for articles only ARTICLE_TYPES (or no type at all) are read,
# so application/octet-stream is refused for articles but tolerated for feeds (misconfigured servers).
BINARY_TYPE_PREFIXES = ("image/", "video/", "audio/", "font/", "model/")
BINARY_TYPES = frozenset(
    {
        "application/pdf", "application/zip", "application/gzip", "application/x-gzip", "application/msword", "application/vnd.ms-excel",
        "application/x-tar", "application/x-7z-compressed", "application/x-rar-compressed",
        "application/wasm", "application/x-shockwave-flash",
    }
)
ARTICLE_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml"}
)

_READ_CHUNK = 64 * 1024
_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
_PERMANENT_CODES = frozenset({301, 308})


@dataclass(frozen=True, kw_only=True)
class FetchOptions:
    """Fetch settings; defaults as in ``newsmon/default_config.toml`` ``[fetch]``."""

    timeout: float = 10.0  # seconds per connect/read/write phase
    deadline: float = 30.0  # wall-clock seconds per fetch, redirects included
    concurrency: int = 10
    per_host: int = 2
    max_redirects: int = 5
    max_feed_bytes: int = 10 * 2**20
    max_article_bytes: int = 5 * 2**20
    user_agent: str = "newsmon/0.1 (news monitor; +https://github.com/newsmon/newsmon)"
    allow_private_networks: bool = False
    allowed_hosts: tuple[str, ...] = ()
    min_host_interval: float = 0.0  # minimum delay between request starts to one host
    max_retry_after: float = 24 * 3600.0  # cap on a server's Retry-After, seconds
    ca_file: str | None = None  # extra CA bundle (tests, private CAs); verification is never off
    max_entries_per_feed: int = 500  # not used here: parse_feed(max_entries=...) (kept so [fetch] maps 1:1)

    def __post_init__(self) -> None:
        object.__setattr__(self, "allowed_hosts", tuple(self.allowed_hosts or ()))


@dataclass(frozen=True)
class FetchError:
    """Why a fetch failed: ``kind`` from `ERROR_KINDS`, a redacted message, the HTTP status if any."""

    kind: str
    message: str
    status: int | None = None


@dataclass(frozen=True)
class FetchResult:
    """Outcome of one fetch (never an exception)."""

    url: str
    final_url: str
    status: int | None
    headers: dict[str, str]
    body: bytes | None
    etag: str | None
    last_modified: str | None
    not_modified: bool
    error: FetchError | None
    retry_after: float | None
    permanent_redirect: str | None
    elapsed: float
    redirects: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True for a 2xx body or a 304."""
        return self.error is None


class _TooLarge(Exception):
    pass


class _Unsupported(Exception):
    pass


class _Failure(Exception):
    """Internal: a classified failure inside one fetch."""

    def __init__(self, kind: str, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.error = FetchError(kind=kind, message=message, status=status)


class BoundedDecoder:
    """Decode a gzip/deflate/identity byte stream chunk by chunk, refusing to exceed ``cap`` bytes."""

    def __init__(self, content_encoding: str | None, cap: int) -> None:
        enc = (content_encoding or "identity").strip().lower()
        if enc in ("", "identity"):
            self._mode = "identity"
        elif enc in ("gzip", "x-gzip"):
            self._mode = "gzip"
        elif enc == "deflate":
            self._mode = "deflate"
        else:
            raise _Unsupported(f"unsupported Content-Encoding {enc!r}")
        self.cap = cap
        self._out = bytearray()
        self._d: zlib._Decompress | None = None  # type: ignore[name-defined]

    def _new(self, first: bytes) -> zlib._Decompress:  # type: ignore[name-defined]
        if self._mode == "gzip":
            return zlib.decompressobj(31)
        # "deflate" is zlib-wrapped per the RFC, raw deflate in the wild
        if len(first) >= 2 and first[0] & 0x0F == 8 and ((first[0] << 8) | first[1]) % 31 == 0:
            return zlib.decompressobj(15)
        return zlib.decompressobj(-15)

    def _append(self, data: bytes) -> None:
        if len(self._out) + len(data) > self.cap:
            raise _TooLarge(f"decoded body exceeds {self.cap} bytes")
        self._out += data

    def feed(self, chunk: bytes) -> None:
        """Add raw bytes from the wire."""
        if self._mode == "identity":
            self._append(chunk)
            return
        while chunk:
            if self._d is None:
                self._d = self._new(chunk)
            room = self.cap - len(self._out) + 1
            data = self._d.decompress(chunk, max(1, min(room, _READ_CHUNK)))
            self._append(data)
            chunk = self._d.unconsumed_tail
            if not chunk and self._d.eof and self._d.unused_data:
                chunk = self._d.unused_data  # next gzip member
                if self._mode == "gzip" and not chunk.lstrip(b"\x00"):
                    return  # trailing padding
                self._d = None

    def finish(self) -> bytes:
        """Flush and return the decoded body."""
        if self._d is not None and not self._d.eof:
            self._append(self._d.flush(self.cap - len(self._out) + 1))
        return bytes(self._out)


def parse_retry_after(value: str | None, *, cap: float, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or HTTP date), within [0, cap]."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(int(value[:12]))
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when is None:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(seconds, 0.0), cap)


def _media_type(headers: httpx.Headers) -> str:
    return headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _ssl_in_chain(exc: BaseException) -> bool:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, ssl.SSLError | ssl.CertificateError):
            return True
        cur = cur.__cause__ or cur.__context__
    text = str(exc)
    return "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text


def classify_exception(exc: BaseException) -> FetchError:
    """Map an exception raised during a fetch to a `FetchError` (message redacted)."""
    message = redact_text(f"{type(exc).__name__}: {exc}")[:500]
    if isinstance(exc, GuardError):
        return FetchError(exc.kind, redact_text(str(exc))[:500])
    if isinstance(exc, _TooLarge):
        return FetchError("too_large", str(exc))
    if isinstance(exc, _Unsupported):
        return FetchError("unsupported_content", str(exc))
    if isinstance(exc, TimeoutError):
        return FetchError("deadline", "fetch deadline expired")
    if isinstance(exc, httpx.TimeoutException):
        return FetchError("timeout", message)
    if isinstance(exc, httpx.ConnectError):
        return FetchError("tls" if _ssl_in_chain(exc) else "connect", message)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return FetchError("unsupported_scheme", message)
    if isinstance(exc, httpx.InvalidURL | httpcore.UnsupportedProtocol):
        return FetchError("invalid_url", message)
    if isinstance(exc, httpx.ProtocolError | httpx.DecodingError | zlib.error):
        return FetchError("protocol", message)
    if isinstance(exc, httpx.NetworkError | httpx.TransportError | OSError):
        return FetchError("tls" if _ssl_in_chain(exc) else "connect", message)
    return FetchError("connect", message)


def _valid_header_value(value: str | None) -> bool:
    """A stored validator that can be sent back as-is (no CR/LF/control characters, latin-1, bounded)."""
    if not value or len(value) > 1024:
        return False
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return not any(ord(ch) < 32 and ch != "\t" or ord(ch) == 127 for ch in value)


def _check_url(url: str) -> tuple[str, str]:
    """Return (scheme, host) of an absolute http(s) URL, or raise `_Failure`."""
    try:
        parts = urlsplit(url)
        _ = parts.port
    except ValueError as exc:
        raise _Failure("invalid_url", f"invalid URL {redact_url(url)!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES:
        raise _Failure("unsupported_scheme", f"scheme {scheme or '(none)'!r} is not fetched (http/https only)")
    if not parts.hostname:
        raise _Failure("invalid_url", f"URL without host: {redact_url(url)!r}")
    return scheme, parts.hostname.lower()


@dataclass
class _Hop:
    status: int
    headers: httpx.Headers
    url: str
    body: bytes | None = None
    location: str | None = None


class Fetcher:
    """Async context manager owning the run's single ``httpx.AsyncClient`` and its limits."""

    def __init__(self, options: FetchOptions | None = None, *, resolver: Resolver | None = None) -> None:
        self.options = options or FetchOptions()
        self._client: httpx.AsyncClient | None = None
        self._global: asyncio.Semaphore | None = None
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._last_start: dict[str, float] = {}
        self._pace_locks: dict[str, asyncio.Lock] = {}
        self.backend = GuardedBackend(
            allow_private_networks=self.options.allow_private_networks,
            allowed_hosts=self.options.allowed_hosts,
            resolver=resolver,
        )

    def _make_client(self) -> httpx.AsyncClient:
        opts = self.options
        ssl_context = httpx.create_ssl_context(verify=True, trust_env=False)
        if opts.ca_file:
            ssl_context.load_verify_locations(cafile=opts.ca_file)
        limits = httpx.Limits(
            max_connections=max(opts.concurrency, 1) + 2,
            max_keepalive_connections=max(opts.concurrency, 1),
        )
        transport = httpx.AsyncHTTPTransport(verify=ssl_context, trust_env=False, retries=0, limits=limits)
        # Same pool httpx would build, with the guarded network backend (no public hook exists yet).
        transport._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=False,
            retries=0,
            network_backend=self.backend,
        )
        return httpx.AsyncClient(
            transport=transport,
            timeout=httpx.Timeout(opts.timeout),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": opts.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    async def __aenter__(self) -> Fetcher:
        self._client = self._make_client()
        self._global = asyncio.Semaphore(max(self.options.concurrency, 1))
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def _host_sem(self, host: str) -> asyncio.Semaphore:
        sem = self._hosts.get(host)
        if sem is None:
            sem = self._hosts[host] = asyncio.Semaphore(max(self.options.per_host, 1))
        return sem

    async def _pace(self, host: str) -> None:
        interval = self.options.min_host_interval
        if interval <= 0:
            return
        lock = self._pace_locks.setdefault(host, asyncio.Lock())
        async with lock:
            last = self._last_start.get(host)
            now = time.monotonic()
            if last is not None and now - last < interval:
                await asyncio.sleep(interval - (now - last))
            self._last_start[host] = time.monotonic()

    async def fetch(
        self,
        url: str,
        *,
        kind: str = "feed",
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult:
        """Fetch one URL (``kind`` "feed" or "article"); never raises for network or HTTP failures."""
        if self._client is None or self._global is None:
            raise RuntimeError("Fetcher must be used as 'async with Fetcher(options) as f'")
        start = time.monotonic()
        async with self._global:
            try:
                return await self._fetch(url, kind, etag, last_modified, start)
            except _Failure as failure:
                err = failure.error
            except Exception as exc:  # the chokepoint never lets a failure escape
                logger.debug("unexpected fetch failure", exc_info=True)
                err = classify_exception(exc)
        logger.info("fetch failed: %s %s (%s)", err.kind, redact_url(url), err.message)
        return self._result(url, url, start, error=err, status=err.status, validators=(etag, last_modified))

    def _result(
        self,
        url: str,
        final_url: str,
        start: float,
        *,
        status: int | None = None,
        headers: httpx.Headers | None = None,
        body: bytes | None = None,
        error: FetchError | None = None,
        not_modified: bool = False,
        retry_after: float | None = None,
        permanent_redirect: str | None = None,
        validators: tuple[str | None, str | None] = (None, None),
        redirects: tuple[str, ...] = (),
    ) -> FetchResult:
        hdrs = dict(headers.items()) if headers is not None else {}
        etag = hdrs.get("etag") or (validators[0] if not_modified or error else None)
        last_mod = hdrs.get("last-modified") or (validators[1] if not_modified or error else None)
        return FetchResult(
            url=url,
            final_url=final_url,
            status=status,
            headers=hdrs,
            body=body,
            etag=etag,
            last_modified=last_mod,
            not_modified=not_modified,
            error=error,
            retry_after=retry_after,
            permanent_redirect=permanent_redirect,
            elapsed=time.monotonic() - start,
            redirects=redirects,
        )

    async def _fetch(
        self, url: str, kind: str, etag: str | None, last_modified: str | None, start: float
    ) -> FetchResult:
        opts = self.options
        cap = opts.max_article_bytes if kind == "article" else opts.max_feed_bytes
        headers = {"Accept": ARTICLE_ACCEPT if kind == "article" else FEED_ACCEPT}
        if _valid_header_value(etag):
            headers["If-None-Match"] = etag  # verbatim, quotes and W/ included
        if _valid_header_value(last_modified):
            headers["If-Modified-Since"] = last_modified
        current = url.strip()
        scheme, host = _check_url(current)
        visited = {current}
        chain: list[tuple[int, str]] = []
        spent = 0.0
        while True:
            async with self._host_sem(host):
                await self._pace(host)
                remaining = opts.deadline - spent
                hop_start = time.monotonic()
                try:
                    if remaining <= 0:
                        raise TimeoutError
                    async with asyncio.timeout(remaining):
                        hop = await self._hop(current, headers, kind, cap)
                finally:
                    spent += time.monotonic() - hop_start
            if hop.location is None:
                break
            if len(chain) >= opts.max_redirects:
                raise _Failure("redirect", f"more than {opts.max_redirects} redirects", hop.status)
            try:
                target = str(httpx.URL(current).join(hop.location))
            except (httpx.InvalidURL, ValueError) as exc:
                raise _Failure("redirect", f"invalid redirect target: {redact_text(str(exc))}", hop.status) from None
            new_scheme, new_host = _check_url(target)
            if scheme == "https" and new_scheme == "http":
                raise _Failure("redirect", f"refused https->http downgrade to {redact_url(target)}", hop.status)
            if target in visited:
                raise _Failure("redirect", f"redirect loop at {redact_url(target)}", hop.status)
            visited.add(target)
            chain.append((hop.status, target))
            current, scheme, host = target, new_scheme, new_host

        status = hop.status
        redirects = tuple(t for _, t in chain)
        permanent = current if chain and all(code in _PERMANENT_CODES for code, _ in chain) else None
        validators = (etag, last_modified)
        if status == 304:
            return self._result(url, current, start, status=304, headers=hop.headers, not_modified=True,
                                validators=validators, redirects=redirects, permanent_redirect=permanent)
        if 200 <= status < 300:
            return self._result(url, current, start, status=status, headers=hop.headers, body=hop.body,
                                validators=validators, redirects=redirects, permanent_redirect=permanent)
        retry_after = parse_retry_after(hop.headers.get("retry-after"), cap=opts.max_retry_after)
        reason = httpx.codes.get_reason_phrase(status) or "error"
        message = f"HTTP {status} {reason} from {redact_url(current)}"
        kind_ = "http_status"
        if status == 429 or (status == 503 and retry_after is not None):
            kind_ = "rate_limited"
        elif status == 403 and hop.headers.get("cf-mitigated", "").lower() == "challenge":
            message += " (Cloudflare challenge page)"
        elif 300 <= status < 400:
            kind_ = "redirect"
            message = f"HTTP {status} without a usable Location from {redact_url(current)}"
        err = FetchError(kind_, message, status)
        logger.info("fetch failed: %s %s", kind_, message)
        return self._result(url, current, start, status=status, headers=hop.headers, error=err,
                            retry_after=retry_after, validators=validators, redirects=redirects)

    async def _hop(self, url: str, headers: dict[str, str], kind: str, cap: int) -> _Hop:
        assert self._client is not None
        request = self._client.build_request("GET", url, headers=headers)
        response = await self._client.send(request, stream=True)
        try:
            status = response.status_code
            if status in _REDIRECT_CODES and response.headers.get("location"):
                return _Hop(status, response.headers, url, location=response.headers["location"])
            if not 200 <= status < 300:
                return _Hop(status, response.headers, url)
            media = _media_type(response.headers)
            if media in BINARY_TYPES or media.startswith(BINARY_TYPE_PREFIXES) or (
                kind == "article" and media and media not in ARTICLE_TYPES
            ):
                raise _Failure("unsupported_content", f"content type {media!r} is not fetched for {kind}s", status)
            length = response.headers.get("content-length")
            if length and length.strip().isdigit() and int(length) > cap:
                raise _Failure("too_large", f"Content-Length {int(length)} exceeds the cap of {cap} bytes", status)
            try:
                decoder = BoundedDecoder(response.headers.get("content-encoding"), cap)
                async for chunk in response.aiter_raw(_READ_CHUNK):
                    decoder.feed(chunk)
                body = decoder.finish()
            except (_TooLarge, _Unsupported, zlib.error) as exc:
                err = classify_exception(exc)
                raise _Failure(err.kind, err.message, status) from None
            logger.debug("fetched %s: %d, %d bytes", redact_url(url), status, len(body))
            return _Hop(status, response.headers, url, body=body)
        finally:
            await response.aclose()

    async def fetch_many(
        self,
        requests: Iterable[tuple[str, dict]],
        *,
        kind: str,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[FetchResult]:
        """Fetch many URLs concurrently (global and per-host limits); results in input order.

        Each request is ``(url, {"etag": ..., "last_modified": ...})`` (the dict may be empty).
        """
        items = list(requests)
        total = len(items)
        done = 0

        async def one(url: str, extra: dict) -> FetchResult:
            nonlocal done
            result = await self.fetch(
                url, kind=kind, etag=extra.get("etag"), last_modified=extra.get("last_modified")
            )
            done += 1
            if progress is not None:
                try:
                    progress(done, total)
                except Exception:
                    logger.debug("progress callback failed", exc_info=True)
            return result

        return list(await asyncio.gather(*(one(url, extra or {}) for url, extra in items)))
