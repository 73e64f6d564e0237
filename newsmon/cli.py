"""The ``newsmon`` command line: a thin click group over the library.

Domain errors become a one-line message and a non-zero exit code, never a
traceback: 1 failure, 2 bad configuration or usage, 3 a run that finished with
some feeds or alerts failing (partial), 75 another run holds the lock.
Prefect is imported only by the commands that run flows, so ``newsmon extract``
starts fast.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from newsmon import __version__
from newsmon.errors import NewsmonError

EXIT_PARTIAL = 3

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _prefect_env() -> None:
    """Sensible Prefect defaults for a local, offline, one-shot run (the user's settings win)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")


class Ctx:
    def __init__(self, config: str | None) -> None:
        self.config = config

    def settings(self):
        from newsmon.config import load_settings

        return load_settings(self.config)

    def store(self):
        from storage import Store

        return Store(self.settings().database, lock_timeout=10.0)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="newsmon")
@click.option("-c", "--config", "config", type=click.Path(dir_okay=False), envvar="NEWSMON_CONFIG",
              help="TOML configuration file (default: the packaged defaults; env NEWSMON_CONFIG).")
@click.pass_context
def cli(ctx: click.Context, config: str | None) -> None:
    """newsmon: monitor news feeds for a topic, extract casualty figures and reported
    public sentiment, keep them in DuckDB for trends, and email new matches.

    \b
    First steps:
      newsmon demo                 the whole pipeline offline, on a bundled corpus
      newsmon config > my.toml     start a configuration of your own
      newsmon -c my.toml run       one monitoring run (feeds need internet)
      newsmon -c my.toml trends    casualty figures per party and category
    """
    ctx.obj = Ctx(config)


# -- running ---------------------------------------------------------------------------------------------------
@cli.command()
@click.option("--force", is_flag=True, help="Fetch every feed now, even those backing off or not due.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
@click.pass_obj
def run(obj: Ctx, force: bool, as_json: bool) -> None:
    """Run the monitor flow once (Prefect's ephemeral mode when no PREFECT_API_URL is set).

    Exit codes: 0 all well, 3 finished but some feeds or alerts failed (see the summary),
    2 bad configuration, 75 another run holds the lock."""
    settings = obj.settings()  # validate before starting Prefect
    from storage.lock import lock_path_for, run_lock

    # taken before Prefect's start-up, so an overlapping run exits at once; the flow re-enters it
    with run_lock(lock_path_for(settings.database, settings.run["lock_file"])):
        _prefect_env()
        from flows.monitor import run_once

        result = run_once(obj.config, force=force)
    _print_run(result, as_json)
    if result["outcome"] != "ok":
        sys.exit(EXIT_PARTIAL)


def _print_run(result: dict, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(result, default=str, indent=2))
        return
    c = result["counts"]
    click.echo(f"run {result['run_id']}: {result['outcome']}")
    click.echo(f"  feeds: {c.get('feeds_due', 0)} due, {c.get('feeds_ok', 0)} fetched, "
               f"{c.get('feeds_not_modified', 0)} not modified, {c.get('feeds_failed', 0)} failed")
    click.echo(f"  entries: {c.get('entries_new', 0)} new, {c.get('articles_fetched', 0)} pages fetched, "
               f"{c.get('matches', 0)} topic matches")
    click.echo(f"  found: {c.get('casualty_reports', 0)} casualty figures, {c.get('sentiment_reports', 0)} sentiment reports")
    alerts = result["summary"].get("alerts", {})
    click.echo(f"  alerts: {alerts.get('messages', 0)} digests" +
               (f" written to {', '.join(alerts['written'])}" if alerts.get("written") else ""))
    for f in result["summary"].get("failures", []):
        click.echo(f"  FAILED {f['feed']}: {f['kind']}: {f['message']}")
    for p in alerts.get("problems", []):
        click.echo(f"  ALERT PROBLEM: {p}")
    click.echo(f"  database: {result['database']}")


def _check_schedule(cron: str, timezone: str) -> None:
    """A usage error (exit 2) for a cron expression or time zone Prefect would reject later."""
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError

    try:
        CronSchedule(cron=cron, timezone=timezone)
    except ValidationError as exc:
        if "timezone" in {e["loc"][0] for e in exc.errors() if e.get("loc")}:
            raise click.BadParameter(f"{timezone!r} is not an IANA time zone (e.g. UTC, Europe/Paris, "
                                     "America/New_York)", param_hint="--timezone") from None
        raise click.BadParameter(f"{cron!r} is not a cron expression (five fields: minute hour day month "
                                 "weekday, e.g. \"0 * * * *\" for hourly)", param_hint="--cron") from None


@cli.command()
@click.option("--cron", default="0 * * * *", show_default=True, help="Cron schedule.")
@click.option("--timezone", default="UTC", show_default=True, help="Time zone of the cron schedule.")
@click.option("--name", default="newsmon-hourly", show_default=True, help="Deployment name.")
@click.pass_obj
def serve(obj: Ctx, cron: str, timezone: str, name: str) -> None:
    """Serve the monitor flow on a cron schedule (needs a Prefect server: PREFECT_API_URL).

    \b
    Start one with:  prefect server start   (then, in another shell)
                     export PREFECT_API_URL=http://127.0.0.1:4200/api
                     newsmon -c my.toml serve --cron "0 * * * *"
    One run at a time: the deployment's concurrency limit is 1 (later runs are cancelled,
    not queued), and the run lock guards against any other writer."""
    _check_schedule(cron, timezone)
    obj.settings()
    _prefect_env()
    if not os.environ.get("PREFECT_API_URL"):
        from prefect.settings import PREFECT_API_URL

        if not PREFECT_API_URL.value():
            raise NewsmonError("serve needs a Prefect server: run `prefect server start`, then set "
                               "PREFECT_API_URL=http://127.0.0.1:4200/api (or use plain cron: see deploy/crontab)")
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.schedules import Cron

    from flows.monitor import monitor

    monitor.serve(
        name=name,
        schedules=[Cron(cron, timezone=timezone)],
        parameters={"config_path": str(Path(obj.config).resolve()) if obj.config else None},
        global_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW),
        pause_on_shutdown=False,
    )


