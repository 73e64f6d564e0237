"""Alert emails: the digest as built (snapshot-like), header/HTML injection, size cap, and
delivery against a real aiosmtpd server on 127.0.0.1 with every fault mapped to its status."""

from __future__ import annotations

import base64
import logging
import random
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import pytest
from bs4 import BeautifulSoup
from smtpserver import SmtpServer, free_port

from newsmon.alerts import AlertItem, build_digest, digest_alert_ids, digest_message_id
from newsmon.mailer import SmtpSettings, send_message, write_eml

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
RECIPIENTS = ["analyst@example.org", "desk@example.org"]
SENDER = "newsmon@example.org"
PASSWORD = "pa55-Wörd-s3cr3t"

NIS_FIGURE = {
    "category": "casualties",
    "min": 3000,
    "max": 3000,
    "qualifier": "approximately",
    "party": "north_korean",
    "attributed_to": "South Korea\u2019s National Intelligence Service",
    "sentence": "Meanwhile, South Korea\u2019s National Intelligence Service revealed on the 13th that around "
    "3,000 North Korean soldiers deployed to support Russia in the war against Ukraine have been killed or wounded.",
    "start": 10,
    "end": 22,
    "text": "around 3,000",
}
HYESAN_REPORT = {
    "holder": "residents",
    "stance": "negative",
    "score": -0.6,
    "quote": "Sending our military to another country to lose their lives is wrong.",
    "location": "Hyesan",
    "sentence": "Others, on the other hand, criticize the decision, saying, \u201cSending our military to another "
    "country to lose their lives is wrong.\u201d",
    "start": 0,
    "end": 10,
}


def seed_item(**overrides) -> AlertItem:
    values = dict(
        alert_id="a-seed-0001",
        topic="nk-troops-russia",
        title="North Koreans argue as to whether dying for the fatherland is the \u201cduty of the military\u201d",
        outlet="Daily NK",
        url="https://www.dailynk.com/english/north-koreans-argue/",
        published=datetime(2025, 1, 20, 9, 30, tzinfo=UTC),
        casualties=[NIS_FIGURE],
        sentiment=[HYESAN_REPORT],
    )
    values.update(overrides)
    return AlertItem(**values)


def many_items(n: int) -> list[AlertItem]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    return [
        seed_item(
            alert_id=f"a-{i:05d}",
            title=f"Report {i}: North Korean troops in Kursk",
            url=f"https://news.example.org/story/{i}",
            published=start + timedelta(minutes=i),
        )
        for i in range(n)
    ]


def digest(items, **kw) -> list[EmailMessage]:
    kw.setdefault("recipients", RECIPIENTS)
    kw.setdefault("sender", SENDER)
    kw.setdefault("rule", "nk-troops-russia")
    kw.setdefault("now", NOW)
    return build_digest(items, **kw)


def parts(msg: EmailMessage) -> tuple[str, str]:
    return msg.get_body(("plain",)).get_content(), msg.get_body(("html",)).get_content()


def reparse(msg: EmailMessage) -> EmailMessage:
    return BytesParser(policy=policy.default).parsebytes(msg.as_bytes())


# ---------------------------------------------------------------------------------------------
# Building


EXPECTED_PLAIN = """\
newsmon digest \u2014 1 new match for rule nk-troops-russia (1 casualty figure, 1 sentiment report)
Generated 2026-11-28 12:00 UTC. Figures and sentiment are claims as reported, not verified counts.

1. North Koreans argue as to whether dying for the fatherland is the \u201cduty of the military\u201d
   Daily NK \u00b7 2025-01-20 09:30 UTC
   https://www.dailynk.com/english/north-koreans-argue/
   Figures:
   - around 3,000 killed or wounded \u2014 north_korean \u2014 per South Korea\u2019s National Intelligence Service
     "Meanwhile, South Korea\u2019s National Intelligence Service revealed on the 13th that around 3,000 North Korean soldiers deployed to support Russia in the war against Ukraine have been killed or wounded."
   Sentiment:
   - residents: negative (-0.60) \u2014 in Hyesan
     quote: \u201cSending our military to another country to lose their lives is wrong.\u201d
     "Others, on the other hand, criticize the decision, saying, \u201cSending our military to another country to lose their lives is wrong.\u201d"

"""


