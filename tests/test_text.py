"""Article text: trafilatura for pages, bs4 for feed HTML, selectors and metadata; hostile pages."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from extractors.text import clean_text, decode_html, extract_article, html_fragment_to_text, page_metadata

BODY = " ".join(
    f"Paragraph {i}: Around 3,000 North Korean soldiers have been killed or wounded, officials said." for i in range(8)
)
PAGE = f"""<!doctype html><html><head><title>Page title | Outlet</title>
<meta property="og:title" content="OG headline">
<meta property="article:published_time" content="2025-01-13T09:30:00+09:00">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "JSON-LD headline", "datePublished": "2025-01-13T10:00:00+09:00", "author": {{"name": "Kim Reporter"}}}}</script>
<style>.x {{color: red}}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie-banner">We use cookies. Accept all cookies?</div>
<article><h1>JSON-LD headline</h1><div class="story"><p>{BODY}</p><p>The source said residents were angry.</p></div>
<script>var secret = "do not extract me";</script><noscript>Enable JavaScript</noscript></article>
<aside><h3>Related</h3><ul><li>50,000 killed in other war</li></ul></aside>
<footer>Copyright 2025</footer></body></html>"""


def test_text_trafilatura_finds_the_body_and_drops_boilerplate():
    a = extract_article(PAGE.encode())
    assert a.method == "trafilatura"
    assert "Around 3,000 North Korean soldiers" in a.text
    for junk in ("do not extract me", "Enable JavaScript", "color: red", "Copyright 2025"):
        assert junk not in a.text


def test_text_metadata_prefers_json_ld_then_opengraph():
    a = extract_article(PAGE.encode())
    assert a.title == "JSON-LD headline"
    assert a.published == datetime(2025, 1, 13, 1, 0, tzinfo=UTC)
    assert a.author == "Kim Reporter"
    head_only = b'<html><head><meta property="og:title" content="OG only"><title>T</title></head></html>'
    assert page_metadata(head_only)[0] == "OG only"


def test_text_per_feed_selector_wins_when_it_matches():
    a = extract_article(PAGE.encode(), selector="div.story")
    assert a.method == "selector"
    assert a.text.startswith("Paragraph 0") and "do not extract me" not in a.text
    fallback = extract_article(PAGE.encode(), selector="div.does-not-exist")
    assert fallback.method == "trafilatura"


def test_text_charset_from_meta_in_bytes():
    html = '<html><head><meta charset="windows-1251"></head><body><article><p>{}</p></article></body></html>'
    body = html.format("Северная Корея отправила войска. " * 20).encode("windows-1251")
    assert "Северная Корея" in decode_html(body)
    assert "Северная Корея" in extract_article(body).text
    assert "Ð" not in extract_article(body).text  # no UTF-8 mojibake


def test_text_feed_fragment_html_to_text():
    t = html_fragment_to_text("<p>First &amp; <b>bold</b></p><script>x()</script><p>Second&nbsp;para</p>")
    assert t == "First & bold\n\nSecond para"


@pytest.mark.parametrize(
    "body",
    [
        b"%PDF-1.4\x00\x01\x02 binary junk \xff\xfe" * 100,
        b"<html><body>" + b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000 + b"</body></html>",
        b"<html><body><script>document.write('x')</script></body></html>",
        "<p>lone \ud800 surrogate and \x00 NUL and \x07 bell</p>".encode("utf-8", "surrogatepass"),
    ],
    ids=["pdf-as-html", "deep-nesting", "js-only", "control-chars"],
)
def test_text_hostile_pages_never_raise(body):
    t = time.monotonic()
    a = extract_article(body)
    assert time.monotonic() - t < 10
    assert "\x00" not in a.text and "\x07" not in a.text
    a.text.encode("utf-8")  # valid UTF-8 (no lone surrogates)


def test_text_clean_text_normalises_whitespace_and_caps():
    assert clean_text("a\u00a0\u00a0b\r\n\r\n\r\nc  ") == "a b\n\nc"
    assert len(clean_text("x" * 300_000)) == 200_000
