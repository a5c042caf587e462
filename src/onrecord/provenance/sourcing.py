"""How each statement is sourced: anonymity and its stated reason, relays, backing, and the kind of source.

One :class:`Sourcing` per attribution, read off the article's parse and what extraction found (the speaker, its
kind and description, the medium, the relays in ``via``), never a verdict:

- ``kind`` (person, organisation, document, anonymous, group), from the source mention: a document is never
  anonymous; an unnamed set of people is a group; a mention that withholds who spoke ("a senior official", "some
  note", "a manager", "he said, on condition of anonymity") is anonymous unless the article names the person
  (:mod:`onrecord.provenance.anonymity`).
- ``reason``: for an anonymous source, the lexicon's ``anonymity_reasons`` words near it or on a repeat of it.
- ``relay_only``: the words reached the outlet through someone else: ``via``, "according to" (any source), passed-on
  reports, "reportedly", "told <another outlet>", an interview with or on another outlet, which carries to the
  speaker's later statements; not words said to this outlet (``outlet``), to reporters or in public.
- ``single_source`` is false (backed) when a second source backs the claim (:mod:`onrecord.provenance.backing`).

``evidence`` keeps the words that decided each signal. :func:`article_sourcing` gives an article's counts and shares.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, get_args

from onrecord.lexicon import en as lex
from onrecord.lexicon import load
from onrecord.provenance.anonymity import doc_ents, doc_text, follow_pronouns, mention, mention_noun, reasons, withheld
from onrecord.provenance.backing import backed, named_pair, set_of_people
from onrecord.provenance.outlets import (
    MEDIA_NOUNS,
    among,
    heard_by,
    interview_before,
    news_outlet,
    passed_on,
    private_message,
    same_outlet,
    wire_outlet,
    word_ids,
)
from onrecord.provenance.passages import carry_relays
from onrecord.provenance.several import aggregate
from onrecord.types import Attribution, CharSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SourceKind: TypeAlias = Literal["person", "organisation", "document", "anonymous", "group"]
SOURCE_KINDS: tuple[SourceKind, ...] = get_args(SourceKind)

_DOCUMENT_HEADS = lex.DOCUMENT_NOUNS | lex.FINDING_NOUNS | lex.SOURCE_DOCUMENT_HEADS
_ORGANISATION_HEADS = lex.ORGANISATION_HEADS | lex.ORGANISATION_SOURCE_HEADS | lex.CAMPAIGN_HEADS
_PERSON_PRONOUNS = frozenset("he she him her i me his hers".split())
_RELATIVES = frozenset("who whom which that".split())
_GROUP_PRONOUNS = frozenset("they them we us".split())
_SPEAKER_KINDS: dict[str, SourceKind] = {"organisation": "organisation", "anonymous": "anonymous"}
_LEXICON = load("en")
(_RELAYED_REPORTS, _PUBLIC_BODIES, _PUBLIC_CHANNELS) = (_LEXICON.words(name) for name in (
    "relayed_report_modifiers", "public_body_heads", "public_channels"))
_RELAY_ADVERBS, _PUBLIC_CHANNEL_IDS = word_ids(*lex.RELAY_ADVERBS), word_ids(*_PUBLIC_CHANNELS)  # (for among)


@dataclass(frozen=True, slots=True)
class Sourcing:
    """How one attribution is sourced (see the module docstring); ``evidence``: the words that decided it."""

    anonymous: bool = False
    reason: CharSpan | None = None  # the words giving the reason for anonymity
    relay_only: bool = False
    single_source: bool = True
    kind: SourceKind = "person"
    evidence: tuple[str, ...] = ()

    @property
    def reason_given(self) -> bool | None:
        """For an anonymous source, whether the article says why it is not named; None otherwise."""
        return self.reason is not None if self.anonymous else None

    def to_dict(self) -> dict[str, Any]:
        return {"anonymous": self.anonymous, "reason": self.reason.to_list() if self.reason else None,
                "reason_given": self.reason_given, "relay_only": self.relay_only,
                "single_source": self.single_source, "kind": self.kind, "evidence": list(self.evidence)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sourcing:
        kind = data.get("kind", "person")
        if kind not in SOURCE_KINDS:
            raise ValueError(f"kind {kind!r} is not one of {', '.join(SOURCE_KINDS)}")
        return cls(anonymous=bool(data.get("anonymous", False)), reason=CharSpan.from_list(data.get("reason")),
                   relay_only=bool(data.get("relay_only", False)), single_source=bool(data.get("single_source", True)),
                   kind=kind, evidence=tuple(str(e) for e in data.get("evidence", ())))


@dataclass(frozen=True, slots=True)
class ArticleSourcing:
    """An article's sourcing: how many statements, and how many of them are each thing (shares: of all)."""

    statements: int = 0
    anonymous: int = 0
    with_reason: int = 0
    without_reason: int = 0
    relay_only: int = 0
    single_source: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def shares(self) -> dict[str, float]:
        n = self.statements or 1
        counts = {"anonymous": self.anonymous, "with_reason": self.with_reason,
                  "without_reason": self.without_reason, "relay_only": self.relay_only,
                  "single_source": self.single_source, **{f"kind_{k}": v for k, v in self.kinds.items()}}
        return {k: round(v / n, 4) if self.statements else 0.0 for k, v in counts.items()}

    def to_dict(self) -> dict[str, Any]:
        return {**{f.name: getattr(self, f.name) for f in fields(self)}, "kinds": dict(self.kinds),
                "shares": self.shares()}


