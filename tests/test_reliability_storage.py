"""Reliability of storage under a busy database file (S3) and a failed commit (S4): the spool.

Real DuckDB files, a real second process holding the file, real Prefect runs (session harness)
of the monitor flow over the demo corpus on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import conftest
import duckdb
import pytest
from click.testing import CliRunner
from conftest import DEMO_FEEDS, column, rows, write_config

import storage.db
from newsmon.cli import cli
from storage import Store, WriteBatch
from storage import spool as spool_mod

FEEDS = DEMO_FEEDS
TABLES = ("articles", "topic_matches", "casualty_reports", "sentiment_reports", "alert_outbox")


def table_counts(db: Path) -> dict[str, int]:
    return conftest.table_counts(db, TABLES)
T0 = datetime(2025, 1, 13, 9, 0)


class Holder:
    """A second process that holds the DuckDB file open (a notebook left open)."""

    def __init__(self, path: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys
            con = duckdb.connect({str(path)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "ready"

    def release(self) -> None:
        self.proc.kill()
        self.proc.wait()


def article(n: int) -> dict:
    return {"id": f"a{n}", "entry_key": f"k{n}", "feed_url": "https://f.example/rss", "title": f"t{n}",
            "fetched_at": T0, "published": T0, "text": "x"}


def feed_row(etag: str, fetched: datetime) -> dict:
    return {"url": "https://f.example/rss", "name": "F", "status": "ok", "consecutive_failures": 0, "entries_seen": 1,
            "etag": etag, "last_fetch_at": fetched}


# -- the spool on its own ------------------------------------------------------------------------------------
def test_spool_batch_to_locked_file_is_spooled_and_merged_once(tmp_path):
    db = tmp_path / "n.duckdb"
    store = Store(db, lock_timeout=0.3)
    store.migrate()
    batch = WriteBatch(articles=[article(1), article(2)], feeds=[feed_row('"v1"', T0)],
                       outbox=[{"id": "o1", "rule": "r", "topic": "t", "article_id": "a1", "recipient": "a@b.c",
                                "created_at": T0}])
    holder = Holder(db)
    try:
        assert store.save_or_spool(batch, run_id="run-1", seq=0) == {"spooled": 1}
        (pending,) = store.pending_spools()
        assert pending.run_id == "run-1" and pending.rows == 4
    finally:
        holder.release()
    assert store.counts()["articles"] == 0  # nothing reached the file while it was held
    kept = tmp_path / "copy.jsonl"
    shutil.copy(pending.path, kept)
    merged = store.merge_spools()
    assert merged["files"] == 1 and merged["articles"] == 2 and merged["alert_outbox"] == 1
    assert store.pending_spools() == []
    assert store.feed_states(["https://f.example/rss"])["https://f.example/rss"].etag == '"v1"'  # with its entries
    before = store.counts()
    # a crash between the merge's commit and the delete: the same file is merged again, adding nothing
    shutil.copy(kept, store.spool_dir / pending.path.name)
    again = store.merge_spools()
    assert again["files"] == 1 and again["articles"] == 0 and again["alert_outbox"] == 0
    assert store.counts() == before


def test_spool_older_feed_state_never_replaces_a_newer_one(tmp_path):
    store = Store(tmp_path / "n.duckdb")
    spool_mod.write_spool(store.spool_dir, {"feeds": [feed_row('"old"', T0)]}, run_id="r0", seq=0)
    store.save_batch(WriteBatch(feeds=[feed_row('"new"', T0 + timedelta(hours=1))]))
    store.merge_spools()
    assert store.feed_states(["https://f.example/rss"])["https://f.example/rss"].etag == '"new"'


def test_spool_truncated_or_partial_files_are_never_merged(tmp_path):
    store = Store(tmp_path / "n.duckdb")
    good = spool_mod.write_spool(store.spool_dir, {"articles": [article(1), article(2)]}, run_id="r1", seq=0)
    cut = store.spool_dir / "20250101T000000000000Z-r0-0000.jsonl"
    cut.write_text("\n".join(good.read_text().splitlines()[:2]) + "\n")  # a header and one row, no trailer
    (store.spool_dir / ".tmp-dead.part").write_text('{"spool": 1')  # a writer killed mid-write
    merged = store.merge_spools()
    assert merged["files"] == 1 and merged["bad_files"] == 1 and merged["articles"] == 2
    assert sorted(p.name for p in store.spool_dir.iterdir()) == [cut.name + ".bad"]


def test_spool_failed_commit_rolls_back_whole_and_sets_the_file_aside(tmp_path):
    """S4: a batch whose commit fails (here a constraint its rows break) leaves nothing
    half-written; the file is kept as *.bad for a human and the other batches are merged."""
    store = Store(tmp_path / "n.duckdb")
    bad = dict(article(1), fetched_at=None)  # fetched_at is NOT NULL
    first = spool_mod.write_spool(store.spool_dir, {"articles": [article(2), bad]}, run_id="r1", seq=0)
    spool_mod.write_spool(store.spool_dir, {"articles": [article(3)]}, run_id="r1", seq=1)
    merged = store.merge_spools()
    assert merged["files"] == 1 and merged["bad_files"] == 1
    assert store.counts()["articles"] == 1  # a3 only: nothing of the bad batch
    assert store.pending_spools() == [] and (store.spool_dir / (first.name + ".bad")).exists()


def test_storage_in_process_conflict_is_retried_by_the_next_run(tmp_path):
    """S4: DuckDB's in-process 'Conflict on update!' rolls the transaction back whole; writing the
    same batch again (the next run) succeeds and adds each row once."""
    store = Store(tmp_path / "n.duckdb")
    store.save_batch(WriteBatch(articles=[article(1)], feeds=[feed_row('"v1"', T0)]))
    con1 = duckdb.connect(str(tmp_path / "n.duckdb"))
    con2 = con1.cursor()
    con1.execute("BEGIN TRANSACTION")
    con2.execute("BEGIN TRANSACTION")
    con1.execute("UPDATE feeds SET name = 'one'")
    with pytest.raises(duckdb.TransactionException, match="Conflict"):
        con2.execute("UPDATE feeds SET name = 'two'")
    con2.execute("ROLLBACK")
    con1.execute("ROLLBACK")
    con1.close()
    assert store.save_batch(WriteBatch(articles=[article(1), article(2)]))["articles"] == 1
    assert store.counts()["articles"] == 2


# -- S3 end to end ---------------------------------------------------------------------------------------------
@pytest.mark.prefect
def test_flow_locked_database_mid_run_spools_and_next_run_merges(prefect_harness, corpus, tmp_path, monkeypatch):
    """S3: a notebook opens the database while a run is under way and keeps it open to the end of
    the run. Nothing is lost: the batches go to the spool, `newsmon status` lists them, the next
    run merges them, and the final rows equal those of an undisturbed run."""
    from flows.monitor import run_once

    root, server = corpus
    control_db, db = tmp_path / "control.duckdb", tmp_path / "n.duckdb"
    control = write_config(tmp_path / "control.toml", base_url=server.base_url, feeds=FEEDS, database=control_db,
                           outbox=tmp_path / "control-outbox")
    cfg = write_config(tmp_path / "c.toml", base_url=server.base_url, feeds=FEEDS, database=db,
                       outbox=tmp_path / "outbox", extra="")
    assert run_once(str(control))["outcome"] == "ok"
    expected = table_counts(control_db)
    assert expected["articles"] == 14 and expected["alert_outbox"] > 0

    monkeypatch.setenv("NEWSMON_DB_LOCK_TIMEOUT", "0.3")
    holders: list[Holder] = []
    real_pause = storage.db.pause_point

    def pause(point: str) -> None:
        if point == "flow:before-store" and not holders:
            holders.append(Holder(db))  # from here to the end of the run
        real_pause(point)

    monkeypatch.setattr(storage.db, "pause_point", pause)
    try:
        r1 = run_once(str(cfg))
        assert r1["outcome"] == "partial"
        assert r1["summary"]["spooled_batches"] >= 1
        assert any(f["kind"] == "database_locked" for f in r1["summary"]["failures"])
        assert "alerts wait for the next run" in " ".join(r1["summary"]["alerts"]["problems"])
        spools = Store(db).pending_spools()
        assert len(spools) == r1["summary"]["spooled_batches"] + 1  # and the run record
    finally:
        for h in holders:
            h.release()
        monkeypatch.setattr(storage.db, "pause_point", real_pause)
    assert table_counts(db)["articles"] == 0  # the rows are in the spool, not yet in the file
    out = CliRunner().invoke(cli, ["-c", str(cfg), "status"])
    assert f"Spooled batches: {len(spools)} pending" in out.output
    assert spools[0].path.name[:30] in out.output and str(spools[0].rows) in out.output

    r2 = run_once(str(cfg))
    assert r2["summary"]["merged_spools"] == len(spools)
    assert Store(db).pending_spools() == []
    # the spooled feed states (ETags, TTLs) were committed together with their entries
    def feed_state(d):
        return sorted((n, e, lm, st, nxt is None) for n, e, lm, st, nxt in
                      rows(d, "feeds", "name", "etag", "last_modified", "status", "next_check_at"))

    assert feed_state(db) == feed_state(control_db)
    assert r2["counts"]["feeds_not_modified"] == 1 and len(r2["summary"]["skipped_feeds"]) == 2  # 2 have a TTL
    assert r2["counts"]["entries_new"] == 0
    assert table_counts(db) == expected
    assert set(column(db, "alert_outbox", "status")) == {"sent"}
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1  # the alerts held back went out once
    runs = dict(rows(db, "runs", "run_id", "outcome"))
    assert runs == {r1["run_id"]: "partial", r2["run_id"]: "ok"}
    (summary,) = [json.loads(v) for v in column(db, "runs", "summary", run_id=r1["run_id"])]
    assert summary["spooled_batches"] == r1["summary"]["spooled_batches"]


@pytest.mark.prefect
def test_flow_locked_database_at_start_fails_cleanly_and_the_notice_is_spooled(prefect_harness, corpus, tmp_path,
                                                                             monkeypatch):
    """S3 at the start of a run: the file stays locked past the bounded wait, so the run does
    nothing (no fetch, nothing to lose) and fails with a clear error naming the holder; the
    failure hook spools the failed-run record; the next run merges it and does the work."""
    from flows.monitor import run_once
    from newsmon.errors import DatabaseLocked

    root, server = corpus
    db = tmp_path / "n.duckdb"
    cfg = write_config(tmp_path / "c.toml", base_url=server.base_url, feeds=FEEDS, database=db,
                       outbox=tmp_path / "outbox")
    Store(db).migrate()
    monkeypatch.setenv("NEWSMON_DB_LOCK_TIMEOUT", "0.3")
    holder = Holder(db)
    try:
        with pytest.raises(DatabaseLocked, match=r"locked by another process \(PID \d+"):
            run_once(str(cfg))
    finally:
        holder.release()
    assert sum(server.requests.values()) == 0  # nothing fetched
    (notice,) = Store(db).pending_spools()
    r = run_once(str(cfg))
    assert r["outcome"] == "ok" and r["summary"]["merged_spools"] == 1
    failed = [(o, sm) for rid, o, sm in rows(db, "runs", "run_id", "outcome", "summary") if rid != r["run_id"]]
    assert failed[0][0] == "failed" and "locked by another process" in json.loads(failed[0][1])["error"]
    assert notice.run_id != r["run_id"]


@pytest.mark.prefect
def test_flow_stored_keys_unreadable_counts_every_entry_as_new_without_doubling(prefect_harness, corpus, tmp_path,
                                                                              monkeypatch):
    """S3 mid-run: when the stored-entry check meets a locked file, every entry counts as new; the
    idempotent inserts then add nothing twice and no alert goes out twice."""
    from flows.monitor import run_once
    from newsmon.errors import DatabaseLocked

    root, server = corpus
    db = tmp_path / "n.duckdb"
    cfg = write_config(tmp_path / "c.toml", base_url=server.base_url, feeds=FEEDS, database=db,
                       outbox=tmp_path / "outbox")
    run_once(str(cfg))
    before = table_counts(db)
    con = duckdb.connect(str(db))
    con.execute("UPDATE feeds SET etag = NULL, last_modified = NULL, next_check_at = NULL")  # fetch bodies again
    con.close()

    def locked(self, keys):
        raise DatabaseLocked(f"{db} is locked by another process (PID 1, python3)")

    monkeypatch.setattr(Store, "known_keys", locked)
    r = run_once(str(cfg))
    assert r["counts"]["entries_new"] == before["articles"]  # blind: all of them
    assert any(f["kind"] == "database_locked" for f in r["summary"]["failures"])
    assert table_counts(db) == before
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1
