"""Misses and false statements of the statements benchmark, put down to their causes."""

from __future__ import annotations

from datetime import date, datetime, timezone

from evaluation.statement_causes import causes, page_causes, reads_date, table
from evaluation.statements_eval import GoldPage, GoldStatement, GoldTrap
from extractors.document import ProcessedDocument
from extractors.types import CleanPage

BODY = ("<h1>Bridge news</h1>"
        "<p>The council approved the plan to rebuild the old bridge in March 2023 after a long debate.</p>"
        "<p>The council did not reopen the ferry in May 2023, to the regret of many townspeople.</p>"
        "<p>Which bridge will the council rebuild in 2027, now that the money is there?</p>")
HTML = f"<html><head><title>Bridge news</title></head><body><main>{BODY}</main></body></html>".encode()


def read_page(text: str, statements=()) -> ProcessedDocument:
    """A read page of the given text and statements (none held back, not skipped)."""
    return ProcessedDocument(doc_id="d", source_id="x", snapshot_sha256="0", url="",
                             fetched_at=datetime(2025, 1, 1, tzinfo=timezone.utc), page=CleanPage(text=text),
                             anchor=date(2025, 1, 1), statements=tuple(statements))


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


def test_the_cause_table_counts_each_cause_per_page_type():
    rows = [
        ("forum", "miss", "no-candidate", "a"),
        ("service", "miss", "no-candidate", "b"),
        ("service", "false", "no-key", "c"),
        ("forum", "miss", "merged", "d"),
        ("service", "miss", "no-candidate", "e"),
    ]
    lines = table(rows).splitlines()
    assert lines[0].split() == ["kind", "cause", "count", "forum", "service"]
    assert lines[1].split() == ["miss", "no-candidate", "3", "1", "2"]
    assert lines[2].split() == ["miss", "merged", "1", "1"]
    assert lines[3].split() == ["false", "no-key", "1", "1"]


def test_a_miss_whose_date_the_cleaner_dropped_is_told_apart():
    gold = GoldStatement(key="Preventing Burnout: Recharge Before", expr="April 22, 2025", date="2025-04-22")
    page = GoldPage(page_id="x", page_type="service", site="s", url="", doc_date=None, statements=(gold,))
    text = "Upcoming Webinars\n\nPreventing Burnout: Recharge Before It Is Too Late\n\nBy: A Speaker"
    result = read_page(text)
    assert page_causes(page, result, {}) == [("miss", "date-dropped", "x 'Preventing Burnout: Recharge Before' 'April 22, 2025' -> 2025-04-22")]


def test_a_date_the_tagger_does_not_read_is_told_from_one_it_reads():
    text = "Intro.\n\nI plan to write again in a month with photos. We met on 3 March 2024 in Paris."
    assert reads_date(text, GoldStatement(key="We met on 3 March", expr="on 3 March 2024", date="2024-03-03"))
    assert not reads_date(text, GoldStatement(key="I plan to write again", expr="in a month", date="2026-03"))


def test_one_statement_for_two_gold_statements_of_one_date_is_told_apart():
    from extractors.events import dated_statement
    from extractors.types import DateMention

    text = "Intro.\n\nChina and Japan said on 3 May 2024 they had signed the pact."
    s0 = text.index("China")
    at = text.index("on 3 May 2024")
    day = DateMention(at, at + 13, "on 3 May 2024", date(2024, 5, 3), date(2024, 5, 3), "day")
    said = dated_statement(text, (s0, len(text)), day, "say", ("China", "Japan"), "", confidence=0.9)
    gold = tuple(GoldStatement(key="China and Japan said on", expr="on 3 May 2024", date="2024-05-03",
                               participants=(who,)) for who in ("China", "Japan"))
    page = GoldPage(page_id="x", page_type="article", site="s", url="", doc_date=None, statements=gold)
    result = read_page(text, (said,))
    assert [(kind, cause) for kind, cause, _ in page_causes(page, result, {})] == [("miss", "one-for-two")]
