"""Tests of the HTTP chokepoint against the fault server on 127.0.0.1 (cases F1-F9, A2 of RELIABILITY.md)."""

from __future__ import annotations

import asyncio
import gzip
import logging
import time
import tracemalloc
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from faultserver import SAMPLE_FEED, FaultServer, Response

from newsmon.fetch import BoundedDecoder, Fetcher, FetchOptions, _TooLarge, parse_retry_after

LOOPBACK = FetchOptions(allowed_hosts=("127.0.0.1",), deadline=5.0, timeout=2.0)


def run(coro):
    return asyncio.run(coro)


async def fetch_one(url: str, options: FetchOptions = LOOPBACK, **kwargs):
    async with Fetcher(options) as fetcher:
        return await fetcher.fetch(url, **kwargs)


@pytest.fixture(scope="module")
def server():
    with FaultServer() as srv:
        yield srv


def test_fetch_ok_returns_body_and_validators(server):
    result = run(fetch_one(server.url("/ok.xml")))
    assert result.ok and result.status == 200
    assert result.body == SAMPLE_FEED
    assert result.etag == '"v1-abc"'
    assert result.last_modified == "Mon, 02 Jun 2025 10:00:00 GMT"
    assert result.headers["content-type"] == "application/rss+xml"
    assert result.final_url == result.url and result.permanent_redirect is None


