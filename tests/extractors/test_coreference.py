"""Participants named by a pronoun or a description, resolved within the page."""

from datetime import date

from extractors.acronyms import AcronymDefinition
from extractors.coreference import Via, page_discourse
from extractors.entities import EntityMention, mentions_from_spans
from tests.extractors.sample_statements import statements


def _m(text: str, name: str, label: str, nth: int = 0) -> EntityMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return EntityMention(name, label, start, start + len(name), name)


def test_names_of_one_entity_are_chained_and_the_most_named_is_the_topic():
    text = "James Webb Space Telescope (JWST) is ready. Webb flies. JWST works. Webb sees. NASA waits."
    mentions = [_m(text, "James Webb Space Telescope", "ORG"), _m(text, "JWST", "ORG"), _m(text, "Webb", "PERSON", 1),
                _m(text, "JWST", "ORG", 1), _m(text, "Webb", "PERSON", 2), _m(text, "NASA", "ORG")]
    acronyms = [AcronymDefinition("JWST", "James Webb Space Telescope", 0, 33)]
    d = page_discourse([(0, 43), (44, 55), (56, 67), (68, 78), (79, 90)], mentions, acronyms)
    assert d.chain("Webb") == d.chain("JWST") == "James Webb Space Telescope"
    assert d.topic == "James Webb Space Telescope"
    assert d.label("Webb") == "ORG"  # what most of the chain's mentions say
    assert d.chain("NASA") == "NASA"


def test_a_name_held_by_two_longer_names_joins_neither():
    text = "Twitter Board met. Twitter UK Limited filed. Twitter grew."
    mentions = [_m(text, "Twitter Board", "ORG"), _m(text, "Twitter UK Limited", "ORG"), _m(text, "Twitter", "ORG", 2)]
    d = page_discourse([(0, 18), (19, 44), (45, 58)], mentions)
    assert d.chain("Twitter") == "Twitter"


def test_a_pronoun_subject_is_the_entity_named_before(models):
    text = ("Apple opened a new campus in Austin. Samsung watched. "
            "It announced on Tuesday, March 3, 2020 that the campus was full.")
    (st,) = statements(text, models, anchor=date(2020, 3, 10))
    assert st.participants[0] == "Samsung"  # the nearest entity of a compatible type, its sentence's subject first
    (res,) = st.resolved
    assert res.via is Via.PRONOUN and text[res.char_start:res.char_end] == "It" and res.key == "Samsung"
    assert "Samsung" not in st.written_participants()


def test_he_is_a_person_and_it_is_not(models):
    text = "Microsoft hired Satya Nadella in 1992. He became chief executive on February 4, 2014."
    sts = statements(text, models, anchor=date(2020, 1, 1))
    became = next(s for s in sts if s.trigger == "become")
    assert became.participants[:1] == ("Satya Nadella",)


def test_a_description_by_its_head_noun_or_its_kind(models):
    text = ("The Hubble Space Telescope was built by NASA. Engineers planned to launch the telescope in 1986. "
            "Boeing built parts. The company said on March 1, 1990 that work was done.")
    sts = statements(text, models, anchor=date(1990, 6, 1))
    launch = next(s for s in sts if s.date.date_start.year == 1986)
    assert "Hubble Space Telescope" in launch.participants
    said = next(s for s in sts if s.date.date_start.year == 1990)
    assert said.participants[:1] == ("Boeing",)
    assert [r.via for r in said.resolved] == [Via.DESCRIPTION]


def test_without_a_compatible_entity_nothing_is_resolved(models):
    (st,) = statements("It rained heavily on 3 March 2020.", models, anchor=date(2020, 3, 10))
    assert st.resolved == () and st.participants == ()


def test_a_name_inside_a_hyphenated_word_is_no_mention():
    text = "The then-US President spoke about low-Earth orbit and Indo-Pacific trade."
    spans = [(text.index("US"), text.index("US") + 2, "GPE"), (text.index("Earth"), text.index("Earth") + 5, "LOC"),
             (text.index("Indo-Pacific"), text.index("Indo-Pacific") + 12, "LOC")]
    assert [m.key for m in mentions_from_spans(text, spans)] == ["Indo-Pacific"]


def test_a_statement_naming_no_one_tells_of_the_page_topic(models, monkeypatch):
    import extractors.roles

    text = ("The Hubble Space Telescope was built by NASA. The Hubble Space Telescope is large. "
            "It sees far. The next servicing was planned for March 2009.")
    sts = statements(text, models, anchor=date(2008, 1, 1))
    (st,) = [s for s in sts if s.date.date_start.year == 2009]
    assert st.participants == ("Hubble Space Telescope",)
    assert [r.via for r in st.resolved] == [Via.TOPIC] and st.written_participants() == ()
    monkeypatch.setattr(extractors.roles, "TOPIC_PARTICIPANT", False)
    (off,) = [s for s in statements(text, models, anchor=date(2008, 1, 1)) if s.date.date_start.year == 2009]
    assert off.participants == ()


