"""Tests for newsmon.corpus_server: a real HTTP server on 127.0.0.1 over a temporary directory."""

from __future__ import annotations

import http.client
import statistics
import time
from pathlib import Path

import httpx
import pytest

from newsmon.corpus_server import serve_directory

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>t</title>
<item><title>a</title><link>__BASE_URL__/articles/a.html</link></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>"""
PAGE = b"<!doctype html><html><body><a href='__BASE_URL__/x'>x</a></body></html>"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "site").mkdir()
    site = tmp_path / "site"
    (site / "feeds").mkdir()
    (site / "articles").mkdir()
    (site / "feeds" / "rss.xml").write_bytes(RSS)
    (site / "feeds" / "atom.xml").write_bytes(ATOM)
    (site / "articles" / "a.html").write_bytes(PAGE)
    (tmp_path / "secret.txt").write_text("outside the root")
    return site


def _raw_get(base_url: str, raw_path: str) -> tuple[int, bytes]:
    host, port = base_url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        conn.putrequest("GET", raw_path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_serve_directory_serves_files_with_content_types(root: Path) -> None:
    with serve_directory(root) as server, httpx.Client(base_url=server.base_url) as client:
        rss = client.get("/feeds/rss.xml")
        atom = client.get("/feeds/atom.xml")
        page = client.get("/articles/a.html")
    assert server.base_url.startswith("http://127.0.0.1:")
    assert rss.status_code == 200
    assert rss.headers["content-type"].startswith("application/rss+xml")
    assert atom.headers["content-type"].startswith("application/atom+xml")
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert server.requests["/feeds/rss.xml"] == 1
    assert server.requests["/articles/a.html"] == 1


def test_serve_directory_substitutes_base_url(root: Path) -> None:
    with serve_directory(root) as server:
        body = httpx.get(server.url("/feeds/rss.xml")).content
    assert b"__BASE_URL__" not in body
    assert f"{server.base_url}/articles/a.html".encode() in body


def test_serve_directory_without_substitution_keeps_token(root: Path) -> None:
    with serve_directory(root, substitute=False) as server:
        body = httpx.get(server.url("/articles/a.html")).content
    assert body == PAGE


def test_serve_directory_etag_gives_304(root: Path) -> None:
    with serve_directory(root) as server, httpx.Client(base_url=server.base_url) as client:
        first = client.get("/feeds/rss.xml")
        etag = first.headers["etag"]
        second = client.get("/feeds/rss.xml", headers={"If-None-Match": etag})
        changed = client.get("/feeds/rss.xml", headers={"If-None-Match": '"other"'})
    assert etag.startswith('"') and not etag.startswith("W/")
    assert second.status_code == 304
    assert second.content == b""
    assert second.headers["etag"] == etag
    assert changed.status_code == 200


def test_serve_directory_etag_changes_with_file(root: Path) -> None:
    with serve_directory(root) as server, httpx.Client(base_url=server.base_url) as client:
        etag = client.get("/feeds/rss.xml").headers["etag"]
        (root / "feeds" / "rss.xml").write_bytes(RSS.replace(b"<title>a</title>", b"<title>b</title>"))
        again = client.get("/feeds/rss.xml", headers={"If-None-Match": etag})
    assert again.status_code == 200
    assert b"<title>b</title>" in again.content


def test_serve_directory_if_modified_since_gives_304(root: Path) -> None:
    with serve_directory(root) as server, httpx.Client(base_url=server.base_url) as client:
        last_modified = client.get("/feeds/rss.xml").headers["last-modified"]
        second = client.get("/feeds/rss.xml", headers={"If-Modified-Since": last_modified})
        old = client.get("/feeds/rss.xml", headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    assert second.status_code == 304
    assert old.status_code == 200


def test_serve_directory_head_has_length_but_no_body(root: Path) -> None:
    with serve_directory(root) as server, httpx.Client(base_url=server.base_url) as client:
        head = client.head("/articles/a.html")
        get = client.get("/articles/a.html")
    assert head.status_code == 200
    assert head.content == b""
    assert int(head.headers["content-length"]) == len(get.content)


def test_serve_directory_missing_path_is_404(root: Path) -> None:
    with serve_directory(root) as server:
        assert httpx.get(server.url("/feeds/nope.xml")).status_code == 404
        assert httpx.get(server.url("/feeds/")).status_code == 404


@pytest.mark.parametrize(
    "raw_path",
    ["/../secret.txt", "/feeds/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"],
    ids=["dotdot", "nested", "encoded", "encoded-slash"],
)
def test_serve_directory_refuses_traversal(root: Path, raw_path: str) -> None:
    with serve_directory(root) as server:
        status, body = _raw_get(server.base_url, raw_path)
    assert status == 404
    assert b"outside the root" not in body


def test_serve_directory_override_status_and_clear(root: Path) -> None:
    with serve_directory(root) as server, httpx.Client(base_url=server.base_url) as client:
        server.set_override("/feeds/rss.xml", status=500)
        failed = client.get("/feeds/rss.xml")
        server.clear_overrides()
        restored = client.get("/feeds/rss.xml")
    assert failed.status_code == 500
    assert restored.status_code == 200
    assert server.requests["/feeds/rss.xml"] == 2


def test_serve_directory_override_html_instead_of_xml(root: Path) -> None:
    with serve_directory(root) as server:
        server.set_override("/feeds/rss.xml", body=b"<!doctype html><html><body>Login</body></html>")
        response = httpx.get(server.url("/feeds/rss.xml"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert b"Login" in response.content


def test_serve_directory_override_delay_times_out_client(root: Path) -> None:
    with serve_directory(root) as server:
        server.set_override("/feeds/rss.xml", delay=5.0)
        started = time.monotonic()
        with pytest.raises(httpx.TimeoutException):
            httpx.get(server.url("/feeds/rss.xml"), timeout=0.3)
        ok = httpx.get(server.url("/feeds/atom.xml"), timeout=2)
    assert ok.status_code == 200
    assert time.monotonic() - started < 4  # the delayed answer did not hold up shutdown


def test_serve_directory_override_headers(root: Path) -> None:
    with serve_directory(root) as server:
        server.set_override("/articles/a.html", headers={"X-Test": "yes"})
        response = httpx.get(server.url("/articles/a.html"))
    assert response.status_code == 200
    assert response.headers["x-test"] == "yes"


def test_serve_directory_keep_alive_is_fast(root: Path) -> None:
    with serve_directory(root) as server, httpx.Client(base_url=server.base_url) as client:
        client.get("/articles/a.html")
        times = []
        for _ in range(15):
            started = time.perf_counter()
            client.get("/articles/a.html")
            times.append(time.perf_counter() - started)
    # a keep-alive request stalled by Nagle's algorithm meeting delayed ACK takes >= 40 ms
    assert statistics.median(times) < 0.03
