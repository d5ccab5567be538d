"""A run's reasoning across its documents (pure): canonical entities, canonical
events and their reconciliation into facts, without tables. The run's table
assembly (assembly/run.py) and the facts benchmark call it alike."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence

from extractors.document import ProcessedDocument
from extractors.entities import AliasEntry
from facts.entities import EntityIndex, canonicalize, page_topic, with_parts
from facts.events import acronym_pairs, canonical_events, occurrences
from facts.identity import IdentityModel, cluster
from facts.model import Event, Fact
from facts.reconcile import Reconciliation, reconcile
from facts.source_years import with_source_years

log = logging.getLogger(__name__)


def about(index: EntityIndex, subject: Sequence[str], sources: Iterable[str]) -> tuple[str, ...]:
    """What the pages are about (entity ids): the configured subject and the
    parts of its names (a place only of a place), when sources.toml names one the
    pages name (each configured name the pages never name is logged); else
    what nearly every page on the subject names (facts.entities.page_topic:
    a single-subject run of at least six pages), a share that a page more
    or less can move across its line. A configured subject does not move
    with the pages."""
    configured = []
    for name in subject:
        ent = index.get(name)
        if ent is None:
            log.warning("sources.toml subject %r: no page of this run names it", name)
        else:
            configured.append(ent.entity_id)
    if configured:
        return with_parts(index, configured)
    return page_topic(index, sources)


def reason(
    docs: Sequence[ProcessedDocument],
    earlier_docs: Sequence[ProcessedDocument] = (),
    *,
    subject: Sequence[str] = (),
    aliases: Sequence[AliasEntry] = (),
    trust: Mapping[str, float | None] | None = None,
    previous_facts: Sequence[Fact] = (),
    model: IdentityModel | None = None,
    grouping: Callable[..., list[list[Event]]] = cluster,
    code_version: str = "",
) -> tuple[EntityIndex, list[Event], Reconciliation]:
    """Documents -> canonical entities, events and facts: the reasoning of a
    run, without tables (the facts benchmark calls it as the run does).
    ``code_version``: the run's code fingerprint, stored with each fact."""
    index = canonicalize(occurrences(docs), acronym_pairs(docs), aliases)
    subject_ids = list(about(index, subject, (d.source_id for d in docs)))
    # an earlier snapshot's undated days are dated as the current pages' are (the same URL never dates itself)
    dated = with_source_years([*docs, *earlier_docs], index, frozenset(subject_ids))
    docs, earlier_docs = dated[: len(docs)], dated[len(docs) :]
    events = canonical_events(docs, index) + canonical_events(earlier_docs, index, current=False)
    labels = {e.entity_id: e.label for e in index.entities}
    priors = {k: v for k, v in (trust or {}).items() if v is not None}
    rec = reconcile(events, trust=priors, subject_ids=subject_ids, entity_labels=labels, previous=previous_facts,
                    model=model, grouping=grouping, code_version=code_version)
    return index, events, rec
