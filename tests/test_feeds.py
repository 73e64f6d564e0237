"""Feed parsing (P1, P4-P6, A1, E1-E3 of RELIABILITY.md) on hand-made hostile inputs."""

from __future__ import annotations

import time
import tracemalloc
from datetime import UTC, datetime, timedelta

import pytest

from extractors.feeds import (
    FULL_TEXT_MIN_WORDS,
    MAX_SUMMARY_CHARS,
    MAX_TITLE_CHARS,
    parse_feed,
)

URL = "http://news.example.org/feed.xml"
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def rss(items: str, extra_channel: str = "", prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{prolog}\n<rss version="2.0" '
        f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>'
        f"<link>http://news.example.org/</link>{extra_channel}{items}</channel></rss>"
    ).encode()


def item(title="A story", link="http://news.example.org/a", guid=None, date=None, desc="Summary", extra=""):
    parts = [f"<title>{title}</title>"] if title is not None else []
    if link is not None:
        parts.append(f"<link>{link}</link>")
    if guid is not None:
        permalink = "true" if guid.startswith("http") else "false"
        parts.append(f'<guid isPermaLink="{permalink}">{guid}</guid>')
    if date is not None:
        parts.append(f"<pubDate>{date}</pubDate>")
    if desc is not None:
        parts.append(f"<description>{desc}</description>")
    return "<item>" + "".join(parts) + extra + "</item>"


def test_feeds_basic_rss_entry_fields():
    body = rss(item(guid="g1", date="Mon, 02 Jun 2025 10:00:00 +0200", desc="&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;",
                    extra="<author>ed@example.org (Ed)</author>"), "<ttl>60</ttl>")
    parsed = parse_feed(body, url=URL, headers={"Content-Type": "application/rss+xml"}, now=NOW)
    assert parsed.ok and parsed.error_kind is None and parsed.version == "rss20"
    assert parsed.title == "T" and parsed.link == "http://news.example.org/" and parsed.ttl_minutes == 60
    (entry,) = parsed.entries
    assert entry.title == "A story" and entry.summary == "Hello world"
    assert entry.link == "http://news.example.org/a" and entry.guid == "g1"
    assert entry.published == datetime(2025, 6, 2, 8, 0, tzinfo=UTC)
    assert entry.author and "Ed" in entry.author
    assert not entry.has_full_text and entry.content_html is None
    assert parsed.warnings == []


@pytest.mark.parametrize("body", [b"", b"   \r\n\t  ", b"\xef\xbb\xbf  \n"], ids=["empty", "whitespace", "bom"])
def test_feeds_empty_body_is_empty_feed(body):
    """P1: feedparser says nothing is wrong with an empty body; we do."""
    parsed = parse_feed(body, url=URL)
    assert not parsed.ok and parsed.error_kind == "empty_feed" and parsed.entries == []


@pytest.mark.parametrize(
    "body",
    [
        b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking</body></html>",
        b"\n\n<html><body><form action=/login><input name=password></form></body></html>",
        b"<!-- cms --><HTML><HEAD><TITLE>Login</TITLE></HEAD></HTML>",
        b'{"error": "not found", "status": 404}',
        b"[1, 2, 3]",
        b"Service temporarily unavailable",
        b"%PDF-1.4\x00\x01binary",
    ],
    ids=["cloudflare", "login-wall", "upper-html", "json-error", "json-array", "plain-text", "pdf"],
)
def test_feeds_error_pages_are_not_a_feed(body):
    """P6: HTML pages and JSON error bodies are reported as not_a_feed."""
    parsed = parse_feed(body, url=URL, headers={"content-type": "text/html"})
    assert not parsed.ok and parsed.error_kind == "not_a_feed" and parsed.message


