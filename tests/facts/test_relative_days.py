"""Days named relative to the page's date, and what value choice makes of them."""

from datetime import date

from extractors.timex.mentions import date_mentions
from extractors.types import Precision
from facts.reconcile import reconcile
from facts.relative_days import counted_day, counted_unit, relative_day, written_day
from facts.values import DateInterval
from tests.facts.sample_events import event


def ev(eid, source, start, text, precision=Precision.DAY, end=None, current=True, planned=False, counted=None,
       doc_date=date(2022, 7, 13)):
    """``counted``: the tagger counted the day (default: a day whose text writes no number)."""
    if counted is None:
        counted = precision == Precision.DAY and not any(ch.isdigit() for ch in text)
    return event(f"Twitter sued {text}.", start, event_id=eid, doc_id=f"doc_{source}", source_id=source,
                 snapshot_sha256=f"sha_{source}", date_end=end or start, precision=precision, date_text=text,
                 trigger="sue", trigger_text="sued", participants=("Twitter",), participant_ids=("ent_twitter",),
                 char_end=20, date_char_start=13, date_char_end=13 + len(text), current=current, planned=planned,
                 counted_day=counted, doc_date=doc_date)


def one_happening(events, *_):
    """Identity held fixed: every statement tells one happening."""
    return [list(events)]


def test_relative_days_are_days_the_tagger_counted():
    def counted(text, anchor=date(2022, 7, 13)):
        return {m.text: counted_day(m) for m in date_mentions(text, anchor)}

    assert counted("Twitter sued him last night.") == {"last night": True}
    assert counted("It happened two days ago.") == {"two days ago": True}
    assert counted("Friday's filing came first.") == {"Friday": True}
    assert counted("On July 11, 2022 he left. The following day, he sued.") == {
        "July 11, 2022": False, "The following day": True}
    # a written day whose year alone comes from the page is written
    assert counted("He sued on July 12.") == {"July 12": False}
    assert counted("He sued in July.") == {"July": False}
    assert relative_day(ev("a", "s", date(2022, 7, 8), "last Friday"))
    assert not relative_day(ev("a", "s", date(2022, 7, 12), "July 12, 2022"))
    assert not relative_day(ev("a", "s", date(2022, 7, 1), "July", Precision.MONTH, date(2022, 7, 31)))


def test_a_relative_day_is_read_as_the_written_date_of_its_happening():
    night = ev("t", "times", date(2022, 7, 11), "last night")
    filed = ev("m", "filing", date(2022, 7, 12), "On July 12, 2022")
    month = ev("r", "recap", date(2022, 7, 1), "In July", Precision.MONTH, date(2022, 7, 31))
    assert written_day(night, [night, filed, month]) == DateInterval(date(2022, 7, 12), date(2022, 7, 12),
                                                                      Precision.DAY)
    assert written_day(filed, [night, filed]) == DateInterval(date(2022, 7, 12), date(2022, 7, 12), Precision.DAY)
    # nothing written: its own day
    assert written_day(night, [night]) == DateInterval(date(2022, 7, 11), date(2022, 7, 11), Precision.DAY)


def test_a_relative_day_no_written_day_disputes_keeps_its_day():
    night = ev("t", "times", date(2022, 7, 11), "last night")
    month = ev("r", "recap", date(2022, 7, 1), "In July", Precision.MONTH, date(2022, 7, 31))
    year = ev("y", "recap", date(2022, 1, 1), "in 2022", Precision.YEAR, date(2022, 12, 31))
    day = DateInterval(date(2022, 7, 11), date(2022, 7, 11), Precision.DAY)
    assert written_day(night, [night, month]) == day
    assert written_day(night, [night, year]) == day
    (fact,) = reconcile([night, year], grouping=one_happening).facts
    assert (fact.date_start, fact.precision) == (date(2022, 7, 11), Precision.DAY)


def test_a_relative_day_a_written_day_disputes_is_read_as_the_written_date_holding_it():
    night = ev("t", "times", date(2022, 7, 11), "last night")
    month = ev("r", "recap", date(2022, 7, 1), "In July", Precision.MONTH, date(2022, 7, 31))
    rival = ev("w", "wire", date(2022, 7, 14), "on July 14")
    assert written_day(night, [night, month, rival]) == DateInterval(date(2022, 7, 1), date(2022, 7, 31),
                                                                      Precision.MONTH)


def test_a_relative_day_between_two_written_days_it_may_be_off_by_is_read_as_what_they_agree_on():
    """"Last Friday" (8 March) beside a filing's "March 8" and a wire's
    "March 9": a day that may be a day off cannot tell which written day is
    right; read as the written month that holds both, and no vote for
    either. Without such a month, the nearest written day as before."""
    friday = ev("t", "times", date(2024, 3, 8), "last Friday", doc_date=date(2024, 3, 12))
    filed = ev("f", "filing", date(2024, 3, 8), "on March 8")
    wire = ev("w", "wire", date(2024, 3, 9), "on March 9")
    month = ev("r", "recap", date(2024, 3, 1), "in March", Precision.MONTH, date(2024, 3, 31))
    assert written_day(friday, [friday, filed, wire, month]) == DateInterval(date(2024, 3, 1), date(2024, 3, 31),
                                                                              Precision.MONTH)
    assert written_day(friday, [friday, filed, wire]) == DateInterval(date(2024, 3, 8), date(2024, 3, 8),
                                                                       Precision.DAY)
    assert written_day(friday, [friday, filed, month]) == DateInterval(date(2024, 3, 8), date(2024, 3, 8),
                                                                        Precision.DAY)


