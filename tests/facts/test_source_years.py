"""A year for an undated page's written days from the run's other pages."""

from __future__ import annotations

from datetime import date

from extractors.types import DateMention, Precision
from facts.source_years import Dated, Day, infer_year, redated, same_happening, year_offsets

PAGE = "https://example.org/timeline"
OTHER = "https://news.example.com/story"
THIRD = "https://wire.example.net/report"


def day(month: int, d: int, kind: str | None = "open", parties: frozenset[str] = frozenset()) -> Day:
    return Day(month, d, kind, parties)


def dated(y: int, m: int, d: int, kind: str | None = "open", url: str = OTHER,
          parties: frozenset[str] = frozenset()) -> Dated:
    return Dated(date(y, m, d), kind, parties, url)


def test_a_page_going_forward_turns_the_year_from_december_to_january():
    assert year_offsets([(11, 20), (12, 5), (1, 10), (2, 2)]) == [0, 0, 1, 1]


def test_a_page_going_back_turns_the_year_back_from_january_to_december():
    assert year_offsets([(3, 1), (1, 12), (12, 30), (11, 2)]) == [0, 0, -1, -1]


def test_a_step_back_within_the_year_is_no_new_year():
    # "June 3 ... April 9 ... July 1" in a story going forward: April is looked back on, not next year's
    assert year_offsets([(6, 3), (4, 9), (7, 1), (8, 15)]) == [0, 0, 0, 0]


def test_several_days_told_of_the_same_happenings_on_other_pages_give_their_year():
    days = [day(2, 1, "found"), day(3, 14, "sign"), day(5, 2, "open"), day(9, 9, "close")]
    evidence = [dated(2019, 2, 1, "found"), dated(2019, 3, 14, "sign", THIRD), dated(2019, 5, 2, "open"),
                dated(2023, 9, 9, "close")]
    assert infer_year(days, PAGE, evidence) == 2019


def test_one_coinciding_day_gives_no_year():
    days = [day(2, 1, "found"), day(3, 14, "sign"), day(5, 2, "open")]
    assert infer_year(days, PAGE, [dated(2019, 2, 1, "found")], min_days=1) is None
    assert infer_year(days, PAGE, [dated(2019, 2, 1, "found")]) is None


def test_two_years_about_even_give_none():
    days = [day(2, 1, "found"), day(3, 14, "sign"), day(5, 2, "open"), day(6, 6, "merge")]
    evidence = [dated(2019, 2, 1, "found"), dated(2019, 3, 14, "sign"), dated(2020, 5, 2, "open"),
                dated(2020, 6, 6, "merge")]
    assert infer_year(days, PAGE, evidence) is None


def test_another_version_of_the_same_address_is_no_evidence():
    days = [day(2, 1, "found"), day(3, 14, "sign"), day(5, 2, "open")]
    evidence = [dated(2019, 2, 1, "found", PAGE), dated(2019, 3, 14, "sign", PAGE), dated(2019, 5, 2, "open", PAGE)]
    assert infer_year(days, PAGE, evidence) is None


def test_the_same_day_of_another_happening_does_not_coincide():
    # a resignation on the day of an opening, and no one in common but what the run is about
    topic = frozenset({"ent_club"})
    a = day(5, 2, "open", frozenset({"ent_club"}))
    assert not same_happening(a, dated(2019, 5, 2, "resign", parties=frozenset({"ent_club", "ent_coach"})), topic)
    assert not same_happening(a, dated(2019, 5, 2, "resign", parties=frozenset({"ent_mayor"})), topic)
    assert same_happening(day(5, 2, None, frozenset({"ent_mayor"})), dated(2019, 5, 2, None,
                                                                          parties=frozenset({"ent_mayor"})), topic)
    days = [day(2, 1, "found"), day(3, 14, "sign"), day(5, 2, "open")]
    assert infer_year(days, PAGE, [dated(2019, 2, 1, "resign"), dated(2019, 3, 14, "resign"),
                                   dated(2019, 5, 2, "resign")]) is None


