"""Participants and agents of dated statements, through the real model."""

from datetime import date

from extractors.roles import author_key
from tests.extractors.test_events import statements


def test_participants_are_the_clause_entities_subject_first(models):
    (st,) = statements("On 3 September 2016 the Paris Agreement was ratified by China.", models)
    assert st.participants and st.participants[0] == "China"


def test_participants_come_only_from_the_triggers_clause(models):
    text = "Google launched the service in March 2019, while Microsoft stayed out of the market."
    (st,) = statements(text, models)
    assert "Google" in st.participants and "Microsoft" not in st.participants


def test_author_keys_keep_initials():
    assert author_key("A Krizhevsky") == "A Krizhevsky"
    assert author_key("GE  Hinton") == "GE Hinton"
    assert author_key("The Royal Society") == "Royal Society"


def test_a_relative_clause_of_the_described_noun_is_another_clause(models):
    text = "This mirrors a study covered by Reuters earlier this year, which found that Microsoft spent more on research."
    (st,) = statements(text, models, anchor=date(2025, 6, 1))
    assert st.trigger == "cover"
    assert "Reuters" in st.participants and "Microsoft" not in st.participants


def test_a_name_inside_a_hyphenated_word_is_no_participant(models):
    (st,) = statements("The Hubble Space Telescope was launched into low-Earth orbit in April 1990.", models)
    assert "Earth" not in st.participants
    assert any("Hubble" in p for p in st.participants)


def test_proper_nouns_in_argument_slots_are_participants_when_ner_misses_them(models):
    # the small NER model finds no entity in this sentence; the parse sees two proper-noun arguments
    (st,) = statements("Twitter sued Elon Musk last night for violating his deal.", models, anchor=date(2022, 7, 13))
    assert st.participants[:2] == ("Twitter", "Elon Musk")
    assert st.agents == ("Twitter",)


def test_calendar_words_are_no_parse_names(models):
    (st,) = statements("On Monday, April 4, the ISU notified Parent that it had accepted the notification.", models,
                       anchor=date(2022, 7, 13))
    assert "Monday" not in st.participants and "April" not in st.participants


def test_a_proper_noun_modifying_an_argument_names_a_participant(models):
    (st,) = statements("On January 31, 2022, Elon Musk quietly started buying Twitter shares.", models,
                       anchor=date(2022, 7, 13))
    assert "Twitter" in st.participants


def test_the_reporter_of_a_reported_plan_is_no_participant_of_it(models):
    text = "On June 27, 2018, NASA announced that the Webb Space Telescope will now fly in March 2021."
    (st,) = [s for s in statements(text, models, anchor=date(2018, 7, 1)) if s.date.date_start.year == 2021]
    assert st.trigger == "fly" and st.participants == ("Webb Space Telescope",)


def test_who_has_a_plan_carries_it_out(models):
    text = "In September, NASA confirmed plans to launch the Webb Space Telescope on 18 December 2021."
    (st,) = [s for s in statements(text, models, anchor=date(2021, 10, 1)) if s.date.date_start.month == 12]
    assert st.trigger == "launch" and st.participants[:1] == ("NASA",)


def test_what_a_clause_says_a_name_is_among_is_no_process(models):
    text = "Murano glass pendants are among the most sought-after fixtures for 2025."
    (st,) = statements(text, models, anchor=date(2025, 1, 10))
    assert "Murano" not in st.participants


def test_an_adjective_predicate_takes_the_subject_of_its_verb(models):
    text = "Elon Musk's appointment to the board was to become effective on April 9, 2022."
    (st,) = statements(text, models, anchor=date(2022, 4, 11))
    assert st.trigger == "effective" and any("Musk" in p for p in st.participants)


def test_a_verbs_complement_clause_names_participants_of_its_happening(models):
    (st,) = statements("In July 2022, Musk decided he no longer wanted to buy Twitter.", models, anchor=date(2022, 10, 28))
    assert st.trigger == "decide" and "Twitter" in st.participants


def test_one_name_per_entity_acronym_and_long_form_count_once():
    from extractors.coreference import page_discourse
    from extractors.entities import EntityMention
    from extractors.roles import _one_per_entity

    text = "The U.S. National Aeronautics and Space Administration said. NASA waits. Project Mercury flew. Mercury ended."
    names = ["U.S. National Aeronautics and Space Administration", "NASA", "Project Mercury", "Mercury"]
    mentions = []
    for n in names:
        s = text.index(n) if n != "Mercury" else text.rindex(n)
        mentions.append(EntityMention(n, "ORG", s, s + len(n), n))
    d = page_discourse([(0, 60), (61, 72), (73, 94), (95, len(text))], mentions)
    assert _one_per_entity(names, d) == ("U.S. National Aeronautics and Space Administration", "Project Mercury")
    assert _one_per_entity(("NASA", "ESA"), d) == ("NASA", "ESA")


def test_a_name_qualifying_a_persons_title_is_no_participant(models):
    (st,) = statements("Tesla CEO Elon Musk said on July 9 that he was ending the deal.", models, anchor=date(2022, 7, 12))
    assert "Elon Musk" in st.participants and "Tesla" not in st.participants


def test_a_title_is_no_name_of_the_parse(models):
    (st,) = statements("The U.S. signed the Agreement in December 2015 under then President, Barack Obama.", models,
                       anchor=date(2021, 1, 21))
    assert "President" not in st.participants and "Barack Obama" in st.participants