def article_sourcing(found: Sequence[Sourcing]) -> ArticleSourcing:
    """The counts of one article's (or any set of statements') sourcing."""
    anonymous = [s for s in found if s.anonymous]
    return ArticleSourcing(
        statements=len(found), anonymous=len(anonymous), with_reason=sum(s.reason is not None for s in anonymous),
        without_reason=sum(s.reason is None for s in anonymous), relay_only=sum(s.relay_only for s in found),
        single_source=sum(s.single_source for s in found),
        kinds={k: sum(s.kind == k for s in found) for k in SOURCE_KINDS})


def sourcing(doc: Doc, attributions: Sequence[Attribution], *, outlet: str | None = None) -> tuple[Sourcing, ...]:
    """One :class:`Sourcing` per attribution of the article parsed as ``doc``; ``outlet``: the article's own
    (words said to it are not relayed)."""
    attributions = tuple(attributions)
    outlet = wire_outlet(doc_text(doc)) or outlet  # (agency copy a paper runs: words told to the agency are its own)
    kinds: list[tuple[SourceKind, str]] = follow_pronouns(  # type: ignore[assignment]
        doc, attributions, [_kind(doc, a) for a in attributions])
    backed_by = backed(doc, attributions, [k for k, _ in kinds])
    why_unnamed = reasons(doc, attributions, [k == "anonymous" for k, _ in kinds])
    out = []
    for i, a in enumerate(attributions):
        kind, why = kinds[i]
        evidence = [why] if why else []
        reason = why_unnamed[i]
        if reason is not None:
            evidence.append(f"reason: {reason.of(doc_text(doc))}")
        relay = _relay(doc, a, kind, outlet)
        if relay:
            evidence.append(f"relay: {relay}")
        if backed_by[i]:
            evidence.append(f"backed: {backed_by[i]}")
        out.append(Sourcing(anonymous=kind == "anonymous", reason=reason, relay_only=relay is not None,
                            single_source=not backed_by[i], kind=kind, evidence=tuple(evidence)))
    return carry_relays(doc, attributions, out, outlet)


# --- the kind of source --------------------------------------------------------------------------------------


