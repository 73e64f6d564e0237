"""The write spool: batches that could not reach a locked DuckDB file, kept beside it.

While a notebook, a dashboard or another process holds ``<db>`` (DuckDB allows one
writing process, and even a read-only open fails while another process writes), a
run writes each batch it cannot commit to ``<db>.spool/<UTC time>-<run>-<n>.jsonl``
instead of losing it. The next run that gets the file merges the pending spools
first, oldest first, each in one transaction, then deletes them. Merging is
idempotent: rows carry deterministic keys and are inserted with ``ON CONFLICT DO
NOTHING``, so a merge interrupted between its commit and the delete adds nothing
when it is repeated.

File format (JSON Lines, UTF-8): a header line ``{"spool": 1, "run_id": ...,
"created_at": ..., "rows": N}``, then one line per row ``{"t": <table>, "r": <row>}``
(datetimes as ``{"$ts": "<ISO 8601>"}``), then a trailer ``{"end": N}``. A file is
written to a hidden temporary name, fsync'ed and renamed into place, so a reader
sees a whole file or none; a file that does not parse (no trailer, bad JSON) is
renamed ``*.bad`` and reported, never merged half-way and never deleted.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

SPOOL_VERSION = 1
SUFFIX = ".jsonl"
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


class SpoolCorrupt(ValueError):
    """A spool file that cannot be read whole."""


@dataclass(frozen=True)
class SpoolFile:
    """A pending spool file, as `newsmon status` lists it."""

    path: Path
    run_id: str
    created_at: str
    rows: int
    size: int


def spool_dir(database: str | Path) -> Path:
    """The spool folder of a database file: ``<db>.spool``."""
    return Path(f"{database}.spool")


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$ts": value.isoformat()}
    if isinstance(value, date):
        return {"$ts": datetime(value.year, value.month, value.day).isoformat()}
    raise TypeError(f"cannot spool a {type(value).__name__}")


def _decode(obj: dict) -> Any:
    if len(obj) == 1 and "$ts" in obj:
        return datetime.fromisoformat(obj["$ts"])
    return obj


def write_spool(directory: str | Path, tables: dict[str, list[dict]], *, run_id: str, seq: int) -> Path:
    """Write one batch (table name -> rows) atomically; return the file's path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    n = sum(len(rows) for rows in tables.values())
    name = f"{now:%Y%m%dT%H%M%S%fZ}-{_SAFE.sub('_', run_id)[:40]}-{seq:04d}{SUFFIX}"
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps({"spool": SPOOL_VERSION, "run_id": run_id, "created_at": now.isoformat(),
                                 "rows": n}) + "\n")
            for table, rows in tables.items():
                for row in rows:
                    fh.write(json.dumps({"t": table, "r": row}, default=_encode, ensure_ascii=False) + "\n")
            fh.write(json.dumps({"end": n}) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        target = directory / name
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(directory)
    return target


def read_spool(path: str | Path) -> tuple[dict, dict[str, list[dict]]]:
    """(header, table name -> rows) of one spool file; ``SpoolCorrupt`` if it is not whole."""
    tables: dict[str, list[dict]] = {}
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
        header = json.loads(lines[0])
        trailer = json.loads(lines[-1])
        if header.get("spool") != SPOOL_VERSION or trailer.get("end") != header.get("rows"):
            raise SpoolCorrupt(f"{path}: incomplete or unknown spool file")
        for line in lines[1:-1]:
            rec = json.loads(line, object_hook=_decode)
            tables.setdefault(rec["t"], []).append(rec["r"])
    except (OSError, IndexError, KeyError, ValueError, AttributeError) as exc:
        if isinstance(exc, SpoolCorrupt):
            raise
        raise SpoolCorrupt(f"{path}: cannot read spool file: {exc}") from None
    if sum(len(r) for r in tables.values()) != header["rows"]:
        raise SpoolCorrupt(f"{path}: row count does not match its header")
    return header, tables


def pending_spools(directory: str | Path) -> list[Path]:
    """Whole spool files waiting to be merged, oldest first (temporary files are not listed)."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.name.endswith(SUFFIX) and not p.name.startswith("."))


def describe(directory: str | Path) -> list[SpoolFile]:
    """The pending spool files with their run, time and row count (headers only)."""
    out = []
    for p in pending_spools(directory):
        try:
            with open(p, encoding="utf-8") as fh:
                header = json.loads(fh.readline())
            out.append(SpoolFile(p, str(header.get("run_id")), str(header.get("created_at")), int(header.get("rows", 0)),
                                 p.stat().st_size))
        except (OSError, ValueError):
            out.append(SpoolFile(p, "?", "?", 0, p.stat().st_size if p.exists() else 0))
    return out


def set_aside(path: Path) -> Path:
    """Rename a corrupt spool file to ``*.bad`` (kept for a human; never merged)."""
    target = path.with_suffix(path.suffix + ".bad")
    os.replace(path, target)
    return target


def remove(path: Path) -> None:
    """Delete a merged spool file (durably)."""
    path.unlink(missing_ok=True)
    _fsync_dir(path.parent)


def stale_temporaries(directory: str | Path) -> Iterator[Path]:
    """Temporary files left by a writer that died mid-write (only meaningful under the run lock)."""
    directory = Path(directory)
    if directory.is_dir():
        yield from (p for p in directory.iterdir() if p.name.startswith(".tmp-") and p.name.endswith(".part"))


def batch_tables(batch: Any) -> dict[str, list[dict]]:
    """A ``WriteBatch``'s non-empty row lists by field name."""
    return {f.name: getattr(batch, f.name) for f in fields(batch) if getattr(batch, f.name)}


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
