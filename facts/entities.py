"""Canonical entities across documents: one entity for its different spellings.

Spellings are joined when
- the alias table says so (facts/data/aliases.toml, extended by the
  ``[aliases]`` table of sources.toml);
- a document defines an acronym ("Individual Partnership and Cooperation
  Programme (IPCP)");
- they fold to the same key: case, dots, dashes, "&"/"and", a leading "the"
  and British/American "-isation/-ization" spellings do not matter;
- a one-word person name is the surname of longer person names of the run
  that share a first name ("Musk", "Elon Musk", "Elon R. Musk"; not when
  two people have that surname);
- a company's name with its legal form is the name without it when the run
  also names it so ("Twitter, Inc.", "Twitter Inc" and "Twitter").

The canonical name is the alias table's name, else the longest spelling that
is not an all-capitals acronym nor carries a legal form. The entity id hashes the folded canonical
name, so it is the same in every run that sees the same spellings,
whatever the order of documents.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from extractors.entities import AliasEntry, normalize_name
from extractors.ids import stable_id

_LABEL_PRIORITY = ("ORG", "GPE", "LOC", "NORP", "PERSON", "LAW", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART")


@dataclass(frozen=True, slots=True)
class EntityOccurrence:
    """One mention, as the canonicaliser needs it."""

    key: str  # normalised name (EntityMention.key)
    label: str
    source_id: str


@dataclass(frozen=True, slots=True)
class CanonicalEntity:
    entity_id: str
    name: str
    label: str | None
    aliases: tuple[str, ...]  # every other spelling seen or listed, sorted
    mentions: int
    sources: tuple[str, ...]


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The matching key of a name."""
    s = unicodedata.normalize("NFKC", normalize_name(name)).casefold()
    s = s.replace("&", " and ").replace(".", "")
    s = re.sub(r"isation\b", "ization", s)
    s = re.sub(r"isations\b", "izations", s)
    s = re.sub(r"programme\b", "program", s)
    s = re.sub(r"[-‐–—/]", " ", s)
    s = re.sub(r"^the ", "", s)
    return re.sub(r"\s+", " ", s).strip()


@lru_cache(maxsize=1)
def builtin_aliases() -> tuple[AliasEntry, ...]:
    data = tomllib.loads(resources.files("facts").joinpath("data/aliases.toml").read_text(encoding="utf-8"))
    return tuple(AliasEntry(k, tuple(v)) for k, v in sorted(data.items()))


def _is_acronym(name: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", name)
    return bool(letters) and letters.upper() == letters and len(letters) <= 10 and " " not in name.strip()


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # deterministic: the smaller key becomes the root
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


class EntityIndex:
    """Maps mention keys to canonical entities."""

    def __init__(self, entities: Sequence[CanonicalEntity], by_fold: dict[str, CanonicalEntity]):
        self.entities = tuple(entities)
        self._by_fold = by_fold

    def get(self, key: str) -> CanonicalEntity | None:
        return self._by_fold.get(fold(key))

    def name_of(self, key: str) -> str:
        ent = self.get(key)
        return ent.name if ent else normalize_name(key)


def _label(counts: Counter) -> str | None:
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], _LABEL_PRIORITY.index(kv[0]) if kv[0] in _LABEL_PRIORITY else 99))[0][0]


LEGAL_FORM = re.compile(r",?\s+(?:inc|incorporated|corp|corporation|ltd|limited|llc|plc|gmbh)\.?$",
                        re.IGNORECASE)


def _join_legal_forms(uf: _UnionFind, labels: Mapping[str, Counter]) -> None:
    """A name with a legal form ("twitter, inc") joins the same name without
    it when the run names that too, as an organisation or untyped (not
    "Amazon" the river nor "Apple" the product)."""
    for f in sorted(labels):
        base = LEGAL_FORM.sub("", f).strip(" ,")
        if base != f and base in labels and _label(labels[base]) in ("ORG", None):
            uf.union(f, base)


SURNAME_PERSON_SHARE = 1 / 3  # of a one-word name's mentions tagged as a person, for it to be a surname


