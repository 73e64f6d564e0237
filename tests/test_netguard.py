"""Destination guard (F7, A1): blocked before connecting, checked on resolved addresses.

Every "internal" target here is a 127.0.0.x address or a name for one; each test asserts the
loopback server received no request. No test connects anywhere outside 127.0.0.0/8.
"""

from __future__ import annotations

import asyncio
import socket

import pytest
from faultserver import FaultServer

from newsmon.fetch import Fetcher, FetchOptions
from newsmon.netguard import BlockedDestination, GuardedBackend, blocked_reason


def run(coro):
    return asyncio.run(coro)


async def fetch_one(url: str, options: FetchOptions | None = None, resolver=None):
    async with Fetcher(options or FetchOptions(timeout=2.0, deadline=5.0), resolver=resolver) as fetcher:
        return await fetcher.fetch(url)


@pytest.fixture(scope="module")
def server():
    with FaultServer() as srv:
        yield srv


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.0.0.2", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "255.255.255.255",
        "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1",
        "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "2002:7f00:1::1", "198.18.0.1",
        "192.0.2.1", "240.0.0.1",
    ],
)
def test_netguard_blocked_reason_refuses_non_global(address):
    assert blocked_reason(address) is not None


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "2a00:1450::1"])
def test_netguard_blocked_reason_allows_global(address):
    assert blocked_reason(address) is None


def test_netguard_resolve_requires_every_address_global():
    """One non-global address among public ones is enough to refuse (no connection is made)."""

    async def resolver(host, port):
        return ["8.8.8.8", "10.0.0.1"]

    backend = GuardedBackend(resolver=resolver)
    with pytest.raises(BlockedDestination):
        run(backend.resolve("mixed.example", 80))


def test_netguard_allowed_hosts_open_only_listed_names():
    async def resolver(host, port):
        return ["127.0.0.1"]

    backend = GuardedBackend(allowed_hosts=("Internal.Example.",), resolver=resolver)
    assert run(backend.resolve("internal.example", 80)) == ["127.0.0.1"]
    with pytest.raises(BlockedDestination):
        run(backend.resolve("other.example", 80))


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "127.0.0.2", "localhost", "2130706433", "127.1", "0x7f.1", "0177.0.0.1", "[::ffff:127.0.0.1]", "[::1]"],
)
def test_netguard_default_guard_blocks_loopback_before_connecting(server, host):
    """F7: loopback in every spelling is refused by the default (closed) guard; no request arrives."""
    path = f"/internal-{abs(hash(host))}"
    server.route(path, lambda req: (_ for _ in ()).throw(AssertionError("request reached the server")))
    result = run(fetch_one(server.url(path, host=host)))
    assert not result.ok
    assert result.error.kind in ("blocked_destination", "invalid_url"), result.error
    assert server.count(path) == 0


def test_netguard_dns_rebinding_name_to_loopback_blocked(server):
    """A public-looking name that resolves to loopback at connect time is refused."""

    async def resolver(host, port):
        return ["127.0.0.1"]

    result = run(fetch_one(f"http://news.example.com:{server.port}/rebound", resolver=resolver))
    assert result.error.kind == "blocked_destination"
    assert server.count("/rebound") == 0


def test_netguard_redirect_to_internal_blocked_and_not_persisted(server):
    """F7: an allowed origin redirecting (301) to another loopback name is refused on that hop."""
    server.add_redirect("/to-internal", server.url("/secret", host="localhost"), status=301)
    result = run(fetch_one(server.url("/to-internal"), FetchOptions(allowed_hosts=("127.0.0.1",))))
    assert result.error.kind == "blocked_destination"
    assert result.permanent_redirect is None
    assert server.count("/to-internal") == 1 and server.count("/secret") == 0


@pytest.mark.parametrize(
    "url",
    ["file:///etc/hostname", "gopher://127.0.0.1:{port}/x", "ftp://127.0.0.1:{port}/x", "javascript:alert(1)",
     "data:text/plain,hi", "mailto:a@example.org", "/relative/feed.xml"],
)
def test_netguard_non_http_schemes_refused(server, url):
    result = run(fetch_one(url.format(port=server.port), FetchOptions(allow_private_networks=True)))
    assert result.error.kind in ("unsupported_scheme", "invalid_url")
    assert server.count("/x") == 0


def test_netguard_redirect_to_file_scheme_refused(server):
    server.add_redirect("/to-file", "file:///etc/hostname")
    result = run(fetch_one(server.url("/to-file"), FetchOptions(allowed_hosts=("127.0.0.1",))))
    assert result.error.kind == "unsupported_scheme"
    assert "hostname" not in (result.body or b"").decode()


def test_netguard_allowlist_opens_guard_for_tests(server):
    """Stringer's lesson: the loopback server is reached only with the explicit allowlist."""
    before = server.count("/ok.xml")
    assert run(fetch_one(server.url("/ok.xml", host="localhost"), FetchOptions(allowed_hosts=("localhost",)))).ok
    assert run(fetch_one(server.url("/ok.xml"), FetchOptions(allow_private_networks=True))).ok
    assert server.count("/ok.xml") == before + 2


def test_netguard_unix_socket_refused():
    with pytest.raises(BlockedDestination):
        run(GuardedBackend().connect_unix_socket("/var/run/docker.sock"))


def test_netguard_system_resolver_used_for_literals():
    """Alternate IPv4 spellings resolve (locally, no DNS query) to loopback and are refused."""
    backend = GuardedBackend()
    for host in ("2130706433", "127.1"):
        with pytest.raises(BlockedDestination):
            run(backend.resolve(host, 80))
    assert socket.inet_aton("127.1") == socket.inet_aton("127.0.0.1")


def test_netguard_article_link_to_internal_address_never_fetched(server):
    """A1: an entry link pointing at an internal name is refused for articles too."""
    server.route("/private-article", lambda req: (_ for _ in ()).throw(AssertionError("reached")))

    async def go():
        async with Fetcher(FetchOptions()) as fetcher:
            return await fetcher.fetch(server.url("/private-article", host="localhost"), kind="article")

    result = run(go())
    assert result.error.kind == "blocked_destination"
    assert server.count("/private-article") == 0
