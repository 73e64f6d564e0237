"""The steps of a monitoring run as plain functions, with no Prefect in them.

``flows/monitor.py`` wraps each step in a task and only orchestrates; tests call
the steps directly. The order of a run:

1. ``plan_feeds``: which feeds are due (backoff, Retry-After, TTL, disabled).
2. fetch the due feeds (``newsmon.fetch.Fetcher``), then ``parse_fetched``:
   feed-state rows, error rows and the entries of each feed.
3. ``new_items``: entries whose key is not stored yet (once across feeds).
4. ``plan_chunks``: feeds grouped into batches, so a feed's state (its ETag) is
   committed in the same transaction as its entries, and a run stopped by its
   time budget leaves unfinished feeds due.
5. fetch article pages for entries whose feed does not carry the full text,
   then ``build_batch``: text, topic match, casualty figures, sentiment
   reports and outbox rows as one ``WriteBatch``.
6. ``deliver_alerts``: digests for pending outbox rows, sent over SMTP or
   written as ``.eml`` files; outcomes recorded on the rows.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from extractors.analyze import analyze
from extractors.feeds import FeedEntry, ParsedFeed, parse_feed
from extractors.text import clean_text, extract_article, html_fragment_to_text, one_line
from extractors.topics import match_topic
from extractors.urls import redact_text
from newsmon.config import FeedConfig, Settings
from newsmon.fetch import FetchOptions, FetchResult
from storage import FeedState, WriteBatch, record_id, utc_naive

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=24)
FIRST_BACKOFF = timedelta(minutes=15)
MAX_TTL = timedelta(hours=24)
FUTURE_SLACK = timedelta(hours=1)  # feed dates further ahead than this are clamped to first-seen


def fetch_options(settings: Settings) -> FetchOptions:
    f = settings.fetch
    return FetchOptions(
        timeout=f["timeout"], deadline=f["deadline"], concurrency=f["concurrency"], per_host=f["per_host"],
        max_redirects=f["max_redirects"], max_feed_bytes=f["max_feed_bytes"], max_article_bytes=f["max_article_bytes"],
        user_agent=f["user_agent"], allow_private_networks=f["allow_private_networks"],
        allowed_hosts=tuple(f["allowed_hosts"]),
    )


# -- 1. which feeds are due ----------------------------------------------------------------------------------
def plan_feeds(feeds: Sequence[FeedConfig], states: dict[str, FeedState], now: datetime,
               *, force: bool = False) -> tuple[list[FeedConfig], list[tuple[FeedConfig, str]]]:
    """Split feeds into due ones and skipped ones (with the reason)."""
    due, skipped = [], []
    now = utc_naive(now)
    for feed in feeds:
        st = states.get(feed.url)
        if st and st.status == "disabled":
            skipped.append((feed, "disabled (run `newsmon feeds reset URL` to re-enable)"))
        elif st and st.next_check_at and st.next_check_at > now and not force:
            skipped.append((feed, f"not due until {st.next_check_at:%Y-%m-%d %H:%M} UTC ({st.status})"))
        else:
            due.append(feed)
    return due, skipped


def fetch_url_for(feed: FeedConfig, state: FeedState | None) -> str:
    return (state.permanent_url if state and state.permanent_url else None) or feed.url


def conditional_headers(state: FeedState | None) -> dict[str, str | None]:
    return {"etag": state.etag if state else None, "last_modified": state.last_modified if state else None}


# -- 2. feed results -----------------------------------------------------------------------------------------
@dataclass
class FeedOutcome:
    feed: FeedConfig
    row: dict  # the feeds table row to write
    entries: list[FeedEntry] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    status: str = "ok"  # ok | not_modified | failed


def backoff(failures: int, url: str) -> timedelta:
    """Exponential backoff after consecutive failures: 0 after the first (the next run retries),
    then 15 min, 30 min, 1 h, ... capped at 24 h, with a small per-feed jitter so feeds that
    failed together do not retry in lockstep."""
    if failures <= 1:
        return timedelta(0)
    base = min(FIRST_BACKOFF * 2 ** (failures - 2), MAX_BACKOFF)
    jitter = int(hashlib.sha1(url.encode()).hexdigest()[:4], 16) / 0xFFFF * 0.1
    return min(base * (1 + jitter), MAX_BACKOFF)


def error_row(*, run_id: str, stage: str, kind: str, message: str, now: datetime, feed_url: str | None = None,
              item_url: str | None = None, status: int | None = None, attempt: int = 1) -> dict:
    return {
        "id": record_id(run_id, stage, feed_url, item_url, kind),
        "run_id": run_id, "feed_url": feed_url, "item_url": item_url, "stage": stage, "kind": kind,
        "status": status, "attempt": attempt, "message": redact_text(message)[:2000], "occurred_at": now,
    }


def parse_fetched(feed: FeedConfig, state: FeedState | None, result: FetchResult, *, run_id: str,
                  now: datetime, max_entries: int) -> FeedOutcome:
    """Turn one feed's fetch result into its state row, entries and error rows."""
    now = utc_naive(now)
    st = state or FeedState(url=feed.url)
    row: dict[str, Any] = {
        "url": feed.url, "name": feed.name, "title": None, "etag": st.etag, "last_modified": st.last_modified,
        "status": st.status, "last_fetch_at": now, "last_success_at": st.last_success_at,
        "last_error_kind": None, "last_error": None, "consecutive_failures": st.consecutive_failures,
        "next_check_at": None, "permanent_url": st.permanent_url, "entries_seen": st.entries_seen,
    }

    def failed(kind: str, message: str, status: int | None = None, stage: str = "fetch_feed",
               retry_after: float | None = None) -> FeedOutcome:
        failures = st.consecutive_failures + 1
        row.update(consecutive_failures=failures, last_error_kind=kind, last_error=redact_text(message)[:500])
        if status == 410:
            row.update(status="disabled", next_check_at=None)
        elif kind == "rate_limited":
            row.update(status="rate_limited", next_check_at=now + timedelta(seconds=retry_after or 3600))
        else:
            row.update(status="failing", next_check_at=now + backoff(failures, feed.url))
        err = error_row(run_id=run_id, stage=stage, kind=kind, message=message, now=now, feed_url=feed.url,
                        status=status, attempt=failures)
        return FeedOutcome(feed, row, [], [err], "failed")

    if result.error is not None:
        return failed(result.error.kind, result.error.message, result.error.status, retry_after=result.retry_after)
    row.update(last_success_at=now, consecutive_failures=0, status="ok")
    if result.not_modified:
        return FeedOutcome(feed, row, [], [], "not_modified")
    parsed: ParsedFeed = parse_feed(result.body or b"", url=result.final_url, headers=result.headers,
                                    max_entries=max_entries)
    if not parsed.ok:
        row.update(last_success_at=st.last_success_at)
        return failed(parsed.error_kind or "not_a_feed", parsed.message or "not a feed", stage="parse_feed")
    errors = [
        error_row(run_id=run_id, stage="parse_feed", kind="parse_warning", message=w, now=now, feed_url=feed.url)
        for w in parsed.warnings[:5]
    ]
    ttl = timedelta(minutes=parsed.ttl_minutes) if parsed.ttl_minutes else None
    row.update(
        title=one_line(parsed.title) or None, etag=result.etag, last_modified=result.last_modified,
        entries_seen=len(parsed.entries),  # entries in the last document fetched
        next_check_at=now + min(ttl, MAX_TTL) if ttl else None,
        permanent_url=result.permanent_redirect or st.permanent_url,  # persisted only now that it gave a feed
    )
    return FeedOutcome(feed, row, list(parsed.entries), errors, "ok")