@cli.command()
@click.option("--dir", "workdir", type=click.Path(file_okay=False), default="demo-output", show_default=True,
              help="Folder for the demo database, configuration and outbox (made fresh each time).")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
def demo(workdir: str, as_json: bool) -> None:
    """Run the whole pipeline offline: serve the bundled corpus on 127.0.0.1, run the flow into
    a fresh demo database, write the alert digest to the outbox, print the findings."""
    _prefect_env()
    from newsmon.demo import run_demo

    run_demo(Path(workdir), echo=click.echo, as_json=as_json)


# -- extraction ------------------------------------------------------------------------------------------------
@cli.command()
@click.argument("file", type=click.File("rb"), default="-")
@click.option("--html", "is_html", is_flag=True, help="The input is an HTML page: extract its main text first.")
@click.option("--jsonl", is_flag=True, help='Read JSON Lines {"id": ..., "text": ...} and write one JSON line per input.')
@click.option("--topic", default=None, help="Topic whose parties label the figures (default: the first).")
@click.option("--reader", type=click.Choice(["rules", "model"]), default=None,
              help="Sentiment reader (default: run.sentiment_reader of the configuration, 'rules').")
@click.pass_obj
def extract(obj: Ctx, file, is_html: bool, jsonl: bool, topic: str | None, reader: str | None) -> None:
    """Run the extractors on text (FILE or - for stdin); no database, no Prefect.

    Prints {"casualties": [...], "sentiment": [...], "overall_sentiment": ..., "tone": ...}."""
    from functools import partial

    from extractors.analyze import analyze

    settings = obj.settings()
    parties = settings.topic(topic).parties
    if (reader or settings.run.get("sentiment_reader", "rules")) == "model":
        analyze = partial(analyze, reader=_model_reader())
    if jsonl:
        for n, line in enumerate(io.TextIOWrapper(file, encoding="utf-8", errors="replace"), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec["text"]
                if not isinstance(text, str):
                    raise TypeError("text must be a string")
            except (ValueError, KeyError, TypeError) as exc:
                raise click.UsageError(f"line {n}: expected a JSON object with a string 'text' ({exc})") from None
            out = analyze(_html_text(text.encode()) if is_html else text, parties).to_dict()
            click.echo(json.dumps({"id": rec.get("id"), **out}, ensure_ascii=False))
        return
    data = file.read()
    text = _html_text(data) if is_html else data.decode("utf-8", errors="replace")
    click.echo(json.dumps(analyze(text, parties).to_dict(), ensure_ascii=False, indent=2))


def _html_text(data: bytes) -> str:
    from extractors.text import extract_article

    return extract_article(data).text


@cli.group(name="eval")
def eval_group() -> None:
    """Score the extractors against a labelled JSON Lines set (see data/devsets/README.md)."""


@eval_group.command(name="casualties")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_casualties(file: str, as_json: bool) -> None:
    """Precision, recall and F1 (strict: category, min and max) and party accuracy."""
    from newsmon.evaluation import casualties

    _run_eval(casualties, file, as_json)


@eval_group.command(name="sentiment")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--reader", type=click.Choice(["rules", "model"]), default="rules", show_default=True,
              help="'model' adds the sentence-model second reading (needs the 'model' extra; README, 'The model reader').")
