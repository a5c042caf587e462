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
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, get_args

from onrecord.lexicon import en as lex
from onrecord.lexicon import load
from onrecord.provenance.anonymity import doc_text, follow_pronouns, mention, mention_noun, reasons, withheld
from onrecord.provenance.backing import backed, named_pair, set_of_people
from onrecord.types import Attribution, CharSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SourceKind: TypeAlias = Literal["person", "organisation", "document", "anonymous", "group"]
SOURCE_KINDS: tuple[SourceKind, ...] = get_args(SourceKind)

_DOCUMENT_HEADS = lex.DOCUMENT_NOUNS | lex.FINDING_NOUNS | lex.SOURCE_DOCUMENT_HEADS
_ORGANISATION_HEADS = lex.ORGANISATION_HEADS | lex.ORGANISATION_SOURCE_HEADS | lex.CAMPAIGN_HEADS
_PERSON_PRONOUNS = frozenset("he she him her i me his hers".split())
_GROUP_PRONOUNS = frozenset("they them we us".split())
_PUBLIC_HEARERS = frozenset("reporters reporter journalists press crowd audience supporters voters".split())
_SETTINGS = re.compile(r"\b(?:interview|appearance|told|tells|asked|asks)\b", re.IGNORECASE)  # may set a passage
_OCCASIONS = re.compile(r"\b(?:interview|appearance|remarks|comments)\b", re.IGNORECASE)  # a statement's occasion
_PASSAGE_BREAKS = 3  # how many paragraph breaks an interview passage runs on after its last statement
_SPEAKER_KINDS: dict[str, SourceKind] = {"organisation": "organisation", "anonymous": "anonymous"}
_LEXICON = load("en")
(_PUBLIC_CHANNELS, _OTHER_OCCASION, _RELAYED_REPORTS, _PUBLIC_BODIES) = (
    _LEXICON.words(name) for name in ("public_channels", "other_occasion", "relayed_report_modifiers",
                                      "public_body_heads"))


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
    return _carry_relays(doc, attributions, out, outlet)


# --- the kind of source --------------------------------------------------------------------------------------


def _kind(doc: Doc, a: Attribution) -> tuple[SourceKind, str]:
    """The kind of the source, with the words that decided it."""
    from onrecord.provenance import document_of

    span = mention(doc, a)
    if span is None or (span.root.pos_ in ("VERB", "AUX") and mention_noun(span) is span.root):
        # no mention to read (or a gold one that is only the cue): the document the words come from, else the
        # kind speaker resolution gave (a named author's document is the author's: "In the letter, Seely wrote")
        if document_of(a, doc_text(doc)) is not None and a.speaker is None:
            return "document", f"document: {a.medium}"
        return _from_speaker(a), f"speaker kind: {a.speaker_kind}"
    written = span.text
    head = mention_noun(span)
    lemma, lower = head.lemma_.lower(), head.lower_
    document = ((lemma in _DOCUMENT_HEADS or lower in _DOCUMENT_HEADS) and head.pos_ != "PROPN") or (
        lower == "it" and document_of(a, doc_text(doc)) is not None)
    unnamed = withheld(doc, a, span, head) if not document or any(
        t.dep_ == "conj" and t.head == head for t in span) else None  # ("media reports and party sources")
    if unnamed is not None:
        return "anonymous" if unnamed[0] == "anonymous" else "person", unnamed[1]
    if document:
        return "document", f"document: {written}"
    if lower in _PERSON_PRONOUNS or head.ent_type_ == "PERSON":
        return "person", f"person: {written}"
    if head.ent_type_ == "ORG" and not (a.speaker_kind == "person" and head.pos_ == "PROPN"):
        # (a surname the entity tagger took for an organisation: "Nakatani said", when extraction found a person)
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


def _from_speaker(a: Attribution) -> SourceKind:
    return _SPEAKER_KINDS.get(a.speaker_kind or "", "person")


# --- relays --------------------------------------------------------------------------------------------------


def _same_outlet(name: str, outlet: str | None) -> bool:
    """Is ``name`` ("the Times", "Harbour Post reporter Obi") this article's outlet ("The Harbour Post")?"""
    mine, theirs = ({w for w in re.findall(r"[a-z0-9]+", n.lower()) if w not in ("the", "a", "of", "and")}
                    for n in (outlet or "", name))
    return bool(mine and theirs) and (mine <= theirs or theirs <= mine or len(mine & theirs - {"news"}) >= 2)