def _kind(doc: Doc, a: Attribution) -> tuple[SourceKind, str]:
    """The kind of the source, with the words that decided it."""
    from onrecord.provenance import document_of

    said_by = mention(doc, a)
    span = _antecedent(said_by)
    if span is None or (span.root.pos_ in ("VERB", "AUX") and mention_noun(span) is span.root):
        # no mention to read (or a gold one that is only the cue): the document the words come from, else the
        # kind speaker resolution gave (a named author's document is the author's: "In the letter, Seely wrote")
        if document_of(a, doc_text(doc)) is not None and a.speaker is None:
            return "document", f"document: {a.medium}"
        return _from_speaker(a), f"speaker kind: {a.speaker_kind}"
    written = span.text
    head = mention_noun(span)
    lemma, lower = head.lemma_.lower(), head.lower_
    if (head.pos_ == "PROPN" and lower in lex.OUTLET_WORDS and head.i == span.end - 1 and head.ent_type_ != "PERSON"
            ) or (lemma in MEDIA_NOUNS and _outlet_speaker(a)):  # ("The Kestrel Globe reported", "the paper": it)
        return "organisation", f"outlet: {written}"
    document = ((lemma in _DOCUMENT_HEADS or lower in _DOCUMENT_HEADS) and head.pos_ != "PROPN") or aggregate(head) or (
        lower == "it" and document_of(a, doc_text(doc)) is not None)
    unnamed = withheld(doc, a, span, head) if not document or any(
        t.dep_ == "conj" and t.head == head for t in span) else None  # ("media reports and party sources")
    if unnamed is not None and span is not said_by and unnamed[1].startswith("unnamed role"):
        unnamed = None  # (a "who" standing for "a former clerk": often the writer or someone the story names)
    if unnamed is not None:
        return "anonymous" if unnamed[0] == "anonymous" else "person", unnamed[1]
    if document:
        return "document", f"document: {written}"
    if lower in _PERSON_PRONOUNS or head.ent_type_ == "PERSON":
        return "person", f"person: {written}"
    if head.ent_type_ == "ORG" and not (head.pos_ == "PROPN" and (a.speaker_kind == "person" or _surname(doc, head))):
        # (a surname the entity tagger took for an organisation: "Nakatani said", when extraction found a person or
        # the article names the person in full, "Ivo Nakatani")
        return ("group" if head.tag_ == "NNS" else "organisation"), f"organisation: {written}"
    if head.ent_type_ == "NORP" or lemma in lex.QUANTITY_HEADS or head.pos_ == "NUM" or head.ent_type_ == "PERCENT":
        return "group", f"group: {written}"
    if lower in _GROUP_PRONOUNS or lower == "it":
        kind = _from_speaker(a)
        return (kind if kind != "anonymous" else "group"), f"pronoun: {written}"
    if lemma in lex.WITHHELD_HEADS or lower in lex.WITHHELD_HEADS or lower in lex.WITHHELD_PRONOUNS:
        return "group", f"unnamed set: {written}"  # (a withheld-looking word withheld() let pass: "people everywhere")
    if head.pos_ == "PROPN":
        kind = _from_speaker(a)
        return (kind if kind in ("person", "organisation") else "person"), f"name: {written}"
    if (lemma in _ORGANISATION_HEADS and head.tag_ != "NNS") or lower in _PUBLIC_BODIES or (
            _from_speaker(a) == "organisation" and any(t.ent_type_ == "ORG" and t.dep_ in ("compound", "poss")
                                                       for t in span)):  # ("liberal groups": a group)
        return "organisation", f"organisation: {written}"
    if named_pair(head):
        return "person", f"named pair: {written}"  # ("the brothers": people the article has named, each a person)
    if set_of_people(head):
        return "group", f"unnamed set: {written}"  # ("a wide array of economists")
    if head.tag_ in ("NNS", "NNPS") or lemma in ("public", "crowd", "community", "those", "opposition"):
        return "group", f"unnamed set: {written}"
    return "person", f"role: {written}"


def _surname(doc: Doc, head: Token) -> bool:
    """Is the name the last word of a person's full name in the article ("Marsh" after "Ivo Marsh")?"""
    return any(e.label_ == "PERSON" and len(e) >= 2 and e[-1].lower_ == head.lower_ for e in doc_ents(doc))


def _antecedent(span: Span | None) -> Span | None:
    """For a relative pronoun ("a page on health care, which recounts ...", "those in finance who are loyal"), the
    noun phrase it stands for, without the relative clause: the phrase's head noun, not the last noun of a phrase
    after it, which the parse often hangs the clause on ("a state with a long history that has refused ...");
    any other mention as it is."""
    if span is None or len(span) != 1 or span[0].lower_ not in _RELATIVES or span[0].head.dep_ != "relcl":
        return span
    noun = span[0].head.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN", "PRON"):
        noun = noun.head.head
    if noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return span
    start = min([noun.i, *(c.left_edge.i for c in noun.children if c.i < noun.i)])
    return span.doc[start : noun.i + 1]


def _from_speaker(a: Attribution) -> SourceKind:
    return _SPEAKER_KINDS.get(a.speaker_kind or "", "person")


# --- relays --------------------------------------------------------------------------------------------------





