"""Scheduled runs (C2-C4) and the flow-failure hook, on real Prefect runs (session harness) of the
monitor flow over the demo corpus on 127.0.0.1 with a real DuckDB file. C1 (an overlapping run
exits with code 75) is in ``test_reliability_crash.py`` with real processes."""

from __future__ import annotations

import json
import logging
import shutil
import types
from datetime import timedelta

import duckdb
import pytest
from conftest import DEMO_FEEDS, column, rows, table_counts, write_config

import flows.monitor
import newsmon.items
import newsmon.pipeline
import storage.db
from newsmon.demo import corpus_root
from storage import Store, now_utc

pytestmark = pytest.mark.prefect

FEEDS = DEMO_FEEDS


def test_schedule_run_over_budget_commits_finished_feeds_and_leaves_the_rest_due(prefect_harness, corpus, tmp_path,
                                                                               monkeypatch):
    """C2: the budget runs out after the first batch: that batch's feeds are committed with their
    entries, the others have no state row (they stay due) and the next run completes them; the
    end result equals an undisturbed run."""
    from flows.monitor import run_once

    root, server = corpus
    extra = "[run]\nbudget_seconds = 120.0\narticle_batch = 5\nworkers = 1\n"
    control = write_config(tmp_path / "control.toml", base_url=server.base_url, feeds=FEEDS,
                           database=tmp_path / "control.duckdb", outbox=tmp_path / "o1")
    assert run_once(str(control))["outcome"] == "ok"
    db = tmp_path / "n.duckdb"
    cfg = write_config(tmp_path / "c.toml", base_url=server.base_url, feeds=FEEDS, database=db,
                       outbox=tmp_path / "o2")
    cfg.write_text(cfg.read_text().replace("[run]\nbudget_seconds = 120.0\n", extra))

    clock = {"offset": 0.0}
    real_monotonic, real_pause = flows.monitor.time.monotonic, storage.db.pause_point

    def pause(point: str) -> None:
        if point == "flow:after-store":
            clock["offset"] += 1_000.0  # the first batch took "1,000 seconds"
        real_pause(point)

    monkeypatch.setattr(flows.monitor, "time", types.SimpleNamespace(monotonic=lambda: real_monotonic() + clock["offset"]))
    monkeypatch.setattr(storage.db, "pause_point", pause)
    r1 = run_once(str(cfg))
    assert r1["outcome"] == "partial"
    (budget,) = [f for f in r1["summary"]["failures"] if f["kind"] == "budget"]
    assert "entries left due" in budget["message"]
    assert column(db, "feeds", "name") == ["Korea Desk"]  # the finished feed, with its entries
    names = dict(rows(db, "feeds", "url", "name"))
    assert {names.get(url) for url in column(db, "articles", "feed_url")} == {"Korea Desk"}
    assert table_counts(db)["articles"] == 5
    monkeypatch.undo()

    r2 = run_once(str(cfg))
    assert r2["counts"]["entries_new"] == 9
    assert table_counts(db) == table_counts(tmp_path / "control.duckdb")


def test_schedule_after_downtime_one_run_processes_the_backlog_once(prefect_harness, corpus, tmp_path):
    """C3: ten hours without runs (every feed long overdue, new entries waiting): the next run takes
    the backlog once, alerts once; the run after it finds nothing. Missed runs are not replayed."""
    from flows.monitor import run_once

    root, server = corpus
    db = tmp_path / "n.duckdb"
    cfg = write_config(tmp_path / "c.toml", base_url=server.base_url, feeds=FEEDS, database=db,
                       outbox=tmp_path / "outbox")
    run_once(str(cfg))
    before = table_counts(db)
    con = duckdb.connect(str(db))
    long_ago = now_utc() - timedelta(hours=10)
    con.execute("UPDATE feeds SET next_check_at = ?, last_fetch_at = ?", [long_ago, long_ago])
    con.close()
    shutil.copytree(corpus_root() / "updates", root, dirs_exist_ok=True)  # what appeared meanwhile
    r = run_once(str(cfg))
    assert r["counts"]["feeds_due"] == 3 and r["counts"]["entries_new"] == 1
    assert table_counts(db)["articles"] == before["articles"] + 1
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 2  # the first run's digest and this one
    again = run_once(str(cfg))
    assert again["counts"]["entries_new"] == 0
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 2
    assert len(column(db, "runs", "run_id")) == 3


