"""Pipeline steps without Prefect: due feeds, backoff, feed outcomes, identity, batches, alerts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from smtpserver import SmtpServer

from extractors.feeds import FeedEntry
from extractors.model import Analysis, CasualtyReport
from newsmon import pipeline
from newsmon.config import FeedConfig, load_settings
from newsmon.fetch import FetchError, FetchResult
from newsmon.items import Item, item_rows
from storage import FeedState, Store

NOW = datetime(2025, 1, 20, 12, 0)
FEED = FeedConfig("Desk", "https://desk.example/rss")
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><ttl>90</ttl>
<item><title>North Korean soldiers killed in Kursk, Russia</title><link>https://desk.example/a1</link>
<guid>a1</guid><description>Around 3,000 North Korean soldiers have been killed or wounded.</description></item>
</channel></rss>"""


def fetched(*, body=RSS, status=200, error=None, not_modified=False, etag='"e1"', retry_after=None,
            permanent=None) -> FetchResult:
    return FetchResult(url=FEED.url, final_url=permanent or FEED.url, status=status,
                       headers={"content-type": "application/rss+xml"}, body=body, etag=etag,
                       last_modified="Mon, 20 Jan 2025 10:00:00 GMT", not_modified=not_modified, error=error,
                       retry_after=retry_after, permanent_redirect=permanent, elapsed=0.01)


def test_pipeline_plan_feeds_skips_disabled_and_not_due():
    a, b, c, d = (FeedConfig(n, f"https://{n}.example/") for n in "abcd")
    states = {
        a.url: FeedState(a.url, status="disabled"),
        b.url: FeedState(b.url, status="failing", next_check_at=NOW + timedelta(hours=1)),
        c.url: FeedState(c.url, status="ok", next_check_at=NOW - timedelta(minutes=1)),
    }
    due, skipped = pipeline.plan_feeds([a, b, c, d], states, NOW)
    assert due == [c, d]
    assert [f.name for f, _ in skipped] == ["a", "b"] and "feeds reset" in skipped[0][1]
    due, _ = pipeline.plan_feeds([a, b, c, d], states, NOW, force=True)
    assert due == [b, c, d]  # force never re-enables a disabled feed


def test_pipeline_backoff_grows_and_is_capped():
    delays = [pipeline.backoff(n, FEED.url) for n in range(1, 12)]
    assert delays[0] == timedelta(0)  # the next run retries after a first failure
    assert all(x < y for x, y in zip(delays[1:6], delays[2:7], strict=False))
    assert max(delays) <= pipeline.MAX_BACKOFF and delays[-1] == pipeline.MAX_BACKOFF


def test_pipeline_feed_ok_sets_validators_ttl_and_entries():
    out = pipeline.parse_fetched(FEED, None, fetched(), run_id="r", now=NOW, max_entries=50)
    assert out.status == "ok" and len(out.entries) == 1
    assert out.row["etag"] == '"e1"' and out.row["status"] == "ok" and out.row["consecutive_failures"] == 0
    assert out.row["next_check_at"] == NOW + timedelta(minutes=90)  # RSS <ttl> respected by scheduling


def test_pipeline_feed_304_keeps_stored_validators():
    st = FeedState(FEED.url, etag='"old"', last_modified="x", status="failing", consecutive_failures=2)
    out = pipeline.parse_fetched(FEED, st, fetched(body=None, status=304, not_modified=True, etag=None),
                                 run_id="r", now=NOW, max_entries=50)
    assert out.status == "not_modified" and out.entries == []
    assert out.row["etag"] == '"old"' and out.row["consecutive_failures"] == 0 and out.row["status"] == "ok"


@pytest.mark.parametrize(
    ("error", "retry_after", "status", "next_in"),
    [
        (FetchError("http_status", "HTTP 404 Not Found", 404), None, "failing", timedelta(minutes=15)),
        (FetchError("rate_limited", "HTTP 429", 429), 120.0, "rate_limited", timedelta(seconds=120)),
        (FetchError("http_status", "HTTP 410 Gone", 410), None, "disabled", None),
    ],
    ids=["404-backoff", "429-retry-after", "410-disables"],
)
def test_pipeline_feed_failures_are_recorded_and_scheduled(error, retry_after, status, next_in):
    st = FeedState(FEED.url, etag='"e0"', status="failing", consecutive_failures=1)
    out = pipeline.parse_fetched(FEED, st, fetched(body=None, status=error.status, error=error, etag=None,
                                                   retry_after=retry_after), run_id="r", now=NOW, max_entries=50)
    assert out.status == "failed" and out.row["status"] == status
    assert out.row["consecutive_failures"] == 2 and out.row["etag"] == '"e0"'  # nothing stored is lost
    (err,) = out.errors
    assert (err["kind"], err["status"], err["attempt"], err["stage"]) == (error.kind, error.status, 2, "fetch_feed")
    if next_in is None:
        assert out.row["next_check_at"] is None
    else:
        assert out.row["next_check_at"] - NOW >= next_in and out.row["next_check_at"] - NOW < next_in * 1.2


