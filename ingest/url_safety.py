"""URL checks for fetching: scheme, address ranges (SSRF), credential masking."""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_SECRET_PARAM = re.compile(r"(token|key|secret|password|passwd|pwd|auth|signature|sig|session|credential)", re.I)


class UnsafeURL(ValueError):
    """The URL may not be fetched (scheme or address not allowed)."""


def mask_url(url: str) -> str:
    """The URL with user:password and secret-looking query values replaced by ***."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparseable url>"
    netloc = parts.netloc
    if "@" in netloc:
        netloc = "***@" + netloc.rsplit("@", 1)[1]
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode([(k, "***" if _SECRET_PARAM.search(k) else v) for k, v in pairs], safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def mask_secrets(text: str, url: str) -> str:
    """Replace every occurrence of ``url``'s credentials in a message."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return text.replace(url, mask_url(url))
    out = text.replace(url, mask_url(url))
    for secret in (parts.password, parts.username):
        if secret:
            out = out.replace(secret, "***")
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if value and _SECRET_PARAM.search(key):
            out = out.replace(value, "***")
    return out


def _is_forbidden(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return (
        addr.is_private
        or addr.is_loopback
        or addr.is_link_local
        or addr.is_multicast
        or addr.is_reserved
        or addr.is_unspecified
        or (isinstance(addr, ipaddress.IPv4Address) and addr in ipaddress.ip_network("100.64.0.0/10"))
    )


def address_allowed(addr: ipaddress.IPv4Address | ipaddress.IPv6Address, allowed_networks: tuple[str, ...] = ()) -> bool:
    """A public address, or one inside ``allowed_networks``."""
    return not _is_forbidden(addr) or any(addr in ipaddress.ip_network(n, strict=False) for n in allowed_networks)


def check_url(url: str, *, allow_private: bool, allowed_networks: tuple[str, ...] = ()) -> None:
    """Raise UnsafeURL unless ``url`` is http(s) and resolves only to public
    addresses, or to ``allowed_networks``, or ``allow_private``. Called again
    for every redirect target."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeURL(f"malformed URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise UnsafeURL(f"scheme '{parts.scheme}' is not allowed (only http and https)")
    host = parts.hostname
    if not host:
        raise UnsafeURL("URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise UnsafeURL(f"cannot resolve host '{host}': {exc.strerror}") from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address_allowed(addr, allowed_networks):
            raise UnsafeURL(
                f"host '{host}' resolves to {addr}, a private, loopback, link-local or reserved address; "
                "set allow_private = true on the source to fetch it anyway"
            )