def test_value_choice_prefers_the_written_date_over_a_relative_day():
    night = ev("t", "times", date(2022, 7, 11), "last night")
    filed = ev("m", "filing", date(2022, 7, 12), "On July 12, 2022")
    (fact,) = reconcile([night, filed]).facts
    assert fact.date_start == date(2022, 7, 12) and fact.status == "corroborated"
    (value,) = fact.values
    assert set(value.event_ids) == {"t", "m"}


def test_a_relative_day_is_not_read_as_the_day_an_overtaken_plan_named():
    # "launched this morning" (25 December) beside an older "scheduled for 24 December"
    morning = ev("o", "news", date(2021, 12, 25), "this morning")
    plan = ev("p", "preview", date(2021, 12, 24), "December 24, 2021", planned=True)
    assert written_day(morning, [morning, plan]) == DateInterval(date(2021, 12, 25), date(2021, 12, 25),
                                                                  Precision.DAY)
    (fact,) = reconcile([morning, plan], grouping=one_happening).facts
    assert fact.date_start == date(2021, 12, 25)
    by_value = {v.value: v for v in fact.values}
    assert by_value["2021-12-25"].event_ids == ("o",) and not by_value["2021-12-25"].superseded
    assert by_value["2021-12-24"].superseded and by_value["2021-12-24"].event_ids == ("p",)


def test_a_relative_day_on_a_page_without_a_date_yields_to_a_written_day_weeks_off():
    filed = ev("m", "filing", date(2022, 7, 12), "On July 12, 2022")
    undated = ev("u", "blog", date(2022, 7, 30), "yesterday", doc_date=None)
    dated = ev("d", "news", date(2022, 7, 30), "yesterday")
    assert written_day(undated, [undated, filed]) == DateInterval(date(2022, 7, 12), date(2022, 7, 12),
                                                                   Precision.DAY)
    assert written_day(dated, [dated, filed]).date_start == date(2022, 7, 30)  # a dated page's day is a rival
    (fact,) = reconcile([undated, filed], grouping=one_happening).facts
    assert fact.date_start == date(2022, 7, 12) and fact.status == "corroborated"


def test_a_relative_day_is_read_as_a_written_date_no_wider_than_a_month():
    """"Last Friday" (8 March) beside "March 8", "March 9" and "in 2024": the
    year says too little of the day to stand for it; so across a month's end,
    and on an undated page far from the written day."""
    friday = ev("t", "times", date(2024, 3, 8), "last Friday", doc_date=date(2024, 3, 12))
    filed = ev("f", "filing", date(2024, 3, 8), "on March 8")
    wire = ev("w", "wire", date(2024, 3, 9), "on March 9")
    year = ev("y", "recap", date(2024, 1, 1), "in 2024", Precision.YEAR, date(2024, 12, 31))
    assert written_day(friday, [friday, filed, wire, year]).precision == Precision.DAY
    sunday = ev("s", "times", date(2024, 3, 31), "last Sunday", doc_date=date(2024, 4, 3))
    april = ev("a", "wire", date(2024, 4, 1), "on April 1")
    march = ev("m", "filing", date(2024, 3, 31), "on March 31")
    assert written_day(sunday, [sunday, april, march, year]).precision == Precision.DAY
    undated = ev("u", "blog", date(2024, 7, 10), "last Wednesday", doc_date=None)
    before = ev("b", "wire", date(2024, 6, 20), "on June 20")
    after = ev("l", "agency", date(2024, 7, 30), "on July 30")
    assert written_day(undated, [undated, before, after, year]).precision == Precision.DAY


def test_a_relative_day_between_written_days_of_unequal_support_keeps_the_nearest():
    """Two written days say 8 March and one 9 March: the relative day does
    not take the vote away, it is read as the nearest written day."""
    friday = ev("t", "times", date(2024, 3, 8), "last Friday", doc_date=date(2024, 3, 12))
    filed = ev("f", "filing", date(2024, 3, 8), "on March 8")
    agency = ev("g", "agency", date(2024, 3, 8), "on March 8")
    wire = ev("w", "wire", date(2024, 3, 9), "on March 9")
    month = ev("r", "recap", date(2024, 3, 1), "in March", Precision.MONTH, date(2024, 3, 31))
    assert written_day(friday, [friday, filed, agency, wire, month]) == DateInterval(date(2024, 3, 8),
                                                                                     date(2024, 3, 8), Precision.DAY)


def test_counted_units_are_months_and_years_counted_from_another_date():
    def counted(text, anchor=date(2021, 1, 21)):
        return {m.text: counted_unit(m) for m in date_mentions(text, anchor)}

    assert counted("The pact was signed in December 2015. Three years later, he announced the exit.") == {
        "December 2015": False, "Three years later": True}
    assert counted("The pact was signed in 2015. He left last year.") == {"2015": False, "last year": False}
    assert counted("The mill opened in May 2010. Two months later, it closed.")["Two months later"] is True
    # a checklist heading counting a span back from an event is no count from a date the page told
    assert counted("The wedding is in June 2026. 10-11 Months Before: book the venue.")["10-11 Months Before"] is False
