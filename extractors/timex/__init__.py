"""Temporal expression tagger and normaliser (TIMEX3).

A rule cascade in the manner of HeidelTime and SUTime:

1. Extent rules (:mod:`extractors.timex.rules`, one record each: name,
   pattern, normaliser, trigger words, window) find candidate spans. Each
   rule runs only in windows around its trigger words (a month name, a unit
   word, a four-digit number, ...), which keeps tagging at a few
   milliseconds per 1,000 words (:mod:`extractors.timex.select`).
2. The longest non-overlapping candidates are kept. The rule's normaliser
   turns each into a TIMEX3 type and value, or refuses it ("May" the verb,
   "2000 troops"); a refused span frees its room for shorter candidates.
3. Normalisation walks the document in order and keeps a reference date
   (:mod:`extractors.timex.context`):

   * deictic expressions ("yesterday", "last year", "two weeks ago") resolve
     against the anchor (the document's creation date);
   * anaphoric ones ("the following year", "that month", "two days later")
     resolve against the most recently mentioned date;
   * underspecified ones ("in March", "on Monday", "June 28") take their year
     from the anchor in news (direction from tense cues: "said Friday" is
     the past Friday, "will meet Friday" the coming one) and from the most
     recently mentioned date in narratives.

   Tense cues come from the clause around the expression (see
   :meth:`Ctx.direction`); a month-day far from the anchor takes its side
   from them too ("the year ended March 31"). A report on a quarter keeps
   that quarter in focus: "the latest period", "a year ago" and "the
   year-earlier quarter" count from it.

   A document counts as a narrative when it has no anchor, when the years it
   names lie mostly far from the anchor (a history article written in 2009
   about 1939), or when it names many years and hardly any news deixis (a
   chronicle of recent events). One algorithm serves both; the switch is a
   property of the text, never of its source.

Values never claim more precision than the text: "2012" is the year 2012,
"the 1990s" the decade "199". :func:`date_mentions` turns the concrete
DATE/TIME values into calendar periods with the role their cue words give
("since 2001", "until 2014", "from 2001 to 2014").

Calendar words (months, weekdays, seasons, holidays, number words) come
from ``extractors/data/calendar_words.toml``; periods and their arithmetic
are in :mod:`extractors.timex.periods`, number words in
:mod:`extractors.timex.numbers`, regex building blocks and cue patterns in
:mod:`extractors.timex.patterns`.

Public API: :func:`tag_timexes` and :func:`date_mentions`.
"""

from extractors.timex.mentions import date_mentions, tag_timexes
from extractors.timex.rule import Rule, RuleError
from extractors.timex.rules import RULES

__all__ = ["RULES", "Rule", "RuleError", "date_mentions", "tag_timexes"]
