"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd), with faults on demand.

    with SmtpServer(auth=("alerts", "s3cret")) as smtp:
        smtp.fail("rcpt", "550 5.1.1 no such user", recipient="bad@example.org")
        smtp.fail("mail", "421 4.3.2 try later", times=1)   # heals after one use
        smtp.drop_after_data()                                # close after the final dot
        smtp.stop(); ...; smtp.start()                        # refused connections, same port
    with SmtpServer(tls="starttls") as smtp: ...             # or "ssl"; trusts smtp.cafile
        settings = smtp.settings(username="alerts", password="s3cret")
        ... smtp.messages[0].message["Subject"] ...

Stages for `fail`: "connect" (the greeting, then the server hangs up), "mail", "rcpt" (all recipients, or one with `recipient=`), "data" (after the
final dot, the message is then not kept) and "auth" (every AUTH attempt answers `reply`).
`delay(stage, seconds)` makes the server hang at a stage (client timeouts). `free_port()` gives a
port with nothing listening (connection refused). Messages that the server accepted, or that it
received before dropping the connection, are in `messages` (`Received` records).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import shutil
import socket
import ssl
import tempfile
import threading
import time
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

from newsmon.mailer import SmtpSettings

STAGES = ("connect", "mail", "rcpt", "data", "auth")