def test_a_reported_clause_names_participants_of_the_report(models):
    (st,) = statements("SpaceX founder Elon Musk said on July 9 he was ending his agreement to buy Twitter.", models,
                       anchor=date(2022, 7, 12))
    assert st.trigger == "say" and "Twitter" in st.participants


def test_a_service_name_is_a_name_in_prose_and_a_button_on_its_own_line():
    text = "Share on Twitter\nElon Musk quietly started buying Twitter shares in January."
    first, second = text.index("Twitter"), text.rindex("Twitter")
    spans = [(first, first + 7, "ORG"), (second, second + 7, "ORG")]
    assert [m.char_start for m in mentions_from_spans(text, spans)] == [second]


def test_the_topic_is_what_the_lede_names_most():
    text = "Acme buys Beta. Gamma comments. Acme grows. Beta shrinks. Acme wins."
    mentions = [_m(text, "Acme", "ORG"), _m(text, "Beta", "ORG"), _m(text, "Gamma", "ORG"), _m(text, "Acme", "ORG", 1),
                _m(text, "Beta", "ORG", 1), _m(text, "Acme", "ORG", 2)]
    d = page_discourse([(0, 15), (16, 31), (32, 43), (44, 56), (57, 67)], mentions)
    assert d.topic == "Acme"
    lone = page_discourse([(0, 15), (16, 31)], mentions[:3])
    assert lone.topic is None  # named once each: nothing stands out


def test_an_undefined_acronym_joins_the_one_name_whose_initials_it_spells():
    text = "James Webb Space Telescope flies. JWST works. NASA waits. National Parks Service rests."
    mentions = [_m(text, "James Webb Space Telescope", "ORG"), _m(text, "JWST", "ORG"), _m(text, "NASA", "ORG"),
                _m(text, "National Parks Service", "ORG")]
    d = page_discourse([(0, 33), (34, 45), (46, 57), (58, 87)], mentions)
    assert d.chain("JWST") == "James Webb Space Telescope"
    assert d.full_name("JWST") == "James Webb Space Telescope"
    assert d.full_name("NASA") == "NASA"  # no name of the page spells it
    assert d.full_name("National Parks Service") == "National Parks Service"


def test_an_acronym_participant_is_published_under_its_full_name(models):
    text = ("The James Webb Space Telescope was built by NASA. "
            "The JWST was launched from Kourou on December 25, 2021.")
    sts = statements(text, models, anchor=date(2022, 1, 1))
    (st,) = [s for s in sts if s.date.date_start.year == 2021]
    assert st.participants[0] == "James Webb Space Telescope" and "JWST" not in st.participants


def test_a_description_far_from_the_name_is_the_entity_the_page_names_most_with_that_head(models):
    text = ("The James Webb Space Telescope is ready. The James Webb Space Telescope replaces the Hubble Space Telescope. "
            "Engineers are busy. Budgets are tight. Crews work at night. "
            "Officials said that the next-generation telescope will fly on March 30, 2021.")
    sts = statements(text, models, anchor=date(2020, 1, 1))
    (st,) = [s for s in sts if s.date.date_start.year == 2021]
    assert "James Webb Space Telescope" in st.participants
    assert [r.via for r in st.resolved] == [Via.DESCRIPTION]


def test_a_kind_noun_that_heads_a_name_named_before_is_that_name(models):
    text = ("The Environmental Protection Agency wrote the rule. The State Department sent the notice. "
            "The agency said on March 3, 2025 that the rule would go.")
    sts = statements(text, models, anchor=date(2025, 3, 10))
    (st,) = [s for s in sts if s.date.date_start.year == 2025]
    assert st.participants[:1] == ("Environmental Protection Agency",)


def test_a_pronoun_takes_a_description_of_its_own_sentence_before_a_name_of_the_last(models):
    text = ("The Hubble Space Telescope was built by Lockheed. Boeing made parts. "
            "The telescope was ready in 1989, and it was launched on April 24, 1990.")
    sts = statements(text, models, anchor=date(1991, 1, 1))
    (st,) = [s for s in sts if s.date.date_start.year == 1990]
    assert st.participants[:1] == ("Hubble Space Telescope",)


def test_a_word_ending_one_name_of_the_page_is_that_name():
    text = "Twitter CEO Parag Agrawal spoke. Mary Agrawal left. Ann Smith stayed."
    mentions = [_m(text, "Twitter", "ORG"), _m(text, "Parag Agrawal", "PERSON"), _m(text, "Ann Smith", "PERSON")]
    d = page_discourse([(0, 32), (33, 50), (51, 68)], mentions)
    assert d.name_of_word("Agrawal") == "Parag Agrawal" and d.name_of_word("Smith") == "Ann Smith"
    assert d.name_of_word("smith") is None and d.name_of_word("Twitter") is None
    two = page_discourse([(0, 32), (33, 50), (51, 68)], [*mentions, _m(text, "Mary Agrawal", "PERSON")])
    assert two.name_of_word("Agrawal") is None  # two names end in it


