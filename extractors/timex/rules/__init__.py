"""The temporal rules, one record each (see :class:`extractors.timex.rule.Rule`),
grouped by what they find; in each module a record is declared on its
normaliser (:class:`extractors.timex.rule.RuleBook`). Their order (the modules
here, the declarations within a module) is the order the tagger runs them in
(it breaks ties between equally long, equally preferred matches)."""

from __future__ import annotations

from extractors.timex.rule import Rule, check_rules
from extractors.timex.rules import anaphora, clock, days, durations, months, named, relative, years

RULES: tuple[Rule, ...] = check_rules(
    days.RULES + months.RULES + years.RULES + relative.RULES + durations.RULES
    + clock.RULES + anaphora.RULES + named.RULES
)
