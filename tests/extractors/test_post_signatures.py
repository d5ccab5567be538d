"""Posts' signature and edit lines (extractors.post_signatures)."""

import pytest

from extractors.post_signatures import is_edit_note, is_post_header, post_signature


def test_an_embedded_posts_signature_names_its_author_and_day():
    line = "Great launch today — Jane Roe (@jroe) June 1, 2017"
    name, _, d0, d1 = post_signature(line)
    assert name == "Jane Roe" and line[d0:d1] == "June 1, 2017"


@pytest.mark.parametrize(("line", "date"), [
    ("Last edited by kestrel77; Mar 3, 2025 at 8:10 pm", "Mar 3, 2025"),
    ("Last edited by kestrel77; Mar 3, 2025 at 8:10 pm", "2025"),  # the year read alone
    ("Edited by mod_anna on 4 June 2024", "4 June 2024"),
    ("Nice trip report. | Last modified by Ann: 2024-05-02", "2024-05-02"),
])
def test_an_edit_note_dates_no_happening(line, date):
    assert is_edit_note(line, line.index(date))


@pytest.mark.parametrize(("line", "date"), [
    ("The guide was edited by two volunteers in 2019.", "2019"),
    ("We edited the video on 4 June 2024.", "4 June 2024"),
    ("Updated by the ministry on 6 July 2023.", "6 July 2023"),  # an update told of, no edit note
    ("Changed by councillors on 2 May 2022.", "2 May 2022"),
    ("Edited by the town historian on 1 March 2021.", "1 March 2021"),  # no one-word handle
])
def test_an_edit_told_in_a_sentence_is_no_note(line, date):
    assert not is_edit_note(line, line.index(date))


@pytest.mark.parametrize("line, header", [
    ("rimelek (Ákos Takács) November 8, 2024, 8:42pm 2", True),
    ("webprofusion January 29, 2024, 6:17am 3", True),
    ("j.doe_99 3 May 2024, 09:12", True),
    # a day and time alone may head an event's listing; a label or a sentence is no poster
    ("September 22, 2024, 2:43pm", False),
    ("Meeting: Jan 5, 2024, 10:00 AM", False),
    ("The meeting is on November 8, 2024, 8:42pm", False),
])
def test_a_forum_posts_header_is_the_poster_the_day_and_time_and_the_number(line, header):
    assert is_post_header(line) is header
