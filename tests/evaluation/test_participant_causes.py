"""Missed and false participants of matched statements, put down to their causes."""

from __future__ import annotations

import re

import pytest

from evaluation.participant_causes import causes, same_entity, scopes
from evaluation.statements_eval import GoldPage, GoldStatement

BODY = ("<p>Acme Corporation builds bridges across the county of Northshire and beyond.</p>"
        "<p>Acme Corporation opened the new bridge in Riverton in March 2023 after a long delay.</p>")
HTML = f"<html><head><title>Bridge news</title></head><body><main>{BODY}</main></body></html>".encode()


def test_same_entity_by_initials_or_a_distinctive_word():
    assert same_entity("JWST", "James Webb Space Telescope")
    assert same_entity("Delaware Chancery Court", "Delaware Court of Chancery")
    assert not same_entity("NASA", "European Space Agency")


def test_missed_and_false_participants_by_cause(models):
    gold = (GoldStatement("Acme Corporation opened the new", "in March 2023", "2023-03", precision="month",
                          participants=("Acme Corporation", "Harbour Authority")),)
    page = GoldPage("p1", "article", "example.org", "https://example.org/bridge", "2023-07-01", gold, content=HTML)
    rows = causes([page], models)
    got = sorted((kind, cause) for _, kind, cause, _ in rows)
    # the authority is nowhere on the page; Riverton is the happening's place, which this gold leaves out
    assert got == [("false", "place"), ("miss", "absent")]


def test_participants_scored_from_the_clause_and_from_the_whole_sentence(models):
    html = (b"<html><body><main><p>Acme Corporation opened the new bridge in March 2023, while Beta Industries "
            b"watched from across the river in silence.</p></main></body></html>")
    gold = (GoldStatement("Acme Corporation opened the new", "in March 2023", "2023-03", precision="month",
                          participants=("Acme Corporation",)),)
    page = GoldPage("p1", "article", "example.org", "https://example.org/bridge", "2023-07-01", gold, content=html)
    got = scopes([page], models)
    assert got["clause"] == (1.0, 1.0, 1.0)
    assert got["sentence"][0] < 1.0 and got["sentence"][1] == 1.0  # Beta Industries is another clause's


def test_a_reporter_left_out_is_its_own_cause():
    from evaluation.participant_causes import _reports
    from extractors.entities import EntityMention

    sentence = "Chile will sign the treaty on June 4, Foreign Minister Ana Silva said in Geneva."
    silva = EntityMention("Ana Silva", "PERSON", 0, 0, "Ana Silva")
    chile = EntityMention("Chile", "GPE", 0, 0, "Chile")
    assert _reports("Ana Silva", sentence, [silva, chile])
    assert not _reports("Chile", sentence, [silva, chile])
    quoted = "“The probe is healthy,” said Hubble’s mission lead Maria Gomez."
    hubble = EntityMention("Hubble", "ORG", 0, 0, "Hubble")
    assert not _reports("Hubble", quoted, [hubble])


def test_a_reporter_is_a_whole_word():
    from evaluation.participant_causes import _reports
    from extractors.entities import EntityMention

    india = EntityMention("India", "GPE", 0, 0, "India")
    assert not _reports("India", "India will join the pact on May 2, said Indiana officials.", [india])
    assert _reports("India", "The pact will grow on May 2, said India.", [india])


def test_a_reporter_is_read_with_the_products_verbs_of_saying():
    from evaluation.participant_causes import _REPORTING, _forms

    assert _forms("say") == {"say", "says", "said"}
    assert _forms("deny") == {"deny", "denies", "denied"}
    assert _forms("disclose") == {"disclose", "discloses", "disclosed"}
    assert re.fullmatch(_REPORTING, "tweeted") and re.fullmatch(_REPORTING, "admitted")
    assert not re.fullmatch(_REPORTING, "bought")


def test_a_third_person_that_is_as_often_a_noun_is_no_verb_of_saying():
    from evaluation.participant_causes import _REPORTING

    for noun in ("states", "reports", "posts", "notes"):  # "the member states", "annual reports"
        assert not re.fullmatch(_REPORTING, noun)
    assert re.fullmatch(_REPORTING, "stated") and re.fullmatch(_REPORTING, "says")


def test_a_rule_is_kept_for_a_held_out_site_only_when_it_helps_on_the_others():
    from evaluation.participant_causes import fold_choice

    on = {"a": (1, 1, 1), "b": (1, 1, 1), "c": (0, 1, 1)}
    # off helps site c only: every fold that holds c out keeps the rule (it helps on a and b)
    off = {"rule": {"a": (0, 1, 1), "b": (0, 1, 1), "c": (1, 1, 1)}}
    total, turned = fold_choice(on, off)
    assert total == (2, 3, 3) and turned == {"rule": 0}
    # the rule hurts on a and b: every fold turns it off, c too
    on = {"a": (0, 1, 1), "b": (0, 1, 1), "c": (1, 1, 1)}
    off = {"rule": {"a": (1, 1, 1), "b": (1, 1, 1), "c": (1, 1, 1)}}
    total, turned = fold_choice(on, off)
    assert total == (3, 3, 3) and turned == {"rule": 3}


def test_a_fold_that_turns_two_rules_off_is_scored_with_both_off():
    from evaluation.participant_causes import fold_choice

    # both rules hurt on a and b; on c each alone changes nothing, both off together lose c's one name
    on = {"a": (0, 1, 1), "b": (0, 1, 1), "c": (1, 1, 1)}
    off = {"x": {"a": (1, 1, 1), "b": (1, 1, 1), "c": (1, 1, 1)},
           "y": {"a": (1, 1, 1), "b": (1, 1, 1), "c": (1, 1, 1)}}
    both = {"a": (1, 1, 1), "b": (1, 1, 1), "c": (0, 1, 1)}
    asked = []

    def counts_off(rules):
        asked.append(rules)
        return both

    total, turned = fold_choice(on, off, counts_off)
    assert turned == {"x": 3, "y": 3} and set(asked) == {frozenset({"x", "y"})}
    assert total == (2, 3, 3)  # scored with one rule's counts alone, site c would count its name as found
    with pytest.raises(ValueError, match="counts together"):
        fold_choice(on, off)