# -- 3. new entries ------------------------------------------------------------------------------------------
@dataclass
class Item:
    """One new entry on its way to storage."""

    feed: FeedConfig
    entry: FeedEntry
    article_id: str
    page: FetchResult | None = None

    @property
    def needs_page(self) -> bool:
        return not self.entry.has_full_text and bool(self.entry.link)


def new_items(outcomes: Sequence[FeedOutcome], known: set[str]) -> list[Item]:
    """Entries not stored yet, each once even when several feeds carry it."""
    seen = set(known)
    items = []
    for out in outcomes:
        for e in out.entries:
            if e.key in seen:
                continue
            seen.add(e.key)
            items.append(Item(out.feed, e, record_id("article", e.key)))
    return items


def plan_chunks(outcomes: Sequence[FeedOutcome], items: Sequence[Item], size: int) -> list[tuple[list[FeedOutcome], list[Item]]]:
    """Group feeds into batches of about ``size`` new items; every feed lands in exactly one batch,
    with all its items, so its state row is committed together with its entries."""
    by_feed: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        by_feed[it.feed.url].append(it)
    chunks: list[tuple[list[FeedOutcome], list[Item]]] = []
    quiet = [o for o in outcomes if not by_feed.get(o.feed.url)]
    cur_o: list[FeedOutcome] = list(quiet)
    cur_i: list[Item] = []
    for o in outcomes:
        its = by_feed.get(o.feed.url)
        if not its:
            continue
        if cur_i and len(cur_i) + len(its) > size:
            chunks.append((cur_o, cur_i))
            cur_o, cur_i = [], []
        cur_o.append(o)
        cur_i.extend(its)
    if cur_o or cur_i:
        chunks.append((cur_o, cur_i))
    return chunks


