"""The fetch budget: one wall-clock deadline and one address policy for every
request of a fetch (pages, robots.txt, each redirect hop), enforced at the
socket.

httpx's timeouts bound each socket operation, not a request: a server that
sends one byte a second never trips a read timeout. Here every connect, read
and write of the calling thread is given at most what is left of its
deadline, and every connection is checked against the address policy after
it is made (so a DNS answer that changes between the check and the connect
cannot reach a forbidden address).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpcore
import httpx

from ingest.url_safety import address_allowed


@dataclass(frozen=True, slots=True)
class Policy:
    allow_private: bool = False
    allow_networks: tuple[str, ...] = ()


class _Active(threading.local):
    deadline: float | None = None  # time.monotonic() value
    policy: Policy | None = None


_active = _Active()


class DeadlineExceeded(httpcore.ReadTimeout):
    """The request's wall-clock deadline passed."""


class RefusedAddress(httpcore.ConnectError):
    """The connection reached an address the policy forbids."""


@contextmanager
def budget(seconds: float, policy: Policy) -> Iterator[None]:
    """Every request the calling thread makes inside runs under ``seconds`` of
    wall clock (all hops together) and ``policy``."""
    saved = (_active.deadline, _active.policy)
    _active.deadline, _active.policy = time.monotonic() + seconds, policy
    try:
        yield
    finally:
        _active.deadline, _active.policy = saved


def remaining() -> float | None:
    if _active.deadline is None:
        return None
    return _active.deadline - time.monotonic()


def _bounded(timeout: float | None) -> float | None:
    left = remaining()
    if left is None:
        return timeout
    if left <= 0:
        raise DeadlineExceeded("the request's deadline passed")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream):
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None):
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout)))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        stream = self._inner.connect_tcp(host, port, _bounded(timeout), local_address, socket_options)
        policy = _active.policy
        if policy is not None and not policy.allow_private:
            sock: socket.socket = stream.get_extra_info("socket")
            peer = ipaddress.ip_address(sock.getpeername()[0].split("%", 1)[0])
            if not address_allowed(peer, policy.allow_networks):
                stream.close()
                raise RefusedAddress(f"host '{host}' connected to {peer}, a private, loopback, link-local or reserved "
                                     "address; set allow_private = true on the source to fetch it anyway")
        return _Stream(stream)

    def connect_unix_socket(self, path, timeout=None, socket_options=None):  # pragma: no cover - never used
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def make_transport(*, verify: bool = True) -> httpx.HTTPTransport:
    """An httpx transport whose connections obey the calling thread's budget."""
    transport = httpx.HTTPTransport(verify=verify, trust_env=False)
    old = transport._pool  # httpx offers no public hook for the network backend
    transport._pool = httpcore.ConnectionPool(
        ssl_context=old._ssl_context, max_connections=old._max_connections,
        max_keepalive_connections=old._max_keepalive_connections, keepalive_expiry=old._keepalive_expiry,
        http1=True, http2=False, network_backend=_Backend(),
    )
    return transport