def eval_sentiment(file: str, as_json: bool, reader: str) -> None:
    """Overall accuracy, detection P/R/F1 and holder+stance F1."""
    from newsmon.evaluation import sentiment

    extract = None
    if reader == "model":
        from functools import partial

        from extractors.sentiment import extract_sentiment

        extract = partial(extract_sentiment, reader=_model_reader())
    _run_eval(sentiment, file, as_json, extract)


def _model_reader():  # type: ignore[no-untyped-def]
    """The model reader, or a usage error that says how to install it."""
    from extractors.sentiment_reader import ModelUnavailable, default_reader

    try:
        return default_reader()
    except ModelUnavailable as exc:
        raise click.UsageError(str(exc)) from None


def _run_eval(ev, file: str, as_json: bool, extract=None) -> None:  # type: ignore[no-untyped-def]
    try:
        cases = ev.load_cases(file)
    except (ValueError, KeyError, TypeError) as exc:
        raise click.UsageError(f"{file}: not a labelled set: {exc}") from None
    result = ev.evaluate(cases) if extract is None else ev.evaluate(cases, extract)
    click.echo(json.dumps(result, default=str, indent=2) if as_json else ev.format_report(result))


# -- reading the database --------------------------------------------------------------------------------------
FORMATS = click.Choice(["table", "csv", "json"])


@cli.command()
@click.argument("what", type=click.Choice(["casualties", "sentiment", "claims", "weekly", "quotes"]),
                default="casualties")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Only reports from this date (YYYY-MM-DD).")
@click.option("--topic", default=None, help="Only this topic (casualties).")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def trends(obj: Ctx, what: str, since: datetime | None, topic: str | None, fmt: str) -> None:
    """Trends from the database.

    \b
    casualties  per party and category: latest and highest figure, who gave them, and the
                conservative figure (the lowest of each source's latest claim)
    claims      each distinct claim (source, party, category, figure): first seen, mentions
    weekly      casualty figures per week, party and category (highest and by whom)
    sentiment   reports per week and holder: negative / positive / mixed, share negative
    quotes      the latest quoted sentiment reports with their place and article"""
    store = obj.store()
    rows = {
        "casualties": lambda: store.casualty_trend(since=since, topic=topic),
        "claims": lambda: store.casualty_claims(since=since),
        "weekly": lambda: store.casualty_weekly(since=since),
        "sentiment": lambda: store.sentiment_trend(since=since),
        "quotes": lambda: store.sentiment_quotes(since=since),
    }[what]()
    click.echo(render(rows, fmt))


@cli.group(invoke_without_command=True)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_context
def feeds(ctx: click.Context, fmt: str) -> None:
    """Every feed with its status, last success, last error, failures and next check."""
    if ctx.invoked_subcommand is None:
        store = ctx.obj.store()
        settings = ctx.obj.settings()
        known = {r["url"]: r for r in (store.feed_health() if Path(store.path).exists() else [])}
        rows = []
        for f in settings.feeds:
            r = known.pop(f.url, None) or {"url": f.url, "name": f.name, "status": "never fetched"}
            rows.append(r)
        rows.extend({**r, "status": f"{r['status']} (not in config)"} for r in known.values())
        click.echo(render(rows, fmt))


@feeds.command(name="reset")
@click.argument("url")
@click.pass_obj
def feeds_reset(obj: Ctx, url: str) -> None:
    """Re-enable a feed (disabled by 410 Gone or backing off) and make it due now."""
    if not obj.store().reset_feed(url):
        raise NewsmonError(f"no feed with URL {url!r} in the database (see `newsmon feeds`)")
    click.echo(f"reset {url}: due at the next run")


@cli.command()
@click.option("--runs", default=5, show_default=True, help="How many recent runs to show.")
@click.pass_obj
def status(obj: Ctx, runs: int) -> None:
    """The last runs, feed health, the alert outbox, and batches spooled while the database was locked."""
    from newsmon.errors import DatabaseLocked

    store = obj.store()
    spools = store.pending_spools()  # read without opening the database
    try:
        click.echo("Recent runs:")
        click.echo(render(store.recent_runs(runs), "table"))
        click.echo("\nFeeds:")
        click.echo(render([{k: r[k] for k in ("name", "status", "last_success_at", "consecutive_failures",
                                               "next_check_at", "last_error_kind")} for r in store.feed_health()],
                          "table"))
        pending = store.outbox(status="pending")
        failed = store.outbox(status="failed")
        click.echo(f"\nAlert outbox: {len(pending)} pending, {len(failed)} failed")
    except DatabaseLocked as exc:
        click.echo(f"(database locked: {exc})")
    click.echo(f"\nSpooled batches: {len(spools)} pending" + (
        f" in {store.spool_dir} (merged by the next run that gets the database)" if spools else ""))
    if spools:
        click.echo(render([{"file": sp.path.name, "run": sp.run_id, "created_at": sp.created_at, "rows": sp.rows,
                            "bytes": sp.size} for sp in spools], "table"))
    bad = sorted(store.spool_dir.glob("*.bad")) if store.spool_dir.is_dir() else []
    if bad:
        click.echo(f"UNREADABLE spool files (not merged, kept for inspection): {', '.join(p.name for p in bad)}")


