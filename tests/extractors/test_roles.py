"""Participants and agents of dated statements, through the real model."""

from datetime import date

from extractors.roles import author_key
from extractors.rule_switches import rules_off
from tests.extractors.sample_statements import statements


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
    (st,) = statements("Twitter sued Elon Musk last night for breaching his deal.", models, anchor=date(2022, 7, 13))
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
    text = "In September, NASA confirmed its plans to launch the Webb Space Telescope on 18 December 2021."
    (st,) = [s for s in statements(text, models, anchor=date(2021, 10, 1)) if s.date.date_start.month == 12]
    assert st.trigger == "launch" and st.participants[:1] == ("NASA",)


def test_what_a_clause_says_a_name_is_among_is_no_process(models):
    text = "Murano glass lamps are among the hottest fixtures for 2025."
    (st,) = statements(text, models, anchor=date(2025, 1, 10))
    assert "Murano" not in st.participants


def test_an_adjective_predicate_takes_the_subject_of_its_verb(models):
    text = "Elon Musk's appointment as a director was to become effective on April 9, 2022."
    (st,) = statements(text, models, anchor=date(2022, 4, 11))
    assert st.trigger == "effective" and any("Musk" in p for p in st.participants)


def test_a_verbs_complement_clause_names_participants_of_its_happening(models):
    (st,) = statements("In March 2021, Jane Doe decided that Acme Foods would close its plant.", models,
                       anchor=date(2021, 6, 1))
    assert st.trigger == "decide" and "Acme Foods" in st.participants


def test_a_clause_before_a_semicolon_is_no_complement_of_the_next_verb(models):
    # the parse hangs "Initech sold ..." on "rose" as its complement: not the rise's participants
    sts = statements("Initech sold Globex shares last week; Acme stock rose 3% on August 9, 2022.", models,
                     anchor=date(2022, 8, 12))
    rise = next(s for s in sts if s.trigger == "rise")
    assert rise.participants == ("Acme",)


def _discourse(text, named, acronyms=()):
    from extractors.coreference import page_discourse
    from extractors.entities import EntityMention

    mentions = []
    for name, label in named:
        s = text.index(name)
        mentions.append(EntityMention(name, label, s, s + len(name), name))
    return page_discourse([(0, len(text))], mentions, acronyms, text)


def test_one_name_per_entity_acronym_and_long_form_count_once_under_the_long_form():
    from extractors.roles import _one_per_entity

    long = "National Aeronautics and Space Administration"
    d = _discourse(f"The {long} met. NASA waited. ESA came.", [(long, "ORG"), ("NASA", "ORG"), ("ESA", "ORG")])
    # the same name whichever the sentence writes first
    assert _one_per_entity(("NASA", long), d) == (long,)
    assert _one_per_entity((long, "NASA"), d) == (long,)
    assert _one_per_entity(("NASA", "ESA"), d) == ("NASA", "ESA")


def test_two_names_of_one_chain_count_once_under_the_shorter():
    from extractors.roles import _one_per_entity

    d = _discourse("The Acme Board met. Acme agreed.", [("Acme Board", "ORG"), ("Acme", "ORG")])
    assert d.chain("Acme") == "Acme Board"
    assert _one_per_entity(("Acme Board", "Acme"), d) == ("Acme",)
    assert _one_per_entity(("Acme", "Acme Board"), d) == ("Acme",)


def test_an_acronym_is_no_name_that_only_ends_in_its_letters():
    from extractors.roles import _one_per_entity

    court = "Court of Justice of the European Union"
    d = _discourse(f"The EU sued Globex at the {court}.", [("EU", "ORG"), ("Globex", "ORG"), (court, "ORG")])
    assert _one_per_entity(("EU", "Globex", court), d) == ("EU", "Globex", court)


def test_names_of_one_chain_of_different_types_stay_apart(models):
    (st,) = statements("The Geneva Convention was signed in Geneva on August 12, 1949.", models,
                       anchor=date(2017, 7, 1))
    assert "Geneva Convention" in st.participants and "Geneva" in st.participants


