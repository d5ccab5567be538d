"""Years that belong to a name or a title are no dates (extractors.not_dates, asked by the tagger)."""

from datetime import date

import pytest

from extractors.rule_switches import rules_off
from extractors.timex import date_mentions

ANCHOR = date(2025, 1, 1)


def _texts(text: str) -> list[str]:
    return [m.text for m in date_mentions(text, ANCHOR)]


@pytest.mark.parametrize("text", [
    "The notice was filed under the National Security and Investment Act 2021.",
    "It is the novel which, some say, influenced Orwell’s 1984.",
    "Critics still rank Kubrick's 2001, and for good reason.",
    "Inspectors follow the 2017 National Electrical Code.",
    "These are not books from press releases “Coming in 2025”.",
])
def test_a_year_in_a_title_or_statute_name_is_no_date(text):
    assert _texts(text) == []
    with rules_off({"title-year"}):
        assert len(_texts(text)) == 1


@pytest.mark.parametrize(("text", "dates"), [
    ("The Act was passed in 1934.", ["1934"]),
    ("Shares are registered under the Securities Exchange Act of 1934.", ["1934"]),  # enacted then
    ("Apple’s 2024 revenue grew.", ["2024"]),
    ("Acme’s 2024 was strong, the firm said in 2025.", ["2024", "2025"]),
    ("He said: “We will launch the rocket in 2025.”", ["2025"]),
])
def test_a_year_after_a_name_or_an_act_that_dates_something_stays(text, dates):
    assert _texts(text) == dates


@pytest.mark.parametrize(("text", "rule"), [
    ("The shop charged us 1800 EUR for the repair.", "amount-year"),
    ("Shipping costs CAD 1900 on top of the price.", "amount-year"),
    ("Pupils who skip summer camp lose ground in reading.", "season-kind"),
    ("The toy has a spring-loaded lid.", "season-kind"),
    ("Classes run in two terms (autumn and spring) with a break.", "season-kind"),
    ("The Fenwick 2024 Top Cities for Cycling list ranks Utrecht first.", "title-year"),
    ("Analysts cite Harlow's 2023 SME Lending Survey often.", "title-year"),
    ("They feasted to greet the Year of the Dragon.", "name-or-title"),
])
def test_amounts_season_kinds_and_names_are_no_dates(text, rule):
    assert _texts(text) == []
    with rules_off({rule}):
        assert _texts(text)


@pytest.mark.parametrize(("text", "dates"), [
    ("In 1800 the town had one mill.", ["1800"]),  # a year, no unit after it
    ("The fleet sailed in 1805 and won.", ["1805"]),
    ("We planted the beds in spring and summer.", ["spring", "summer"]),  # a time word before the list
    ("The lake freezes over in winter, when the birds leave.", ["winter"]),
    ("She won gold at the Lisbon 2024 Games.", ["2024"]),  # a named happening keeps its year
    ("In March 2024 Apple cut prices.", ["March 2024"]),
    ("Apple’s 2024 revenue grew.", ["2024"]),
    ("Sales rose over the year.", ["the year"]),
    ("The army launched its summer offensive in 1942.", ["summer", "1942"]),  # a season dating a happening
    ("Troops spent the spring and summer drilling.", ["the spring", "summer"]),
    ("The autumn and winter seasons brought two hits.", ["The autumn", "winter"]),  # a time noun in the plural
])
def test_years_seasons_and_units_that_date_something_stay(text, dates):
    assert _texts(text) == dates


@pytest.mark.parametrize(("text", "year"), [
    ("In 2018 ALL drivers were told to stop.", "2018"),  # a code that is a word, after a year's preposition
    ("Since 2016 CAD drafters use the tool.", "2016"),
    ("In 2021 SOS alerts tripled.", "2021"),
    ("BEST 2023 GADGETS FOR CAMPING", "2023"),  # a line in capitals
    ("The Asia CUP 2027 in Doha sold out.", "2027"),  # a code inside a name
    ("In 2011 A new rule came in.", "2011"),  # a single letter is no unit
    ("The 2021 W Lounge opened downtown.", "2021"),
    ("In 2017 bar staff went on strike.", "2017"),
    ("In 1990 watts were what buyers compared.", "1990"),  # a unit after a year's preposition
])
def test_a_year_before_a_word_like_code_or_unit_stays_a_year(text, year):
    assert any(year in t for t in _texts(text))


@pytest.mark.parametrize("text", [
    "The heater draws 1800 watts on full power.",  # a unit of measure: a count, not a year
    "The battery holds 2000 mAh and charges fast.",
])
def test_a_number_before_a_unit_is_no_year(text):
    assert _texts(text) == []


@pytest.mark.parametrize(("text", "dates"), [
    ("ACMECON 2026 will be held from June 2 to June 5, 2026, downtown.", ["from June 2 to June 5, 2026"]),
    ("Widget Summit 2027 takes place on 4 May 2027 in the old mill.", ["4 May 2027"]),
    ("The Zed Fair 2026 opens in March 2026.", ["March 2026"]),
])
def test_a_year_closing_a_name_beside_a_fuller_date_dates_nothing(text, dates):
    assert _texts(text) == dates
    with rules_off({"name-year"}):
        assert len(_texts(text)) == len(dates) + 1


