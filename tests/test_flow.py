"""The monitor flow end to end on real components: the demo corpus on a real HTTP server on
127.0.0.1, a real DuckDB file, a real SMTP server (aiosmtpd), real Prefect runs (session harness)."""

from __future__ import annotations

import shutil

import pytest
from conftest import DEMO_FEEDS, column, rows, table_counts, write_config
from smtpserver import SmtpServer

from flows.monitor import run_once
from newsmon.demo import corpus_root

pytestmark = pytest.mark.prefect

GOOD = DEMO_FEEDS
BAD = [("Slow", "feeds/slow.xml"), ("Broken", "feeds/broken.xml"), ("Not a feed", "feeds/html.xml")]


@pytest.fixture
def corpus(corpus):
    """The demo corpus with three misbehaving feeds added: a timeout, a 500, HTML instead of XML."""
    root, server = corpus
    server.set_override("/feeds/slow.xml", status=200, body=b"<rss><channel></channel></rss>", delay=6.0)
    server.set_override("/feeds/broken.xml", status=500, body=b"Internal Server Error")
    server.set_override("/feeds/html.xml", status=200,
                        body=b"<!doctype html><html><body><h1>Just a moment...</h1></body></html>")
    return root, server


def test_flow_runs_stores_alerts_and_is_idempotent(prefect_harness, corpus, tmp_path):
    root, server = corpus
    db = tmp_path / "n.duckdb"
    with SmtpServer() as smtp:
        cfg = write_config(tmp_path / "c.toml", base_url=server.base_url, feeds=GOOD + BAD, database=db,
                           outbox=tmp_path / "outbox", smtp_port=smtp.port)

        # run 1: everything new; three feeds fail, each with a clear recorded reason
        r1 = run_once(str(cfg))
        assert r1["outcome"] == "partial"
        assert r1["counts"]["feeds_ok"] == 3 and r1["counts"]["feeds_failed"] == 3
        names = dict(rows(db, "feeds", "url", "name"))
        kinds = {names[url]: kind for url, stage, kind in rows(db, "errors", "feed_url", "stage", "kind")
                 if stage in ("fetch_feed", "parse_feed") and kind != "parse_warning"}
        assert kinds.pop("Slow") in ("timeout", "deadline")  # no headers within the read timeout
        assert kinds == {"Broken": "http_status", "Not a feed": "not_a_feed"}
        statuses = dict(rows(db, "feeds", "name", "status"))
        assert statuses["Broken"] == "failing" and statuses["Korea Desk"] == "ok"
        counts1 = table_counts(db, ("articles", "topic_matches", "casualty_reports", "sentiment_reports", "alert_outbox"))
        assert counts1["articles"] == 14 and counts1["topic_matches"] >= 8 and counts1["casualty_reports"] >= 5
        # the seed article went through the page fetch and trafilatura, and kept its figure
        (method,) = [m for url, m in rows(db, "articles", "url", "method") if "dailynk-hyesan-duty-to-die" in url]
        assert method == "trafilatura"
        assert len(rows(db, "casualty_reports", min=3000, party="north_korean")) >= 1
        # one digest to the rule's two recipients, every outbox row marked sent
        assert len(smtp.messages) == 1
        msg = smtp.messages[0]
        assert sorted(msg.rcpt_tos) == ["analyst@example.org", "desk@example.org"]
        assert "new matches" in msg.message["Subject"]
        assert set(column(db, "alert_outbox", "status")) == {"sent"}

        # run 2: unchanged feeds -> 304s, nothing added, no second email
        r2 = run_once(str(cfg), force=True)
        assert r2["counts"]["feeds_not_modified"] == 3
        counts2 = table_counts(db, tuple(counts1))
        assert counts2 == counts1
        assert len(smtp.messages) == 1

        # a new entry appears in a feed: picked up and alerted once
        shutil.copytree(corpus_root() / "updates", root, dirs_exist_ok=True)
        r3 = run_once(str(cfg), force=True)
        assert r3["counts"]["entries_new"] == 1
        assert table_counts(db)["articles"] == counts1["articles"] + 1
        assert len(smtp.messages) == 2
        assert "1 new match" in smtp.messages[1].message["Subject"]
        r4 = run_once(str(cfg), force=True)
        assert r4["counts"]["entries_new"] == 0 and len(smtp.messages) == 2
    runs = rows(db, "runs", "outcome", "feeds_due")
    assert len(runs) == 4 and all(o == "partial" and d == 6 for o, d in runs)


def test_flow_smtp_outage_keeps_alerts_pending_then_delivers(prefect_harness, corpus, tmp_path, monkeypatch):
    from datetime import timedelta

    import newsmon.pipeline

    monkeypatch.setattr(newsmon.pipeline, "ALERT_RETRY_FIRST", timedelta(0))  # the retry is due at once
    root, server = corpus
    db = tmp_path / "n.duckdb"
    smtp = SmtpServer()
    smtp.start()
    port = smtp.port
    smtp.stop()  # connection refused during the first run
    cfg = write_config(tmp_path / "c.toml", base_url=server.base_url, feeds=GOOD[:1], database=db,
                       outbox=tmp_path / "outbox", smtp_port=port)
    r1 = run_once(str(cfg))
    assert r1["outcome"] == "partial" and r1["summary"]["alerts"]["pending_rows"] > 0
    assert len(rows(db, "alert_outbox", status="pending", attempts=1)) > 0
    # the server is back; the pending alerts are due (their backoff is zero here)
    smtp = SmtpServer(port=port)
    with smtp:
        r2 = run_once(str(cfg))
        assert len(smtp.messages) == 1
    assert r2["counts"]["entries_new"] == 0
    assert set(column(db, "alert_outbox", "status")) == {"sent"}


def page_state(db, page: str) -> tuple:
    """(article_status, method, fetch_attempts) of the one stored article whose URL ends with `page`."""
    (state,) = [r[1:] for r in rows(db, "articles", "url", "article_status", "method", "fetch_attempts")
                if r[0].endswith(page)]
    return state


def test_flow_failed_article_page_is_kept_then_fetched_again(prefect_harness, corpus, tmp_path, monkeypatch):
    """A3: a 403 on an article page keeps the entry from its feed data (status failed, error
    recorded); a later run tries the page again (backoff), stores its text and figures, and
    alerts the match once."""
    from datetime import timedelta

    import newsmon.items

    monkeypatch.setattr(newsmon.items, "PAGE_RETRY_FIRST", timedelta(0))  # due at once
    root, server = corpus
    db = tmp_path / "n.duckdb"
    page = "/articles/nis-3000-killed-or-wounded.html"
    server.set_override(page, status=403, body=b"<html><body>Subscribers only</body></html>")
    cfg = write_config(tmp_path / "c.toml", base_url=server.base_url, feeds=GOOD[:1], database=db,
                       outbox=tmp_path / "outbox")
    run_once(str(cfg))
    assert page_state(db, page) == ("failed", "feed_summary", 1)
    assert [(k, st) for url, k, st in rows(db, "errors", "item_url", "kind", "status") if url and url.endswith(page)] == [
        ("http_status", 403)]
    figures_before = table_counts(db)["casualty_reports"]

    server.clear_overrides()
    r2 = run_once(str(cfg), force=True)
    assert r2["counts"]["entries_new"] == 0
    assert page_state(db, page) == ("ok", "trafilatura", 2)
    assert table_counts(db)["casualty_reports"] > figures_before
    assert table_counts(db)["articles"] == 5  # updated in place, not added
    r3 = run_once(str(cfg), force=True)
    assert r3["counts"].get("articles_fetched", 0) == 0  # nothing left to try again
