"""URL normalisation (identity key) and redaction."""

from __future__ import annotations

import pytest

from extractors.urls import is_safe_url, normalize_url, redact_text, redact_url


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://Example.ORG/news/story/", "http://example.org/news/story"),
        ("http://example.org:80/a?utm_source=rss&utm_medium=feed&id=3", "http://example.org/a?id=3"),
        ("https://example.org:443/a#comments", "http://example.org/a"),
        ("http://example.org/a?b=2&a=1&fbclid=XYZ&gclid=1", "http://example.org/a?a=1&b=2"),
        ("http://example.org", "http://example.org/"),
        ("http://user:pw@example.org/a", "http://example.org/a"),
        ("http://example.org//a//b/", "http://example.org/a/b"),
    ],
)
def test_urls_normalize_equates_decorated_forms(a, b):
    assert normalize_url(a) == normalize_url(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("http://example.org/a?id=3", "http://example.org/a?id=4"),
        ("http://example.org/a", "http://example.org/b"),
        ("http://example.org:8080/a", "http://example.org/a"),
        ("http://example.org/A", "http://example.org/a"),
    ],
)
def test_urls_normalize_keeps_distinct_urls_distinct(a, b):
    assert normalize_url(a) != normalize_url(b)


def test_urls_normalize_leaves_non_http_alone():
    assert normalize_url(" javascript:alert(1) ") == "javascript:alert(1)"
    assert normalize_url("http://[::1]:8080/x/") == "http://[::1]:8080/x"


def test_urls_redact_removes_userinfo_and_tokens():
    url = "https://alice:s3cr3t@feeds.example.org/rss?token=TOPSECRET&api_key=K&page=2"
    out = redact_url(url)
    assert "alice" not in out and "s3cr3t" not in out
    assert "TOPSECRET" not in out and "=K" not in out
    assert "page=2" in out and out.startswith("https://feeds.example.org/rss?")


def test_urls_redact_text_finds_urls_in_messages():
    msg = "Client error '401 Unauthorized' for url 'http://bob:pw123@h.example/x?access_token=abc'"
    out = redact_text(msg)
    assert "pw123" not in out and "abc" not in out and "401 Unauthorized" in out


@pytest.mark.parametrize(
    ("url", "ok"),
    [("http://example.org/a", True), ("HTTPS://example.org", True), ("javascript:alert(1)", False),
     ("data:text/html,x", False), ("file:///etc/passwd", False), ("/relative", False), ("mailto:a@b", False),
     ("http://", False), (None, False), ("http://[::1", False)],
)
def test_urls_is_safe_url(url, ok):
    assert is_safe_url(url) is ok