@cli.group()
def alerts() -> None:
    """The alert outbox: what is waiting, and a test of the SMTP settings."""


@alerts.command(name="pending")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def alerts_pending(obj: Ctx, fmt: str) -> None:
    """Alerts waiting to be sent (with attempts and the last error)."""
    rows = obj.store().outbox(status="pending")
    click.echo(render([{k: r[k] for k in ("rule", "recipient", "attempts", "next_attempt_at", "last_error", "title")}
                       for r in rows], fmt))


@alerts.command(name="send-test")
@click.option("--to", "to", required=True, help="Recipient of the test message.")
@click.pass_obj
def alerts_send_test(obj: Ctx, to: str) -> None:
    """Send a test message with the configured SMTP settings."""
    from email.message import EmailMessage

    from newsmon.mailer import send_message, write_eml
    from newsmon.pipeline import smtp_settings

    settings = obj.settings()
    msg = EmailMessage()
    msg["Subject"] = f"{settings.alerts.subject_prefix} test message"
    msg["From"] = settings.smtp.sender
    msg["To"] = to
    msg.set_content("This is a test message from newsmon. If you can read it, alerts will reach you.\n")
    smtp = smtp_settings(settings)
    if smtp is None:
        path = write_eml(msg, settings.alerts.outbox)
        click.echo(f"no [smtp] host configured: wrote {path}")
        return
    outcome = send_message(msg, smtp)
    if outcome.status != "sent":
        raise NewsmonError(f"test message not sent ({outcome.status}): {outcome.message}")
    click.echo(f"sent to {to} via {smtp.host}:{smtp.port}")


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.pass_obj
def export(obj: Ctx, directory: str) -> None:
    """Write a Parquet snapshot of the tables and trend views, for readers that must not block runs."""
    for p in obj.store().export_parquet(directory):
        click.echo(str(p))


@cli.command(name="config")
@click.option("--check", is_flag=True, help="Validate the configuration given with --config and say so.")
@click.pass_obj
def config_cmd(obj: Ctx, check: bool) -> None:
    """Print the packaged default configuration (a starting point), or check yours."""
    from newsmon.config import default_config_text

    if check:
        s = obj.settings()
        click.echo(f"{s.source}: ok ({len(s.topics)} topics, {len(s.feeds)} feeds, {len(s.alerts.rules)} alert rules; "
                   f"database {s.database})")
        return
    click.echo(default_config_text(), nl=False)


# -- output ----------------------------------------------------------------------------------------------------
def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d %H:%M") if (v.hour or v.minute) else v.strftime("%Y-%m-%d")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float):
        return f"{v:.3f}".rstrip("0").rstrip(".")
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 10000:
        return f"{v:,}"
    return " ".join(str(v).split())


def render(rows: list[dict], fmt: str) -> str:
    """Rows as an aligned text table, CSV or JSON."""
    if fmt == "json":
        return json.dumps(rows, default=str, indent=2, ensure_ascii=False)
    if fmt == "csv":
        buf = io.StringIO()
        if rows:
            w = csv.DictWriter(buf, fieldnames=list(rows[0]))
            w.writeheader()
            for r in rows:
                w.writerow({k: ("" if v is None else v) for k, v in r.items()})
        return buf.getvalue().rstrip("\n")
    if not rows:
        return "(no rows)"
    cols = list(rows[0])
    cells = [[_cell(r.get(c))[:60] for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)


def main() -> None:
    try:
        rv = cli.main(standalone_mode=False)
        if isinstance(rv, int):
            sys.exit(rv)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except NewsmonError as exc:
        click.echo(f"newsmon: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except SystemExit:
        raise
    except BaseException as exc:  # a bug: one line, and where to look
        if os.environ.get("NEWSMON_DEBUG"):
            raise
        click.echo(f"newsmon: unexpected error: {type(exc).__name__}: {exc} (set NEWSMON_DEBUG=1 for the traceback)",
                   err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
