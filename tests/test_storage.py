"""The DuckDB store on real files: migrations, idempotent batch writes, trend views, locks."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta

import duckdb
import pytest

from newsmon.errors import DatabaseLocked, RunLocked, StorageError
from storage import Store, WriteBatch, record_id
from storage.lock import run_lock
from storage.schema import MIGRATIONS

T0 = datetime(2025, 1, 13, 9, 0)


def article(n: int, feed: str = "https://f.example/rss", when: datetime = T0) -> dict:
    return {"id": f"a{n}", "entry_key": f"k{n}", "feed_url": feed, "url": f"https://f.example/{n}",
            "title": f"t{n}", "published": when, "fetched_at": when, "text": "x", "method": "trafilatura",
            "article_status": "ok"}


def figure(art: str, *, source: str | None, party: str = "north_korean", category: str = "casualties",
           n: int = 3000, when: datetime = T0, start: int = 0, qualifier: str = "approximately") -> dict:
    return {"id": record_id(art, start, category), "article_id": art, "topic": "t", "category": category,
            "min": n, "max": n, "qualifier": qualifier, "party": party, "attributed_to": source,
            "sentence": "s", "start_offset": start, "end_offset": start + 5, "reported_at": when}


def test_storage_migrations_are_recorded_and_applied_once(tmp_path):
    s = Store(tmp_path / "n.duckdb")
    assert s.migrate() == MIGRATIONS[-1][0]
    assert s.migrate() == MIGRATIONS[-1][0]
    con = duckdb.connect(str(tmp_path / "n.duckdb"), read_only=True)
    rows = con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    con.close()
    assert [r[0] for r in rows] == [m[0] for m in MIGRATIONS]


def test_storage_rows_reads_checked_columns_with_equality_filters(tmp_path):
    s = Store(tmp_path / "n.duckdb")
    s.save_batch(WriteBatch(articles=[article(1), article(2)],
                            casualties=[figure("a1", source="NIS"), figure("a2", source=None, n=12)]))
    assert sorted(r["id"] for r in s.rows("articles")) == ["a1", "a2"]
    assert s.rows("casualty_reports", "article_id", "min", attributed_to=None) == [{"article_id": "a2", "min": 12}]
    assert s.rows("casualty_claims", "source", "min", min=3000) == [{"source": "NIS", "min": 3000}]
    with pytest.raises(StorageError, match="unknown table 'articles; DROP'"):
        s.rows("articles; DROP")
    with pytest.raises(StorageError, match="no column 'nope'"):
        s.rows("articles", "nope")
    with pytest.raises(StorageError, match="no column 'x'"):
        s.rows("articles", x=1)


def test_storage_same_batch_twice_adds_nothing(tmp_path):
    s = Store(tmp_path / "n.duckdb")
    b = WriteBatch(
        articles=[article(1), article(2), article(1)],  # a duplicate inside the batch too
        casualties=[figure("a1", source="NIS")],
        sentiment=[{"id": "s1", "article_id": "a1", "topic": "t", "holder": "residents", "stance": "negative",
                    "score": -0.6, "quote": "q", "location": "Hyesan", "sentence": "s", "start_offset": 0,
                    "end_offset": 9, "reported_at": T0}],
        outbox=[{"id": "o1", "rule": "r", "topic": "t", "article_id": "a1", "recipient": "a@b.c", "created_at": T0}],
        feeds=[{"url": "https://f.example/rss", "name": "F", "status": "ok", "consecutive_failures": 0,
                "entries_seen": 2, "etag": '"v1"'}],
    )
    first = s.save_batch(b)
    assert first["articles"] == 2 and first["casualty_reports"] == 1 and first["alert_outbox"] == 1
    before = s.counts()
    second = s.save_batch(b)
    assert second["articles"] == 0 and second["casualty_reports"] == 0 and second["alert_outbox"] == 0
    assert s.counts() == before
    assert s.feed_states(["https://f.example/rss"])["https://f.example/rss"].etag == '"v1"'  # verbatim


def test_storage_failed_batch_is_rolled_back_whole(tmp_path):
    s = Store(tmp_path / "n.duckdb")
    bad = WriteBatch(articles=[article(1)], casualties=[{**figure("a1", source="x"), "min": "not a number"}])
    with pytest.raises(ValueError):  # Arrow refuses the row after the articles were inserted
        s.save_batch(bad)
    assert s.counts()["articles"] == 0  # nothing half-written


def test_storage_casualty_trend_latest_highest_and_conservative(tmp_path):
    s = Store(tmp_path / "n.duckdb")
    arts = [article(i, when=T0 + timedelta(days=i)) for i in range(4)]
    figs = [
        figure("a0", source="South Korea's National Intelligence Service", n=3000, when=T0),
        figure("a1", source="Ukraine's military intelligence", n=4000, when=T0 + timedelta(days=1)),
        figure("a2", source="South Korea's National Intelligence Service", n=3000, when=T0 + timedelta(days=2)),
        figure("a3", source="South Korea's National Intelligence Service", n=4700, when=T0 + timedelta(days=3)),
        figure("a3", source="South Korea's National Intelligence Service", category="killed", n=600,
               when=T0 + timedelta(days=3), start=50),
    ]
    s.save_batch(WriteBatch(articles=arts, casualties=figs))
    trend = {(r["party"], r["category"]): r for r in s.casualty_trend()}
    cas = trend[("north_korean", "casualties")]
    assert cas["latest"] == 4700 and cas["highest"] == 4700
    assert cas["highest_source"] == "South Korea's National Intelligence Service"
    assert cas["conservative"] == 4000  # lowest of each source's latest claim (NIS 4,700; Ukraine 4,000)
    assert trend[("north_korean", "killed")]["latest"] == 600
    claims = s.casualty_claims()
    nis3000 = [c for c in claims if c["min"] == 3000][0]
    assert nis3000["mentions"] == 2 and nis3000["first_seen"] == T0
    assert len(claims) == 4
    since = s.casualty_trend(since=T0 + timedelta(days=2, hours=1))
    assert {(r["party"], r["category"], r["latest"]) for r in since} == {("north_korean", "casualties", 4700),
                                                                         ("north_korean", "killed", 600)}


def test_storage_sentiment_trend_counts_and_share(tmp_path):
    s = Store(tmp_path / "n.duckdb")
    rows = [{"id": f"s{i}", "article_id": "a1", "topic": "t", "holder": "residents", "stance": st, "score": 0.0,
             "quote": None, "location": None, "sentence": "s", "start_offset": i, "end_offset": i + 1,
             "reported_at": T0} for i, st in enumerate(["negative", "negative", "positive", "mixed"])]
    s.save_batch(WriteBatch(articles=[article(1)], sentiment=rows))
    (row,) = s.sentiment_trend()
    assert (row["negative"], row["positive"], row["mixed"], row["reports"]) == (2, 1, 1, 4)
    assert row["share_negative"] == 0.5


def test_storage_alert_outcomes_are_recorded(tmp_path):
    s = Store(tmp_path / "n.duckdb")
    s.save_batch(WriteBatch(articles=[article(1)], casualties=[figure("a1", source="NIS")],
                            outbox=[{"id": f"o{r}", "rule": "r", "topic": "t", "article_id": "a1", "recipient": r,
                                     "created_at": T0} for r in ("a@x.org", "b@x.org")]))
    pending = s.pending_alerts(now=T0)
    assert len(pending) == 2 and pending[0]["casualties"][0]["min"] == 3000
    s.mark_alerts(["oa@x.org"], status="sent", message_id="<m@x>")
    s.mark_alerts(["ob@x.org"], status="pending", error="421", next_attempt_at=T0 + timedelta(hours=1))
    assert s.pending_alerts(now=T0) == []  # backing off
    assert [r["id"] for r in s.pending_alerts(now=T0 + timedelta(hours=2))] == ["ob@x.org"]
    assert {r["status"] for r in s.outbox()} == {"sent", "pending"}


def test_storage_locked_file_reports_the_holder(tmp_path):
    path = tmp_path / "n.duckdb"
    Store(path).migrate()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(path)!r})
        print("ready", flush=True)
        time.sleep(30)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        t = time.monotonic()
        with pytest.raises(DatabaseLocked, match=r"locked by another process \(PID \d+"):
            Store(path, lock_timeout=0.5).counts()
        assert time.monotonic() - t < 5
    finally:
        holder.kill()
        holder.wait()
    assert Store(path).counts()["runs"] == 0  # usable again once the holder is gone


def test_storage_run_lock_refuses_a_second_run(tmp_path):
    lock = tmp_path / "n.duckdb.lock"
    other = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(__import__('pathlib').Path(__file__).resolve().parent.parent)!r})
        from storage.lock import run_lock
        with run_lock({str(lock)!r}):
            print("locked", flush=True)
            time.sleep(30)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "locked"
        with pytest.raises(RunLocked, match=f"PID {other.pid}"):
            with run_lock(lock):
                pass
    finally:
        other.kill()
        other.wait()
    with run_lock(lock):  # the kernel released the lock of the killed process
        pass


def test_storage_feed_reset_and_parquet_export(tmp_path):
    s = Store(tmp_path / "n.duckdb")
    s.save_batch(WriteBatch(articles=[article(1)], feeds=[{"url": "https://f.example/rss", "name": "F",
                                                            "status": "disabled", "consecutive_failures": 4,
                                                            "entries_seen": 0}]))
    assert s.reset_feed("https://f.example/rss")
    assert not s.reset_feed("https://nope.example/")
    (h,) = s.feed_health()
    assert h["status"] == "new" and h["consecutive_failures"] == 0
    files = s.export_parquet(tmp_path / "snap")
    assert duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'snap' / 'articles.parquet'}'").fetchall()[0][0] == 1
    assert len(files) == 8


def test_storage_run_lock_is_reentrant_in_one_process(tmp_path):
    lock = tmp_path / "n.duckdb.lock"
    with run_lock(lock):  # the CLI takes it before Prefect starts...
        with run_lock(lock):  # ...and the flow in the same process takes it again
            pass
        other = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
            import sys
            sys.path.insert(0, {str(__import__('pathlib').Path(__file__).resolve().parent.parent)!r})
            from storage.lock import run_lock
            from newsmon.errors import RunLocked
            try:
                with run_lock({str(lock)!r}):
                    print("got it")
            except RunLocked:
                print("locked")
        """)], capture_output=True, text=True, timeout=60)
        assert other.stdout.strip() == "locked"  # still held after the inner release