# -- 5. text, matching, extraction ---------------------------------------------------------------------------
def item_text(item: Item) -> tuple[str, str, str, str | None, str | None, datetime | None]:
    """(text, method, article_status, title from page, author, published from page) for one item."""
    e = item.entry
    if e.has_full_text and e.content_html:
        return html_fragment_to_text(e.content_html), "feed_content", "ok", None, None, None
    page = item.page
    if not e.link:
        return clean_text(e.summary), "feed_summary", "skipped_unsafe_url", None, None, None
    if page is None:
        return clean_text(e.summary), "feed_summary", "feed_only", None, None, None
    if page.error is not None:
        status = "skipped_content" if page.error.kind in ("unsupported_content", "too_large") else (
            "skipped_unsafe_url" if page.error.kind in ("blocked_destination", "unsupported_scheme") else "failed")
        return clean_text(e.summary), "feed_summary", status, None, None, None
    charset = None
    ctype = page.headers.get("content-type", "")
    if "charset=" in ctype:
        charset = ctype.split("charset=", 1)[1].split(";")[0].strip().strip('"') or None
    art = extract_article(page.body or b"", url=page.final_url, selector=item.feed.selector, charset=charset)
    if len(art.text) < len(clean_text(e.summary)):
        return clean_text(e.summary), "feed_summary", "ok", art.title, art.author, art.published
    return art.text, art.method, "ok", art.title, art.author, art.published


