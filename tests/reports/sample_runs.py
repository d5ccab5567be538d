"""A small curated store with two runs, built by hand with the real table
builders (no Prefect, no NLP): the seed pages' statements, two blogs that
disagree on the year the Individual Partnership and Cooperation Programme
was signed (a conflicting fact), a source that fails, and a second run where
two dates moved, one fact appeared and one disappeared.

Used by the report, SQL and browser tests; the run ids are fixed so a report
rendered from it is the same page every time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from assembly.tables import (
    RunRecord,
    changes_table,
    events_table,
    fact_values_table,
    facts_table,
    fetch_log_table,
    runs_table,
)
from extractors.ids import stable_id
from facts.diff import diff_facts
from facts.model import Event, Fact, FactValue, iso_value
from ingest.ingest import FetchRecord
from store.curated_store import CuratedStore, TableSet
from store.schemas import table_from_rows

RUN_1 = "20261123T090000000000Z"
RUN_2 = "20261130T090000000000Z"
CONFLICT_KEY = "ipcp"


@dataclass(frozen=True)
class Source:
    source_id: str
    url: str
    publisher: str | None
    title: str | None


SOURCES = (
    Source("nato-nz", "https://www.nato.int/cps/en/natohq/topics_52347.htm", "NATO", "Relations with New Zealand"),
    Source("mfat-nato", "https://www.mfat.govt.nz/en/peace-rights-and-security/nato",
           "New Zealand Ministry of Foreign Affairs and Trade", "New Zealand and NATO"),
    Source("blog-a", "https://blog-a.example/mongolia-and-nato", None, "Mongolia and NATO: a short history"),
    Source("blog-b", "https://blog-b.example/partners", None, "Partners across the globe"),
    Source("gone", "https://gone.example/nato", None, None),
)


@dataclass(frozen=True)
class Said:
    source_id: str
    sentence: str
    date_text: str
    value: str  # ISO: 2012, 2014-12, 2012-06-04
    trigger: str
    role: str = "point"


@dataclass(frozen=True)
class FactSpec:
    key: str
    participants: tuple[str, ...]
    said: tuple[Said, ...]
    kind: str = "begin"


def _interval(value: str) -> tuple[date, date, str]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31), "year"
    if len(parts) == 2:
        y, m = parts
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1), "month"
    d = date(*parts)
    return d, d, "day"


IPCP = FactSpec(CONFLICT_KEY, ("Individual Partnership and Cooperation Programme", "NATO", "New Zealand"), (
    Said("nato-nz", "Since 2012, work is being taken forward through an Individual Partnership and Cooperation "
         "Programme.", "Since 2012", "2012", "take", "since"),
    Said("mfat-nato", "New Zealand formalised its cooperation with NATO in 2012 with our Individual Partnership and "
         "Cooperation Programme (IPCP).", "2012", "2012", "formalise"),
    Said("blog-a", "Mongolia and NATO signed the Individual Partnership and Cooperation Programme in 2012, after years "
         "of dialogue.", "2012", "2012", "sign"),
    Said("blog-b", "The Individual Partnership and Cooperation Programme was signed in 2013, according to this "
         "overview.", "2013", "2013", "sign"),
))

COMMON = (
    FactSpec("nato-founded", ("NATO", "North Atlantic Treaty"), (
        Said("mfat-nato", "NATO (North Atlantic Treaty Organisation) is the world’s largest and longest standing "
             "political-military alliance, formed under the North Atlantic Treaty in 1949.", "1949", "1949", "form"),)),
    FactSpec("bosnia", ("Bosnia and Herzegovina", "NATO"), (
        Said("mfat-nato", "New Zealand has contributed to NATO deployments several times in recent decades, since first "
             "deploying alongside NATO in Bosnia-Herzegovina in 1996.", "1996", "1996", "deploy"),)),
    FactSpec("dialogue", ("NATO", "New Zealand"), (
        Said("nato-nz", "NATO and New Zealand have been engaged in dialogue and cooperation since 2001.", "since 2001",
             "2001", "engage", "since"),)),
    IPCP,
    FactSpec("isaf", ("Afghanistan", "International Security Assistance Force", "NATO"), (
        Said("nato-nz", "New Zealand made a significant contribution to the NATO-led International Security Assistance "
             "Force (ISAF) in Afghanistan, which completed its mission in December 2014.", "December 2014", "2014-12",
             "complete"),), kind="end"),
    FactSpec("itpp", ("Individually Tailored Partnership Programme", "NATO", "New Zealand"), (
        Said("mfat-nato", "In 2024, New Zealand and NATO updated their partnership framework, the Individually Tailored "
             "Partnership Programme (ITPP).", "2024", "2024", "update"),), kind="change"),
)

RUN_1_FACTS = COMMON + (
    FactSpec("pii", ("Interoperability Platform", "New Zealand", "Partnership Interoperability Initiative"), (
        Said("nato-nz", "Since 2014 under the Partnership Interoperability Initiative, New Zealand participates in the "
             "Interoperability Platform that brings Allies together with 24 partners.", "Since 2014", "2014",
             "participate", "since"),)),
    FactSpec("summits", ("Australia", "Japan", "NATO", "New Zealand", "South Korea"), (
        Said("mfat-nato", "Since 2022 New Zealand Prime Ministers and Foreign Ministers have been invited to attend "
             "annual meetings with the NATO allies.", "Since 2022", "2022", "invite", "since"),)),
    FactSpec("kabul", ("Kabul", "NATO", "New Zealand"), (
        Said("blog-a", "New Zealand closed its embassy in Kabul in 2021.", "2021", "2021", "close"),), kind="end"),
)

RUN_2_FACTS = COMMON + (
    FactSpec("pii", RUN_1_FACTS[-3].participants, (
        Said("nato-nz", "Since 2015 under the Partnership Interoperability Initiative, New Zealand participates in the "
             "Interoperability Platform that brings Allies together with 24 partners.", "Since 2015", "2015",
             "participate", "since"),)),
    FactSpec("summits", RUN_1_FACTS[-2].participants, (
        Said("mfat-nato", "Since 2023 New Zealand Prime Ministers and Foreign Ministers have been invited to attend "
             "annual meetings with the NATO allies.", "Since 2023", "2023", "invite", "since"),)),
    FactSpec("cyber", ("NATO", "New Zealand", "Wellington"), (
        Said("blog-a", "On 14 May 2019, New Zealand and NATO opened a joint cyber defence exercise in Wellington.",
             "14 May 2019", "2019-05-14", "open"),)),
)

FETCH = {
    RUN_1: {"nato-nz": "new", "mfat-nato": "new", "blog-a": "new", "blog-b": "new", "gone": "error"},
    RUN_2: {"nato-nz": "changed", "mfat-nato": "changed", "blog-a": "changed", "blog-b": "unchanged", "gone": "error"},
}
TRUST = {"nato-nz": 0.8, "mfat-nato": 0.8, "blog-a": 0.5, "blog-b": 0.5}


def fact_id(key: str) -> str:
    return stable_id("fact", "sample", key)


def _sha(source_id: str, run_id: str) -> str:
    if FETCH[run_id][source_id] == "unchanged":
        run_id = RUN_1
    return stable_id("sha", source_id, run_id)[4:] * 4


def _build(run_id: str, specs: tuple[FactSpec, ...]) -> tuple[list[Event], list[Fact], dict[str, str], dict[str, str]]:
    """Events and facts of one run, plus each source's document text and the event -> fact map."""
    texts: dict[str, str] = defaultdict(str)
    events: list[Event] = []
    fact_of_event: dict[str, str] = {}
    facts: list[Fact] = []
    for spec in specs:
        fid = fact_id(spec.key)
        by_value: dict[str, list[Event]] = defaultdict(list)
        for said in spec.said:
            start, end, precision = _interval(said.value)
            doc = texts[said.source_id]
            char_start = len(doc)
            texts[said.source_id] = doc + said.sentence + "\n"
            at = said.sentence.index(said.date_text)
            eid = stable_id("ev", said.source_id, said.sentence)
            ev = Event(
                event_id=eid, doc_id=stable_id("doc", said.source_id), source_id=said.source_id,
                snapshot_sha256=_sha(said.source_id, run_id), date_start=start, date_end=end, precision=precision,
                date_text=said.date_text, date_role=said.role, date_value=said.value, trigger=said.trigger,
                trigger_text=said.trigger, kind=spec.kind, participants=spec.participants,
                participant_ids=tuple(stable_id("ent", p) for p in spec.participants), sentence=said.sentence,
                char_start=char_start, char_end=char_start + len(said.sentence), date_char_start=char_start + at,
                date_char_end=char_start + at + len(said.date_text), confidence=0.95,
            )
            events.append(ev)
            fact_of_event[eid] = fid
            by_value[said.value].append(ev)
        ranked = sorted(by_value.items(), key=lambda kv: (-sum(TRUST[e.source_id] for e in kv[1]), kv[0]))
        total = sum(TRUST[e.source_id] for evs in by_value.values() for e in evs)
        values = []
        for i, (value, evs) in enumerate(ranked):
            start, end, precision = _interval(value)
            values.append(FactValue(
                fact_id=fid, date_start=start, date_end=end, precision=precision,
                rank="preferred" if i == 0 else "deprecated",
                score=round(sum(TRUST[e.source_id] for e in evs) / total, 4),
                source_ids=tuple(sorted({e.source_id for e in evs})), event_ids=tuple(sorted(e.event_id for e in evs)),
                value=iso_value(start, end, precision),
            ))
        preferred = values[0]
        sources = sorted({s.source_id for s in spec.said})
        status = "conflicting" if len(values) > 1 else "corroborated" if len(sources) > 1 else "single_source"
        best = by_value[ranked[0][0]][0]
        facts.append(Fact(
            fact_id=fid, statement=best.sentence, date_start=preferred.date_start, date_end=preferred.date_end,
            precision=preferred.precision, participants=spec.participants, status=status,
            confidence=0.6 if status == "conflicting" else 0.76, n_sources=len(sources), source_ids=tuple(sources),
            event_ids=tuple(sorted(e.event_id for evs in by_value.values() for e in evs)), kind=spec.kind,
            date_role=best.date_role, evidence=best.sentence,
            snapshots=tuple(sorted({e.snapshot_sha256 for evs in by_value.values() for e in evs})), values=tuple(values),
        ))
    return events, facts, dict(texts), fact_of_event