def _outlet_words(span: Span) -> str | None:
    """The words of a news outlet or broadcast the phrase names ("CNN", "the Lakeview Herald", "Fox News
    Sunday"), or None; a day is no programme ("on Sunday")."""
    propn = [t for t in span if (t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "WORK_OF_ART"))
             and t.ent_type_ not in ("DATE", "TIME")]
    return span.text if any(t.lower_ in lex.OUTLET_WORDS or t.lower_ in lex.BROADCAST_WORDS for t in propn) else None


def _heard_outlet(sent: Span, t: Token) -> str | None:
    """The outlet named by who heard the words ("told CNN", "told Kestrel News anchor Ivo Tarn"; a numbered name
    told something is a station: "told Kanal 5"): the object's left side and the whole name it is part of, not a
    relative clause after it."""
    name = next((e for e in sent.ents if e.start <= t.i < e.end), None)
    hearer = sent.doc[min(t.left_edge.i, name.start if name is not None else t.i) : max(
        t.i + 1, name.end if name is not None else 0)]
    numbered = len(hearer) >= 2 and hearer[-1].like_num and hearer[-2].pos_ == "PROPN" and hearer[
        -2].ent_type_ not in ("PERSON", "GPE", "LOC", "DATE")
    return hearer.text if numbered else _outlet_words(hearer)


def _relay(doc: Doc, a: Attribution, kind: SourceKind, outlet: str | None) -> str | None:
    """What marks the attribution as reaching the outlet second-hand, or None."""
    for r in a.via:
        if not _same_outlet(r.outlet or r.name or r.span.of(doc_text(doc)), outlet):
            return f"via {r.span.of(doc_text(doc))}"
    cue = a.cue.of(doc_text(doc)).lower() if a.cue is not None else ""
    written = a.source.of(doc_text(doc)) if a.source is not None else ""
    if "according" in cue and not _same_outlet(written, outlet):  # any source, a document too ("the poll")
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
    adverb = next((t.text for t in anchor.sent if t.lower_ in lex.RELAY_ADVERBS and lo - 40 <= t.idx <= hi), None)
    if adverb:
        return adverb
    source = mention(doc, a)
    words = {t.lower_ for t in source} if source is not None else set()
    if kind == "organisation" and words & lex.OUTLET_WORDS and "report" in cue and not _same_outlet(written, outlet):
        return f"{written} {cue}"  # "the Kestrel Times reports: ..."
    if words & lex.REPORTER_ROLES:
        return None  # a host or columnist on their own show or page speaks in public
    return _heard_by(anchor.sent, anchor, outlet)


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


def _interview_outlet(t: Token) -> str | None:
    """The outlet an "interview" (or "appearance") is given to: named before it ("an MSNBC interview", "his Meet
    the Press interview") or after "with"/"by" ("with Univision", "published Monday by the Kestrel Herald")."""
    before = [c for c in t.children if c.dep_ in ("compound", "nmod", "amod", "poss") and c.i < t.i]
    named = _outlet_words(t.doc[min(c.left_edge.i for c in before) : t.i]) if before else None
    return named or next((t.doc[c.left_edge.i : c.i + 1].text for c in t.subtree if c.i > t.i and c.pos_ == "PROPN"
                          and c.head.lower_ in ("with", "by") and (c.ent_type_ == "ORG" or c.lower_ in
                                                                   lex.OUTLET_WORDS)), None) or _named_after(t)


def _named_after(t: Token) -> str | None:
    """The outlet named a few words after "interview", whatever the parse made of it ("an interview filed for
    Sunday's Kestrel Press Hour"): the phrase after "with", "for", "on" or "by", up to the next punctuation."""
    sent = t.sent
    prep = next((w for w in t.doc[t.i + 1 : min(t.i + 4, sent.end)] if w.lower_ in ("with", "for", "on", "by")), None)
    if prep is None:
        return None
    end = next((w.i for w in t.doc[prep.i + 1 : sent.end] if w.is_punct and w.text not in ("'s", "’s")), sent.end)
    return _outlet_words(t.doc[prep.i + 1 : end]) if end > prep.i + 1 else None


