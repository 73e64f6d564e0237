"""Trend queries over the DuckDB file: casualty claims and series, reported sentiment per week.

A mixin of ``storage.db.Store`` (which owns the connections); every statement is a read
through a short-lived read-only connection.
"""

from __future__ import annotations

from datetime import datetime

import duckdb


class TrendQueries:
    """The read side for `newsmon trends`: needs ``self.connection(read_only=True)``."""

    def casualty_trend(self, *, since: datetime | None = None, topic: str | None = None) -> list[dict]:
        """Per party and category: the latest and the highest figure, who gave them, and the
        conservative series (the lowest figure among the current claims)."""
        with self.connection(read_only=True) as con:
            return _dicts(con.execute(
                """
                WITH c AS (
                    SELECT c.*, coalesce(c.attributed_to, '(unattributed)') AS source
                    FROM casualty_reports c
                    WHERE c.qualifier <> 'vague' AND (?::TIMESTAMP IS NULL OR c.reported_at >= ?::TIMESTAMP)
                      AND (?::VARCHAR IS NULL OR c.topic = ?::VARCHAR)
                ),
                latest_per_source AS (
                    SELECT party, category, source, arg_max(coalesce(max, min), reported_at) AS figure
                    FROM c GROUP BY ALL
                )
                SELECT c.party, c.category,
                       arg_max(coalesce(c.max, c.min), c.reported_at) AS latest,
                       arg_max(c.source, c.reported_at) AS latest_source,
                       max(c.reported_at) AS latest_at,
                       max(coalesce(c.max, c.min)) AS highest,
                       arg_max(c.source, coalesce(c.max, c.min)) AS highest_source,
                       (SELECT min(l.figure) FROM latest_per_source l
                         WHERE l.party = c.party AND l.category = c.category) AS conservative,
                       count(*) AS reports,
                       count(DISTINCT c.source) AS sources
                FROM c GROUP BY c.party, c.category
                ORDER BY c.party, c.category
                """, [since, since, topic, topic]))

    def casualty_claims(self, *, since: datetime | None = None) -> list[dict]:
        with self.connection(read_only=True) as con:
            return _dicts(con.execute(
                "SELECT source, party, category, min, max, qualifier, first_seen, last_seen, mentions, outlets"
                " FROM casualty_claims WHERE ?::TIMESTAMP IS NULL OR last_seen >= ?::TIMESTAMP"
                " ORDER BY first_seen, party, category", [since, since]))

    def casualty_weekly(self, *, since: datetime | None = None) -> list[dict]:
        with self.connection(read_only=True) as con:
            return _dicts(con.execute(
                "SELECT week, party, category, highest, highest_source, lowest, reports, articles FROM casualty_weekly"
                " WHERE ?::TIMESTAMP IS NULL OR week >= date_trunc('week', ?::TIMESTAMP) ORDER BY week, party, category",
                [since, since]))

    def sentiment_trend(self, *, since: datetime | None = None) -> list[dict]:
        with self.connection(read_only=True) as con:
            return _dicts(con.execute(
                "SELECT week, holder, negative, positive, mixed, reports, share_negative FROM sentiment_weekly"
                " WHERE ?::TIMESTAMP IS NULL OR week >= date_trunc('week', ?::TIMESTAMP) ORDER BY week, holder",
                [since, since]))

    def sentiment_quotes(self, *, since: datetime | None = None, limit: int = 50) -> list[dict]:
        with self.connection(read_only=True) as con:
            return _dicts(con.execute(
                "SELECT reported_at, holder, stance, location, quote, title, url FROM sentiment_quotes"
                " WHERE ?::TIMESTAMP IS NULL OR reported_at >= ?::TIMESTAMP ORDER BY reported_at DESC LIMIT ?",
                [since, since, limit]))


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict]:
    cols = [d[0] for d in cursor.description]
    return [dict(zip(cols, row, strict=True)) for row in cursor.fetchall()]
