"""The alert outbox under SMTP faults (L3-L6), at the pipeline level: outbox rows in a real
DuckDB file, ``pipeline.deliver_alerts``, a real SMTP server (aiosmtpd) on 127.0.0.1.

Rules checked: connection refused, 421/451 and timeouts keep rows pending with attempts + 1 and
a backoff, and the rows go out once the server is healthy; 550 for one recipient fails that
recipient's rows (with the reason, no retry) and sends the others; 535 stops the batch at the
first digest with a clear error and no password in it; a connection dropped after the final dot
keeps the rows pending and the re-send carries the same Message-ID; 1,000 matches make a few
size-capped digests and every row ends sent."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from conftest import write_config
from smtpserver import SmtpServer, free_port

from newsmon import pipeline
from newsmon.alerts import DEFAULT_MAX_BYTES
from newsmon.config import load_settings
from storage import Store, WriteBatch

NOW = datetime(2025, 3, 1, 12, 0)
PASSWORD = "s3cr3t-Pa55"
RCPTS = ("analyst@example.org", "desk@example.org")


def seed(store: Store, n: int = 2, rules: tuple[str, ...] = ("test-digest",), recipients=RCPTS) -> None:
    arts, figs, outbox = [], [], []
    for i in range(n):
        arts.append({"id": f"a{i}", "entry_key": f"k{i}", "feed_url": "https://f.example/rss",
                     "url": f"https://f.example/{i}", "title": f"NIS: {3000 + i} North Korean troops killed or wounded",
                     "published": NOW - timedelta(minutes=i), "fetched_at": NOW, "text": "x"})
        figs.append({"id": f"c{i}", "article_id": f"a{i}", "topic": "nk-troops-russia", "category": "casualties",
                     "min": 3000 + i, "max": 3000 + i, "qualifier": "approximately", "party": "north_korean",
                     "attributed_to": "NIS", "figure": f"{3000 + i}", "sentence": "s", "start_offset": 0,
                     "end_offset": 4, "reported_at": NOW})
        for rule in rules:
            for r in recipients:
                outbox.append({"id": f"o-{rule}-{i}-{r}", "rule": rule, "topic": "nk-troops-russia",
                               "article_id": f"a{i}", "recipient": r, "created_at": NOW})
    store.save_batch(WriteBatch(articles=arts, casualties=figs, outbox=outbox))


def statuses(store: Store) -> dict[str, tuple[str, int]]:
    return {r["id"]: (r["status"], r["attempts"]) for r in store.outbox()}


@pytest.fixture
def env(tmp_path):
    settings = load_settings(write_config(tmp_path / "c.toml", base_url="http://127.0.0.1:9", feeds=[],
                                          database=tmp_path / "n.duckdb", outbox=tmp_path / "outbox"))
    return Store(tmp_path / "n.duckdb"), settings


def _refused(s):
    s.stop()


def _421_greeting(s):
    s.fail("connect", "421 4.3.2 Service not available, closing channel")


def _451_mail(s):
    s.fail("mail", "451 4.3.0 Requested action aborted: local error")


def _451_data(s):
    s.fail("data", "451 4.3.0 Please try again later")


def _timeout_before_data(s):
    s.delay("rcpt", 2.0)


TRANSIENT = [("connection-refused", _refused), ("421-greeting", _421_greeting), ("451-at-mail", _451_mail),
             ("451-after-dot", _451_data), ("timeout-before-data", _timeout_before_data)]


@pytest.mark.parametrize("fault", [f[1] for f in TRANSIENT], ids=[f[0] for f in TRANSIENT])
def test_outbox_transient_smtp_fault_keeps_rows_pending_with_backoff_then_delivers(env, fault):
    """L3: nothing is lost; attempts + 1; not retried before the backoff; sent once healthy."""
    store, settings = env
    seed(store)
    with SmtpServer() as smtp:
        fault(smtp)
        report = pipeline.deliver_alerts(store, settings, now=NOW, smtp=smtp.settings(timeout=0.5))
        assert report.sent_rows == 0 and report.pending_rows == 4 and report.problems
        assert set(statuses(store).values()) == {("pending", 1)}
        assert store.pending_alerts(now=NOW + timedelta(minutes=4)) == []  # backing off (5 min)
        smtp.heal()
        smtp.start()
        report = pipeline.deliver_alerts(store, settings, now=NOW + timedelta(minutes=6),
                                         smtp=smtp.settings(timeout=5.0))
        assert report.sent_rows == 4 and report.messages == 1
        delivered = [m for m in smtp.messages if not m.dropped]
        assert len(delivered) == 1 and sorted(delivered[0].rcpt_tos) == list(RCPTS)
    assert set(statuses(store).values()) == {("sent", 2)}


def test_outbox_second_transient_failure_backs_off_longer(env):
    store, settings = env
    seed(store, n=1)
    port = free_port()
    with SmtpServer(port=port) as smtp:
        smtp.stop()
        pipeline.deliver_alerts(store, settings, now=NOW, smtp=smtp.settings())
        pipeline.deliver_alerts(store, settings, now=NOW + timedelta(minutes=6), smtp=smtp.settings())
    rows = store.outbox()
    assert {(r["status"], r["attempts"]) for r in rows} == {("pending", 2)}
    assert {r["next_attempt_at"] for r in rows} == {NOW + timedelta(minutes=6) + timedelta(minutes=10)}
    assert all("refused the connection" in r["last_error"] for r in rows)


def test_outbox_4xx_for_one_recipient_keeps_only_that_recipient_pending(env):
    """L3: the other alerts continue: the healthy recipient's rows are sent."""
    store, settings = env
    seed(store)
    with SmtpServer() as smtp:
        smtp.fail("rcpt", "452 4.2.2 Mailbox full", recipient="desk@example.org", times=1)
        pipeline.deliver_alerts(store, settings, now=NOW, smtp=smtp.settings())
        st = statuses(store)
        assert {v for k, v in st.items() if "analyst" in k} == {("sent", 1)}
        assert {v for k, v in st.items() if "desk" in k} == {("pending", 1)}
        report = pipeline.deliver_alerts(store, settings, now=NOW + timedelta(minutes=6), smtp=smtp.settings())
        assert report.sent_rows == 2
        assert smtp.messages[-1].rcpt_tos == ["desk@example.org"]
    assert {s for s, _ in statuses(store).values()} == {"sent"}