def _heard_by(sent: Span, cue: Token, outlet: str | None) -> str | None:
    """Another outlet that heard the words: "told CNN", "in an interview with the Herald", "on Fox News Sunday"."""
    for t in sent:
        if t.dep_ in ("dative", "dobj") and t.head == cue and cue.lemma_.lower() in lex.TELLING_VERBS:
            if t.lower_ in _PUBLIC_HEARERS:
                return None
            found = _heard_outlet(sent, t)
            if found and not _same_outlet(found, outlet):
                return f"{cue.text} {found}"
        found = _interview_outlet(t) if t.lower_ in ("interview", "appearance") and (
            _near(t, cue) or t.i < cue.i) else None
        if found and not _same_outlet(found, outlet):
            return f"{t.text}: {found}"
        if t.lower_ in ("interview", "appearance") or (t.lower_ == "on" and t.dep_ == "prep"):
            preps = [t] if t.lower_ == "on" else [c for c in t.children if c.lower_ in ("with", "on", "to")]
            for p in preps:  # (the prep's own subtree: a programme's name is often parsed apart from its pobj)
                phrase = sent.doc[p.i + 1 : p.right_edge.i + 1]
                found = _outlet_words(phrase) if len(phrase) else None
                if found and not _same_outlet(found, outlet) and (t.lower_ != "on" or _near(t, cue)):
                    return f"{t.text} {p.text if p is not t else ''} {found}".replace("  ", " ")
    return None


def _near(tok: Token, cue: Token) -> bool:
    """Is a fronted or trailing "on <programme>" part of the cue's clause?"""
    return tok == cue or cue in list(tok.ancestors)[:5]


def _main_clause(tok: Token) -> bool:
    """Is the word in its sentence's main clause (not "an incident Trump brought up in an interview with ...")?"""
    return all(t.dep_ not in ("relcl", "acl", "advcl", "ccomp", "appos", "conj") for t in (tok, *tok.ancestors))


def _speaker_key(a: Attribution, text: str) -> str:
    """The speaker's last name (the mention's last word when speaker resolution found no one)."""
    name = a.speaker or (a.source.of(text) if a.source is not None else "")
    return str((re.findall(r"[a-z]+", name.lower()) or [""])[-1])


