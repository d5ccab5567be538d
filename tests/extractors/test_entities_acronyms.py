from extractors.acronyms import find_acronyms
from extractors.entities import mentions_from_spans, normalize_name, repair_span


def test_acronyms_defined_either_way():
    text = (
        "New Zealand formalised its cooperation with NATO in 2012 with our Individual Partnership and "
        "Cooperation Programme (IPCP). NATO (North Atlantic Treaty Organisation) is an alliance. "
        "It joined the Partnership for Peace (PfP) later."
    )
    got = {(a.short, a.long) for a in find_acronyms(text)}
    assert ("IPCP", "Individual Partnership and Cooperation Programme") in got
    assert ("NATO", "North Atlantic Treaty Organisation") in got
    assert got == {("IPCP", "Individual Partnership and Cooperation Programme"), ("NATO", "North Atlantic Treaty Organisation")}
    # a mixed-case acronym (PfP) is not read: only capitals make an acronym
    assert not [a for a in find_acronyms("The meeting (MTG) was long.")]  # initials do not match


def test_names_lose_determiners_and_possessives():
    assert normalize_name("the Indo-Pacific") == "Indo-Pacific"
    assert normalize_name("NATO’s") == "NATO"
    assert normalize_name("The  North   Atlantic Treaty") == "North Atlantic Treaty"


def test_span_across_a_heading_break_is_cut():
    text = "How New Zealand works with NATO\nCooperation on shared security"
    start = text.index("NATO")
    pieces = [text[s:e] for s, e in repair_span(text, start, text.index(" on shared"))]
    assert pieces == ["NATO", "Cooperation"]
    mentions = mentions_from_spans(text, [(start, text.index(" on shared"), "ORG")])
    assert [m.text for m in mentions] == ["NATO"]  # a lone common word is not a name


def test_truncated_coordinated_title_is_completed():
    text = "furthering the Women, Peace and Security agenda."
    s = text.index("the Women")
    e = text.index(" and Security")
    (m,) = mentions_from_spans(text, [(s, e, "ORG")])
    assert m.text == "Women, Peace and Security" and text[m.char_start:m.char_end] == m.text


def test_site_furniture_is_dropped_and_acronyms_become_mentions():
    text = "You can find out more on our Privacy Page. The Individually Tailored Partnership Programme (ITPP) matters. The ITPP sets goals."
    spans = [(text.index("Privacy"), text.index("Privacy") + len("Privacy Page"), "ORG")]
    mentions = mentions_from_spans(text, spans, find_acronyms(text))
    names = [m.text for m in mentions]
    assert "Privacy Page" not in names
    assert names.count("ITPP") == 2
    assert "Individually Tailored Partnership Programme" in names
    for m in mentions:
        assert text[m.char_start:m.char_end] == m.text


def test_a_quantity_is_no_name():
    text = "Twitter shares: Rises 2.3 per cent on the day, then Falls 0.8% and Acme Corp gains."
    spans = [(text.index("Rises"), text.index(" on the"), "LAW"), (text.index("Falls"), text.index(" and"), "ORG"),
             (text.index("Acme"), text.index(" gains"), "ORG")]
    assert [m.key for m in mentions_from_spans(text, spans)] == ["Acme Corp"]


def test_defined_terms_of_a_filing_stand_for_their_names():
    text = ('The notice was given by X Holdings I, Inc. ("Parent") and Twitter, Inc. ("Twitter"). Acquisition Sub '
            'will merge with and into Twitter (the "Merger"), under the United Kingdom\'s Security Act 2021 '
            '(the "NSA Act"). Parent filed it.')
    got = {(a.short, a.long) for a in find_acronyms(text)}
    # a short form made of the name's own words is a part of it; "(the "Merger")" names what the clause tells
    assert got == {("Parent", "X Holdings I"), ("NSA Act", "Security Act 2021")}
    mentions = mentions_from_spans(text, [], find_acronyms(text))
    assert [m.key for m in mentions if m.key in ("Parent", "X Holdings I")] == ["X Holdings I", "Parent", "Parent"]


def test_a_place_before_a_treaty_noun_names_the_treaty():
    text = "India ratified the Paris climate agreement. After the European Union ratified the agreement, Paris waited."
    spans = [(text.index("Paris"), text.index("Paris") + 5, "GPE"), (text.index("European"), text.index(" ratified the a"), "ORG"),
             (text.rindex("Paris"), text.rindex("Paris") + 5, "GPE")]
    got = [(m.key, m.label) for m in mentions_from_spans(text, spans)]
    # not across a verb and an article ("the European Union ratified the agreement"), nor a place on its own
    assert got == [("Paris climate agreement", "LAW"), ("European Union", "ORG"), ("Paris", "GPE")]


