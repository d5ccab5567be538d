from datetime import UTC, date, datetime

from extractors.block_roles import Piece, join_blocks
from extractors.date_rows import ROW_TRIGGER, date_runs, event_noun, row_days, run_trigger, run_year
from extractors.rule_switches import rules_off
from extractors.timex import date_mentions
from extractors.types import BlockRole


def _runs(lines: list[str], anchor: date = date(2024, 11, 5), role: BlockRole = BlockRole.PARAGRAPH):
    text, blocks = join_blocks([[Piece(line, role)] for line in lines])
    dates = date_mentions(text, anchor)
    return text, date_runs(text, blocks, dates), dates


TOUR = [
    "The Lantern Owls spring 2025 tour dates:",
    "March 3 -- Harbor Hall, Portland, ME",
    "March 5 – Riverside Theater, Albany, NY",
    "March 8 - Old Mill Stage, Burlington, VT",
]


def test_a_run_of_date_led_rows_gives_one_row_each_with_the_year_and_happening_of_its_intro():
    text, runs, dates = _runs(TOUR)
    (run,) = runs
    assert [text[r.block.char_start : r.block.char_end].split(" ")[1] for r in run.rows] == ["3", "5", "8"]
    assert run_year(text, run, dates) == 2025
    assert {run_trigger(text, run, r) for r in run.rows} == {"tour"}
    assert [day for _, day in row_days(text, run, dates)] == [date(2025, 3, 3), date(2025, 3, 5), date(2025, 3, 8)]


def test_two_rows_are_no_list_and_the_row_needs_a_separator_and_a_label():
    assert _runs(TOUR[:3])[1] == []
    archive = ["March 2024 (12)", "February 2024 (9)", "January 2024 (14)"]
    assert _runs(archive)[1] == []
    stamps = ["March 3, 2024 at 5:12 pm - Reply", "March 4, 2024 at 9:40 am - Reply", "March 6, 2024 at 1:05 pm - Reply"]
    assert _runs(stamps)[1] == []
    bylines = ["7 March 10:07 AM EST - Hardware - 8 Comments", "6 March 09:12 AM EST - Software - 3 Comments",
               "5 March 11:30 AM EST - Storage - Add A Comment"]
    assert _runs(bylines)[1] == []


def test_rows_that_are_sentences_or_link_lists_are_read_another_way():
    told = ["May 2, 2023 - The council approved the new budget after a long debate.",
            "May 9, 2023 - The mayor signed the budget into law at city hall.",
            "May 16, 2023 - The first grants were paid to the schools of the town."]
    assert _runs(told)[1] == []
    assert _runs(TOUR[1:] + TOUR[1:2], role=BlockRole.LINK_LIST)[1] == []


def test_a_clock_time_after_the_day_may_stand_for_the_separator():
    text, runs, _ = _runs(["Schedule of talks", "September 10, 2025 12pm - 1pm Room 217 Dana Whitfield",
                           "September 17, 2025 12pm - 1pm Room 217 Dana Whitfield",
                           "September 24, 2025 12pm - 1pm Room 217 Dana Whitfield"])
    (run,) = runs
    assert [r.date.date_start for r in run.rows] == [date(2025, 9, 10), date(2025, 9, 17), date(2025, 9, 24)]
    assert run_trigger(text, run, run.rows[0]) == "talk"


def test_the_year_the_page_names_for_the_listed_happening_dates_the_rows_and_goes_on_past_december():
    lines = ["The band will play a 2026 winter tour across the north.", "Tour Dates",
             "Nov. 28 – Granite Hall, Duluth, MN", "Dec. 2 – Lakeside Arena, Fargo, ND",
             "Jan. 9 – Prairie Theater, Sioux Falls, SD"]
    text, runs, dates = _runs(lines)
    (run,) = runs
    assert [day for _, day in row_days(text, run, dates)] == [date(2026, 11, 28), date(2026, 12, 2), date(2027, 1, 9)]
    # a capitalised word of a row names a place, not the happening ("Sioux Falls")
    assert run_trigger(text, run, run.rows[2]) == "tour"


def test_with_no_happening_named_a_row_is_an_event_and_a_list_to_come_lies_after_the_pages_day():
    text, runs, dates = _runs(["Upcoming", "June 9 -- Coral Park, Tampa, FL", "June 12 -- Elm Yard, Macon, GA",
                               "June 14 -- Pine Hall, Athens, GA"])
    (run,) = runs
    assert run_trigger(text, run, run.rows[0]) == ROW_TRIGGER
    assert [day for _, day in row_days(text, run, dates, date(2024, 11, 5))] == [
        date(2025, 6, 9), date(2025, 6, 12), date(2025, 6, 14)]


def test_a_year_the_page_names_for_another_tour_does_not_date_a_list_to_come():
    lines = ["The Lantern Owls saw their 2019 tour called off after two nights.", "Upcoming tour dates:",
             "June 9 -- Coral Park, Tampa, FL", "June 12 -- Elm Yard, Macon, GA", "June 15 -- Pine Hall, Athens, GA"]
    text, runs, dates = _runs(lines, anchor=date(2024, 5, 10))
    (run,) = runs
    assert [day for _, day in row_days(text, run, dates, date(2024, 5, 10))] == [
        date(2024, 6, 9), date(2024, 6, 12), date(2024, 6, 15)]
    # a named year a list to come can be in still dates it
    ahead = ["The Lantern Owls plan a 2025 summer tour.", *lines[1:]]
    text, runs, dates = _runs(ahead, anchor=date(2024, 5, 10))
    assert run_year(text, runs[0], dates, date(2024, 5, 10)) == 2025