def _own_channel(doc: Doc, a: Attribution) -> bool:
    """Does the statement's sentence name a public channel ("at a rally", "in a statement", "told reporters") or
    another occasion ("Clark later said", "she has said") of its own? (Not the words said: "the worst since
    the flood," he said.)"""
    span = doc.char_span((a.cue or a.content).start, (a.cue or a.content).end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return any((t.lower_ in _PUBLIC_CHANNELS or t.lower_ in _OTHER_OCCASION) and not a.content.start <= t.idx <
               a.content.end for t in span[0].sent) or any(
        c.dep_ == "aux" and c.lemma_ == "have" for t in span if t.pos_ == "VERB" for c in t.children)


def _passage_anchors(doc: Doc, attributions: Sequence[Attribution], found: Sequence[Sourcing],
                     outlet: str | None) -> list[tuple[int, str, str]]:
    """Where an interview passage starts: (the end of a statement marked as told to another outlet, or of a sentence
    whose named subject tells another outlet or sets such an interview, "Instead, Lind told Radio Nord, ...",
    "During his Kestrel News interview, Tarn ..."; the speaker's key; the mark)."""
    text, anchors = doc_text(doc), []
    for a, s in zip(attributions, found, strict=True):
        mark, key = next((e.removeprefix("relay: ") for e in s.evidence if e.startswith("relay: ")), ""), \
            _speaker_key(a, text)
        if mark and key and not mark.startswith(("via", "reports")) and "according" not in mark.lower() \
                and mark.lower() not in lex.RELAY_ADVERBS:
            anchors.append((a.content.end, key, mark))
    for m in _SETTINGS.finditer(text):  # (the few candidate words, found in the text: no walk over every token)
        words = doc.char_span(m.start(), m.end())
        if words is None:
            continue
        t = words[0]
        if t.lower_ in ("asked", "asks"):  # another outlet's journalist putting questions ("Kestrel News' Ivo
            asked = _asked_by(t)           # Tarn asked Lind ..."): her answers that follow are relayed
            if asked is not None and not _same_outlet(asked[1], outlet):
                anchors.append((t.sent.end_char, asked[0], f"{asked[1]} {t.text}"))
            continue
        if t.lower_ in ("told", "tells"):  # (a statement extraction did not find still sets the passage)
            subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            heard = next((c for c in t.children if c.dep_ in ("dative", "dobj")), None)
            named = _heard_outlet(t.sent, heard) if heard is not None and heard.lower_ not in _PUBLIC_HEARERS \
                else None
        else:
            subject = next((c for c in t.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            named = _interview_outlet(t) if _main_clause(t) else None
        if named and not _same_outlet(named, outlet) and subject is not None and subject.pos_ == "PROPN" \
                and subject.ent_type_ in ("PERSON", "ORG", ""):  # (a surname the tagger took for an organisation)
            anchors.append((t.sent.end_char, subject.lower_, f"{named} {t.text}"))
    return sorted(anchors)


def _occasion_after(doc: Doc, attributions: Sequence[Attribution], keys: Sequence[str], outlet: str | None
                    ) -> list[tuple[int, str]]:
    """Statements whose occasion the next sentence names ("Lind said the pier would close. She made the remarks in
    an interview with Radio Nord"): a sentence holding no statement of its own, whose subject is the speaker (a
    name, or a pronoun for the statement before it), naming an interview with another outlet or a programme;
    it marks the speaker's statements before it, back to the paragraph before."""
    text, cues = doc_text(doc), {a.cue.start for a in attributions if a.cue is not None}
    out: list[tuple[int, str]] = []
    for m in _OCCASIONS.finditer(text):
        words = doc.char_span(m.start(), m.end())
        sent = words[0].sent if words is not None else None
        subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None) if sent is not None else None
        if sent is None or subject is None or any(sent.start_char <= c < sent.end_char for c in cues):
            continue
        earlier = [k for k, a in enumerate(attributions) if a.content.end <= sent.start_char and text[
            a.content.end : sent.start_char].count("\n\n" if "\n\n" in text else "\n") <= 1]
        key = subject.lower_ if subject.pos_ == "PROPN" else (keys[max(earlier, key=lambda k: attributions[
            k].content.end)] if earlier and subject.lower_ in ("he", "she", "they") else "")
        named = _heard_by(sent, sent.root, outlet) if key else None
        out += [(k, f"{named} (the next sentence)") for k in earlier if named and keys[k] == key
                and not _own_channel(doc, attributions[k])]
    return out


def _asked_by(t: Token) -> tuple[str, str] | None:
    """(the answerer's key, the asker) when a named journalist of an outlet puts questions to a named person
    ("Kestrel News host Ivo Tarn asked Lind to ..."); None otherwise."""
    subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
    answerer = next((c for c in t.children if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN"), None)
    if subject is None or answerer is None or answerer.ent_type_ in ("DATE", "TIME"):
        return None
    asker = _outlet_words(t.doc[subject.left_edge.i : subject.i + 1])
    return (answerer.lower_, asker) if asker else None


def _carry_relays(doc: Doc, attributions: Sequence[Attribution], found: list[Sourcing],
                  outlet: str | None = None) -> tuple[Sourcing, ...]:
    """A passage marked as an interview with another outlet carries on to the same speaker's later statements
    within a few paragraphs ("He added ...", "Wilson praised ..."), until one names a channel of its own (a rally,
    a statement, reporters) or another occasion. An "according to" sentence standing alone scopes the sentence
    before it ("That's according to exit polls"); a fronted one ("According to the book, ...") the next
    sentence's statement by a pronoun ("Bob, they said, ordered them to wait")."""
    text, out = doc_text(doc), list(found)
    order = sorted(range(len(attributions)), key=lambda k: attributions[k].content.start)
    keys = [_speaker_key(a, text) for a in attributions]

    def mark(k: int, why: str) -> None:
        out[k] = replace(out[k], relay_only=True, evidence=(*out[k].evidence, f"relay: {why}"))

    for start, key, why in _passage_anchors(doc, attributions, found, outlet):
        last = start
        for j in (j for j in order if attributions[j].content.start >= start and keys[j] == key):
            between = text[last : attributions[j].content.start]
            if between.count("\n\n" if "\n\n" in text else "\n") > _PASSAGE_BREAKS or "___" in between or (
                    not out[j].relay_only and (attributions[j].via or _own_channel(doc, attributions[j]))):
                break  # (too far on, or a channel or occasion of its own)
            if not out[j].relay_only:
                mark(j, f"{why.removesuffix(' (same passage)')} (same passage)")
            last = attributions[j].content.end
    for k, why in _occasion_after(doc, attributions, keys, outlet):
        if not out[k].relay_only:
            mark(k, why)
    for sent in doc.sents:
        words = sent.text.strip().lower().replace("’", "'")
        if words.startswith(("that's according to", "that is according to", "this is according to")) and sent.start:
            scope, pronoun_only = doc[sent.start - 1].sent, False
        elif words.startswith("according to ") and sent.end < len(doc) and "\n" not in text[
                sent.end_char : doc[sent.end].sent.start_char]:
            scope, pronoun_only = doc[sent.end].sent, True
        else:
            continue
        for k, a in enumerate(attributions):
            said_by = mention(doc, a)
            if scope.start_char <= a.content.start < scope.end_char and not out[k].relay_only and (
                    not pronoun_only or (said_by is not None and len(said_by) == 1 and said_by[0].pos_ == "PRON")):
                mark(k, sent.text.strip()[:60])
    return tuple(out)


__all__ = ["SOURCE_KINDS", "ArticleSourcing", "SourceKind", "Sourcing", "article_sourcing", "sourcing"]
