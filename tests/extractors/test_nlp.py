"""The text the parser reads."""

from __future__ import annotations

from extractors.nlp import parser_text


def test_typographic_apostrophes_become_plain_ones_one_character_for_one():
    text = "It\u2019s open until the \u2018last\u2019 day, Maria\u2019s shop says."
    plain = parser_text(text)
    assert len(plain) == len(text) and "\u2019" not in plain and "\u2018" not in plain
    assert plain.startswith("It's open") and "Maria's" in plain


def test_a_plain_apostrophe_makes_the_copula_of_a_contraction(models):
    doc = models.parser(parser_text("It\u2019s valid until 10 December 2025."))
    assert [t.lemma_ for t in doc][:3] == ["it", "be", "valid"]


def test_a_dated_sentence_is_read_plain_only_while_the_plain_quotes_rule_is_on():
    from extractors.document import parsed_text
    from extractors.rule_switches import rules_off

    text = "The shop\u2019s sale ends on 4 May."
    assert parsed_text(text) == "The shop's sale ends on 4 May."
    with rules_off(["plain-quotes"]):
        assert parsed_text(text) == text


def test_reference_marks_are_blanked_one_character_for_one():
    text = "Twitter,[8] polling.[9][note 2] A claim[citation needed] in a list [a] of items."
    plain = parser_text(text)
    assert len(plain) == len(text)
    expected = text
    for mark in ("[8]", "[9]", "[note 2]", "[citation needed]"):
        expected = expected.replace(mark, " " * len(mark))
    assert plain == expected  # "[a]" after a space is no mark: it stays
