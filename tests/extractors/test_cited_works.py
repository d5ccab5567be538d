"""A cited work's year is a publish statement of that work, never the date of the sentence's own verb
(extractors.events.cited_works)."""

from tests.extractors.sample_statements import statements


def test_an_in_text_citation_is_a_publish_statement_and_leaves_the_main_verb_undated(models):
    found = statements("Pupils who read at home score higher in maths (Marsh et al, 2018).", models)
    assert [(s.trigger, s.date.value, s.participants) for s in found] == [("publish", "2018", ("Marsh",))]


def test_a_sentence_with_its_own_year_keeps_it_beside_the_citation(models):
    found = statements("About $3 billion was spent on coaching in 2021 (Northbridge Market Research, 2022).", models)
    assert ("publish", "2022", ("Northbridge Market Research",)) in [(s.trigger, s.date.value, s.participants) for s in found]
    assert any(s.trigger != "publish" and s.date.value == "2021" for s in found)
    assert not any(s.trigger != "publish" and s.date.value == "2022" for s in found)


def test_each_work_of_a_bracket_is_its_own_statement(models):
    found = statements("Small groups learn faster (Hale et al, 2012; Ortiz et al, 2016).", models)
    assert sorted((s.date.value, s.participants) for s in found) == [("2012", ("Hale",)), ("2016", ("Ortiz",))]


def test_a_reference_entry_is_a_publish_statement_over_its_line(models):
    text = "Sources\n1 Northwind. (2024). Annual Fraud Review.\n"
    found = statements(text, models)
    assert [(s.trigger, s.date.value, s.participants) for s in found] == [("publish", "2024", ("Northwind",))]
    assert found[0].sentence.startswith("1 Northwind.")


def test_the_place_of_a_citation_takes_no_part(models):
    sts = statements("Catalogue of hand presses built by the Hollis Works (Brooklyn, 1900).", models)
    assert [(st.trigger, st.date.value, st.participants) for st in sts if st.trigger == "publish"] == [
        ("publish", "1900", ())]
