"""The cause evaluation.values_eval gives a preferred value that is not the
gold one: a split that leaves a report of the happening that fits the gold
value and disputes the preferred one in another fact is identity's, not
ranking's; a split-off plan or a statement the gold value does not hold
leaves the miss to ranking."""

from __future__ import annotations

from datetime import date

from evaluation.facts_eval import GoldStatement, Page, Subject, normalise
from evaluation.values_eval import miss_causes
from facts.model import Event
from facts.reconcile import reconcile
from facts.values import DateInterval
from tests.facts.sample_events import event

JULY_8 = DateInterval(date(2022, 7, 8), date(2022, 7, 8), "day")
JULY_9 = DateInterval(date(2022, 7, 9), date(2022, 7, 9), "day")
JUNE_9 = DateInterval(date(2022, 6, 9), date(2022, 6, 9), "day")
JULY = DateInterval(date(2022, 7, 1), date(2022, 7, 31), "month")
# three pages' 8 July, one 9 July, one July (the gold: July, what all five hold), one page's wrong 9 June
TOLD = {"a": JULY_8, "d": JULY_8, "e": JULY_8, "b": JULY_9, "c": JULY, "w": JUNE_9}


def _sentence(source: str) -> str:
    return f"Musk terminated the Twitter deal, page {source} says."


def _event(source: str, planned: bool = False) -> Event:
    iv = TOLD[source]
    return event(_sentence(source), iv.date_start, event_id=f"e_{source}", doc_id=f"doc_{source}", source_id=source,
                 snapshot_sha256=f"sha_{source}", date_end=iv.date_end, precision=iv.precision, date_text="July",
                 date_value="2022-07", trigger="terminate", trigger_text="terminated", kind="end",
                 participants=("Musk", "Twitter deal"), participant_ids=("ent_musk", "ent_twitter_deal"),
                 char_end=10, planned=planned)


SUBJECT = Subject(
    name="termination",
    pages=tuple(Page(file=f"{s}.txt", url=f"https://example.org/{s}", published=None, text="") for s in TOLD),
    statements=tuple(
        GoldStatement(happening="terminates", file=f"{s}.txt", interval=iv, evidence=normalise(_sentence(s)),
                      entities=frozenset({"Musk"}), planned=False)
        for s, iv in TOLD.items()
    ),
    contested=("terminates",),
)
FILE_OF_DOC = {f"doc_{s}": f"{s}.txt" for s in TOLD}
PREFERRED_DAY = "2022-07-08/2022-07-08"


def _causes(groups: list[list[str]], planned: frozenset[str] = frozenset()) -> list[tuple[str, str, str, str]]:
    def grouping(events, *args, **kwargs):
        by_id = {e.event_id: e for e in events}
        return [[by_id[f"e_{s}"] for s in g] for g in groups]

    events = [_event(s, s in planned) for s in TOLD if any(s in g for g in groups)]
    rec = reconcile(events, grouping=grouping)
    return miss_causes(SUBJECT, events, rec.fact_of_event, rec.facts, FILE_OF_DOC)


def test_one_fact_of_the_whole_conflict_that_prefers_the_day_is_a_ranking_miss():
    (miss,) = _causes([["a", "d", "e", "b", "c"]])
    assert miss == ("terminates", "ranking", PREFERRED_DAY, "2022-07-01/2022-07-31")


def test_a_split_that_leaves_the_disputing_report_elsewhere_is_identity_not_ranking():
    # the main fact holds 8 July three times and July: a refinement, rightly the day; 9 July sits alone
    (miss,) = _causes([["a", "d", "e", "c"], ["b"]])
    assert miss[:3] == ("terminates", "identity", PREFERRED_DAY)


def test_a_split_off_plan_does_not_make_the_miss_identity():
    (miss,) = _causes([["a", "d", "e", "c"], ["b"]], planned=frozenset({"b"}))
    assert miss[:3] == ("terminates", "ranking", PREFERRED_DAY)


def test_a_split_off_date_the_gold_value_does_not_hold_does_not_make_the_miss_identity():
    (miss,) = _causes([["a", "d", "e", "c"], ["w"]])
    assert miss[:3] == ("terminates", "ranking", PREFERRED_DAY)
