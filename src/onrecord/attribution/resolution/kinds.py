"""What kind of body each organisation of an article is: "an airline", "a utility", "a ministry".

News copy names an organisation once and then by its kind: "Tarn Air cancelled 300 flights ... the airline said",
"Kestrel Power, whose lines run through the valley, ... the utility said". An organisation's kinds come from its
own name (its head word, "Tarn Airlines", "Kestrel Power", "the Ministry of Roads", or its legal form, "Inc."), and
from the words that introduce it: a noun in apposition ("Tarn Air, the state-owned carrier,"; "the airport
operator, Kestrel Ports,"), a noun right before it ("the airline Tarn Air"), or "is a" ("Tarn Air is a regional
carrier"). Each kind brings the nouns the same body may be called by later (the lexicon's organisation_kinds: an
airline is a carrier and a company). A definite description with a kind noun ("the carrier") then finds the
organisation of that kind; a body known to be of another kind (a ministry for "the company") is not it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from onrecord.attribution.arrays import ents_of
from onrecord.attribution.resolution.names import org_text
from onrecord.lexicon.en import (
    BROAD_ORGANISATION_KINDS,
    KIND_NAME_WORDS,
    LEGAL_SUFFIXES,
    ORGANISATION_HEADS,
    ORGANISATION_KINDS,
    ORGANISATION_NAME_ENDINGS,
    ORGANISATION_NAME_KINDS,
    UNION_LIKE_HEADS,
    UNION_MEMBER_WORDS,
)

if TYPE_CHECKING:
    from onrecord.attribution.resolution.resolver import SpeakerResolver

#: Every noun a kind makes an organisation: the words a description must have for its kind to count.
KIND_NOUNS = frozenset(w for nouns in ORGANISATION_KINDS.values() for w in nouns.split()) | frozenset(
    ORGANISATION_KINDS)

#: The words that end an organisation name's head ("the Ministry *of* Roads", "Federation *for* ...").
_AFTER_HEAD = ("of", "for", "and", "&")
#: Of those, the ones that may join words before the head ("Securities *and* Exchange Commission").
_JOINING = ("and", "&")


def implied(noun: str) -> set[str]:
    """The nouns a body of kind ``noun`` may be called by ("carrier" -> carrier, airline, company, firm ...)."""
    return set(ORGANISATION_KINDS.get(noun, "").split())


def name_kinds(name: str) -> set[str]:
    """The kinds an organisation's name gives: its head word (the last before "of", "for", "and") and its legal
    form ("Tarn Chemical Co." -> a company). A name that ends with its head after "and" is read whole ("Harbour
    and Ports Commission": a commission)."""
    words = [w.lower().strip(".,'’") for w in name.split()]
    cut = next((i for i, w in enumerate(words) if w in _AFTER_HEAD and i > 0), len(words))
    if cut < len(words) and words[cut] in _JOINING and words[-1] in ORGANISATION_NAME_KINDS and not any(
            w in _AFTER_HEAD and w not in _JOINING for w in words):
        cut = len(words)
    words = words[:cut]
    while len(words) > 2 and (words[-1].isdigit() or words[-1] == "no"):  # ("Tarn Workers' Union No. 1")
        words.pop()
    kinds: set[str] = set()
    while words and words[-1] in LEGAL_SUFFIXES and words[-1] in ORGANISATION_NAME_KINDS:
        kinds |= implied(ORGANISATION_NAME_KINDS[words.pop()])
    if words and words[-1] in ORGANISATION_NAME_KINDS and (len(words) > 1 or cut < len(name.split())):
        kinds |= implied(ORGANISATION_NAME_KINDS[words[-1]])  # (not a one-word name: "Union" alone is no union)
    if words and words[-1] in UNION_LIKE_HEADS and any(w in UNION_MEMBER_WORDS for w in words[:-1]):
        kinds |= implied("union")  # ("Lakeview Nurses Association", "Harbour Workers' Congress": a union)
    return kinds


def _introducers(ent: Span) -> list[Token]:
    """The kind nouns that introduce an organisation's mention: in apposition to it or it to them ("Tarn Air, the
    state-owned carrier,"; "the airport operator, Kestrel Ports,"), right before it ("the airline Tarn Air"), or
    its predicate ("Tarn Air is a regional carrier")."""
    doc, root = ent.doc, ent.root
    found = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        found.append(root.head)
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.pos_ == "NOUN" and (before.head.i in range(ent.start, ent.end)
                                                        or before.dep_ in ("compound", "nmod")):
        found.append(before)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        found += [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    return [t for t in found if t.lemma_.lower() in ORGANISATION_KINDS]


def article_kinds(r: SpeakerResolver) -> dict[str, set[str]]:
    """Each organisation of the article (by its fullest name) -> the nouns it may be called by; built once."""
    if r.org_kinds is not None:
        return r.org_kinds
    kinds: dict[str, set[str]] = {}
    for ent in ents_of(r.doc):
        if ent.label_ != "ORG":
            continue
        text = org_text(ent)
        if not any(w[:1].isupper() for w in text.split()):
            continue  # (a description the recogniser took for a name: "the federal department")
        found = kinds.setdefault(r.index.expand(text), set())
        found |= name_kinds(text)
        for noun in _introducers(ent):
            found |= implied(noun.lemma_.lower())
    r.org_kinds = kinds
    return kinds


def kind_fit(r: SpeakerResolver, word: str, name: str) -> bool | None:
    """Whether the organisation ``name`` is of the kind ``word`` says: True when its kinds include it, False when
    they are known and do not, None when the story gave no kind of it (or ``word`` is no kind noun)."""
    if word not in KIND_NOUNS:
        return None
    kinds = article_kinds(r).get(r.index.expand(name))
    if not kinds:
        return None
    return word in kinds


def broad(word: str) -> bool:
    """A kind so broad ("the company") that a body whose kind the story never gave may be it."""
    return word in BROAD_ORGANISATION_KINDS


def kind_only(name: str) -> bool:
    """A name that is only a kind of body in capitals ("Super PAC", "the PAC"): no body of its own."""
    words = [w.lower() for w in name.split() if w.lower() != "the"]
    return bool(words) and words[-1] in KIND_NOUNS and all(w in KIND_NAME_WORDS for w in words)


def named_as_body(head: Token, name: str) -> bool:
    """Is ``name``, a proper noun the recogniser did not label whose last word is ``head``, a body's: by its head
    ("Lakeview Rowing Club"), by a last word that ends only bodies' names ("Harbour Rights Watch"), or spoken of as
    a thing, with a "which" clause of its own ("Tarn Minera, which runs the mine, said": a person takes "who")?"""
    word = head.lower_
    which = any(c.dep_ == "relcl" and any(d.lower_ == "which" and d.dep_.startswith("nsubj") for d in c.children)
                for c in head.children)
    return word in ORGANISATION_HEADS or (word in ORGANISATION_NAME_ENDINGS and " " in name) or which
