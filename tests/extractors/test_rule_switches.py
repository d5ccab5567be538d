"""Named rule switches: all on in the product, turned off only inside a block;
an audited run keeps what the clause rules drop and says which fired."""

from datetime import date

import pytest

from extractors.events import group_dates_by_sentence, statement_key, statements_from_parse
from extractors.reading import read_texts
from extractors.rule_switches import DEFAULT_OFF, PARSE_RULES, RULES, auditing, rule_on, rules_off, rules_on
from extractors.timex import date_mentions


def test_rules_are_on_unless_turned_off_in_a_block():
    assert rule_on("model-year")
    with rules_off({"model-year"}):
        assert not rule_on("model-year") and rule_on("question")
    assert rule_on("model-year")
    assert PARSE_RULES <= RULES.keys()


def test_a_default_off_rule_is_on_only_in_a_rules_on_block_and_stays_off_under_rules_off():
    assert "dateline" in DEFAULT_OFF and not rule_on("dateline")
    with rules_off({"model-year"}):
        assert not rule_on("dateline")
    with rules_on({"dateline"}):
        assert rule_on("dateline")
        with rules_off({"model-year"}):  # turning another rule off keeps it on
            assert rule_on("dateline") and not rule_on("model-year")
    assert not rule_on("dateline")


def test_an_unknown_rule_is_an_error():
    with pytest.raises(ValueError, match="unknown rule"):
        with rules_off({"no-such-rule"}):
            pass


def test_a_date_rule_turned_off_lets_the_date_through():
    text = "The 2026 Toyota Camry review is out."
    assert [m.text for m in date_mentions(text, date(2026, 1, 5))] == []
    with rules_off({"model-year"}):
        assert [m.text for m in date_mentions(text, date(2026, 1, 5))] == ["2026"]


def _statements(text, models, anchor=date(2025, 6, 2)):
    (reading,) = read_texts([text], models.reader)
    out = []
    for sentence, dates in group_dates_by_sentence(reading.sentences, date_mentions(text, anchor)):
        out.extend(statements_from_parse(text, sentence, models.parser(text[sentence[0]:sentence[1]]), dates,
                                         reading.mentions))
    return out


def test_an_audited_run_keeps_dropped_statements_with_the_rules_that_fired(models):
    text = "Will the agency launch the probe in 2027? The agency launched the probe in 2024."
    assert [s.date.date_start.year for s in _statements(text, models)] == [2024]
    with auditing() as log:
        sts = _statements(text, models)
    assert {s.date.date_start.year: log[statement_key(s)] for s in sts} == {2027: frozenset({"question"}),
                                                                         2024: frozenset()}


def test_a_participant_rule_is_switched_here_and_left_out_of_the_statement_folds():
    from extractors.entities import EntityMention
    from extractors.roles import line_participants
    from extractors.rule_switches import PARTICIPANT_RULES

    assert PARTICIPANT_RULES <= RULES.keys() and not PARTICIPANT_RULES & PARSE_RULES
    text = "Green Tech Summit Opens In Riverton"
    mentions = [EntityMention(text="Green Tech", label="ORG", char_start=0, char_end=10, key="Green Tech")]
    assert line_participants(text, (0, len(text)), mentions) == ()
    with rules_off({"title-case-lines"}):
        assert line_participants(text, (0, len(text)), mentions) == ("Green Tech",)
