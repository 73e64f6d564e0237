"""The command line on real files: extract, trends, feeds, config errors, help kept in step with the README."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsmon.cli import cli
from storage import Store, WriteBatch

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed_article.txt"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_cli_extract_seed_article_gives_the_founding_figure_and_sentiment():
    r = run("extract", str(SEED))
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert set(out) == {"casualties", "sentiment", "overall_sentiment", "tone"}
    figs = [c for c in out["casualties"] if c["min"] == 3000 and c["max"] == 3000]
    assert figs and figs[0]["party"] == "north_korean" and figs[0]["category"] == "casualties"
    assert "National Intelligence Service" in figs[0]["attributed_to"]
    assert any(s["holder"] == "residents" and s["stance"] == "negative" for s in out["sentiment"])
    assert out["overall_sentiment"] == "negative"
    assert -1.0 <= out["tone"] <= 1.0


def test_cli_extract_jsonl_keeps_ids_and_rejects_bad_lines():
    lines = "\n".join(json.dumps({"id": i, "text": t}) for i, t in [
        ("a", "At least 200 North Korean soldiers were killed, Ukraine said."),
        (7, "The bank held its rate at 3 percent."),
    ])
    r = run("extract", "--jsonl", "-", input=lines)
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in r.output.splitlines()]
    assert [row["id"] for row in rows] == ["a", 7]
    assert rows[0]["casualties"][0]["min"] == 200 and rows[0]["casualties"][0]["qualifier"] == "at_least"
    assert rows[1]["casualties"] == [] and rows[1]["overall_sentiment"] == "none"
    bad = run("extract", "--jsonl", "-", input='{"id": 1}\n')
    assert bad.exit_code == 2 and "line 1" in bad.output


def test_cli_extract_html_takes_the_main_text():
    page = ("<html><body><nav>Home News</nav><article>" + "<p>Around 3,000 North Korean soldiers have been "
            "killed or wounded, South Korea's spy agency said.</p>" * 3 + "</article></body></html>")
    r = run("extract", "--html", "-", input=page)
    assert r.exit_code == 0 and json.loads(r.output)["casualties"][0]["min"] == 3000


def test_cli_extract_starts_without_importing_prefect():
    code = ("import sys; from newsmon.cli import main; sys.argv = ['newsmon', 'extract', sys.argv[1]];\n"
            "import atexit; atexit.register(lambda: print('PREFECT' if 'prefect' in sys.modules else 'CLEAN', "
            "file=sys.stderr))\nmain()")
    p = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stderr.strip().endswith("CLEAN")


def test_cli_bad_config_exits_2_naming_the_key(tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[fetch]\nconcurrency = 'many'\n")
    p = subprocess.run([sys.executable, "-m", "newsmon.cli", "--config", str(cfg), "config", "--check"],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 2
    assert "fetch.concurrency" in p.stderr and str(cfg) in p.stderr and "Traceback" not in p.stderr


def test_cli_trends_and_feeds_on_a_real_database(tmp_path):
    db = tmp_path / "n.duckdb"
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[database]\npath = "{db.as_posix()}"\n')
    t = datetime(2025, 1, 13)
    Store(db).save_batch(WriteBatch(
        articles=[{"id": "a1", "entry_key": "k", "feed_url": "https://www.dailynk.com/english/feed/", "url": "u",
                   "title": "t", "published": t, "fetched_at": t, "text": "x"}],
        casualties=[{"id": "c1", "article_id": "a1", "topic": "nk-troops-russia", "category": "casualties",
                     "min": 3000, "max": 3000, "qualifier": "approximately", "party": "north_korean",
                     "attributed_to": "South Korea's National Intelligence Service", "sentence": "s",
                     "start_offset": 0, "end_offset": 5, "reported_at": t}],
        feeds=[{"url": "https://www.dailynk.com/english/feed/", "name": "Daily NK", "status": "failing",
                "consecutive_failures": 2, "last_error_kind": "timeout", "entries_seen": 0}]))
    r = run("--config", str(cfg), "trends", "casualties", "--format", "json")
    (row,) = json.loads(r.output)
    assert (row["party"], row["latest"], row["highest_source"]) == (
        "north_korean", 3000, "South Korea's National Intelligence Service")
    csv_out = run("--config", str(cfg), "trends", "claims", "--format", "csv").output.splitlines()
    assert csv_out[0].startswith("source,party,category") and "3000" in csv_out[1]
    table = run("--config", str(cfg), "trends", "casualties").output
    assert "north_korean" in table and "3000" in table
    assert run("--config", str(cfg), "trends", "--since", "2025-02-01", "--format", "json").output.strip() == "[]"
    feeds = run("--config", str(cfg), "feeds", "--format", "json")
    by_name = {f["name"]: f for f in json.loads(feeds.output)}
    assert by_name["Daily NK"]["status"] == "failing" and by_name["NK News"]["status"] == "never fetched"
    assert run("--config", str(cfg), "feeds", "reset", "https://www.dailynk.com/english/feed/").exit_code == 0


def test_cli_trends_without_database_says_what_to_do(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[database]\npath = "{(tmp_path / "none.duckdb").as_posix()}"\n')
    p = subprocess.run([sys.executable, "-m", "newsmon.cli", "--config", str(cfg), "trends"],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 1 and "newsmon run" in p.stderr and "Traceback" not in p.stderr


def test_cli_serve_without_prefect_server_explains(tmp_path, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    p = subprocess.run([sys.executable, "-m", "newsmon.cli", "serve"], capture_output=True, text=True, timeout=120,
                       env={k: v for k, v in __import__("os").environ.items() if k != "PREFECT_API_URL"})
    assert p.returncode == 1 and "prefect server start" in p.stderr


@pytest.mark.parametrize(("args", "hint", "words"), [
    (["--cron", "61 * * * *"], "--cron", "not a cron expression"),
    (["--cron", "hourly"], "--cron", "five fields"),
    (["--timezone", "Mars/Base"], "--timezone", "not an IANA time zone"),
], ids=["cron-range", "cron-word", "timezone"])
def test_cli_serve_bad_schedule_is_a_usage_error(args, hint, words):
    # checked before any Prefect server is needed or contacted: exit 2 and the option named
    result = CliRunner().invoke(cli, ["serve", *args])
    assert result.exit_code == 2 and hint in result.output and words in result.output
    assert "unexpected error" not in result.output


@pytest.mark.parametrize("args", [[], ["run"], ["extract"], ["trends"], ["eval", "casualties"], ["alerts"]],
                         ids=lambda a: "-".join(a) or "top")
def test_cli_help_works(args):
    r = run(*args, "--help")
    assert r.exit_code == 0 and "Usage:" in r.output


def test_cli_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    top = run("--help").output
    commands = re.findall(r"^  ([a-z-]+)\s", top.split("Commands:")[1], re.M)
    assert len(commands) >= 10
    for c in commands:
        assert f"newsmon {c}" in readme, f"`newsmon {c}` is not documented in README.md"


def test_cli_alerts_send_test_reaches_the_smtp_server(tmp_path):
    from smtpserver import SmtpServer

    with SmtpServer() as smtp:
        cfg = tmp_path / "c.toml"
        cfg.write_text(f'[smtp]\nhost = "127.0.0.1"\nport = {smtp.port}\nsecurity = "plain"\n')
        r = run("--config", str(cfg), "alerts", "send-test", "--to", "me@example.org")
        assert r.exit_code == 0, r.output
        assert len(smtp.messages) == 1 and smtp.messages[0].rcpt_tos == ["me@example.org"]
        smtp.fail("rcpt", "550 5.1.1 no such user")
        bad = subprocess.run([sys.executable, "-m", "newsmon.cli", "--config", str(cfg), "alerts", "send-test",
                              "--to", "nobody@example.org"], capture_output=True, text=True, timeout=60)
        assert bad.returncode == 1 and "not sent" in bad.stderr


def test_cli_alerts_send_test_without_smtp_writes_the_outbox(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[alerts]\noutbox = "{(tmp_path / "out").as_posix()}"\n')
    r = run("--config", str(cfg), "alerts", "send-test", "--to", "me@example.org")
    assert r.exit_code == 0 and "wrote" in r.output
    assert len(list((tmp_path / "out").glob("*.eml"))) == 1
