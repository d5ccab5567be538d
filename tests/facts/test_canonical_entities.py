from extractors.entities import AliasEntry
from facts.entities import EntityOccurrence, canonicalize, fold


def occ(key, label="ORG", source="a"):
    return EntityOccurrence(key, label, source)


def test_fold_ignores_spelling_noise():
    assert fold("North Atlantic Treaty Organisation") == fold("north atlantic treaty organization")
    assert fold("the U.S.") == fold("US")
    assert fold("Bosnia & Herzegovina") == fold("Bosnia and Herzegovina")


def test_alias_table_acronyms_and_spellings_make_one_entity():
    index = canonicalize(
        [occ("NATO"), occ("North Atlantic Treaty Organisation", source="b"), occ("Bosnia-Herzegovina", "GPE"),
         occ("Bosnia and Herzegovina", "GPE", "b"), occ("Republic of Korea", "GPE"), occ("IPCP", source="b"),
         occ("Individual Partnership and Cooperation Programme"), occ("Ocean Shield", "FAC")],
        acronym_pairs=[("IPCP", "Individual Partnership and Cooperation Programme")],
    )
    nato = index.get("North Atlantic Treaty Organization")
    assert nato is index.get("NATO") and nato.name == "NATO" and nato.mentions == 2 and nato.sources == ("a", "b")
    assert index.get("Bosnia-Herzegovina").name == "Bosnia and Herzegovina"
    assert index.get("Republic of Korea").name == "South Korea"
    ipcp = index.get("IPCP")
    assert ipcp.name == "Individual Partnership and Cooperation Programme" and "IPCP" in ipcp.aliases
    assert index.get("Ocean Shield").aliases == ()
    assert len({e.entity_id for e in index.entities}) == len(index.entities) == 5


def test_ids_do_not_depend_on_order_and_users_can_add_aliases():
    items = [occ("NZ", "GPE"), occ("New Zealand", "GPE", "b"), occ("Aotearoa", "GPE")]
    a = canonicalize(items)
    b = canonicalize(list(reversed(items)))
    assert [e.entity_id for e in a.entities] == [e.entity_id for e in b.entities]
    assert len(a.entities) == 1 and a.entities[0].name == "New Zealand"
    c = canonicalize([occ("Blue Team"), occ("BT Coalition")], aliases=[AliasEntry("Blue Team", ("BT Coalition",))])
    assert len(c.entities) == 1 and c.entities[0].name == "Blue Team"


def test_a_surname_joins_the_one_person_of_that_name():
    index = canonicalize([occ("Elon Musk", "PERSON"), occ("Musk", "PERSON", "b"), occ("Elon R. Musk", "PERSON"),
                          occ("Joe Biden", "PERSON"), occ("Hunter Biden", "PERSON"), occ("Biden", "PERSON"),
                          occ("Webb", "ORG"), occ("James E. Webb", "PERSON")])
    musk = index.get("Musk")
    assert musk is index.get("Elon Musk") is index.get("Elon R. Musk") and musk.sources == ("a", "b")
    assert index.get("Biden") is not index.get("Joe Biden") and index.get("Biden") is not index.get("Hunter Biden")
    assert index.get("Webb") is not index.get("James E. Webb")  # not a person's name here


def test_a_surname_mostly_taken_for_an_organisation_still_joins_its_person():
    index = canonicalize([occ("Donald Trump", "PERSON"), occ("Trump", "ORG"), occ("Trump", "ORG", "b"),
                          occ("Trump", "PERSON", "b")])
    assert len(index.entities) == 1 and index.entities[0].name == "Donald Trump"
    assert index.entities[0].label == "PERSON"
    webb = canonicalize([occ("James E. Webb", "PERSON")] + [occ("Webb", "ORG")] * 5 + [occ("Webb", "PERSON")])
    assert len(webb.entities) == 2  # mostly the name of a thing


def test_the_topic_is_what_nearly_every_source_names_and_parts_of_its_name():
    from facts.entities import page_topic

    sources = [f"s{i}" for i in range(8)]
    items = [occ("James Webb Space Telescope", "PERSON", s) for s in sources[:7]]
    items += [occ("NASA", "ORG", s) for s in sources[:4]] + [occ("Webb", "ORG", "s1"), occ("James E. Webb", "PERSON", "s2")]
    index = canonicalize(items)
    topic = {index.get(n).entity_id for n in ("James Webb Space Telescope", "Webb")}
    assert set(page_topic(index, sources)) == topic
    assert page_topic(index, sources[:2]) == ()  # two sources say nothing of a topic