def _join_surnames(uf: _UnionFind, labels: dict[str, Counter]) -> None:
    """A one-word name often seen as a PERSON joins the longer PERSON names that end with it
    when they are one person (the same first name: "Elon Musk", "Elon R.
    Musk"); left alone when it could be several people."""
    full_by_last: dict[str, set[str]] = defaultdict(set)
    for f, c in labels.items():
        words = f.split()
        if len(words) > 1 and _label(c) == "PERSON":
            full_by_last[words[-1]].add(f)
    # a bare surname is often taken for an organisation: a share of its mentions as a person is enough
    for f in sorted(f for f, c in labels.items()
                    if " " not in f and c["PERSON"] >= SURNAME_PERSON_SHARE * sum(c.values()) > 0):
        full = sorted(full_by_last.get(f, ()))
        if full and len({g.split()[0] for g in full}) == 1:
            for g in full:
                uf.union(f, g)
            labels[f] = Counter({"PERSON": sum(labels[f].values())})  # its mentions name that person


def canonicalize(
    occurrences: Iterable[EntityOccurrence],
    acronym_pairs: Iterable[tuple[str, str]] = (),
    aliases: Sequence[AliasEntry] = (),
) -> EntityIndex:
    """Group spellings into canonical entities."""
    occurrences = list(occurrences)
    uf = _UnionFind()
    canonical_names: dict[str, str] = {}  # fold -> canonical name from an alias table
    spellings: dict[str, Counter] = defaultdict(Counter)  # fold -> spellings seen
    for entry in list(builtin_aliases()) + list(aliases):
        root = fold(entry.canonical)
        canonical_names[root] = entry.canonical
        for alias in entry.aliases:
            uf.union(root, fold(alias))
    for short, long in acronym_pairs:
        uf.union(fold(short), fold(long))
    labels: dict[str, Counter] = defaultdict(Counter)
    counts: Counter = Counter()
    sources: dict[str, set[str]] = defaultdict(set)
    for occ in occurrences:
        f = fold(occ.key)
        if not f:
            continue
        uf.find(f)
        spellings[f][occ.key] += 1
        labels[f][occ.label] += 1
        counts[f] += 1
        sources[f].add(occ.source_id)

    _join_legal_forms(uf, labels)
    _join_surnames(uf, labels)
    groups: dict[str, list[str]] = defaultdict(list)
    for f in list(counts):
        groups[uf.find(f)].append(f)
    listed_by_root: dict[str, list[str]] = defaultdict(list)
    for f, name in canonical_names.items():
        listed_by_root[uf.find(f)].append(name)
    entities: list[CanonicalEntity] = []
    by_fold: dict[str, CanonicalEntity] = {}
    for root, members in groups.items():
        listed = listed_by_root.get(root, [])
        seen = sorted({s for m in members for s in spellings[m]})
        if listed:
            name = sorted(listed)[0]
        else:
            candidates = [s for s in seen if not _is_acronym(s)] or seen
            name = sorted(candidates, key=lambda s: (bool(LEGAL_FORM.search(s)), -len(s), s))[0]
        label_counts: Counter[str] = Counter()
        for m in members:
            label_counts.update(labels[m])
        label = (
            sorted(label_counts.items(), key=lambda kv: (-kv[1], _LABEL_PRIORITY.index(kv[0]) if kv[0] in _LABEL_PRIORITY else 99))[0][0]
            if label_counts else None
        )
        entity = CanonicalEntity(
            entity_id=stable_id("ent", fold(name)),
            name=name,
            label=label,
            aliases=tuple(s for s in seen if s != name),
            mentions=sum(counts[m] for m in members),
            sources=tuple(sorted(set().union(*(sources[m] for m in members)))),
        )
        entities.append(entity)
        for m in members:
            by_fold[m] = entity
    entities.sort(key=lambda e: e.entity_id)
    return EntityIndex(entities, by_fold)



# What the pages are about is a property of the pages on the subject, not of
# the run's mix: a page of another subject added to the run names none of the
# subject's names and must not move it, nor may one page more or less on the
# subject carry an entity across the line (a fact would gain or lose a member
# that no page changed). So the share is taken of the pages on the subject
# (those naming a name that TOPIC_MIN_SOURCES pages name), a longer name
# holding all of a name's words names it too ("Paris Climate Agreement" names
# the Paris Agreement: three of thirteen pages call it so), and the share is
# "nearly every": with 0.75 the United States, named by 9 of the 13 Paris
# Agreement pages, was the subject whenever one page without it was left out.
TOPIC_SOURCE_SHARE = 0.8  # an entity named by at least this share of the pages on the subject is what they are about
# ... and by at least this many: among a handful of pages, a name they all use is as likely the
# thing a happening was done to (three pages on one programme's signing) as what a watch is about.
TOPIC_MIN_SOURCES = 6


