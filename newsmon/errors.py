"""The newsmon exception hierarchy. Third-party errors are translated where they enter.

    NewsmonError
    ├── ConfigError          a bad configuration file (exit code 2)
    ├── StorageError         the database cannot be opened or written
    │   └── DatabaseLocked   another process holds the DuckDB file
    └── RunLocked            another run holds the run lock (plain cron overlap)

Per-feed and per-article failures are not exceptions that escape: they are
recorded (see ``newsmon.fetch.FetchError`` and the ``errors`` table) and the run
goes on.
"""

from __future__ import annotations


class NewsmonError(Exception):
    """Base class: the CLI turns these into a clean message and a non-zero exit."""

    exit_code = 1


class ConfigError(NewsmonError):
    exit_code = 2

    def __init__(self, path: str, key: str, problem: str) -> None:
        self.path, self.key, self.problem = path, key, problem
        super().__init__(f"{path}: {key}: {problem}")


class StorageError(NewsmonError):
    pass


class DatabaseLocked(StorageError):
    """The DuckDB file is held by another process (a notebook, a dashboard, another run)."""

    exit_code = 75  # EX_TEMPFAIL: try again later


class RunLocked(NewsmonError):
    exit_code = 75  # EX_TEMPFAIL: try again later