def test_a_name_qualifying_the_title_of_the_subject_is_no_participant(models):
    (st,) = statements("Globex CEO Jane Doe said on July 9 that she was ending the deal.", models,
                       anchor=date(2022, 7, 12))
    assert "Jane Doe" in st.participants and "Globex" not in st.participants
    with rules_off({"title-qualifiers"}):
        (st,) = statements("Globex CEO Jane Doe said on July 9 that she was ending the deal.", models,
                           anchor=date(2022, 7, 12))
    assert "Jane Doe" in st.participants and "Globex" in st.participants


def test_a_name_qualifying_the_title_of_an_object_stays(models):
    (st,) = statements("Globex CEO Jane Doe met Initech Chairman John Roe on March 3, 2023.", models,
                       anchor=date(2023, 4, 1))
    assert "Initech" in st.participants and "Globex" not in st.participants


def test_a_title_is_no_name_of_the_parse(models):
    (st,) = statements("Brazil joined the pact in May 2016 under then President, Dilma Rousseff.", models,
                       anchor=date(2021, 6, 1))
    assert "President" not in st.participants and "Dilma Rousseff" in st.participants


def test_the_end_of_a_title_after_of_names_the_title_and_another_name_after_of_stays(models):
    (st,) = statements("Globex met the Secretary of State on June 1, 2017.", models, anchor=date(2017, 7, 1))
    assert st.participants == ("Globex", "Secretary of State")
    from extractors.roles import parse_names

    text = "Globex met the head of Zorblax on June 1, 2017."
    assert [text[a:b] for a, b in parse_names(models.parser(text))] == ["Globex", "Zorblax"]


def test_a_happening_noun_in_an_adverbial_phrase_takes_the_verbs_subject(models):
    text = "In a 2024 study, Acme Research and Jane Doe examined 120 trials of tutoring."
    (st,) = statements(text, models, anchor=date(2025, 1, 10))
    assert st.trigger == "study"
    assert "Acme Research" in st.participants and "Jane Doe" in st.participants


def test_the_organisation_whose_officer_is_the_subject_is_a_participant(models):
    text = "The Acme Foods CEO announced the new plant on April 5, 2022."
    (st,) = statements(text, models, anchor=date(2022, 4, 11))
    assert any("Acme" in p for p in st.participants)


def test_a_happening_noun_after_a_temporal_preposition_is_not_the_subjects(models):
    (st,) = statements("After the 2011 earthquake, Acme halted production.", models)
    assert st.trigger == "earthquake" and st.participants == ()


def test_a_title_cased_line_keeps_only_persons_and_one_word_names():
    from extractors.entities import EntityMention
    from extractors.roles import line_participants, title_cased

    text = "Blue Gears and Ideas Night with Jane Doe at Acme"
    names = [EntityMention("Blue Gears", "ORG", 0, 10, "Blue Gears"), EntityMention("Jane Doe", "PERSON", 31, 39, "Jane Doe"),
             EntityMention("Acme", "ORG", 43, 47, "Acme")]
    assert title_cased(text) and not title_cased("Blue Gears held an ideas night with Acme")
    assert line_participants(text, (0, len(text)), names) == ("Jane Doe", "Acme")
    prose = "Blue Gears held an ideas night with Jane Doe at Acme"
    moved = [EntityMention(m.text, m.label, prose.index(m.text), prose.index(m.text) + len(m.text), m.key) for m in names]
    assert line_participants(prose, (0, len(prose)), moved) == ("Blue Gears", "Jane Doe", "Acme")


def test_a_relative_clause_tells_its_antecedents_happening_not_the_main_subjects(models):
    text = "Norway was one of the largest donors to the Example Relief Fund, which closed its accounts in May 2011."
    (st,) = statements(text, models, anchor=date(2012, 1, 1))
    assert st.trigger == "close" and "Norway" not in st.participants
    assert any("Relief Fund" in p for p in st.participants)
    # a partitive phrase still lets the copula's subject in: the one among the countries did it
    (st,) = statements("Chile was one of the countries that ratified the treaty in March 2010.", models,
                       anchor=date(2012, 1, 1))
    assert "Chile" in st.participants