def test_a_page_across_new_year_is_dated_by_its_first_days_year():
    days = [day(11, 20, "found"), day(12, 5, "sign"), day(1, 10, "open")]
    evidence = [dated(2018, 11, 20, "found"), dated(2018, 12, 5, "sign", THIRD), dated(2019, 1, 10, "open")]
    assert infer_year(days, PAGE, evidence) == 2018


def test_meetings_on_the_same_days_are_no_sign_of_the_same_happenings():
    # an undated club diary ("April 4: members met at the library", "May 2: members met again", "June 9: the
    # club held its picnic") and another society that met on April 4 and May 2, 2019: two groups meeting
    diary = [day(4, 4, "meet", frozenset({"ent_garden_club"})), day(5, 2, "meet"), day(6, 9, None, frozenset({"ent_garden_club"}))]
    chess = [dated(2019, 4, 4, "meet", parties=frozenset({"ent_chess_society"})), dated(2019, 5, 2, "meet", THIRD)]
    assert infer_year(diary, PAGE, chess) is None
    assert not same_happening(day(4, 4, "announce:meet"), dated(2019, 4, 4, "announce:meet"))
    # a meeting of the same body on those days does coincide
    club = [dated(2019, 4, 4, "meet", parties=frozenset({"ent_garden_club"})),
            dated(2019, 6, 9, "?picnic", parties=frozenset({"ent_garden_club"}))]
    assert infer_year(diary, PAGE, club) == 2019


def test_sayings_of_different_happenings_do_not_coincide():
    assert not same_happening(day(3, 1, "announce:launch"), dated(2019, 3, 1, "announce:sign"))
    assert same_happening(day(3, 1, "announce:launch"), dated(2019, 3, 1, "announce:launch"))
    assert not same_happening(day(3, 1, "announce"), dated(2019, 3, 1, "announce"))


def test_one_other_page_with_no_participant_in_common_gives_no_year():
    days = [day(2, 1, "found"), day(3, 14, "sign"), day(5, 2, "open")]
    one_page = [dated(2019, 2, 1, "found"), dated(2019, 3, 14, "sign"), dated(2019, 5, 2, "open")]
    assert infer_year(days, PAGE, one_page) is None
    two_pages = one_page[:2] + [dated(2019, 5, 2, "open", THIRD)]
    assert infer_year(days, PAGE, two_pages) == 2019
    # the same page, when one of its happenings shares a participant with the page's (not the topic)
    mayor = frozenset({"ent_mayor"})
    named = [day(2, 1, "found", mayor)] + days[1:]
    assert infer_year(named, PAGE, [dated(2019, 2, 1, "found", parties=mayor)] + one_page[1:]) == 2019
    assert infer_year(named, PAGE, [dated(2019, 2, 1, "found", parties=mayor)] + one_page[1:], topic=mayor) is None


def test_a_day_takes_the_year_and_says_where_it_came_from():
    m = DateMention(0, 8, "March 24", date(2026, 3, 24), date(2026, 3, 24), Precision.DAY, value="2026-03-24",
                    anchored=True, from_anchor=True, year_basis="fetched")
    r = redated(m, 2019)
    assert (r.date_start, r.date_end, r.value, r.year_basis) == (date(2019, 3, 24), date(2019, 3, 24), "2019-03-24",
                                                                 "sources")
    span = DateMention(0, 20, "December 30-January 2", date(2025, 12, 30), date(2026, 1, 2), Precision.DAY,
                       role="range", value="2025-12-30/2026-01-02", year_basis="fetched")
    assert redated(span, 2018).value == "2018-12-30/2019-01-02"
    leap = DateMention(0, 11, "February 29", date(2024, 2, 29), date(2024, 2, 29), Precision.DAY, value="2024-02-29")
    assert redated(leap, 2019).date_start == date(2019, 2, 28)


