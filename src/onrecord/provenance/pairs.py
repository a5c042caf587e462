"""Two statements side by side: how much they are about one thing (:func:`overlap`) and, for each predicate concept
both use, whether it is said of the same thing (:meth:`Pair.aligned`) with the same or the opposite sign. The
``flags`` rules (:mod:`onrecord.provenance.flags`) decide a :class:`Pair`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from onrecord.provenance.claims import Claim
from onrecord.provenance.parties import same_person
from onrecord.provenance.values import Rating, Statement

if TYPE_CHECKING:
    from spacy.tokens import Span

@dataclass(frozen=True, slots=True)
class Verdict:
    """What the flags rules say of a pair: a rating and its reason, or no flag (rating None) and why not."""

    rating: Rating | None
    reason: str
    concept: str | None = None

    def __str__(self) -> str:
        return f"{self.rating or 'none'}: {self.reason}"



#: How much two statements must share (see :func:`overlap`) to be about one subject.
SUBJECT_THRESHOLD = 0.5


def _weights(claim: Claim) -> dict[str, float]:
    w = dict.fromkeys(claim.context, 0.5)
    w.update(dict.fromkeys(claim.keys, 1.0))
    return w


def overlap(a: Claim, b: Claim) -> float:
    """How much two claims are about the same thing, 0 to 1: the nouns, names and documents they share (a
    pronoun's sentence counts half), over the smaller side; a shared predicate concept adds a quarter."""
    wa, wb = _weights(a), _weights(b)
    if not wa or not wb:
        shared = 0.0
    else:
        shared = sum(min(wa[k], wb[k]) for k in wa.keys() & wb.keys()) / min(sum(wa.values()), sum(wb.values()))
    concepts = {c for c, _ in a.stances} & {c for c, _ in b.stances}
    return min(1.0, shared + (0.25 if concepts else 0.0))


@dataclass(frozen=True, slots=True)
class Pair:
    """Two statements the ``flags`` rules decide; ``a`` is the earlier. ``same_speaker``, ``opposed`` and ``shared``
    are worked out once, when the pair is made (the rules ask for them several times a pair)."""

    a: Statement
    b: Statement
    #: One named speaker on both sides ("the filing" or "a spokesman" twice may be two people).
    same_speaker: bool = field(init=False)
    #: The concepts the two give opposite signs, said of the same thing.
    opposed: tuple[str, ...] = field(init=False)
    #: The concepts the two give the same sign, said of the same thing.
    shared: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "same_speaker", _named(self.a.person) and same_person(self.a.person, self.b.person))
        sb = dict(self.b.claim.stances)
        both = [(c, s) for c, s in self.a.claim.stances if c in sb and self.aligned(c)]
        object.__setattr__(self, "opposed", tuple(c for c, s in both if sb[c] == -s))
        object.__setattr__(self, "shared", tuple(c for c, s in both if sb[c] == s))

    def aligned(self, concept: str) -> bool:
        """Is a concept both use said of the same thing? Their arguments share a noun and name no different
        places or people ("close" of "the Dunmore bakery" and of "the Halvick plant" are not); when one side's
        arguments are unknown, the statements as a whole must share the subject."""
        a, b = self.a.claim, self.b.claim
        xa, xb = set(a.arguments_of(concept)), set(b.arguments_of(concept))
        na, nb = xa & _name_words(a), xb & _name_words(b)
        if na and nb and not na & nb:
            return False
        ha, hb = firm(a.heads_of(concept)), firm(b.heads_of(concept))
        ma, mb = modifiers(a.heads_of(concept)), modifiers(b.heads_of(concept))
        if ("other" in ma) != ("other" in mb) or (ma and mb and not ma & mb and ha & hb):
            return False  # "the cod quota" is not "the haddock quota"; "the other eight aircraft" not "six aircraft"
        if ha & _self(b.heads_of(concept), self.b.person) or hb & _self(a.heads_of(concept), self.a.person):
            return True  # "I told Ana" / "No one told me", in Ana Lind's mouth
        if ha and hb:  # every head of one side among the other's arguments (or one count): the same thing
            return ha <= xb or hb <= xa or _same_count(a, b)
        ga, gb = _guessed(a.heads_of(concept)), _guessed(b.heads_of(concept))
        if (ha or ga) and (hb or gb) and (ga or gb):  # a pronoun's candidates: one of them will do
            return bool((ha | ga) & xb or (hb | gb) & xa)
        if xa and xb:
            return bool(xa & xb)
        if not xa and not xb and self.same_speaker:
            return True  # one speaker on one bare predicate ("we will appeal" / "we might appeal")
        return overlap(a, b) >= SUBJECT_THRESHOLD


