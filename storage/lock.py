"""The run lock: one monitoring run per database at a time.

An exclusive ``flock`` on ``<database>.lock`` (or the configured file), taken
without waiting: an overlapping run (cron every 5 minutes, a slow run) exits at
once with a clear message. The kernel releases the lock when the process dies,
even by SIGKILL, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsmon.errors import RunLocked


def lock_path_for(database: str | Path, configured: str = "") -> Path:
    return Path(configured) if configured else Path(f"{database}.lock")


_HELD: dict[Path, int] = {}  # locks this process holds (the CLI takes it, then the flow inside it)


@contextmanager
def run_lock(path: str | Path) -> Iterator[Path]:
    """Hold the run lock; re-entrant within one process, exclusive across processes."""
    path = Path(path)
    key = path.resolve()
    if key in _HELD:
        _HELD[key] += 1
        try:
            yield path
        finally:
            _HELD[key] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
            raise RunLocked(f"another newsmon run holds {path} (PID {holder}); this run exits without doing anything") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _HELD[key] = 1
        try:
            yield path
        finally:
            del _HELD[key]
    finally:
        os.close(fd)  # closing the descriptor releases the flock
