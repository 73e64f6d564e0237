"""Feed parsing, pure: response bytes (+ headers) in, a `ParsedFeed` of `FeedEntry` records out.

feedparser only ever receives ``io.BytesIO(body)`` (a bare bytes/str body that looks like a path or
URL makes feedparser 6 open a local file or fetch). Before it runs:

* empty or whitespace-only bodies -> ``empty_feed`` (feedparser reports no error for them);
* a document declaring ``<!ENTITY`` outside CDATA/comments -> ``entity_declaration`` (feedparser's
  loose fallback parser expands a repeated "safe" entity into a 100-million-character title);
* HTML pages (login walls, challenges) and JSON error bodies -> ``not_a_feed``;
* JSON Feed (jsonfeed.org, versions 1 and 1.1) is parsed here, natively.

After it runs: ``bozo`` feeds whose entries were recovered keep them, with the exception text as a
warning (record it as ``parse_warning``); a document with no recognised version and no entries is
``not_a_feed``. Entries are capped (``max_entries``), every text field is capped, HTML is turned into
plain text with beautifulsoup4, links are resolved against the feed URL and kept only for http(s).

Entry identity (``FeedEntry.key``): the normalised link (tracking parameters, scheme, ``www``-less
host is *not* assumed, trailing slash and fragment differences removed) when the entry has a link that
is distinctive within the feed; else a trustworthy GUID (non-empty, bounded, not shared by different
links in the same feed); else a hash of title and date. The link comes first because it is the only
identifier shared by the same story arriving through several feeds or after a GUID change.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import json
import re
import warnings as _warnings
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin

import feedparser
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

from extractors.urls import is_safe_url, normalize_url

PARSE_ERROR_KINDS = ("empty_feed", "not_a_feed", "unsupported_format", "entity_declaration")
WARNING_KIND = "parse_warning"  # kind to record when ok and warnings is not empty

MAX_TITLE_CHARS = 500
MAX_SUMMARY_CHARS = 10_000
MAX_CONTENT_CHARS = 2_000_000
MAX_AUTHOR_CHARS = 200
MAX_GUID_CHARS = 1_000
MAX_URL_CHARS = 4_000
MAX_FEED_TEXT_CHARS = 1_000
FULL_TEXT_MIN_WORDS = 150
FUTURE_TOLERANCE = timedelta(days=1)

_WS = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_CDATA_OR_COMMENT = re.compile(rb"<!\[CDATA\[.*?(?:\]\]>|\Z)|<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"<[^>]*>")
_ENTITY_REF = re.compile(r"&#?\w+;")
_SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_MARKUP_NOISE = re.compile(rb"<\?.*?\?>|<!DOCTYPE[^>]*>", re.S | re.I)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_FIRST_MARKUP = re.compile(rb"<\s*([!?]?[A-Za-z][A-Za-z0-9:._-]*)")
_HTML_ROOTS = {b"html", b"head", b"body", b"div", b"p", b"script", b"meta", b"title", b"table"}
_FEED_ROOTS = {b"rss", b"feed", b"rdf:rdf", b"rdf", b"channel"}


@dataclass(frozen=True)
class FeedEntry:
    """One feed entry, as plain data (texts capped and plain, link safe or None)."""

    key: str
    guid: str | None
    link: str | None
    title: str
    summary: str
    content_html: str | None
    has_full_text: bool
    published: datetime | None
    author: str | None
    unsafe_link: str | None = None  # the entry's link when it was not an absolute http(s) URL


@dataclass(frozen=True)
class ParsedFeed:
    """Result of `parse_feed`: ``ok`` with entries, or ``error_kind`` from `PARSE_ERROR_KINDS`."""

    ok: bool
    error_kind: str | None
    message: str | None
    version: str | None
    title: str | None
    link: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ttl_minutes: int | None = None
    new_location: str | None = None  # RSS <redirect><newLocation>: treat like a 301 (persist only if it works)


def _fail(kind: str, message: str, warnings: list[str] | None = None) -> ParsedFeed:
    return ParsedFeed(False, kind, message, None, None, None, [], list(warnings or []), None)


def _cap(text: str, limit: int, what: str, warnings: list[str]) -> str:
    if len(text) > limit:
        warnings.append(f"{what} truncated from {len(text)} to {limit} characters")
        return text[:limit]
    return text


def clean_text(text: str | None) -> str:
    """Collapse whitespace and drop control characters."""
    if not text:
        return ""
    return _WS.sub(" ", _CONTROL.sub("", text)).strip()


def html_to_text(html: str | None) -> str:
    """Plain text of an HTML fragment (scripts/styles dropped, whitespace normalised)."""
    if not html:
        return ""
    if "<" not in html and "&" not in html:
        return clean_text(html)
    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        _warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "iframe", "object"]):
        tag.decompose()
    return clean_text(soup.get_text(" "))


def _sniff(body: bytes) -> bytes:
    """ASCII-ish view of the start of the document."""
    return _ascii_view(body[:65536])


def _ascii_view(head: bytes) -> bytes:
    """The bytes with UTF-16/32 (BOM or ``<`` pattern) folded to single bytes; others unchanged."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, "ignore").encode("ascii", "replace")
    if head[:4] in (b"\x00\x00\x00<", b"<\x00\x00\x00"):
        return head.decode("utf-32-be" if head[0] == 0 else "utf-32-le", "ignore").encode("ascii", "replace")
    if head[:2] in (b"\x00<", b"<\x00"):
        return head.decode("utf-16-be" if head[0] == 0 else "utf-16-le", "ignore").encode("ascii", "replace")
    return head


