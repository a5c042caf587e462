"""Evaluating cross-article speaker linking: pairs of mentions of the same person in different documents.

Two test sets:

- :func:`own_cases`: mentions written for this purpose (invented people and outlets): titles and roles, surname-only
  mentions, two people sharing a surname told apart by first name, outlet and date, organisations with and
  without "the", initials;
- :func:`gold_cases`: built at run time from a corpus in the ``../shared/data/FORMAT.md`` shape with gold speaker
  names (GGT dev): each document's distinct gold speakers (or, ``as_written``, its speaker mentions as written),
  with the gold speaker as the identity. Gold speakers that are descriptions of groups ("officials") have no
  identity across documents and are left out.

:func:`evaluate` links every mention through :class:`~onrecord.analysis.identity.MemoryDirectory` (the rules the
store uses) in document order and scores pairs with :func:`~onrecord.analysis.identity.score_pairs`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from onrecord.analysis.identity import (
    ORGANISATION,
    PERSON,
    MemoryDirectory,
    Mention,
    PairScore,
    fold,
    parse_date,
    parse_name,
    score_pairs,
)
from onrecord.lexicon import en as lexicon


@dataclass(frozen=True, slots=True)
class Case:
    """One speaker mention in one document, with its true identity."""

    document: str
    mention: str
    kind: str
    identity: str
    outlet: str | None = None
    published: str | None = None


def own_cases() -> list[Case]:
    """Mentions written for this evaluation (every person and outlet is invented)."""
    rows = [
        # doc, outlet, date, mention, kind, identity
        ("d01", "Harlow Ledger", "2030-03-02", "Defence Minister Oren Valdez", PERSON, "oren valdez"),
        ("d02", "Tarnwick Evening Star", "2030-03-04", "Oren Valdez", PERSON, "oren valdez"),
        ("d03", "Westbury Weekly", "2030-03-09", "Valdez", PERSON, "oren valdez"),
        ("d04", "Harlow Ledger", "2030-04-01", "Mr. Valdez", PERSON, "oren valdez"),
        ("d05", "Coastline Courier", "2030-05-11", "former defence minister Oren Valdez", PERSON, "oren valdez"),
        ("d06", "Harlow Ledger", "2030-03-03", "the Defence Ministry", ORGANISATION, "defence ministry"),
        ("d07", "Tarnwick Evening Star", "2030-03-05", "Defence Ministry", ORGANISATION, "defence ministry"),
        ("d08", "Westbury Weekly", "2030-06-20", "Councillor Priya Nandakumar", PERSON, "priya nandakumar"),
        ("d09", "Westbury Weekly", "2030-06-27", "Priya Nandakumar, the council's finance chair", PERSON,
         "priya nandakumar"),
        ("d10", "Harlow Ledger", "2030-07-02", "Nandakumar", PERSON, "priya nandakumar"),
        # two Brennans: told apart by first name, then a bare surname by outlet and date
        ("d11", "Harlow Ledger", "2030-01-10", "Judge Alma Brennan", PERSON, "alma brennan"),
        ("d12", "Coastline Courier", "2030-01-12", "striker Colm Brennan", PERSON, "colm brennan"),
        ("d13", "Harlow Ledger", "2030-01-15", "Alma Brennan", PERSON, "alma brennan"),
        ("d14", "Coastline Courier", "2030-01-20", "Colm Brennan", PERSON, "colm brennan"),
        ("d15", "Coastline Courier", "2030-01-22", "Brennan", PERSON, "colm brennan"),
        ("d16", "Harlow Ledger", "2030-01-25", "Brennan", PERSON, "alma brennan"),
        # same surname, different people, full names
        ("d17", "Tarnwick Evening Star", "2030-02-01", "Hugo Lindqvist", PERSON, "hugo lindqvist"),
        ("d18", "Tarnwick Evening Star", "2030-02-03", "Maja Lindqvist", PERSON, "maja lindqvist"),
        ("d19", "Westbury Weekly", "2030-02-05", "Dr. Maja Lindqvist", PERSON, "maja lindqvist"),
        ("d20", "Harlow Ledger", "2030-02-07", "Hugo Lindqvist Jr.", PERSON, "hugo lindqvist"),
        # initials and middle names
        ("d21", "Harlow Ledger", "2030-08-01", "Tobias R. Kamau", PERSON, "tobias kamau"),
        ("d22", "Coastline Courier", "2030-08-02", "T. Kamau", PERSON, "tobias kamau"),
        ("d23", "Westbury Weekly", "2030-08-05", "Tobias Kamau", PERSON, "tobias kamau"),
        # a surname first, the full name later: the surname-only record gets the first name
        ("d24", "Harlow Ledger", "2030-09-01", "Okonkwo-Reyes", PERSON, "ada okonkwo-reyes"),
        ("d25", "Harlow Ledger", "2030-09-03", "Ada Okonkwo-Reyes", PERSON, "ada okonkwo-reyes"),
        ("d26", "Tarnwick Evening Star", "2030-09-04", "Mayor Ada Okonkwo-Reyes", PERSON, "ada okonkwo-reyes"),
        # organisations, with "the" and possessives
        ("d27", "Harlow Ledger", "2030-10-01", "the Harbour Authority", ORGANISATION, "harbour authority"),
        ("d28", "Westbury Weekly", "2030-10-02", "Harbour Authority", ORGANISATION, "harbour authority"),
        ("d29", "Coastline Courier", "2030-10-03", "the Harbour Authority's", ORGANISATION, "harbour authority"),
        ("d30", "Coastline Courier", "2030-10-04", "Greyfield Mining Corp", ORGANISATION, "greyfield mining corp"),
        ("d31", "Harlow Ledger", "2030-10-06", "Greyfield Mining Corp", ORGANISATION, "greyfield mining corp"),
        # accents and case
        ("d32", "Harlow Ledger", "2030-11-01", "Senator Zoë Ferrand", PERSON, "zoe ferrand"),
        ("d33", "Tarnwick Evening Star", "2030-11-02", "Zoe Ferrand", PERSON, "zoe ferrand"),
        ("d34", "Westbury Weekly", "2030-11-03", "Ferrand", PERSON, "zoe ferrand"),
        # different people: another Ferrand, far away in time and outlet, full name given
        ("d35", "Coastline Courier", "2032-05-01", "Luc Ferrand", PERSON, "luc ferrand"),
        ("d36", "Coastline Courier", "2032-05-03", "Luc Ferrand", PERSON, "luc ferrand"),
        # hard cases the rules do not solve (kept to measure, not to pass): two Quints in one outlet in one week,
        # then a bare "Quint" (left unresolved: a missed pair, not a wrong one); an acronym for an organisation
        ("d37", "Harlow Ledger", "2031-01-01", "Rosa Quint", PERSON, "rosa quint"),
        ("d38", "Harlow Ledger", "2031-01-02", "Paul Quint", PERSON, "paul quint"),
        ("d39", "Harlow Ledger", "2031-01-03", "Quint", PERSON, "rosa quint"),
        ("d40", "Westbury Weekly", "2031-02-01", "Harbour Regulatory Authority", ORGANISATION, "hra"),
        ("d41", "Coastline Courier", "2031-02-02", "HRA", ORGANISATION, "hra"),
        # a chief executive named once in full, then by surname a year later elsewhere
        ("d42", "Tarnwick Evening Star", "2031-03-01", "Chief Executive Dana Whitlow", PERSON, "dana whitlow"),
        ("d43", "Coastline Courier", "2032-03-15", "Whitlow", PERSON, "dana whitlow"),
    ]
    return [Case(document=d, outlet=o, published=p, mention=m, kind=k, identity=i) for d, o, p, m, k, i in rows]


#: Words that mark a gold speaker name as an organisation rather than a person.
ORGANISATION_WORDS = lexicon.ORGANISATION_NAME_WORDS


def guess_kind(name: str) -> str:
    words = {fold(w) for w in name.split()}
    return ORGANISATION if words & ORGANISATION_WORDS else PERSON


def gold_cases(path: Path, *, as_written: bool = False) -> list[Case]:
    """Cases from a FORMAT.md corpus with gold speaker names (read at run time; nothing is copied).

    By default each mention is the gold speaker name: the article's fullest name for the speaker, which is what
    the extractor hands the store when it resolves the speaker within the article. With ``as_written`` each
    distinct source mention that is a form of the name is a mention of its own ("Prime Minister X Y", "Y"): the
    harder case of an article-level resolution that failed.
    """
    cases: list[Case] = []
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc["text"]
            seen: set[tuple[str, str]] = set()
            for a in doc.get("attributions") or ():
                gold = a.get("speaker")
                if not gold or gold == gold.lower():  # no name, or a group described ("officials")
                    continue
                kind = guess_kind(gold)
                gold_name = parse_name(gold, kind)
                if gold_name is None:
                    continue
                surface = gold
                if as_written and a.get("source"):
                    written = text[a["source"][0]: a["source"][1]]
                    parsed = parse_name(written, kind)
                    # the mention as written, when it is a form of the gold name (not a pronoun or a role)
                    if parsed is not None and (parsed.last or "") in gold_name.key:
                        surface = written
                key = (surface, gold_name.key)
                if key in seen:
                    continue
                seen.add(key)
                cases.append(Case(document=doc["id"], mention=surface, kind=kind, identity=gold_name.key,
                                  outlet=doc.get("outlet"), published=doc.get("published")))
    return cases


def evaluate(cases: Iterable[Case]) -> PairScore:
    """Link every case's mention in order and score same-identity pairs across documents."""
    directory = MemoryDirectory()
    items: list[tuple[str, str, int]] = []
    for case in cases:
        name = parse_name(case.mention, case.kind, scope=case.outlet)
        if name is None:
            continue
        speaker = directory.link(Mention(name=name, outlet=case.outlet, published=parse_date(case.published)))
        items.append((case.document, case.identity, speaker))
    return score_pairs(items)
