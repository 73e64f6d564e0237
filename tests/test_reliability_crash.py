"""Crash safety (S2, L5) and overlapping runs (C1) with real processes.

Two real ``newsmon run`` processes (the CLI, the Prefect flow in Prefect's ephemeral mode, each
with its own Prefect home) are started together and killed with SIGKILL:

* mid feed fetch: one feed answers slowly (a corpus-server delay), killed while it is in flight;
* mid transaction: ``NEWSMON_TEST_PAUSE_AT=save_batch:in-transaction`` holds the first batch
  inside its open transaction (rows inserted, not committed); while it is held, a second
  ``newsmon run`` on the same database exits at once with code 75 (C1).

The third kill point, after the SMTP server accepted the digest and before the outbox rows are
marked sent (``NEWSMON_TEST_PAUSE_AT=mark_alerts:sent``), is hit in a child that runs only the
flow's alert step (``newsmon.pipeline.deliver_pending``, no Prefect server): the step is the same
code, and it saves a Prefect start-up (10-20 s each; the two flow children start together).

The next run (in this process, under the session's Prefect harness) ends with the same rows as
an undisturbed run, every alert delivered, at most one duplicate email with the same Message-ID.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from conftest import DEMO_FEEDS, ROOT, column, rows, table_counts, write_config
from smtpserver import SmtpServer

from newsmon.corpus_server import CorpusServer, serve_directory
from newsmon.demo import corpus_root

pytestmark = pytest.mark.prefect

FEEDS = DEMO_FEEDS
SLOW_FEED = "/feeds/front-line-wire.xml"


@dataclass
class Child:
    name: str
    db: Path
    cfg: Path
    server: CorpusServer
    pause_file: Path
    proc: subprocess.Popen
    smtp: SmtpServer | None = None

    def wait_for(self, condition, timeout: float = 150.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if self.proc.poll() is not None:
                out, err = self.proc.communicate()
                pytest.fail(f"{self.name}: the run ended (rc {self.proc.returncode}) before its kill point:\n{err[-3000:]}")
            if time.monotonic() > end:
                pytest.fail(f"{self.name}: kill point not reached in {timeout:.0f} s")
            time.sleep(0.02)

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        assert self.proc.returncode == -signal.SIGKILL
        kill_group(self.proc)


def kill_group(proc: subprocess.Popen) -> None:
    """Kill what is left of a child's process group (started with `start_new_session`): the
    Prefect server its run started would otherwise outlive the SIGKILLed run."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    if proc.poll() is None:
        proc.wait()


def child_env(home: Path, pause_at: str | None, pause_file: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "NEWSMON_"))}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", NEWSMON_TEST_PAUSE_FILE=str(pause_file),
               NEWSMON_TEST_PAUSE_SECONDS="120", PYTHONPATH=str(ROOT))
    if pause_at:
        env["NEWSMON_TEST_PAUSE_AT"] = pause_at
    return env


@pytest.fixture(scope="module")
def children(tmp_path_factory):
    """The three killable runs, started together; killed (if still alive) at the end."""
    base = tmp_path_factory.mktemp("crash")
    started: dict[str, Child] = {}
    with ExitStack() as stack:
        for name, pause_at in (("fetch", None), ("transaction", "save_batch:in-transaction")):
            d = base / name
            shutil.copytree(corpus_root(), d / "corpus", ignore=shutil.ignore_patterns("updates"))
            server = stack.enter_context(serve_directory(d / "corpus"))
            cfg = write_config(d / "c.toml", base_url=server.base_url, feeds=FEEDS, database=d / "n.duckdb",
                               outbox=d / "outbox")
            if name == "fetch":
                server.set_override(SLOW_FEED, delay=60.0)  # served normally, a minute late
            pause_file = d / "paused"
            proc = subprocess.Popen([sys.executable, "-m", "newsmon.cli", "-c", str(cfg), "run"], cwd=d,
                                    env=child_env(d / "prefect-home", pause_at, pause_file),
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                    start_new_session=True)
            started[name] = Child(name, d / "n.duckdb", cfg, server, pause_file, proc)
        try:
            yield started
        finally:
            for c in started.values():
                kill_group(c.proc)


@pytest.fixture(scope="module")
def undisturbed(prefect_harness, tmp_path_factory):
    """Row counts of an uninterrupted run over the same corpus."""
    from flows.monitor import run_once

    d = tmp_path_factory.mktemp("undisturbed")
    shutil.copytree(corpus_root(), d / "corpus", ignore=shutil.ignore_patterns("updates"))
    with serve_directory(d / "corpus") as server:
        cfg = write_config(d / "c.toml", base_url=server.base_url, feeds=FEEDS, database=d / "n.duckdb",
                           outbox=d / "outbox")
        assert run_once(str(cfg))["outcome"] == "ok"
    return table_counts(d / "n.duckdb")


