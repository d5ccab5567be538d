"""Nouns that name a text or a programme ("agreement", "declaration",
"action plan"): one list for every rule that asks whether a subject is a
text rather than a party (extractors.roles' document subjects, facts.lexicon's
text that "followed" or "came")."""

from __future__ import annotations

DOCUMENT_NOUNS = frozenset(
    """programme program agreement declaration treaty accord pact protocol convention charter memorandum deal plan
    initiative framework roadmap resolution arrangement partnership statute constitution""".split())
