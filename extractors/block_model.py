"""Block classifier: generic features of a text block -> probability of main text.

Filled in below; ``apply`` returns False when no model file is present so the
rule-based decision is used.
"""

from __future__ import annotations


def apply(seg) -> bool:  # noqa: ANN001 - typed in the full version
    return False