#: Units a count may be in: one number in two of them is two counts ("4 percent" is not "$4").
_UNITS = frozenset("percent money year month week day hour minute mile kilometer point".split())


def _same_count(a: Claim, b: Claim) -> bool:
    """Do the two give one count (above two, dates left out): "reject this offer ... 4 percent" and "accept the 4
    percent raise" speak of one thing under two names; "4 percent" and "$4 million" do not (two units)."""
    return any(va == vb and va > 2 and not (ka in _UNITS and kb in _UNITS and ka != kb)
               for ka, va in a.numbers for kb, vb in b.numbers)


def _named(speaker: str | None) -> bool:
    if not speaker:
        return False
    return speaker[0].isupper() and not speaker.lower().startswith(("the ", "a ", "an "))


def firm(heads: tuple[str, ...]) -> set[str]:
    return {h for h in heads if not h.startswith(("~", "+", "@"))}


def modifiers(heads: tuple[str, ...]) -> set[str]:
    """The nouns modifying the heads (written "+noun")."""
    return {h[1:] for h in heads if h.startswith("+")}


def _guessed(heads: tuple[str, ...]) -> set[str]:
    """The candidates a pronoun's head stands for (written "~noun")."""
    return {h[1:] for h in heads if h.startswith("~")}


def _self(heads: tuple[str, ...], person: str | None) -> set[str]:
    """The words of the speaker's name when "I" or "me" is a head (written "@self": "No one told me" in Ana Lind's
    mouth is said of Ana Lind)."""
    if "@self" not in heads or not person:
        return set()
    return {w.lower() for w in person.replace("-", " ").split() if w[:1].isupper() and len(w) > 2}


def _name_words(claim: Claim) -> set[str]:
    return {w for n in claim.names for w in n.split()}


def subject_of(a: Claim, b: Claim, concept: str | None) -> str:
    """A short label for what two statements share: what the predicate is said of, as written, and the concept
    ("the Lakeview plant: close"); else the concept and the nouns they share."""
    phrase = (a.phrase_of(concept) or b.phrase_of(concept)) if concept else None
    if phrase and phrase.lower() not in ("it", "they", "this", "that"):
        return f"{phrase}: {concept}"
    shared = [k for k in a.keys if k in b.keys or k in b.context] + [k for k in a.context if k in b.keys]
    parts = ([concept] if concept else []) + list(dict.fromkeys(shared))[:3]
    return ", ".join(parts) or "?"


def subject_or_sentence(a: Statement, b: Statement, concept: str | None, sent: Span) -> str:
    """:func:`subject_of` two statements a reporter's sentence sets against each other; when they share no
    predicate or noun, what the sentence says it is about (its text, cut at 90 characters)."""
    subject = subject_of(a.claim, b.claim, concept)
    if subject != "?":
        return subject
    said = sent.text.strip()
    return said if len(said) <= 90 else said[:87] + "…"


__all__ = ["SUBJECT_THRESHOLD", "Pair", "Verdict", "firm", "modifiers", "overlap", "subject_of", "subject_or_sentence"]
