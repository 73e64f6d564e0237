"""The work one new entry needs, as pure functions: its main text, the topic match, the
extractors, and the rows they make (article, match, figures, reports, outbox).

Kept apart from ``pipeline`` and light to import (no DuckDB, no Prefect): ``item_rows`` runs in
the extraction worker processes, which import this module and the extractors only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from extractors.analyze import analyze
from extractors.feeds import FeedEntry
from extractors.sentiment_reader import default_reader
from extractors.text import clean_text, extract_article, html_fragment_to_text, one_line
from extractors.topics import match_topic
from extractors.urls import redact_text, redact_url
from newsmon.config import FeedConfig
from newsmon.fetch import FetchResult
from newsmon.records import record_id, utc_naive

FUTURE_SLACK = timedelta(hours=1)  # feed dates further ahead than this are clamped to first-seen
MAX_PAGE_ATTEMPTS = 3  # a failed article page is tried again in later runs, this many times in all
PAGE_RETRY_FIRST = timedelta(hours=1)  # then 2 h, 4 h, ...


def page_retry(status: str, attempt: int, now: datetime) -> tuple[int, datetime | None]:
    """(fetch_attempts, next_fetch_at) of an article row: a failed page fetch is tried again later
    with an exponential backoff, until MAX_PAGE_ATTEMPTS; anything else is not retried."""
    attempts = attempt + 1
    if status != "failed" or attempts >= MAX_PAGE_ATTEMPTS:
        return attempts, None
    return attempts, now + PAGE_RETRY_FIRST * 2 ** (attempts - 1)


@dataclass
class Item:
    """One new entry on its way to storage."""

    feed: FeedConfig
    entry: FeedEntry
    article_id: str
    page: FetchResult | None = None
    attempt: int = 0  # page fetches already tried for a stored article (0: a new entry)

    @property
    def needs_page(self) -> bool:
        return not self.entry.has_full_text and bool(self.entry.link)


def error_row(*, run_id: str, stage: str, kind: str, message: str, now: datetime, feed_url: str | None = None,
              item_url: str | None = None, status: int | None = None, attempt: int = 1) -> dict:
    return {
        "id": record_id(run_id, stage, feed_url, item_url, kind),
        "run_id": run_id, "feed_url": feed_url, "item_url": item_url, "stage": stage, "kind": kind,
        "status": status, "attempt": attempt, "message": redact_text(message)[:2000], "occurred_at": now,
    }


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


def _item_rows_job(job: tuple) -> dict:
    """``item_rows`` for one job, never raising: a bug on one entry must not cost the batch."""
    try:
        return item_rows(*job)
    except Exception as exc:  # a bug on this entry: record it, keep the entry's feed data
        return failed_item_rows(job[0], job[3], job[4], exc)


# What a worker process runs. They live here, not in `newsmon.pipeline`, so that a spawned worker
# imports only this module's dependencies (trafilatura, the extractors, httpx for the fetch types),
# not storage and DuckDB: about 50 MB less per worker.
def _item_rows_jobs(jobs: Sequence[tuple]) -> list[dict]:
    return [_item_rows_job(j) for j in jobs]


def _warm_up(reader: str = "rules") -> None:
    import trafilatura  # noqa: F401  (the first import costs ~0.3 s)

    if reader == "model":
        default_reader()  # load the sentence model while pages arrive (a few seconds)


def failed_item_rows(it: Item, run_id: str, now: datetime, exc: BaseException) -> dict[str, Any]:
    """The rows of an entry whose processing raised: the article from the feed's own data
    (status ``extraction_failed``) and an error row; no match, figures or alerts."""
    e = it.entry
    published = utc_naive(e.published)
    if published is None or published > now + FUTURE_SLACK:
        published = now
    text = clean_text(e.summary or "")
    article = {
        "id": it.article_id, "entry_key": e.key, "feed_url": it.feed.url, "guid": e.guid, "url": e.link,
        "canonical_url": e.link, "title": one_line(e.title) or "(untitled)", "author": e.author,
        "published": published, "fetched_at": now, "text": text,
        "text_hash": hashlib.sha1(text.encode("utf-8", "replace")).hexdigest(), "method": "feed_summary",
        "article_status": "extraction_failed", "run_id": run_id,
    }
    err = error_row(run_id=run_id, stage="extract", kind="internal_error", now=now, feed_url=it.feed.url,
                    item_url=e.link, message=f"{type(exc).__name__}: {exc}")
    return {"article": article, "matches": [], "casualties": [], "sentiment": [], "outbox": [], "errors": [err],
            "summary": []}


def item_rows(it: Item, topics: Sequence, rules: Sequence, run_id: str, now: datetime, reader: str = "rules",
              analyzer: Callable = analyze) -> dict[str, Any]:
    """Every row one new entry produces: its article, and per matching topic the match, the
    casualty figures, the sentiment reports and the outbox rows of the alert rules that want it.
    ``reader`` is ``run.sentiment_reader``: "model" adds the model reader's second reading."""
    e = it.entry
    out: dict[str, Any] = {k: [] for k in ("matches", "casualties", "sentiment", "outbox", "errors", "summary")}
    text, method, status, page_title, author, page_published = item_text(it)
    if it.page is not None and it.page.error is not None:
        out["errors"].append(error_row(
            run_id=run_id, stage="fetch_article", kind=it.page.error.kind, message=it.page.error.message,
            now=now, feed_url=it.feed.url, item_url=e.link, status=it.page.error.status))
    elif not e.link and getattr(e, "unsafe_link", None):
        out["errors"].append(error_row(
            run_id=run_id, stage="fetch_article", kind="unsupported_scheme", now=now, feed_url=it.feed.url,
            item_url=None, message=f"entry link not fetched: {redact_url(str(e.unsafe_link))[:80]}"))
    published = utc_naive(e.published) or utc_naive(page_published)
    if published is None or published > now + FUTURE_SLACK:
        published = now
    title = one_line(e.title) or page_title or "(untitled)"
    out["article"] = {
        "id": it.article_id, "entry_key": e.key, "feed_url": it.feed.url, "guid": e.guid, "url": e.link,
        "canonical_url": (redact_url(it.page.final_url) if it.page and it.page.ok else e.link), "title": title,
        "author": e.author or author, "published": published, "fetched_at": now, "text": text,
        "text_hash": hashlib.sha1(text.encode("utf-8", "replace")).hexdigest(), "method": method,
        "article_status": status, "run_id": run_id,
    }
    out["article"]["fetch_attempts"], out["article"]["next_fetch_at"] = page_retry(status, it.attempt, now)
    full = f"{title}\n\n{text}"
    for topic in topics:
        m = match_topic(full, topic)
        if not m.matched:
            continue
        result = analyzer(text or title, topic.parties) if reader == "rules" else \
            analyzer(text or title, topic.parties, reader=default_reader())
        out["matches"].append({
            "article_id": it.article_id, "topic": topic.name, "terms": "; ".join(m.terms),
            "overall_sentiment": result.overall_sentiment, "tone": result.tone, "matched_at": now,
        })
        for c in result.casualties:
            out["casualties"].append({
                "id": record_id(it.article_id, topic.name, c.start, c.end, c.category),
                "article_id": it.article_id, "topic": topic.name, "category": c.category, "min": c.min,
                "max": c.max, "qualifier": c.qualifier, "party": c.party, "attributed_to": c.attributed_to,
                "figure": c.text, "sentence": c.sentence, "start_offset": c.start, "end_offset": c.end,
                "reported_at": published,
            })
        for s in result.sentiment:
            out["sentiment"].append({
                "id": record_id(it.article_id, topic.name, s.start, s.end, s.holder, s.stance),
                "article_id": it.article_id, "topic": topic.name, "holder": s.holder, "stance": s.stance,
                "score": s.score, "quote": s.quote, "location": s.location, "sentence": s.sentence,
                "start_offset": s.start, "end_offset": s.end, "reported_at": published,
            })
        for rule in rules:
            if topic.name not in rule.topics or not _rule_wants(rule.require, result):
                continue
            for rcpt in rule.recipients:
                out["outbox"].append({
                    "id": record_id("alert", rule.name, topic.name, it.article_id, rcpt), "rule": rule.name,
                    "topic": topic.name, "article_id": it.article_id, "recipient": rcpt, "created_at": now,
                })
        out["summary"].append({
            "topic": topic.name, "title": title, "outlet": it.feed.name, "url": e.link or "",
            "published": published, "casualties": len(result.casualties), "sentiment": len(result.sentiment),
            "overall_sentiment": result.overall_sentiment,
            "figures": "; ".join(_figure_short(c) for c in result.casualties[:3]),
        })
    return out


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


