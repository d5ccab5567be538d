"""Page text made safe for a terminal.

Pages are written by strangers: an escape sequence in a sentence could move
the cursor, retitle the window, hide lines or ring the bell when a table or a
diff is printed. Terminal output shows such characters as visible escapes
(``\\x1b``); the tables keep the text as the page had it.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidi overrides and
# isolates that reorder what follows them on screen (Trojan Source)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control character shown as an escape; ``one_line``
    also shows newlines and tabs so one value stays on one line."""
    out = _UNSAFE.sub(_visible, text)
    if one_line:
        out = out.replace("\n", "\\n").replace("\t", "\\t")
    return out


_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # json.dumps escapes C0 itself


def json_printable(encoded: str) -> str:
    """A JSON document with the controls json.dumps leaves raw written as \\u escapes (same data)."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