def _relay(doc: Doc, a: Attribution, kind: SourceKind, outlet: str | None) -> str | None:
    """What marks the attribution as reaching the outlet second-hand, or None."""
    for r in a.via:
        if not same_outlet(r.outlet or r.name or r.span.of(doc_text(doc)), outlet):
            return f"via {r.span.of(doc_text(doc))}"
    cue = a.cue.of(doc_text(doc)).lower() if a.cue is not None else ""
    written = a.source.of(doc_text(doc)) if a.source is not None else ""
    if ("according" in cue or cue == "per") and (kind == "document" or not same_outlet(written, outlet)):
        # (any source but this outlet itself; a document always, this outlet's own poll too)
        return f"{a.cue.of(doc_text(doc)) if a.cue else ''} {written}".strip()
    if _relayed_reports(doc, a):
        return f"reports: {written}"
    span = doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
    cue_span = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    anchor = cue_span[0] if cue_span is not None and len(cue_span) else (span[0] if span is not None and len(span)
                                                                        else None)
    if anchor is None:
        return None
    lo = min([s.start for s in (a.content, a.cue, a.source) if s is not None])
    hi = max([s.end for s in (a.content, a.cue, a.source) if s is not None])
    sent = anchor.sent
    adverb = next((t.text for t in among(sent, _RELAY_ADVERBS) if lo - 40 <= t.idx <= hi), None)
    if adverb:
        return adverb
    source = mention(doc, a)
    words = {t.lower_ for t in source} if source is not None else set()
    if kind == "organisation" and "report" in cue and _outlet_source(a, source, outlet):
        return f"reports: {written} {cue}"  # "the Kestrel Times reports: ...", "the paper reported"
    if words & lex.REPORTER_ROLES:
        return None  # a host or columnist on their own show or page speaks in public
    heard = heard_by(sent, anchor, outlet) or private_message(sent, anchor, outlet)  # (first: an interview named
    # carries on to what follows)
    passed = None if heard else passed_on(sent, anchor, outlet)
    if passed and any(not a.content.start <= t.idx < a.content.end for t in among(sent, _PUBLIC_CHANNEL_IDS)):
        return None  # (a public act first reported elsewhere is still public)
    names = {w.lower() for w in re.findall(r"[A-Za-z]+", a.speaker or "")} | {t.lower_ for t in source or ()
                                                                              if t.pos_ == "PROPN"}
    return heard or passed or (interview_before(sent, names, outlet, [(q.start, q.end) for q in a.quoted])
                               if names else None)


def _outlet_source(a: Attribution, source: Span | None, outlet: str | None) -> bool:
    """Is the source mention another news outlet, by name or as "the paper" that speaker resolution took for one?"""
    named = news_outlet(source) if source is not None else None
    speaker = _outlet_speaker(a)
    return bool(named or speaker) and not same_outlet(speaker or named or "", outlet)


def _outlet_speaker(a: Attribution) -> str | None:
    """The resolved speaker, when it is a news outlet by name ("Kestrel Globe")."""
    return a.speaker if a.speaker and {w.lower() for w in a.speaker.split()} & lex.OUTLET_WORDS else None


def _relayed_reports(doc: Doc, a: Attribution) -> bool:
    """Is a document source other outlets' reports, passed on ("Report: ...", "media reports", "various reports
    of ...") rather than one document the article reads itself ("the report", "fundraising reports")?"""
    span = mention(doc, a)
    head = mention_noun(span) if span is not None else None
    if span is None or head is None:
        return False
    if head.lemma_.lower() != "report":  # one of the sources listed ("party sources and media reports")
        return any(c.lemma_.lower() == "report" and c.tag_ == "NNS" and list(c.lefts) and all(
            m.lower_ in _RELAYED_REPORTS for m in c.lefts) for c in head.conjuncts if span.start <= c.i < span.end)
    listed = {t.i for c in head.conjuncts if span.start <= c.i < span.end for t in c.subtree} | {
        t.i for t in head.children if t.dep_ == "cc"}
    mods = [t for t in span if t.pos_ not in ("ADP", "PUNCT") and t.i != head.i and t.i not in listed]
    return all(t.lower_ in _RELAYED_REPORTS for t in mods) and (head.tag_ == "NNS" or head.i == 0 or bool(mods))













__all__ = ["SOURCE_KINDS", "ArticleSourcing", "SourceKind", "Sourcing", "article_sourcing", "sourcing"]
