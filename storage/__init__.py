"""Storage: the DuckDB file, its schema and migrations, and every SQL statement of newsmon."""

from storage.db import FeedState, Store, WriteBatch, now_utc, record_id, utc_naive

__all__ = ["FeedState", "Store", "WriteBatch", "now_utc", "record_id", "utc_naive"]