def name_words(index: EntityIndex) -> dict[str, tuple[str, ...]]:
    """entity id -> the words of its name, folded, in order."""
    return {e.entity_id: tuple(fold(e.name).split()) for e in index.entities}


def _in_order(short: Sequence[str], long: Sequence[str]) -> bool:
    """Whether ``short``'s words stand in ``long`` in the same order."""
    rest = iter(long)
    return all(word in rest for word in short)


def names_it(short: Sequence[str], long: Sequence[str]) -> bool:
    """Whether a longer name is a variant of a name of two words or more:
    it opens with the same word, ends with the same head word and holds the
    name's words in order ("Paris Climate Agreement" names the Paris
    Agreement; "United States Senate", "United Nations Framework Convention
    on Climate Change", "Elon Musk Foundation" are other things: their head
    word differs)."""
    return (len(short) >= 2 and len(long) > len(short) and short[0] == long[0] and short[-1] == long[-1]
            and _in_order(short, long))


def naming_sources(index: EntityIndex, sources: Iterable[str],
                   words: Mapping[str, tuple[str, ...]] | None = None) -> dict[str, frozenset[str]]:
    """entity id -> the sources (of ``sources``) that name it: by its own
    name, or by a longer name that is a variant of it (``names_it``). The
    tagger's types are not compared: they vary between the pages of one
    thing (the Paris Agreement is an EVENT on ten pages, the "Paris Climate
    Agreement" a LAW; the telescope a PERSON)."""
    sources = set(sources)
    words = words if words is not None else name_words(index)
    by_first: dict[str, list[CanonicalEntity]] = defaultdict(list)
    for e in index.entities:
        if words[e.entity_id]:
            by_first[words[e.entity_id][0]].append(e)
    out = {}
    for e in index.entities:
        named = set(e.sources) & sources
        mine = words[e.entity_id]
        if len(mine) >= 2:
            for f in by_first[mine[0]]:
                if names_it(mine, words[f.entity_id]):
                    named |= set(f.sources) & sources
        out[e.entity_id] = frozenset(named)
    return out


def page_topic(index: EntityIndex, sources: Iterable[str]) -> tuple[str, ...]:
    """The entities (ids) nearly every page on the subject names: the
    subject the pages are about ("the James Webb Space Telescope" across
    pages on the telescope), not a participant that tells one happening
    from another. Each candidate (named by TOPIC_MIN_SOURCES pages or more)
    is measured against the pages grouped with it: those naming a name of
    TOPIC_MIN_SOURCES pages that stands on most of the candidate's own
    pages (the pages of another subject in the run name none of them, nor
    does a page naming in passing a country a few pages name). With fewer
    pages than TOPIC_MIN_SOURCES no topic is found: configure the subject
    in sources.toml."""
    words = name_words(index)
    naming = naming_sources(index, sources, words)
    common = [n for n in naming.values() if len(n) >= TOPIC_MIN_SOURCES]
    topic = []
    for e in index.entities:
        mine = naming[e.entity_id]
        if len(mine) < TOPIC_MIN_SOURCES:
            continue
        grouped = set().union(*(n for n in common if 2 * len(n & mine) > len(mine)))
        if len(mine) >= TOPIC_SOURCE_SHARE * len(grouped):
            topic.append(e.entity_id)
    return with_parts(index, topic, words)


PLACE_LABELS = frozenset({"GPE", "LOC"})


def with_parts(index: EntityIndex, ids: Iterable[str],
               words: Mapping[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """The entities (ids) ``ids`` and the parts of their names ("Webb",
    "James Webb" for the telescope): a part of the subject's name names the
    subject. A place is a part only of a place's name: "Paris" in the Paris
    Agreement is the city, where a conference was held (other types are
    compared no further: the tagger names the telescope a PERSON and
    "Webb" an ORG)."""
    ids = set(ids)
    words = words if words is not None else name_words(index)
    whole = [(set(words[e.entity_id]), e.label in PLACE_LABELS) for e in index.entities if e.entity_id in ids]
    parts = {e.entity_id for e in index.entities if e.entity_id not in ids and (w := set(words[e.entity_id]))
             and any(w < t and (place or e.label not in PLACE_LABELS) for t, place in whole)}
    return tuple(sorted(ids | parts))