def test_pipeline_not_a_feed_is_a_parse_failure_and_redirect_not_persisted():
    html = b"<!doctype html><html><body>Just a moment...</body></html>"
    out = pipeline.parse_fetched(FEED, None, fetched(body=html, permanent="https://evil.example/rss"),
                                 run_id="r", now=NOW, max_entries=50)
    assert out.status == "failed" and out.errors[0]["kind"] == "not_a_feed" and out.errors[0]["stage"] == "parse_feed"
    assert out.row["permanent_url"] is None
    ok = pipeline.parse_fetched(FEED, None, fetched(permanent="https://desk.example/new-rss"), run_id="r",
                                now=NOW, max_entries=50)
    assert ok.row["permanent_url"] == "https://desk.example/new-rss"  # persisted once it led to a feed


def test_pipeline_errors_never_store_credentials():
    err = FetchError("http_status", "HTTP 401 from https://alice:s3cr3t@desk.example/rss?token=TOPSECRET", 401)
    out = pipeline.parse_fetched(FEED, None, fetched(body=None, status=401, error=err), run_id="r", now=NOW,
                                 max_entries=50)
    text = repr(out.row) + repr(out.errors)
    assert "s3cr3t" not in text and "TOPSECRET" not in text


def _entry(key: str, link: str | None = "https://desk.example/a", **kw) -> FeedEntry:
    base = dict(key=key, guid=None, link=link, title="North Korean troops killed in Russia", summary="s",
                content_html=None, has_full_text=False, published=None, author=None)
    base.update(kw)
    return FeedEntry(**base)


def test_pipeline_new_items_once_across_feeds_and_runs():
    f2 = FeedConfig("Other", "https://other.example/rss")
    o1 = pipeline.FeedOutcome(FEED, {}, [_entry("url:a"), _entry("url:b")])
    o2 = pipeline.FeedOutcome(f2, {}, [_entry("url:a"), _entry("url:c")])
    items = pipeline.new_items([o1, o2], known={"url:b"})
    assert [(i.feed.name, i.entry.key) for i in items] == [("Desk", "url:a"), ("Other", "url:c")]


def test_pipeline_plan_chunks_keeps_each_feed_whole():
    feeds = [FeedConfig(f"f{i}", f"https://f{i}.example/") for i in range(5)]
    outcomes = [pipeline.FeedOutcome(f, {"url": f.url}) for f in feeds]
    items = [Item(feeds[i % 4], _entry(f"k{n}"), f"a{n}") for n, i in enumerate(range(30))]
    chunks = pipeline.plan_chunks(outcomes, items, size=10)
    seen_feeds = [o.feed.url for c in chunks for o in c[0]]
    assert sorted(seen_feeds) == sorted(f.url for f in feeds)  # every feed exactly once
    for c_outcomes, c_items in chunks:
        urls = {o.feed.url for o in c_outcomes}
        assert all(it.feed.url in urls for it in c_items)  # a feed's items travel with its state row
    assert sum(len(c[1]) for c in chunks) == 30


def _analysis(*figs) -> Analysis:
    return Analysis(casualties=list(figs), sentiment=[], overall_sentiment="none", tone=0.0)


def test_pipeline_item_rows_unsafe_link_and_future_date():
    settings = load_settings()
    topic = settings.topic()
    e = _entry("hash:x", link=None, unsafe_link="javascript:alert(1)", summary="North Korean soldiers in Russia",
               published=datetime(2099, 1, 1, tzinfo=UTC))
    fig = CasualtyReport("killed", 10, 10, "exact", "north_korean", None, "s", 0, 2, "10")
    rows = item_rows(Item(FEED, e, "art1"), [topic], settings.alerts.rules, "r", NOW,
                     analyzer=lambda text, parties: _analysis(fig))
    assert rows["article"]["article_status"] == "skipped_unsafe_url" and rows["article"]["published"] == NOW
    assert rows["errors"][0]["kind"] == "unsupported_scheme"
    assert rows["casualties"][0]["min"] == 10 and len(rows["outbox"]) == 1
    quiet = item_rows(Item(FEED, e, "art1"), [topic], settings.alerts.rules, "r", NOW,
                      analyzer=lambda text, parties: _analysis())
    assert quiet["matches"] and not quiet["outbox"]  # rule requires figures


def _store_with_alerts(tmp_path, recipients):
    store = Store(tmp_path / "n.duckdb")
    from storage import WriteBatch

    art = {"id": "a1", "entry_key": "k1", "feed_url": FEED.url, "url": "https://desk.example/a1",
           "title": "<b>North Korean</b> losses", "published": NOW, "fetched_at": NOW, "text": "t",
           "method": "feed_summary", "article_status": "ok"}
    fig = {"id": "c1", "article_id": "a1", "topic": "nk-troops-russia", "category": "casualties", "min": 3000,
           "max": 3000, "qualifier": "approximately", "party": "north_korean", "attributed_to": "NIS",
           "sentence": "s", "start_offset": 0, "end_offset": 5, "reported_at": NOW}
    out = [{"id": f"o-{r}", "rule": "nk-digest", "topic": "nk-troops-russia", "article_id": "a1", "recipient": r,
            "created_at": NOW} for r in recipients]
    store.save_batch(WriteBatch(articles=[art], casualties=[fig], outbox=out))
    return store