def test_build_digest_plain_part_snapshot():
    [msg] = digest([seed_item()])
    plain, _ = parts(reparse(msg))
    assert plain == EXPECTED_PLAIN


def test_build_digest_headers():
    [msg] = digest([seed_item()])
    back = reparse(msg)
    assert back["Subject"] == (
        "[newsmon] nk-troops-russia: 1 new match (1 casualty figure): North Koreans argue as to whether "
        "dying for the fatherland is the \u201cduty of the military\u201d"
    )
    assert back["From"] == SENDER
    assert back["To"] == ", ".join(RECIPIENTS)
    assert back["Date"].datetime == NOW
    assert back["Message-ID"] == digest_message_id(["a-seed-0001"], "example.org")
    assert back["Auto-Submitted"] == "auto-generated"
    assert digest_alert_ids(back) == ["a-seed-0001"]
    assert back.get_content_type() == "multipart/alternative"


def test_build_digest_html_part_content():
    [msg] = digest([seed_item()])
    _, body = parts(msg)
    soup = BeautifulSoup(body, "html.parser")
    link = soup.find("a")
    assert link["href"] == "https://www.dailynk.com/english/north-koreans-argue/"
    assert link.get_text() == seed_item().title
    text = " ".join(soup.get_text(" ").split())
    assert (
        "around 3,000 killed or wounded \u2014 north_korean \u2014 per South Korea\u2019s National Intelligence Service"
        in text
    )
    assert "revealed on the 13th that around 3,000 North Korean soldiers" in text
    assert "Daily NK \u00b7 2025-01-20 09:30 UTC" in text
    assert "residents: negative (-0.60) \u2014 in Hyesan" in text
    assert soup.find("q").get_text() == HYESAN_REPORT["quote"]


def test_build_digest_subject_counts_for_several_items():
    items = many_items(3)
    [msg] = digest(items)
    assert msg["Subject"] == "[newsmon] nk-troops-russia: 3 new matches (3 casualty figures)"
    plain, _ = parts(msg)
    # newest first
    assert plain.index("Report 2:") < plain.index("Report 1:") < plain.index("Report 0:")


def test_build_digest_figure_wording_without_text():
    figures = [
        dict(NIS_FIGURE, text="", qualifier="range", min=100, max=200, category="killed"),
        dict(NIS_FIGURE, text="", qualifier="vague", min=100, max=100, category="wounded"),
        dict(NIS_FIGURE, text="", qualifier="at_least", min=12, max=12, category="captured", attributed_to=None),
    ]
    [msg] = digest([seed_item(casualties=figures)])
    plain, _ = parts(msg)
    assert "- 100\u2013200 killed \u2014 north_korean" in plain
    assert "- hundreds wounded \u2014 north_korean" in plain
    assert "- at least 12 captured \u2014 north_korean \u2014 source not stated" in plain


def test_build_digest_sentence_that_is_the_quote_is_printed_once():
    quote = "Will I be able to have a home and start a family?"
    report = dict(HYESAN_REPORT, quote=quote, sentence=f"\u201c{quote}\u201d")
    [msg] = digest([seed_item(sentiment=[report])])
    plain, body = parts(msg)
    assert plain.count("start a family") == 1
    assert body.count("start a family") == 1


def test_build_digest_no_items_no_message():
    assert digest([]) == []


L1_CASES = [
    ("script-title", {"title": "<script>alert(1)</script> Breaking"}),
    ("img-onerror-title", {"title": "<img src=x onerror=alert(1)> Breaking"}),
    ("javascript-link", {"url": "javascript:alert(1)"}),
    ("data-link", {"url": "data:text/html,<script>alert(1)</script>"}),
    ("newline-in-scheme", {"url": "java\nscript:alert(1)"}),
    ("attribute-breakout-url", {"url": 'https://x.example/"><script>alert(1)</script>'}),
    ("outlet-markup", {"outlet": '"><svg onload=alert(1)>'}),
    (
        "figure-and-quote-markup",
        {
            "casualties": [dict(NIS_FIGURE, sentence="<script>steal()</script>", attributed_to="<b onmouseover=x>NIS</b>")],
            "sentiment": [dict(HYESAN_REPORT, quote="<iframe src=javascript:alert(1)>", location="<a href=javascript:x>Hyesan</a>")],
        },
    ),
]