def test_a_text_as_subject_of_agreeing_or_following_is_no_agent(models):
    agreed, renewed = statements("Our Joint Action Plan with Peru, first agreed in 2011, was renewed in 2016.", models,
                                 anchor=date(2018, 1, 1))
    assert (agreed.trigger, renewed.trigger) == ("agree", "renew")
    assert agreed.agents == renewed.agents == ()
    assert "Joint Action Plan" in agreed.participants
    (followed,) = statements("A Joint Action Programme followed in March 2011.", models, anchor=date(2018, 1, 1))
    assert followed.agents == ()
    # the parties that agree a text stay its agents
    (st,) = statements("Chile and Peru agreed a Joint Action Plan in 2011.", models, anchor=date(2018, 1, 1))
    assert st.agents == ("Chile", "Peru")


def test_the_noun_a_relative_object_stands_for_is_what_the_verb_acts_on(models):
    # the parse makes "signed" a complement of "builds", with "that" its object
    text = "The signing builds on the Joint Trade Declaration that Chile and Peru signed in June 2012."
    (st,) = statements(text, models, anchor=date(2018, 1, 1))
    assert st.trigger == "sign" and "Joint Trade Declaration" in st.participants
    assert "Joint Trade Declaration" in st.summary and st.agents == ("Chile", "Peru")


def test_a_name_coordinated_inside_one_noun_phrase_is_one_name(models):
    (st,) = statements("A Trade and Investment Programme followed in March 2011.", models, anchor=date(2018, 1, 1))
    assert st.participants == ("Trade and Investment Programme",)
    (st,) = statements("NATO and Australia signed a declaration in June 2012.", models, anchor=date(2018, 1, 1))
    assert st.participants == ("NATO", "Australia")


def test_the_names_of_an_according_to_source_are_no_participants(models):
    text = "According to a report by Thomson Reuters, Microsoft spent more on research in 2013."
    (st,) = statements(text, models)
    assert "Microsoft" in st.participants and "Thomson Reuters" not in st.participants
    # the trigger inside the phrase keeps its own agent: the study is Acme's
    text = "Sales fell, according to a 2013 study by Acme Corp."
    sts = [s for s in statements(text, models) if s.trigger == "study"]
    assert sts and all("Acme Corp" in s.participants for s in sts)


def test_the_named_reporter_is_kept_apart_from_the_participants(models):
    (st,) = statements("Sales rose sharply in 2019, Acme Corp said.", models, anchor=date(2020, 1, 1))
    assert st.trigger == "rise" and st.reporters == ("Acme Corp",) and "Acme Corp" not in st.participants
    (st,) = statements("John Smith says interest in strength training has increased since 2023.", models,
                       anchor=date(2025, 1, 1))
    assert st.reporters == ("John Smith",)
    (st,) = statements("Analyst Jane Smith has predicted that Apple will launch the phone in 2021.", models,
                       anchor=date(2020, 1, 1))
    assert st.reporters == ("Jane Smith",)
    # "according to" is a source frame, no reporter; and the rule can be switched off
    (st,) = statements("According to Acme Corp, sales rose in 2019.", models, anchor=date(2020, 1, 1))
    assert st.reporters == ()
    with rules_off({"reporter"}):
        (st,) = statements("Sales rose sharply in 2019, Acme Corp said.", models, anchor=date(2020, 1, 1))
    assert st.reporters == ()


def test_a_fronted_passive_participle_tells_of_the_clauses_subject(models):
    text = "Published by Hooded Horse and released in May 2025, Cataclismo is a game about building."
    (st,) = statements(text, models, anchor=date(2025, 11, 1))
    assert st.trigger == "release" and "Cataclismo" in st.participants and "Hooded Horse" in st.participants
    with rules_off({"participle-subject"}):
        (st,) = statements(text, models, anchor=date(2025, 11, 1))
    assert "Cataclismo" not in st.participants
