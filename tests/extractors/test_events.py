"""Dated statements on sentences of the seed pages, through the real model."""

from datetime import date

import pytest

from extractors.events import group_dates_by_sentence, statements_from_parse
from extractors.reading import read_texts, text_blocks
from extractors.timex import date_mentions


def statements(text, models, anchor=date(2018, 9, 12)):
    (reading,) = read_texts([text], models.reader)
    out = []
    for sentence, dates in group_dates_by_sentence(reading.sentences, date_mentions(text, anchor)):
        parsed = models.parser(text[sentence[0]:sentence[1]])
        out.extend(statements_from_parse(text, sentence, parsed, dates, reading.mentions))
    return out


def test_isaf_completed_in_december_2014(models):
    text = ("New Zealand made a significant contribution to the NATO-led International Security Assistance Force "
            "(ISAF) in Afghanistan, which completed its mission in December 2014.")
    (st,) = statements(text, models)
    assert st.trigger == "complete" and st.kind == "end"
    assert (st.date.date_start, st.date.date_end, st.date.precision) == (date(2014, 12, 1), date(2014, 12, 31), "month")
    assert "ISAF" in st.participants or "International Security Assistance Force" in st.participants
    assert "Afghanistan" in st.participants
    assert text[st.char_start:st.char_end] == st.sentence


def test_since_2022_annual_meetings(models):
    text = ("Since 2022 New Zealand Prime Ministers and Foreign Ministers, and their counterparts from Australia, "
            "Japan and the Republic of Korea, have been invited to attend annual meetings with the NATO allies.")
    (st,) = statements(text, models, anchor=date(2026, 11, 23))
    assert st.date.role == "since" and st.date.date_start == date(2022, 1, 1) and st.date.precision == "year"
    assert st.trigger == "invite" and st.kind == "begin"


def test_two_dates_two_statements_and_no_statement_without_a_date(models):
    text = ("NATO was founded in 1949. New Zealand currently provides support. "
            "The mission began in 2001 and ended in December 2014.")
    sts = statements(text, models)
    assert [(s.date.date_start.year, s.trigger) for s in sts] == [(1949, "found"), (2001, "begin"), (2014, "end")]
    assert {s.kind for s in sts} == {"begin", "end"}


@pytest.mark.parametrize("text", [
    "The ITPP sets out goals in cooperation and responds to the changing global strategic landscape.",
    "New Zealand has contributed to NATO deployments several times in recent decades.",
    "This increased engagement reflects the increasingly global nature of today’s most pressing security challenges.",
    "The exercise lasted 75 years.",
])
def test_no_statement_from_undated_vague_or_duration_text(models, text):
    assert statements(text, models) == []


def test_blocks_keep_headings_apart():
    text = "Key areas\n\nNATO and New Zealand\n \nBody text."
    assert [text[s:e] for s, e in text_blocks(text)] == ["Key areas", "NATO and New Zealand", "Body text."]