@pytest.mark.parametrize("overrides", [c[1] for c in L1_CASES], ids=[c[0] for c in L1_CASES])
def test_build_digest_html_escapes_feed_strings(overrides):
    [msg] = digest([seed_item(**overrides)])
    plain, body = parts(reparse(msg))
    soup = BeautifulSoup(body, "html.parser")
    allowed = {"html", "head", "meta", "title", "style", "body", "p", "br", "ol", "ul", "li", "div", "h3", "a", "b", "span", "q"}
    assert {t.name for t in soup.find_all(True)} <= allowed
    assert [t.parent.name for t in soup.find_all("style")] == ["head"]
    for tag in soup.find_all(True):
        assert not [a for a in tag.attrs if a.lower().startswith("on")], tag
    for a in soup.find_all("a"):
        assert a["href"].startswith(("https://", "http://")) and '"' not in a["href"]
    assert "javascript:" not in " ".join(a["href"] for a in soup.find_all("a"))
    # the feed text is still there, as text
    for value in overrides.values():
        if isinstance(value, str) and not value.startswith(("javascript", "data:", "java\n", "https://x")):
            assert " ".join(value.split()) in soup.get_text()
    assert plain  # a text/plain part is always present


def test_build_digest_plain_part_has_no_terminal_controls():
    nasty = "esc\x1b]0;pwned\x07 \x1b[2J clear\r\noverwrite\u202eevil\x00"
    item = seed_item(title=nasty, outlet=nasty, casualties=[dict(NIS_FIGURE, sentence=nasty)],
                     sentiment=[dict(HYESAN_REPORT, quote=nasty, location=nasty)])
    [msg] = digest([item])
    plain, body = parts(msg)
    for text in (plain, body):
        assert not any(ch in text for ch in "\x1b\x07\x00\r\u202e")
    assert "esc ]0;pwned [2J clear overwriteevil" in plain


def test_build_digest_unsafe_link_is_not_a_link_anywhere():
    [msg] = digest([seed_item(url="javascript:alert(1)")])
    plain, body = parts(msg)
    assert "javascript" not in plain and "javascript" not in body
    assert "link omitted" in plain


L2_TITLES = [
    ("crlf", "Breaking\r\nBcc: victim@example.net\r\n\r\nbody"),
    ("bare-lf-bcc", "Breaking\nBcc: x@y"),
    ("bcc-inline", "Bcc: x@y"),
    ("encoded-newline", "=?UTF-8?Q?=0A?=Bcc: x@y"),
    ("encoded-crlf", "Hello =?UTF-8?Q?=0D=0ABcc:_x@y?= world =?utf-8?b?DQpCY2M6IHhAeQ==?="),
    ("long-2000", "A" * 2000),
    ("long-words-2000", " ".join(["Kursk"] * 400)),
    ("controls-and-bidi", "nul\x00 esc\x1b[31m red \u202etxt.exe vt\x0b ff\x0c u2028\u2028end"),
    ("non-ascii", "Северокорейские солдаты \u2014 북한군"),
]


