"""Shared fixtures: one Prefect test harness per session (it costs 10-20 s to start),
the demo corpus served on 127.0.0.1, and configuration files written for a test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
sys.path.insert(0, str(Path(__file__).parent))  # tests/faultserver.py, tests/smtpserver.py

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed_article.txt"


@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect server and database for the whole session (flow tests only)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


DEMO_FEEDS = [("Korea Desk", "feeds/korea-desk.xml"), ("Front Line Wire", "feeds/front-line-wire.xml"),
              ("Asia Digest", "feeds/asia-digest.xml")]
TABLES = ("feeds", "articles", "topic_matches", "casualty_reports", "sentiment_reports", "alert_outbox")


def rows(db, table: str, /, *columns: str, **equals) -> list[tuple]:
    """`columns` of the rows of `table` in a database file, as tuples, where each keyword
    equals its value: the store's read API (`Store.rows`), so that no test writes SQL."""
    from storage.db import Store

    return [tuple(r.values()) for r in Store(db).rows(table, *columns, **equals)]


def column(db, table: str, name: str, /, **equals) -> list:
    """One column of the rows of `table` where each keyword equals its value."""
    return [v for (v,) in rows(db, table, name, **equals)]



def repeated_texts(cases: list[dict]) -> list[tuple[str, str]]:
    """(id, id of the earlier passage) for each dev-set passage whose text repeats another one's:
    the same wire copy is reprinted on many sites, and a repeat would be counted twice (a repeat
    of a tuned passage would also flatter a blind round)."""
    seen: dict[str, str] = {}
    repeats = []
    for c in cases:
        key = " ".join(c["text"].lower().split())
        if key in seen:
            repeats.append((c["id"], seen[key]))
        else:
            seen[key] = c["id"]
    return repeats

def table_counts(db, tables=TABLES) -> dict[str, int]:
    from storage.db import Store

    counts = Store(db).counts()
    return {t: counts[t] for t in tables}


@pytest.fixture
def corpus(tmp_path):
    """A copy of the demo corpus (without its updates/) served on 127.0.0.1: (root, server)."""
    import shutil

    from newsmon.corpus_server import serve_directory
    from newsmon.demo import corpus_root

    root = tmp_path / "corpus"
    shutil.copytree(corpus_root(), root, ignore=shutil.ignore_patterns("updates"))
    with serve_directory(root) as server:
        yield root, server


@pytest.fixture
def demo_server():
    from newsmon.corpus_server import serve_directory
    from newsmon.demo import corpus_root

    with serve_directory(corpus_root()) as server:
        yield server


def write_config(path: Path, *, base_url: str, feeds: list[tuple[str, str]], database: Path,
                 outbox: Path, smtp_port: int | None = None, extra: str = "") -> Path:
    """A configuration for a test: the default topic, the given feeds on the test server."""
    from newsmon.config import default_topics_text

    topics = default_topics_text()
    smtp = f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "plain"\ntimeout = 5.0\n' if smtp_port else ""
    feed_text = "\n".join(f'[[feeds]]\nname = "{n}"\nurl = "{base_url}/{p}"\n' for n, p in feeds)
    path.write_text(f"""
[database]
path = "{database.as_posix()}"

[fetch]
allowed_hosts = ["127.0.0.1"]
min_host_interval = 0.0
timeout = 2.0
deadline = 3.0

[run]
budget_seconds = 120.0

[alerts]
outbox = "{outbox.as_posix()}"

[[alerts.rules]]
name = "test-digest"
topics = ["nk-troops-russia"]
recipients = ["analyst@example.org", "desk@example.org"]
require = "figures"

{smtp}
{extra}
{topics}
{feed_text}
""", encoding="utf-8")
    return path