def test_a_short_form_the_tagger_took_for_a_common_noun_is_a_participant(models):
    text = ("Twitter chief executive Parag Agrawal said the board would meet. "
            "April 10, 2022 - Agrawal announces that Elon Musk has declined the seat on the board.")
    sts = statements(text, models, anchor=date(2022, 7, 1))
    (st,) = [s for s in sts if s.date.date_start == date(2022, 4, 10)]
    assert "Parag Agrawal" in st.participants


def test_an_object_pronoun_is_never_its_own_verbs_subject(models):
    text = ("The Orion capsule was finished in Denver. Boeing tested the rocket. "
            "NASA launched it on 3 March 2020.")
    (st,) = statements(text, models, anchor=date(2020, 3, 10))
    res = [r for r in st.resolved if text[r.char_start:r.char_end] == "it"]
    assert res and res[0].key != "NASA"


def test_a_person_name_ending_in_a_common_noun_of_the_page_is_a_thing():
    text = "James Webb Space Telescope flies. The telescope is big. Jane Doe waits."
    mentions = [_m(text, "James Webb Space Telescope", "PERSON"), _m(text, "Jane Doe", "PERSON")]
    d = page_discourse([(0, 33), (34, 54), (55, len(text))], mentions, (), text)
    assert d.label("James Webb Space Telescope") != "PERSON"  # "the telescope": a thing
    assert d.label("Jane Doe") == "PERSON"
    assert page_discourse([(0, len(text))], mentions).label("James Webb Space Telescope") == "PERSON"  # no text: as NER says


def test_a_lone_capitalised_common_word_is_no_name_unless_ner_or_the_page_names_it_again():
    text = "Controversy arose. Twitter said so. Musk met Musk fans. Lagrange waited."
    mentions = [_m(text, "Twitter", "ORG")] + [_m(text, w, "PROPN") for w in ("Controversy", "Musk", "Lagrange")]
    lexicon = frozenset({"controversy", "twitter", "musk"})
    d = page_discourse([(0, len(text))], mentions, (), text, lexicon)
    assert d.common_word("Controversy")
    assert not d.common_word("Twitter")  # NER names it on the page
    assert not d.common_word("Musk")  # written twice: a name
    assert not d.common_word("Lagrange")  # not a word of the lexicon


def test_the_lexicon_is_the_models_lemma_index(models):
    from extractors.nlp import lexicon_words

    words = lexicon_words(models.name)
    assert {"controversy", "rise", "signatory"} <= words and "arianespace" not in words


def test_a_surname_is_published_under_the_full_name_the_page_gives():
    text = "Elon Musk bought it. Musk said so. Twitter Board met. Twitter agreed."
    mentions = [_m(text, "Elon Musk", "PERSON"), _m(text, "Musk", "PERSON", 1), _m(text, "Twitter Board", "ORG"),
                _m(text, "Twitter", "ORG", 1)]
    d = page_discourse([(0, 20), (21, 34), (35, 53), (54, len(text))], mentions, (), text)
    assert d.full_name("Musk") == "Elon Musk"
    assert d.full_name("Twitter") == "Twitter"  # a first word of an organisation's name is no surname


def test_he_stands_for_no_one_word_name_the_page_also_tags_as_a_thing(models):
    from extractors.coreference import resolve

    # the tagger calls "Globex" a person twice and a company once: "he" is not Globex
    text = "Jane Doe sued Globex. Globex agreed, Globex said. He left."
    mentions = [_m(text, "Jane Doe", "PERSON"), _m(text, "Globex", "ORG", 0), _m(text, "Globex", "PERSON", 1),
                _m(text, "Globex", "PERSON", 2)]
    he_at = text.index("He")
    d = page_discourse([(0, 21), (22, he_at - 1), (he_at, len(text))], mentions, (), text)
    assert d.label("Globex") == "PERSON" and d.also_a_thing("Globex") and not d.also_a_thing("Jane Doe")
    res = resolve(models.parser(text[he_at:])[0], he_at, d)
    assert res is not None and res.key == "Jane Doe"


def test_he_may_stand_for_a_person_named_by_surname_only(models):
    # only a one-word name the page also tags as a thing is barred; a surname stays an antecedent
    text = "Smith met Jones on Monday. He said on July 8, 2022 that Acme was in breach."
    said = next(s for s in statements(text, models, anchor=date(2022, 7, 13)) if s.trigger == "say")
    assert "Jones" in {r.key for r in said.resolved if r.via is Via.PRONOUN}