@pytest.mark.parametrize("title", [c[1] for c in L2_TITLES], ids=[c[0] for c in L2_TITLES])
def test_build_digest_subject_is_one_capped_line(title):
    [msg] = digest([seed_item(title=title)])
    raw = msg.as_bytes()
    back = BytesParser(policy=policy.default).parsebytes(raw)
    assert sorted(back.keys()) == sorted(
        ["Subject", "From", "To", "Date", "Message-ID", "Auto-Submitted", "X-Newsmon-Rule",
         "X-Newsmon-Alert-Ids", "MIME-Version", "Content-Type"]
    )
    subject = str(back["Subject"])
    assert subject.startswith("[newsmon] nk-troops-russia: 1 new match")
    assert len(msg["Subject"]) <= 150
    assert len(" ".join(subject.split())) <= 150  # unfolding a long encoded word may add one space
    assert not any(ord(ch) < 32 or ord(ch) == 127 for ch in subject)
    assert "\u2028" not in subject and "\u202e" not in subject
    header_block = raw.split(b"\n\n", 1)[0]
    assert not any(line.lower().startswith(b"bcc") for line in header_block.split(b"\n"))


def test_send_message_injection_title_reaches_only_the_recipients():
    [msg] = digest([seed_item(title="=?UTF-8?Q?=0A?=Bcc: intruder@example.net\r\nCc: other@example.net")])
    with SmtpServer() as smtp:
        outcome = send_message(msg, smtp.settings())
    assert outcome.status == "sent"
    [got] = smtp.messages
    assert sorted(got.rcpt_tos) == sorted(RECIPIENTS)
    assert got.message["Bcc"] is None and got.message["Cc"] is None


def test_build_digest_1000_items_few_size_capped_messages():
    items = many_items(1000)
    msgs = digest(items, max_bytes=500_000)
    assert 1 <= len(msgs) <= 5
    sizes = [len(m.as_bytes()) for m in msgs]
    assert max(sizes) <= 500_000
    carried = [i for m in msgs for i in digest_alert_ids(m)]
    assert sorted(carried) == sorted(i.alert_id for i in items)
    if len(msgs) > 1:
        assert [m["Subject"].split("[")[-1] for m in msgs] == [f"{n}/{len(msgs)}]" for n in range(1, len(msgs) + 1)]
    assert len({m["Message-ID"] for m in msgs}) == len(msgs)


def test_build_digest_small_cap_splits_and_every_part_fits():
    items = many_items(60)
    msgs = digest(items, max_bytes=40_000)
    assert len(msgs) > 1
    assert all(len(m.as_bytes()) <= 40_000 for m in msgs)
    assert sorted(i for m in msgs for i in digest_alert_ids(m)) == sorted(i.alert_id for i in items)
    # numbering continues across parts
    second_plain, _ = parts(msgs[1])
    first_count = len(digest_alert_ids(msgs[0]))
    assert f"\n{first_count + 1}. Report" in second_plain


def test_build_digest_same_items_same_message_ids():
    items = many_items(200)
    shuffled = items[:]
    random.Random(7).shuffle(shuffled)
    a = digest(items, max_bytes=100_000)
    b = digest(shuffled + items[:5], max_bytes=100_000, now=NOW + timedelta(hours=3))
    assert [m["Message-ID"] for m in a] == [m["Message-ID"] for m in b]
    c = digest(items[:-1], max_bytes=100_000)  # the newest item gone: every part changes
    assert not {m["Message-ID"] for m in c} & {m["Message-ID"] for m in a}


def test_digest_message_id_order_independent_and_distinct():
    assert digest_message_id(["b", "a"]) == digest_message_id(["a", "b", "a"])
    assert digest_message_id(["a"]) != digest_message_id(["a", "b"])
    assert digest_message_id(["a"]).endswith("@newsmon.local>")


@pytest.mark.parametrize("bad", ["", "has space", "new\nline"], ids=["empty", "space", "newline"])
def test_build_digest_rejects_bad_alert_ids(bad):
    with pytest.raises(ValueError):
        digest([seed_item(alert_id=bad)])


def test_build_digest_rejects_recipient_with_newline():
    with pytest.raises(ValueError):
        digest([seed_item()], recipients=["a@example.org\nBcc: x@y"])


# ---------------------------------------------------------------------------------------------
# Sending


def test_send_message_plain_smtp_without_auth():
    [msg] = digest([seed_item()])
    with SmtpServer() as smtp:
        outcome = send_message(msg, smtp.settings())
    assert outcome.status == "sent" and outcome.refused == {}
    [got] = smtp.messages
    assert sorted(got.rcpt_tos) == sorted(RECIPIENTS)
    assert got.mail_from == "newsmon@localhost"
    assert got.message["Message-ID"] == msg["Message-ID"]
    assert got.message["Subject"] == msg["Subject"]
    assert parts(got.message)[0].replace("\r\n", "\n") == parts(msg)[0]