def test_feeds_json_feed_supported():
    """P6: JSON Feed 1.1 is parsed natively (feedparser 6.0 cannot)."""
    body = (
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": "https://j.example/",'
        b' "items": [{"id": "1", "url": "https://j.example/1?utm_source=x", "title": "One",'
        b' "content_html": "<p>Hi</p><script>alert(1)</script>", "date_published": "2025-01-02T03:04:05+01:00",'
        b' "authors": [{"name": "Ann"}]}, {"id": "2", "url": "javascript:alert(1)", "content_text": "Two"}]}'
    )
    parsed = parse_feed(body, url="https://j.example/feed.json", now=NOW)
    assert parsed.ok and parsed.version == "json11" and parsed.title == "J"
    one, two = parsed.entries
    assert one.title == "One" and one.summary == "Hi" and "script" not in (one.content_html or "")
    assert one.published == datetime(2025, 1, 2, 2, 4, 5, tzinfo=UTC) and one.author == "Ann"
    assert one.key == "url:http://j.example/1"
    assert two.link is None and two.unsafe_link == "javascript:alert(1)" and two.summary == "Two"


QUADRATIC = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "' + "x" * 10_000 + '">\n]>\n'
    '<rss version="2.0"><channel><title>t</title><item><title>' + "&a;" * 10_000 + "</title></item></channel></rss>"
).encode()
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + ']>\n<rss version="2.0"><channel><title>&lol9;</title></channel></rss>'
).encode()
LAUGHS_ONE_LINE = LAUGHS.replace(b"\n", b"")
XXE = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
       b'<rss version="2.0"><channel><title>&xxe;</title></channel></rss>')
PARAM_ENTITY = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % pe SYSTEM "http://127.0.0.1:9/x.dtd"> %pe;]>'
                b'<rss version="2.0"><channel><title>t</title></channel></rss>')
UTF16_ENTITY = ('<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [<!ENTITY a "aaaa">]>'
                '<rss version="2.0"><channel><title>&a;</title></channel></rss>').encode("utf-16")


@pytest.mark.parametrize(
    "body",
    [QUADRATIC, LAUGHS, LAUGHS_ONE_LINE, XXE, PARAM_ENTITY, UTF16_ENTITY],
    ids=["quadratic", "laughs", "laughs-one-line", "xxe-file", "param-entity", "utf16"],
)
def test_feeds_entity_declarations_rejected_fast(body):
    """P4: any <!ENTITY declaration is refused before feedparser runs, in well under 2 s."""
    tracemalloc.start()
    start = time.monotonic()
    try:
        parsed = parse_feed(body, url=URL)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - start < 2.0
    assert not parsed.ok and parsed.error_kind == "entity_declaration"
    assert peak < 20 * 2**20


def test_feeds_entity_text_inside_cdata_is_not_a_declaration():
    body = rss(item(desc="<![CDATA[How XML declares <!ENTITY x 'y'> in a DTD]]>"))
    parsed = parse_feed(body, url=URL)
    assert parsed.ok and "<!ENTITY" in parsed.entries[0].summary


@pytest.mark.parametrize("body", [b"/etc/hostname", b"/etc/passwd", b"file:///etc/hostname", b"http://127.0.0.1:9/feed"])
def test_feeds_path_or_url_body_is_data_not_a_resource(body):
    """P5: bytes that look like a path or URL are parsed as (invalid) data, never opened or fetched."""
    hostname = open("/etc/hostname", "rb").read().strip() if body.startswith((b"/etc", b"file")) else b""
    parsed = parse_feed(body, url=URL)
    assert not parsed.ok and parsed.error_kind == "not_a_feed"
    if hostname:
        assert hostname.decode() not in repr(parsed)


def test_feeds_rss091_netscape_doctype_and_atom03_parse():
    """P6: the legitimate Netscape DOCTYPE (no entities) and Atom 0.3 parse with text intact."""
    rss091 = (b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
              b'"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
              b"<title>Old &amp; gold</title><item><title>Caf\xc3\xa9</title><link>http://o.example/1</link></item>"
              b"</channel></rss>")
    parsed = parse_feed(rss091, url=URL)
    assert parsed.ok and parsed.version.startswith("rss091") and parsed.title == "Old & gold"
    assert parsed.entries[0].title == "Café"
    atom03 = (b'<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>A3</title>'
              b'<entry><title>E &hellip; &nbsp;x</title><link rel="alternate" href="http://a.example/e"/>'
              b"<id>tag:a,1</id></entry></feed>")
    parsed = parse_feed(atom03, url=URL)
    assert parsed.ok and parsed.version == "atom03"
    assert parsed.entries[0].title == "E \u2026 x" and parsed.entries[0].link == "http://a.example/e"


