"""The attachment benchmark's breakdowns: the kind of time a gold TIMEX3 names, and wrong links by cause (no model needed)."""

from evaluation.attachment_eval import Judged, Link, cause_table, parse_links, value_class

TML = """<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-08" functionInDocument="CREATION_TIME">08/08/1998</TIMEX3></DCT>
<TEXT>Officials <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>
that talks <EVENT eid="e2" class="OCCURRENCE">continue</EVENT> <TIMEX3 tid="t2" type="DATE" value="PRESENT_REF">now</TIMEX3>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1"/><MAKEINSTANCE eventID="e2" eiid="ei2"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="INCLUDES" eventInstanceID="ei2" relatedToTime="t2"/>
<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei2" relatedToTime="t1"/>
</TimeML>"""


def test_links_keep_the_value_of_their_date():
    doc = parse_links(TML, "d1")
    assert [(lk.event_text, lk.timex_text, lk.timex_value) for lk in doc.links] == [
        ("said", "Friday", "1998-08-07"), ("continue", "now", "PRESENT_REF")]


def test_value_classes():
    assert value_class("1998-08-07") == value_class("1998-Q3") == value_class("199X") == "calendar"
    assert value_class("PRESENT_REF") == value_class("PAST_REF") == value_class("FUTURE_REF") == "present/past/future ref"
    assert value_class("XXXX-WXX-1") == value_class("P1D") == value_class("") == "other"


def _judged(ok: bool, cause: str) -> Judged:
    return Judged(Link("d", (0, 1), (2, 3), "IS_INCLUDED", "x", "y"), ok, False, (), None, "", cause)


def test_causes_count_only_wrong_links_most_frequent_first():
    js = [_judged(False, "b"), _judged(False, "a"), _judged(False, "b"), _judged(True, "")]
    assert cause_table(js) == [("b", 2), ("a", 1)]


def test_a_cause_with_details_counts_each_link_once_and_keeps_parentheses_in_details():
    from evaluation.attachment_eval import AttachCounts, AttachmentReport

    js = [_judged(False, "c"), _judged(False, "c"), _judged(False, "d (as written)")]
    js[0].detail, js[1].detail = "verb conjoined (and)", "noun object"
    assert cause_table(js) == [("c", 2), ("d (as written)", 1)]
    assert cause_table(js, detailed=True) == [("c (noun object)", 1), ("c (verb conjoined (and))", 1), ("d (as written)", 1)]
    counts = AttachCounts()
    counts.links = 10
    lines = AttachmentReport(rows={"overall": counts}, metrics={}, misses=js, by_value={}).causes().splitlines()[1:]
    assert [ln.split()[-2] for ln in lines] == ["2", "1", "1", "1"]  # the group once, its details nested under it
    assert lines[1].startswith("      of which") and lines[2].startswith("      of which") and lines[3].startswith("  d (as")


def test_a_document_scored_through_the_parser_names_why_each_link_is_wrong(models):
    from evaluation.attachment_eval import score_document

    tml = """<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-08" functionInDocument="CREATION_TIME">08/08/1998</TIMEX3></DCT>
<TEXT>Police <EVENT eid="e1" class="OCCURRENCE">arrested</EVENT> the man <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> and <EVENT eid="e2" class="OCCURRENCE">charged</EVENT> him.
Talks <EVENT eid="e3" class="OCCURRENCE">continue</EVENT> <TIMEX3 tid="t2" type="DATE" value="PRESENT_REF">now</TIMEX3>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1"/><MAKEINSTANCE eventID="e2" eiid="ei2"/><MAKEINSTANCE eventID="e3" eiid="ei3"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t1"/>
<TLINK lid="l3" relType="INCLUDES" eventInstanceID="ei3" relatedToTime="t2"/>
</TimeML>"""
    counts, judged = score_document(parse_links(tml, "d1"), models)
    by_event = {j.link.event_text: j for j in judged}
    assert by_event["arrested"].ok and by_event["arrested"].cause == ""
    assert not by_event["charged"].ok  # one statement per sentence and date: the other event of the date
    assert by_event["charged"].cause == "wrong trigger: the date's other linked event is the trigger"
    assert by_event["charged"].detail == "verb conjoined with the trigger"  # the detail in a field of its own
    assert dict(cause_table(judged))["wrong trigger: the date's other linked event is the trigger"] == 1
    assert by_event["continue"].cause == "no statement: the tagger finds no date there"  # "now" is no date
    assert (counts.links, counts.system_ok, counts.covered) == (3, 1, 2)


def test_misses_the_product_makes_by_design_have_causes_of_their_own(models):
    """TimeBank links the light verb ("had a loss") and the setting ("in early trading"); the product
    names the content word and the happening: these misses are counted apart."""
    from evaluation.attachment_eval import score_document

    tml = """<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1989-10-27" functionInDocument="CREATION_TIME">10/27/89</TIMEX3></DCT>
<TEXT>The company <EVENT eid="e1" class="OCCURRENCE">had</EVENT> a loss of $5 million in <TIMEX3 tid="t1" type="DATE" value="1989-Q3">the third quarter</TIMEX3>.
Its shares rose 5 cents in early <EVENT eid="e2" class="OCCURRENCE">trading</EVENT> <TIMEX3 tid="t2" type="DATE" value="1989-10-26">yesterday</TIMEX3>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1"/><MAKEINSTANCE eventID="e2" eiid="ei2"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t2"/>
</TimeML>"""
    _, judged = score_document(parse_links(tml, "d2"), models)
    by_event = {j.link.event_text: j for j in judged}
    assert by_event["had"].triggers == ("loss",) and not by_event["had"].ok
    assert by_event["had"].cause == "wrong trigger: gold frame verb, its content word is the trigger"
    assert by_event["trading"].triggers == ("rose",)
    assert by_event["trading"].cause == "wrong trigger: gold noun is the setting of the trigger (in trading, at a conference)"


def test_the_taggers_reading_of_each_link_date():
    from evaluation.attachment_eval import date_readings

    # 1998-08-08 is a Saturday: "said Friday" is the day before; "now" is no dated period
    readings = date_readings(parse_links(TML, "d1"))
    assert [(r.timex_text, r.gold, r.tagged, r.cause) for r in readings] == [
        ("Friday", "1998-08-07", "1998-08-07", "same value"),
        ("now", "PRESENT_REF", "PRESENT_REF", "tagged, no dated period")]


def test_date_reading_causes_group_values_by_their_shape():
    from evaluation.attachment_eval import date_reading_cause

    assert date_reading_cause("1988", "1988-Q3", True) == "value differs (9999 / 9999-Q9)"
    assert date_reading_cause("1998-10", "", False) == "not tagged"
    assert date_reading_cause("1998-10", "PXW", False) == "tagged, no dated period"