def _declares_entity(body: bytes) -> bool:
    view = _ascii_view(body)
    if _ENTITY_DECL.search(view) is None:
        return False
    return _ENTITY_DECL.search(_CDATA_OR_COMMENT.sub(b"", view)) is not None


def _root_name(view: bytes) -> bytes | None:
    stripped = _CDATA_OR_COMMENT.sub(b"", view[:16384])
    pos = 0
    while True:
        m = _FIRST_MARKUP.search(stripped, pos)
        if m is None:
            return None
        name = m.group(1).lower()
        if name.startswith(b"?"):  # <?xml ...?> and other PIs
            pos = m.end()
            continue
        if name.startswith(b"!"):  # DOCTYPE (even an HTML one: RSS behind it is still RSS)
            pos = m.end()
            continue
        return name


def _headers_lower(headers: Mapping[str, str] | None) -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in (headers or {}).items()}


def _to_datetime(parsed: object, now: datetime, warnings_: list[str]) -> datetime | None:
    if not parsed:
        return None
    try:
        dt = datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    if dt > now + FUTURE_TOLERANCE:
        warnings_.append(f"future date {dt.isoformat()} clamped to {now.isoformat()}")
        return now
    return dt


def _parse_iso(value: object, now: datetime, warnings_: list[str]) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        parsed = feedparser._parse_date(value)  # type: ignore[attr-defined]
        return _to_datetime(parsed, now, warnings_)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    dt = dt.astimezone(UTC)
    if dt > now + FUTURE_TOLERANCE:
        warnings_.append(f"future date {dt.isoformat()} clamped to {now.isoformat()}")
        return now
    return dt


@dataclass
class _Raw:
    """An entry before identity is decided."""

    guid: str | None
    link: str | None
    unsafe_link: str | None
    title: str
    summary: str
    content_html: str | None
    has_full_text: bool
    published: datetime | None
    author: str | None


def _resolve_link(raw: object, base: str) -> tuple[str | None, str | None]:
    """(safe absolute link, unsafe original) for an entry link."""
    if not isinstance(raw, str) or not raw.strip():
        return None, None
    raw = raw.strip()[:MAX_URL_CHARS]
    try:
        absolute = urljoin(base, raw) if base else raw
    except ValueError:
        return None, raw
    if is_safe_url(absolute):
        return absolute, None
    return None, raw


def _words(text: str) -> int:
    return len(text.split())