def test_feeds_bozo_truncated_feed_keeps_recovered_entries():
    """P2: a feed cut mid-item keeps what was recovered, with the parser warning recorded."""
    full = rss(item(title="One", link="http://n.example/1") + item(title="Two", link="http://n.example/2"))
    truncated = full[: full.index(b"http://n.example/2") + 10]
    parsed = parse_feed(truncated, url=URL, headers={"content-type": "application/rss+xml"})
    assert parsed.ok and parsed.entries and parsed.entries[0].title == "One"
    assert any("SAXParseException" in w for w in parsed.warnings)


def test_feeds_links_resolved_and_unsafe_links_kept_apart():
    """A1: relative links resolved against the feed URL; javascript:/data:/file:/mailto: never kept as link."""
    body = rss(
        item(title="rel", link="/story/1")
        + item(title="js", link="javascript:alert(1)")
        + item(title="data", link="data:text/html,&lt;script&gt;")
        + item(title="file", link="file:///etc/passwd")
        + item(title="mail", link="mailto:x@example.org")
    )
    entries = {e.title: e for e in parse_feed(body, url="https://news.example.org/feeds/main.xml").entries}
    assert entries["rel"].link == "https://news.example.org/story/1"
    for name in ("js", "data", "file", "mail"):
        assert entries[name].link is None and entries[name].unsafe_link, name
    assert entries["js"].unsafe_link == "javascript:alert(1)"


def test_feeds_key_same_story_same_key_across_feeds_and_decorations():
    """E1: tracking params, http/https, trailing slash and a changed guid do not change the key."""
    a = parse_feed(rss(item(link="https://n.example/story/?utm_source=rss&utm_medium=x", guid="feedA-1")), url=URL)
    b = parse_feed(rss(item(link="http://n.example/story#top", guid="feedB-99")), url=URL)
    c = parse_feed(rss(item(link="http://N.example/story/", guid="feedA-1-changed")), url=URL)
    assert a.entries[0].key == b.entries[0].key == c.entries[0].key == "url:http://n.example/story"


def test_feeds_key_falls_back_to_guid_then_hash():
    """E1: without a distinctive link the guid is used; without both, a hash of title and date."""
    body = rss(
        item(title="x1", link="http://n.example/", guid="id-1")
        + item(title="x2", link="http://n.example/", guid="id-2")
        + item(title="no ids", link=None, guid=None, date="Mon, 02 Jun 2025 10:00:00 GMT")
    )
    entries = parse_feed(body, url=URL).entries
    assert [e.key for e in entries[:2]] == ["guid:id-1", "guid:id-2"]
    assert entries[2].key.startswith("hash:")
    again = parse_feed(body, url=URL).entries
    assert again[2].key == entries[2].key


def test_feeds_reused_guid_is_not_trusted():
    """E1: a guid shared by entries with different links is ignored in favour of the links."""
    body = rss(item(title="a", link="http://n.example/a", guid="same") + item(title="b", link="http://n.example/b", guid="same"))
    keys = [e.key for e in parse_feed(body, url=URL).entries]
    assert keys == ["url:http://n.example/a", "url:http://n.example/b"]


def test_feeds_entries_without_any_identity_or_text_dropped_duplicates_merged():
    body = rss(item(title=None, link=None, desc=None, date="Mon, 02 Jun 2025 10:00:00 GMT") + item() + item())
    parsed = parse_feed(body, url=URL)
    assert len(parsed.entries) == 1
    assert any("dropped" in w for w in parsed.warnings)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (None, None),
        ("not a date", None),
        ("Tue, 30 Feb 2025 99:99:99 GMT", None),
        ("2025-06-02T10:00:00", datetime(2025, 6, 2, 10, 0, tzinfo=UTC)),
        ("Mon, 02 Jun 2025 10:00:00 -0500", datetime(2025, 6, 2, 15, 0, tzinfo=UTC)),
        ("Sat, 01 Jan 2099 00:00:00 GMT", NOW),
    ],
    ids=["missing", "garbage", "invalid", "no-tz", "offset", "far-future"],
)
def test_feeds_dates_utc_none_or_clamped(date, expected):
    """E2: all UTC; missing/unparseable -> None (the flow uses first-seen); far future clamped to now."""
    parsed = parse_feed(rss(item(date=date)), url=URL, now=NOW)
    assert parsed.entries[0].published == expected
    if expected is not None:
        assert parsed.entries[0].published.tzinfo is not None


