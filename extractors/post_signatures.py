"""Signature lines of embedded posts: an embedded tweet ends with its
author, handle and day ("— Jane Smith (@jsmith) June 1, 2017"). The line
has no verb; it states that the author posted on that day, and it is the
only place the page dates the post.

A forum post's header ("jdoe (Jane Doe) November 8, 2024, 8:42pm 2": the
poster's handle, their name, the post's day and time, its number in the
thread, as forum software prints it) is a label of the post too.

A forum's edit note ("Last edited by jdoe; Feb 17, 2026 at 9:17 am",
"Edited by jdoe on 3 May 2024"; the editor a one-word handle) is a label of the post, not a statement:
its date is the day of an edit the page does not tell of.
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


# "(Last) edited|modified by <handle>[;,:] (on) <date>": the edit note closing
# a post; the editor is one word, a user's handle ("Updated by the council on
# ..." is a sentence)
_EDIT_NOTE = re.compile(
    r"(?:^|[\n|·•.!?]\s*)(?i:(?:last\s+)?(?:edited|modified)\s+by)\s+[^\s;,:]{1,40}\s*[;,:]?\s*(?i:on\s+|at\s+)?[^\n.!?;]{0,16}$"
)


def is_edit_note(text: str, date_start: int) -> bool:
    """True when the date starting at ``text[date_start:]`` is the day of a
    post's edit note ("Last edited by jdoe; Feb 17, 2026")."""
    return _EDIT_NOTE.search(text[max(0, date_start - 70) : date_start]) is not None


# "<handle> (<name>) <month day, year>, <clock> <post number>": a forum post's header line (the handle one
# word, the name in brackets and the number optional; the day and time alone may head an event's listing)
_POST_HEADER = re.compile(
    r"[\w.@-]{2,40}(?:\s+\([^()\n]{2,60}\))?\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}),?\s+"
    r"\d{1,2}:\d{2}\s*(?:[aApP]\.?[mM]\.?)?(?:\s+\d{1,4})?"
)


def is_post_header(line: str) -> bool:
    """True when ``line`` is a forum post's header: the poster, the post's day and time, its number."""
    return _POST_HEADER.fullmatch(" ".join(line.split())) is not None