def test_schedule_unexpected_exception_is_recorded_by_the_failure_hook(prefect_harness, corpus, tmp_path,
                                                                     monkeypatch, caplog):
    """on_failure: a bug that escapes the flow leaves a `runs` row with outcome failed and the
    error, and a failure notice in the log; the hook itself never raises."""
    from flows.monitor import run_once

    root, server = corpus
    db = tmp_path / "n.duckdb"
    cfg = write_config(tmp_path / "c.toml", base_url=server.base_url, feeds=FEEDS[:1], database=db,
                       outbox=tmp_path / "outbox")

    def broken(*args, **kwargs):
        raise RuntimeError("extractor bug near https://feeds.example/rss?token=SECRET123")

    monkeypatch.setattr(newsmon.pipeline, "build_batch", broken)
    with caplog.at_level(logging.ERROR, logger="flows.monitor"), pytest.raises(RuntimeError, match="extractor bug"):
        run_once(str(cfg))
    ((outcome, summary),) = rows(db, "runs", "outcome", "summary")
    assert outcome == "failed"
    assert "RuntimeError" in json.loads(summary)["error"] and "extractor bug" in json.loads(summary)["error"]
    assert "SECRET123" not in summary  # the stored error is redacted
    assert any("failed" in r.getMessage() and "extractor bug" in r.getMessage() for r in caplog.records)
    assert table_counts(db)["articles"] == 0


def test_schedule_failure_hook_with_the_database_locked_spools_the_notice(tmp_path):
    """on_failure while another process holds the file: the notice is spooled, not lost, not raised."""
    from test_reliability_storage import Holder

    db = tmp_path / "n.duckdb"
    Store(db).migrate()
    holder = Holder(db)
    try:
        assert Store(db, lock_timeout=0.2).record_failure("run-x", error="boom") == "spooled"
    finally:
        holder.release()
    store = Store(db)
    store.merge_spools()
    ((outcome, summary),) = rows(db, "runs", "outcome", "summary", run_id="run-x")
    assert outcome == "failed" and json.loads(summary) == {"error": "boom"}


def test_schedule_exception_in_one_item_is_isolated_and_the_run_completes(prefect_harness, corpus, tmp_path,
                                                                         monkeypatch):
    """C4: one entry whose processing raises (a bug) is recorded as an error row; the other
    entries of its batch and the other feeds are stored; the run completes (partial)."""
    from flows.monitor import run_once

    root, server = corpus
    db = tmp_path / "n.duckdb"
    cfg = write_config(tmp_path / "c.toml", base_url=server.base_url, feeds=FEEDS, database=db,
                       outbox=tmp_path / "outbox", extra="")
    real = newsmon.items.match_topic

    def match(text, topic):
        if "Hyesan" in text[:200]:
            raise ValueError("bug triggered by one article")
        return real(text, topic)

    monkeypatch.setattr(newsmon.items, "match_topic", match)
    r = run_once(str(cfg))
    assert r["outcome"] == "partial"
    assert [f["kind"] for f in r["summary"]["failures"]] == ["internal_error"]
    assert table_counts(db)["articles"] == 14  # the failing entry is kept from its feed data...
    failed = rows(db, "articles", "title", article_status="extraction_failed")
    assert len(failed) == 1  # ...marked as such
    assert [(st, k) for st, k, m in rows(db, "errors", "stage", "kind", "message") if "bug triggered" in m] == [
        ("extract", "internal_error")]
    assert table_counts(db)["topic_matches"] >= 8  # the other entries of its batch were matched and stored


def test_schedule_exception_in_one_feed_is_isolated_and_the_run_completes(prefect_harness, corpus, tmp_path,
                                                                         monkeypatch):
    """C4: a feed whose parsing raises (a bug) is recorded as failing; the other feeds are stored."""
    from flows.monitor import run_once

    root, server = corpus
    db = tmp_path / "n.duckdb"
    cfg = write_config(tmp_path / "c.toml", base_url=server.base_url, feeds=FEEDS, database=db,
                       outbox=tmp_path / "outbox")
    real = newsmon.pipeline.parse_feed

    def parse(body, *, url, **kw):
        if "asia-digest" in str(url):
            raise ValueError("parser bug on one feed")
        return real(body, url=url, **kw)

    monkeypatch.setattr(newsmon.pipeline, "parse_feed", parse)
    r = run_once(str(cfg))
    assert r["outcome"] == "partial"
    assert table_counts(db)["articles"] == 9
    assert column(db, "feeds", "status", name="Asia Digest") == ["failing"]
