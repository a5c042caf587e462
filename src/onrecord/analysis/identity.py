"""Cross-article speaker identity: which mentions in different articles are the same person or organisation.

Within one article the extractor already resolves each source to the fullest name it has ("he" and "Esper" ->
"Mark Esper"). Across articles this module decides identity:

- a mention is normalised by :func:`parse_name`: titles and roles are stripped ("Defense Secretary Mark Esper"
  -> Mark Esper), possessives and suffixes dropped, case and accents folded; a person's key is first name +
  surname (middle names and initials ignored), an organisation's key its name without "the";
- :func:`link` links a mention to a speaker through a :class:`Directory` (the store implements one over its
  tables; :class:`MemoryDirectory` is the in-memory one used by the evaluation): by full key; a surname-only
  mention by surname when exactly one full-named person has it, else by closeness (same outlet, nearby date);
  people who share a surname but differ in first name are never linked.

The rules are the same for the store and the evaluation (``bench/speaker_linking.py``), so the figures it prints
are those of the store.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from onrecord.lexicon import en as lexicon

#: Kinds of speaker record.
PERSON, ORGANISATION = "person", "organisation"

#: Words that are titles, roles or descriptors, never part of a person's name when they precede it.
TITLE_WORDS = lexicon.NAME_TITLE_WORDS

#: Name suffixes that do not distinguish people for our purposes.
SUFFIXES = lexicon.IDENTITY_NAME_SUFFIXES

#: Pronouns and other mentions that are not names.
PRONOUNS = lexicon.NOT_NAME_PRONOUNS

#: Not a person's name: pronouns, and groups capitalised at the start of a sentence ("Officials said ...").
NOT_NAMES = PRONOUNS | lexicon.NOT_NAME_GROUPS


_TOKEN = re.compile(r"[^\s]+")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Name:
    """A normalised speaker name."""

    kind: str  # PERSON or ORGANISATION
    display: str  # the name as it should be shown ("Mark Esper", "Pentagon")
    key: str  # identity key: "person:mark esper", "person:esper" (surname only), "organisation:pentagon"
    first: str | None = None  # folded first name (persons), None when only the surname is known
    last: str | None = None  # folded surname (persons)

    @property
    def surname_only(self) -> bool:
        return self.kind == PERSON and self.first is None


def fold(text: str) -> str:
    """Casefolded, accents stripped, dots and apostrophes removed, curly quotes straightened."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return text.casefold().replace(".", "").strip(" ,;:'\"()")


def _strip_possessive(token: str) -> str:
    return re.sub(r"['\u2019]s?$", "", token)


def parse_name(raw: str | None, kind: str = PERSON, *, scope: str | None = None) -> Name | None:
    """Normalise a speaker mention to a :class:`Name`, or None when it names nobody (a pronoun, empty).

    Persons: the name is the trailing run of capitalised words that are not titles, after cutting at the first
    comma ("Mark Esper, the defense secretary"); suffixes ("Jr.") are dropped. Organisations: the name without a
    leading "the" or a possessive; an organisation written only in lower case ("the ministry") is a description,
    not a name, and is keyed within ``scope`` (the store passes the outlet) so that it is not linked across outlets.
    """
    if not raw:
        return None
    text = " ".join(raw.split())
    if kind != ORGANISATION:  # "Mark Esper, the defense secretary"; an organisation may have commas in its name
        text = text.split(",")[0]
    text = text.strip(" .;:\"'\u201c\u201d")
    if not text:
        return None
    if kind == ORGANISATION:
        words = [_strip_possessive(w) for w in text.split()]
        if words and words[0].casefold() == "the":
            words = words[1:]
        if not words:
            return None
        display = " ".join(words)
        key_words = fold(display)
        if not key_words or key_words in PRONOUNS:  # "the police" is an organisation; "it" is not
            return None
        generic = display == display.lower()
        key = f"{ORGANISATION}:{key_words}" + (f"@{fold(scope)}" if generic and scope else "")
        return Name(kind=ORGANISATION, display=display, key=key)

    tokens = [_strip_possessive(t) for t in _TOKEN.findall(text)]
    while tokens and fold(tokens[-1]) in SUFFIXES:
        tokens.pop()
    name: list[str] = []
    for token in reversed(tokens):
        # "then-Surrey" or "ex-minister": the part after a hyphenated prefix is a descriptor too
        # (the surname itself may look like a title: Stephen King, John Major)
        folded = fold(token)
        title = folded in TITLE_WORDS and bool(name)
        hyphenated = "-" in folded and fold(token.split("-")[0]) in TITLE_WORDS
        if not token[:1].isupper() or title or folded in NOT_NAMES or hyphenated:
            break
        name.append(token)
    name.reverse()
    if not name:
        return None
    last = fold(name[-1])
    if len(name) == 1:
        return Name(kind=PERSON, display=name[0], key=f"{PERSON}:{last}", last=last)
    first = fold(name[0])
    return Name(kind=PERSON, display=" ".join(name), key=f"{PERSON}:{first} {last}", first=first, last=last)