def test_a_legal_form_joins_the_name_without_it_which_stays_the_name():
    index = canonicalize([occ("Twitter"), occ("Twitter, Inc.", source="b"), occ("Twitter Inc", source="c"),
                          occ("Twitter UK Limited")])
    twitter = index.get("Twitter, Inc.")
    assert twitter is index.get("Twitter Inc") is index.get("Twitter") and twitter.name == "Twitter"
    assert twitter.sources == ("a", "b", "c")
    assert index.get("Twitter UK Limited") is not twitter  # another company


def test_a_legal_form_alone_is_kept():
    index = canonicalize([occ("Acme Corp."), occ("Texas AG", "PERSON"), occ("Texas", "GPE")])
    assert index.get("Acme Corp.").name == "Acme Corp."
    assert index.get("Texas AG") is not index.get("Texas")


def test_a_legal_form_joins_no_place_or_product_of_that_name():
    index = canonicalize([occ("Amazon", "LOC"), occ("Amazon Inc.", source="b"), occ("Apple", "PRODUCT"),
                          occ("Apple Inc.", source="c")])
    assert index.get("Amazon") is not index.get("Amazon Inc.")
    assert index.get("Apple") is not index.get("Apple Inc.")


def test_the_topic_does_not_move_with_pages_of_another_subject_nor_one_page_more():
    """Shares are of the pages on the subject, so pages naming none of its
    names leave it as it is; "nearly every" (0.8) keeps a party named by 9
    pages of 13 out of it whether or not one page without it is in the run."""
    from facts.entities import page_topic

    on = [f"s{i}" for i in range(13)]
    items = [occ("Paris Agreement", "LAW", s) for s in on[:12]] + [occ("Paris Climate Agreement", "LAW", "s12")]
    items += [occ("United States", "GPE", s) for s in on[:9]]
    others = [f"o{i}" for i in range(6)]
    items += [occ("Hubble", "ORG", s) for s in others]
    index = canonicalize(items)
    agreement, us = index.get("Paris Agreement").entity_id, index.get("United States").entity_id
    alone = set(page_topic(index, on))
    assert agreement in alone and us not in alone  # 13 of 13 (one by a longer name); 9 of 13
    assert alone == set(page_topic(index, on + others[:2]))  # pages of another subject
    assert alone == set(page_topic(index, on[:12])) == set(page_topic(index, on[:9] + on[10:]))


def test_a_longer_name_names_a_name_only_as_a_variant_of_it_of_its_type():
    """Same first word, same head word, the words in order, the same type:
    "Paris Climate Agreement" names the Paris Agreement; the Senate of the
    United States, the UN climate convention and a foundation named after a
    person are other things."""
    from facts.entities import naming_sources

    items = [occ("Paris Agreement", "LAW", "p1"), occ("Paris Climate Agreement", "LAW", "p2"),
             occ("United States", "GPE", "u1"), occ("United States Senate", "ORG", "u2"),
             occ("United Nations", "ORG", "n1"),
             occ("United Nations Framework Convention on Climate Change", "ORG", "n2"),
             occ("Elon Musk", "PERSON", "m1"), occ("Elon Musk Foundation", "ORG", "m2")]
    index = canonicalize(items)
    naming = naming_sources(index, ["p1", "p2", "u1", "u2", "n1", "n2", "m1", "m2"])
    assert naming[index.get("Paris Agreement").entity_id] == {"p1", "p2"}
    assert naming[index.get("United States").entity_id] == {"u1"}
    assert naming[index.get("United Nations").entity_id] == {"n1"}
    assert naming[index.get("Elon Musk").entity_id] == {"m1"}


def test_six_pages_of_another_subject_leave_the_topic_and_find_their_own():
    """Each candidate is measured against the pages grouped with it: six
    pages on Hubble, whose names no Paris page uses, leave the Paris
    Agreement the topic (13 of 13), and Hubble is theirs (6 of 6)."""
    from facts.entities import page_topic

    on = [f"s{i}" for i in range(13)]
    items = [occ("Paris Agreement", "LAW", s) for s in on] + [occ("United States", "GPE", s) for s in on[:9]]
    others = [f"o{i}" for i in range(6)]
    items += [occ("Hubble", "PRODUCT", s) for s in others] + [occ("NASA", "ORG", s) for s in others[:3]]
    index = canonicalize(items)
    agreement, hubble = index.get("Paris Agreement").entity_id, index.get("Hubble").entity_id
    assert set(page_topic(index, on)) == {agreement}
    assert set(page_topic(index, on + others)) == {agreement, hubble}