@pytest.mark.parametrize(("text", "dates"), [
    ("The team will compete at Riverton 2028 next summer.", ["2028", "next summer"]),  # alone: the year stays
    ("In 2026 the fair opens on March 3, 2026.", ["2026", "March 3, 2026"]),  # a cue, not a name
    ("Starting 2026, the fee rises on January 1, 2026.", ["2026", "January 1, 2026"]),
    ("Widget Expo 2027 was announced on May 3, 2026.", ["2027", "May 3, 2026"]),  # another year than the date's
    ("Widget Expo 2026 is set. It opens on May 3, 2026.", ["2026", "May 3, 2026"]),  # another sentence
    ("A 2026 survey ran on May 3, 2026.", ["2026", "May 3, 2026"]),  # a determiner opening the sentence
])
def test_a_year_after_a_name_with_no_fuller_date_of_its_own_stays(text, dates):
    assert _texts(text) == dates


@pytest.mark.parametrize("text", [
    "Filter: Free Shipping (1383)In Stock (1554)Kits only (1042)Specials (616)",  # a catalogue's facet counts
    "Intro to Widgets from Acme University ★★★★★(1300)",  # a rating's count
    "Trail shoe. Rated 4 stars out of 5(1943)",
    "Ordered twice, reviews (1543) all say the same.",
])
def test_a_bracketed_count_is_no_year(text):
    assert _texts(text) == []
    with rules_off({"bracketed-count"}):
        assert _texts(text) != []


@pytest.mark.parametrize(("text", "dates"), [
    ("The shroud Night Garden (1968) hangs in the hall.", ["1968"]),  # a work's year stands alone
    ("Shown in Bielefeld (2022); Hornu (2021); Rochester (2020).", ["2022", "2021", "2020"]),  # years among years
    ("Smith, J. (2015). A new model. Press (12) pp.", ["2015"]),  # one other bracketed number is no run
])
def test_a_year_in_brackets_stays_a_year(text, dates):
    assert _texts(text) == dates


@pytest.mark.parametrize("text", [
    "Section 4 (Hard Copy pages 1893-1894) - Terms and conditions",
    "See pp. 1028-1059 for the latches.",
    "Parts No. 1200-1263 are in stock.",
])
def test_the_end_of_a_range_of_page_or_item_numbers_is_no_year(text):
    assert _texts(text) == []
    with rules_off({"numbered-range"}):
        assert len(_texts(text)) == 1


def test_a_range_of_years_after_a_time_word_stays():
    assert _texts("The war lasted from 1939-1945.") == ["from 1939-1945"]
    assert _texts("Hard copy, printed 1893-1894.") == ["1893-1894"]


@pytest.mark.parametrize("text", [
    "Screen: 15.6-inch, 1920×1080 IPS panel",  # a screen size, both ends
    "Full HD (1920 x 1080) projector",
    "Call us at 855.822.1220 for a quote.",  # a part of a phone number
    "Call us at 1784 5348469 on WhatsApp.",
    "The euro was up 0.05% to $1.1075.",  # an amount's decimals
    "The index closed at 0.2019 on Friday.",
    "Smith J. Trends. doi: 10.1016/j.tins.2020.04.010.",  # a part of a DOI
    "1250 Oxford Ave, Sparks, NV 89431",  # a street number
    "Details: 1121 N. 2nd St. in the old town",
])
def test_a_size_a_number_part_or_a_street_number_is_no_year(text):
    assert [t for t in _texts(text) if any(c.isdigit() for c in t)] == []
    with rules_off({"layout-number"}):
        assert [t for t in _texts(text) if any(c.isdigit() for c in t)] != []


@pytest.mark.parametrize("text", [
    "In 2019 123456 people came.",  # a count after a year: no phone number without a word of calling
    "During 2019 123456 cases were reported.",
    "It cost $5.\n2019 was a good year.",  # an amount closing the line above
])
def test_a_year_next_to_other_numbers_stays(text):
    assert [t for t in _texts(text) if "2019" in t] != []


@pytest.mark.parametrize("text", [
    "Volunteer. Posts: 1725",
    "4.5 out of 5 stars. 1797 reviews",
    "The monitor reaches 1000 nits at peak.",
    "Join 2000+ other experts at the summit.",
])
def test_a_number_that_counts_is_no_year(text):
    assert _texts(text) == []
    with rules_off({"count-number"}):
        assert len(_texts(text)) == 1


@pytest.mark.parametrize(("text", "dates"), [
    ("A 2020 review examined 83 studies.", ["2020"]),  # a study of that year
    ("In 2019 reviews were mixed.", ["2019"]),
    ("Since 1999 St Mary has grown.", ["Since 1999"]),
])
def test_a_year_beside_such_words_stays(text, dates):
    assert _texts(text) == dates


def test_a_year_before_a_slash_and_a_word_stays():
    assert _texts("The plant stopped around late 2022/early 2023.")[0] == "late 2022"  # no path after the slash


def test_a_year_before_a_model_the_page_names_after_its_make_is_a_model_year():
    text = ("NISSAN SENTRA Nissan hopes a redesign of the Sentra sells. The 2020 Sentra, which goes on sale in "
            "late January, loses its old look. Toyota Motor said sales rose. The 2020 Motor Show opens. The motor is new.")
    found = [(m.text, m.date_start.isoformat()) for m in date_mentions(text, date(2019, 11, 20))]
    # "Sentra" follows its make and is never written in lower case; "Motor" is ("the motor")
    assert found == [("late January", "2020-01-01"), ("2020", "2020-01-01")]
    assert text.index("2020 Motor") == next(m.char_start for m in date_mentions(text, date(2019, 11, 20))
                                             if m.text == "2020")
    with rules_off({"page-models"}):
        assert [m.text for m in date_mentions(text, date(2019, 11, 20))].count("2020") == 2