def test_an_organisation_named_as_the_place_of_a_happening_is_a_venue():
    from extractors.rule_switches import rules_off

    text = ("The expo will be held at the Georgia World Congress Center. The Pew Research Center found a rise. "
            "Fans met at Acme Corp.")
    names = ("Georgia World Congress Center", "Pew Research Center", "Acme Corp")
    spans = [(text.index(n), text.index(n) + len(n), "ORG") for n in names]
    # after "at" and ending in a building's word: a venue; an acting centre, or "at" a firm, stays ORG
    assert [m.label for m in mentions_from_spans(text, spans)] == ["FAC", "ORG", "ORG"]
    with rules_off(["venue-names"]):
        assert [m.label for m in mentions_from_spans(text, spans)] == ["ORG", "ORG", "ORG"]


def test_is_acronym_reads_the_one_pattern():
    from extractors.acronyms import is_acronym

    assert is_acronym("NASA") and is_acronym("NGOs") and is_acronym("COP21")
    assert not is_acronym("Nasa") and not is_acronym("N") and not is_acronym("NASA's")


def test_an_acronym_spells_all_the_initials_of_a_name():
    from extractors.acronyms import spells

    assert spells("JWST", "James Webb Space Telescope") and spells("NGOs", "Non-Governmental Organisations")
    assert spells("FAO", "Food and Agriculture Organization")
    # not a longer name that only ends in its letters, nor a one-word name
    assert not spells("EU", "Court of Justice of the European Union")
    assert not spells("UN", "Food and Agriculture Organization of the United Nations")
    assert not spells("CC", "Coca-Cola") and not spells("Nasa", "National Aeronautics Space Administration")


def test_a_number_of_a_name_is_part_of_it():
    from extractors.acronyms import initials, spells

    assert initials("Group of 20") == "G20" and spells("G20", "Group of 20")
    assert initials("Non-Governmental Organisation") == "NGO"


def test_a_name_cut_before_its_number_is_whole_again():
    text = "Ministers gathered ahead of the annual summit of the Group of 20 big economies."
    s = text.index("Group")
    cut = [(s, s + len("Group of"), "ORG"), (s + len("Group of "), s + len("Group of 20"), "CARDINAL")]
    assert [(m.text, m.label) for m in mentions_from_spans(text, cut)] == [("Group of 20", "ORG")]
    text = "Leaders of the Group of Seven met in Japan."
    seven = text.index("Seven")
    assert [(m.text, m.label) for m in mentions_from_spans(text, [(seven, seven + 5, "CARDINAL")])] == [
        ("Group of Seven", "ORG")]
    # a count first in a sentence names nothing ("Out of 20 countries"), nor a plain count
    text = "Out of 20 countries, 5 signed. The board of 12 met."
    spans = [(text.index("20"), text.index("20") + 2, "CARDINAL"), (text.index("12"), text.index("12") + 2, "CARDINAL")]
    assert mentions_from_spans(text, spans) == []


def _tagged(text, *parts):
    spans = []
    for sub, label in parts:
        i = text.index(sub)
        spans.append((i, i + len(sub), label))
    return [(m.text, m.label) for m in mentions_from_spans(text, spans)]


def test_a_count_after_a_capitalised_word_is_no_name():
    assert _tagged("They named a Committee of 12 experts.", ("Committee", "ORG"), ("12", "CARDINAL")) == [
        ("Committee", "ORG")]
    assert _tagged("It joined a Union of 27 states.", ("Union", "ORG"), ("27", "CARDINAL")) == [("Union", "ORG")]
    assert _tagged("It has a Board of 9 directors.", ("9", "CARDINAL")) == []
    assert _tagged("Leaders said The European Council of 27 leaders met.", ("European Council", "ORG"),
                   ("27", "CARDINAL")) == [("European Council", "ORG")]
    # the text writes the name's initials: the number is the name's
    assert ("Group of 20", "ORG") in _tagged("The Group of 20 leaders met; the G20 said so.", ("Group of", "ORG"),
                                             ("20", "CARDINAL"), ("G20", "ORG"))


def test_a_date_before_of_and_a_number_is_no_name():
    assert _tagged("He said Tuesday of 20 people.", ("Tuesday", "DATE"), ("20", "CARDINAL")) == []
    assert _tagged("Sales in May of 20 units.", ("20", "CARDINAL")) == []


def test_a_name_and_its_number_are_one_span_not_two():
    assert _tagged("Members of the European Council of 27 met.", ("European Council", "ORG"), ("27", "CARDINAL")) == [
        ("European Council of 27", "ORG")]


def test_a_number_read_as_a_year_is_a_names_number_too():
    assert _tagged("Delegates of the Group of 77 and China met.", ("Group of", "ORG"), ("77", "DATE")) == [
        ("Group of 77", "ORG")]
    assert _tagged("Delegates of the Group of 77 and China met.", ("77", "DATE")) == [("Group of 77", "ORG")]