def _html_words(html_text: str | None) -> int:
    """Word count of an HTML fragment (fast: tags and entities stripped by regex, no tree)."""
    if not html_text:
        return 0
    return len(_ENTITY_REF.sub(" ", _TAG.sub(" ", _SCRIPT_STYLE.sub(" ", html_text))).split())


def _build_entries(raws: list[_Raw], warnings_: list[str]) -> list[FeedEntry]:
    link_keys = [normalize_url(r.link) if r.link else None for r in raws]
    link_counts = Counter(k for k in link_keys if k)
    guid_links: dict[str, set[str | None]] = {}
    for raw, lk in zip(raws, link_keys, strict=True):
        if raw.guid:
            guid_links.setdefault(raw.guid, set()).add(lk)
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    dropped = duplicates = 0
    for raw, lk in zip(raws, link_keys, strict=True):
        guid_ok = bool(raw.guid) and len(guid_links.get(raw.guid or "", ())) <= 1
        if lk and link_counts[lk] == 1:
            key = "url:" + lk
        elif guid_ok:
            key = "guid:" + str(raw.guid)
        elif lk and not raw.guid and raw.title:
            key = "hash:" + hashlib.sha256(f"{lk}\n{raw.title}\n{raw.published}".encode()).hexdigest()[:32]
        elif raw.title or raw.summary:
            date = raw.published.isoformat() if raw.published else ""
            text = raw.title or raw.summary[:500]
            key = "hash:" + hashlib.sha256(f"{text}\n{date}".encode()).hexdigest()[:32]
        else:
            dropped += 1
            continue
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        entries.append(FeedEntry(
            key=key, guid=raw.guid, link=raw.link, title=raw.title, summary=raw.summary,
            content_html=raw.content_html, has_full_text=raw.has_full_text, published=raw.published,
            author=raw.author, unsafe_link=raw.unsafe_link,
        ))
    if dropped:
        warnings_.append(f"{dropped} entries without link, guid, title or text dropped")
    if duplicates:
        warnings_.append(f"{duplicates} duplicate entries dropped")
    return entries


def _text_field(detail: Mapping | None, value: object) -> str:
    """Plain text of a feedparser text construct (HTML only converted when typed as HTML)."""
    if not isinstance(value, str):
        return ""
    ctype = str((detail or {}).get("type", "")).lower()
    if "html" in ctype:
        return html_to_text(value)
    return clean_text(value)


def _entry_from_feedparser(e: Mapping, base: str, now: datetime, warnings_: list[str]) -> _Raw:
    guid = e.get("id") or e.get("guid")
    guid = clean_text(guid)[:MAX_GUID_CHARS] if isinstance(guid, str) else None
    link_raw = e.get("link")
    if not link_raw:
        for link in e.get("links") or []:
            if link.get("href") and link.get("rel", "alternate") == "alternate":
                link_raw = link["href"]
                break
    link, unsafe = _resolve_link(link_raw, base)
    title = _cap(_text_field(e.get("title_detail"), e.get("title")), MAX_TITLE_CHARS, "title", warnings_)
    summary_text = _text_field(e.get("summary_detail"), e.get("summary"))
    content_html = None
    contents = [c for c in (e.get("content") or []) if isinstance(c.get("value"), str)]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        value = best["value"]
        if "html" not in str(best.get("type", "")).lower():
            value = html_escape_text(value)
        content_html = _cap(value, MAX_CONTENT_CHARS, "content", warnings_)
    if not summary_text and content_html:
        summary_text = html_to_text(content_html[: MAX_SUMMARY_CHARS * 4])
    summary = _cap(summary_text, MAX_SUMMARY_CHARS, "summary", warnings_)
    has_full = max(_html_words(content_html), _words(summary_text)) >= FULL_TEXT_MIN_WORDS
    published = _to_datetime(e.get("published_parsed") or e.get("updated_parsed") or e.get("created_parsed"),
                             now, warnings_)
    author = e.get("author")
    author = clean_text(author)[:MAX_AUTHOR_CHARS] or None if isinstance(author, str) else None
    return _Raw(guid or None, link, unsafe, title, summary, content_html, has_full, published, author)


