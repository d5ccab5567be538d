"""One temporal rule as one record: its name, pattern, normaliser, trigger words
and window, checked when the rule is built (a rule missing a part fails at
import, naming the rule)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from extractors.timex.context import Ctx, Res

Normaliser = Callable[[re.Match, "Ctx"], "Res | list[Res] | None"]


class RuleError(ValueError):
    """A temporal rule is built with a part missing or malformed."""


@dataclass(frozen=True, slots=True, init=False)
class Rule:
    """An extent pattern and the normaliser that turns its match into a TIMEX3.

    ``triggers`` are lower-cased words of which every match holds at least
    one, or ``digits`` a pattern that a run of digits in every match fully
    matches; the tagger runs the pattern only in a ``window`` of (left, right)
    characters around them, which keeps tagging fast. ``priority`` breaks a
    tie between two matches of the same length. The normaliser returns None
    to refuse a match ("May" the verb), which frees its room for shorter
    candidates.
    """

    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    triggers: frozenset[str]
    digits: re.Pattern[str] | None
    window: tuple[int, int]
    priority: int

    def __init__(
        self,
        name: str,
        *,
        pattern: str,
        normalise: Normaliser,
        triggers: Iterable[str],
        digits: str | None,
        window: tuple[int, int],
        priority: int = 0,
    ) -> None:
        def fail(why: str) -> RuleError:
            return RuleError(f"temporal rule {name!r}: {why}")

        if not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise fail("the name must be a lower-case identifier")
        try:
            compiled = re.compile(pattern)
        except (re.error, TypeError) as e:
            raise fail(f"bad pattern ({e})") from e
        if not callable(normalise):
            raise fail("no normaliser")
        words = frozenset(triggers)
        if any(not isinstance(w, str) or w != w.lower() or not w for w in words):
            raise fail("trigger words must be lower-case words")
        if not words and not digits:
            raise fail("no trigger: give trigger words or a digits pattern")
        if not (isinstance(window, tuple) and len(window) == 2 and all(isinstance(k, int) and k >= 0 for k in window)):
            raise fail("the window must be (left, right) character counts")
        if not isinstance(priority, int):
            raise fail("the priority must be an integer")
        values: dict[str, Any] = {
            "name": name, "pattern": compiled, "normalise": normalise, "triggers": words,
            "digits": re.compile(digits) if digits else None, "window": window, "priority": priority,
        }
        for k, v in values.items():
            object.__setattr__(self, k, v)


N = TypeVar("N", bound=Normaliser)


class RuleBook:
    """The rules of one module in the order they are declared. A rule is
    declared on its normaliser (``@book.rule("month", pattern=..., ...)``),
    so its record stands beside the code that reads it and no rule can be
    written without joining the tagger."""

    def __init__(self) -> None:
        self._rules: list[Rule] = []

    def rule(
        self,
        name: str,
        *,
        pattern: str,
        window: tuple[int, int],
        triggers: Iterable[str] = (),
        digits: str | None = None,
        priority: int = 0,
    ) -> Callable[[N], N]:
        """A decorator that records the rule ``name`` with the function as its normaliser."""

        def record(normalise: N) -> N:
            self._rules.append(
                Rule(name, pattern=pattern, normalise=normalise, triggers=triggers, digits=digits, window=window, priority=priority)
            )
            return normalise

        return record

    def rules(self) -> tuple[Rule, ...]:
        return check_rules(self._rules)


def check_rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    """The rules as a tuple, refusing two records with one name."""
    out = tuple(rules)
    seen: set[str] = set()
    for r in out:
        if not isinstance(r, Rule):
            raise RuleError(f"not a temporal rule: {r!r}")
        if r.name in seen:
            raise RuleError(f"temporal rule {r.name!r} is defined twice")
        seen.add(r.name)
    return out
