"""The site of a page: one definition for every eval that groups pages by
site (folds by site, per-site tables), so a site is the same group in each.

A site is the page's host name, lower case, without a port and without a
leading "www." (``www.example.com`` and ``example.com`` are one site);
other subdomains stay sites of their own (``news.example.com``).
"""

from __future__ import annotations

from urllib.parse import urlsplit


def site_of(url: str | None, fallback: str = "") -> str:
    """The site of ``url``, a URL or a bare host name ("www.example.com" as
    the statement labels write it); ``fallback`` when it names no host."""
    if url and "//" not in url:
        url = "//" + url  # a bare host: urlsplit reads a host only after "//"
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.") or fallback