def make_certificate(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1/localhost: (cert.pem, key.pem). The cert is its own CA."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "newsmon test SMTP")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


def free_port() -> int:
    """A TCP port on 127.0.0.1 with nothing listening (connecting to it is refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Received:
    """One message as the server received it."""

    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    login: str | None
    dropped: bool = False  # the connection was closed after the final dot, no reply sent

    @property
    def message(self) -> EmailMessage:
        return BytesParser(policy=policy.default).parsebytes(self.data)


@dataclass
class _Fault:
    stage: str
    reply: str | None
    recipient: str | None = None
    times: int | None = None  # None: until cleared
    delay: float = 0.0


@dataclass
class _State:
    faults: list[_Fault] = field(default_factory=list)
    drop_after_data: int | None = None  # number of times; -1 for always
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, stage: str, recipient: str | None = None) -> _Fault | None:
        with self.lock:
            for f in self.faults:
                if f.stage != stage or (f.recipient and (recipient or "").lower() != f.recipient.lower()):
                    continue
                if f.times is not None:
                    f.times -= 1
                    if f.times <= 0:
                        self.faults.remove(f)
                return f
        return None

    def take_drop(self) -> bool:
        with self.lock:
            if not self.drop_after_data:
                return False
            if self.drop_after_data > 0:
                self.drop_after_data -= 1
            return True


class _Handler:
    def __init__(self, owner: SmtpServer) -> None:
        self.owner = owner

    async def _fault(self, stage: str, recipient: str | None = None) -> str | None:
        fault = self.owner._state.take(stage, recipient)
        if fault is None:
            return None
        if fault.delay:
            await asyncio.sleep(fault.delay)
        return fault.reply

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: N802
        reply = await self._fault("mail")
        if reply:
            return reply
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        reply = await self._fault("rcpt", address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        auth = session.auth_data
        login = auth.login.decode("utf-8", "replace") if isinstance(auth, LoginPassword) else None
        record = Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content or b""), login)
        if self.owner._state.take_drop():
            record.dropped = True
            self.owner.messages.append(record)
            server.transport.abort()
            return "250 OK"  # never reaches the client
        reply = await self._fault("data")
        if reply:
            return reply
        self.owner.messages.append(record)
        return "250 OK queued"


class _SMTP(SMTP):
    """aiosmtpd's server, able to greet with a fault reply and hang up."""

    def __init__(self, handler, *, owner: SmtpServer, **kwargs) -> None:
        super().__init__(handler, **kwargs)
        self._owner = owner

    async def _handle_client(self) -> None:
        fault = self._owner._state.take("connect") if self._owner._listening else None
        if fault is not None and fault.reply:
            await self.push(fault.reply)
            self.transport.close()
            return
        await super()._handle_client()


class _Controller(Controller):
    def __init__(self, handler, *, owner: SmtpServer, **kwargs) -> None:
        self._owner = owner
        super().__init__(handler, **kwargs)

    def factory(self) -> SMTP:
        return _SMTP(self.handler, owner=self._owner, **self.SMTP_kwargs)


class SmtpServer:
    """Context manager: a real aiosmtpd server on 127.0.0.1 with a free port."""

    def __init__(
        self,
        *,
        auth: tuple[str, str] | None = None,
        tls: str | None = None,
        port: int | None = None,
        smtputf8: bool = True,
    ) -> None:
        """`tls`: None (plain), "starttls" (offer STARTTLS) or "ssl" (implicit TLS); see `cafile`.
        `smtputf8=False` stops offering SMTPUTF8 (non-ASCII addresses then cannot be sent)."""
        if tls not in (None, "starttls", "ssl"):
            raise ValueError("tls must be None, 'starttls' or 'ssl'")
        self.host = "127.0.0.1"
        self.port = port or free_port()
        self.auth = auth
        self.tls = tls
        self.smtputf8 = smtputf8
        self.cafile: str | None = None  # the self-signed certificate to trust, when tls is set
        self._certdir: str | None = None
        self._server_ctx: ssl.SSLContext | None = None
        self.messages: list[Received] = []
        self.auth_attempts: list[tuple[str, bool]] = []  # (login, success)
        self._state = _State()
        self._controller: Controller | None = None
        self._listening = False  # the start-up probe connection must not consume faults

    # -- faults -------------------------------------------------------------------------------

    def fail(self, stage: str, reply: str, *, recipient: str | None = None, times: int | None = None) -> None:
        """Answer `reply` (e.g. "451 4.3.0 try later") at `stage`, `times` times or until `heal()`."""
        if stage not in STAGES:
            raise ValueError(f"stage must be one of {STAGES}")
        self._state.faults.append(_Fault(stage, reply, recipient, times))

    def delay(self, stage: str, seconds: float, *, times: int | None = None) -> None:
        """Hang for `seconds` at `stage` before answering normally (client timeouts)."""
        if stage not in STAGES:
            raise ValueError(f"stage must be one of {STAGES}")
        self._state.faults.append(_Fault(stage, None, None, times, seconds))

    def drop_after_data(self, times: int = -1) -> None:
        """Close the connection after the final dot without replying (RFC 1047 gap)."""
        self._state.drop_after_data = times

    def heal(self) -> None:
        """Clear every fault: the server answers normally again."""
        with self._state.lock:
            self._state.faults.clear()
            self._state.drop_after_data = None

    # -- life cycle ---------------------------------------------------------------------------

    def _authenticator(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        login = password = ""
        if isinstance(auth_data, LoginPassword):
            login = auth_data.login.decode("utf-8", "replace")
            password = auth_data.password.decode("utf-8", "replace")
        fault = self._state.take("auth")
        if fault is not None and fault.reply:
            self.auth_attempts.append((login, False))
            return AuthResult(success=False, handled=False, message=fault.reply)
        ok = self.auth is not None and (login, password) == self.auth
        self.auth_attempts.append((login, ok))
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    def start(self) -> None:
        """Start listening (again, on the same port)."""
        if self._controller is not None:
            return
        kwargs: dict = {"enable_SMTPUTF8": self.smtputf8}
        if self.auth is not None:
            kwargs.update(authenticator=self._authenticator, auth_require_tls=False)
        if self.tls and self._server_ctx is None:
            self._certdir = tempfile.mkdtemp(prefix="newsmon-smtp-cert-")
            cert, key = make_certificate(Path(self._certdir))
            self._server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            self._server_ctx.load_cert_chain(cert, key)
            self.cafile = str(cert)
        if self.tls == "starttls":
            kwargs["tls_context"] = self._server_ctx
        elif self.tls == "ssl":
            kwargs["ssl_context"] = self._server_ctx
        last: Exception | None = None
        for _ in range(20):
            controller = _Controller(_Handler(self), owner=self, hostname=self.host, port=self.port, **kwargs)
            try:
                controller.start()
            except OSError as e:  # port briefly busy after stop()
                last = e
                time.sleep(0.05)
                continue
            self._controller = controller
            self._listening = True
            return
        raise RuntimeError(f"SMTP test server could not listen on {self.host}:{self.port}: {last}")

    def stop(self) -> None:
        """Stop listening: connections to the port are refused until `start()`."""
        self._listening = False
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> SmtpServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
        if self._certdir:
            shutil.rmtree(self._certdir, ignore_errors=True)

    # -- helpers ------------------------------------------------------------------------------

    def settings(self, **overrides) -> SmtpSettings:
        """SmtpSettings pointing at this server (its TLS mode and certificate, short timeout)."""
        values = {"host": self.host, "port": self.port, "security": self.tls or "plain", "timeout": 5.0,
                  "cafile": self.cafile}
        values.update(overrides)
        return SmtpSettings(**values)