def build_batch(settings: Settings, outcomes: Sequence[FeedOutcome], items: Sequence[Item], *, run_id: str,
                now: datetime, analyzer: Callable = analyze) -> tuple[WriteBatch, list[dict]]:
    """Rows for one batch, and a summary line per new topic match (for the run artifact)."""
    now = utc_naive(now)
    batch = WriteBatch()
    matches_summary: list[dict] = []
    for o in outcomes:
        batch.feeds.append(o.row)
        batch.errors.extend(o.errors)
    rules_by_topic: dict[str, list] = defaultdict(list)
    for rule in settings.alerts.rules:
        for t in rule.topics:
            rules_by_topic[t].append(rule)
    for it in items:
        e = it.entry
        text, method, status, page_title, author, page_published = item_text(it)
        if it.page is not None and it.page.error is not None:
            batch.errors.append(error_row(
                run_id=run_id, stage="fetch_article", kind=it.page.error.kind, message=it.page.error.message,
                now=now, feed_url=it.feed.url, item_url=e.link, status=it.page.error.status))
        elif not e.link and getattr(e, "unsafe_link", None):
            batch.errors.append(error_row(
                run_id=run_id, stage="fetch_article", kind="unsupported_scheme", now=now, feed_url=it.feed.url,
                item_url=None, message=f"entry link not fetched: {str(e.unsafe_link)[:80]}"))
        published = utc_naive(e.published) or utc_naive(page_published)
        if published is None or published > now + FUTURE_SLACK:
            published = now
        title = one_line(e.title) or page_title or "(untitled)"
        batch.articles.append({
            "id": it.article_id, "entry_key": e.key, "feed_url": it.feed.url, "guid": e.guid, "url": e.link,
            "canonical_url": (it.page.final_url if it.page and it.page.ok else e.link), "title": title,
            "author": e.author or author, "published": published, "fetched_at": now, "text": text,
            "text_hash": hashlib.sha1(text.encode("utf-8", "replace")).hexdigest(), "method": method,
            "article_status": status, "run_id": run_id,
        })
        full = f"{title}\n\n{text}"
        for topic in settings.topics_for(it.feed):
            m = match_topic(full, topic)
            if not m.matched:
                continue
            result = analyzer(text or title, topic.parties)
            batch.matches.append({
                "article_id": it.article_id, "topic": topic.name, "terms": "; ".join(m.terms),
                "overall_sentiment": result.overall_sentiment, "tone": result.tone, "matched_at": now,
            })
            for c in result.casualties:
                batch.casualties.append({
                    "id": record_id(it.article_id, topic.name, c.start, c.end, c.category),
                    "article_id": it.article_id, "topic": topic.name, "category": c.category, "min": c.min,
                    "max": c.max, "qualifier": c.qualifier, "party": c.party, "attributed_to": c.attributed_to,
                    "figure": c.text, "sentence": c.sentence, "start_offset": c.start, "end_offset": c.end,
                    "reported_at": published,
                })
            for s in result.sentiment:
                batch.sentiment.append({
                    "id": record_id(it.article_id, topic.name, s.start, s.end, s.holder, s.stance),
                    "article_id": it.article_id, "topic": topic.name, "holder": s.holder, "stance": s.stance,
                    "score": s.score, "quote": s.quote, "location": s.location, "sentence": s.sentence,
                    "start_offset": s.start, "end_offset": s.end, "reported_at": published,
                })
            for rule in rules_by_topic.get(topic.name, []):
                if not _rule_wants(rule.require, result):
                    continue
                for rcpt in rule.recipients:
                    batch.outbox.append({
                        "id": record_id("alert", rule.name, topic.name, it.article_id, rcpt), "rule": rule.name,
                        "topic": topic.name, "article_id": it.article_id, "recipient": rcpt, "created_at": now,
                    })
            matches_summary.append({
                "topic": topic.name, "title": title, "outlet": it.feed.name, "url": e.link or "",
                "published": published, "casualties": len(result.casualties), "sentiment": len(result.sentiment),
                "overall_sentiment": result.overall_sentiment,
                "figures": "; ".join(_figure_short(c) for c in result.casualties[:3]),
            })
    return batch, matches_summary


def _rule_wants(require: str, result) -> bool:
    if require == "any":
        return True
    if require == "casualties":
        return bool(result.casualties)
    if require == "sentiment":
        return bool(result.sentiment)
    return bool(result.casualties or result.sentiment)  # "figures"


def _figure_short(c) -> str:
    n = f"{c.min:,}" if c.min == c.max else f"{c.min:,}-{c.max:,}" if c.min is not None and c.max is not None else "?"
    return f"{c.qualifier} {n} {c.category} ({c.party})"


# -- 6. alerts -----------------------------------------------------------------------------------------------
ALERT_RETRY_FIRST = timedelta(minutes=5)
ALERT_RETRY_MAX = timedelta(hours=6)