def test_outbox_550_for_one_recipient_fails_its_rows_and_sends_the_others(env):
    """L4: 550 marks that recipient's rows failed with the reason; no retry loop."""
    store, settings = env
    seed(store)
    with SmtpServer() as smtp:
        smtp.fail("rcpt", "550 5.1.1 <desk@example.org>: no such user", recipient="desk@example.org")
        report = pipeline.deliver_alerts(store, settings, now=NOW, smtp=smtp.settings())
        assert report.sent_rows == 2 and report.failed_rows == 2
        assert [m.rcpt_tos for m in smtp.messages] == [["analyst@example.org"]]
        later = pipeline.deliver_alerts(store, settings, now=NOW + timedelta(days=1), smtp=smtp.settings())
        assert later.messages == 0 and len(smtp.messages) == 1  # failed rows are never retried
    rows = store.outbox()
    failed = [r for r in rows if r["recipient"] == "desk@example.org"]
    assert {r["status"] for r in failed} == {"failed"}
    assert all("550" in r["last_error"] and "no such user" in r["last_error"] for r in failed)
    assert {r["status"] for r in rows if r["recipient"] == "analyst@example.org"} == {"sent"}


def test_outbox_535_stops_the_batch_keeps_rows_pending_and_hides_the_password(env, caplog):
    """L4: authentication refused: one attempt for the first digest, none for the next rule's
    digest (no hammering), every row pending with a backoff, the password nowhere."""
    store, settings = env
    seed(store, rules=("rule-a", "rule-b"))
    with SmtpServer(auth=("alerts", "the-real-password")) as smtp:
        smtp.fail("auth", "535 5.7.8 Authentication credentials invalid")
        report = pipeline.deliver_alerts(store, settings, now=NOW,
                                         smtp=smtp.settings(username="alerts", password=PASSWORD))
        # one session for the first digest (smtplib tries each offered mechanism once: PLAIN, LOGIN)
        assert 1 <= len(smtp.auth_attempts) <= 2 and smtp.messages == []
    assert report.messages == 1 and report.sent_rows == 0
    rows = store.outbox()
    tried = [r for r in rows if r["attempts"] == 1]
    assert {r["status"] for r in rows} == {"pending"}
    assert len(tried) == 4 and {r["rule"] for r in tried} == {"rule-a"}  # rule-b's digest was not attempted
    assert all("535" in r["last_error"] and "rejected the login" in r["last_error"] for r in tried)
    text = " ".join(report.problems) + " ".join(str(r["last_error"]) for r in rows) + caplog.text
    assert "535" in " ".join(report.problems)
    assert PASSWORD not in text


def test_outbox_drop_after_final_dot_resends_with_the_same_message_id(env):
    """L5: the server received the message but never answered: the rows stay pending and the
    re-send carries the same Message-ID (at most one duplicate, recognisable as such)."""
    store, settings = env
    seed(store)
    with SmtpServer() as smtp:
        smtp.drop_after_data(times=1)
        report = pipeline.deliver_alerts(store, settings, now=NOW, smtp=smtp.settings())
        assert report.pending_rows == 4 and "may have been delivered" in " ".join(report.problems)
        assert {s for s, _ in statuses(store).values()} == {"pending"}
        pipeline.deliver_alerts(store, settings, now=NOW + timedelta(minutes=6), smtp=smtp.settings())
        first, second = smtp.messages
        assert first.dropped and not second.dropped
        assert first.message["Message-ID"] == second.message["Message-ID"]
    assert {r["message_id"] for r in store.outbox()} == {second.message["Message-ID"]}
    assert {s for s, _ in statuses(store).values()} == {"sent"}


def test_outbox_1000_matches_make_a_few_size_capped_digests_all_rows_sent(env):
    """L6: 1,000 new matches in one run: a few digests (not 1,000 emails), each under the cap,
    every outbox row sent."""
    store, settings = env
    seed(store, n=1000, recipients=("analyst@example.org",))
    with SmtpServer() as smtp:
        report = pipeline.deliver_alerts(store, settings, now=NOW, smtp=smtp.settings())
        sizes = [len(m.data.replace(b"\r\n", b"\n")) for m in smtp.messages]  # as built (LF line ends)
    assert 1 <= report.messages == len(sizes) <= 5
    assert max(sizes) <= DEFAULT_MAX_BYTES
    assert report.sent_rows == 1000
    assert {s for s, _ in statuses(store).values()} == {"sent"}
    assert pipeline.deliver_alerts(store, settings, now=NOW, smtp=smtp.settings()).messages == 0
