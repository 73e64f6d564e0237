"""Every file of tests/fixtures/feeds-wild/ (feedparser's own malformed and edge-case feeds, BSD-2)
goes through `parse_feed`: the result its README expects, or a recorded error kind; under 2 s each.
"""

from __future__ import annotations

import builtins
import re
import time
import tracemalloc
from pathlib import Path

import feedparser
import pytest

from extractors.feeds import PARSE_ERROR_KINDS, parse_feed, run_feedparser

CORPUS = Path(__file__).parent / "fixtures" / "feeds-wild"
HARNESS = "http://127.0.0.1:8097/tests/"  # the URL upstream's harness serves each file under


def _readme_rows() -> dict[str, dict]:
    rows: dict[str, dict] = {}
    section = None
    for line in (CORPUS / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"### `([^`]+)/`", line)
        if m:
            section = m.group(1)
            continue
        if section and line.startswith("| `"):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            name = cells[0].strip("`")
            rows[f"{section}/{name}"] = {
                "expect": cells[2].strip("`"),
                "bozo": cells[4] == "1",
                "entries": int(cells[6]),
                "holds": cells[7] == "True",
            }
    return rows


ROWS = _readme_rows()
FILES = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file()
               and p.name not in ("README.md", "LICENSE.feedparser.txt"))

# Files parse_feed rejects on purpose, with the kind recorded.
REJECTED = {
    "wellformed/rss/entity_in_doctype.xml": "entity_declaration",  # any <!ENTITY is refused (P4)
    "illformed/rss_empty_document.xml": "empty_feed",  # a comment and nothing else
}
# Entries feedparser returns that carry no link, guid, title or text (dropped), or repeat one (merged).
KEPT_ENTRIES = {
    "encoding/encoding_attribute_crash.xml": 0,
    "encoding/encoding_attribute_crash_2.xml": 0,
    "illformed/rss_incomplete_cdata.xml": 0,
    "illformed/geo/georss_point_no_coords.xml": 0,
    "illformed/geo/georss_polygon_insufficient_coords.xml": 0,
    "illformed/geo/gml_point.xml": 0,
    "wellformed/atom10/entry_content_src.xml": 0,
    "wellformed/node_precedence/atom10_arbitrary_element.xml": 0,
    "wellformed/node_precedence/atom10_title.xml": 1,
    "wellformed/rss/item_guid_isPermaLink_ValueError.xml": 0,
    "wellformed/rss/item_madeup_tags_element.xml": 0,
    "wellformed/rss/item_pubDate.xml": 0,
    "wellformed/rss/item_pubDate_map_updated_parsed.xml": 0,
    "wellformed/sanitize/entry_title_onerror.xml": 0,
    "wellformed/sanitize/item_description_onerror.xml": 0,
    "json/example.json": 2,  # JSON Feed is parsed natively (feedparser 6.0 returns none)
}


def _load(rel: str) -> tuple[bytes, dict[str, str]]:
    body = (CORPUS / rel).read_bytes()
    headers: dict[str, str] = {}
    for m in re.finditer(rb"Header:\s*([^:\r\n]+):\s*([^\r\n]*)", body[:4000]):
        headers[m.group(1).decode().strip()] = m.group(2).decode("latin-1").strip()
    if "http" in rel and not any(k.lower() == "content-type" for k in headers):
        headers["Content-Type"] = "text/xml"
    return body, headers


def _expect(rel: str, body: bytes) -> str:
    """The file's own ``Expect:`` line (the README table shortens long ones; UTF-16/32 files: README)."""
    m = re.search(rb"Expect:\s*(.*?)\s*(?:-->)?\r?\n", body)
    if m is None:
        assert not ROWS[rel]["expect"].endswith("..."), rel
        return ROWS[rel]["expect"]
    return m.group(1).decode("utf-8")


def test_feeds_wild_corpus_complete():
    assert len(FILES) == 138
    assert set(FILES) == set(ROWS)
    assert (CORPUS / "LICENSE.feedparser.txt").exists()


