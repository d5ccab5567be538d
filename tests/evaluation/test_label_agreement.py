"""A second reading scored against the first the way the system is: identical readings agree fully,
and each kind of disagreement costs what it costs a system statement."""

from __future__ import annotations

from dataclasses import replace

from evaluation.label_agreement import agreement, as_statement
from evaluation.statements_eval import GoldPage, GoldStatement, GoldTrap


def _page(statements, traps=()):
    return GoldPage(page_id="0001", page_type="article", site="news.example.org", url="", doc_date="2025-05-01",
                    statements=tuple(statements), not_statements=tuple(traps))


FIRST = _page([
    GoldStatement("The mill reopened on 3", "on 3 May", "2025-05-03", precision="day", trigger="reopen",
                  participants=("Mill Co",)),
    GoldStatement("Talks began in 2019 and", "in 2019", "2019", precision="year", trigger="begin"),
    GoldStatement("Twenty years ago the town", "Twenty years ago", None, trigger="found"),
], [GoldTrap("Best mills of 2025", "2025", "heading")])


def test_a_reading_agrees_with_itself():
    m = agreement([FIRST], [FIRST]).metrics
    assert (m["precision"], m["recall"], m["trigger_accuracy"], m["participant_f1"]) == (1.0, 1.0, 1.0, 1.0)


def test_disagreements_cost_what_they_cost_the_system():
    second = replace(FIRST, statements=(
        replace(FIRST.statements[0], trigger="open"),                 # same statement, another trigger
        replace(FIRST.statements[1], date="2020"),                     # another year
        GoldStatement("Best mills of 2025", "2025", "2025", precision="year"),  # the first's heading
    ))
    report = agreement([FIRST], [second])
    m = report.metrics
    assert m["matched"] == 1 and m["system"] == 3 and m["gold"] == 3
    assert m["fp_wrong_date"] == 1 and m["fp_on_traps"] == 1
    assert m["trigger_accuracy"] == 0.0
    assert {g.key for _, g, _ in report.missed} == {"Talks began in 2019 and", "Twenty years ago the town"}


def test_an_unresolvable_date_agrees_only_with_an_unresolvable_one():
    undated = GoldStatement("Twenty years ago the town", "Twenty years ago", None)
    dated = replace(undated, date="2005", precision="year")
    assert agreement([_page([undated])], [_page([dated])]).metrics["matched"] == 1  # the first's null agrees with any
    assert agreement([_page([dated])], [_page([undated])]).metrics["matched"] == 0
    assert as_statement(undated).date.value == ""
