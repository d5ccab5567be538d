"""Misses and false statements of the statements benchmark, put down to their causes."""

from __future__ import annotations

from evaluation.statement_causes import causes, table
from evaluation.statements_eval import GoldPage, GoldStatement, GoldTrap

BODY = ("<h1>Bridge news</h1>"
        "<p>The council approved the plan to rebuild the old bridge in March 2023 after a long debate.</p>"
        "<p>The council did not reopen the ferry in May 2023, to the regret of many townspeople.</p>"
        "<p>Which bridge will the council rebuild in 2027, now that the money is there?</p>")
HTML = f"<html><head><title>Bridge news</title></head><body><main>{BODY}</main></body></html>".encode()


def test_misses_and_false_statements_by_cause(models):
    gold = (
        GoldStatement("The council approved the plan", "in March 2023", "2023-03", precision="month", trigger="approve"),
        GoldStatement("The council did not reopen", "in May 2023", "2023-05", precision="month", trigger="reopen"),
        GoldStatement("The ferry sailed again in", "in June 2023", "2023-06", precision="month", trigger="sail"),
    )
    page = GoldPage("p1", "article", "example.org", "https://example.org/bridge", "2023-07-01", gold,
                    (GoldTrap("Which bridge will the council", "in 2027", "question"),), content=HTML)
    rows = causes([page], models)
    got = sorted((kind, cause) for _, kind, cause, _ in rows)
    assert got == [("miss", "cleaner-drop"), ("miss", "rule:negated")]
    assert "rule:negated" in table(rows)
