"""Arrow schemas of the tables and the bulk writes ``storage.db.Store`` runs inside one transaction.

Rows arrive as dicts; each write builds one Arrow table with the table's schema, registers it on
the DuckDB connection and inserts or upserts it in one statement (``ON CONFLICT DO NOTHING`` on the
deterministic keys, so a repeated write adds nothing).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from newsmon.records import now_utc, utc_naive

TS = pa.timestamp("us")
ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()), ("entry_key", pa.string()), ("feed_url", pa.string()), ("guid", pa.string()),
    ("url", pa.string()), ("canonical_url", pa.string()), ("title", pa.string()), ("author", pa.string()),
    ("published", TS), ("fetched_at", TS), ("text", pa.string()), ("text_hash", pa.string()),
    ("method", pa.string()), ("article_status", pa.string()), ("run_id", pa.string()),
    ("fetch_attempts", pa.int32()), ("next_fetch_at", TS),
])
# what a re-fetch of a failed article page may change in its row
ARTICLE_UPDATE_COLUMNS = ("canonical_url", "author", "text", "text_hash", "method", "article_status",
                          "fetch_attempts", "next_fetch_at")
MATCH_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("topic", pa.string()), ("terms", pa.string()),
    ("overall_sentiment", pa.string()), ("tone", pa.float64()), ("matched_at", TS),
])
CASUALTY_SCHEMA = pa.schema([
    ("id", pa.string()), ("article_id", pa.string()), ("topic", pa.string()), ("category", pa.string()),
    ("min", pa.int64()), ("max", pa.int64()), ("qualifier", pa.string()), ("party", pa.string()),
    ("attributed_to", pa.string()), ("figure", pa.string()), ("sentence", pa.string()),
    ("start_offset", pa.int32()), ("end_offset", pa.int32()), ("reported_at", TS),
])
SENTIMENT_SCHEMA = pa.schema([
    ("id", pa.string()), ("article_id", pa.string()), ("topic", pa.string()), ("holder", pa.string()),
    ("stance", pa.string()), ("score", pa.float64()), ("quote", pa.string()), ("location", pa.string()),
    ("sentence", pa.string()), ("start_offset", pa.int32()), ("end_offset", pa.int32()), ("reported_at", TS),
])
OUTBOX_SCHEMA = pa.schema([
    ("id", pa.string()), ("rule", pa.string()), ("topic", pa.string()), ("article_id", pa.string()),
    ("recipient", pa.string()), ("created_at", TS),
])
ERROR_SCHEMA = pa.schema([
    ("id", pa.string()), ("run_id", pa.string()), ("feed_url", pa.string()), ("item_url", pa.string()),
    ("stage", pa.string()), ("kind", pa.string()), ("status", pa.int32()), ("attempt", pa.int32()),
    ("message", pa.string()), ("occurred_at", TS),
])
FEED_SCHEMA = pa.schema([
    ("url", pa.string()), ("name", pa.string()), ("title", pa.string()), ("etag", pa.string()),
    ("last_modified", pa.string()), ("status", pa.string()), ("last_fetch_at", TS), ("last_success_at", TS),
    ("last_error_kind", pa.string()), ("last_error", pa.string()), ("consecutive_failures", pa.int32()),
    ("next_check_at", TS), ("permanent_url", pa.string()), ("entries_seen", pa.int64()),
])


def _insert(con: duckdb.DuckDBPyConnection, table: str, schema: pa.Schema, rows: list[dict], key: str) -> int:
    if not rows:
        return 0
    # de-duplicate inside the batch first: ON CONFLICT does not see two new rows with one key
    keys = [k.strip() for k in key.split(",")]
    unique = list({tuple(r[k] for k in keys): r for r in reversed(rows)}.values())[::-1]
    data = pa.Table.from_pylist([{n: _cell(r.get(n)) for n in schema.names} for r in unique], schema=schema)
    con.register("batch_rows", data)
    try:
        before = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        con.execute(f"INSERT INTO {table} ({', '.join(schema.names)}) SELECT * FROM batch_rows ON CONFLICT DO NOTHING")
        after = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    finally:
        _unregister(con, "batch_rows")
    return after - before


def _update_articles(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> int:
    """Apply re-fetched pages to stored articles (only the columns a re-fetch may change)."""
    if not rows:
        return 0
    schema = pa.schema([ARTICLE_SCHEMA.field("id"), *(ARTICLE_SCHEMA.field(c) for c in ARTICLE_UPDATE_COLUMNS)])
    unique = list({r["id"]: r for r in rows}.values())
    data = pa.Table.from_pylist([{n: _cell(r.get(n)) for n in schema.names} for r in unique], schema=schema)
    con.register("article_updates", data)
    try:
        sets = ", ".join(f"{c} = u.{c}" for c in ARTICLE_UPDATE_COLUMNS)
        con.execute(f"UPDATE articles SET {sets} FROM article_updates u WHERE articles.id = u.id")
    finally:
        con.unregister("article_updates")
    return len(unique)


def _upsert_feeds(con: duckdb.DuckDBPyConnection, rows: list[dict], *, newer_only: bool = False) -> int:
    if not rows:
        return 0
    unique = list({r["url"]: r for r in rows}.values())
    data = pa.Table.from_pylist([{n: _cell(r.get(n)) for n in FEED_SCHEMA.names} for r in unique], schema=FEED_SCHEMA)
    con.register("feed_rows", data)
    try:
        updates = ", ".join(f"{c} = excluded.{c}" for c in FEED_SCHEMA.names if c != "url")
        # a spooled (older) state must not replace a state fetched later
        guard = (" WHERE feeds.last_fetch_at IS NULL OR excluded.last_fetch_at IS NULL"
                 " OR excluded.last_fetch_at >= feeds.last_fetch_at") if newer_only else ""
        con.execute(
            f"INSERT INTO feeds ({', '.join(FEED_SCHEMA.names)}) SELECT * FROM feed_rows"
            f" ON CONFLICT (url) DO UPDATE SET {updates}{guard}"
        )
    finally:
        _unregister(con, "feed_rows")
    return len(unique)


RUN_COLUMNS = ("run_id", "started_at", "finished_at", "outcome", "config", "feeds_due", "feeds_ok",
               "feeds_not_modified", "feeds_failed", "entries_new", "articles_fetched", "matches", "casualty_reports",
               "sentiment_reports", "alerts_sent", "errors", "summary")


def _upsert_runs(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> int:
    """Insert run records, or fill an existing one: a non-null new value replaces the stored one."""
    for r in rows:
        cols = [c for c in RUN_COLUMNS if c in r]
        if "started_at" not in cols or r.get("started_at") is None:
            r = {**r, "started_at": r.get("finished_at") or now_utc()}
            cols = [c for c in RUN_COLUMNS if c in r]
        updates = ", ".join(f"{c} = coalesce(excluded.{c}, runs.{c})" for c in cols if c not in ("run_id", "started_at"))
        con.execute(
            f"INSERT INTO runs ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
            f" ON CONFLICT (run_id) DO UPDATE SET {updates}",
            [_cell(r[c]) for c in cols],
        )
    return len(rows)


def _unregister(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Drop a registered Arrow view without hiding the error that aborted the transaction."""
    try:
        con.unregister(name)
    except duckdb.Error:
        pass


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return utc_naive(value)
    return value
