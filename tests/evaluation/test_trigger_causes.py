"""Wrong triggers of the statements benchmark, put down to their causes."""

from __future__ import annotations

from collections import Counter
from datetime import date
from types import SimpleNamespace

import pytest

from evaluation.statements_eval import GoldStatement, Judged
from evaluation.trigger_causes import TriggerMiss, cause_table, frame_table, trigger_cause, trigger_misses


@pytest.mark.parametrize("sentence, system, gold, cause", [
    ("The plant announced layoffs in March 2026.", "lay off", "layoff", "lemma-form"),
    ("The board held a meeting on 4 May 2025.", "hold", "meeting", "light-verb"),
    ("The plan drew criticism in 2024.", "draw", "criticism", "light-verb"),
    ("The layoffs will begin in January 2026.", "begin", "layoff", "aspectual"),
    ("The mayor said on Monday that the bridge would reopen in 2027.", "say", "reopen", "reporting"),
    ("The harvest was poor in 2023.", "be", "harvest", "copula"),
    ("The town signed the pact in 2019, and the signing was televised.", "sign", "signing", "noun-verb"),
    ("The ferry sailed from the harbour in June 2021.", "harbour", "sail", "head"),
    ("Visitors liked the new museum that opened in 2022.", "like", "open", "dependent"),
    ("The river rose in 2020.", "river", "flood", "gold-absent"),
    ("The river rose in 2020.", "event", "rise", "elsewhere"),
    ("The firm axed the plan in 2016.", "ax", "axe", "lemma-form"),
])
def test_a_wrong_trigger_is_put_down_to_its_cause(models, sentence, system, gold, cause):
    doc = models.parser(sentence)
    at = next((t.idx for t in doc if t.lemma_.lower() == system.split()[0]), None)
    assert trigger_cause(doc, system, gold, at) == cause


def test_a_trigger_of_another_gold_statement_and_a_missing_one_are_told_apart(models):
    doc = models.parser("The club opened in 2001 and closed in 2019.")
    assert trigger_cause(doc, "close", "open", None, other_gold=["close"]) == "other-gold"
    assert trigger_cause(doc, "close", "open", None) != "other-gold"
    assert trigger_cause(doc, None, "open") == "no-trigger"
    assert trigger_cause(doc, "close", "be") == "label-frame"


def _judged(sentence: str, written: str, system: str, gold: str, key: str) -> Judged:
    at = sentence.index(written)
    st = SimpleNamespace(trigger=system, trigger_text=written, trigger_start=100 + at,
                         char_start=100, sentence=sentence, date=SimpleNamespace(value=date(2024, 1, 1)))
    g = GoldStatement(key=key, expr="in 2024", date="2024", trigger=gold)
    return Judged("p", "s", "article", st, True, "match", g)


def test_the_misses_of_a_report_and_the_frame_verb_counts(models):
    judged = [
        _judged("The board held a meeting in 2024.", "held", "hold", "meeting", "The board held a meeting"),
        _judged("The firm held its ground in 2024.", "held", "hold", "hold", "The firm held its ground"),
        _judged("The town grew in 2024.", "grew", "grow", "grow", "The town grew in 2024."),
    ]
    report = SimpleNamespace(judged=judged, missed=[])
    misses, frames = trigger_misses(report, models.parser)
    assert [(m.system, m.gold, m.cause) for m in misses] == [("hold", "meeting", "light-verb")]
    assert frames == Counter({("hold", "agreed"): 1, ("hold", "refused"): 1})
    assert frame_table(frames).splitlines()[1].split() == ["hold", "1", "1"]


def test_the_cause_table_has_a_column_per_set():
    m = TriggerMiss("p", "hold", "meeting", "light-verb", "")
    a = TriggerMiss("p", "begin", "layoff", "aspectual", "")
    lines = cause_table([("wcxb-dev", m), ("news-a", m), ("news-a", a)]).splitlines()
    assert lines[0].split() == ["cause", "count", "dev", "news-a"]
    assert lines[1].split() == ["light-verb", "2", "1", "1"]
    assert lines[2].split() == ["aspectual", "1", "1"]