def test_send_message_plain_smtp_with_auth():
    [msg] = digest([seed_item()])
    with SmtpServer(auth=("alerts", PASSWORD)) as smtp:
        outcome = send_message(msg, smtp.settings(username="alerts", password=PASSWORD))
    assert outcome.status == "sent"
    assert smtp.auth_attempts == [("alerts", True)]
    assert [m.login for m in smtp.messages] == ["alerts"]


def test_send_message_starttls_not_offered_is_not_sent_in_clear():
    [msg] = digest([seed_item()])
    with SmtpServer() as smtp:
        outcome = send_message(msg, smtp.settings(security="starttls"))
    assert outcome.status == "auth_failed" and "STARTTLS" in outcome.message
    assert smtp.messages == []


@pytest.mark.parametrize("tls", ["starttls", "ssl"])
def test_send_message_over_tls_with_auth(tls):
    [msg] = digest([seed_item()])
    with SmtpServer(auth=("alerts", PASSWORD), tls=tls) as smtp:
        outcome = send_message(msg, smtp.settings(username="alerts", password=PASSWORD))
    assert outcome.status == "sent", outcome
    assert smtp.auth_attempts == [("alerts", True)]
    assert smtp.messages[0].message["Message-ID"] == msg["Message-ID"]


@pytest.mark.parametrize("tls", ["starttls", "ssl"])
def test_send_message_untrusted_certificate_stops_the_batch(tls):
    [msg] = digest([seed_item()])
    with SmtpServer(auth=("alerts", PASSWORD), tls=tls) as smtp:
        outcome = send_message(msg, smtp.settings(username="alerts", password=PASSWORD, cafile=None))
    assert outcome.status == "auth_failed" and "certificate" in outcome.message
    assert smtp.auth_attempts == [] and smtp.messages == []


def _fault_421_greeting(s):
    s.fail("connect", "421 4.3.2 Too many connections")


def _fault_554_greeting(s):
    s.fail("connect", "554 5.7.1 No SMTP service here")


def _fault_421_mail(s):
    s.fail("mail", "421 4.3.2 Service shutting down")


def _fault_451_mail(s):
    s.fail("mail", "451 4.3.0 Try again later")


def _fault_451_rcpt(s):
    s.fail("rcpt", "451 4.3.0 Greylisted")


def _fault_421_data(s):
    s.fail("data", "421 4.3.2 Closing")


def _fault_451_data(s):
    s.fail("data", "451 4.3.0 Queue full")


def _fault_554_data(s):
    s.fail("data", "554 5.6.0 Message rejected")


def _fault_550_sender(s):
    s.fail("mail", "550 5.7.1 Sender not allowed")


def _fault_550_one(s):
    s.fail("rcpt", "550 5.1.1 No such user", recipient="desk@example.org")


def _fault_550_all(s):
    s.fail("rcpt", "550 5.1.1 No such user")


def _fault_450_one(s):
    s.fail("rcpt", "450 4.2.1 Mailbox busy", recipient="desk@example.org")


def _fault_refused(s):
    s.stop()


def _fault_drop_after_dot(s):
    s.drop_after_data()


def _fault_timeout_before_data(s):
    s.delay("rcpt", 3.0)


def _fault_535(s):
    s.fail("auth", "535 5.7.8 Authentication credentials invalid")


def _fault_454_auth(s):
    s.fail("auth", "454 4.7.0 Temporary authentication failure")


