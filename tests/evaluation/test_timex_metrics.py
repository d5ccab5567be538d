"""TempEval-3 timex metrics on hand-computed examples, and the TimeML reader."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from evaluation.timeml import parse_dct, parse_timeml
from evaluation.timex_eval import Counts, Span, match_spans, metrics_of, run_dates_eval, score_document

# Four gold TIMEX3s and five system ones:
#   S1 = G1 exactly, same value and type       -> strict, relaxed, value, type
#   S2 overlaps G2 (starts 2 chars later), value wrong, type right -> relaxed, type
#   S3 = G3 exactly, value and type wrong      -> strict, relaxed
#   S4, S5 match nothing; G4 is missed.
GOLD = [
    Span(0, 10, "DATE", "2012"),
    Span(20, 30, "DATE", "2012-06"),
    Span(40, 50, "DURATION", "P1Y"),
    Span(60, 70, "DATE", "PRESENT_REF"),
]
SYSTEM = [
    Span(0, 10, "DATE", "2012"),
    Span(22, 30, "DATE", "2012-07"),
    Span(40, 50, "DATE", "P2Y"),
    Span(80, 90, "DATE", "2013"),
    Span(100, 105, "SET", "P1D"),
]


@pytest.fixture(scope="module")
def example() -> dict[str, float | int]:
    c = score_document(GOLD, SYSTEM)
    c.words, c.seconds = 2000, 0.010
    return metrics_of(c)


def test_counts_of_the_example():
    c = score_document(GOLD, SYSTEM)
    assert (c.gold, c.predicted, c.strict, c.relaxed, c.value, c.type) == (4, 5, 2, 3, 1, 2)


def test_strict_precision(example):
    assert example["strict_precision"] == 40.0  # 2 exact extents / 5 predicted


def test_strict_recall(example):
    assert example["strict_recall"] == 50.0  # 2 exact extents / 4 gold


def test_strict_f1(example):
    assert example["strict_f1"] == 44.44  # 2 * .4 * .5 / (.4 + .5)


def test_relaxed_precision(example):
    assert example["relaxed_precision"] == 60.0  # 3 overlapping / 5 predicted


def test_relaxed_recall(example):
    assert example["relaxed_recall"] == 75.0  # 3 overlapping / 4 gold


def test_relaxed_f1(example):
    assert example["relaxed_f1"] == 66.67  # 2 * .6 * .75 / (.6 + .75)


def test_value_f1_is_value_accuracy_over_relaxed_matches_times_relaxed_f1(example):
    assert example["value_f1"] == 22.22  # (1 / 3) * 0.6667


def test_type_f1_is_type_accuracy_over_relaxed_matches_times_relaxed_f1(example):
    assert example["type_f1"] == 44.44  # (2 / 3) * 0.6667


def test_ms_per_1k_words(example):
    assert example["ms_per_1k_words"] == 5.0  # 10 ms over 2,000 words


def test_one_system_span_pairs_with_one_gold_span():
    gold = [Span(0, 5, "DATE", "2012"), Span(6, 10, "DATE", "2013")]
    system = [Span(0, 10, "DATE", "2012")]
    assert len(match_spans(gold, system)) == 1
    c = score_document(gold, system)
    assert (c.relaxed, c.strict) == (1, 0)


def test_counts_are_summed_over_documents_before_dividing():
    total = Counts()
    total.add(score_document([Span(0, 4, "DATE", "2012")], [Span(0, 4, "DATE", "2012")]))
    total.add(score_document([Span(0, 4, "DATE", "2012")] * 3, []))
    m = metrics_of(total)
    assert (m["relaxed_precision"], m["relaxed_recall"]) == (100.0, 25.0)


def test_nothing_predicted_scores_zero_not_an_error():
    m = metrics_of(score_document(GOLD, []))
    assert m["relaxed_f1"] == 0.0 and m["value_f1"] == 0.0


TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>doc1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">yesterday</TIMEX3> that <SIGNAL sid="s1">for</SIGNAL> <TIMEX3 tid="t2" type="DURATION" value="P1Y" mod="APPROX">about a year</TIMEX3> it grew.
</TEXT>
</TimeML>
"""


def test_reader_removes_tags_and_decodes_entities():
    doc = parse_timeml(TML)
    assert doc.text == "\nAT&T said yesterday that for about a year it grew.\n"


def test_reader_offsets_index_the_plain_text():
    doc = parse_timeml(TML)
    assert [doc.text[t.char_start : t.char_end] for t in doc.timexes] == ["yesterday", "about a year"]


def test_reader_keeps_type_value_and_mod():
    doc = parse_timeml(TML)
    t = doc.timexes[1]
    assert (t.type, t.value, t.mod) == ("DURATION", "P1Y", "APPROX")


def test_reader_takes_the_creation_time_and_leaves_it_out_of_the_gold():
    doc = parse_timeml(TML)
    assert doc.dct == date(1998, 1, 8)
    assert all(t.tid != "t0" for t in doc.timexes)


def test_dct_with_a_time_of_day_parses_to_its_date():
    assert parse_dct("1998-02-13T14:26:00") == date(1998, 2, 13)


def test_runner_reports_a_row_per_subdirectory(tmp_path: Path):
    for corpus in ("A", "B"):
        (tmp_path / corpus).mkdir()
        (tmp_path / corpus / "doc.tml").write_text(TML, encoding="utf-8")
    report = run_dates_eval(tmp_path, tagger=lambda text, anchor: [])
    assert list(report.corpora) == ["A", "B"]
    assert report.metrics["gold"] == 4 and report.metrics["predicted"] == 0