def _tables(run_id: str, previous_run: str | None, specs: tuple[FactSpec, ...], previous: TableSet | None,
            previous_facts: list[Fact]) -> tuple[TableSet, list[Fact]]:
    events, facts, texts, fact_of_event = _build(run_id, specs)
    started = datetime.strptime(run_id[:15], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    fetched = [
        FetchRecord(
            source_id=s.source_id, url=s.url, status=FETCH[run_id][s.source_id], fetched_at=started,
            http_status=None if s.source_id == "gone" else 200,
            error="connection refused (gone.example:443)" if s.source_id == "gone" else None,
            error_kind="connect_error" if s.source_id == "gone" else None,
            snapshot_sha256=None if s.source_id == "gone" else _sha(s.source_id, run_id),
            bytes=None if s.source_id == "gone" else len(texts.get(s.source_id, "").encode()) + 400,
        )
        for s in SOURCES
    ]
    docs = [
        {
            "doc_id": stable_id("doc", s.source_id), "source_id": s.source_id, "url": s.url,
            "snapshot_sha256": _sha(s.source_id, run_id), "fetched_at": started, "title": s.title,
            "text": texts[s.source_id], "run_id": RUN_1 if FETCH[run_id][s.source_id] == "unchanged" else run_id,
            "publisher": s.publisher, "language": "en", "kind": "html", "encoding": "utf-8",
        }
        for s in SOURCES
        if s.source_id in texts
    ]
    names = sorted({p for spec in specs for p in spec.participants})
    entities = [
        {"entity_id": stable_id("ent", n), "name": n, "label": "ORG", "aliases": [], "mentions": 1,
         "sources": sorted({s.source_id for spec in specs if n in spec.participants for s in spec.said})}
        for n in names
    ]
    changes = diff_facts(previous_facts, facts)
    conflicts = sum(f.status == "conflicting" for f in facts)
    statuses = [r.status for r in fetched]
    run = RunRecord(
        run_id=run_id, started_at=started, finished_at=started.replace(second=12), status="partial",
        sources_total=len(SOURCES), fetched=statuses.count("new") + statuses.count("changed"),
        unchanged=statuses.count("unchanged"), failed=statuses.count("error"), documents=len(docs), events=len(events),
        facts=len(facts), documents_read=statuses.count("new") + statuses.count("changed"), new=statuses.count("new"),
        changed=statuses.count("changed"), conflicts=conflicts, changes=len(changes), previous_run_id=previous_run,
        code_version="sample",
    )
    tables = TableSet(
        runs=runs_table(previous.runs if previous else None, run),
        fetch_log=fetch_log_table(previous.fetch_log if previous else None, run_id, fetched),
        documents=table_from_rows("documents", docs),
        blocks=table_from_rows("blocks", []),
        entities=table_from_rows("entities", entities),
        mentions=table_from_rows("mentions", []),
        events=events_table(events, fact_of_event),
        facts=facts_table(facts),
        fact_values=fact_values_table(facts),
        changes=changes_table(previous.changes if previous else None, run_id, previous_run, changes),
    )
    return tables, facts


def build_sample_store(root: Path) -> CuratedStore:
    """Publish the two sample runs into ``root`` (a curated dir) and return its store."""
    store = CuratedStore(root)
    t1, f1 = _tables(RUN_1, None, RUN_1_FACTS, None, [])
    store.publish(RUN_1, t1)
    t2, _ = _tables(RUN_2, RUN_1, RUN_2_FACTS, t1, f1)
    store.publish(RUN_2, t2)
    return store


if __name__ == "__main__":  # build one to look at: python -m tests.reports.sample_runs DIR
    import sys

    print(build_sample_store(Path(sys.argv[1]) / "curated").root)