def mention_name(speaker: str | None, kind: str, description: str | None = None, *,
                 scope: str | None = None) -> Name | None:
    """The :class:`Name` of an attribution's speaker: its resolved name, or for an organisation its description."""
    if kind == ORGANISATION:
        return parse_name(speaker or description, ORGANISATION, scope=scope)
    if kind in (PERSON, "unknown") and speaker:
        return parse_name(speaker, PERSON)
    return None


def first_names_compatible(a: str | None, b: str | None) -> bool:
    """True when two folded first names can be the same person: equal, one missing, or an initial of the other."""
    if a is None or b is None or a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return False


#: Written-out dates that feeds and pages use besides ISO 8601.
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d.%m.%Y")


def parse_date(value: str | None) -> date | None:
    """The date of a ``published`` value: ISO 8601 (its date part), RFC 2822 as in RSS ("Tue, 05 Mar 2030
    10:00:00 GMT"), or a written date ("March 5, 2030", "5 March 2030"); None when it is none of these."""
    text = (value or "").strip()
    m = _DATE.match(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if not text:
        return None
    from datetime import datetime
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A person speaker that shares a surname with a mention."""

    id: int
    first: str | None


@dataclass(frozen=True, slots=True)
class Mention:
    """One speaker mention to link, with the context that disambiguates a surname."""

    name: Name
    outlet: str | None = None
    published: date | None = None


class Directory(Protocol):
    """What linking needs to know about existing speakers; the store implements it over its tables."""

    def by_key(self, key: str) -> int | None: ...

    def by_surname(self, last: str) -> list[KnownPerson]: ...

    def closeness(self, speaker_id: int, outlet: str | None, published: date | None) -> int: ...

    def create(self, name: Name) -> int: ...

    def add_alias(self, speaker_id: int, name: Name) -> None: ...

    def give_first_name(self, speaker_id: int, name: Name) -> None: ...


#: Two mentions are "near in time" within this many days.
NEAR_DAYS = 45


def closeness_score(same_outlet: bool, near_date: bool) -> int:
    """How strongly context ties a surname-only mention to a candidate: 3 same outlet and near date, 2 near date,
    1 same outlet, 0 nothing."""
    return 3 if same_outlet and near_date else 2 if near_date else 1 if same_outlet else 0


def link(directory: Directory, mention: Mention) -> int:
    """The id of the speaker ``mention`` refers to, creating one when it is new."""
    name = mention.name
    found = directory.by_key(name.key)
    if found is not None and not name.surname_only:
        return found
    if name.kind != PERSON:
        return found if found is not None else directory.create(name)
    assert name.last is not None
    candidates = directory.by_surname(name.last)
    named = [c for c in candidates if c.first is not None]
    if name.surname_only:
        if len(named) == 1:
            return named[0].id
        if len(named) > 1:
            scores = {c.id: directory.closeness(c.id, mention.outlet, mention.published) for c in named}
            best = max(scores.values())
            top = [i for i, s in scores.items() if s == best]
            if best > 0 and len(top) == 1:
                return top[0]
        # unknown or ambiguous surname: the surname-only record
        return found if found is not None else directory.create(name)
    # a first name (or initial) and a surname, with no speaker under this exact key
    compatible = [c for c in named if first_names_compatible(c.first, name.first)]
    initial = len(name.first or "") == 1 or any(len(c.first or "") == 1 for c in compatible)
    if initial and len(compatible) == 1:  # "M. Esper" and "Mark Esper"
        directory.add_alias(compatible[0].id, name)
        return compatible[0].id
    unnamed = [c for c in candidates if c.first is None]
    if not named and len(unnamed) == 1:  # "Esper" seen before, now "Mark Esper": that record gets the first name
        directory.give_first_name(unnamed[0].id, name)
        return unnamed[0].id
    return directory.create(name)


@dataclass
class _Record:
    id: int
    name: Name
    outlets: set[str] = field(default_factory=set)
    dates: list[date] = field(default_factory=list)


class MemoryDirectory:
    """A :class:`Directory` in memory: for evaluation and tests. :meth:`observe` records a linked mention's
    outlet and date, as storing the attribution does in the store."""

    def __init__(self) -> None:
        self.records: dict[int, _Record] = {}
        self.aliases: dict[str, int] = {}

    def by_key(self, key: str) -> int | None:
        return self.aliases.get(key)

    def by_surname(self, last: str) -> list[KnownPerson]:
        return [KnownPerson(r.id, r.name.first) for r in self.records.values()
                if r.name.kind == PERSON and r.name.last == last]

    def closeness(self, speaker_id: int, outlet: str | None, published: date | None) -> int:
        record = self.records[speaker_id]
        same = outlet is not None and outlet in record.outlets
        near = published is not None and any(abs((d - published).days) <= NEAR_DAYS for d in record.dates)
        return closeness_score(same, near)

    def create(self, name: Name) -> int:
        new = len(self.records) + 1
        self.records[new] = _Record(new, name)
        self.aliases.setdefault(name.key, new)
        return new

    def add_alias(self, speaker_id: int, name: Name) -> None:
        self.aliases.setdefault(name.key, speaker_id)

    def give_first_name(self, speaker_id: int, name: Name) -> None:
        self.records[speaker_id].name = name
        self.aliases.setdefault(name.key, speaker_id)

    def observe(self, speaker_id: int, mention: Mention) -> None:
        record = self.records[speaker_id]
        if mention.outlet:
            record.outlets.add(mention.outlet)
        if mention.published:
            record.dates.append(mention.published)

    def link(self, mention: Mention) -> int:
        speaker_id = link(self, mention)
        self.observe(speaker_id, mention)
        return speaker_id


@dataclass(frozen=True, slots=True)
class PairScore:
    """Pairwise linking figures: over pairs of mentions in different documents."""

    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0


def score_pairs(items: list[tuple[str, str, int]]) -> PairScore:
    """Score linking: ``items`` are (document, gold identity, predicted speaker id), one per mention.

    A pair is two mentions from different documents; it is true when their gold identities are equal and
    predicted when their speaker ids are equal.
    """
    from collections import Counter

    def cross_pairs(keyed: Counter[tuple[str, Any]]) -> int:
        by_key: dict[object, list[int]] = {}
        for (_doc, key), n in keyed.items():
            by_key.setdefault(key, []).append(n)
        total = 0
        for counts in by_key.values():
            s = sum(counts)
            total += (s * s - sum(c * c for c in counts)) // 2
        return total

    gold = Counter((doc, g) for doc, g, _ in items)
    pred = Counter((doc, p) for doc, _, p in items)
    both = Counter((doc, (g, p)) for doc, g, p in items)
    return PairScore(true_pairs=cross_pairs(gold), predicted_pairs=cross_pairs(pred), correct_pairs=cross_pairs(both))