FAULTS = [
    ("421-greeting", _fault_421_greeting, "retry", 0),
    ("554-greeting", _fault_554_greeting, "auth_failed", 0),
    ("421-at-mail", _fault_421_mail, "retry", 0),
    ("451-at-mail", _fault_451_mail, "retry", 0),
    ("451-at-rcpt", _fault_451_rcpt, "retry", 0),
    ("421-at-data", _fault_421_data, "retry", 0),
    ("451-at-data", _fault_451_data, "retry", 0),
    ("554-at-data", _fault_554_data, "failed", 0),
    ("550-sender", _fault_550_sender, "failed", 0),
    ("550-one-of-two", _fault_550_one, "sent", 1),
    ("450-one-of-two", _fault_450_one, "sent", 1),
    ("550-all", _fault_550_all, "failed", 0),
    ("connection-refused", _fault_refused, "retry", 0),
    ("dropped-after-final-dot", _fault_drop_after_dot, "retry", 1),
    ("timeout-before-data", _fault_timeout_before_data, "retry", 0),
    ("535-auth", _fault_535, "auth_failed", 0),
    ("454-auth", _fault_454_auth, "retry", 0),
]


@pytest.mark.parametrize(
    ("fault", "status", "received"), [f[1:] for f in FAULTS], ids=[f[0] for f in FAULTS]
)
def test_send_message_fault_maps_to_status(fault, status, received):
    [msg] = digest([seed_item()])
    with SmtpServer(auth=("alerts", PASSWORD)) as smtp:
        fault(smtp)
        settings = smtp.settings(username="alerts", password=PASSWORD, timeout=1.0)
        outcome = send_message(msg, settings)
    assert outcome.status == status, outcome
    assert len(smtp.messages) == received
    assert outcome.message
    assert PASSWORD not in outcome.message


def test_send_message_non_ascii_recipient_without_smtputf8_fails_that_message():
    [msg] = digest([seed_item()], recipients=["анна@example.org"])
    with SmtpServer(smtputf8=False) as smtp:
        outcome = send_message(msg, smtp.settings())
        assert outcome.status == "failed" and "SMTPUTF8" in outcome.message
        with SmtpServer() as utf8:
            assert send_message(msg, utf8.settings()).status == "sent"
    assert utf8.messages[0].rcpt_tos == ["анна@example.org"]


def test_send_message_550_for_one_recipient_reports_it():
    [msg] = digest([seed_item()])
    with SmtpServer() as smtp:
        _fault_550_one(smtp)
        outcome = send_message(msg, smtp.settings())
    assert outcome.status == "sent"
    assert outcome.refused == {"desk@example.org": "550 5.1.1 No such user"}
    assert outcome.deferred == {}
    assert smtp.messages[0].rcpt_tos == ["analyst@example.org"]


def test_send_message_550_for_all_recipients_lists_them():
    [msg] = digest([seed_item()])
    with SmtpServer() as smtp:
        _fault_550_all(smtp)
        outcome = send_message(msg, smtp.settings())
    assert outcome.status == "failed"
    assert sorted(outcome.refused) == sorted(RECIPIENTS)


def test_send_message_dropped_after_dot_resend_has_same_message_id():
    [msg] = digest([seed_item()])
    with SmtpServer() as smtp:
        smtp.drop_after_data(times=1)
        first = send_message(msg, smtp.settings())
        [again] = digest([seed_item()], now=NOW + timedelta(minutes=10))
        second = send_message(again, smtp.settings())
    assert (first.status, second.status) == ("retry", "sent")
    assert "same Message-ID" in first.message
    assert [m.dropped for m in smtp.messages] == [True, False]
    assert len({m.message["Message-ID"] for m in smtp.messages}) == 1


def test_send_message_outage_then_recovery_delivers():
    [msg] = digest([seed_item()])
    with SmtpServer() as smtp:
        smtp.stop()
        assert send_message(msg, smtp.settings()).status == "retry"
        smtp.start()
        smtp.fail("mail", "451 4.3.0 later", times=1)
        assert send_message(msg, smtp.settings()).status == "retry"
        assert send_message(msg, smtp.settings()).status == "sent"
    assert len(smtp.messages) == 1


def test_send_message_nothing_listening_is_retry():
    [msg] = digest([seed_item()])
    outcome = send_message(msg, SmtpSettings(host="127.0.0.1", port=free_port(), security="plain", timeout=2))
    assert outcome.status == "retry" and "refused" in outcome.message