@dataclass
class DeliveryReport:
    messages: int = 0
    sent_rows: int = 0
    failed_rows: int = 0
    pending_rows: int = 0
    written: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def deliver_alerts(store, settings: Settings, *, now: datetime, smtp=None) -> DeliveryReport:
    """Send (or write to the outbox folder) one digest per rule and recipient list for the pending
    outbox rows; record each outcome on the rows. ``smtp`` is a resolved ``SmtpSettings`` or None."""
    from newsmon.alerts import AlertItem, build_digest, send_message, write_eml

    report = DeliveryReport()
    rows = store.pending_alerts(now=now)
    if not rows:
        return report
    # rule -> article -> pending recipients (and the outbox ids behind them)
    groups: dict[str, dict[tuple[str, str], dict]] = defaultdict(dict)
    for r in rows:
        g = groups[r["rule"]].setdefault((r["article_id"], r["topic"]), {"row": r, "ids": {}, "attempts": 0})
        g["ids"][r["recipient"]] = r["id"]
        g["attempts"] = max(g["attempts"], r["attempts"])
    for rule, articles in groups.items():
        # one digest per distinct recipient list within the rule
        by_recipients: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        for g in articles.values():
            by_recipients[tuple(sorted(g["ids"]))].append(g)
        for recipients, gs in by_recipients.items():
            items = [
                AlertItem(
                    alert_id=record_id("digest-item", rule, g["row"]["article_id"], g["row"]["topic"]),
                    topic=g["row"]["topic"], title=g["row"]["title"] or "", outlet=g["row"]["outlet"] or "",
                    url=g["row"]["url"] or "", published=g["row"]["published"],
                    casualties=g["row"]["casualties"], sentiment=g["row"]["sentiment"],
                )
                for g in gs
            ]
            sender = smtp.sender if smtp is not None else settings.smtp.sender
            messages = build_digest(items, recipients=list(recipients), sender=sender, rule=rule,
                                    subject_prefix=settings.alerts.subject_prefix, now=now)
            # which outbox rows each message carries
            by_item = {it.alert_id: g for it, g in zip(items, gs, strict=True)}
            from newsmon.alerts import digest_alert_ids

            for msg in messages:
                carried = [by_item[a] for a in digest_alert_ids(msg) if a in by_item]
                ids_all = [i for g in carried for i in g["ids"].values()]
                report.messages += 1
                if smtp is None or not smtp.configured:
                    path = write_eml(msg, settings.alerts.outbox)
                    report.written.append(str(path))
                    store.mark_alerts(ids_all, status="sent", message_id=msg["Message-ID"], error=None)
                    report.sent_rows += len(ids_all)
                    continue
                outcome = send_message(msg, smtp)
                if outcome.status == "sent":
                    refused = set(outcome.refused or {})
                    ok_ids = [i for g in carried for rc, i in g["ids"].items() if rc not in refused]
                    bad_ids = [i for g in carried for rc, i in g["ids"].items() if rc in refused]
                    store.mark_alerts(ok_ids, status="sent", message_id=msg["Message-ID"])
                    for rc in refused:
                        store.mark_alerts([g["ids"][rc] for g in carried if rc in g["ids"]], status="failed",
                                          message_id=msg["Message-ID"], error=f"{rc}: {outcome.refused[rc]}")
                    report.sent_rows += len(ok_ids)
                    report.failed_rows += len(bad_ids)
                elif outcome.status == "failed":
                    store.mark_alerts(ids_all, status="failed", message_id=msg["Message-ID"], error=outcome.message)
                    report.failed_rows += len(ids_all)
                    report.problems.append(f"rule {rule}: {outcome.message}")
                else:  # retry, auth_failed: keep pending with a backoff
                    attempts = max(g["attempts"] for g in carried) + 1
                    delay = min(ALERT_RETRY_FIRST * 2 ** (attempts - 1), ALERT_RETRY_MAX)
                    store.mark_alerts(ids_all, status="pending", message_id=msg["Message-ID"], error=outcome.message,
                                      next_attempt_at=utc_naive(now) + delay)
                    report.pending_rows += len(ids_all)
                    report.problems.append(f"rule {rule}: {outcome.message} (kept pending, retry after {delay})")
                    if outcome.status == "auth_failed":
                        return report  # do not hammer a server that refuses our credentials
    return report