def html_escape_text(text: str) -> str:
    """Plain text as an HTML fragment."""
    import html

    return "<p>" + html.escape(text) + "</p>"


def _parse_json_feed(doc: Mapping, url: str, max_entries: int, now: datetime) -> ParsedFeed:
    warnings_: list[str] = []
    items = doc.get("items")
    if not isinstance(items, list):
        return _fail("not_a_feed", "JSON Feed without an items list")
    if len(items) > max_entries:
        warnings_.append(f"{len(items)} entries capped to {max_entries}")
        items = items[:max_entries]
    base = doc.get("feed_url") if is_safe_url(doc.get("feed_url")) else url
    raws: list[_Raw] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        guid = item.get("id")
        guid = clean_text(str(guid))[:MAX_GUID_CHARS] if guid not in (None, "") else None
        link, unsafe = _resolve_link(item.get("url") or item.get("external_url"), base or url)
        title = _cap(clean_text(str(item.get("title") or "")), MAX_TITLE_CHARS, "title", warnings_)
        content_html = item.get("content_html") if isinstance(item.get("content_html"), str) else None
        if content_html:
            content_html = _cap(_sanitize(content_html), MAX_CONTENT_CHARS, "content", warnings_)
        elif isinstance(item.get("content_text"), str):
            content_html = _cap(html_escape_text(item["content_text"]), MAX_CONTENT_CHARS, "content", warnings_)
        content_text = html_to_text(content_html)
        summary_src = item.get("summary") if isinstance(item.get("summary"), str) else ""
        summary = _cap(clean_text(summary_src) or content_text, MAX_SUMMARY_CHARS, "summary", warnings_)
        published = _parse_iso(item.get("date_published") or item.get("date_modified"), now, warnings_)
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        author = None
        if authors and isinstance(authors[0], dict) and isinstance(authors[0].get("name"), str):
            author = clean_text(authors[0]["name"])[:MAX_AUTHOR_CHARS] or None
        has_full = max(_words(content_text), _words(clean_text(summary_src))) >= FULL_TEXT_MIN_WORDS
        raws.append(_Raw(guid, link, unsafe, title, summary, content_html, has_full, published, author))
    entries = _build_entries(raws, warnings_)
    version = str(doc.get("version", ""))
    short = "json11" if version.rstrip("/").endswith("1.1") else "json1"
    home, _ = _resolve_link(doc.get("home_page_url"), url)
    return ParsedFeed(True, None, None, short, clean_text(str(doc.get("title") or ""))[:MAX_FEED_TEXT_CHARS] or None,
                      home, entries, warnings_, None)


def _sanitize(html_text: str) -> str:
    """Sanitise HTML from a non-XML source with feedparser's sanitiser."""
    try:
        from feedparser.sanitizer import _sanitize_html

        return _sanitize_html(html_text, "utf-8", "text/html")
    except Exception:  # pragma: no cover - sanitizer API moved
        import html

        return "<p>" + html.escape(html_to_text(html_text)) + "</p>"


def run_feedparser(body: bytes, *, url: str, headers: Mapping[str, str] | None = None) -> dict:
    """feedparser on ``io.BytesIO(body)``, with the response headers and the feed URL as base.

    ``headers`` (lower-case keys) get ``content-location`` made absolute (default: ``url``), so relative
    links in content resolve against the feed; with no headers, relative content links stay relative
    and entry links are resolved by `parse_feed` itself.
    """
    hdrs = headers if isinstance(headers, dict) else _headers_lower(headers)
    if hdrs:  # with no headers at all feedparser skips its HTTP content-type rules, as upstream does
        loc = hdrs.get("content-location")
        hdrs["content-location"] = urljoin(url, loc) if loc else url
    return feedparser.parse(io.BytesIO(body), response_headers=hdrs, sanitize_html=True, resolve_relative_uris=True)


