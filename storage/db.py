"""``Store``: the one owner of the DuckDB file. Every SQL statement lives in ``storage``: here,
in ``storage.writes`` (the tables' Arrow schemas and bulk writes), ``storage.trends`` (the trend
queries) and ``storage.schema`` (the migrations).

Connections are short-lived: each method opens the file, does its work and
closes it, so notebooks and dashboards can read between writes. Bulk writes go
through Arrow tables in one transaction (``save_batch``); deterministic primary
keys with ``ON CONFLICT DO NOTHING`` make a repeated write add nothing.

A file held by another process is retried for ``lock_timeout`` seconds, then
reported as ``DatabaseLocked`` with the holder's message. A run does not lose a
batch to such a lock: ``save_or_spool`` writes it to ``<db>.spool/`` (see
``storage.spool``) and ``merge_spools`` commits it at the start of the next run.

``pause_point(name)`` is a test hook (inert unless ``NEWSMON_TEST_PAUSE_AT`` names
the point) that lets crash tests SIGKILL a run at a chosen moment.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from newsmon.errors import DatabaseLocked, StorageError
from newsmon.records import now_utc, record_id, utc_naive  # noqa: F401  (re-exported)
from storage import spool as _spool
from storage.schema import MIGRATIONS
from storage.trends import TrendQueries, _dicts
from storage.writes import (
    ARTICLE_SCHEMA,
    CASUALTY_SCHEMA,
    ERROR_SCHEMA,
    MATCH_SCHEMA,
    OUTBOX_SCHEMA,
    SENTIMENT_SCHEMA,
    _insert,
    _update_articles,
    _upsert_feeds,
    _upsert_runs,
)

log = logging.getLogger(__name__)

_LOCK_MESSAGE = re.compile(r"Could not set lock|Conflicting lock|database is locked", re.I)

TABLES = ("feeds", "articles", "topic_matches", "casualty_reports", "sentiment_reports", "alert_outbox", "errors",
          "runs")
VIEWS = ("casualty_claims", "casualty_weekly", "sentiment_weekly", "sentiment_quotes")

@dataclass(frozen=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    status: str = "new"
    consecutive_failures: int = 0
    next_check_at: datetime | None = None
    last_success_at: datetime | None = None
    permanent_url: str | None = None
    entries_seen: int = 0


@dataclass
class WriteBatch:
    """Everything one batch of work writes, committed in one transaction."""

    articles: list[dict] = field(default_factory=list)
    matches: list[dict] = field(default_factory=list)
    casualties: list[dict] = field(default_factory=list)
    sentiment: list[dict] = field(default_factory=list)
    outbox: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    feeds: list[dict] = field(default_factory=list)
    runs: list[dict] = field(default_factory=list)  # run records (upserted: non-null values win)
    article_updates: list[dict] = field(default_factory=list)  # re-fetched pages of stored articles

    def __bool__(self) -> bool:
        return any((self.articles, self.matches, self.casualties, self.sentiment, self.outbox, self.errors, self.feeds,
                    self.runs, self.article_updates))


PAUSE_ENV = "NEWSMON_TEST_PAUSE_AT"


def pause_point(name: str) -> None:
    """Test hook for crash tests; does nothing unless ``NEWSMON_TEST_PAUSE_AT`` equals ``name``.

    Then it writes this process's PID to the file named by ``NEWSMON_TEST_PAUSE_FILE`` (if set)
    and sleeps ``NEWSMON_TEST_PAUSE_SECONDS`` (default 60), so a test can SIGKILL the process
    exactly there. Points: ``save_batch:in-transaction`` (rows inserted, not committed),
    ``mark_alerts:sent`` (the SMTP server accepted a digest, the rows are not marked yet),
    and the flow's ``flow:before-store`` / ``flow:after-store``."""
    if os.environ.get(PAUSE_ENV) != name:
        return
    marker = os.environ.get("NEWSMON_TEST_PAUSE_FILE")
    if marker:
        Path(marker).write_text(f"{os.getpid()}\n", encoding="ascii")
    time.sleep(float(os.environ.get("NEWSMON_TEST_PAUSE_SECONDS", "60")))


