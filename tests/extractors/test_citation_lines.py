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