def parse_feed(
    body: bytes,
    *,
    url: str,
    headers: Mapping[str, str] | None = None,
    max_entries: int = 500,
    now: datetime | None = None,
) -> ParsedFeed:
    """Parse a fetched feed body. Never raises; failures come back as ``ok=False`` with a kind."""
    try:
        return _parse_feed(body, url=url, headers=headers, max_entries=max_entries, now=now)
    except Exception as exc:  # a parser bug must not stop the run
        return _fail("not_a_feed", f"parser failure: {type(exc).__name__}: {str(exc)[:200]}")


def _parse_feed(
    body: bytes, *, url: str, headers: Mapping[str, str] | None, max_entries: int, now: datetime | None
) -> ParsedFeed:
    now = now or datetime.now(UTC)
    if body is None or not isinstance(body, bytes | bytearray | memoryview):
        return _fail("empty_feed", "no body")
    body = bytes(body)
    view = _sniff(body)
    stripped = view.lstrip(b" \t\r\n\x00\x0b\x0c")
    if not stripped:
        return _fail("empty_feed", "empty or whitespace-only body")
    if _declares_entity(body):
        return _fail("entity_declaration", "document declares XML entities (<!ENTITY); refused")
    if stripped[:1] in (b"{", b"["):
        try:
            doc = json.loads(body.decode("utf-8-sig", "replace"))
        except (ValueError, RecursionError):
            doc = None
        if isinstance(doc, dict) and "jsonfeed.org" in str(doc.get("version", "")):
            return _parse_json_feed(doc, url, max_entries, now)
        return _fail("not_a_feed", "JSON document that is not a JSON Feed")
    root = _root_name(stripped)
    if root is None:
        if not _MARKUP_NOISE.sub(b"", _CDATA_OR_COMMENT.sub(b"", stripped)).strip():
            return _fail("empty_feed", "no element in the document")
        return _fail("not_a_feed", "no markup in the document")
    if root in _HTML_ROOTS:
        return _fail("not_a_feed", "HTML page, not a feed")

    hdrs = _headers_lower(headers)
    result = run_feedparser(body, url=url, headers=hdrs)
    warnings_: list[str] = []
    if result.get("bozo"):
        exc = result.get("bozo_exception")
        text = f"{type(exc).__name__}: {str(exc)[:300]}"
        if not ("content-type" not in hdrs and "no Content-type specified" in text):
            warnings_.append(text)
    version = result.get("version") or None
    feed = result.get("feed") or {}
    raw_entries = result.get("entries") or []
    if not raw_entries and not version:
        if root is not None and root in _FEED_ROOTS and (feed.get("title") or feed.get("link")):
            version = "unknown"
        else:
            kind_msg = "no feed found in the document"
            if warnings_:
                kind_msg += f" ({warnings_[0]})"
            return _fail("not_a_feed", kind_msg, warnings_)
    if len(raw_entries) > max_entries:
        warnings_.append(f"{len(raw_entries)} entries capped to {max_entries}")
        raw_entries = raw_entries[:max_entries]
    loc = hdrs.get("content-location")
    base = loc if loc and is_safe_url(loc) else url
    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore", DeprecationWarning)  # feedparser's updated/published mapping
        raws = [_entry_from_feedparser(e, base, now, warnings_) for e in raw_entries]
    entries = _build_entries(raws, warnings_)
    title = _text_field(feed.get("title_detail"), feed.get("title"))[:MAX_FEED_TEXT_CHARS] or None
    link, _ = _resolve_link(feed.get("link"), base)
    ttl = None
    ttl_raw = feed.get("ttl")
    if isinstance(ttl_raw, str) and ttl_raw.strip().isdigit():
        ttl = int(ttl_raw.strip()[:9])
    new_location, _ = _resolve_link(feed.get("newlocation"), base)
    return ParsedFeed(True, None, None, version, title, link, entries, _dedupe(warnings_), ttl, new_location)


def _dedupe(items: list[str], limit: int = 50) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
        if len(out) >= limit:
            out.append("more warnings omitted")
            break
    return out
