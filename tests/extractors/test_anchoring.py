"""Which day relative expressions count from: publication date first, the
updated date only for update notes and living pages, a quote's own day, the
fetch day with tense; names found by NER hold no dates; one row per
(trigger, date) in a document."""

from __future__ import annotations

from datetime import UTC, date, datetime

from extractors.anchoring import page_anchor, page_date_mentions, update_notes
from extractors.document import _dedupe
from extractors.events import DatedStatement
from extractors.rule_switches import rules_off
from extractors.types import CleanPage, DateMention

FETCHED = datetime(2026, 12, 1, 9, tzinfo=UTC)


def _page(text: str, published: date | None = None, updated: date | None = None) -> CleanPage:
    def dt(d):
        return datetime(d.year, d.month, d.day, tzinfo=UTC) if d else None

    return CleanPage(text=text, published_at=dt(published), updated_at=dt(updated))


def _periods(mentions):
    return {m.text: (m.date_start.isoformat(), m.date_end.isoformat()) for m in mentions}


def test_publication_date_anchors_an_updated_article():
    page = _page("The festival moved to a new site last October.", date(2018, 5, 2), date(2024, 1, 15))
    anchor, mentions = page_date_mentions(page, FETCHED)
    assert (anchor.day, anchor.basis) == (date(2018, 5, 2), "published")
    assert _periods(mentions) == {"last October": ("2017-10-01", "2017-10-31")}


def test_living_page_with_only_an_updated_date_counts_from_it():
    anchor = page_anchor(_page("Prices as listed.", updated=date(2024, 1, 15)), FETCHED)
    assert (anchor.day, anchor.basis) == (date(2024, 1, 15), "updated")


def test_an_update_note_counts_from_the_updated_date():
    text = "The plant closed last week.\n\nUpdate: The owners said yesterday they would reopen it."
    page = _page(text, date(2023, 3, 10), date(2023, 3, 20))
    assert [text[s:e].startswith("Update:") for s, e, _ in update_notes(text)] == [True]
    _, mentions = page_date_mentions(page, FETCHED)
    assert _periods(mentions) == {"last week": ("2023-02-27", "2023-03-05"), "yesterday": ("2023-03-19", "2023-03-19")}


def test_an_update_note_with_its_own_day_counts_from_it():
    text = "The plant closed last week.\n\nUPDATE (April 2, 2023): The owners said yesterday they would reopen it."
    _, mentions = page_date_mentions(_page(text, date(2023, 3, 10)), FETCHED)
    assert _periods(mentions)["yesterday"] == ("2023-04-01", "2023-04-01")


def test_reported_speech_with_its_own_day_keeps_it():
    text = '"We signed the contract yesterday," the director said on 3 March 2021.'
    _, mentions = page_date_mentions(_page(text, date(2021, 6, 1)), FETCHED)
    assert _periods(mentions)["yesterday"] == ("2021-03-02", "2021-03-02")


def test_no_page_date_the_fetch_day_and_tense_decide():
    text = "Organisers announced in January that the fair would move. The fair will reopen in January."
    with rules_off({"fetch-dated"}):
        anchor, mentions = page_date_mentions(_page(text), FETCHED)
    assert anchor.basis == "fetched"
    assert [m.date_start.isoformat() for m in mentions] == ["2026-01-01", "2027-01-01"]


def test_no_page_date_and_no_year_on_the_page_gives_no_date():
    # an undated timeline: only the fetch day would give these a year
    text = "March 24: The company criticises the board.\nApril 4: It discloses a stake.\nIt was sold last week."
    anchor, mentions = page_date_mentions(_page(text), FETCHED)
    assert anchor.basis == "fetched"
    assert mentions == []


def test_no_page_date_the_pages_own_years_still_date_it():
    text = "The deal was signed in 2022. On July 9 the board met. The company was sold on 4 May 2023."
    _, mentions = page_date_mentions(_page(text), FETCHED)
    assert _periods(mentions) == {
        "2022": ("2022-01-01", "2022-12-31"), "July 9": ("2022-07-09", "2022-07-09"),
        "4 May 2023": ("2023-05-04", "2023-05-04"),
    }


def test_the_tagger_says_which_values_the_anchor_gives():
    from extractors.timex import date_mentions

    text = "The plant closed yesterday. It opened in 2019 and was sold on March 24. The next day it reopened."
    dated = {m.text: m.from_anchor for m in date_mentions(text, date(2026, 12, 1))}
    # deictic words and a month-day the anchor gives a year, and what counts from them
    assert dated == {"yesterday": True, "2019": False, "March 24": True, "The next day": True}


def test_a_fetch_day_value_the_pages_own_dates_also_give_is_the_pages():
    from extractors.timex import date_mentions

    # read as news, "December 19" takes its year from the fetch day; the
    # page's "2025" gives it the same year, so it is the page's own date
    text = "The 2025 season ended early. The final was held on December 19. Tickets go on sale tomorrow."
    dated = {m.text: (m.date_start.isoformat(), m.from_anchor) for m in date_mentions(text, date(2026, 3, 15), fetched=True)}
    assert dated["December 19"] == ("2025-12-19", False)
    assert dated["tomorrow"] == ("2026-03-16", True)