@pytest.mark.parametrize("rel", FILES)
def test_feeds_wild_parse_result(rel):
    body, headers = _load(rel)
    tracemalloc.start()
    start = time.monotonic()
    try:
        parsed = parse_feed(body, url=HARNESS + rel, headers=headers)
        elapsed = time.monotonic() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 2.0
    assert peak < 100 * 2**20
    assert not (parsed.message or "").startswith("parser failure"), parsed.message
    if rel in REJECTED:
        assert not parsed.ok and parsed.error_kind == REJECTED[rel]
        assert parsed.error_kind in PARSE_ERROR_KINDS
        return
    assert parsed.ok, (parsed.error_kind, parsed.message)
    assert len(parsed.entries) == KEPT_ENTRIES.get(rel, ROWS[rel]["entries"])
    if ROWS[rel]["bozo"] and rel not in ("json/example.json",):
        assert parsed.warnings, "bozo feed without a recorded warning"
    for entry in parsed.entries:
        assert entry.key and entry.link is None or entry.link.startswith(("http://", "https://"))
        assert "<script" not in (entry.content_html or "").lower()


@pytest.mark.parametrize("rel", [r for r in FILES if ROWS[r]["holds"]])
def test_feeds_wild_upstream_expectation_holds_with_our_invocation(rel):
    """Upstream's Expect holds on feedparser as we call it (BytesIO, response headers, sanitising)."""
    body, headers = _load(rel)
    result = run_feedparser(body, url=HARNESS + rel, headers={k.lower(): v for k, v in headers.items()})
    expect = _expect(rel, body)
    namespace = {"feedparser": feedparser, "__builtins__": builtins}
    assert eval(expect, namespace, result), expect  # noqa: S307 - test data


# Text as newsmon stores it (plain, whitespace-normalised) for the encoding/entity cases.
TEXT_CASES = [
    ("encoding/euc-kr.xml", "title", "\ub144"),
    ("encoding/euc-kr-item.xml", "summary", "\ub144"),
    ("encoding/demoronize-1.xml", "summary", "don\u2019t"),
    ("encoding/http_text_xml_charset_overrides_encoding_2.xml", "summary", "This is a \xa3\u201ctest.\u201d"),
    ("encoding/double-encoded-html.xml", "summary", "\u2026"),
    ("encoding/http_i18n.xml", "title", "I\xf1t\xebrn\xe2ti\xf4n\xe0liz\xe6ti\xf8n"),
    ("entities/hellip.xml", "title", "testing \u2026 entity"),
    ("entities/rsquo.xml", "title", "testing \u2019 entity"),
    ("entities/euro.xml", "title", "testing \u20ac entity"),
    ("entities/doesnotexist.xml", "title", "testing &doesnotexist; entity"),
    ("entities/hex_entity_x_lowercase.xml", "entry_title", "A"),
    ("entities/query_variable_entry.xml", "link", "http://example/?a=1&b=2&c"),
    ("entities/query_variable_feed.xml", "feed_link", "http://example/?a=1&b=2&c"),
    ("wellformed/rss/channel_title_lt.xml", "title", "1 < 2"),
    ("wellformed/atom10/entry_title_text_plain_brackets.xml", "entry_title", "History of the <blink> tag"),
    ("wellformed/sanitize/entry_title_script.xml", "entry_title", "safe description"),
    ("illformed/always_strip_doctype.xml", "title", "found"),
]


@pytest.mark.parametrize(("rel", "field", "expected"), TEXT_CASES, ids=[c[0] for c in TEXT_CASES])
def test_feeds_wild_text_fields(rel, field, expected):
    body, headers = _load(rel)
    parsed = parse_feed(body, url=HARNESS + rel, headers=headers)
    value = {
        "title": lambda: parsed.title,
        "feed_link": lambda: parsed.link,
        "summary": lambda: parsed.entries[0].summary,
        "entry_title": lambda: parsed.entries[0].title,
        "link": lambda: parsed.entries[0].link,
    }[field]()
    assert value == expected


def test_feeds_wild_new_location_exposed():
    body, headers = _load("wellformed/rss/newlocation.xml")
    assert parse_feed(body, url=HARNESS, headers=headers).new_location == "http://example/new"
    unsafe = body.replace(b"http://example/new", b"file:///etc/passwd")
    assert parse_feed(unsafe, url=HARNESS, headers=headers).new_location is None


def test_feeds_wild_ttl_and_unsafe_content_location():
    body, headers = _load("wellformed/rss/channel_ttl.xml")
    assert parse_feed(body, url=HARNESS, headers=headers).ttl_minutes == 60
    body, headers = _load("wellformed/http/headers_content_location-unsafe.xml")
    parsed = parse_feed(body, url=HARNESS + "x.xml", headers=headers)
    assert parsed.ok and "javascript" not in repr(parsed).lower()
