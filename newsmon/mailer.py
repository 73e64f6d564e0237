"""Alert delivery: hand a built digest to SMTP, or write it to an outbox folder.

Thin I/O around `smtplib`. `send_message` never raises for SMTP or network trouble; it returns
a `SendOutcome` whose status tells the caller what to do with the alerts the message carries:

    sent         accepted (``refused``: recipients rejected with 5xx, ``deferred``: with 4xx)
    retry        4xx reply, connection refused/reset/dropped, timeout: keep pending, back off.
                 A connection dropped after the final dot may still have delivered the message
                 (RFC 1047); the re-send carries the same Message-ID.
    failed       5xx for every recipient, or for the sender or the data: do not retry.
    auth_failed  535, or the session could not be opened, secured or authenticated (5xx greeting,
                 STARTTLS/AUTH not offered, certificate rejected): stop the batch, keep the
                 alerts pending; a fix of the settings delivers them.

The password never appears in an outcome message or a log record; smtplib debug output is
never enabled (it prints AUTH PLAIN credentials in base64). `write_eml` is idempotent per
Message-ID, so a digest written again after a crash is one file.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import smtplib
import ssl
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path

from newsmon.alerts import one_line

logger = logging.getLogger(__name__)

SECURITY_MODES = ("starttls", "ssl", "plain")


@dataclass(frozen=True, kw_only=True)
class SmtpSettings:
    """Where and how to send; the password is resolved by the caller (env or Prefect Secret)."""

    host: str = ""
    port: int = 587
    security: str = "starttls"  # one of SECURITY_MODES
    sender: str = "newsmon@localhost"
    timeout: float = 20.0
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    cafile: str | None = None  # extra CA bundle (a private relay); verification always stays on

    def __post_init__(self) -> None:
        if self.security not in SECURITY_MODES:
            raise ValueError(f"SMTP security must be one of {', '.join(SECURITY_MODES)}, not {self.security!r}")

    @property
    def configured(self) -> bool:
        """True when a host is set (otherwise digests go to the outbox folder)."""
        return bool(self.host.strip())


@dataclass(frozen=True)
class SendOutcome:
    """What happened to one message; `status` decides what happens to its alerts."""

    status: str  # "sent" | "retry" | "failed" | "auth_failed"
    message: str  # human-readable, never contains the password
    refused: dict[str, str] = field(default_factory=dict)  # recipient -> reason (5xx)
    deferred: dict[str, str] = field(default_factory=dict)  # recipient -> reason (4xx, retry these)


# ---------------------------------------------------------------------------------------------
# Delivery


def _secrets(settings: SmtpSettings) -> list[str]:
    pw = settings.password
    if not pw:
        return []
    user = settings.username or ""
    forms = {
        pw,
        base64.b64encode(pw.encode()).decode(),
        base64.b64encode(f"\0{user}\0{pw}".encode()).decode(),
        repr(pw)[1:-1],
    }
    return sorted((s for s in forms if s), key=len, reverse=True)


def _redact(text: str, settings: SmtpSettings) -> str:
    for secret in _secrets(settings):
        text = text.replace(secret, "[redacted]")
    return text


def _reply(code: object, resp: object) -> str:
    if isinstance(resp, bytes):
        resp = resp.decode("utf-8", "replace")
    return one_line(f"{code} {resp}", 300)


def _class(code: object) -> str:
    """'retry' for 4xx (and anything unexpected), 'failed' for 5xx."""
    return "failed" if isinstance(code, int) and 500 <= code < 600 else "retry"


def _ssl_context(settings: SmtpSettings) -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    if settings.cafile:
        ctx.load_verify_locations(cafile=settings.cafile)
    return ctx


def _login(server: smtplib.SMTP, username: str, password: str) -> None:
    """smtplib's login encodes credentials as ASCII; send UTF-8 ones with AUTH PLAIN (RFC 4616)."""
    if (username + password).isascii():
        server.login(username, password)
        return
    token = base64.b64encode(f"\0{username}\0{password}".encode()).decode("ascii")
    code, resp = server.docmd("AUTH", f"PLAIN {token}")
    if code not in (235, 503):
        raise smtplib.SMTPAuthenticationError(code, resp)


