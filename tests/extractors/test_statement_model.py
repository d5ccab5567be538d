"""The statement model: features a candidate gets from its parse and its page, the probability, the threshold."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from extractors.events import DatedStatement, group_dates_by_sentence, statements_from_parse
from extractors.reading import read_texts
from extractors.statement_model import (
    FEATURES,
    MODEL_PATH,
    PAGE_FEATURES,
    PARSE_FEATURES,
    collecting_features,
    features_wanted,
    judge_statements,
    load_model,
    page_features,
    probability,
)
from extractors.timex import date_mentions
from extractors.types import BlockRole, CleanPage, DateMention, TextBlock

ANCHOR = date(2025, 6, 12)


def features_of(text, models):
    (reading,) = read_texts([text], models.reader)
    out = []
    for sentence, dates in group_dates_by_sentence(reading.sentences, date_mentions(text, ANCHOR)):
        parsed = models.parser(text[sentence[0]:sentence[1]])
        with collecting_features():
            out.extend(statements_from_parse(text, sentence, parsed, dates, reading.mentions))
    assert out, text
    return dict(zip(PARSE_FEATURES, out[0].features))


def test_parse_features_say_tense_voice_person_and_where_the_date_stands(models):
    f = features_of("NASA launched the telescope on 25 December 2021.", models)
    assert (f["past_tense"], f["present_tense"], f["subject_named"], f["date_fronted"], f["anchored"]) == (1, 0, 1, 0, 0)
    assert f["date_modifies_trigger"] == 1 and f["trigger_verb"] == 1
    f = features_of("In 2019 we were acquired by a larger firm.", models)
    assert (f["passive"], f["first_person"], f["date_fronted"], f["date_opens_sentence"]) == (1, 1, 1, 1)
    f = features_of("Last Friday the council approved the plan.", models)
    assert f["anchored"] == 1 and f["day"] == 1


def test_shape_features_say_how_the_date_stands_and_whether_the_sentence_has_a_finite_verb(models):
    f = features_of("The council approved the plan in 2019.", models)
    assert (f["date_after_preposition"], f["date_before_noun"], f["bare_number"], f["explicit_year"]) == (1, 0, 1, 1)
    assert f["no_finite_verb"] == 0
    f = features_of("The 2019 survey found more renters than owners.", models)
    assert f["date_before_noun"] == 1 and f["date_after_preposition"] == 0
    f = features_of("Opening of the new library on 12 March 2024.", models)
    assert f["no_finite_verb"] == 1 and f["explicit_year"] == 1 and f["bare_number"] == 0


def test_a_date_before_a_noun_is_one_that_qualifies_it_not_one_followed_by_any_noun(models):
    # the next word is a noun, but the date is the object of "by", not the noun's qualifier
    f = features_of("He said that by 2030 emissions will fall.", models)
    assert f["date_before_noun"] == 0 and f["date_after_preposition"] == 1


def test_each_of_two_equal_dates_gets_its_own_place(models):
    text = "The 2019 models sold well, and prices rose in 2019."
    (reading,) = read_texts([text], models.reader)
    feats = []
    for sentence, dates in group_dates_by_sentence(reading.sentences, date_mentions(text, ANCHOR)):
        parsed = models.parser(text[sentence[0]:sentence[1]])
        with collecting_features():
            feats.extend((st.date.char_start, dict(zip(PARSE_FEATURES, st.features)))
                         for st in statements_from_parse(text, sentence, parsed, dates, reading.mentions))
    later = [f for start, f in feats if start == text.rindex("2019")]
    assert later and all(f["date_before_noun"] == 0 and f["date_after_preposition"] == 1 for f in later)


def test_general_features_say_a_date_written_without_digits_coordinated_or_possessive(models):
    f = features_of("Last Friday the council approved the plan.", models)
    assert (f["date_without_digit"], f["date_coordinated"], f["date_possessive"]) == (1, 0, 0)
    f = features_of("The show will be held on May 4 and May 5, 2026, at the hall.", models)
    assert f["date_coordinated"] == 1 and f["date_without_digit"] == 0
    f = features_of("The sequel to 2024's hit film was adored by the fans.", models)
    assert f["date_possessive"] == 1


@pytest.mark.parametrize("text", ["The 2000 watt heater launched on 3 May 2021.", "The agency opened its office in 2019."])
def test_a_sentence_whose_clause_has_a_verb_has_a_finite_verb(models, text):
    assert features_of(text, models)["no_finite_verb"] == 0


def test_a_model_naming_a_feature_the_code_does_not_compute_is_refused(tmp_path):
    bad = tmp_path / "model.json"
    bad.write_text('{"features": ["no_such_feature"], "mean": [0.5], "scale": [0.5], "weights": [1.0], '
                   '"intercept": 0.0, "threshold": 0.0}', encoding="utf-8")
    with pytest.raises(ValueError, match="no_such_feature"):
        load_model.__wrapped__(bad)


NO_FEATURES = (0.0,) * len(PARSE_FEATURES)


def _statement(start: int, sentence: str, when: date, features=NO_FEATURES) -> DatedStatement:
    dm = DateMention(start, start + 4, "2020", when, when, "day")
    return DatedStatement(start, start + len(sentence), sentence, dm, "open", "opened", start, "begin", (), 0.5,
                          features=tuple(features))


def test_page_features_say_the_block_and_the_page_date():
    text = "Opened in 2020.\n\nA list entry of 2030."
    page = CleanPage(text=text, published_at=datetime(2024, 1, 1, tzinfo=UTC), blocks=(
        TextBlock(0, 15, BlockRole.PARAGRAPH), TextBlock(17, len(text), BlockRole.LIST_ITEM)))
    a = _statement(0, "Opened in 2020.", date(2020, 1, 1))
    b = _statement(17, "A list entry of 2030.", date(2030, 1, 1))
    fa, fb = page_features(page, [a, b])
    assert (fa["in_paragraph"], fa["in_list_item"], fa["after_page_date"]) == (1.0, 0.0, 0.0)
    assert (fb["in_paragraph"], fb["in_list_item"], fb["after_page_date"]) == (0.0, 1.0, 1.0)
    assert fa["page_position"] == 0.0 < fb["page_position"] < 1.0
    assert fa["page_dated"] == 1.0 and 0 < fa["years_from_page_date"] < fb["years_from_page_date"]
    second = _statement(0, "Opened in 2020.", date(2021, 1, 1))
    f1, f2 = page_features(page, [a, second])
    assert (f1["later_in_sentence"], f2["later_in_sentence"]) == (0.0, 1.0) and f1["same_sentence"] > 0


def test_probability_from_standardised_weights_and_threshold_holds_back():
    model = {"features": ["past_tense"], "mean": [0.5], "scale": [0.5], "weights": [2.0], "intercept": 0.0,
             "threshold": 0.5}
    assert probability({"past_tense": 1.0}, model) == pytest.approx(1 / (1 + 2.718281828 ** -2), abs=1e-6)
    assert probability({"past_tense": 0.0}, model) < 0.5
    assert probability({}, None) == 0.5
    past = dict.fromkeys(PARSE_FEATURES, 0.0) | {"past_tense": 1.0}
    text = "Opened in 2020. Opens in 2020."
    page = CleanPage(text=text)
    a = _statement(0, "Opened in 2020.", date(2020, 1, 1), [past[k] for k in PARSE_FEATURES])
    b = _statement(16, "Opens in 2020.", date(2020, 1, 1))
    kept, held = judge_statements(page, [a, b], model)
    assert [s.sentence for s in kept] == ["Opened in 2020."] and [s.sentence for s in held] == ["Opens in 2020."]
    assert kept[0].confidence > 0.5 > held[0].confidence
    assert len(kept[0].features) == len(FEATURES) == len(PARSE_FEATURES) + len(PAGE_FEATURES)


def test_a_statement_dated_by_its_section_is_judged_too():
    text = "10 April 2025\n\nThe talk opens the series."
    page = CleanPage(text=text, blocks=(TextBlock(0, 13, BlockRole.HEADING, level=3),
                                        TextBlock(15, len(text), BlockRole.PARAGRAPH)))
    st = replace(_statement(15, "The talk opens the series.", date(2025, 4, 10)), features=(),
                 date=DateMention(0, 13, "10 April 2025", date(2025, 4, 10), date(2025, 4, 10), "day"))
    (f,) = page_features(page, [st])
    assert f["dated_by_section"] == 1.0 and f["section_level"] == pytest.approx(3 / 7)


def test_the_stored_model_names_known_features_and_a_threshold():
    model = load_model(MODEL_PATH)
    assert model is not None
    assert set(model["features"]) <= set(FEATURES)
    assert len(model["weights"]) == len(model["features"]) == len(model["mean"]) == len(model["scale"])
    assert 0.0 <= model["threshold"] < 1.0


def test_features_are_computed_only_when_the_model_weighs_some_or_a_fit_collects_them(models):
    base = {"features": [], "mean": [], "scale": [], "weights": [], "intercept": 1.0, "threshold": 0.0}
    weighed = {"features": ["past_tense"], "mean": [0.5], "scale": [0.5], "weights": [2.0], "intercept": 0.0}
    assert not features_wanted(base) and features_wanted(weighed)
    with collecting_features():
        assert features_wanted(base)
    text = "Opened in 2020. Opens in 2020."
    page = CleanPage(text=text)
    a = _statement(0, "Opened in 2020.", date(2020, 1, 1))
    b = _statement(16, "Opens in 2020.", date(2020, 1, 1))
    kept, held = judge_statements(page, [a, b], base)
    assert not held and {s.confidence for s in kept} == {round(probability({}, base), 3)}
    assert all(s.features == () for s in kept)
    with collecting_features():
        kept, _ = judge_statements(page, [a, b], base)
    assert {s.confidence for s in kept} == {round(probability({}, base), 3)}
    assert all(len(s.features) == len(FEATURES) for s in kept)


def test_page_features_say_a_heading_the_place_in_the_block_and_an_anchor_without_a_page_date():
    text = "Opened in 2020.\n\nIt grew. It closed in 2023."
    blocks = (TextBlock(0, 15, BlockRole.HEADING, 2), TextBlock(17, len(text), BlockRole.PARAGRAPH))
    a = _statement(0, "Opened in 2020.", date(2020, 1, 1))
    b = _statement(26, "It closed in 2023.", date(2023, 1, 1))
    fa, fb = page_features(CleanPage(text=text, published_at=datetime(2024, 1, 1, tzinfo=UTC), blocks=blocks), [a, b])
    assert (fa["in_heading"], fa["first_in_block"], fa["block_offset"]) == (1.0, 1.0, 0.0)
    assert (fb["in_heading"], fb["first_in_block"]) == (0.0, 0.0) and 0 < fb["block_offset"] < 1
    assert fa["days_before_page_date"] > fb["days_before_page_date"] > 0 and fa["anchored_undated"] == 0.0
    # a date resolved against an anchor on a page with no date of its own
    anchored = replace(b, date=replace(b.date, anchored=True))
    (f,) = page_features(CleanPage(text=text, blocks=blocks), [anchored])
    assert f["anchored_undated"] == 1.0 and f["page_dated"] == 0.0 and f["days_before_page_date"] == 0.0
