"""Fact-level differences between two runs (facts.diff)."""

from datetime import date

from facts.diff import diff_facts
from facts.model import Fact, FactValue


def value(year: int, rank: str, sources: tuple[str, ...], superseded: bool = False) -> FactValue:
    return FactValue("fact_x", date(year, 1, 1), date(year, 12, 31), "year", rank, 0.5, sources, (), str(year),
                     superseded=superseded)


def fact(status: str, *values: FactValue) -> Fact:
    sources = tuple(sorted({s for v in values if not v.superseded for s in v.source_ids}))
    return Fact("fact_x", "The IPCP was signed.", date(2012, 1, 1), date(2012, 12, 31), "year", ("IPCP",), status, 0.6,
                len(sources), sources, (), values=values)


def test_a_new_candidate_of_a_conflicting_fact_is_a_change():
    # page c said 2013, now says 2014: preferred value, sources and status all stay
    before = fact("conflicting", value(2012, "preferred", ("a", "b")), value(2013, "deprecated", ("c",)))
    after = fact("conflicting", value(2012, "preferred", ("a", "b")), value(2014, "deprecated", ("c",)),
                 value(2013, "deprecated", ("c",), superseded=True))
    (change,) = diff_facts([before], [after])
    assert (change.change, change.field, change.before, change.after) == (
        "changed", "candidates", "2012 (a, b); 2013 (c)", "2012 (a, b); 2014 (c)")
    # one more rival from a source already counted
    more = fact("conflicting", *before.values, value(2015, "deprecated", ("b",)))
    (change,) = diff_facts([before], [more])
    assert (change.field, change.after) == ("candidates", "2012 (a, b); 2013 (c); 2015 (b)")
    assert diff_facts([after], [after]) == []


def test_a_source_moving_to_another_candidate_of_a_conflicting_fact_is_a_change():
    # c moves from 2013 to 2012: the values, the preferred one, the sources and the status all stay
    before = fact("conflicting", value(2012, "preferred", ("a", "b")), value(2013, "normal", ("c", "d")))
    after = fact("conflicting", value(2012, "preferred", ("a", "b", "c")), value(2013, "normal", ("d",)),
                 value(2013, "normal", ("c",), superseded=True))
    (change,) = diff_facts([before], [after])
    assert (change.field, change.before, change.after) == (
        "candidates", "2012 (a, b); 2013 (c, d)", "2012 (a, b, c); 2013 (d)")
    # a source newly counted is a change of sources, not of candidates
    joined = fact("conflicting", value(2012, "preferred", ("a", "b", "e")), value(2013, "normal", ("c", "d")))
    assert [c.field for c in diff_facts([before], [joined])] == ["sources"]


def test_candidates_of_an_uncontested_fact_or_superseded_ones_are_no_change():
    plain = fact("corroborated", value(2012, "preferred", ("a", "b")))
    refined = fact("corroborated", value(2012, "preferred", ("a", "b")), value(2012, "normal", ("b",)))
    assert diff_facts([plain], [refined]) == []
    conflict = fact("conflicting", value(2012, "preferred", ("a", "b")), value(2013, "deprecated", ("c",)))
    with_old = fact("conflicting", *conflict.values, value(2011, "deprecated", ("c",), superseded=True))
    assert diff_facts([conflict], [with_old]) == []


def test_every_field_the_diff_reports_is_a_named_change_field():
    from facts.model import CHANGE_FIELDS

    before = fact("conflicting", value(2012, "preferred", ("a", "b")), value(2013, "deprecated", ("c",)))
    after = fact("conflicting", value(2012, "preferred", ("a", "b")), value(2014, "deprecated", ("d",)))
    settled = fact("corroborated", value(2012, "preferred", ("a", "b")))
    fields = {c.field for other in (after, settled) for c in diff_facts([before], [other])}
    assert fields == {"candidates", "sources", "status"} and fields <= set(CHANGE_FIELDS)


