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
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from extractors.feeds import FeedEntry, ParsedFeed, parse_feed
from extractors.text import one_line
from extractors.urls import redact_text
from newsmon.config import FeedConfig, Settings, smtp_credentials
from newsmon.errors import DatabaseLocked
from newsmon.fetch import FetchOptions, FetchResult
from newsmon.items import Item, _item_rows_job, _item_rows_jobs, _warm_up, error_row
from newsmon.records import now_utc, record_id, utc_naive
from storage import FeedState, WriteBatch

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=24)
FIRST_BACKOFF = timedelta(minutes=15)
MAX_TTL = timedelta(hours=24)


def fetch_options(settings: Settings) -> FetchOptions:
    f = settings.fetch
    return FetchOptions(
        timeout=f["timeout"], deadline=f["deadline"], concurrency=f["concurrency"], per_host=f["per_host"],
        max_redirects=f["max_redirects"], max_feed_bytes=f["max_feed_bytes"], max_article_bytes=f["max_article_bytes"],
        user_agent=f["user_agent"], allow_private_networks=f["allow_private_networks"],
        allowed_hosts=tuple(f["allowed_hosts"]), min_host_interval=f["min_host_interval"],
        max_entries_per_feed=f["max_entries_per_feed"], ca_file=f["ca_file"] or None,
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
    try:
        parsed: ParsedFeed = parse_feed(result.body or b"", url=result.final_url, headers=result.headers,
                                        max_entries=max_entries)
    except Exception as exc:  # a parser bug on this feed: recorded, the other feeds go on
        row.update(last_success_at=st.last_success_at)
        return failed("internal_error", f"{type(exc).__name__}: {exc}", stage="parse_feed")
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


def build_batch(settings: Settings, outcomes: Sequence[FeedOutcome], items: Sequence[Item], *, run_id: str,
                now: datetime, executor: Executor | None = None, workers: int = 0) -> tuple[WriteBatch, list[dict]]:
    """Rows for one batch, and a summary line per new topic match (for the run artifact).

    The per-item work (main text, topic match, extraction) is CPU-bound Python. With an
    ``executor`` (a pool of ``workers`` processes) the items are shared between the pool and the
    calling thread, one share each, so ``workers = 1`` keeps two cores busy; the results are the
    same, in the same order."""
    now = utc_naive(now)
    batch = WriteBatch()
    matches_summary: list[dict] = []
    for o in outcomes:
        batch.feeds.append(o.row)
        batch.errors.extend(o.errors)
    reader = settings.run.get("sentiment_reader", "rules")
    jobs = [(it, settings.topics_for(it.feed), settings.alerts.rules, run_id, now, reader) for it in items]
    results: list[dict] = []
    if executor is not None and workers > 0 and len(jobs) > 1:
        own = len(jobs) // (workers + 1)  # the calling thread's share: the last items
        shared = jobs[:len(jobs) - own]
        size = max(1, -(-len(shared) // (workers * 4)))
        futures = [executor.submit(_item_rows_jobs, shared[k:k + size]) for k in range(0, len(shared), size)]
        mine = [_item_rows_job(j) for j in jobs[len(jobs) - own:]]
        for f in futures:
            results.extend(f.result())
        results.extend(mine)
    else:
        results = [_item_rows_job(j) for j in jobs]
    for it, rows in zip(items, results, strict=True):
        (batch.article_updates if it.attempt else batch.articles).append(rows["article"])
        for key in ("matches", "casualties", "sentiment", "outbox", "errors"):
            getattr(batch, key).extend(rows[key])
        matches_summary.extend(rows["summary"])
    return batch, matches_summary


def refetch_items(settings: Settings, rows: Sequence[dict]) -> list[Item]:
    """Items for stored articles whose page is due for another try (``Store.articles_to_refetch``);
    articles of feeds no longer configured are left alone."""
    feeds = {f.url: f for f in settings.feeds}
    items = []
    for r in rows:
        feed = feeds.get(r["feed_url"])
        if feed is None:
            continue
        entry = FeedEntry(key=r["entry_key"], guid=r["guid"], link=r["url"], title=r["title"] or "",
                          summary=r["text"] or "", content_html=None, has_full_text=False,
                          published=r["published"], author=r["author"])
        items.append(Item(feed, entry, r["id"], attempt=int(r["fetch_attempts"] or 1)))
    return items


MIN_ITEMS_FOR_POOL = 20  # below this, starting worker processes costs more than it saves


def worker_pool(workers: int, items: int, reader: str = "rules") -> Executor | None:
    """A pool of ``workers`` processes for ``build_batch`` when there is enough work to share,
    already warming up (its workers import trafilatura and the extractors, and load the sentence
    model when ``reader`` is "model", while pages arrive)."""
    if workers < 1 or items < MIN_ITEMS_FOR_POOL:
        return None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    for _ in range(workers):
        pool.submit(_warm_up, reader)
    return pool


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
    from newsmon.alerts import AlertItem, build_digest
    from newsmon.mailer import send_message, write_eml

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
                    refused, deferred = dict(outcome.refused or {}), dict(outcome.deferred or {})
                    ok_ids = [i for g in carried for rc, i in g["ids"].items() if rc not in refused and rc not in deferred]
                    store.mark_alerts(ok_ids, status="sent", message_id=msg["Message-ID"])
                    report.sent_rows += len(ok_ids)
                    for rc, reason in refused.items():  # 5xx for this recipient: no retry loop
                        ids = [g["ids"][rc] for g in carried if rc in g["ids"]]
                        store.mark_alerts(ids, status="failed", message_id=msg["Message-ID"], error=f"{rc}: {reason}")
                        report.failed_rows += len(ids)
                        report.problems.append(f"rule {rule}: {rc} refused: {reason}")
                    for rc, reason in deferred.items():  # 4xx for this recipient: try again later
                        ids = [g["ids"][rc] for g in carried if rc in g["ids"]]
                        attempts = max(g["attempts"] for g in carried) + 1
                        store.mark_alerts(ids, status="pending", message_id=msg["Message-ID"], error=f"{rc}: {reason}",
                                          next_attempt_at=utc_naive(now) + min(ALERT_RETRY_FIRST * 2 ** (attempts - 1),
                                                                               ALERT_RETRY_MAX))
                        report.pending_rows += len(ids)
                        report.problems.append(f"rule {rule}: {rc} deferred: {reason} (kept pending)")
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


def smtp_settings(settings: Settings):
    """The SMTP settings to send with (credentials from the environment or a Prefect Secret
    block), or None when no SMTP host is configured (digests then go to the outbox folder)."""
    if not settings.smtp.configured:
        return None
    from newsmon.mailer import SmtpSettings

    username, password = smtp_credentials(settings.smtp)
    s = settings.smtp
    return SmtpSettings(host=s.host, port=s.port, security=s.security, sender=s.sender, timeout=s.timeout,
                        username=username, password=password)


def deliver_pending(store, settings: Settings) -> DeliveryReport:
    """Send the due outbox rows with the configured SMTP settings (the send-alerts step, without
    Prefect); a locked database file leaves them for the next run."""
    try:
        return deliver_alerts(store, settings, now=now_utc(), smtp=smtp_settings(settings))
    except DatabaseLocked as exc:  # the outbox rows stay pending (a digest sent but not marked is re-sent)
        report = DeliveryReport()
        report.problems.append(f"alerts wait for the next run: {exc}")
        return report