def test_feeds_entry_count_and_field_lengths_capped():
    """E3: 10,000 entries capped; a 5 MB title and a huge content:encoded capped; warnings recorded."""
    many = rss("".join(item(title=f"t{i}", link=f"http://n.example/{i}", desc=None) for i in range(10_000)))
    start = time.monotonic()
    parsed = parse_feed(many, url=URL, max_entries=500)
    assert time.monotonic() - start < 5.0
    assert len(parsed.entries) == 500 and any("capped" in w for w in parsed.warnings)
    huge = rss(item(title="T" * 5_000_000, desc="d " * 20_000,
                    extra="<content:encoded><![CDATA[<p>" + "word " * 600_000 + "</p>]]></content:encoded>"))
    parsed = parse_feed(huge, url=URL)
    entry = parsed.entries[0]
    assert len(entry.title) == MAX_TITLE_CHARS and len(entry.summary) <= MAX_SUMMARY_CHARS
    assert entry.content_html is not None and len(entry.content_html) <= 2_000_000
    assert any("truncated" in w for w in parsed.warnings)


def test_feeds_full_text_detected_from_content_encoded():
    long_text = "<p>" + " ".join(["word"] * (FULL_TEXT_MIN_WORDS + 10)) + "</p>"
    body = rss(item(extra=f"<content:encoded><![CDATA[{long_text}<script>alert(1)</script>]]></content:encoded>"))
    entry = parse_feed(body, url=URL).entries[0]
    assert entry.has_full_text and entry.content_html and "<script" not in entry.content_html
    assert entry.summary == "Summary"
    short = parse_feed(rss(item(extra="<content:encoded><![CDATA[<p>short</p>]]></content:encoded>")), url=URL)
    assert not short.entries[0].has_full_text


def test_feeds_titles_plain_text_html_entities_decoded():
    body = rss(item(title="Tom &amp; Jerry &lt;3 &#8220;quoted&#8221;", desc="a&amp;nbsp;b"))
    entry = parse_feed(body, url=URL).entries[0]
    assert entry.title == "Tom & Jerry <3 \u201cquoted\u201d"


def test_feeds_windows1251_and_euc_kr_from_declaration_and_headers():
    """P3: legacy encodings decoded from the declaration or the Content-Type charset."""
    text = "Северная Корея"
    body = ('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>'
            + text + "</title><item><title>" + text + "</title><link>http://n.example/r</link></item></channel></rss>").encode("cp1251")
    assert parse_feed(body, url=URL).entries[0].title == text
    bare = body.replace(b' encoding="windows-1251"', b"")
    parsed = parse_feed(bare, url=URL, headers={"Content-Type": "application/xml; charset=windows-1251"})
    assert parsed.entries[0].title == text
    korean = '<?xml version="1.0" encoding="euc-kr"?><rss version="2.0"><channel><title>북한</title></channel></rss>'
    assert parse_feed(korean.encode("euc-kr"), url=URL).title == "북한"


def test_feeds_never_raises_on_garbage():
    for body in (b"\x00" * 100, b"<" * 10_000, b"<rss><channel><item>" * 2000, bytes(range(256)) * 10, b"<?xml?><rss"):
        parsed = parse_feed(body, url=URL)
        assert isinstance(parsed.ok, bool)
        assert parsed.ok or parsed.error_kind in ("empty_feed", "not_a_feed")


def test_feeds_clamp_uses_now_not_parse_date():
    future = (NOW + timedelta(hours=2)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    parsed = parse_feed(rss(item(date=future)), url=URL, now=NOW)
    assert parsed.entries[0].published == NOW + timedelta(hours=2)  # within tolerance: kept