def test_crash_sigkill_mid_feed_fetch_next_run_completes(children, undisturbed):
    """S2: killed while a feed is in flight: nothing of the run but its start record is stored; the
    next run fetches everything and ends with the rows of an undisturbed run."""
    from flows.monitor import run_once

    c = children["fetch"]
    c.wait_for(lambda: c.server.requests.get(SLOW_FEED, 0) >= 1)
    c.kill()
    after = table_counts(c.db)
    assert after["articles"] == 0 and after["feeds"] == 0  # no feed state without its entries
    assert column(c.db, "runs", "outcome") == ["running"]
    c.server.clear_overrides()
    r = run_once(str(c.cfg))
    assert r["outcome"] == "ok" and r["counts"]["entries_new"] == undisturbed["articles"]
    assert table_counts(c.db) == undisturbed
    assert sorted(column(c.db, "runs", "outcome")) == ["interrupted", "ok"]


def test_crash_sigkill_mid_transaction_leaves_nothing_half_written(children, undisturbed):
    """S2: killed inside the batch transaction (rows inserted, no COMMIT): the database opens, the
    batch is absent (not half there), and the next run stores it whole. C1: while that run holds
    the run lock, a second `newsmon run` on the same database exits at once with code 75."""
    from flows.monitor import run_once

    c = children["transaction"]
    c.wait_for(c.pause_file.exists)
    t = time.monotonic()
    second = subprocess.run([sys.executable, "-m", "newsmon.cli", "-c", str(c.cfg), "run"], cwd=c.db.parent,
                            env=child_env(c.db.parent / "prefect-home-2", None, c.pause_file),
                            capture_output=True, text=True, timeout=60)
    assert second.returncode == 75
    assert "another newsmon run holds" in second.stderr and f"PID {c.proc.pid}" in second.stderr
    assert time.monotonic() - t < 15  # no Prefect start-up, no waiting for the lock
    c.kill()
    after = table_counts(c.db)
    assert after["articles"] == 0 and after["alert_outbox"] == 0 and after["feeds"] == 0
    r = run_once(str(c.cfg))
    assert r["outcome"] == "ok"
    assert table_counts(c.db) == undisturbed


def test_crash_sigkill_after_smtp_accepted_resends_once_with_the_same_message_id(prefect_harness, undisturbed,
                                                                                tmp_path):
    """L5: killed after the SMTP server accepted the digest and before the rows were marked sent:
    the rows are still pending, the next run sends the digest again with the same Message-ID
    (one duplicate, recognisable), and nothing is lost."""
    from flows.monitor import run_once

    shutil.copytree(corpus_root(), tmp_path / "corpus", ignore=shutil.ignore_patterns("updates"))
    db = tmp_path / "n.duckdb"
    with serve_directory(tmp_path / "corpus") as server, SmtpServer() as smtp:
        cfg = write_config(tmp_path / "c.toml", base_url=server.base_url, feeds=FEEDS, database=db,
                           outbox=tmp_path / "outbox", smtp_port=smtp.port)
        smtp.stop()
        assert run_once(str(cfg))["summary"]["alerts"]["pending_rows"] > 0  # stored; the server was down
        con = duckdb.connect(str(db))
        con.execute("UPDATE alert_outbox SET next_attempt_at = NULL")  # due now
        con.close()
        smtp.start()
        pause_file = tmp_path / "paused"
        proc = subprocess.Popen([sys.executable, "-c", SEND_ALERTS, str(cfg)], cwd=tmp_path, text=True,
                                env=child_env(tmp_path / "prefect-home", "mark_alerts:sent", pause_file),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        c = Child("smtp", db, cfg, server, pause_file, proc)
        try:
            c.wait_for(pause_file.exists, timeout=60)
            assert len(smtp.messages) == 1  # the server has it
            c.kill()
        finally:
            kill_group(proc)
        assert table_counts(db) == undisturbed
        assert set(rows(db, "alert_outbox", "status", "attempts")) == {("pending", 1)}
        r = run_once(str(cfg))
        assert r["counts"]["entries_new"] == 0
        assert len(smtp.messages) == 2
        first, second = (m.message for m in smtp.messages)
        assert first["Message-ID"] == second["Message-ID"] and first["Subject"] == second["Subject"]
        assert set(column(db, "alert_outbox", "status")) == {"sent"}
        run_once(str(cfg))
        assert len(smtp.messages) == 2  # and no more


SEND_ALERTS = """
import sys
from newsmon.pipeline import deliver_pending
from newsmon.config import load_settings
from storage import Store

settings = load_settings(sys.argv[1])
deliver_pending(Store(settings.database), settings)
"""
