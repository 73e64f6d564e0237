"""Destination guard: which addresses newsmon may connect to, checked at connect time.

httpx resolves host names itself, so a check of the URL before the request is bypassable by DNS
rebinding and by alternate IPv4 spellings (``2130706433``, ``0177.0.0.1``, ``127.1``). The guard is
therefore an httpcore network backend: it resolves the name once, requires *every* resolved address
to be global (IPv4-mapped IPv6 unwrapped; CGNAT 100.64.0.0/10, NAT64 64:ff9b::/96, multicast and
unspecified refused) and then connects to the validated IP itself. TLS still uses the host name
(httpcore passes ``server_hostname`` to ``start_tls``), so certificate checks are unchanged.

Errors raised here (not httpcore exceptions, so httpx passes them through untouched)::

    GuardError
    +-- BlockedDestination   kind "blocked_destination"
    +-- DNSFailure           kind "dns"
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import typing
from collections.abc import Awaitable, Callable, Iterable

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# async (host, port) -> addresses; the default is the system resolver (getaddrinfo)
Resolver = Callable[[str, int], Awaitable[Iterable[str]]]

# Ranges refused even when ``ipaddress`` calls them global.
EXTRA_BLOCKED_NETWORKS = (
    ipaddress.ip_network("100.64.0.0/10"),  # CGNAT (Tailscale and friends)
    ipaddress.ip_network("64:ff9b::/96"),  # NAT64: 64:ff9b::a9fe:a9fe is 169.254.169.254
    ipaddress.ip_network("64:ff9b:1::/48"),  # local-use NAT64
    ipaddress.ip_network("2002::/16"),  # 6to4 embeds arbitrary IPv4 addresses
)


class GuardError(Exception):
    """Base of the errors the destination guard raises."""

    kind = "blocked_destination"


class BlockedDestination(GuardError):
    """The host resolved to an address newsmon must not connect to."""

    kind = "blocked_destination"


class DNSFailure(GuardError):
    """The host name did not resolve."""

    kind = "dns"


def blocked_reason(address: str | IPAddress) -> str | None:
    """Why an address is not allowed (``None`` when it is a public, global unicast address)."""
    try:
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return blocked_reason(ip.ipv4_mapped)
        if ip.scope_id:
            return "scoped IPv6 address"
    if ip.is_unspecified:
        return "unspecified address"
    if ip.is_loopback:
        return "loopback address"
    if ip.is_link_local:
        return "link-local address"
    if ip.is_multicast:
        return "multicast address"
    for net in EXTRA_BLOCKED_NETWORKS:
        if ip.version == net.version and ip in net:
            return f"address in {net}"
    if ip.is_private or not ip.is_global:
        return "private or reserved address"
    return None


def _normalize_host(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that validates the resolved addresses before connecting."""

    def __init__(
        self,
        *,
        allow_private_networks: bool = False,
        allowed_hosts: Iterable[str] = (),
        inner: httpcore.AsyncNetworkBackend | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self.allow_private_networks = allow_private_networks
        self.allowed_hosts = frozenset(_normalize_host(h) for h in allowed_hosts if h)
        self._inner = inner or httpcore.AnyIOBackend()
        self._resolver = resolver

    def host_is_open(self, host: str) -> bool:
        """True when the configuration lets this host reach any address."""
        return self.allow_private_networks or _normalize_host(host) in self.allowed_hosts

    async def resolve(self, host: str, port: int) -> list[str]:
        """Resolve a host to its addresses, refusing any non-global one unless the host is opened."""
        name = _normalize_host(host)
        try:
            if self._resolver is not None:
                resolved = list(await self._resolver(name, port))
            else:
                infos = await asyncio.get_running_loop().getaddrinfo(
                    name, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
                )
                resolved = [str(info[4][0]) for info in infos]
        except (socket.gaierror, UnicodeError, OSError) as exc:
            raise DNSFailure(f"cannot resolve host {host!r}: {exc}") from None
        addresses: list[str] = []
        for addr in resolved:
            addr = addr.split("%", 1)[0]
            if addr not in addresses:
                addresses.append(addr)
        if not addresses:
            raise DNSFailure(f"host {host!r} resolved to no address")
        if not self.host_is_open(host):
            for addr in addresses:
                reason = blocked_reason(addr)
                if reason is not None:
                    raise BlockedDestination(
                        f"host {host!r} resolves to a non-public address ({reason}); "
                        "allow it with fetch.allow_private_networks or fetch.allowed_hosts"
                    )
        return addresses

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await self.resolve(host, port)
        last_exc: Exception | None = None
        for addr in addresses:
            try:
                return await self._inner.connect_tcp(
                    addr, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_exc = exc
        assert last_exc is not None
        raise last_exc

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedDestination("unix sockets are not allowed")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