def test_fetch_sends_user_agent_and_no_proxy_env(server, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:9")
    before = len(server.requests)
    result = run(fetch_one(server.url("/ok.xml"), FetchOptions(allowed_hosts=("127.0.0.1",), user_agent="ua-test/1")))
    assert result.ok
    assert server.requests[before].headers["user-agent"] == "ua-test/1"


def test_fetch_conditional_get_304_keeps_validators_verbatim(server):
    """F3: validators echoed with their quotes; 304 -> not_modified, no body, success."""
    before = len(server.requests)
    result = run(fetch_one(server.url("/ok.xml"), etag='"v1-abc"', last_modified="Mon, 02 Jun 2025 10:00:00 GMT"))
    sent = server.requests[before].headers
    assert sent["if-none-match"] == '"v1-abc"'
    assert sent["if-modified-since"] == "Mon, 02 Jun 2025 10:00:00 GMT"
    assert result.ok and result.not_modified and result.status == 304
    assert result.body is None
    assert result.etag == '"v1-abc"' and result.last_modified == "Mon, 02 Jun 2025 10:00:00 GMT"


def test_fetch_unsendable_validators_dropped(server):
    before = len(server.requests)
    result = run(fetch_one(server.url("/ok.xml"), etag='"a"\r\nX-Injected: 1', last_modified="Mon\u2019"))
    sent = server.requests[before].headers
    assert result.ok and "if-none-match" not in sent and "x-injected" not in sent and "if-modified-since" not in sent


def test_fetch_changed_etag_gets_full_body(server):
    result = run(fetch_one(server.url("/ok.xml"), etag='"old"'))
    assert result.ok and not result.not_modified and result.body == SAMPLE_FEED


def test_fetch_deadline_stops_slow_drip(server):
    """F2: 1 byte every 0.4 s never trips the 2 s read timeout; the 1.5 s deadline does."""
    options = FetchOptions(allowed_hosts=("127.0.0.1",), timeout=2.0, deadline=1.5)
    start = time.monotonic()
    result = run(fetch_one(server.url("/drip"), options))
    elapsed = time.monotonic() - start
    assert not result.ok and result.error.kind == "deadline"
    assert elapsed < 3.0


@pytest.mark.parametrize(
    ("path", "status", "expected"),
    [("/429", 429, 120.0), ("/503", 503, 120.0), ("/429-huge", 429, 3600.0)],
    ids=["429-seconds", "503-seconds", "429-capped"],
)
def test_fetch_rate_limited_parses_retry_after(server, path, status, expected):
    """F4: Retry-After in seconds, capped."""
    options = FetchOptions(allowed_hosts=("127.0.0.1",), max_retry_after=3600.0)
    before = server.count(path)
    result = run(fetch_one(server.url(path), options))
    assert result.error.kind == "rate_limited" and result.status == status
    assert result.retry_after == expected
    assert server.count(path) == before + 1  # no retry within the run


def test_fetch_rate_limited_http_date(server):
    result = run(fetch_one(server.url("/503-date")))
    assert result.error.kind == "rate_limited"
    assert 250 <= result.retry_after <= 301


def test_parse_retry_after_forms():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert parse_retry_after("120", cap=1000) == 120
    assert parse_retry_after("99999999", cap=1000) == 1000
    assert parse_retry_after(format_datetime(now + timedelta(seconds=90), usegmt=True), cap=1000, now=now) == 90
    assert parse_retry_after(format_datetime(now - timedelta(seconds=90), usegmt=True), cap=1000, now=now) == 0
    assert parse_retry_after("soon", cap=1000) is None
    assert parse_retry_after(None, cap=1000) is None


@pytest.mark.parametrize(("path", "status"), [("/404", 404), ("/410", 410), ("/500", 500)])
def test_fetch_http_errors_have_status(server, path, status):
    result = run(fetch_one(server.url(path)))
    assert result.error.kind == "http_status" and result.error.status == status and result.status == status


def test_fetch_cloudflare_challenge_named(server):
    server.route("/cf", Response(403, {"cf-mitigated": "challenge", "Content-Type": "text/html"}, b"<html>"))
    result = run(fetch_one(server.url("/cf")))
    assert result.error.kind == "http_status" and result.status == 403 and "Cloudflare" in result.error.message


def test_fetch_redirect_loop_stops(server):
    """F6: a two-URL loop is reported as kind redirect."""
    result = run(fetch_one(server.url("/loop/a")))
    assert result.error.kind == "redirect"
    assert server.count("/loop/a") <= 2


def test_fetch_redirect_chain_within_limit_records_permanent_target(server):
    result = run(fetch_one(server.url("/chain/5")))
    assert result.ok and result.body == SAMPLE_FEED
    assert result.final_url == server.url("/chain/0")
    assert result.permanent_redirect == server.url("/chain/0")


def test_fetch_more_than_max_redirects_refused(server):
    """F6: 6 hops with max_redirects=5."""
    before = server.count("/chain/0")
    result = run(fetch_one(server.url("/chain/6")))
    assert result.error.kind == "redirect"
    assert server.count("/chain/0") == before
    assert result.permanent_redirect is None


def test_fetch_temporary_redirect_not_persisted(server):
    server.add_redirect("/temp", "/ok.xml", status=302)
    result = run(fetch_one(server.url("/temp")))
    assert result.ok and result.final_url == server.url("/ok.xml")
    assert result.permanent_redirect is None


def test_fetch_gzip_bomb_stopped_at_cap_with_bounded_memory(server):
    """F8: 200 KB of gzip inflating to 200 MiB stops at the 10 MiB cap; peak memory stays small."""
    from faultserver import gzip_bomb

    gzip_bomb()  # build the server's body outside the measurement
    tracemalloc.start()
    try:
        result = run(fetch_one(server.url("/bomb.xml")))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.error.kind == "too_large"
    assert result.body is None
    assert peak < 40 * 2**20, peak


@pytest.mark.parametrize("path", ["/big", "/big-chunked", "/huge-length"])
def test_fetch_oversized_bodies_too_large(server, path):
    """F8: plain body over the cap, chunked body with no length, lying Content-Length."""
    result = run(fetch_one(server.url(path)))
    assert result.error.kind == "too_large"
    assert result.body is None


def test_fetch_small_cap_applies_to_articles(server):
    options = FetchOptions(allowed_hosts=("127.0.0.1",), max_article_bytes=100)
    server.route("/article.html", Response(200, {"Content-Type": "text/html"}, b"<p>" + b"a" * 500 + b"</p>"))
    result = run(fetch_one(server.url("/article.html"), options, kind="article"))
    assert result.error.kind == "too_large"
    assert run(fetch_one(server.url("/article.html"), options, kind="feed")).ok


def test_fetch_gzip_body_decoded(server):
    server.add_static("/gz.xml", SAMPLE_FEED, gzipped=True)
    result = run(fetch_one(server.url("/gz.xml")))
    assert result.ok and result.body == SAMPLE_FEED


def test_fetch_deflate_body_decoded(server):
    server.route("/deflate.xml", Response(200, {"Content-Encoding": "deflate"}, zlib.compress(SAMPLE_FEED)))
    result = run(fetch_one(server.url("/deflate.xml")))
    assert result.ok and result.body == SAMPLE_FEED


def test_fetch_unknown_content_encoding_refused(server):
    server.route("/br.xml", Response(200, {"Content-Encoding": "br"}, b"\x00\x01"))
    result = run(fetch_one(server.url("/br.xml")))
    assert result.error.kind == "unsupported_content"


def test_bounded_decoder_multi_member_gzip_and_cap():
    data = gzip.compress(b"a" * 1000) + gzip.compress(b"b" * 1000)
    decoder = BoundedDecoder("gzip", 5000)
    for i in range(0, len(data), 7):
        decoder.feed(data[i : i + 7])
    assert decoder.finish() == b"a" * 1000 + b"b" * 1000
    decoder = BoundedDecoder("gzip", 1500)
    with pytest.raises(_TooLarge):
        decoder.feed(data)
        decoder.finish()


@pytest.mark.parametrize("path", ["/pdf", "/image", "/video"])
def test_fetch_article_binary_content_skipped_before_body(server, path):
    """A2: PDF, image, video skipped by Content-Type; nothing of the body is returned."""
    result = run(fetch_one(server.url(path), kind="article"))
    assert result.error.kind == "unsupported_content"
    assert result.body is None


def test_fetch_article_json_type_skipped_but_html_read(server):
    assert run(fetch_one(server.url("/json"), kind="article")).error.kind == "unsupported_content"
    server.route("/octet", Response(200, {"Content-Type": "application/octet-stream"}, b"<rss/>"))
    assert run(fetch_one(server.url("/octet"), kind="article")).error.kind == "unsupported_content"
    assert run(fetch_one(server.url("/octet"), kind="feed")).ok  # misconfigured feed servers are common
    result = run(fetch_one(server.url("/html"), kind="article"))
    assert result.ok and b"Checking your browser" in result.body


def test_fetch_connection_refused_is_connect():
    """F1: nothing listens on the port."""
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    result = run(fetch_one(f"http://127.0.0.1:{port}/feed.xml"))
    assert result.error.kind == "connect"


def test_fetch_dns_failure_is_dns():
    """F1: a name that does not resolve (resolver stubbed: no DNS query leaves the machine)."""
    import socket

    async def resolver(host: str, port: int):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    async def go():
        async with Fetcher(FetchOptions(), resolver=resolver) as fetcher:
            return await fetcher.fetch("http://feeds.example.invalid/rss")

    result = run(go())
    assert result.error.kind == "dns"


def test_fetch_401_with_credentials_never_leaks_secrets(server, caplog):
    """F9: password and token absent from the error, the result and every log record."""
    caplog.set_level(logging.DEBUG)
    url = f"http://alice:s3cr3tpw@127.0.0.1:{server.port}/401?token=TOPSECRET&page=2"
    result = run(fetch_one(url))
    assert result.error.kind == "http_status" and result.error.status == 401
    text = result.error.message + repr(result.error) + result.final_url.replace(url, "")
    assert "s3cr3tpw" not in text and "TOPSECRET" not in text
    assert "page=2" in result.error.message
    for record in caplog.records:
        message = record.getMessage()
        assert "s3cr3tpw" not in message and "TOPSECRET" not in message, message
    assert logging.getLogger("httpx").getEffectiveLevel() >= logging.WARNING


def test_fetch_many_keeps_order_and_limits_per_host(server):
    """A3: at most per_host requests in flight to one host; progress reported."""
    in_flight = 0
    peak = 0

    def slow(req):
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        time.sleep(0.1)
        in_flight -= 1
        return Response(200, {"Content-Type": "text/html"}, req.path.encode())

    server.route_prefix("/slow/", slow)
    progress = []
    options = FetchOptions(allowed_hosts=("127.0.0.1",), concurrency=10, per_host=2)

    async def go():
        async with Fetcher(options) as fetcher:
            return await fetcher.fetch_many(
                [(server.url(f"/slow/{i}"), {}) for i in range(6)],
                kind="article",
                progress=lambda done, total: progress.append((done, total)),
            )

    results = run(go())
    assert [r.body for r in results] == [f"/slow/{i}".encode() for i in range(6)]
    assert peak <= 2
    assert progress[-1] == (6, 6) and len(progress) == 6


def test_fetch_min_host_interval_spaces_requests(server):
    starts = []

    def stamp(req):
        starts.append(time.monotonic())
        return Response(200, {}, b"ok")

    server.route_prefix("/paced/", stamp)
    options = FetchOptions(allowed_hosts=("127.0.0.1",), per_host=3, min_host_interval=0.2)

    async def go():
        async with Fetcher(options) as fetcher:
            return await fetcher.fetch_many([(server.url(f"/paced/{i}"), {}) for i in range(3)], kind="feed")

    assert all(r.ok for r in run(go()))
    # request starts are 0.2 s apart on the client; allow 0.1 s of arrival jitter on a loaded machine
    assert len(starts) == 3 and max(starts) - min(starts) >= 0.3, starts


def test_fetch_outside_context_manager_raises():
    with pytest.raises(RuntimeError):
        run(Fetcher(FetchOptions()).fetch("http://127.0.0.1:1/"))
