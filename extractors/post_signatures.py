"""Signature lines of embedded posts: an embedded tweet ends with its
author, handle and day ("— Jane Smith (@jsmith) June 1, 2017"). The line
has no verb; it states that the author posted on that day, and it is the
only place the page dates the post.
"""

from __future__ import annotations

import re

POST_TRIGGER = "post"

# "— <name> (@handle) <date>" closing the sentence; the name has no brackets or dashes.
_SIGNATURE = re.compile(r"(?:^|\s)[—–-]\s*(?P<name>[^—–()\n]{2,60}?)\s*\(@\w{1,30}\)\s*(?P<date>[^()\n]{6,40}?)\s*$")


def post_signature(line: str) -> tuple[str, int, int, int] | None:
    """(author, signature start, date start, date end) of a post's signature
    closing ``line`` (offsets into ``line``), or None."""
    m = _SIGNATURE.search(line)
    if m is None:
        return None
    name = " ".join(m.group("name").split())
    if not name[:1].isupper():
        return None
    start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
    return name, start, m.start("date"), m.end("date")