def _doc(source: str, url: str, lines: list[tuple[str, str, date, str, str]], yearless: bool):
    """A document of timeline lines (sentence, date phrase, day, trigger lemma and word), each naming the Harbour Trust."""
    from datetime import UTC, datetime

    from extractors.document import ProcessedDocument, doc_id_of, event_ids_for
    from extractors.entities import EntityMention
    from extractors.events import DatedStatement
    from extractors.types import CleanPage

    text, sts, names = "", [], []
    for sentence, phrase, d, trigger, written in lines:
        at = len(text)
        text += sentence + "\n\n"
        p = at + sentence.index(phrase)
        dm = DateMention(p, p + len(phrase), phrase, d, d, Precision.DAY, value=d.isoformat(), anchored=yearless,
                         from_anchor=yearless, year_basis="fetched" if yearless else "page")
        t = at + sentence.index(written)
        sts.append(DatedStatement(at, at + len(sentence), sentence, dm, trigger, written, t,
                                  "other", ("Harbour Trust",), 0.7))
        n = at + sentence.index("Harbour Trust")
        names.append(EntityMention("Harbour Trust", "ORG", n, n + 13, "Harbour Trust"))
    snap = source * 4
    base = ProcessedDocument(doc_id=doc_id_of(source, snap), source_id=source, snapshot_sha256=snap, url=url,
                             fetched_at=datetime(2026, 3, 15, tzinfo=UTC), page=CleanPage(text=text),
                             anchor=date(2026, 3, 15), mentions=tuple(names))
    if yearless:
        from dataclasses import replace
        return replace(base, yearless=tuple(sts))
    from dataclasses import replace
    return replace(base, statements=tuple(sts), event_ids=event_ids_for(source, sts))


def _run():
    from facts.entities import canonicalize
    from facts.events import acronym_pairs, occurrences

    timeline = _doc("timeline", PAGE, [
        ("March 3: The Harbour Trust bought the old pier.", "March 3", date(2026, 3, 3), "buy", "bought"),
        ("June 9: The Harbour Trust opened the ferry terminal.", "June 9", date(2025, 6, 9), "open", "opened"),
        ("September 1: The Harbour Trust closed the dry dock.", "September 1", date(2025, 9, 1), "close", "closed"),
    ], yearless=True)
    report = _doc("report", OTHER, [
        ("The Harbour Trust bought the old pier on March 3, 2017.", "March 3, 2017", date(2017, 3, 3), "buy", "bought"),
        ("The Harbour Trust opened the ferry terminal on June 9, 2017.", "June 9, 2017", date(2017, 6, 9), "open", "opened"),
        ("The Harbour Trust closed the dry dock on September 1, 2017.", "September 1, 2017", date(2017, 9, 1), "close", "closed"),
    ], yearless=False)
    docs = [timeline, report]
    return docs, canonicalize(occurrences(docs), acronym_pairs(docs))


def test_an_undated_timeline_takes_the_year_the_other_pages_give_its_days():
    from facts.source_years import CONFIDENCE, with_source_years

    docs, index = _run()
    out = with_source_years(docs, index)
    assert out[1] == docs[1]
    got = out[0]
    assert got.yearless == ()
    assert [(st.date.value, st.date.year_basis) for st in got.statements] == [
        ("2017-03-03", "sources"), ("2017-06-09", "sources"), ("2017-09-01", "sources")]
    assert got.statements[0].confidence == round(0.7 * CONFIDENCE, 3)
    again = with_source_years(list(reversed(docs)), index)[1]
    assert again.event_ids == got.event_ids  # the same inputs, the same ids, in any order


def test_without_the_rule_an_undated_timeline_stays_undated():
    from extractors.rule_switches import rules_off
    from facts.source_years import with_source_years

    docs, index = _run()
    with rules_off(["sources-year"]):
        assert with_source_years(docs, index)[0].statements == ()
