"""Configuration loading and validation: the packaged defaults, user files, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsmon.config import load_settings, smtp_credentials
from newsmon.errors import ConfigError


def test_config_defaults_load_with_the_first_topic_and_its_parties():
    s = load_settings()
    assert s.database == Path("newsmon.duckdb")
    topic = s.topic()
    assert topic.name == "nk-troops-russia"
    assert [p.label for p in topic.parties] == ["north_korean", "russian", "ukrainian", "civilian"]
    places = {p.label: p.places for p in topic.parties}
    assert "Hyesan" in places["north_korean"] and "Belgorod" in places["russian"] and "Kharkiv" in places["ukrainian"]
    assert len(s.feeds) >= 5 and all(f.url.startswith("https://") for f in s.feeds)
    assert not s.smtp.configured


def test_config_user_file_overrides_keys_and_replaces_lists(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text("""
[database]
path = "x/y.duckdb"
[fetch]
timeout = 3
[[topics]]
name = "sudan"
[topics.query]
all_of = [["Sudan", "Khartoum"]]
any_of = ["killed"]
[[feeds]]
url = "https://example.org/feed.xml"
topics = ["sudan"]
[alerts]
rules = []
""")
    s = load_settings(p)
    assert s.database == Path("x/y.duckdb")
    assert s.fetch["timeout"] == 3.0 and s.fetch["concurrency"] == 10  # defaults kept key by key
    assert [t.name for t in s.topics] == ["sudan"]
    assert s.feeds[0].name == "example.org" and s.feeds[0].topics == ("sudan",)
    assert s.topics_for(s.feeds[0])[0].name == "sudan"


@pytest.mark.parametrize(
    ("body", "key", "words"),
    [
        ("[fetch]\ntimeout = 'fast'\n", "fetch.timeout", "must be a number"),
        ("[fetch]\ntimout = 3\n", "fetch.timout", "unknown key"),
        ("[fetch]\nconcurrency = 0\n", "fetch.concurrency", "at least 1"),
        ("[smtp]\nsecurity = 'tls13'\n", "smtp.security", "must be one of"),
        ("[smtp]\npassword = 'hunter2'\n", "smtp.password", "never read from the file"),
        ("[[feeds]]\nurl = 'file:///etc/passwd'\n", "feeds[0].url", "http(s) URL"),
        ("[[feeds]]\nurl = 'https://a.example/f'\ntopics = ['nope']\n", "feeds[0].topics", "unknown topic"),
        ("[[feeds]]\nurl = 'https://a.example/f'\nselector = 'div[['\n", "feeds[0].selector", "CSS selector"),
        ("[[alerts.rules]]\nname = 'r'\nrecipients = ['not-an-address']\n", "alerts.rules[0].recipients", "not an email"),
        ("[[topics]]\nname = 'Bad Name'\n", "topics[0].name", "lowercase"),
        ("[[topics]]\nname = 't'\n[topics.query]\n", "topics[0].query", "at least one"),
        ("bogus = 1\n", "(top level).bogus", "unknown key"),
        ("[database\npath = 1\n", "-", "not valid TOML"),
        ("[[topics]]\nname = 't'\n[topics.query]\nany_of = ['x']\n[[topics.parties]]\nlabel = 'ua'\nplaces = 'Kharkiv'\n",
         "topics[0].parties[0].places", "list of non-empty strings"),
    ],
    ids=["type", "typo", "range", "choice", "secret-in-file", "scheme", "feed-topic", "selector", "recipient",
         "topic-name", "empty-query", "top-level", "syntax", "party-places"],
)
def test_config_bad_file_names_file_and_key(tmp_path, body, key, words):
    p = tmp_path / "bad.toml"
    p.write_text(body)
    with pytest.raises(ConfigError) as info:
        load_settings(p)
    assert info.value.key == key
    assert words in info.value.problem
    assert str(p) in str(info.value)
    assert info.value.exit_code == 2


def test_config_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="file not found"):
        load_settings(tmp_path / "nope.toml")


def test_config_smtp_secrets_come_from_the_environment(monkeypatch):
    s = load_settings()
    monkeypatch.setenv("NEWSMON_SMTP_USERNAME", "alerts")
    monkeypatch.setenv("NEWSMON_SMTP_PASSWORD", "s3cret")
    assert smtp_credentials(s.smtp) == ("alerts", "s3cret")
    monkeypatch.delenv("NEWSMON_SMTP_PASSWORD")
    assert smtp_credentials(s.smtp) == ("alerts", None)


def test_config_readme_example_is_a_valid_configuration(tmp_path):
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    (example,) = re.findall(r"```toml\n(.*?)```", readme, re.S)[:1]
    p = tmp_path / "readme.toml"
    p.write_text(example)
    s = load_settings(p)
    assert s.topic().name == "nk-troops-russia" and s.feeds[0].name == "Daily NK"
    assert s.alerts.rules[0].require == "figures" and not s.smtp.configured
