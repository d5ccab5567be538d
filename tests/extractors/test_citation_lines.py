"""Citation metadata: a source list's access date is no date of a happening (extractors.citation_lines)."""

import pytest

from extractors.citation_lines import is_access_date


@pytest.mark.parametrize("line", [
    "Accessed 3 Feb. 2024.",
    "Retrieved on March 9, 2023",
    "Harbour statistics. Port Office. Last accessed: 12 May 2022.",
    "Archived from the original on 1 June 2019.",
])
def test_access_and_archive_dates_are_citation_metadata(line):
    at = next(i for i, ch in enumerate(line) if ch.isdigit() or line[i:i + 5] == "March")
    assert is_access_date(line, at)


@pytest.mark.parametrize(("line", "date"), [
    ("The museum was visited by 40,000 people in 2023.", "2023"),  # a happening, not a label
    ("The files were retrieved by divers and published in 2021.", "2021"),
    ("The mayor opened the bridge on 3 Feb. 2024.", "3 Feb. 2024"),
    ("The records were retrieved on 9 June 2023.", "9 June 2023"),  # a subject before the verb
    ("The envoy visited on 2 April 2022.", "2 April 2022"),
    ("Divers retrieved on 5 May the wreck's bell.", "5 May"),
])
def test_a_date_after_other_words_is_no_access_date(line, date):
    assert not is_access_date(line, line.index(date))


def test_an_access_verb_opening_a_sentence_with_its_own_finite_verb_is_no_citation(models):
    line = "Retrieved on 5 May, the bell was restored by the guild."
    parsed = models.parser(line)
    assert is_access_date(line, line.index("5 May"))  # the words alone look like a citation
    assert not is_access_date(line, line.index("5 May"), parsed[:])
    line = "Port Office. Accessed 3 Feb. 2024."
    parsed = models.parser(line)
    sent = list(parsed.sents)[-1]
    assert is_access_date(sent.text, sent.text.index("3 Feb"), sent)


# --- cited works in running text and reference entries

from extractors.citation_lines import in_text_citation, reference_entry  # noqa: E402
from extractors.rule_switches import rules_off  # noqa: E402


def _cited(text: str, year: str, nth: int = 0):
    at = [i for i in range(len(text)) if text.startswith(year, i)][nth]
    return in_text_citation(text, at, at + len(year))


@pytest.mark.parametrize(("text", "year", "names"), [
    ("Pupils read more at home (Marsh et al, 2018).", "2018", ("Marsh",)),
    ("Pupils read more at home (Marsh et al. 2018).", "2018", ("Marsh",)),
    ("The sector doubled (Northbridge Market Research, 2021).", "2021", ("Northbridge Market Research",)),
    ("The idea is older (Harbour Lane Press, 1994).", "1994", ("Harbour Lane Press",)),
    ("Attendance rose (Ortiz, Becker and Lund, 2016).", "2016", ("Ortiz", "Becker", "Lund")),
    ("Attendance rose (Hale & Moss, 2012; Ortiz et al, 2016).", "2016", ("Ortiz",)),
    ("The first list is old (Pike & Sons Co., 1911).", "1911", ("Pike & Sons Co.",)),
])
def test_a_bracketed_author_and_year_is_a_cited_work(text, year, names):
    assert _cited(text, year) == names


@pytest.mark.parametrize(("text", "year"), [
    ("The valley flooded (in 2019) twice.", "2019"),
    ("The fair returns (Est. 1952) each June.", "1952"),
    ("Sales peaked (March, 2020) and fell.", "2020"),
    ("The machine (Vexa 1620) was loud.", "1620"),  # a model number: no comma before the number
    ("She won the prize for peace (Peace, 1991).", "1991"),  # a common word of the page, capitalised
])
def test_other_bracketed_years_are_no_citation(text, year):
    assert _cited(text, year) is None


def test_the_in_text_citation_switch_turns_it_off():
    with rules_off({"in-text-citation"}):
        assert _cited("Pupils read more at home (Marsh et al, 2018).", "2018") is None


@pytest.mark.parametrize(("line", "authors"), [
    ("3 Northwind. (2024). Annual Fraud Review.", ("Northwind",)),
    ("Lund, K., Ortiz, M. A., & Becker, T. (2016). Reading at home.", ("K Lund", "M A Ortiz", "T Becker")),
    ("Becker, T. (2019, May 4). Why we read.", ("T Becker",)),
])
def test_an_entry_opening_with_its_authors_and_a_bracketed_year_is_a_reference(line, authors):
    text = "References\n" + line
    entry = reference_entry(text, text.index("(") + 1)
    assert entry == (len("References\n"), authors)


@pytest.mark.parametrize("line", [
    "Revenue (2024). Up nine percent.",  # no full stop closing the author part
    "We moved in 2024. (2025). Then again.",
])
def test_other_lines_with_a_bracketed_year_are_no_reference_entry(line):
    assert reference_entry(line, line.index("(") + 1) is None


def test_a_citation_naming_the_firm_named_before_it_has_no_name_of_its_own():
    assert _cited("Price list of locks. (The Company, 1902), by Vale Lock Works.", "1902") == ()