def test_one_row_out_of_order_does_not_turn_the_year():
    lines = ["The Lantern Owls 2025 tour:", "Mar 3 -- Coral Park, Tampa, FL", "Mar 10 -- Elm Yard, Macon, GA",
             "Mar 8 -- Pine Hall, Athens, GA (added show)", "Mar 15 -- Reed Barn, Ocala, FL"]
    text, runs, dates = _runs(lines, anchor=date(2024, 5, 10))
    (run,) = runs
    assert [day for _, day in row_days(text, run, dates, date(2024, 5, 10))] == [
        date(2025, 3, 3), date(2025, 3, 10), date(2025, 3, 8), date(2025, 3, 15)]


def test_a_run_takes_one_year_and_a_past_list_lies_before_the_pages_day():
    lines = ["Past tour dates:", "November 9 -- Coral Park, Tampa, FL", "November 12 -- Elm Yard, Macon, GA",
             "November 15 -- Pine Hall, Athens, GA"]
    text, runs, dates = _runs(lines, anchor=date(2024, 5, 10))
    (run,) = runs
    assert [day for _, day in row_days(text, run, dates, date(2024, 5, 10))] == [
        date(2023, 11, 9), date(2023, 11, 12), date(2023, 11, 15)]
    # with no tense and no year, the run keeps the tagger's year of its first row, rolled
    text, runs, dates = _runs(["Tour dates:", *lines[1:]], anchor=date(2024, 5, 10))
    years = {day.year for _, day in row_days(text, runs[0], dates, date(2024, 5, 10))}
    assert years == {runs[0].rows[0].date.date_start.year}


def test_birthdays_and_prices_are_no_happenings_but_deadlines_are():
    birthdays = ["Famous birthdays this week:", "May 6 - Dale Fenwick, actor", "May 7 - Ivo Brandt, composer",
                 "May 8 - Hal Truby, senator"]
    assert _runs(birthdays, anchor=date(2024, 5, 10))[1] == []
    prices = ["Price history for the kettle:", "Jan 3 - $49 at Shopmart", "Feb 9 - $39 at Valuco",
              "Mar 2 - $45 at Bigbox"]
    assert _runs(prices, anchor=date(2024, 5, 10))[1] == []
    deadlines = ["Key dates for applicants:", "March 1 - Applications due", "April 15 - Decisions mailed",
                 "May 1 - Deposit deadline"]
    assert len(_runs(deadlines, anchor=date(2024, 5, 10))[1]) == 1


def test_event_noun_reads_plurals_and_skips_month_names():
    assert event_noun("Schedule of talks") == "talk"
    assert event_noun("Upcoming releases") == "release"
    assert event_noun("March 2025 at the museum") is None


def _read(models, html: str, fetched=datetime(2024, 11, 20, tzinfo=UTC)):
    from extractors.document import DocumentInput, process_documents

    (doc,) = process_documents(
        [DocumentInput("s", "ef" * 32, html.encode(), "http://127.0.0.1/rows", fetched, "text/html")], models)
    return doc.statements


TOUR_PAGE = (
    "<html><head><title>Band tour</title><meta property='article:published_time' content='2024-11-19T10:00:00Z'>"
    "</head><body><article><h1>The Lantern Owls announce a spring tour</h1>"
    "<p>The Lantern Owls will head out on a long spring tour next year, their first in a decade.</p>"
    "<p>The Lantern Owls 2025 tour dates:</p>"
    "<p>March 3 -- Harbor Hall, Portland, ME</p><p>March 5 -- Riverside Theater, Albany, NY</p>"
    "<p>March 8 -- Old Mill Stage, Burlington, VT</p></article></body></html>"
)


def test_each_row_of_a_tour_list_is_a_planned_tour_stop_in_the_lists_year(models):
    rows = [s for s in _read(models, TOUR_PAGE) if s.trigger == "tour" and s.date.precision == "day"]
    assert sorted(s.date.date_start for s in rows) == [date(2025, 3, 3), date(2025, 3, 5), date(2025, 3, 8)]
    assert all(s.planned for s in rows)
    assert not any(p in ("Portland", "Albany", "Burlington") for s in rows for p in s.participants)


def test_the_rows_give_nothing_with_their_switches_off(models):
    with rules_off(["date-rows"]):
        assert not [s for s in _read(models, TOUR_PAGE) if s.date.precision == "day"]


def test_the_head_of_a_compound_names_the_happening():
    assert event_noun("The Lantern Owls 10th Anniversary Tour 2025 dates:") == "tour"


def test_a_person_inside_a_venues_or_a_citys_name_is_none():
    from extractors.entities import EntityMention
    from extractors.section_statements import whole_name

    def name(line: str, words: str) -> bool:
        start = line.index(words)
        return whole_name(line, EntityMention(words, "PERSON", start, start + len(words), words))

    assert name("September 10 12pm - 1pm Room 217 Dana Whitfield, PhD", "Dana Whitfield")
    assert not name("June 24 -- Quick Lube Live, Bristow, VA", "Lube Live")
    assert not name("July 22 -- Blossom Hall, Glens Falls, NY", "Glens Falls")