class Store(TrendQueries):
    """The newsmon database: a DuckDB file (or ``:memory:`` for tests of one process)."""

    def __init__(self, path: str | Path, *, lock_timeout: float = 30.0) -> None:
        self.path = str(path)
        self.lock_timeout = lock_timeout
        self._memory = duckdb.connect(":memory:") if self.path == ":memory:" else None
        self._migrated = False

    # -- connections -----------------------------------------------------------------------------------------
    @contextmanager
    def connection(self, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        if self._memory is not None:
            yield self._memory.cursor()
            return
        if read_only and not Path(self.path).exists():
            raise StorageError(f"{self.path}: no such database (run `newsmon run` or `newsmon demo` first)")
        con = self._open(read_only)
        try:
            if not read_only and not self._migrated:
                self._migrate(con)
            yield con
        finally:
            con.close()

    def _open(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.05
        if not read_only:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        while True:
            try:
                return duckdb.connect(self.path, read_only=read_only)
            except duckdb.IOException as exc:
                if not _LOCK_MESSAGE.search(str(exc)):
                    raise StorageError(f"{self.path}: cannot open the database: {exc}") from None
                if time.monotonic() >= deadline:
                    raise DatabaseLocked(
                        f"{self.path} is locked by another process ({_lock_holder(str(exc))}); "
                        "close the notebook or dashboard that holds it, or wait for the other run to finish"
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    def migrate(self) -> int:
        """Apply pending migrations; return the schema version."""
        with self.connection() as con:
            return self._migrate(con)

    def _migrate(self, con: duckdb.DuckDBPyConnection) -> int:
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
        )
        done = {v for (v,) in con.execute("SELECT version FROM schema_migrations").fetchall()}
        for version, name, sql in MIGRATIONS:
            if version in done:
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(sql)
                con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, now_utc()])
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
            log.info("applied migration %s: %s", version, name)
        self._migrated = True
        return max(v for v, _, _ in MIGRATIONS)

    def schema_version(self) -> int:
        with self.connection(read_only=True) as con:
            return con.execute("SELECT max(version) FROM schema_migrations").fetchall()[0][0]

    # -- reads for a run -------------------------------------------------------------------------------------
    def feed_states(self, urls: Sequence[str]) -> dict[str, FeedState]:
        if not urls:
            return {}
        with self.connection() as con:
            rows = con.execute(
                "SELECT url, etag, last_modified, status, consecutive_failures, next_check_at, last_success_at,"
                " permanent_url, entries_seen FROM feeds WHERE url IN (SELECT unnest(?))",
                [list(urls)],
            ).fetchall()
        return {r[0]: FeedState(*r) for r in rows}

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """The entry keys (of any feed) already stored."""
        keys = list(dict.fromkeys(keys))
        if not keys:
            return set()
        with self.connection() as con:
            con.register("probe", pa.table({"k": pa.array(keys, pa.string())}))
            rows = con.execute("SELECT DISTINCT a.entry_key FROM articles a JOIN probe p ON a.entry_key = p.k").fetchall()
            con.unregister("probe")
        return {r[0] for r in rows}

    def articles_to_refetch(self, *, now: datetime | None = None, limit: int = 200) -> list[dict]:
        """Stored articles whose page fetch failed (403, 429, a timeout...) and whose next attempt
        is due: the run tries their pages again, a bounded number of times with a backoff."""
        now = utc_naive(now) or now_utc()
        with self.connection() as con:
            return _dicts(con.execute(
                "SELECT id, entry_key, feed_url, guid, url, title, author, published, text, fetch_attempts"
                " FROM articles WHERE article_status = 'failed' AND url IS NOT NULL"
                " AND next_fetch_at IS NOT NULL AND next_fetch_at <= ? ORDER BY next_fetch_at LIMIT ?",
                [now, limit]))

    # -- the batch write -------------------------------------------------------------------------------------
    def save_batch(self, batch: WriteBatch) -> dict[str, int]:
        """Write one batch atomically; return rows inserted per table."""
        with self.connection() as con:
            return self._write(con, batch, newer_feeds_only=False)

    def _write(self, con: duckdb.DuckDBPyConnection, batch: WriteBatch, *, newer_feeds_only: bool) -> dict[str, int]:
        counts: dict[str, int] = {}
        con.execute("BEGIN TRANSACTION")
        try:
            counts["articles"] = _insert(con, "articles", ARTICLE_SCHEMA, batch.articles, "id")
            counts["articles_updated"] = _update_articles(con, batch.article_updates)
            counts["topic_matches"] = _insert(con, "topic_matches", MATCH_SCHEMA, batch.matches, "article_id, topic")
            counts["casualty_reports"] = _insert(con, "casualty_reports", CASUALTY_SCHEMA, batch.casualties, "id")
            counts["sentiment_reports"] = _insert(con, "sentiment_reports", SENTIMENT_SCHEMA, batch.sentiment, "id")
            counts["alert_outbox"] = _insert(con, "alert_outbox", OUTBOX_SCHEMA, batch.outbox, "id")
            counts["errors"] = _insert(con, "errors", ERROR_SCHEMA, batch.errors, "id")
            counts["feeds"] = _upsert_feeds(con, batch.feeds, newer_only=newer_feeds_only)
            counts["runs"] = _upsert_runs(con, batch.runs)
            pause_point("save_batch:in-transaction")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return counts

    # -- the spool (a batch the locked file could not take) -------------------------------------------------
    @property
    def spool_dir(self) -> Path:
        return _spool.spool_dir(self.path)

    def save_or_spool(self, batch: WriteBatch, *, run_id: str, seq: int) -> dict[str, int]:
        """``save_batch``; when the file stays locked past ``lock_timeout``, write the batch to the
        spool instead. The counts then hold ``spooled = 1`` (rows are counted when merged)."""
        try:
            return self.save_batch(batch)
        except DatabaseLocked as exc:
            if self._memory is not None:
                raise
            path = _spool.write_spool(self.spool_dir, _spool.batch_tables(batch), run_id=run_id, seq=seq)
            log.warning("database locked; batch %d of run %s spooled to %s (%s)", seq, run_id, path, exc)
            return {"spooled": 1}

    def pending_spools(self) -> list[_spool.SpoolFile]:
        """Spool files waiting for the next run (read without opening the database)."""
        return [] if self._memory is not None else _spool.describe(self.spool_dir)

    def merge_spools(self) -> dict[str, int]:
        """Commit every pending spool file, oldest first, one transaction each, then delete it.

        Idempotent (deterministic keys, ``ON CONFLICT DO NOTHING``; a feed row replaces the stored
        one only if it was fetched later). Call it under the run lock: it also deletes temporary
        files left by a writer that died. Raises ``DatabaseLocked`` if the file is held."""
        totals: dict[str, int] = {"files": 0, "bad_files": 0}
        if self._memory is not None:
            return totals
        for tmp in _spool.stale_temporaries(self.spool_dir):
            tmp.unlink(missing_ok=True)
        files = _spool.pending_spools(self.spool_dir)
        if not files:
            return totals
        with self.connection() as con:
            for path in files:
                try:
                    _header, tables = _spool.read_spool(path)
                except _spool.SpoolCorrupt as exc:
                    bad = _spool.set_aside(path)
                    log.error("spool file not merged, kept as %s: %s", bad, exc)
                    totals["bad_files"] += 1
                    continue
                try:
                    counts = self._write(con, WriteBatch(**tables), newer_feeds_only=True)
                except (TypeError, duckdb.ConstraintException, duckdb.ConversionException,
                        duckdb.InvalidInputException, duckdb.BinderException) as exc:
                    # rows that can never be written (a bug, an old format): rolled back whole and set
                    # aside, so one bad file does not stop every later run; other errors (disk full,
                    # read-only file system) propagate and the file is tried again by the next run
                    bad = _spool.set_aside(path)
                    log.error("spool file could not be merged, kept as %s: %s", bad, exc)
                    totals["bad_files"] += 1
                    continue
                _spool.remove(path)
                totals["files"] += 1
                for k, v in counts.items():
                    totals[k] = totals.get(k, 0) + v
                log.info("merged spool %s: %s", path.name, counts)
        return totals

    # -- runs ------------------------------------------------------------------------------------------------
    def start_run(self, run_id: str, *, config: str, started_at: datetime | None = None) -> None:
        with self.connection() as con:
            con.execute(
                "INSERT INTO runs (run_id, started_at, outcome, config) VALUES (?, ?, 'running', ?) ON CONFLICT DO NOTHING",
                [run_id, utc_naive(started_at) or now_utc(), config],
            )

    def finish_run(self, run_id: str, *, outcome: str, counts: dict[str, int], summary: dict[str, Any],
                   spool: bool = False, started_at: datetime | None = None) -> None:
        """Record a run's end. With ``spool=True`` a locked file does not lose the record: the
        whole run row goes to the spool (``started_at`` then fills the row if the start was never
        recorded either)."""
        cols = ("feeds_due", "feeds_ok", "feeds_not_modified", "feeds_failed", "entries_new", "articles_fetched",
                "matches", "casualty_reports", "sentiment_reports", "alerts_sent", "errors")
        try:
            with self.connection() as con:
                con.execute(
                    f"UPDATE runs SET finished_at = ?, outcome = ?, summary = ?, {', '.join(f'{c} = ?' for c in cols)}"
                    " WHERE run_id = ?",
                    [now_utc(), outcome, json.dumps(summary, default=str), *[int(counts.get(c, 0)) for c in cols],
                     run_id],
                )
        except DatabaseLocked:
            if not spool:
                raise
            row = {"run_id": run_id, "started_at": utc_naive(started_at), "finished_at": now_utc(), "outcome": outcome,
                   "summary": json.dumps(summary, default=str), **{c: int(counts.get(c, 0)) for c in cols}}
            self.save_or_spool(WriteBatch(runs=[row]), run_id=run_id, seq=9999)

    def close_interrupted_runs(self) -> int:
        """Mark runs still 'running' as 'interrupted' (killed, machine down). Call it under the run
        lock, where no other run can be live; returns how many were closed."""
        with self.connection() as con:
            return len(con.execute(
                "UPDATE runs SET outcome = 'interrupted' WHERE outcome = 'running' RETURNING run_id").fetchall())

    def record_failure(self, run_id: str, *, error: str, started_at: datetime | None = None) -> str:
        """Mark a run failed with its error (kept in the summary as ``error``); a run that never
        recorded its start gets a row. Spools the record if the file is locked. Returns "stored"
        or "spooled"."""
        now = now_utc()
        try:
            with self.connection() as con:
                found = con.execute("SELECT summary FROM runs WHERE run_id = ?", [run_id]).fetchall()
                summary: dict[str, Any] = {}
                if found and found[0][0]:
                    try:
                        summary = dict(json.loads(found[0][0]))
                    except (ValueError, TypeError):
                        summary = {}
                summary["error"] = error
                row = {"run_id": run_id, "started_at": utc_naive(started_at) or now, "finished_at": now,
                       "outcome": "failed", "summary": json.dumps(summary, default=str)}
                _upsert_runs(con, [row])
            return "stored"
        except DatabaseLocked:
            row = {"run_id": run_id, "started_at": utc_naive(started_at) or now, "finished_at": now,
                   "outcome": "failed", "summary": json.dumps({"error": error})}
            self.save_or_spool(WriteBatch(runs=[row]), run_id=run_id, seq=9998)
            return "spooled"

    def recent_runs(self, limit: int = 10) -> list[dict]:
        with self.connection(read_only=True) as con:
            return _dicts(con.execute(
                "SELECT run_id, started_at, finished_at, outcome, feeds_due, feeds_ok, feeds_not_modified, feeds_failed,"
                " entries_new, matches, casualty_reports, sentiment_reports, alerts_sent, errors"
                " FROM runs ORDER BY started_at DESC LIMIT ?", [limit]))

    def run_errors(self, run_id: str) -> list[dict]:
        with self.connection(read_only=True) as con:
            return _dicts(con.execute(
                "SELECT feed_url, item_url, stage, kind, status, message FROM errors WHERE run_id = ? ORDER BY occurred_at",
                [run_id]))

    # -- feeds -----------------------------------------------------------------------------------------------
    def feed_health(self) -> list[dict]:
        with self.connection(read_only=True) as con:
            return _dicts(con.execute(
                "SELECT url, name, status, last_success_at, last_error_kind, last_error, consecutive_failures,"
                " next_check_at, entries_seen FROM feeds ORDER BY name, url"))

    def reset_feed(self, url: str) -> bool:
        with self.connection() as con:
            n = con.execute(
                "UPDATE feeds SET status = 'new', consecutive_failures = 0, next_check_at = NULL,"
                " last_error_kind = NULL, last_error = NULL WHERE url = ? RETURNING url", [url]).fetchall()
        return bool(n)

    # -- alerts ----------------------------------------------------------------------------------------------
    def pending_alerts(self, *, now: datetime | None = None) -> list[dict]:
        """Outbox rows due for sending, with their article and figures."""
        now = utc_naive(now) or now_utc()
        with self.connection() as con:
            rows = _dicts(con.execute(
                """
                SELECT o.id, o.rule, o.topic, o.article_id, o.recipient, o.attempts, o.created_at,
                       a.title, a.url, a.feed_url, coalesce(f.name, a.feed_url) AS outlet, a.published
                FROM alert_outbox o
                JOIN articles a ON a.id = o.article_id
                LEFT JOIN feeds f ON f.url = a.feed_url
                WHERE o.status = 'pending' AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)
                ORDER BY o.created_at, a.published, o.id
                """, [now]))
            if not rows:
                return []
            ids = list({r["article_id"] for r in rows})
            cas = _dicts(con.execute(
                "SELECT article_id, topic, category, min, max, qualifier, party, attributed_to, figure AS text, sentence"
                " FROM casualty_reports WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id, start_offset", [ids]))
            sen = _dicts(con.execute(
                "SELECT article_id, topic, holder, stance, score, quote, location, sentence"
                " FROM sentiment_reports WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id, start_offset", [ids]))
        by_article: dict[tuple[str, str], dict[str, list]] = {}
        for c in cas:
            by_article.setdefault((c.pop("article_id"), c.pop("topic")), {"casualties": [], "sentiment": []})["casualties"].append(c)
        for s in sen:
            by_article.setdefault((s.pop("article_id"), s.pop("topic")), {"casualties": [], "sentiment": []})["sentiment"].append(s)
        for r in rows:
            found = by_article.get((r["article_id"], r["topic"]), {"casualties": [], "sentiment": []})
            r.update(found)
        return rows

    def mark_alerts(self, ids: Sequence[str], *, status: str, message_id: str | None = None,
                    error: str | None = None, next_attempt_at: datetime | None = None) -> None:
        """Record a send outcome for outbox rows: sent, failed, or pending (retry later)."""
        if not ids:
            return
        if status == "sent":
            pause_point("mark_alerts:sent")
        with self.connection() as con:
            con.execute(
                "UPDATE alert_outbox SET status = ?, attempts = attempts + 1, message_id = coalesce(?, message_id),"
                " last_error = ?, next_attempt_at = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END"
                " WHERE id IN (SELECT unnest(?))",
                [status, message_id, error, utc_naive(next_attempt_at), status, now_utc(), list(ids)],
            )

    def outbox(self, *, status: str | None = None) -> list[dict]:
        with self.connection(read_only=True) as con:
            return _dicts(con.execute(
                "SELECT o.id, o.rule, o.topic, o.recipient, o.status, o.attempts, o.next_attempt_at, o.last_error,"
                " o.message_id, o.created_at, o.sent_at, a.title, a.url FROM alert_outbox o"
                " JOIN articles a ON a.id = o.article_id WHERE ? IS NULL OR o.status = ? ORDER BY o.created_at",
                [status, status]))

    def counts(self) -> dict[str, int]:
        with self.connection(read_only=True) as con:
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}

    def rows(self, table: str, /, *columns: str, **equals: Any) -> list[dict]:
        """Rows of one table or view as dicts, oldest insertion first: the named `columns`
        (all without), where each keyword equals its value (``None`` matches NULL).

        For tools, tests and debugging, so that none of them writes SQL:
        ``store.rows("runs", "outcome", run_id=r)``. Table and column names are checked
        against the database, never pasted in unchecked."""
        if table not in TABLES + VIEWS:
            raise StorageError(f"unknown table {table!r}; one of: {', '.join(TABLES + VIEWS)}")
        with self.connection(read_only=True) as con:
            known = {c for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
            unknown = [c for c in (*columns, *equals) if c not in known]
            if unknown:
                raise StorageError(f"{table} has no column {unknown[0]!r}; its columns: {', '.join(sorted(known))}")
            select = ", ".join(f'"{c}"' for c in columns) if columns else "*"
            where = " AND ".join(f'"{c}" IS NOT DISTINCT FROM ?' for c in equals) or "true"
            return _dicts(con.execute(f"SELECT {select} FROM {table} WHERE {where}", list(equals.values())))

    def export_parquet(self, directory: str | Path) -> list[Path]:
        """A read-only snapshot for dashboards: one Parquet file per table and view."""
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        with self.connection(read_only=True) as con:
            for name in ("articles", "topic_matches", "casualty_reports", "sentiment_reports", "casualty_claims",
                         "casualty_weekly", "sentiment_weekly", "runs"):
                target = out / f"{name}.parquet"
                tmp = target.with_suffix(".parquet.tmp")
                con.execute(f"COPY (SELECT * FROM {name}) TO '{_sql_path(tmp)}' (FORMAT parquet)")
                tmp.replace(target)
                written.append(target)
        return written


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _lock_holder(message: str) -> str:
    m = re.search(r"held in (.+?) \(PID (\d+)\)", message)
    if m:
        return f"PID {m.group(2)}, {Path(m.group(1)).name}"
    return "another process"