def test_an_acronym_is_published_as_the_long_form_it_stands_for_not_a_longer_name_holding_it():
    text = "The UN Framework Convention on Climate Change Parties met. The UN Framework Convention on Climate Change (UNFCCC) grew. UNFCCC works."
    long = "UN Framework Convention on Climate Change"
    first = text.index(long)
    second = text.index(long, first + 1)
    mentions = [EntityMention(long + " Parties", "ORG", first, first + len(long) + 8, long + " Parties"),
                EntityMention(long, "ORG", second, second + len(long), long), _m(text, "UNFCCC", "ORG", 1)]
    acronyms = [AcronymDefinition("UNFCCC", long, second, second + len(long) + 9)]
    d = page_discourse([(0, 57), (58, 118), (119, len(text))], mentions, acronyms)
    assert d.full_name("UNFCCC") == long


def test_a_surname_test_reads_the_persons_type():
    text = "Elon Musk bought it. Musk said so. Acme Board met."
    mentions = [_m(text, "Elon Musk", "PERSON"), _m(text, "Musk", "PERSON", 1), _m(text, "Acme Board", "ORG")]
    d = page_discourse([(0, 20), (21, 34), (35, len(text))], mentions, (), text)
    assert d.is_surname("Musk", "Elon Musk")
    assert not d.is_surname("Board", "Acme Board")  # the last word of an organisation's name
    assert not d.is_surname("Elon Musk", "Elon Musk")


def test_a_persons_title_is_a_kind_of_person_but_a_part_of_a_title_is_not():
    from extractors.coreference import KIND_NOUNS, PERSON_KIND_NOUNS
    from extractors.entity_rules import PERSON_TITLE_WORDS

    assert {"president", "ambassador", "administrator", "billionaire"} <= PERSON_KIND_NOUNS
    assert KIND_NOUNS["ambassador"] == frozenset({"PERSON"})
    assert "head" in PERSON_TITLE_WORDS and "head" not in KIND_NOUNS  # "the head of the agency": no one by itself
    assert "chief" not in KIND_NOUNS and "prime" not in KIND_NOUNS


def test_an_undefined_acronym_spelled_by_two_names_joins_neither():
    from extractors.coreference import _initialisms

    assert _initialisms(["JWST", "James Webb Space Telescope", "NASA"]) == {"JWST": "James Webb Space Telescope"}
    assert _initialisms(["NGOs", "Non-Governmental Organisations"]) == {"NGOs": "Non-Governmental Organisations"}
    assert _initialisms(["AB", "Acme Bank", "Alpha Beta"]) == {}


def test_officials_as_a_subject_stand_for_the_body_named_before(models):
    text = ("NASA reviewed the schedule of the telescope in July. "
            "Officials announced on Thursday, July 16, 2020 that the launch would slip.")
    announced = next(s for s in statements(text, models, anchor=date(2020, 7, 20)) if s.trigger == "announce")
    assert "NASA" in announced.participants
    (res,) = [r for r in announced.resolved if r.key == "NASA"]
    assert res.via is Via.DESCRIPTION and text[res.char_start:res.char_end] == "Officials"


def test_officials_qualified_by_a_name_or_an_adjective_are_not_resolved(models):
    text = ("NASA reviewed the schedule in July. "
            "Russian officials announced on Thursday, July 16, 2020 that the launch would slip.")
    announced = next(s for s in statements(text, models, anchor=date(2020, 7, 20)) if s.trigger == "announce")
    assert "NASA" not in announced.participants


def _announced(text, models):
    return next(s for s in statements(text, models, anchor=date(2021, 5, 20)) if s.trigger == "announce")


def test_officials_with_a_modifier_after_them_are_not_resolved(models):
    # "regulators in Brussels", "officials at the airport": the phrase says whose people they are
    text = ("Google changed its search results in March. "
            "Regulators in Brussels announced on Monday, May 17, 2021 that they would look into it.")
    assert "Google" not in _announced(text, models).participants
    text = ("Delta Air Lines cut flights in March. "
            "Officials at the airport announced on Monday, May 17, 2021 that the gates would close.")
    assert not any(p.startswith("Delta") for p in _announced(text, models).participants)


def test_authorities_are_a_countrys_people_not_a_companys(models):
    text = ("Apple sold fewer phones in 2020. "
            "Authorities announced on Monday, May 17, 2021 that the stores would close.")
    assert "Apple" not in _announced(text, models).participants


def test_officials_after_two_bodies_are_not_guessed(models):
    text = ("Tesla sued Ford in March. "
            "Officials announced on Monday, May 17, 2021 that a hearing would follow.")
    parts = _announced(text, models).participants
    assert "Ford" not in parts and "Tesla" not in parts