def test_pipeline_deliver_alerts_one_bad_recipient_one_deferred(tmp_path):
    store = _store_with_alerts(tmp_path, ["ok@example.org", "bad@example.org", "later@example.org"])
    settings = load_settings()
    with SmtpServer() as smtp:
        smtp.fail("rcpt", "550 5.1.1 no such user", recipient="bad@example.org")
        smtp.fail("rcpt", "451 4.3.0 try again later", recipient="later@example.org")
        rep = pipeline.deliver_alerts(store, settings, now=NOW, smtp=smtp.settings())
        assert len(smtp.messages) == 1 and smtp.messages[0].rcpt_tos == ["ok@example.org"]
    rows = {r["recipient"]: r for r in store.outbox()}
    assert rows["ok@example.org"]["status"] == "sent"
    assert rows["bad@example.org"]["status"] == "failed" and "550" in rows["bad@example.org"]["last_error"]
    assert rows["later@example.org"]["status"] == "pending" and rows["later@example.org"]["next_attempt_at"] > NOW
    assert rep.sent_rows == 1 and rep.failed_rows == 1 and rep.pending_rows == 1


def test_pipeline_deliver_alerts_auth_failure_keeps_pending_without_secret(tmp_path):
    store = _store_with_alerts(tmp_path, ["ok@example.org"])
    with SmtpServer(auth=("alerts", "right")) as smtp:
        smtp.fail("auth", "535 5.7.8 authentication failed")
        bad = replace(smtp.settings(username="alerts", password="wr0ng-s3cret"))
        rep = pipeline.deliver_alerts(store, load_settings(), now=NOW, smtp=bad)
        assert smtp.messages == []
    (row,) = store.outbox()
    assert row["status"] == "pending" and row["attempts"] == 1
    assert "wr0ng-s3cret" not in repr(rep.problems) + repr(row)


def test_pipeline_deliver_alerts_without_smtp_writes_eml(tmp_path):
    store = _store_with_alerts(tmp_path, ["ok@example.org"])
    settings = load_settings(overrides={"alerts": {"outbox": str(tmp_path / "outbox")}})
    rep = pipeline.deliver_alerts(store, settings, now=NOW, smtp=None)
    (path,) = rep.written
    body = open(path, encoding="utf-8").read()
    assert "&lt;b&gt;North Korean&lt;/b&gt;" in body  # escaped in the HTML part
    assert store.outbox()[0]["status"] == "sent"
    assert pipeline.deliver_alerts(store, settings, now=NOW, smtp=None).messages == 0  # nothing twice


def test_pipeline_failed_pages_are_retried_with_backoff_then_given_up():
    from newsmon.items import MAX_PAGE_ATTEMPTS, page_retry

    assert page_retry("ok", 0, NOW) == (1, None)
    assert page_retry("skipped_content", 0, NOW) == (1, None)  # a PDF stays a PDF
    first = page_retry("failed", 0, NOW)
    second = page_retry("failed", first[0], NOW)
    assert first[1] - NOW < second[1] - NOW  # backoff grows
    assert page_retry("failed", MAX_PAGE_ATTEMPTS - 1, NOW) == (MAX_PAGE_ATTEMPTS, None)  # then given up


def test_pipeline_refetch_items_skip_feeds_no_longer_configured():
    settings = load_settings(overrides={"feeds": [{"url": FEED.url, "name": "Desk"}]})
    rows = [{"id": "a1", "entry_key": "url:x", "feed_url": FEED.url, "guid": None, "url": "https://desk.example/x",
             "title": "t", "author": None, "published": NOW, "text": "summary", "fetch_attempts": 1},
            {"id": "a2", "entry_key": "url:y", "feed_url": "https://gone.example/rss", "guid": None,
             "url": "https://gone.example/y", "title": "t", "author": None, "published": NOW, "text": "s",
             "fetch_attempts": 1}]
    (it,) = pipeline.refetch_items(settings, rows)
    assert it.article_id == "a1" and it.attempt == 1 and it.needs_page and it.entry.summary == "summary"


def test_worker_functions_do_not_import_storage() -> None:
    """A spawned worker imports the module of the function it runs: newsmon.items must not pull in
    storage and DuckDB (about 50 MB per worker)."""
    import subprocess
    import sys

    code = ("import sys, newsmon.items; "
            "assert newsmon.items._item_rows_jobs and newsmon.items._warm_up; "
            "print(sorted(m for m in ('duckdb', 'storage', 'newsmon.pipeline', 'prefect') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
