"""A run report's data for the report tests: one fact of each status, and text a
hostile page could carry (``EVIL``) to mix into every field a page can reach."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from facts.model import Change, Fact, FactValue
from reports.html_report import ReportData, RunInfo, SourceStatus, Statement
from tests.reports.sample_runs import RUN_1, RUN_2

PAYLOADS = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "javascript:alert(3)",
    "[click me](javascript:alert(4))",
    '"><svg onload=alert(5)>',
    "</title></style><iframe src=//evil.example/>",
)
EVIL = " ".join(PAYLOADS)


def fv(fid: str, value: str, start: date, end: date, precision: str, rank: str, score: float,
       sources: tuple[str, ...], events: tuple[str, ...]) -> FactValue:
    return FactValue(fid, start, end, precision, rank, score, sources, events, value)


def fact(fid: str, statement: str, start: date | None, end: date | None, precision: str | None, status: str,
         sources: tuple[str, ...], values: tuple[FactValue, ...] = (), role: str = "point") -> Fact:
    return Fact(fid, statement, start, end, precision, ("NATO", "New Zealand"), status, 0.8, len(sources), sources,
                tuple(e for v in values for e in v.event_ids), kind="begin", date_role=role, evidence=statement,
                values=values)


Y2012 = (date(2012, 1, 1), date(2012, 12, 31))
Y2013 = (date(2013, 1, 1), date(2013, 12, 31))
D2019 = (date(2019, 5, 14), date(2019, 5, 14))


def sample(text: str = "", source: str = "") -> ReportData:
    """A run with one fact of each status; ``text``/``source`` are mixed into every field a page can carry."""
    a, b = f"blog-a{source}", f"blog-b{source}"
    conflict = fact("fact_c", f"The programme was signed in 2012.{text}", *Y2012, "year", "conflicting", (a, b, "nato"),
                    (fv("fact_c", "2012", *Y2012, "year", "preferred", 0.81, (a, "nato"), ("ev_1", "ev_2")),
                     fv("fact_c", "2013", *Y2013, "year", "deprecated", 0.19, (b,), ("ev_3",))))
    facts = (
        conflict,
        fact("fact_k", f"Both agree on 2001.{text}", date(2001, 1, 1), date(2001, 12, 31), "year", "corroborated",
             ("nato", a), (fv("fact_k", "2001", date(2001, 1, 1), date(2001, 12, 31), "year", "preferred", 1.0,
                              ("nato", a), ("ev_4", "ev_5")),), role="since"),
        fact("fact_s", f"Opened on 14 May 2019.{text}", *D2019, "day", "single_source", (a,),
             (fv("fact_s", "2019-05-14", *D2019, "day", "preferred", 1.0, (a,), ("ev_6",)),)),
        fact("fact_x", f"Opened in 1996, a year late.{text}", date(1996, 1, 1), date(1996, 12, 31), "year", "single_source",
             ("nato",),
             (fv("fact_x", "1996", date(1996, 1, 1), date(1996, 12, 31), "year", "preferred", 1.0, ("nato",), ("ev_7",)),
              replace(fv("fact_x", "1995", date(1995, 1, 1), date(1995, 12, 31), "year", "deprecated", 0.0, ("nato",),
                         ("ev_8",)), superseded=True))),
        fact("fact_u", f"Undated.{text}", None, None, None, "single_source", ("nato",)),
    )
    said = f"The programme was signed in 2013, says the blog.{text}"
    signed = f"Mongolia and NATO signed it in 2012.{text}"
    statements = (
        Statement("ev_1", a, signed, "2012", (signed.index("2012"), signed.index("2012") + 4)),
        Statement("ev_2", "nato", "Since 2012, work is taken forward.", "Since 2012", (0, 10)),
        Statement("ev_3", b, said, "2013", (said.index("2013"), said.index("2013") + 4)),
    )
    changes = (
        Change("fact_s", "added", None, None, "2019-05-14", f"Opened on 14 May 2019.{text}", None,
               f"Opened on 14 May 2019.{text}"),
        Change("fact_c", "changed", "date", "2013", "2012", f"The programme was signed in 2012.{text}",
               f"Signed in 2013.{text}", f"Signed in 2012.{text}"),
        Change("fact_gone", "removed", None, "2021", None, f"Closed in 2021.{text}", f"Closed in 2021.{text}", None),
    )
    sources = (
        SourceStatus("nato", "unchanged", f"https://www.nato.int/x{text}", 200, None, None, 2376, "a" * 64, "NATO",
                     f"Relations{text}"),
        SourceStatus(a, "changed", f"https://blog-a.example/p{text}", 200, None, None, 245, "b" * 64, f"Blog{text}", None),
        SourceStatus(f"gone{source}", "error", f"javascript:alert(9){text}", 503, f"HTTP 503 from server{text}",
                     "http_status"),
    )
    run = RunInfo(run_id=RUN_2, status="partial", started_at=datetime(2026, 11, 30, 9, tzinfo=UTC),
                  finished_at=datetime(2026, 11, 30, 9, 0, 12, tzinfo=UTC), previous_run_id=RUN_1, sources_total=3,
                  fetched=1, unchanged=1, failed=1, documents=2, events=7, facts=5, conflicts=1, changes=3,
                  code_version=f"abc{text}")
    return ReportData(run=run, facts=facts, statements=statements, changes=changes, sources=sources)