def test_send_message_password_never_in_outcomes_or_logs(caplog):
    caplog.set_level(logging.DEBUG)
    [msg] = digest([seed_item()])
    outcomes = []
    with SmtpServer(auth=("alerts", PASSWORD)) as smtp:
        good = smtp.settings(username="alerts", password=PASSWORD)
        outcomes.append(send_message(msg, good))
        outcomes.append(send_message(msg, smtp.settings(username="alerts", password=PASSWORD + "x")))
        # a server that echoes the secret back must not make us repeat it
        smtp.fail("auth", f"535 5.7.8 bad credentials {PASSWORD}", times=1)
        outcomes.append(send_message(msg, good))
        smtp.fail("rcpt", f"550 5.1.1 unknown {PASSWORD}", recipient="desk@example.org", times=1)
        outcomes.append(send_message(msg, good))
    assert [o.status for o in outcomes] == ["sent", "auth_failed", "auth_failed", "sent"]
    texts = [repr(o) for o in outcomes] + [repr(good), str(good)]
    # every record but the test server's own (it logs the replies we told it to echo)
    texts += [r.getMessage() for r in caplog.records if r.name != "mail.log"]
    assert any(r.name == "newsmon.mailer" for r in caplog.records)
    assert any("[redacted]" in t for t in texts)
    plain_b64 = base64.b64encode(f"\0alerts\0{PASSWORD}".encode()).decode()
    for text in texts:
        for secret in (PASSWORD, PASSWORD.encode("unicode_escape").decode(), plain_b64):
            assert secret not in text


def test_smtp_settings_configured_and_repr():
    assert not SmtpSettings().configured
    assert SmtpSettings(host="smtp.example.org").configured
    assert "hunter2" not in repr(SmtpSettings(host="h", username="u", password="hunter2"))
    with pytest.raises(ValueError):
        SmtpSettings(security="tls")


def test_send_message_unconfigured_raises():
    [msg] = digest([seed_item()])
    with pytest.raises(ValueError):
        send_message(msg, SmtpSettings())


# ---------------------------------------------------------------------------------------------
# Outbox


def test_write_eml_round_trips_and_is_idempotent(tmp_path):
    [msg] = digest([seed_item()])
    path = write_eml(msg, tmp_path / "outbox")
    assert path.parent == tmp_path / "outbox"
    assert path.name.startswith("20261128T120000Z-") and path.suffix == ".eml"
    back = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert back["Message-ID"] == msg["Message-ID"]
    assert back["Subject"] == msg["Subject"]
    assert parts(back) == parts(msg)
    # same Message-ID, built later: nothing new is written
    [again] = digest([seed_item()], now=NOW + timedelta(days=1))
    assert write_eml(again, tmp_path / "outbox") == path
    assert sorted(p.name for p in (tmp_path / "outbox").iterdir()) == [path.name]


def test_write_eml_distinct_messages_distinct_files(tmp_path):
    msgs = digest(many_items(30), max_bytes=20_000)
    paths = {write_eml(m, tmp_path) for m in msgs}
    assert len(paths) == len(msgs) > 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]


def test_write_eml_without_message_id_is_keyed_by_content(tmp_path):
    msg = EmailMessage()
    msg["Subject"] = "[newsmon] test message"
    msg.set_content("hello\n")
    path = write_eml(msg, tmp_path)
    assert write_eml(msg, tmp_path) == path
    other = EmailMessage()
    other["Subject"] = "[newsmon] another test message"
    other.set_content("hello\n")
    assert write_eml(other, tmp_path) != path
    assert BytesParser(policy=policy.default).parsebytes(path.read_bytes())["Subject"] == msg["Subject"]


def test_write_eml_ignores_leftover_partial_file(tmp_path):
    [msg] = digest([seed_item()])
    (tmp_path / ".tmp-crashed.eml.part").write_bytes(b"half a mess")
    path = write_eml(msg, tmp_path)
    assert BytesParser(policy=policy.default).parsebytes(path.read_bytes())["Message-ID"] == msg["Message-ID"]
