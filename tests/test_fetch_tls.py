"""TLS through the guarded backend (F1 tls, F6 https->http), with certificates made in the test."""

from __future__ import annotations

import asyncio
import datetime as dt
import ssl

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from faultserver import SAMPLE_FEED, FaultServer

from newsmon.fetch import Fetcher, FetchOptions


def make_cert(tmp_path, name: str, *, expired: bool = False) -> tuple[str, str]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    start, end = (now - dt.timedelta(days=30), now - dt.timedelta(days=1)) if expired else (
        now - dt.timedelta(days=1), now + dt.timedelta(days=30))
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path = tmp_path / f"{name}.pem"
    key_path = tmp_path / f"{name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_path), str(key_path)


def server_context(cert: str, key: str) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    return ctx


def fetch(url: str, options: FetchOptions):
    async def go():
        async with Fetcher(options) as fetcher:
            return await fetcher.fetch(url)

    return asyncio.run(go())


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("certs")
    return {"good": make_cert(tmp, "good"), "expired": make_cert(tmp, "expired", expired=True)}


def test_fetch_tls_self_signed_refused_verification_on(certs):
    """F1: an untrusted certificate is a tls error; verification is never switched off."""
    with FaultServer(ssl_context=server_context(*certs["good"])) as srv:
        result = fetch(srv.url("/ok.xml", host="localhost"), FetchOptions(allowed_hosts=("localhost",)))
    assert result.error.kind == "tls"


def test_fetch_tls_expired_certificate_refused(certs):
    cert, key = certs["expired"]
    with FaultServer(ssl_context=server_context(cert, key)) as srv:
        result = fetch(srv.url("/ok.xml", host="localhost"), FetchOptions(allowed_hosts=("localhost",), ca_file=cert))
    assert result.error.kind == "tls"


def test_fetch_tls_trusted_certificate_verifies_hostname_while_connecting_to_ip(certs):
    """The guard connects to the resolved IP; TLS still verifies the name (the cert has no IP SAN)."""
    cert, key = certs["good"]
    with FaultServer(ssl_context=server_context(cert, key)) as srv:
        ok = fetch(srv.url("/ok.xml", host="localhost"), FetchOptions(allowed_hosts=("localhost",), ca_file=cert))
        by_ip = fetch(srv.url("/ok.xml"), FetchOptions(allowed_hosts=("127.0.0.1",), ca_file=cert))
    assert ok.ok and ok.body == SAMPLE_FEED
    assert by_ip.error.kind == "tls"  # certificate is for "localhost", not 127.0.0.1


def test_fetch_https_to_http_downgrade_refused(certs):
    """F6: an https feed redirecting to http is refused; the http server gets no request."""
    cert, key = certs["good"]
    with FaultServer() as plain, FaultServer(ssl_context=server_context(cert, key)) as secure:
        secure.add_redirect("/moved", plain.url("/ok.xml", host="localhost"), status=301)
        options = FetchOptions(allowed_hosts=("localhost",), ca_file=cert)
        result = fetch(secure.url("/moved", host="localhost"), options)
        assert result.error.kind == "redirect" and "downgrade" in result.error.message
        assert result.permanent_redirect is None
        assert secure.count("/moved") == 1 and plain.count("/ok.xml") == 0
