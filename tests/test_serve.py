"""``newsmon serve`` end to end: the real command in a child process, served against the session's
Prefect harness (its API URL passed in the environment), a run of the deployment triggered from the
test and executed by the child over the demo corpus on 127.0.0.1 into a real DuckDB file; and the
clear error when no Prefect server is configured."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import DEMO_FEEDS, ROOT, rows, table_counts, write_config

pytestmark = pytest.mark.prefect

CRON = "0 0 1 1 *"  # once a year: the scheduler never starts a run while the test is running
TIMEZONE = "Europe/Berlin"


def child_env(home: Path, **extra: str) -> dict[str, str]:
    """The test's environment without Prefect or newsmon settings, a fresh Prefect home, and `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "NEWSMON_"))}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", PYTHONPATH=str(ROOT), **extra)
    return env


def stop(proc: subprocess.Popen, timeout: float = 15.0) -> int | None:
    """Ctrl-C the child (started with `start_new_session`), then kill whatever is left of its
    process group; the child's return code after the SIGINT, or None if it had to be killed."""
    code = proc.poll()
    if code is None:
        proc.send_signal(signal.SIGINT)
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            code = None
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()
    return code


def child_output(proc: subprocess.Popen, log: Path) -> str:
    return f"serve (rc {proc.poll()}):\n{log.read_text(errors='replace')[-4000:]}"


def test_serve_runs_a_triggered_deployment_run_into_the_database(prefect_harness, corpus, tmp_path):
    from prefect import get_client
    from prefect.client.schemas.objects import ConcurrencyLimitStrategy
    from prefect.deployments import run_deployment
    from prefect.exceptions import ObjectNotFound
    from prefect.settings import PREFECT_API_URL

    from flows.monitor import run_once

    api_url = PREFECT_API_URL.value()
    assert api_url and api_url.startswith("http://127.0.0.1:")
    root, server = corpus
    db = tmp_path / "n.duckdb"
    cfg = write_config(tmp_path / "c.toml", base_url=server.base_url, feeds=DEMO_FEEDS, database=db,
                       outbox=tmp_path / "outbox")
    name = f"serve-test-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsmon.cli", "-c", str(cfg), "serve", "--cron", CRON, "--timezone", TIMEZONE,
             "--name", name],
            cwd=tmp_path, env=child_env(tmp_path / "prefect-home", PREFECT_API_URL=api_url,
                                        PREFECT_RUNNER_POLL_FREQUENCY="1"),
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        # while the child starts: what an in-process run of the same corpus stores
        control = tmp_path / "control.duckdb"
        ccfg = write_config(tmp_path / "control.toml", base_url=server.base_url, feeds=DEMO_FEEDS,
                            database=control, outbox=tmp_path / "control-outbox")
        assert run_once(str(ccfg))["outcome"] == "ok"

        with get_client(sync_client=True) as client:
            end = time.monotonic() + 60
            while True:
                assert proc.poll() is None, child_output(proc, log)
                try:
                    deployment = client.read_deployment_by_name(f"monitor/{name}")
                    break
                except ObjectNotFound:
                    assert time.monotonic() < end, "deployment not registered in 60 s\n" + child_output(proc, log)
                    time.sleep(0.25)
        (schedule,) = deployment.schedules
        assert (schedule.schedule.cron, schedule.schedule.timezone, schedule.active) == (CRON, TIMEZONE, True)
        assert deployment.parameters == {"config_path": str(cfg.resolve())}
        assert deployment.global_concurrency_limit is not None and deployment.global_concurrency_limit.limit == 1
        assert deployment.concurrency_options.collision_strategy == ConcurrencyLimitStrategy.CANCEL_NEW

        flow_run = run_deployment(f"monitor/{name}", timeout=90, poll_interval=1)
        assert flow_run.state is not None and flow_run.state.is_completed(), (
            f"flow run {flow_run.state}\n" + child_output(proc, log))
        assert proc.poll() is None, child_output(proc, log)  # serving goes on after the run
    finally:
        code = stop(proc)
    assert code in (0, 130), child_output(proc, log)  # Ctrl-C stops it, without a traceback
    assert "Traceback" not in log.read_text(errors="replace")

    counts = table_counts(db)
    assert counts == table_counts(control)
    assert counts["articles"] == 14 and counts["topic_matches"] >= 8 and counts["casualty_reports"] >= 5
    assert rows(db, "runs", "run_id", "outcome") == [(str(flow_run.id), "ok")]
    assert len(rows(db, "casualty_reports", min=3000, party="north_korean")) >= 1


def test_serve_without_prefect_server_says_to_start_one(tmp_path):
    """No PREFECT_API_URL in the environment or the (fresh) profile: a one-line message naming
    `prefect server start`, exit code 1, no traceback, and no server started in its place."""
    cfg = write_config(tmp_path / "c.toml", base_url="http://127.0.0.1:9", feeds=DEMO_FEEDS,
                       database=tmp_path / "n.duckdb", outbox=tmp_path / "outbox")
    p = subprocess.run([sys.executable, "-m", "newsmon.cli", "-c", str(cfg), "serve", "--name", "never"],
                       cwd=tmp_path, env=child_env(tmp_path / "prefect-home"), capture_output=True, text=True,
                       timeout=60, start_new_session=True)
    assert p.returncode == 1, p.stderr
    assert "prefect server start" in p.stderr and "PREFECT_API_URL" in p.stderr
    assert "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "n.duckdb").exists()