def test_a_happening_split_off_or_merged_into_another_fact_is_no_news():
    from dataclasses import replace

    both = replace(fact("corroborated", value(2016, "preferred", ("a", "b"))), fact_id="fact_ab", event_ids=("e1", "e2"))
    kept = replace(both, event_ids=("e1",), source_ids=("a",), n_sources=1)
    split = replace(both, fact_id="fact_split", event_ids=("e2",), source_ids=("b",), n_sources=1)
    # split: the fact that lost a statement reports it; the one split off is not "added"
    changes = diff_facts([both], [kept, split])
    assert [(c.fact_id, c.change, c.field) for c in changes] == [("fact_ab", "changed", "sources")]
    # merged back: the absorbed fact is not "removed"
    changes = diff_facts([kept, split], [both])
    assert [(c.fact_id, c.change, c.field) for c in changes] == [("fact_ab", "changed", "sources")]
    # a fact with a statement the previous run did not have is news, and one whose statement is gone too
    fresh = replace(split, event_ids=("e2", "e3"))
    assert [c.change for c in diff_facts([both], [kept, fresh])] == ["added", "changed"]
    assert [c.change for c in diff_facts([kept, fresh], [kept])] == ["removed"]


def _plan(day: date, planned: bool = True) -> Fact:
    return Fact("fact_p", "The telescope launches.", day, day, "day", ("JWST",), "single_source", 0.6, 1, ("a",), (),
                planned=planned)


def test_a_plan_moved_is_rescheduled_and_a_plan_that_came_true_is_named_so():
    moved = diff_facts([_plan(date(2021, 10, 31))], [_plan(date(2021, 12, 18))])
    assert [(c.field, c.before, c.after) for c in moved] == [("rescheduled", "2021-10-31", "2021-12-18")]
    happened = diff_facts([_plan(date(2021, 12, 18))], [_plan(date(2021, 12, 25), planned=False)])
    assert [(c.field, c.before, c.after) for c in happened] == [
        ("date", "2021-12-18", "2021-12-25"), ("planned", "planned", "happened")]
    on_the_day = diff_facts([_plan(date(2021, 12, 25))], [_plan(date(2021, 12, 25), planned=False)])
    assert [(c.field, c.before, c.after) for c in on_the_day] == [("planned", "planned", "happened")]
    # an outcome's date corrected is a date change, not a rescheduling
    fixed = diff_facts([_plan(date(2021, 12, 24), planned=False)], [_plan(date(2021, 12, 25), planned=False)])
    assert [c.field for c in fixed] == ["date"]


def test_a_run_that_did_not_mark_plans_reports_no_plan_change_and_a_vaguer_plan_is_rescheduled():
    from datetime import date

    from facts.diff import diff_facts
    from facts.model import Fact

    def launch(start, end, precision, planned):
        return Fact("fact_l", "The telescope launches.", start, end, precision, ("JWST",), "single_source", 0.6, 1,
                    ("ap",), (), planned=planned)

    unknown = launch(date(2021, 10, 31), date(2021, 10, 31), "day", None)  # read from a run before plans were marked
    planned = launch(date(2021, 10, 31), date(2021, 10, 31), "day", True)
    assert diff_facts([unknown], [planned]) == []
    moved = diff_facts([unknown], [launch(date(2021, 12, 18), date(2021, 12, 18), "day", True)])
    assert [(c.field, c.before, c.after) for c in moved] == [("rescheduled", "2021-10-31", "2021-12-18")]
    vaguer = diff_facts([planned], [launch(date(2021, 1, 1), date(2021, 12, 31), "year", True)])
    assert [(c.field, c.before, c.after) for c in vaguer] == [("rescheduled", "2021-10-31", "2021")]
    finer = diff_facts([launch(date(2021, 1, 1), date(2021, 12, 31), "year", True)], [planned])
    assert [(c.field, c.before, c.after) for c in finer] == [("precision", "2021", "2021-10-31")]
