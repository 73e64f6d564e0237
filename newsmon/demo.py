"""``newsmon demo``: the whole pipeline offline, on the bundled corpus.

Serves ``newsmon/demo_corpus`` (real reports, origins in its SOURCES.md) from a
real HTTP server on 127.0.0.1, writes a configuration for it into the demo
folder (its own database and outbox, the destination guard opened for
127.0.0.1 only), runs the monitor flow once and prints what it found.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from importlib import resources
from pathlib import Path

DEMO_FEEDS = (
    ("Korea Desk (RSS, summaries)", "feeds/korea-desk.xml"),
    ("Front Line Wire (Atom, full text)", "feeds/front-line-wire.xml"),
    ("Asia Morning Digest (RSS, mixed topics)", "feeds/asia-digest.xml"),
    ("A feed that is gone (404)", "feeds/missing.xml"),
)


def corpus_root() -> Path:
    return Path(str(resources.files("newsmon").joinpath("demo_corpus")))


def demo_config(workdir: Path, base_url: str) -> str:
    """The TOML configuration of a demo run (topics and parties from the packaged defaults)."""
    from newsmon.config import default_topics_text

    topics = default_topics_text()
    feeds = "\n".join(f'[[feeds]]\nname = "{name}"\nurl = "{base_url}/{path}"\n' for name, path in DEMO_FEEDS)
    db = (workdir / "newsmon-demo.duckdb").as_posix()
    outbox = (workdir / "outbox").as_posix()
    return f"""# written by `newsmon demo`: the bundled corpus served on {base_url}
[database]
path = "{db}"

[fetch]
allowed_hosts = ["127.0.0.1"]   # the demo server; everything else stays closed
min_host_interval = 0.0          # one local host serves every page
deadline = 15.0

[alerts]
outbox = "{outbox}"

[[alerts.rules]]
name = "demo-digest"
topics = ["nk-troops-russia"]
recipients = ["analyst@example.org"]
require = "figures"

{topics}
{feeds}"""


def run_demo(workdir: Path, *, echo: Callable[[str], None] = print, as_json: bool = False) -> dict:
    from flows.monitor import run_once
    from newsmon.cli import render
    from newsmon.corpus_server import serve_directory
    from storage import Store

    if workdir.exists():
        marker = workdir / "newsmon-demo.toml"
        if any(workdir.iterdir()) and not marker.exists():
            from newsmon.errors import NewsmonError

            raise NewsmonError(f"{workdir} exists and is not a newsmon demo folder; choose another with --dir")
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    with serve_directory(corpus_root()) as server:
        config = workdir / "newsmon-demo.toml"
        config.write_text(demo_config(workdir.resolve(), server.base_url), encoding="utf-8")
        echo(f"Serving the demo corpus on {server.base_url}; configuration: {config}")
        echo("Running the monitor flow (Prefect's ephemeral server takes 10-20 s to start)...")
        result = run_once(str(config))
    store = Store(result["database"])
    casualties = store.casualty_trend()
    sentiment = store.sentiment_trend()
    claims = store.casualty_claims()
    if as_json:
        echo(json.dumps({"run": result, "casualty_trend": casualties, "sentiment_trend": sentiment,
                         "claims": claims}, default=str, indent=2))
        return result
    c = result["counts"]
    echo("")
    echo(f"Run {result['outcome']}: {c.get('feeds_due', 0)} feeds, {c.get('entries_new', 0)} new entries, "
         f"{c.get('matches', 0)} on topic, {c.get('casualty_reports', 0)} casualty figures, "
         f"{c.get('sentiment_reports', 0)} sentiment reports")
    for f in result["summary"]["failures"]:
        echo(f"  recorded failure: {f['feed']}: {f['kind']}: {f['message']}")
    echo("\nNew matches:")
    for m in result["summary"]["matches"]:
        echo(f"  - {m['title']} ({m['outlet']}) - sentiment: {m['overall_sentiment']}")
        if m["figures"]:
            echo(f"      figures: {m['figures']}")
    echo("\nCasualty figures per party and category (newsmon trends casualties):")
    echo(render(casualties, "table"))
    echo("\nReported sentiment per week and holder (newsmon trends sentiment):")
    echo(render(sentiment, "table"))
    written = result["summary"].get("alerts", {}).get("written", [])
    echo(f"\nAlert digest: {', '.join(written) if written else 'none'}")
    echo(f"Database: {result['database']}  (try: newsmon -c {config} trends claims)")
    return result