def _attempt(msg: EmailMessage, settings: SmtpSettings) -> SendOutcome:
    where = f"{settings.host}:{settings.port}"
    server: smtplib.SMTP | None = None
    stage = "connect"
    try:
        if settings.security == "ssl":
            server = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=_ssl_context(settings)
            )
        else:
            server = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        stage = "greeting"
        server.ehlo()
        if settings.security == "starttls":
            if not server.has_extn("starttls"):
                return SendOutcome(
                    "auth_failed", f"{where} does not offer STARTTLS; refusing to send in the clear"
                )
            server.starttls(context=_ssl_context(settings))
            server.ehlo()
        stage = "login"
        if settings.username:
            if not server.has_extn("auth"):
                return SendOutcome("auth_failed", f"{where} does not offer AUTH; cannot log in")
            _login(server, settings.username, settings.password or "")
        stage = "transaction"
        refused = server.send_message(msg, from_addr=settings.sender)
        bad = {r: _reply(c, t) for r, (c, t) in refused.items() if _class(c) == "failed"}
        later = {r: _reply(c, t) for r, (c, t) in refused.items() if _class(c) != "failed"}
        text = f"accepted by {where}"
        if refused:
            text += f"; {len(refused)} recipient(s) refused"
        return SendOutcome("sent", text, bad, later)
    except smtplib.SMTPAuthenticationError as e:
        if isinstance(e.smtp_code, int) and 400 <= e.smtp_code < 500:
            return SendOutcome("retry", f"{where} deferred login: {_reply(e.smtp_code, e.smtp_error)}")
        return SendOutcome(
            "auth_failed",
            f"{where} rejected the login for user {settings.username!r}: {_reply(e.smtp_code, e.smtp_error)}",
        )
    except smtplib.SMTPNotSupportedError as e:  # e.g. a non-ASCII address and no SMTPUTF8
        return SendOutcome("failed" if stage == "transaction" else "auth_failed", f"{where}: {one_line(e, 300)}")
    except smtplib.SMTPRecipientsRefused as e:
        bad = {r: _reply(c, t) for r, (c, t) in e.recipients.items() if _class(c) == "failed"}
        later = {r: _reply(c, t) for r, (c, t) in e.recipients.items() if _class(c) != "failed"}
        status = "failed" if not later else "retry"
        return SendOutcome(status, f"{where} refused every recipient", bad, later)
    except smtplib.SMTPSenderRefused as e:
        return SendOutcome(_class(e.smtp_code), f"{where} refused sender: {_reply(e.smtp_code, e.smtp_error)}")
    except smtplib.SMTPDataError as e:
        return SendOutcome(_class(e.smtp_code), f"{where} refused the message: {_reply(e.smtp_code, e.smtp_error)}")
    except smtplib.SMTPResponseException as e:  # includes SMTPConnectError (e.g. 421 greeting)
        if stage in ("connect", "greeting") and _class(e.smtp_code) == "failed":
            # the server refuses us, not this message: every other message would fail the same way
            return SendOutcome("auth_failed", f"{where} refused the session: {_reply(e.smtp_code, e.smtp_error)}")
        return SendOutcome(_class(e.smtp_code), f"{where} answered {_reply(e.smtp_code, e.smtp_error)}")
    except smtplib.SMTPServerDisconnected as e:
        text = f"{where}: connection lost during {stage} ({one_line(e, 200) or 'no reply'})"
        if stage == "transaction" and "timed out" not in str(e):
            text += "; if this was after the final dot the message may have been delivered (a re-send carries the same Message-ID)"
        return SendOutcome("retry", text)
    except ssl.SSLCertVerificationError as e:
        return SendOutcome("auth_failed", f"{where}: TLS certificate rejected ({one_line(e.verify_message, 200)})")
    except TimeoutError:
        return SendOutcome("retry", f"{where} timed out during {stage} after {settings.timeout:g} s")
    except ConnectionRefusedError:
        return SendOutcome("retry", f"{where} refused the connection")
    except (OSError, smtplib.SMTPException) as e:
        return SendOutcome("retry", f"{where}: {type(e).__name__} during {stage}: {one_line(e, 300)}")
    except Exception as e:  # an smtplib surprise must not lose the alerts: keep them pending
        return SendOutcome("retry", f"{where}: unexpected {type(e).__name__} during {stage}: {one_line(e, 300)}")
    finally:
        if server is not None:
            try:
                server.quit()
            except (OSError, smtplib.SMTPException):
                server.close()


def send_message(msg: EmailMessage, settings: SmtpSettings) -> SendOutcome:
    """Send one message over SMTP and classify the result (see the module docstring)."""
    if not settings.configured:
        raise ValueError("SMTP is not configured (no host); write the message to the outbox instead")
    outcome = _attempt(msg, settings)
    clean = SendOutcome(
        outcome.status,
        _redact(outcome.message, settings),
        {k: _redact(v, settings) for k, v in outcome.refused.items()},
        {k: _redact(v, settings) for k, v in outcome.deferred.items()},
    )
    msgid = one_line(msg.get("Message-ID"), 200)
    level = logging.INFO if clean.status == "sent" and not clean.refused and not clean.deferred else logging.WARNING
    logger.log(level, "digest %s: %s (%s)", msgid, clean.status, clean.message)
    return clean


def write_eml(msg: EmailMessage, outbox: Path) -> Path:
    """Write the message to `<outbox>/<timestamp>-<hash of Message-ID>.eml` atomically.

    Idempotent: when a file for the same Message-ID exists, it is returned untouched. A message
    without a Message-ID is keyed by a hash of its bytes instead (same content, same file).
    """
    msgid = msg.get("Message-ID")
    data = msg.as_bytes()
    basis = str(msgid).strip().encode("utf-8") if msgid else data
    key = hashlib.sha256(basis).hexdigest()[:16]
    outbox = Path(outbox)
    outbox.mkdir(parents=True, exist_ok=True)
    existing = sorted(outbox.glob(f"*-{key}.eml"))
    if existing:
        return existing[0]
    try:
        when = parsedate_to_datetime(str(msg["Date"])) if msg.get("Date") else datetime.now(UTC)
    except (TypeError, ValueError):
        when = datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    target = outbox / f"{when.astimezone(UTC):%Y%m%dT%H%M%SZ}-{key}.eml"
    fd, tmp = tempfile.mkstemp(dir=outbox, prefix=".tmp-", suffix=".eml.part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    logger.info("message %s written to %s", one_line(msgid, 200) or "(no Message-ID)", target)
    return target
