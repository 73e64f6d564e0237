"""Small shared helpers for rows: deterministic ids and UTC times (no heavy imports:
extraction worker processes use them)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime


def utc_naive(value: datetime | None) -> datetime | None:
    """Aware or naive (taken as UTC) datetime to the naive UTC value stored."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def record_id(*parts: object) -> str:
    """Deterministic id of a record from its identifying parts."""
    h = hashlib.sha1()
    for p in parts:
        h.update(repr(p).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()
