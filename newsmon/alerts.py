"""Alert emails: build the digest of new matches (pure, deterministic for the same items).

This module owns the alert message, nothing else: no Prefect, no SQL, no network. The caller
(the flow) picks the pending alerts, calls `build_digest`, then hands each message to
`newsmon.mailer` (`send_message` over SMTP, or `write_eml` when SMTP is not configured) and
records the outcome.

`build_digest` -> one `EmailMessage` (several when `max_bytes` is reached) with a text/plain
part that reads well in a terminal and an HTML part in which every feed-supplied string is
escaped and only http(s) URLs become links. Header values are collapsed to one line with no
control characters and no RFC 2047 encoded-word syntax (CPython gh-121650 / CVE-2024-6923),
and capped. The Message-ID is derived from the alert ids the message carries
(`digest_message_id`), so a re-send after a crash is recognisable; the ids are also listed
in the ``X-Newsmon-Alert-Ids`` header (`digest_alert_ids`) so the caller can mark exactly
what each message carried.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

DEFAULT_SUBJECT_PREFIX = "[newsmon]"
DEFAULT_MAX_BYTES = 500_000
DEFAULT_MESSAGE_ID_DOMAIN = "newsmon.local"
SUBJECT_MAX_CHARS = 150
HEADER_MAX_CHARS = 200  # any other header value built from configuration

# Caps on feed-supplied strings so that one item cannot blow the size cap on its own.
TITLE_MAX_CHARS = 300
OUTLET_MAX_CHARS = 120
URL_MAX_CHARS = 2_000
SENTENCE_MAX_CHARS = 1_000
QUOTE_MAX_CHARS = 500
SHORT_FIELD_MAX_CHARS = 200
MAX_REPORTS_PER_ITEM = 20

CATEGORY_WORDS = {
    "killed": "killed",
    "wounded": "wounded",
    "casualties": "killed or wounded",
    "captured": "captured",
    "missing": "missing",
}
QUALIFIER_WORDS = {
    "approximately": "about",
    "at_least": "at least",
    "more_than": "more than",
    "up_to": "up to",
    "fewer_than": "fewer than",
}
VAGUE_WORDS = {10: "tens", 12: "dozens", 100: "hundreds", 1000: "thousands"}

HTML_STYLE = (
    "body{font-family:sans-serif;max-width:46em;line-height:1.4}ol{padding-left:1.4em}"
    "li{margin-bottom:.3em}ol>li{margin-bottom:1.2em}h3{margin:0 0 .2em 0;font-size:1.05em}"
    "p{margin:.5em 0 .2em 0}ul{margin:0}.m{color:#555;font-size:.9em}.s{color:#444}"
)
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
_URL_FORBIDDEN = frozenset('"<>\\`')  # never valid raw in a URL; they only serve markup breakouts
_SPACE_RUN = re.compile(r"\s+")
_ALERT_ID_OK = re.compile(r"^[^\s\x00-\x1f\x7f]+$")


# ---------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class AlertItem:
    """One new match to alert on."""

    alert_id: str
    topic: str
    title: str
    outlet: str
    url: str
    published: datetime | None
    casualties: list[dict] = field(default_factory=list)  # CasualtyReport.to_dict() dicts
    sentiment: list[dict] = field(default_factory=list)  # SentimentReport.to_dict() dicts


# ---------------------------------------------------------------------------------------------
# Text hygiene


def one_line(value: object, limit: int | None = None) -> str:
    """Collapse whitespace and drop control / bidi-override characters; cap at `limit` chars."""
    text = "" if value is None else str(value)
    cleaned = []
    for ch in text:
        if ch in _BIDI_CONTROLS:
            continue
        cat = unicodedata.category(ch)
        if ch.isspace() or cat in ("Cc", "Zl", "Zp"):
            cleaned.append(" ")
        elif cat == "Cs":  # lone surrogate
            cleaned.append("\ufffd")
        else:
            cleaned.append(ch)
    text = _SPACE_RUN.sub(" ", "".join(cleaned)).strip()
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 1, 0)].rstrip() + "\u2026"
    return text


def header_value(value: object, limit: int = HEADER_MAX_CHARS) -> str:
    """A value safe for an email header: one line, capped, no RFC 2047 encoded-word syntax.

    Python's header parser decodes ``=?charset?q?...?=`` found in a value we set, so an
    encoded newline would become a real one on output (gh-121650); a zero-width space
    between ``=`` and ``?`` keeps the text readable and inert.
    """
    text = one_line(value, limit).replace("=?", "=\u200b?")
    return text


def safe_url(url: object) -> str | None:
    """The URL if it is an absolute http(s) URL with no whitespace or control characters."""
    if not isinstance(url, str) or not url or len(url) > URL_MAX_CHARS:
        return None
    if any(ch.isspace() or ch in _URL_FORBIDDEN or unicodedata.category(ch) in ("Cc", "Cf") for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


# ---------------------------------------------------------------------------------------------
# Wording of figures and sentiment reports


def _fmt_int(n: object) -> str:
    return f"{n:,}" if isinstance(n, int) else str(n)


def figure_phrase(c: dict) -> str:
    """'around 3,000 killed or wounded' from a CasualtyReport dict."""
    category = CATEGORY_WORDS.get(str(c.get("category")), one_line(c.get("category"), 40) or "casualties")
    written = one_line(c.get("text"), SHORT_FIELD_MAX_CHARS)
    if not written:
        lo, hi, q = c.get("min"), c.get("max"), c.get("qualifier")
        if q == "vague" and lo in VAGUE_WORDS:
            written = VAGUE_WORDS[lo]
        elif q == "range" or (lo is not None and hi is not None and lo != hi):
            written = f"{_fmt_int(lo)}\u2013{_fmt_int(hi)}"
        else:
            n = lo if lo is not None else hi
            written = _fmt_int(n) if n is not None else "an unstated number"
            if q in QUALIFIER_WORDS:
                written = f"{QUALIFIER_WORDS[q]} {written}"
    return f"{written} {category}"


def _attribution(c: dict) -> str:
    source = one_line(c.get("attributed_to"), SHORT_FIELD_MAX_CHARS)
    return f"per {source}" if source else "source not stated"


def figure_line(c: dict) -> str:
    """One line: figure, party, source."""
    party = one_line(c.get("party"), SHORT_FIELD_MAX_CHARS) or "unknown"
    return f"{figure_phrase(c)} \u2014 {party} \u2014 {_attribution(c)}"


def sentiment_line(s: dict) -> str:
    """One line: holder, stance (score), place."""
    holder = one_line(s.get("holder"), SHORT_FIELD_MAX_CHARS) or "someone"
    stance = one_line(s.get("stance"), SHORT_FIELD_MAX_CHARS) or "unknown"
    score = s.get("score")
    line = f"{holder}: {stance}"
    if isinstance(score, int | float):
        line += f" ({score:+.2f})"
    place = one_line(s.get("location"), SHORT_FIELD_MAX_CHARS)
    if place:
        line += f" \u2014 in {place}"
    return line


def _same_text(sentence: str, quote: str) -> bool:
    """True when the sentence is just the quote (in its quotation marks): print it once."""
    marks = "\"'“”‘’«» "
    return bool(quote) and sentence.strip(marks) == quote.strip(marks)


def _date_text(published: datetime | None) -> str:
    if published is None:
        return "date unknown"
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return published.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


# ---------------------------------------------------------------------------------------------
# Rendering one item


def _item_text(n: int, item: AlertItem) -> str:
    lines = [f"{n}. {one_line(item.title, TITLE_MAX_CHARS) or '(untitled)'}"]
    lines.append(f"   {one_line(item.outlet, OUTLET_MAX_CHARS) or 'unknown outlet'} \u00b7 {_date_text(item.published)}")
    url = safe_url(item.url)
    lines.append(f"   {url}" if url else "   (link omitted: not an http(s) URL)")
    if item.casualties:
        lines.append("   Figures:")
        for c in item.casualties[:MAX_REPORTS_PER_ITEM]:
            lines.append(f"   - {figure_line(c)}")
            sentence = one_line(c.get("sentence"), SENTENCE_MAX_CHARS)
            if sentence:
                lines.append(f'     "{sentence}"')
        if len(item.casualties) > MAX_REPORTS_PER_ITEM:
            lines.append(f"   - and {len(item.casualties) - MAX_REPORTS_PER_ITEM} more")
    if item.sentiment:
        lines.append("   Sentiment:")
        for s in item.sentiment[:MAX_REPORTS_PER_ITEM]:
            lines.append(f"   - {sentiment_line(s)}")
            quote = one_line(s.get("quote"), QUOTE_MAX_CHARS)
            if quote:
                lines.append(f"     quote: \u201c{quote}\u201d")
            sentence = one_line(s.get("sentence"), SENTENCE_MAX_CHARS)
            if sentence and not _same_text(sentence, quote):
                lines.append(f'     "{sentence}"')
        if len(item.sentiment) > MAX_REPORTS_PER_ITEM:
            lines.append(f"   - and {len(item.sentiment) - MAX_REPORTS_PER_ITEM} more")
    return "\n".join(lines) + "\n\n"


def _item_html(item: AlertItem) -> str:
    title = _esc(one_line(item.title, TITLE_MAX_CHARS) or "(untitled)")
    url = safe_url(item.url)
    if url:
        head = f'<a href="{_esc(url)}" rel="noopener noreferrer">{title}</a>'
    else:
        head = f'{title} <span class="m">(link omitted: not an http(s) URL)</span>'
    outlet = _esc(one_line(item.outlet, OUTLET_MAX_CHARS) or "unknown outlet")
    topic = _esc(one_line(item.topic, SHORT_FIELD_MAX_CHARS))
    parts = [f'<h3>{head}</h3>\n<div class="m">{outlet} &middot; {_esc(_date_text(item.published))} &middot; {topic}</div>']
    if item.casualties:
        parts.append("<p><b>Figures</b></p><ul>")
        for c in item.casualties[:MAX_REPORTS_PER_ITEM]:
            party = _esc(one_line(c.get("party"), SHORT_FIELD_MAX_CHARS) or "unknown")
            line = f"<li><b>{_esc(figure_phrase(c))}</b> &mdash; {party} &mdash; {_esc(_attribution(c))}"
            sentence = one_line(c.get("sentence"), SENTENCE_MAX_CHARS)
            if sentence:
                line += f'<br><span class="s">&ldquo;{_esc(sentence)}&rdquo;</span>'
            parts.append(line + "</li>")
        if len(item.casualties) > MAX_REPORTS_PER_ITEM:
            parts.append(f"<li>and {len(item.casualties) - MAX_REPORTS_PER_ITEM} more</li>")
        parts.append("</ul>")
    if item.sentiment:
        parts.append("<p><b>Sentiment</b></p><ul>")
        for s in item.sentiment[:MAX_REPORTS_PER_ITEM]:
            quote = one_line(s.get("quote"), QUOTE_MAX_CHARS)
            sentence = one_line(s.get("sentence"), SENTENCE_MAX_CHARS)
            line = f"<li>{_esc(sentiment_line(s))}"
            if quote:
                line += f"<br><q>{_esc(quote)}</q>"
            if sentence and not _same_text(sentence, quote):
                line += f'<br><span class="s">&ldquo;{_esc(sentence)}&rdquo;</span>'
            parts.append(line + "</li>")
        if len(item.sentiment) > MAX_REPORTS_PER_ITEM:
            parts.append(f"<li>and {len(item.sentiment) - MAX_REPORTS_PER_ITEM} more</li>")
        parts.append("</ul>")
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------
# Digest


def digest_message_id(alert_ids: Sequence[str], domain: str = DEFAULT_MESSAGE_ID_DOMAIN) -> str:
    """A Message-ID determined by the set of alert ids (order and duplicates do not matter)."""
    if not alert_ids:
        raise ValueError("a digest needs at least one alert id")
    digest = hashlib.sha256("\n".join(sorted(set(alert_ids))).encode("utf-8")).hexdigest()[:32]
    return f"<newsmon.{digest}@{domain}>"


def digest_alert_ids(msg: EmailMessage) -> list[str]:
    """The alert ids a digest built by `build_digest` carries (from X-Newsmon-Alert-Ids)."""
    value = msg.get("X-Newsmon-Alert-Ids")
    return str(value).split() if value else []


def _sender_domain(sender: str) -> str:
    domain = sender.rpartition("@")[2].strip().strip(">").lower()
    return domain if re.fullmatch(r"[a-z0-9.-]+", domain or "") and "." in domain else DEFAULT_MESSAGE_ID_DOMAIN


def _check_address(address: str, what: str) -> str:
    if not isinstance(address, str) or "@" not in address or any(
        ch.isspace() or unicodedata.category(ch) == "Cc" or ch in ",;<>" for ch in address
    ):
        raise ValueError(f"{what} {address!r} is not a plain email address")
    return address


def _sort_key(item: AlertItem) -> tuple:
    pub = item.published
    if pub is not None and pub.tzinfo is None:
        pub = pub.replace(tzinfo=UTC)
    return (pub is None, -(pub.timestamp()) if pub else 0.0, item.alert_id)


def _subject(prefix: str, rule: str, items: Sequence[AlertItem], part: int, parts: int) -> str:
    n = len(items)
    figures = sum(len(i.casualties) for i in items)
    subject = f"{one_line(prefix)} {one_line(rule)}: {n} new match{'es' if n != 1 else ''}"
    if figures:
        subject += f" ({figures} casualty figure{'s' if figures != 1 else ''})"
    if parts > 1:
        subject += f" [{part}/{parts}]"
    if n == 1:
        subject += f": {one_line(items[0].title)}"
    return header_value(subject, SUBJECT_MAX_CHARS)


def _render(
    items: Sequence[AlertItem],
    *,
    recipients: Sequence[str],
    sender: str,
    rule: str,
    subject_prefix: str,
    now: datetime,
    part: int,
    parts: int,
    first_number: int,
    texts: Sequence[str],
    htmls: Sequence[str],
) -> EmailMessage:
    subject = _subject(subject_prefix, rule, items, part, parts)
    ids = [i.alert_id for i in items]
    figures = sum(len(i.casualties) for i in items)
    reports = sum(len(i.sentiment) for i in items)
    summary = (
        f"{len(items)} new match{'es' if len(items) != 1 else ''} for rule {one_line(rule)}"
        f" ({figures} casualty figure{'s' if figures != 1 else ''},"
        f" {reports} sentiment report{'s' if reports != 1 else ''})"
    )
    if parts > 1:
        summary += f", part {part} of {parts}"
    when = _date_text(now)
    plain = (
        f"newsmon digest \u2014 {summary}\nGenerated {when}. "
        "Figures and sentiment are claims as reported, not verified counts.\n\n" + "".join(texts)
    )
    body = (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{_esc(subject)}</title>\n<style>{HTML_STYLE}</style></head>\n"
        f'<body>\n<p class="m">newsmon digest &mdash; {_esc(summary)}<br>Generated {_esc(when)}. '
        "Figures and sentiment are claims as reported, not verified counts.</p>\n"
        f'<ol start="{first_number}">\n'
        + "".join(f"<li>{h}</li>\n" for h in htmls)
        + "</ol>\n</body></html>\n"
    )
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = digest_message_id(ids, _sender_domain(sender))
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Newsmon-Rule"] = header_value(rule)
    msg["X-Newsmon-Alert-Ids"] = " ".join(ids)
    msg.set_content(plain, subtype="plain", charset="utf-8")
    msg.add_alternative(body, subtype="html", charset="utf-8")
    return msg


def build_digest(
    items: Sequence[AlertItem],
    *,
    recipients: Sequence[str],
    sender: str,
    rule: str,
    subject_prefix: str = DEFAULT_SUBJECT_PREFIX,
    max_bytes: int = DEFAULT_MAX_BYTES,
    now: datetime | None = None,
) -> list[EmailMessage]:
    """Digest message(s) for the new matches: one, or several when one would pass `max_bytes`.

    Items are ordered newest first (then by alert id), duplicates by alert id dropped, so the
    same items always give the same messages and Message-IDs. A single item larger than
    `max_bytes` still goes out, alone in its message. No items, no messages.
    """
    if not recipients:
        raise ValueError("a digest needs at least one recipient")
    recipients = [_check_address(r, "recipient") for r in recipients]
    sender = _check_address(sender, "sender")
    for item in items:
        if not isinstance(item.alert_id, str) or not _ALERT_ID_OK.match(item.alert_id):
            raise ValueError(f"alert id {item.alert_id!r} must be non-empty with no whitespace")
    unique: dict[str, AlertItem] = {}
    for item in items:
        unique.setdefault(item.alert_id, item)
    ordered = sorted(unique.values(), key=_sort_key)
    if not ordered:
        return []
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)

    texts = [_item_text(n, item) for n, item in enumerate(ordered, 1)]
    htmls = [_item_html(item) for item in ordered]
    common = dict(recipients=recipients, sender=sender, rule=rule, subject_prefix=subject_prefix, now=now)

    def render(lo: int, hi: int, part: int, parts: int) -> EmailMessage:
        return _render(
            ordered[lo:hi], part=part, parts=parts, first_number=lo + 1, texts=texts[lo:hi], htmls=htmls[lo:hi], **common
        )

    # Pack greedily by each item's raw size times the transfer-encoding inflation measured on a
    # sample, then verify each message and halve any that is still over the cap.
    raw = [len(t.encode("utf-8")) + len(h.encode("utf-8")) + len(i.alert_id) + 1 for t, h, i in zip(texts, htmls, ordered, strict=True)]
    sample = min(len(ordered), 50)
    overhead = max(len(render(0, 1, 1, 1).as_bytes()) - raw[0], 0)
    ratio = max((len(render(0, sample, 1, 1).as_bytes()) - overhead) / max(sum(raw[:sample]), 1), 1.0) * 1.02
    chunks: list[tuple[int, int]] = []
    lo, size = 0, overhead
    for i, cost in enumerate(raw):
        if i > lo and size + cost * ratio > max_bytes:
            chunks.append((lo, i))
            lo, size = i, overhead
        size += cost * ratio
    chunks.append((lo, len(ordered)))

    final: list[tuple[int, int]] = []
    for lo, hi in chunks:
        final.extend(_split_until_fits(lo, hi, lambda a, b: len(render(a, b, 1, 1).as_bytes()), max_bytes))
    return [render(lo, hi, n, len(final)) for n, (lo, hi) in enumerate(final, 1)]


def _split_until_fits(lo: int, hi: int, measure, max_bytes: int) -> list[tuple[int, int]]:
    if hi - lo <= 1 or measure(lo, hi) <= max_bytes:
        return [(lo, hi)]
    mid = (lo + hi) // 2
    return _split_until_fits(lo, mid, measure, max_bytes) + _split_until_fits(mid, hi, measure, max_bytes)
