"""The DuckDB schema as registered migration steps, applied in order on open.

Each step has a version and a name and is recorded in ``schema_migrations``.
Append new steps; never edit a step that has shipped.

All times are stored as TIMESTAMP in UTC. Mutable state (feed status, outbox
status, attempts) lives in non-key columns: DuckDB rewrites an UPDATE of an
indexed column as DELETE + INSERT.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "initial schema",
        """
        CREATE TABLE feeds (
            url VARCHAR PRIMARY KEY,
            name VARCHAR,
            title VARCHAR,
            etag VARCHAR,
            last_modified VARCHAR,
            status VARCHAR NOT NULL DEFAULT 'new',     -- new | ok | failing | rate_limited | disabled
            last_fetch_at TIMESTAMP,
            last_success_at TIMESTAMP,
            last_error_kind VARCHAR,
            last_error VARCHAR,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            next_check_at TIMESTAMP,
            permanent_url VARCHAR,
            entries_seen BIGINT NOT NULL DEFAULT 0
        );

        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,            -- sha1 of the entry key
            entry_key VARCHAR NOT NULL,         -- guid, else normalised link, else hash of title + date
            feed_url VARCHAR NOT NULL,
            guid VARCHAR,
            url VARCHAR,
            canonical_url VARCHAR,
            title VARCHAR,
            author VARCHAR,
            published TIMESTAMP,               -- UTC; first-seen time when the feed gives none
            fetched_at TIMESTAMP NOT NULL,
            text VARCHAR,
            text_hash VARCHAR,
            method VARCHAR,                    -- selector | trafilatura | paragraphs | feed_content | feed_summary
            article_status VARCHAR,            -- ok | feed_only | failed | skipped_unsafe_url | skipped_content
            run_id VARCHAR
        );

        CREATE TABLE topic_matches (
            article_id VARCHAR NOT NULL,
            topic VARCHAR NOT NULL,
            terms VARCHAR,                     -- matched terms, "; "-joined
            overall_sentiment VARCHAR,
            tone DOUBLE,
            matched_at TIMESTAMP NOT NULL,
            PRIMARY KEY (article_id, topic)
        );

        CREATE TABLE casualty_reports (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            topic VARCHAR NOT NULL,
            category VARCHAR NOT NULL,
            min BIGINT,
            max BIGINT,
            qualifier VARCHAR,
            party VARCHAR,
            attributed_to VARCHAR,
            figure VARCHAR,
            sentence VARCHAR,
            start_offset INTEGER,
            end_offset INTEGER,
            reported_at TIMESTAMP NOT NULL     -- the article's published time
        );

        CREATE TABLE sentiment_reports (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            topic VARCHAR NOT NULL,
            holder VARCHAR NOT NULL,
            stance VARCHAR NOT NULL,
            score DOUBLE,
            quote VARCHAR,
            location VARCHAR,
            sentence VARCHAR,
            start_offset INTEGER,
            end_offset INTEGER,
            reported_at TIMESTAMP NOT NULL
        );

        CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            outcome VARCHAR,                   -- running | ok | partial | failed
            config VARCHAR,
            feeds_due INTEGER, feeds_ok INTEGER, feeds_not_modified INTEGER, feeds_failed INTEGER,
            entries_new INTEGER, articles_fetched INTEGER, matches INTEGER,
            casualty_reports INTEGER, sentiment_reports INTEGER,
            alerts_sent INTEGER, errors INTEGER,
            summary VARCHAR
        );

        CREATE TABLE errors (
            id VARCHAR PRIMARY KEY,
            run_id VARCHAR,
            feed_url VARCHAR,
            item_url VARCHAR,
            stage VARCHAR NOT NULL,            -- fetch_feed | parse_feed | fetch_article | extract | store | alert
            kind VARCHAR NOT NULL,
            status INTEGER,
            attempt INTEGER,
            message VARCHAR,
            occurred_at TIMESTAMP NOT NULL
        );

        CREATE TABLE alert_outbox (
            id VARCHAR PRIMARY KEY,            -- sha1(rule, topic, article id, recipient)
            rule VARCHAR NOT NULL,
            topic VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            recipient VARCHAR NOT NULL,
            created_at TIMESTAMP NOT NULL,
            status VARCHAR NOT NULL DEFAULT 'pending',   -- pending | sent | failed
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TIMESTAMP,
            last_error VARCHAR,
            message_id VARCHAR,
            sent_at TIMESTAMP
        );
        """,
    ),
    (
        2,
        "trend views",
        """
        CREATE VIEW casualty_claims AS
        SELECT
            coalesce(c.attributed_to, '(unattributed)') AS source,
            c.party, c.category, c.min, c.max,
            any_value(c.qualifier ORDER BY c.reported_at) AS qualifier,
            min(c.reported_at) AS first_seen,
            max(c.reported_at) AS last_seen,
            count(*) AS mentions,
            count(DISTINCT a.feed_url) AS outlets,
            any_value(c.sentence ORDER BY c.reported_at) AS sentence,
            any_value(a.url ORDER BY c.reported_at) AS first_url
        FROM casualty_reports c JOIN articles a ON a.id = c.article_id
        WHERE c.qualifier <> 'vague'
        GROUP BY ALL;

        CREATE VIEW casualty_weekly AS
        SELECT
            date_trunc('week', c.reported_at) AS week,
            c.party, c.category,
            max(coalesce(c.max, c.min)) AS highest,
            arg_max(coalesce(c.attributed_to, '(unattributed)'), coalesce(c.max, c.min)) AS highest_source,
            min(coalesce(c.min, c.max)) AS lowest,
            count(*) AS reports,
            count(DISTINCT c.article_id) AS articles
        FROM casualty_reports c
        WHERE c.qualifier <> 'vague'
        GROUP BY ALL;

        CREATE VIEW sentiment_weekly AS
        SELECT
            date_trunc('week', s.reported_at) AS week,
            s.holder,
            count(*) FILTER (WHERE s.stance = 'negative') AS negative,
            count(*) FILTER (WHERE s.stance = 'positive') AS positive,
            count(*) FILTER (WHERE s.stance = 'mixed') AS mixed,
            count(*) AS reports,
            round(count(*) FILTER (WHERE s.stance = 'negative') / count(*), 3) AS share_negative
        FROM sentiment_reports s
        GROUP BY ALL;

        CREATE VIEW sentiment_quotes AS
        SELECT s.reported_at, s.holder, s.stance, s.score, s.location, s.quote, s.sentence,
               a.title, a.url, a.feed_url, s.topic
        FROM sentiment_reports s JOIN articles a ON a.id = s.article_id
        WHERE s.quote IS NOT NULL;
        """,
    ),
    (
        3,
        "article re-fetch state",
        """
        ALTER TABLE articles ADD COLUMN fetch_attempts INTEGER DEFAULT 0;
        ALTER TABLE articles ADD COLUMN next_fetch_at TIMESTAMP;
        """,
    ),
]
