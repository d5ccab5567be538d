"""What a run's reasoning takes the pages to be about."""

from facts.entities import EntityOccurrence, canonicalize
from facts.reasoning import about


def occ(key, label="ORG", source="a"):
    return EntityOccurrence(key=key, label=label, source_id=source)


def test_a_configured_subject_and_the_parts_of_its_name_are_what_the_pages_are_about():
    pages = [f"s{i}" for i in range(8)]
    items = [occ("James Webb Space Telescope", "PRODUCT", s) for s in pages] + [occ("Webb", "PRODUCT", "s1")]
    items += [occ("NASA", "ORG", s) for s in pages]
    index = canonicalize(items)
    ids = {n: index.get(n).entity_id for n in ("James Webb Space Telescope", "Webb", "NASA")}
    # configured: the subject alone (with "Webb"), whatever else every page names
    assert set(about(index, ["James Webb Space Telescope"], pages)) == {ids["James Webb Space Telescope"], ids["Webb"]}
    assert set(about(index, ["James Webb Space Telescope"], pages[:3])) == {ids["James Webb Space Telescope"], ids["Webb"]}
    # not configured (or naming nothing the pages name): what nearly every page names
    assert set(about(index, [], pages)) == set(ids.values())
    assert set(about(index, ["Hubble"], pages)) == set(ids.values())


def test_a_configured_subject_takes_parts_of_its_type_only_and_names_what_the_pages_never_name(caplog):
    pages = [f"s{i}" for i in range(3)]
    items = [occ("Paris Agreement", "LAW", s) for s in pages] + [occ("Paris", "GPE", "s1")]
    items += [occ("NATO", "ORG", "s2")]
    index = canonicalize(items)
    with caplog.at_level("WARNING", logger="facts.reasoning"):
        topic = set(about(index, ["Paris Agreement", "Aotearoa"], pages))
    assert topic == {index.get("Paris Agreement").entity_id}  # the city "Paris" is a participant
    assert "Aotearoa" in caplog.text and "Paris Agreement" not in caplog.text
