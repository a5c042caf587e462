"""Subjects: the statements of an article (or a story) grouped by what they are about.

Two statements are on one subject when they use one predicate concept said of the same thing (the lexicon's
``concepts``: leave = withdraw = pull out; a predicate's head nouns among the other's arguments), or when they share
most of what they name (:func:`onrecord.provenance.flags.overlap`). The groups are the connected statements; each
is labelled by the phrase most of its statements use ("the Lakeview plant: close"). Sentence embeddings are not
used: they score "X is real" and "X is not real" as nearly the same, and the polarity, which is what the flags
compare, never comes from them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from onrecord.provenance.pairs import SUBJECT_THRESHOLD, Pair, overlap
from onrecord.provenance.values import Statement


@dataclass(frozen=True, slots=True)
class Subject:
    """Statements on one subject: its label, the concepts they share, and the statements (by article, ordinal)."""

    label: str
    concepts: tuple[str, ...]
    statements: tuple[tuple[str, int], ...]
    parties: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"label": self.label, "concepts": list(self.concepts),
                "statements": [list(s) for s in self.statements], "parties": list(self.parties)}


def _linked(a: Statement, b: Statement) -> list[str]:
    pair = Pair(a, b)
    shared = list(dict.fromkeys([*pair.opposed, *pair.shared]))
    if shared:
        return shared
    return ["~"] if overlap(a.claim, b.claim) >= max(SUBJECT_THRESHOLD, 0.75) else []


def subjects(statements: Sequence[Statement], *, minimum: int = 2) -> list[Subject]:
    """The subjects of ``statements`` that at least ``minimum`` statements speak of, largest first."""
    parent = list(range(len(statements)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    concepts: dict[int, Counter[str]] = {}
    for i, a in enumerate(statements):
        if not a.claim.asserts and a.claim.cue != "unclear":
            continue
        for j in range(i + 1, len(statements)):
            linked = _linked(a, statements[j])
            if linked:
                parent[find(j)] = find(i)
                for c in linked:
                    if c != "~":
                        concepts.setdefault(i, Counter())[c] += 1
    groups: dict[int, list[int]] = {}
    for i in range(len(statements)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for members in groups.values():
        if len(members) < minimum:
            continue
        counts: Counter[str] = Counter()
        for i in members:
            counts.update(concepts.get(i, Counter()))
        top = [c for c, _ in counts.most_common(3)]
        out.append(Subject(_label(statements, members, top), tuple(top),
                           tuple((statements[i].article, statements[i].ordinal) for i in members),
                           tuple(dict.fromkeys(p for i in members if (p := statements[i].party)))))
    return sorted(out, key=lambda s: -len(s.statements))


def _label(statements: Sequence[Statement], members: list[int], concepts: list[str]) -> str:
    phrases: Counter[str] = Counter()
    for i in members:
        for c in concepts[:1]:
            phrase = statements[i].claim.phrase_of(c)
            if phrase and phrase.lower() not in ("it", "they", "this", "that", "we", "i"):
                phrases[phrase] += 1
    if phrases and concepts:
        return f"{phrases.most_common(1)[0][0]}: {concepts[0]}"
    keys: Counter[str] = Counter(k for i in members for k in statements[i].claim.keys[:3])
    return ", ".join([*concepts[:1], *(k for k, _ in keys.most_common(2))]) or "?"


__all__ = ["Subject", "subjects"]
