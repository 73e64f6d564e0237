"""The Prefect flow ``monitor``: fetch -> parse -> text -> match -> extract -> store -> alert.

The flow only orchestrates: each task wraps one step of ``newsmon.pipeline`` at the
grain of the whole feed list or of a batch of articles (a Prefect task run costs
tens of milliseconds; one per article would cost more than the extraction). Only
I/O tasks retry, and only on errors worth retrying (a locked database file);
per-feed and per-article failures are recorded as rows, never raised.

It is an async flow: a sync flow waits about a second for its heartbeat thread.
Schedules live in ``deploy/``, not here.

A busy database file (a notebook, a dashboard): the start of a run (migrations,
merging spooled batches, the run record, feed states) needs the file and waits
for it a bounded time (``[database] lock_timeout`` seconds per open, default 30,
plus the task retries), then the run fails cleanly having done nothing; the next
run catches up. Once under way, a run never loses work to a lock: a batch the
file will not take is spooled beside it (``Store.save_or_spool``), the stored-keys
check falls back to "nothing known" (inserts are idempotent), alerts wait for the
next run, and the next run merges the spool before anything else. A failed run
is recorded by the ``on_failure`` hook (``runs`` row, outcome failed, the error).
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import acreate_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.utilities.annotations import quote

from newsmon import pipeline
from newsmon.config import Settings, load_settings
from newsmon.errors import DatabaseLocked, RunLocked
from newsmon.fetch import Fetcher
from storage import Store, now_utc
from storage import db as _db
from storage.lock import lock_path_for, run_lock

log = logging.getLogger(__name__)

LOCK_TIMEOUT_ENV = "NEWSMON_DB_LOCK_TIMEOUT"


def db_lock_timeout(settings: Settings | None = None) -> float:
    """Seconds each open of a locked database file is retried: ``[database] lock_timeout``
    (default 30), unless the environment sets ``NEWSMON_DB_LOCK_TIMEOUT`` (tests do)."""
    default = settings.db_lock_timeout if settings is not None else 30.0
    try:
        return max(0.0, float(os.environ.get(LOCK_TIMEOUT_ENV, default)))
    except ValueError:
        return default


def _retry_on_lock(task, task_run, state) -> bool:
    """Retry a storage task only when the database file was locked by another process."""
    try:
        state.result()
    except DatabaseLocked:
        return True
    except Exception:
        return False
    return False


IO = dict(cache_policy=NO_CACHE, persist_result=False)
STORAGE_IO = dict(IO, retries=2, retry_delay_seconds=[5, 20], retry_condition_fn=_retry_on_lock)


@task(name="plan-feeds", **STORAGE_IO)
async def plan_feeds(settings: Settings, store: Store, force: bool) -> tuple[list, list, dict]:
    states = store.feed_states([f.url for f in settings.feeds])
    due, skipped = pipeline.plan_feeds(settings.feeds, states, now_utc(), force=force)
    return due, skipped, states


@task(name="fetch-feeds", **IO)
async def fetch_feeds(fetcher: Fetcher, due: list, states: dict) -> list:
    logger = get_run_logger()
    requests = [
        (pipeline.fetch_url_for(f, states.get(f.url)), pipeline.conditional_headers(states.get(f.url))) for f in due
    ]
    return await fetcher.fetch_many(requests, kind="feed", progress=_progress(logger, "feeds", len(due)))


@task(name="parse-feeds", **IO)
async def parse_feeds(settings: Settings, due: list, states: dict, results: list, run_id: str) -> list:
    now = now_utc()
    return [
        pipeline.parse_fetched(f, states.get(f.url), r, run_id=run_id, now=now,
                               max_entries=settings.fetch["max_entries_per_feed"])
        for f, r in zip(due, results, strict=True)
    ]


@task(name="select-new-entries", **IO)
async def select_new(store: Store, outcomes: list) -> tuple[list, bool]:
    """The entries not stored yet, and whether the check was blind: with the database file locked
    every entry counts as new (re-fetching is safe, inserts are idempotent)."""
    keys = [e.key for o in outcomes for e in o.entries]
    try:
        return pipeline.new_items(outcomes, store.known_keys(keys)), False
    except DatabaseLocked as exc:
        get_run_logger().warning("stored-entry check skipped (%s); every entry counts as new", exc)
        return pipeline.new_items(outcomes, set()), True


@task(name="select-refetch", **IO)
async def select_refetch(store: Store, settings: Settings) -> list:
    """Stored articles whose page fetch failed earlier and is due for another try."""
    try:
        rows = store.articles_to_refetch(limit=settings.run["article_batch"])
    except DatabaseLocked:
        return []
    return pipeline.refetch_items(settings, rows)


@task(name="fetch-articles", **IO)
async def fetch_articles(fetcher: Fetcher, items: list) -> int:
    """Fetch the pages of the items whose feed does not carry the full text (set on the items);
    return how many came back ok. (Not returning the pages keeps them out of Prefect's states.)"""
    logger = get_run_logger()
    wanted = [it for it in items if it.needs_page]
    pages = await fetcher.fetch_many([(it.entry.link, {}) for it in wanted], kind="article",
                                     progress=_progress(logger, "articles", len(wanted)))
    for it, page in zip(wanted, pages, strict=True):
        it.page = page
    return sum(1 for p in pages if p.ok)


@task(name="extract-batch", **IO)
async def extract_batch(settings: Settings, outcomes: list, items: list, run_id: str, pool) -> tuple:
    # in a thread: the event loop goes on fetching the next batch's pages meanwhile
    return await asyncio.to_thread(pipeline.build_batch, settings, outcomes, items, run_id=run_id, now=now_utc(),
                                   executor=pool, workers=settings.run["workers"])


@task(name="store-batch", **IO)
async def store_batch(store: Store, batch, run_id: str, seq: int) -> dict[str, int]:
    """Commit one batch, or spool it when the file stays locked (``{"spooled": 1}``)."""
    return store.save_or_spool(batch, run_id=run_id, seq=seq)


@task(name="send-alerts", **IO)
async def send_alerts(store: Store, settings: Settings) -> pipeline.DeliveryReport:
    return pipeline.deliver_pending(store, settings)


def _progress(logger, what: str, total: int):
    step = max(1, total // 10)

    def report(done: int, _total: int) -> None:
        if done == total or done % step == 0:
            logger.info("fetched %d/%d %s", done, total, what)

    return report


def record_failure(flow, flow_run, state) -> None:
    """``on_failure`` hook: log a failure notice and record the run as failed with its error
    (a ``runs`` row; spooled if the database file is locked). Never raises."""
    try:
        message = str(getattr(state, "message", "") or "flow run failed")
        try:
            from extractors.urls import redact_text

            message = redact_text(message)
        except Exception:  # pragma: no cover - redaction is best effort here
            pass
        log.error("newsmon run %s failed: %s", flow_run.id, message)
        if RunLocked.__name__ in message:
            return  # another run owns the database; it records its own run
        params = dict(flow_run.parameters or {})
        settings = load_settings(params.get("config_path"), overrides=params.get("overrides"))
        start = getattr(flow_run, "start_time", None)  # a pendulum time: keep only the instant
        started_at = datetime.fromtimestamp(start.timestamp(), UTC) if start is not None else None
        where = Store(settings.database, lock_timeout=min(db_lock_timeout(settings), 5.0)).record_failure(
            str(flow_run.id), error=message[:2000], started_at=started_at)
        log.error("newsmon run %s recorded as failed (%s)", flow_run.id, where)
    except Exception:
        log.exception("newsmon: the failure hook could not record the failed run")


def _note_feed_failures(outcomes: list, summary: dict[str, Any]) -> None:
    """Put each feed's fetch or parse failure (not its parse warnings) in the run summary and the log."""
    logger = get_run_logger()
    for o in outcomes:
        for e in o.errors:
            if e["kind"] != "parse_warning":
                summary["failures"].append({"feed": o.feed.name, "kind": e["kind"], "message": e["message"]})
                logger.warning("feed %s failed: %s: %s", o.feed.name, e["kind"], e["message"])


async def _process_chunks(settings: Settings, store: Store, fetcher: Fetcher, chunks: list, run_id: str, *,
                          budget_end: float, counts: dict[str, int], summary: dict[str, Any]) -> None:
    """Fetch, extract and store the entries batch by batch: batch n+1's pages are fetched while batch
    n is extracted; each batch is committed (or spooled) before the next; the run budget is checked
    between batches, and what is left stays due for the next run."""
    logger = get_run_logger()
    total = sum(len(c[1]) for c in chunks)
    done_items = 0
    pool = pipeline.worker_pool(settings.run["workers"], total, settings.run.get("sentiment_reader", "rules"))

    def prefetch(n: int) -> asyncio.Future | None:
        """Start fetching batch n's pages (runs while the previous batch is extracted)."""
        if n < len(chunks) and any(it.needs_page for it in chunks[n][1]):
            return asyncio.ensure_future(fetch_articles(quote(fetcher), quote(chunks[n][1])))
        return None

    try:
        pages = prefetch(0)
        for i, (chunk_outcomes, chunk_items) in enumerate(chunks):
            if time.monotonic() > budget_end:
                if pages is not None:
                    pages.cancel()
                    await asyncio.gather(pages, return_exceptions=True)
                left = sum(len(c[1]) for c in chunks[i:])
                summary["failures"].append({"feed": "-", "kind": "budget", "message":
                                            f"run budget of {settings.run['budget_seconds']:.0f}s spent; "
                                            f"{left} entries left due"})
                logger.warning("run budget spent: %d entries of %d feeds stay due for the next run", left,
                               sum(len(c[0]) for c in chunks[i:]))
                break
            if pages is not None:
                counts["articles_fetched"] = counts.get("articles_fetched", 0) + await pages
            pages = prefetch(i + 1)
            batch, matches = await extract_batch(settings, quote(chunk_outcomes), quote(chunk_items), run_id, quote(pool))
            names = {o.feed.url: o.feed.name for o in chunk_outcomes}
            for e in batch.errors:  # a bug on one entry: isolated by the pipeline, reported here
                if e["kind"] == "internal_error" and e["stage"] != "parse_feed":
                    summary["failures"].append({"feed": names.get(e["feed_url"], e["feed_url"]),
                                                "kind": "internal_error", "message": e["message"]})
                    logger.warning("entry %s failed: %s", e["item_url"], e["message"])
            _db.pause_point("flow:before-store")
            written = await store_batch(store, quote(batch), run_id, i)
            summary["spooled_batches"] += written.get("spooled", 0)
            _db.pause_point("flow:after-store")
            for k_src, k_dst in (("topic_matches", "matches"), ("casualty_reports", "casualty_reports"),
                                 ("sentiment_reports", "sentiment_reports"), ("errors", "errors")):
                counts[k_dst] = counts.get(k_dst, 0) + written.get(k_src, 0)
            summary["matches"].extend(matches)
            for it in chunk_items:
                it.page = None  # the stored text is what counts now; free the page bytes
            done_items += len(chunk_items)
            logger.info("stored batch %d/%d: %d/%d entries, %d matches", i + 1, len(chunks), done_items, total,
                        len(matches))
    finally:
        if pool is not None:
            pool.shutdown()


@flow(name="monitor", log_prints=False, on_failure=[record_failure])
async def monitor(config_path: str | None = None, force: bool = False,
                  overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Run one monitoring cycle for every due feed of the configuration."""
    logger = get_run_logger()
    settings = load_settings(config_path, overrides=overrides)
    store = Store(settings.database, lock_timeout=db_lock_timeout(settings))
    try:
        run_id = str(get_run_context().flow_run.id)
    except Exception:  # pragma: no cover - outside a flow run context
        run_id = str(uuid.uuid4())
    started = time.monotonic()
    budget = settings.run["budget_seconds"]
    with run_lock(lock_path_for(settings.database, settings.run["lock_file"])):
        started_at = datetime.now(UTC)
        store.migrate()
        merged = store.merge_spools()  # batches earlier runs could not commit, before anything else
        interrupted = store.close_interrupted_runs()  # we hold the run lock: a 'running' row is a dead run
        if interrupted:
            logger.warning("%d earlier run(s) were interrupted (killed or crashed); this run redoes their work",
                           interrupted)
        if merged["files"] or merged["bad_files"]:
            logger.info("merged %d spooled batches (%d unreadable, kept as *.bad)", merged["files"],
                        merged["bad_files"])
        store.start_run(run_id, config=settings.source, started_at=started_at)
        counts: dict[str, int] = {}
        summary: dict[str, Any] = {"skipped_feeds": [], "failures": [], "matches": [],
                                   "merged_spools": merged["files"], "spooled_batches": 0}
        outcome = "failed"
        try:
            due, skipped, states = await plan_feeds(settings, store, force)
            summary["skipped_feeds"] = [{"feed": f.name, "reason": why} for f, why in skipped]
            counts["feeds_due"] = len(due)
            logger.info("%d feeds due, %d skipped (%s)", len(due), len(skipped), settings.source)
            async with Fetcher(pipeline.fetch_options(settings)) as fetcher:  # one HTTP client for the run
                results = await fetch_feeds(quote(fetcher), due, states)
                outcomes = await parse_feeds(settings, due, states, quote(results), run_id)
                counts["feeds_ok"] = sum(o.status == "ok" for o in outcomes)
                counts["feeds_not_modified"] = sum(o.status == "not_modified" for o in outcomes)
                counts["feeds_failed"] = sum(o.status == "failed" for o in outcomes)
                _note_feed_failures(outcomes, summary)
                items, blind = await select_new(store, quote(outcomes))
                if blind:
                    summary["failures"].append({"feed": "-", "kind": "database_locked", "message":
                                                "stored entries could not be read; every entry was treated as new"})
                counts["entries_new"] = len(items)
                logger.info("%d new entries", len(items))
                chunks = pipeline.plan_chunks(outcomes, items, settings.run["article_batch"])
                refetch = await select_refetch(store, settings)
                if refetch:  # pages that failed in earlier runs (403, 429, timeouts), tried again with backoff
                    logger.info("%d article pages to try again", len(refetch))
                    chunks.append(([], refetch))
                await _process_chunks(settings, store, fetcher, chunks, run_id, budget_end=started + budget,
                                      counts=counts, summary=summary)
            if summary["spooled_batches"]:
                summary["failures"].append({
                    "feed": "-", "kind": "database_locked",
                    "message": f"{summary['spooled_batches']} batches spooled to {store.spool_dir} (database locked);"
                               " the next run merges them"})
                logger.warning("%d batches spooled to %s; the next run merges them", summary["spooled_batches"],
                               store.spool_dir)
            delivery = await send_alerts(store, settings)
            counts["alerts_sent"] = delivery.messages
            summary["alerts"] = {"messages": delivery.messages, "written": delivery.written,
                                 "problems": delivery.problems, "pending_rows": delivery.pending_rows}
            for p in delivery.problems:
                logger.warning("alerts: %s", p)
            outcome = "partial" if summary["failures"] or delivery.problems else "ok"
        finally:
            counts["errors"] = counts.get("errors", 0)
            store.finish_run(run_id, outcome=outcome, counts=counts, summary=summary, spool=True,
                             started_at=started_at)
        await _artifact(run_id, counts, summary)
        logger.info("run %s: %s", outcome, ", ".join(f"{k}={v}" for k, v in counts.items()))
        return {"run_id": run_id, "outcome": outcome, "counts": counts, "summary": summary,
                "database": str(settings.database)}


async def _artifact(run_id: str, counts: dict, summary: dict) -> None:
    lines = ["# newsmon run", "", " | ".join(f"{k}: {v}" for k, v in counts.items()), ""]
    if summary["matches"]:
        lines += ["| topic | title | outlet | figures | sentiment |", "|---|---|---|---|---|"]
        for m in summary["matches"][:200]:
            title = str(m["title"]).replace("|", "\\|")[:120]
            link = f"[{title}]({m['url']})" if str(m["url"]).startswith(("http://", "https://")) else title
            lines.append(f"| {m['topic']} | {link} | {m['outlet']} | {m['figures'] or '-'} | {m['overall_sentiment']} |")
    else:
        lines.append("No new matches.")
    if summary["failures"]:
        lines += ["", "## Failures", ""] + [f"- {f['feed']}: {f['kind']}: {f['message']}" for f in summary["failures"]]
    try:
        await acreate_markdown_artifact("\n".join(lines), key="newsmon-run", description=f"newsmon run {run_id}")
    except Exception:  # the artifact is a convenience; never fail a run that stored its data over it
        get_run_logger().warning("could not create the run artifact", exc_info=True)


def run_once(config_path: str | None = None, *, force: bool = False, overrides: dict | None = None) -> dict:
    """Run the flow once in this process (Prefect's ephemeral mode when no API URL is set)."""
    return asyncio.run(monitor(config_path=config_path, force=force, overrides=overrides))