def test_a_date_counted_from_a_fetch_day_value_is_the_fetch_days():
    text = "Sales fell last year. The following year they rose. In 2019 they had peaked."
    anchor, mentions = page_date_mentions(_page(text), FETCHED)
    assert anchor.basis == "fetched"
    assert _periods(mentions) == {"2019": ("2019-01-01", "2019-12-31")}


def test_bare_date_words_inside_names_are_dropped_full_dates_are_not():
    text = "A novel by Jane July came out. The Agreement as of 4 November 2020 bound them."
    names = [(text.index("Jane July"), text.index("Jane July") + 9),
             (text.index("Agreement as of"), text.index(" bound"))]
    _, mentions = page_date_mentions(_page(text, date(2021, 1, 5)), FETCHED, names)
    assert [m.text for m in mentions] == ["as of 4 November 2020"]


def _statement(sentence: str, trigger: str, start: int, who: tuple[str, ...] = ("Acme",)) -> DatedStatement:
    dm = DateMention(start, start + 4, "2020", date(2020, 1, 1), date(2020, 12, 31), "year", value="2020")
    return DatedStatement(start, start + len(sentence), sentence, dm, trigger, trigger, start, "other", who, 0.8)


def test_a_repeated_phrase_gives_one_statement():
    sts = [
        _statement("Acme was founded in 2020.", "found", 0),
        _statement("Acme was founded in 2020 in Oslo.", "found", 100),
        _statement("It was founded in 2020.", "found", 150, ()),
        _statement("Acme went public in 2020.", "go", 200),
        _statement("Globex was founded in 2020.", "found", 300, ("Globex",)),
    ]
    assert [s.char_start for s in _dedupe(sts)] == [0, 200, 300]



LISTING = """<html><body><main>
<h3>Harbour council approves new ferry route</h3>
<p>The route announced Tuesday links the two islands.</p>
<div>By Ann Smith • Mar. 5, 2025</div>
<h3>Bakery chain opens its tenth shop</h3>
<p>The chain opened the shop yesterday after a short delay.</p>
<div>By Tom Brown • Feb. 20, 2025</div>
</main></body></html>"""


def test_a_listing_item_counts_from_its_own_date_line():
    from extractors.clean import clean_page

    page = clean_page(LISTING.encode(), content_type="text/html")
    page = CleanPage(text=page.text, blocks=page.blocks, published_at=datetime(2025, 4, 1, tzinfo=UTC))
    _, mentions = page_date_mentions(page, FETCHED)
    days = {m.text: m.date_start for m in mentions}
    assert days["Tuesday"] == date(2025, 3, 4)  # the Tuesday before the item's Wednesday
    assert days["yesterday"] == date(2025, 2, 19)
    with rules_off(["item-dateline"]):
        _, mentions = page_date_mentions(page, FETCHED)
    assert {m.text: m.date_start for m in mentions}["yesterday"] != date(2025, 2, 19)


def test_one_dated_item_is_no_listing():
    from extractors.clean import clean_page

    one = LISTING.split("<h3>Bakery")[0] + "</main></body></html>"
    page = clean_page(one.encode(), content_type="text/html")
    page = CleanPage(text=page.text, blocks=page.blocks, published_at=datetime(2025, 4, 1, tzinfo=UTC))
    _, mentions = page_date_mentions(page, FETCHED)
    assert {m.text: m.date_start for m in mentions}["Tuesday"] == date(2025, 4, 1)  # the page's own day, a Tuesday


def test_a_calendars_entries_keep_its_year():
    from extractors.block_roles import Piece, join_blocks
    from extractors.rule_switches import rules_on
    from extractors.types import BlockRole

    lines = ["March 3: Registration for the spring league opens.",
             "April 9: The first round is played. Late entries were accepted until December 12, 2024.",
             "May 14: The second round is played.", "Aug. 20: The final is held at the city hall."]
    text, blocks = join_blocks([[Piece(line, BlockRole.PARAGRAPH)] for line in lines])
    page = CleanPage(text=text, blocks=blocks, published_at=datetime(2025, 2, 10, tzinfo=UTC))
    with rules_on(["calendar-year"]):
        _, mentions = page_date_mentions(page, FETCHED)
    assert {m.text: m.date_start for m in mentions}["Aug. 20"] == date(2025, 8, 20)
    with rules_off(["calendar-year"]):
        _, mentions = page_date_mentions(page, FETCHED)
    assert {m.text: m.date_start for m in mentions}["Aug. 20"] == date(2024, 8, 20)


def test_an_undated_pages_written_days_are_kept_aside_for_a_year_from_other_pages():
    text = "March 24: The club opened its new hall. Yesterday the mayor visited."
    yearless: list[DateMention] = []
    _, mentions = page_date_mentions(_page(text), FETCHED, (), yearless)
    assert mentions == []
    assert [(m.text, m.year_basis) for m in yearless] == [("March 24", "fetched")]  # not "Yesterday": counted
    with rules_off(["sources-year"]):
        none: list[DateMention] = []
        page_date_mentions(_page(text), FETCHED, (), none)
    assert none == []


def test_a_dated_pages_days_are_never_yearless():
    yearless: list[DateMention] = []
    _, mentions = page_date_mentions(_page("March 24: The club opened its new hall.", date(2021, 5, 1)), FETCHED, (),
                                     yearless)
    assert [(m.text, m.date_start.year) for m in mentions] == [("March 24", 2021)] and yearless == []
